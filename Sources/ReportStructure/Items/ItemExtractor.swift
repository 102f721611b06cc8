import Foundation
import ReportText

/// Turns role sections into items: each numbered child of a role section is an item; a section
/// without children yields one item per inline enumeration part (一是…) or per paragraph; a
/// paragraph that opens with a problem cue inside results (or a measures cue inside problems)
/// switches role. Text outside role sections yields items only by form (commitment, result and
/// problem cues). Every item's text is the original text of its span.
struct ItemExtractor {
    let view: TextView
    let extents: [String: OutlineParser.Extent]
    let cues: Cues
    let segmenter: WordSegmenter
    let words: ContentWordReader
    /// Per line of `view`: whether it is a date, a signature, spam or site furniture (decided once;
    /// a report line with a spam phrase inside is the report's, and quoted as it is).
    let noise: [Bool]
    /// Lines of the report's own that carry a spam phrase inside (kept, and quoted as they are).
    let spammedLines: Int

    init(view: TextView, extents: [String: OutlineParser.Extent], cues: Cues, segmenter: WordSegmenter, words: ContentWordReader,
         roles: RoleTagger) {
        self.view = view
        self.words = words
        self.extents = extents
        self.cues = cues
        self.segmenter = segmenter
        // What a site adds after the report (a licence notice, 责任编辑) is noise to the end.
        let texts = view.lines.map { view.text($0) }
        let endMatter = cues.endMatterStart(view.lines.indices, length: view.lines.last?.upperBound ?? 0,
                                            start: { view.lines[$0].lowerBound }, text: { texts[$0] })
        let furniture = Self.pageFurniture(view)
        let spam = texts.map { cues.removeSpam($0) }
        noise = texts.indices.map { i in
            i >= endMatter || furniture[i] || view.contents.contains(i) || Self.isSignature(texts[i]) || spam[i].mostlySpam
                || cues.isBoilerplate(texts[i]) || Self.isUnmarkedTitle(texts[i], roles)
        }
        spammedLines = spam.filter { $0.cut > 0 && !$0.mostlySpam }.count
    }

    /// A part's title set on its own line without a marker (政府信息主动公开情况 between two
    /// paragraphs): short, no prose punctuation, opening (after its year, if any) on a role cue.
    /// It titles what follows and reports nothing itself; a short line that says something
    /// (全年未出现…收费及减免情况) opens otherwise.
    static func isUnmarkedTitle(_ line: String, _ roles: RoleTagger) -> Bool {
        guard (4...30).contains(line.utf16.count), !Normalizer.isProse(line) else { return false }
        let t = line.trimmingCharacters(in: .whitespaces)
        guard (4...24).contains(t.utf16.count) else { return false }
        // Its year first, if any (2020年度工作打算).
        var topic = Array(t.utf16)[...]
        if topic.count > 5, topic.prefix(4).allSatisfy({ (0x30...0x39).contains($0) }), topic[topic.startIndex + 4] == 0x5E74 {
            topic = topic.dropFirst(5)
            if topic.first == 0x5EA6 { topic = topic.dropFirst() }
        }
        guard let first = topic.first, roles.cues.roleCueFirstUnits.contains(first) else { return false }
        return roles.cues.roleCueUnits.contains { topic.starts(with: $0) } && roles.role(ofTitle: t) != nil
    }

    /// Lines that are the page's, not the report's: the title (the first line, short and
    /// unpunctuated: metadata, not an item) and the running heads (`RunningHeads`).
    static func pageFurniture(_ view: TextView) -> [Bool] {
        let heads = RunningHeads(view.norm.units, lines: view.lines)
        return view.lines.indices.map { i in i == 0 ? heads.title != nil : heads.contains(view.lines[i]) }
    }

    /// Draft items as normalised ranges, turned into `Item`s at the end.
    struct Draft {
        var role: ItemRole
        var title: String?
        var range: Range<Int>
        var path: [String]
        var origin: Item.Origin
    }

    func extract(_ root: Section) -> [Item] {
        var drafts: [Draft] = []
        visit(root, path: [], into: &drafts)
        drafts.sort { $0.range.lowerBound < $1.range.lowerBound }
        return drafts.enumerated().map { i, d in item(d, id: String(format: "i%03d", i + 1)) }
    }

    static func itemRole(_ role: SectionRole?) -> ItemRole? {
        switch role {
        case .review: .result
        case .problems: .problem
        case .plans: .commitment
        default: nil
        }
    }

