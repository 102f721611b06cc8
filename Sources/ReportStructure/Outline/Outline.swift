import Foundation
import ReportText

/// Headings found in the text, before they become a tree.
struct Heading {
    var level: Int
    var marker: String
    var title: String
    /// Unit ranges in the normalised text.
    var titleRange: Range<Int>
    var start: Int
    /// Where the body starts (after the title; inside the line for run-in headings).
    var bodyStart: Int
    var lineIndex: Int
}

/// Parses the heading hierarchy: 一、 / (一) / 1. / (1) / ① (patterns in `headings.txt`),
/// headings on their own line, run into their paragraph, or broken after the marker; and part
/// titles without a marker (`part-titles.txt`: 2023年工作安排).
enum OutlineParser {
    /// Longest title of a heading on its own line; longer lines are run-in headings whose title
    /// ends at the first sentence end.
    static let maxTitleLength = 50

    static func headings(_ view: TextView, cues: Cues = .shared) -> [Heading] {
        var out: [Heading] = []
        var skipNext = false
        var lastOrdinal: [Int: Int] = [:]
        // The same short lines come back many times in a report (a flattened table's 0, 1, 38):
        // each is matched once.
        var seen: [String: (Int, String)?] = [:]
        for (index, line) in view.lines.enumerated() {
            if skipNext { skipNext = false; continue }
            if view.contents.contains(index) { continue }
            let text = view.text(line)
            let found: (Int, String)?
            if text.utf16.count <= 8 {
                if let known = seen[text] { found = known } else { found = match(text, cues); seen[text] = found }
            } else {
                found = match(text, cues)
            }
            guard let (level, marker) = found else { continue }
            let markerLength = TextView.length(marker)
            var titleRange = view.trimmed(line.lowerBound + markerLength..<line.upperBound)
            var bodyStart = line.upperBound
            if titleRange.isEmpty {
                // 一、 alone on its line: the title is the next line.
                guard index + 1 < view.lines.count else { continue }
                titleRange = view.lines[index + 1]
                bodyStart = titleRange.upperBound
                skipNext = true
            }
            let titleText = view.text(titleRange)
            let runIn = runInEnd(titleText)
            let fused = fusedTitleEnd(titleText, firstSentenceEnd: runIn, cues)
            if titleText.count > maxTitleLength || runIn != nil || fused != nil {
                if let cut = fused ?? runIn {
                    titleRange = titleRange.lowerBound..<titleRange.lowerBound + cut
                    bodyStart = titleRange.upperBound
                } else {
                    // A long line without a sentence end: a paragraph that starts with a number.
                    if titleText.count > 2 * maxTitleLength { continue }
                }
            }
            let title = view.text(titleRange)
            // A label is read on the whole line: a role cue may have cut its title short
            // (3、统计数据 | 时间段：2017年…).
            if isNotAHeading(title) || cues.notHeadings.matches(title) || cues.notHeadings.matches(titleText) { continue }
            // Numbering of parts and of their points only goes forward: a 一、 after 三、 is a list
            // inside a point. A new part (第二部分) numbers its points afresh.
            if level <= 2, let n = ChineseNumeral.ordinal(marker) {
                if n <= lastOrdinal[level, default: 0] { continue }
                lastOrdinal[level] = n
                if level == 1 { lastOrdinal[2] = 0 }
            }
            out.append(Heading(level: level, marker: marker, title: view.text(titleRange).trimmingCharacters(in: .whitespaces),
                               titleRange: titleRange, start: line.lowerBound, bodyStart: bodyStart, lineIndex: index))
        }
        // Without parts, 一、 is the top level: 1, as the markers' own levels start from 一、.
        guard !out.contains(where: { $0.level == 1 }) else { return out }
        return out.map { var h = $0; h.level -= 1; return h }
    }

