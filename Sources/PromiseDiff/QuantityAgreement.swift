import ReportStructure

extension PromiseJudge {
    public enum NumberAgreement: Sendable { case none, meets, short }

    /// Compares each figure the promise names with the evidence's figures about the same thing:
    /// what a figure is about is named by the three rarest words of its clause in the promise
    /// (三农 in 安排“三农”支出5625亿元, 贫困人口 in 完成1000万以上农村贫困人口脱贫任务), and the evidence's
    /// figures about it are those of the same base unit in a sentence naming one of them: in the
    /// name's clause (取消和下放246项行政审批事项), else after it (超过2%，能耗强度下降4.8% reads 4.8%),
    /// else before it. A figure in another sentence is about something else (2.8万亿元中央财政资金
    /// is not 专项债券); another year's figure (比上年增加…, 明年…) is not compared.
    /// Short when any figure falls short, meets when one meets and none falls short.
    func compare(_ promise: Passage, _ evidence: Passage) -> NumberAgreement {
        let shared = promise.words.filter { evidence.words.contains($0) }
        guard !shared.isEmpty else { return .none }
        // Done less often than promised (每月 promised, 每季度 reported): short of the promise.
        if let promised = Self.period(promise.normalized), let done = Self.period(evidence.normalized), done > promised {
            return .short
        }
        guard promise.quantities.contains(where: { $0.unit != nil }) else { return .none }
        // A five-year total or a yearly average (年均增长, 累计…, or anything in a paragraph that
        // opens 五年来) is not the year's figure: it neither meets nor falls short of an annual promise.
        let annual = !DiffCues.any(DiffCues.shared.aggregate, promise.normalized)
        if annual && evidence.inRecap { return .none }
        let said = Array(promise.normalized.utf16), text = Array(evidence.normalized.utf16)
        let sentence = Self.sentenceNumbers(text), clauses = Self.clauseNumbers(text), saidClauses = Self.clauseNumbers(said)
        func isAggregate(_ q: NumberParser.Found) -> Bool {
            let end = min(q.range.lowerBound, text.count)
            var a = end
            while a > 0, !Passage.endsSentence(text[a - 1]) { a -= 1 }
            return DiffCues.any(DiffCues.shared.aggregate, String(decoding: text[a..<end], as: UTF16.self))
        }
        // Where each of the promise's words is written in it, for the clause of each figure.
        let saidAt = promise.words.map { Self.occurrences(of: $0, in: said) }
        var verdict = NumberAgreement.none
        let counts = evidence.quantities.filter { !Self.isWhole($0, of: evidence.quantities, in: text) }
        for want in promise.quantities where want.unit != nil {
            let base = want.baseUnit ?? want.unit
            let same = counts.filter { ($0.baseUnit ?? $0.unit) == base && $0.unit != nil && !(annual && isAggregate($0)) }
            let clause = saidClauses[want.range.lowerBound]
            let clauseStart = saidClauses.firstIndex(of: clause)!
            guard !same.isEmpty, !DiffCues.any(DiffCues.shared.otherYear, String(decoding: said[clauseStart..<want.range.lowerBound], as: UTF16.self)) else { continue }
            let inClause = zip(promise.words, saidAt).filter { _, at in at.contains { saidClauses[$0] == clause } }.map(\.0)
            let names = rarest(inClause.isEmpty ? promise.words : inClause, 3).flatMap { Self.occurrences(of: $0, in: text) }
            // How closely a figure is tied to a name: 0 in its clause, 1 after it, 2 before it. A
            // total (合计11.7亿元) is tied as closely as the figures it sums, which come before it.
            func tie(_ q: NumberParser.Found) -> Int? {
                let at = min(q.range.lowerBound, text.count - 1)
                let inSentence = names.filter { sentence[$0] == sentence[at] }
                if !inSentence.isEmpty && Self.isTotal(q, in: text) && inSentence.contains(where: { $0 < at }) { return 0 }
                return inSentence.map { clauses[$0] == clauses[at] ? 0 : q.range.lowerBound > $0 ? 1 : 2 }.min()
            }
            let tied = same.compactMap { q in tie(q).map { (q, $0) } }
            guard let closest = tied.map(\.1).min() else { continue }
            // Of the figures tied as closely, one that meets the promise is its account (保障性住房
            // 基本建成432万套，新开工建设1043万套 against 开工建设…1000万套).
            let meets = tied.filter { $0.1 == closest }.contains { got, _ in
                switch want.qualifier {
                case .atMost, .lessThan: return got.scaled <= want.scaled
                default: return got.scaled >= want.scaled * 0.999
                }
            }
            if !meets { return .short }
            verdict = .meets
        }
        return verdict
    }