    func visit(_ s: Section, path: [String], into drafts: inout [Draft]) {
        guard let extent = extents[s.id] else { return }
        let path = s.level == 0 ? path : path + [s.marker + s.title]
        let childStart = s.children.first.flatMap { extents[$0.id]?.range.lowerBound } ?? extent.range.upperBound
        let ownBody = extent.bodyStart..<max(extent.bodyStart, childStart)
        if let role = Self.itemRole(s.role) {
            // Own text before the children: paragraphs (lead-ins to a list are skipped).
            let (own, roleAfter) = paragraphs(in: ownBody, role: role, path: path, isContainer: !s.children.isEmpty)
            drafts += own
            // Problems, then 2020年，我区将从以下几个方面加以改进： and numbered measures: the
            // children are measures. (Results that end on a problems paragraph keep numbered
            // results after it: there the paragraph is an aside.)
            var childRole = role == .problem && roleAfter == .commitment ? roleAfter : role
            for child in s.children {
                // A child named by its role (存在的主要问题, 改进措施) holds items; any other is one.
                if child.role == s.role, child.roleSource != "title", let e = extents[child.id] {
                    let (items, announcesMeasures) = headingItem(child, e, role: childRole, path: path + [child.marker + child.title])
                    drafts += items
                    // The same lead-in closing the last problem (2、…不够全面。下一步，我局将从以下
                    // 几个方面加以改进：): the children after it, numbered afresh, are measures.
                    if role == .problem && announcesMeasures { childRole = .commitment }
                } else {
                    visit(child, path: path, into: &drafts)
                }
            }
        } else {
            // A statistics part told in prose (older reports: 全年主动公开政府信息236条) gives its results
            // by their form; the template's tables have none.
            drafts += byForm(in: ownBody, path: path, proseOnly: s.role == .statistics)
            for child in s.children { visit(child, path: path, into: &drafts) }
        }
    }

    /// A numbered child and its body as one item; paragraphs inside it that switch role (a
    /// problems paragraph at the end of a results part) become items of their own. Also whether
    /// it ends on a lead-in to measures (which is not an item itself).
    func headingItem(_ s: Section, _ e: OutlineParser.Extent, role: ItemRole, path: [String]) -> ([Draft], Bool) {
        let lines = contentLines(in: e.range)
        guard !lines.isEmpty else { return ([], false) }
        var groups: [(ItemRole, [Range<Int>])] = [(role, [])]
        for line in lines {
            let text = view.text(line)
            if isRunBreak(text) {
                if groups.last!.0 != role || !groups.last!.1.isEmpty { groups.append((role, [])) }
                continue
            }
            // The speaker turning to the audience (各位代表，让我们…) closes the numbered part: what
            // follows is a paragraph of its own, not more of the last item.
            if line.lowerBound > e.range.lowerBound, addressesAudience(text) {
                groups.append((role, [line]))
                continue
            }
            let switched = switchedRole(line, from: role)
            if let switched, line.lowerBound > e.range.lowerBound, switched != groups.last!.0 {
                groups.append((switched, [line]))
            } else if line.lowerBound > e.range.lowerBound, cues.itemOpeners.matches(view.text(line)) {
                groups.append((groups.last!.0, [line]))
            } else {
                groups[groups.count - 1].1.append(line)
            }
            // A problem that turns to its fix within the paragraph (…不够及时等。上述问题，我们将…
            // 加以改进。): the fix is a commitment of its own.
            if groups.last!.0 == .problem,
               let turn = sentences(line).dropFirst().first(where: { switchedRole($0, from: .problem) == .commitment }) {
                let last = groups.count - 1
                groups[last].1.removeLast()
                groups[last].1.append(view.trimmed(line.lowerBound..<turn.lowerBound))
                groups.append((.commitment, [turn.lowerBound..<line.upperBound]))
            }
        }
        var announcesMeasures = false
        if groups.count > 1, let last = groups.last, last.0 == .commitment, last.1.count == 1, isLeadIn(view.text(last.1[0])) {
            groups.removeLast()
            announcesMeasures = true
        }
        let drafts = groups.enumerated().compactMap { k, g -> Draft? in
            guard let first = g.1.first, let last = g.1.last else { return nil }
            return Draft(role: g.0, title: k == 0 ? s.title : nil, range: first.lowerBound..<last.upperBound, path: path,
                         origin: k == 0 ? .heading : .paragraph)
        }
        return (drafts, announcesMeasures)
    }

