import Foundation
import ReportStructure
import ReportText

/// Judges the main expected targets of year N against the actuals that the report reviewing
/// year N gives: finds the sentence naming the indicator, takes the figure after it in a
/// compatible unit (not a multi-year total or average), and compares it honouring the
/// qualifier. 左右 allows `approxTolerance` (0.5 percentage point for percentages, 5% of the
/// value otherwise); ceilings (prices, unemployment, deficit) are met by a lower actual.
public struct TargetJudge: Sendable {
    public static let percentTolerance = 0.5
    public static let relativeTolerance = 0.05

    public init() {}

    /// The indicator without its direction or rate word: 国内生产总值增长 → 国内生产总值, and so
    /// 地区生产总值增速 (a county's wording) → 地区生产总值.
    static func core(_ indicator: String) -> String {
        var s = indicator
        for w in DiffCues.shared.indicatorEnds where s.hasSuffix(w) && s.count > w.count + 1 {
            s = String(s.dropLast(w.count))
        }
        return s
    }

    /// A growth figure against a year before the previous one (比2002年增长65.5% in a review of
    /// 2007) spans several years.
    static let baseYear = try! NSRegularExpression(pattern: #"比((?:19|20)[0-9]{2})年"#)
    /// Where a clause group ends: a figure past one belongs to what follows.
    static let clauseEnds: Set<Character> = ["；", ";", "。"]
    static let movesTo = try! NSRegularExpression(pattern: #"^[^,，;；。]*(提高|上升|增加|增长|下降|降低|减少|回落|扩大|缩小|降|升)(到|至)"#)

    /// Where the later report gives the actual: its review; `problems`, where a missed target is
    /// often admitted (预期增长目标未能实现); and `plans`, only for a figure said to be last year's
    /// (赤字率从去年的2.1%提高到2.3%), or given right after a sentence opening 过去一年
    /// (`last-year-openers.txt`). `year`: the year the review reports on, when known.
    public func judge(_ t: Target, review: [Passage], problems: [Passage] = [], plans: [Passage] = [], year: Int? = nil) -> TargetJudgement {
        let cues = DiffCues.shared
        let target = TargetJudgement.Value(value: t.value, high: t.high, unit: t.unit, qualifier: t.qualifier, text: t.text, span: t.span)
        var core = Self.core(t.indicator)
        // A name of two characters (经济 of 经济增长) is part of too many others: its other name
        // (国内生产总值) is looked for instead.
        if core.count <= 2, let other = cues.indicatorSynonyms[core]?.first { core = other }
        let ceiling = cues.directions.first { t.indicator.contains($0.word) }?.ceiling ?? false
        let lastYears = Set(plans.map(\.span))
        // In the plans, sentences that follow one opening 过去一年… in the same item account for last
        // year (过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…).
        let lastYearAccounts = Set(zip(plans, plans.dropFirst()).filter { a, b in
            a.itemId == b.itemId && DiffCues.any(cues.lastYearOpeners, a.normalized)
        }.map { $0.1.span })
        let review = review + problems + plans
        // Its own name or another (城镇常住居民… for 城镇居民…) before the name without its scope.
        let otherNames = cues.indicatorSynonyms[core] ?? []
        var mentions = review.filter { $0.normalized.containsBytes(core) }
        mentions += review.filter { p in !p.normalized.containsBytes(core) && otherNames.contains { p.normalized.containsBytes($0) } }
        // Named without its scope (调查失业率 for 城镇调查失业率), and not scoped otherwise there
        // (城镇常住居民… is scoped: 常住 stands between).
        if mentions.allSatisfy({ lastYears.contains($0.span) }), let scope = cues.scopes.first(where: { core.hasPrefix($0) }), core.count >= scope.count + 4 {
            let bare = String(core.dropFirst(scope.count))
            let unscoped = { (p: Passage) in
                p.normalized.components(separatedBy: bare).dropLast().contains { before in
                    let b = before.hasSuffix("常住") ? String(before.dropLast(2)) : before
                    return !cues.scopes.contains(where: b.hasSuffix)
                }
            }
            mentions = review.filter { $0.normalized.containsBytes(bare) && unscoped($0) }
            if !mentions.isEmpty { core = bare }
        }
        // Other names the review uses (财政赤字占国内生产总值的比重 for 赤字率).
        let names = [core] + (cues.indicatorSynonyms[core] ?? [])
        mentions += review.filter { p in !mentions.contains { $0.span == p.span } && names.dropFirst().contains { p.normalized.containsBytes($0) } }
        // The year's own account before a look back over five years (五年来…年均…); a plan's
        // mention of last year's figure last.
        mentions = mentions.filter { !$0.inRecap && !lastYears.contains($0.span) } + mentions.filter { $0.inRecap && !lastYears.contains($0.span) }
            + mentions.filter { lastYears.contains($0.span) }
        var fallback: TargetJudgement?
        for p in mentions {
            let s = p.normalized as NSString
            let named = names.flatMap { n in occurrences(of: n, in: s, cues).map { ($0, n) } }
            for (at, name) in named {
                // A figure of the same unit soon after the name, in the same clause group (not past a ；).
                for var q in p.quantities where q.range.lowerBound >= at + name.utf16.count && q.unit == t.unit
                    && q.range.lowerBound - at <= name.utf16.count + 24 {
                    let upToFigure = s.substring(with: NSRange(location: at, length: q.range.lowerBound - at))
                    guard !upToFigure.contains(where: Self.clauseEnds.contains) else { continue }
                    // Two indicators, then their figures 分别 in order (城镇…收入和农村…收入分别增长7.9%和
                    // 9.1%): the name after 和 takes the second figure.
                    if at > 0, [0x548C, 0x3001].contains(s.character(at: at - 1)), upToFigure.contains("分别"),
                       let second = p.quantities.first(where: { $0.range.lowerBound > q.range.upperBound && $0.unit == q.unit }) {
                        q = second
                    }
                    // 从2.8%降到1.5%: the review's figure is where it moved to.
                    if !lastYears.contains(p.span), let next = p.quantities.first(where: { $0.range.lowerBound > q.range.upperBound && $0.unit == q.unit }) {
                        let between = s.substring(with: NSRange(location: q.range.upperBound, length: next.range.lowerBound - q.range.upperBound))
                        if (between as NSString).length <= 8, Self.movesTo.firstMatch(in: between, range: NSRange(location: 0, length: (between as NSString).length)) != nil {
                            q = next
                        }
                    }
                    // The clause up to the figure must not make it a total or an average
                    // (平均每年城镇新增就业1000多万人, 累计…).
                    var from = at
                    while from > 0, ![0x3002, 0x3B, 0xFF1B, 0x2C, 0xFF0C].contains(s.character(at: from - 1)) { from -= 1 }
                    let clause = s.substring(with: NSRange(location: from, length: q.range.lowerBound - from))
                    let base = Self.baseYear.firstMatch(in: clause, range: NSRange(location: 0, length: (clause as NSString).length))
                        .flatMap { Int((clause as NSString).substring(with: $0.range(at: 1))) }
                    if DiffCues.any(cues.aggregate, clause) || p.inRecap || (base != nil && year != nil && base! < year! - 1) { continue }
                    // The target restated (没有实现年初确定的…4%左右的目标) is no actual.
                    if DiffCues.any(cues.restatements, clause) { continue }
                    // In the plans, only a figure said to be last year's (去年的2.1%, 去年…比上年上涨4.8%).
                    if lastYears.contains(p.span) {
                        let lead = s.substring(with: NSRange(location: max(0, at - 8), length: q.range.lowerBound - max(0, at - 8)))
                        guard lead.contains("去年") || lead.contains("上年") || lastYearAccounts.contains(p.span) else { continue }
                    }
                    // A fall where the target rises (增长6% against 同比下降4.3%) is a negative change.
                    let sign = Self.rises(t.indicator, cues).flatMap { wanted in
                        Self.rises(s.substring(with: NSRange(location: at, length: q.range.lowerBound - at)), cues).map { $0 == wanted ? 1.0 : -1.0 }
                    } ?? 1
                    let actual = TargetJudgement.Value(value: sign * q.value, high: q.high.map { sign * $0 }, unit: q.unit, qualifier: q.qualifier,
                                                       text: p.text, span: p.span)
                    let (verdict, reason) = compare(t, actual: sign * q.value, ceiling: ceiling)
                    return TargetJudgement(id: t.id, indicator: t.indicator, target: target, actual: actual, verdict: verdict, reason: reason)
                }
            }
            // A verdict in words (完成预期目标, 保持较低水平) when no figure is given; a five-year
            // recap's words are about the five years.
            // It must name the indicator itself (not 占国内生产总值比重).
            for (verdict, regex) in cues.verbal where fallback == nil && !named.isEmpty && !p.inRecap && !lastYears.contains(p.span)
                && regex.firstMatch(in: p.normalized, range: NSRange(location: 0, length: s.length)) != nil {
                fallback = TargetJudgement(id: t.id, indicator: t.indicator, target: target,
                                           actual: .init(value: nil, high: nil, unit: nil, qualifier: nil, text: p.text, span: p.span),
                                           verdict: verdict, reason: "the review judges it in words")
            }
        }
        if let paired = pairedFigure(t, target, core: core, review: review.filter { !$0.inRecap && !lastYears.contains($0.span) }, ceiling: ceiling) {
            return paired
        }
        if let fallback { return fallback }
        if let p = mentions.first(where: { !lastYears.contains($0.span) }) {
            return TargetJudgement(id: t.id, indicator: t.indicator, target: target,
                                   actual: .init(value: nil, high: nil, unit: nil, qualifier: nil, text: p.text, span: p.span),
                                   verdict: .ambiguous, reason: "the review names the indicator without a comparable figure")
        }
        return TargetJudgement(id: t.id, indicator: t.indicator, target: target, actual: nil, verdict: .notReported,
                               reason: "the review does not name the indicator")
    }

    /// Which way the last change word in `s` goes (`target-directions.txt`): true for a rise,
    /// nil when `s` names no change (a level: 达到2.08%).
    static func rises(_ s: String, _ cues: DiffCues) -> Bool? {
        var last: (end: String.Index, rises: Bool)?
        for (rises, word) in cues.changeWords {
            guard let r = s.range(of: word, options: .backwards) else { continue }
            // 负增长 ends where 增长 does: the word listed first keeps the place.
            if let l = last, r.upperBound <= l.end { continue }
            last = (r.upperBound, rises)
        }
        return last?.rises
    }

    /// One of two indicators the review names together (城乡居民人均可支配收入分别增长8.1%和9.6%,
    /// `paired-indicators.txt`): its figure is the one in its place.
    func pairedFigure(_ t: Target, _ target: TargetJudgement.Value, core: String, review: [Passage], ceiling: Bool) -> TargetJudgement? {
        for pair in Cues.shared.pairedIndicators {
            guard let k = pair.parts.firstIndex(where: { core.contains($0) }) else { continue }
            let together = core.replacingOccurrences(of: pair.parts[k], with: pair.whole)
            for p in review where p.normalized.containsBytes(together) {
                let s = p.normalized as NSString
                let at = s.range(of: together)
                guard at.location != NSNotFound else { continue }
                let from = at.location + at.length
                let rest = s.substring(from: from)
                guard rest.prefix(12).contains("分别") else { continue }
                let clauseEnd = rest.firstIndex(where: Self.clauseEnds.contains).map { rest.utf16.distance(from: rest.startIndex, to: $0) } ?? (rest as NSString).length
                let figures = p.quantities.filter { (from..<from + clauseEnd).contains($0.range.lowerBound) && ($0.unit == t.unit || $0.unit == nil) }
                guard figures.count == pair.parts.count else { continue }
                let q = figures[k]
                let (verdict, reason) = compare(t, actual: q.value, ceiling: ceiling)
                return TargetJudgement(id: t.id, indicator: t.indicator, target: target,
                                       actual: .init(value: q.value, high: q.high, unit: t.unit, qualifier: q.qualifier, text: p.text, span: p.span),
                                       verdict: verdict, reason: reason)
            }
        }
        return nil
    }

    /// Where `core` is named in `s` as itself: not as part of another indicator (单位国内生产总值能耗,
    /// 占国内生产总值比重; `indicator-modifiers.txt`).
    func occurrences(of core: String, in s: NSString, _ cues: DiffCues) -> [Int] {
        var out: [Int] = []
        var from = 0
        while from < s.length {
            let r = s.range(of: core, range: NSRange(location: from, length: s.length - from))
            guard r.location != NSNotFound else { break }
            let before = s.substring(to: r.location), after = String(s.substring(from: r.location + r.length).drop { $0.isWhitespace })
            if !cues.modifiers.left.contains(where: before.hasSuffix) && !cues.modifiers.right.contains(where: after.hasPrefix) {
                out.append(r.location)
            }
            from = r.location + r.length
        }
        return out
    }

    func compare(_ t: Target, actual a: Double, ceiling: Bool) -> (TargetVerdict, String) {
        let tol = t.unit == "%" || t.unit?.hasSuffix("百分点") == true ? Self.percentTolerance : abs(t.value) * Self.relativeTolerance
        let low = t.value, high = t.high ?? t.value
        let met: Bool
        switch t.qualifier {
        case .approx: met = ceiling ? a <= high + tol : a >= low - tol
        case .atLeast: met = a >= low
        case .moreThan: met = a > low
        case .atMost: met = a <= high
        case .lessThan: met = a < high
        case nil: met = ceiling ? a <= high : a >= low
        }
        let target = t.high.map { "\(Self.fmt(low))-\(Self.fmt($0))" } ?? Self.fmt(low)
        let rule = (ceiling ? "a ceiling" : "a floor") + (t.qualifier == .approx ? " with ±\(Self.fmt(tol))" : "")
        return (met ? .met : .missed, "actual \(Self.fmt(a)) against \(target)\(t.unit ?? "") (\(t.qualifier?.rawValue ?? "exact"), \(rule))")
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%g", v) }
}
