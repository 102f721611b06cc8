import Foundation

/// Main expected targets (主要预期目标) of a work report: the clauses of the targets paragraph
/// that carry a number, each split into indicator, value, unit and qualifier.
///
/// `国内生产总值增长6.5%左右；城镇新增就业1100万人以上` →
/// (国内生产总值增长, 6.5, %, approx), (城镇新增就业, 1100, 万人, atLeast).
struct TargetReader {
    let view: TextView
    let cues: Cues

    static let opener = try! NSRegularExpression(pattern: #"(主要预期目标|预期目标是|预期目标为|主要目标是)\s*(建议|拟定|初步)?(是|为)?\s*[:：]?"#)
    /// 赤字率拟按3%安排, and 赤字率从去年的2.1%提高到2.3% (the figure it moves to).
    static let deficit = try! NSRegularExpression(pattern: #"赤字率[^。;；]{0,8}?[0-9.]+%(?:(?:提高|降低|下降|调整|调)[到至][0-9.]+%)?"#)
    static let leadingNoise = try! NSRegularExpression(pattern: #"^(今年|明年|[0-9]{4}年)?(经济社会)?(发展)?(的)?(主要)?(预期)?(目标|指标)?(是|为)?[:：,，]?"#)
    /// Words before an indicator (其中地方级财政收入, 力争…); a pattern of its own, as the one above
    /// also matches nothing and an alternation would stop there.
    static let leadingWords = try! NSRegularExpression(pattern: #"^(其中|同时|力争|确保|要|实现|保持|努力|争取)+"#)
    /// Who set the target, before it (中央提出今年经济增长…).
    static let setter = try! NSRegularExpression(pattern: #"^[^,，]{0,6}?(提出|确定)了?"#)
    /// The place the whole figure covers (全县生产总值): the indicator is the same without it.
    static let wholePlace = try! NSRegularExpression(pattern: #"^全[县市区省镇乡州旗盟]"#)
    /// A list entry's number (1. （1） ①), not a decimal (1.5万人).
    static let listMarker = try! NSRegularExpression(pattern: #"^\s*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]|[①-⑳])(?![0-9])\s*"#)

    func targets(in lines: [Range<Int>]) -> [Target] {
        var out: [Target] = []
        var consumed = -1
        for (k, line) in lines.enumerated() where k > consumed {
            let text = view.text(line)
            if var (at, start) = listStart(k, text, in: lines, after: out) {
                // The list ends with its sentence, over as many lines as it takes (1.地区生产总值增长7%左右；
                // ⏎ 2.…); what follows explains it.
                for _ in 0..<12 {
                    let rest = (view.text(lines[at]) as NSString).substring(from: start)
                    let stop = rest.firstIndex(of: "。").map { rest.utf16.distance(from: rest.startIndex, to: $0) }
                    out += clauses(lines[at].lowerBound + start..<lines[at].lowerBound + start + (stop ?? TextView.length(rest)))
                    consumed = at
                    guard stop == nil, let next = nextWithText(after: at, in: lines) else { break }
                    (at, start) = (next, 0)
                }
            } else if let m = Self.deficit.firstMatch(in: text, range: NSRange(location: 0, length: TextView.length(text))) {
                out += clauses(line.lowerBound + m.range.location..<line.lowerBound + m.range.location + m.range.length)
            }
        }
        return out.enumerated().map { i, t in var t = t; t.id = String(format: "t%02d", i + 1); return t }
    }

    /// Where the list of targets that line `k` (`text`) leads into starts: after its lead-in (…主要预期目标是：),
    /// on the next line with text when the lead-in stands alone, or with the clause that names the
    /// indicator before the lead-in (今年经济增长预期目标为7%左右). Nil when there is none, or when the
    /// line only says a target of `found` again to explain it (中央提出今年经济增长预期目标为8%左右，是为了…).
    func listStart(_ k: Int, _ text: String, in lines: [Range<Int>], after found: [Target]) -> (line: Int, start: Int)? {
        let ns = text as NSString
        guard let m = Self.opener.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)), !text.hasPrefix("上述") else { return nil }
        let end = m.range.location + m.range.length
        let after = ns.substring(from: end).trimmingCharacters(in: .whitespaces)
        if after.isEmpty { return nextWithText(after: k, in: lines).map { ($0, 0) } }
        guard let first = after.unicodeScalars.first, CharacterSet.decimalDigits.contains(first) else { return (k, end) }
        var a = m.range.location
        while a > 0, !"，,。；;：:".utf16.contains(ns.character(at: a - 1)) { a -= 1 }
        if let t = clauses(lines[k].lowerBound + a..<lines[k].lowerBound + ns.length).first,
           found.contains(where: { $0.value == t.value && $0.unit == t.unit && $0.qualifier == t.qualifier }) { return nil }
        return (k, a)
    }

    /// The first of the next few lines that holds text.
    func nextWithText(after k: Int, in lines: [Range<Int>]) -> Int? {
        lines.indices.dropFirst(k + 1).prefix(4).first { !view.text(lines[$0]).trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Splits at ；;，,。 and reads one target from each clause with a number.
    func clauses(_ range: Range<Int>) -> [Target] {
        var out: [Target] = []
        let u = view.norm.units
        var a = range.lowerBound
        // 、 separates targets only after a figure (GDP增长7%左右、一般公共预算收入增长5%), not the
        // names of one indicator (二氧化硫、化学需氧量排放量), nor the figures that 分别 lists
        // (城镇、农村居民人均可支配收入分别增长6%、7.5%).
        func endsClause(_ i: Int) -> Bool {
            if [0x3B, 0x2C, 0x3002, 0xFF1B, 0xFF0C].contains(u[i]) { return true }
            guard u[i] == 0x3001, u[a..<i].contains(where: { (0x30...0x39).contains($0) }) else { return false }
            return !(a + 1 < i && (a..<i - 1).contains { u[$0] == 0x5206 && u[$0 + 1] == 0x522B })  // 分别
        }
        for i in range.lowerBound...range.upperBound where i == range.upperBound || endsClause(i) {
            var clause = view.trimmed(a..<i)
            a = i + 1
            // A list entry's number is not part of the target (1.全县生产总值增长7%左右).
            if let m = Self.listMarker.firstMatch(in: view.text(clause), range: NSRange(location: 0, length: TextView.length(view.text(clause)))) {
                clause = view.trimmed(clause.lowerBound + m.range.length..<clause.upperBound)
            }
            guard !clause.isEmpty else { continue }
            let text = view.text(clause)
            let found = NumberParser.parse(text, cues: cues).filter { ($0.unit != nil || $0.qualifier != nil) && $0.unit != "年" }
            guard var q = found.first else { continue }
            // 从去年的2.1%提高到2.3%: the target is the figure it moves to.
            if found.count > 1, let to = found.dropFirst().first(where: { f in
                let before = String(decoding: Array(text.utf16)[max(0, f.range.lowerBound - 3)..<f.range.lowerBound], as: UTF16.self)
                return before.hasSuffix("到") || before.hasSuffix("至")
            }) { q = to }
            var indicator = String(decoding: Array(text.utf16)[..<found[0].range.lowerBound], as: UTF16.self)
            if let from = indicator.range(of: "从") { indicator = String(indicator[..<from.lowerBound]) }
            for noise in [Self.setter, Self.leadingNoise, Self.leadingWords, Self.wholePlace] {
                indicator = noise.stringByReplacingMatches(in: indicator, range: NSRange(location: 0, length: (indicator as NSString).length), withTemplate: "")
            }
            indicator = indicator.trimmingCharacters(in: .whitespaces)
            while let word = cues.targetConnectors.first(where: { indicator.hasSuffix($0) && indicator.count > $0.count }) {
                indicator = String(indicator.dropLast(word.count)).trimmingCharacters(in: .whitespaces)
            }
            // A goal over several years (“十五”期间年均经济增长速度) is no target of the year.
            guard indicator.count >= 3, indicator.count <= 24, !cues.multiYearTargets.contains(where: indicator.contains) else { continue }
            let span = view.span(clause)
            // 城乡居民人均可支配收入分别增长6.5%和8%: one target for each.
            if indicator.contains("分别"), found.count == 2, let pair = cues.pairedIndicators.first(where: { indicator.contains($0.whole) }) {
                let named = indicator.replacingOccurrences(of: "分别", with: "")
                for (part, f) in zip(pair.parts, found) {
                    out.append(Target(id: "", indicator: named.replacingOccurrences(of: pair.whole, with: part), value: f.value, high: f.high,
                                      unit: f.unit ?? q.unit, qualifier: f.qualifier, text: view.originalText(span), span: span))
                }
                continue
            }
            // 城镇、农村居民人均可支配收入分别增长6%、7.5%: short names listed before the last share
            // its tail (居民人均可支配收入), one target each.
            if let names = Self.listedIndicators(indicator, count: found.count) {
                for (name, f) in zip(names, found) {
                    out.append(Target(id: "", indicator: name, value: f.value, high: f.high, unit: f.unit ?? q.unit,
                                      qualifier: f.qualifier, text: view.originalText(span), span: span))
                }
                continue
            }
            out.append(Target(id: "", indicator: indicator, value: q.value, high: q.high, unit: q.unit, qualifier: q.qualifier,
                              text: view.originalText(span), span: span))
        }
        return out
    }

    /// The indicators of `A、B…分别VERB` with `count` figures: each listed name but the last takes
    /// the last's tail (城镇、农村居民人均可支配收入 → 城镇居民…, 农村居民…; 进口、出口 → 进口, 出口),
    /// then the verb. Nil unless names and figures agree in number and the first names are short.
    static func listedIndicators(_ indicator: String, count: Int) -> [String]? {
        guard count >= 2, let at = indicator.range(of: "分别") else { return nil }
        let names = indicator[..<at.lowerBound].split(separator: "、").map(String.init)
        let verb = String(indicator[at.upperBound...])
        guard names.count == count, let last = names.last,
              names.dropLast().allSatisfy({ $0.count <= 4 && $0.count <= last.count }) else { return nil }
        let tail = String(last.dropFirst(names[0].count))
        return names.dropLast().map { $0 + tail + verb } + [last + verb]
    }
}