    /// Paragraphs of a role section's own text: enumerations split, lead-ins skipped; and the role
    /// the last of them switched to (a lead-in switches too).
    func paragraphs(in range: Range<Int>, role: ItemRole, path: [String], isContainer: Bool) -> ([Draft], ItemRole) {
        var out: [Draft] = []
        var current = role
        // Whether the current run was opened by a lead-in (存在的问题主要是：), whose list follows.
        var announced = false
        for paragraph in contentLines(in: range) {
            guard let line = withoutFurniture(paragraph) else { continue }
            let text = view.text(line)
            if isRunBreak(text) { current = role; continue }
            if let switched = switchedRole(line, from: role) {
                current = switched
                announced = isLeadIn(text)
            }
            // In plans, a problems aside ends where the plans resume: a lead-in (今年…主要预期目标是：),
            // a commitment (做好今年的政府工作，要…), or, unless a lead-in announced a list of
            // problems, a paragraph that names none (…但还存在不少问题。 / 切实加强政风建设。).
            else if current != role, role == .commitment,
                    isLeadIn(text) || switchedRole(line, from: .problem) == .commitment
                    || (current == .problem && !announced && !cues.problemForms.matches(head(line))) {
                current = role
            }
            if let parts = enumeration(line, text) {
                // A sentence that ends before the first part is said too (…更新不够及时。), and a
                // lead-in there sets the parts' role (2022年，我局将重点做好以下工作：一是…); one that
                // runs on into the list (…仍然存在许多不足之处，一是…) or points to it (我们将从以下
                // 三个方面改进。) only announces it.
                let preamble = view.trimmed(line.lowerBound..<(parts.first?.lowerBound ?? line.lowerBound))
                if !preamble.isEmpty {
                    out += splitAtTurn(preamble, role: &current, origin: .paragraph, path: path).filter { d in
                        let said = view.text(d.range)
                        return !isLeadIn(said) && !said.contains("以下") && "。！？；!?;".contains(said.last ?? ",")
                    }
                }
                // A part can end the run it belongs to: 二是…不平衡。2022年，我县将做好以下工作：
                // then 一是… sets out measures. A part that turns to a measure of its own (一是…意识
                // 不强。下一步将加强培训。) is a problem and its fix: the next starts as this one did.
                for part in parts {
                    let before = current
                    let drafts = splitAtTurn(part, role: &current, origin: .enumeration, path: path)
                    out += drafts
                    if drafts.count == 2 { current = before }
                }
                continue
            }
            // A lead-in is no item, but a problems paragraph may close on one (…信息公开数量不够多等。
            // 2019年，我单位将…重点做好以下几个方面工作：): its problems are.
            if isLeadIn(text) && !(current == .problem && sentences(line).count > 1) {
                // Any other paragraph that only closes on one (…节能减排年度任务可以完成。一些重要领域、
                // 重点项目实现突破：) says what it says before it.
                let all = sentences(line)
                if all.count > 1, text.hasSuffix(":") || text.hasSuffix("："), let last = all.last {
                    let said = view.trimmed(line.lowerBound..<last.lowerBound)
                    if !isLeadIn(view.text(said)) { out.append(Draft(role: current, title: nil, range: said, path: path, origin: .paragraph)) }
                }
                continue
            }
            // A problems paragraph that turns to measures (…解读不够。下一步，我县将加强政策解读。).
            // In a review, the year's difficulties that close on the resolve to meet them (…还有不少
            // 短板。我们将采取有力措施，认真加以解决。): that one sentence commits, and the review
            // goes on; a paragraph that turns to the year's tasks for good (做好今年各项工作，…) does not.
            if current == .problem {
                let drafts = splitAtTurn(line, role: &current, origin: .paragraph, path: path, only: .commitment)
                out += drafts
                if drafts.count == 2, role == .result, sentences(drafts[1].range).count == 1 { current = role }
                continue
            }
            // Under a heading of fixes, an account of what was done (…规范了信息发布流程，已完成整改。)
            // reports.
            let done = current == .commitment && cues.doneInPlansHeadings.contains { path.last?.contains($0) == true }
                && cues.doneInPlans.matches(text) && !cues.commitmentForms.matches(text)
            out.append(Draft(role: done ? .result : current, title: nil, range: line, path: path, origin: .paragraph))
        }
        return (out, current)
    }

    /// `range` as one draft, or two where a sentence after the first switches role: what follows
    /// takes that role (`only` it, when given) and is left out when it is only a lead-in.
    func splitAtTurn(_ range: Range<Int>, role current: inout ItemRole, origin: Item.Origin, path: [String],
                     only: ItemRole? = nil) -> [Draft] {
        let from = current
        guard let (at, role) = sentences(range).dropFirst().lazy.compactMap({ s in
            self.switchedRole(s, from: from).flatMap { only == nil || $0 == only ? (s.lowerBound, $0) : nil }
        }).first else {
            return [Draft(role: current, title: nil, range: range, path: path, origin: origin)]
        }
        var out = [Draft(role: current, title: nil, range: view.trimmed(range.lowerBound..<at), path: path, origin: origin)]
        current = role
        let rest = at..<range.upperBound
        if !isLeadIn(view.text(rest)) { out.append(Draft(role: current, title: nil, range: rest, path: path, origin: origin)) }
        return out
    }