    /// A figure that counts the whole a later figure is part of (全镇18个村中已有12个村: 18 is all the
    /// villages, 12 those that did it): 中 follows it within the clause, and the next figure of the
    /// same unit comes soon after. Such a whole is no account of what was done.
    static func isWhole(_ q: NumberParser.Found, of all: [NumberParser.Found], in text: [UInt16]) -> Bool {
        let unit = q.baseUnit ?? q.unit
        guard let next = all.first(where: { $0.range.lowerBound >= q.range.upperBound && ($0.baseUnit ?? $0.unit) == unit }),
              next.range.lowerBound - q.range.upperBound <= 10, next.range.lowerBound <= text.count else { return false }
        let between = text[min(q.range.upperBound, text.count)..<next.range.lowerBound]
        return between.contains(0x4E2D) && !between.contains { clauseEnds.contains($0) || Passage.endsSentence($0) }   // 中
    }

    /// Whether the words just before a figure make it a total (`totals.txt`).
    static func isTotal(_ q: NumberParser.Found, in text: [UInt16]) -> Bool {
        let end = min(q.range.lowerBound, text.count)
        return DiffCues.any(DiffCues.shared.totals, String(decoding: text[max(0, end - 4)..<end], as: UTF16.self))
    }

    /// How often the text says a task is done, in days (`frequencies.txt`): the shortest period
    /// it names, `nil` for none.
    static func period(_ text: String) -> Int? {
        // Every frequency opens with 每, which most sentences lack: a scan of code units first.
        guard text.utf16.contains(0x6BCF) else { return nil }
        return DiffCues.shared.frequencies.filter { text.contains($0.word) }.map(\.days).min()
    }

    /// The sentence each code unit falls in, counted from 0.
    static func sentenceNumbers(_ text: [UInt16]) -> [Int] {
        var n = 0
        return text.map { u in
            defer { if Passage.endsSentence(u) { n += 1 } }
            return n
        }
    }

    /// The clause (between ，；：。) each code unit falls in, counted from 0.
    static func clauseNumbers(_ text: [UInt16]) -> [Int] {
        var n = 0
        return text.map { u in
            defer { if Passage.endsSentence(u) || clauseEnds.contains(u) { n += 1 } }
            return n
        }
    }

    /// ，and ： (NFKC writes them half-width; the full-width comma for text it has not seen).
    static let clauseEnds: Set<UInt16> = [0x2C, 0xFF0C, 0x3A]

    /// Where a content word is written in the text, in any of its ways (a word is its synonyms'
    /// canonical form: 棚户区改造 is written 棚户区住房改造 too).
    static func occurrences(of word: String, in text: [UInt16]) -> [Int] {
        ([word] + (DiffCues.shared.writings[word] ?? [])).flatMap { w -> [Int] in
            let needle = Array(w.utf16)
            guard !needle.isEmpty, needle.count <= text.count else { return [] }
            return (0...(text.count - needle.count)).filter { text[$0] == needle[0] && text[$0..<$0 + needle.count].elementsEqual(needle) }
        }.sorted()
    }
}