    /// A year written out (2021), not part of a longer number.
    static let yearPattern = try! NSRegularExpression(pattern: #"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])"#)

    /// The year a heading names (一、2021年工作回顾 → 2021; 2015工作回顾 on a page that lost its 年).
    static func namedYear(_ title: String) -> Int? {
        let ns = title as NSString
        guard let m = yearPattern.firstMatch(in: title, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Int(ns.substring(with: m.range(at: 1)))
    }

    static func match(_ line: String, _ cues: Cues) -> (Int, String)? {
        // A part title without a marker (2023年工作安排) is a whole short line.
        if line.utf16.count <= 24, cues.partTitles.matches(line) { return (1, "") }
        // Markers are short and at the start: never run the patterns over a whole long line.
        if let starts = cues.headingStarts, let first = line.unicodeScalars.first, !starts.contains(first) { return nil }
        // A line cut here ends in 。, so that a pattern asking for a short title to the line's
        // end (一 概 述) does not take the cut for the end.
        let line = line.count > 24 ? String(line.prefix(24)) + "。" : line
        let range = NSRange(line.startIndex..., in: line)
        guard let m = cues.headingAlternation.firstMatch(in: line, options: .anchored, range: range) else { return nil }
        for (k, group) in cues.headingGroups.enumerated() where m.range(at: group).location != NSNotFound {
            guard let r = Range(m.range(at: group), in: line) else { return nil }
            return (cues.headings[k].level, String(line[r]))
        }
        return nil
    }

    /// A run-in title whose first sentence is too long to be a title (`fusedTitleLength`) is a
    /// heading fused with its paragraph, as texts stripped of their line breaks run them
    /// (二、存在的问题虽然我县…): the title ends after the first section-role cue within its first
    /// `fusedTitleLength` units and before its first punctuation, unless a joining word carries
    /// the title on (存在的问题及改进情况). `firstSentenceEnd` is `runInEnd(s)`. UTF-16 offset of
    /// the end, or nil.
    static func fusedTitleEnd(_ s: String, firstSentenceEnd: Int?, _ cues: Cues) -> Int? {
        let units = Array(s.utf16)
        let first = firstSentenceEnd ?? units.count
        guard first > fusedTitleLength else { return nil }
        let limit = min(fusedTitleLength, units.firstIndex { Normalizer.punctuation.contains($0) } ?? units.count)
        let head = units[..<limit]
        let joiners: Set<UInt16> = Set("及和与并暨、".utf16)
        var found: [Range<Int>] = []
        for cue in cues.roleCueUnits where cue.count <= head.count {
            for start in 0...(head.count - cue.count) where head[start] == cue[0] && head[start..<start + cue.count].elementsEqual(cue) {
                found.append(start..<start + cue.count)
            }
        }
        // The first cue end that no longer cue runs across (主动公开政府信息 | 情况 is inside
        // 主动公开政府信息情况) and no joining word or comma follows (一、一年来，我们致力于… is
        // one title that goes on past its cue).
        return found.map(\.upperBound).filter { e in
            e < units.count && !joiners.contains(units[e]) && units[e] != 0x2C && !found.contains { $0.lowerBound < e && e < $0.upperBound }
        }.min()
    }

    /// First sentences longer than this are not titles (see `fusedTitleEnd`).
    static let fusedTitleLength = 24

    /// UTF-16 offset just after the first sentence end of a run-in title (kept in the title), when
    /// a body follows it.
    static func runInEnd(_ s: String) -> Int? {
        var offset = 0
        let units = Array(s.utf16)
        for (i, u) in units.enumerated() {
            offset = i + 1
            if u == 0x3002 || u == 0x3B || u == 0x21 || u == 0x3F {  // 。 ; ! ?
                return offset < units.count ? offset : nil
            }
        }
        return nil
    }

    /// Numbers in a table or a list of figures look like `1.` headings; a real title has words.
    static func isNotAHeading(_ title: String) -> Bool {
        let han = title.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count
        return han == 0
    }

    /// Where a section lies in the normalised text.
    struct Extent {
        var range: Range<Int>
        var bodyStart: Int
    }

    /// Builds the section tree; each section runs to the next heading of the same or a higher level.
    static func sections(_ view: TextView, _ headings: [Heading], roles: RoleTagger) -> (Section, [String: Extent]) {
        let end = view.norm.units.count
        var root = Section(id: "s0", level: 0, marker: "", title: "", role: nil, roleSource: nil,
                           span: view.span(view.trimmed(0..<end)), titleSpan: Span(0, 0), children: [])
        // Ends: the next heading at the same or a higher level.
        var ends = [Int](repeating: end, count: headings.count)
        var stack: [Int] = []
        for (i, h) in headings.enumerated() {
            while let top = stack.last, headings[top].level >= h.level {
                ends[top] = h.start
                stack.removeLast()
            }
            stack.append(i)
        }
        var counter = 0
        var extents: [String: Extent] = ["s0": Extent(range: 0..<end, bodyStart: 0)]
        func build(_ indices: ArraySlice<Int>, parentRole: SectionRole?) -> [Section] {
            var out: [Section] = []
            // The year the first reviewing sibling names: a later sibling's 主要工作 of a later
            // year (一、2021年工作回顾 … 二、2022年主要工作) is the plan, not another review.
            var reviewedYear: Int?
            var i = indices.startIndex
            while i < indices.endIndex {
                let h = headings[indices[i]]
                var j = i + 1
                while j < indices.endIndex && headings[indices[j]].start < ends[indices[i]] { j += 1 }
                counter += 1
                // Inside results, problems or plans, a point named with table words (（一）主动公开
                // 政府信息情况 in 总体情况; 每季度发布一次统计数据解读 in a plan) is still one of them.
                let inReportPart = parentRole == .review || parentRole == .problems || parentRole == .plans
                var own = roles.role(ofTitle: h.title).flatMap { inReportPart && ($0 == .statistics || $0 == .other) ? nil : $0 }
                if own == .review, let year = namedYear(h.title) {
                    if let reviewed = reviewedYear, year > reviewed { own = .plans } else if reviewedYear == nil { reviewedYear = year }
                }
                let role = own ?? parentRole
                var section = Section(
                    id: "s\(counter)", level: h.level, marker: h.marker, title: h.title, role: role,
                    roleSource: own != nil ? "title" : (role != nil ? "inherited" : nil),
                    span: view.span(view.trimmed(h.start..<ends[indices[i]])), titleSpan: view.span(h.titleRange),
                    children: [])
                extents[section.id] = Extent(range: h.start..<ends[indices[i]], bodyStart: h.bodyStart)
                section.children = build(indices[(i + 1)..<j], parentRole: role)
                out.append(section)
                i = j
            }
            return out
        }
        root.children = build(Array(headings.indices)[...], parentRole: nil)
        return (root, extents)
    }
}