    /// Sentences outside role sections that state a commitment, a problem or a result by their form.
    /// With `proseOnly`, lines without a comma, 。 or ； (a table's rows and labels) are passed over.
    func byForm(in range: Range<Int>, path: [String], proseOnly: Bool = false) -> [Draft] {
        var out: [Draft] = []
        for line in contentLines(in: range) {
            if proseOnly && !Normalizer.isProse(view.norm.units, line) { continue }
            guard let line = withoutFurniture(line) else { continue }
            for sentence in sentences(line) {
                let text = view.text(sentence)
                if text.count < 8 || isLeadIn(text) || cues.isReportFurniture(text) { continue }
                let role: ItemRole?
                if cues.commitmentForms.matches(text) {
                    role = .commitment
                } else if cues.resultForms.matches(text) {
                    role = .result
                } else if text.contains("存在") && cues.problemForms.matches(text) {
                    role = .problem
                } else {
                    role = nil
                }
                if let role { out.append(Draft(role: role, title: nil, range: sentence, path: path, origin: .sentence)) }
            }
        }
        return out
    }

    /// 各位代表！ on its own line: the speaker turns to a new part (see `cues/run-breaks.txt`).
    func isRunBreak(_ text: String) -> Bool {
        audienceAddressed(text) != nil && text.count <= 8
    }

    /// A paragraph that opens by addressing the audience and goes on (各位代表！加强国防…, 各位代表，
    /// 让我们…).
    func addressesAudience(_ text: String) -> Bool {
        audienceAddressed(text).map { $0.count < text.count } ?? false
    }

    /// The audience a line opens by addressing (各位代表 of 各位代表！…), if it does.
    func audienceAddressed(_ text: String) -> Substring? {
        let opening = text.prefix { !"!！:：,，".contains($0) }
        return cues.runBreaks.contains(String(opening)) ? opening : nil
    }

    /// The opening of a line (30 units): where role cues are looked for.
    func head(_ line: Range<Int>) -> String { view.text(line.lowerBound..<min(line.upperBound, line.lowerBound + 30)) }

    func switchedRole(_ line: Range<Int>, from role: ItemRole) -> ItemRole? {
        let opening = head(line)
        if role != .problem && cues.opensProblems(opening) { return .problem }
        // 下一步，我县将… closes a problems part, and sometimes a results part, with plans.
        if role != .commitment && cues.planOpeners.contains(where: { opening.hasPrefix($0) || opening.dropFirst(3).hasPrefix($0) }) {
            return .commitment
        }
        // Measures among problems: a commitment form before any problem word that admits one
        // (2021年，我县将以问题为导向… and 上述问题，我们将… commit; …还存在不足，将… admits).
        let whole = NSRange(location: 0, length: opening.utf16.count)
        if role == .problem, let c = cues.commitmentForms.firstMatch(in: opening, range: whole) {
            let references = cues.problemReferences.matches(in: opening, range: whole).map(\.range)
            let admission = cues.problemForms.matches(in: opening, range: whole).first { m in
                !references.contains { NSIntersectionRange($0, m.range).length > 0 }
            }
            if (admission?.range.location ?? .max) > c.range.location { return .commitment }
        }
        return nil
    }

    /// Lines of a range that carry report content (not dates, signatures, spam or furniture).
    func contentLines(in range: Range<Int>) -> [Range<Int>] {
        // Lines are sorted: find the first that ends after the range starts.
        var lo = 0, hi = view.lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if view.lines[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [Range<Int>] = []
        var i = lo
        while i < view.lines.count && view.lines[i].lowerBound < range.upperBound {
            let r = view.lines[i].clamped(to: range)
            if !r.isEmpty {
                // A line cut by the range (a run-in heading's body) is judged on its own text.
                let isNoise = r == view.lines[i] ? noise[i] : Self.isSignature(view.text(r))
                if !isNoise { out.append(r) }
            }
            i += 1
        }
        return out
    }

    static let datePattern = try! NSRegularExpression(pattern: #"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$|^[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$"#)
    static let signaturePattern = try! NSRegularExpression(pattern: #"^\S{2,20}(人民政府|办公室|委员会|局)(办公室)?$"#)

    static func isSignature(_ text: String) -> Bool {
        if text.unicodeScalars.allSatisfy({ !($0.value >= 0x4E00 && $0.value <= 0x9FFF) }) { return true }
        return text.utf16.count <= 40 && (datePattern.matches(text) || signaturePattern.matches(text))
    }

    /// A paragraph that introduces what follows rather than stating anything itself.
    func isLeadIn(_ text: String) -> Bool {
        if text.hasSuffix(":") || text.hasSuffix("：") || text.count < 6 { return true }
        // A lead-in is short; the phrases are looked for in a long paragraph's opening only.
        let head = Array(text.utf8.prefix(600))
        return cues.leadInPhrases.contains { $0.occurs(in: head) }
    }

    /// The parts of an inline enumeration (一是…二是…), the text before the first marker dropped.
    func enumeration(_ line: Range<Int>, _ text: String) -> [Range<Int>]? {
        let ns = text as NSString
        for regex in cues.enumerations {
            let ms = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
            guard ms.count >= 2 else { continue }
            var parts: [Range<Int>] = []
            for (k, m) in ms.enumerated() {
                let a = line.lowerBound + m.range.location
                let b = k + 1 < ms.count ? line.lowerBound + ms[k + 1].range.location : line.upperBound
                let r = view.trimmed(a..<b)
                if !r.isEmpty { parts.append(r) }
            }
            return parts
        }
        return nil
    }

    /// A paragraph without the sentences at its start and end that speak of the report itself
    /// (本报告由…组成, 统计期限…, 如对本报告有任何疑问…: `cues/report-furniture.txt`); nil when
    /// nothing else is left.
    func withoutFurniture(_ line: Range<Int>) -> Range<Int>? {
        guard cues.isReportFurniture(view.text(line)) else { return line }
        // Whole sentences: a list of the report's parts runs on through its ；.
        var kept = sentences(line, atSemicolons: false)[...]
        while let f = kept.first, cues.isReportFurniture(view.text(f)) { kept.removeFirst() }
        while let l = kept.last, cues.isReportFurniture(view.text(l)) { kept.removeLast() }
        guard let a = kept.first, let b = kept.last else { return nil }
        return a.lowerBound..<b.upperBound
    }

    /// Sentence ranges of a line (。！？；!?; end a sentence, closing quotes stay with it; without
    /// `atSemicolons`, ；; do not).
    func sentences(_ line: Range<Int>, atSemicolons: Bool = true) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = line.lowerBound
        let u = view.norm.units
        var i = line.lowerBound
        while i < line.upperBound {
            if [0x3002, 0x21, 0x3F].contains(u[i]) || (atSemicolons && u[i] == 0x3B) {
                var end = i + 1
                while end < line.upperBound && [0x201D, 0x2019, 0x29, 0x300B].contains(u[end]) { end += 1 }
                let r = view.trimmed(start..<end)
                if !r.isEmpty { out.append(r) }
                start = end
                i = end
                continue
            }
            i += 1
        }
        let r = view.trimmed(start..<line.upperBound)
        if !r.isEmpty { out.append(r) }
        return out
    }

    func item(_ d: Draft, id: String) -> Item {
        let span = view.span(d.range)
        let text = view.text(d.range)
        return Item(id: id, role: d.role, title: d.title, text: view.originalText(span), span: span, sectionPath: d.path,
                    origin: d.origin, keywords: keywords(d.range), numbers: quantities(text, offset: d.range.lowerBound))
    }

    /// Content words: Han words of two or more characters and Latin names (GDP, M2, upper-cased)
    /// that are not stop words, first occurrence order. Line breaks inside the item are ignored
    /// so PDF-broken words rejoin.
    func keywords(_ range: Range<Int>) -> [String] {
        let units = view.norm.units[range].filter { $0 != 0x0A }
        guard let tokens = try? segmenter.tokens(units) else { return [] }
        var seen = Set<Int32>()
        var out: [String] = []
        for t in tokens {
            guard let r = words.reading(t, units), let w = r.word, seen.insert(r.id).inserted else { continue }
            out.append(w)
        }
        return out
    }

    func quantities(_ text: String, offset: Int) -> [Quantity] {
        NumberParser.parse(text, cues: cues).map { f in
            let span = view.span(offset + f.range.lowerBound..<offset + f.range.upperBound)
            return Quantity(value: f.value, high: f.high, unit: f.unit, scaled: f.scaled, baseUnit: f.baseUnit,
                            qualifier: f.qualifier, qualifierText: f.qualifierText, text: view.originalText(span), span: span)
        }
    }
}
