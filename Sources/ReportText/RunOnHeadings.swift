import Foundation

/// Texts that lost their line breaks: a page's text stripped of them, or a research dataset's
/// text column (…的事项等六部分组成。 二、主动公开政府信息情况 三、收到和处理…). The headings are still
/// there inline, numbered in order; put back on lines of their own, they give the outline again.
extension Normalizer {
    /// Lines shorter than this are never broken: short texts have their lines.
    static let runOnLength = 100

    /// A line of at least `runOnLength` units that holds two markers of one level numbered one
    /// after the other (二、 then 三、; a level's numbering starts again under each higher marker)
    /// is a flattened outline. It is broken before every marker that follows a boundary, a figure,
    /// what `before` lines name or a short title; between a marker's title and its paragraph (at a
    /// space, 一、总体情况 根据…, else where the paragraph visibly starts, 一、总体情况2020年，…); and
    /// before the first marker, after the report's title and before its opening paragraph. Spaces
    /// become the line breaks; elsewhere a break is inserted and cites the unit after it, so spans
    /// still cite the original.
    static func breakRunOnHeadings(_ text: NormalizedText) -> NormalizedText {
        let u = text.units
        var breaks: [Int] = []
        for line in lines(u) where line.range.count >= runOnLength && hasMarkerAfterBoundary(u, line.range) {
            let run = RunOnLine(u, line.range)
            guard let markers = run.outlineMarkers() else { continue }
            breaks += run.breaks(markers)
        }
        return breaks.isEmpty ? text : text.breakingLines(at: breaks)
    }

    /// A cheap look before the patterns run: a boundary, then a marker's start (二、 / (二));
    /// prose lines almost never have one.
    static func hasMarkerAfterBoundary(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound + 1
        while i + 2 < r.upperBound {
            defer { i += 1 }
            guard isRunOnBoundary(u[i - 1]) else { continue }
            if u[i] == 0x28 && ChineseNumeral.isNumeral(u[i + 1]) { return true }
            var j = i
            while j < r.upperBound, j - i < 3, ChineseNumeral.isNumeral(u[j]) { j += 1 }
            if j > i, j < r.upperBound, u[j] == 0x3001 { return true }
        }
        return false
    }

    /// A space or a sentence end (。!?): what a marker of a flattened outline follows. Every unit
    /// of every long line is asked: a switch, not a set's hashing.
    static func isRunOnBoundary(_ c: UInt16) -> Bool {
        switch c {
        case 0x20, 0x3002, 0x21, 0x3F: true
        default: false
        }
    }
}

/// One long line read as a possibly flattened outline; offsets are within the line.
struct RunOnLine {
    let u: [UInt16]
    let r: Range<Int>
    let line: String
    let markers = RunOnMarkers.shared

    init(_ u: [UInt16], _ r: Range<Int>) {
        self.u = u
        self.r = r
        line = String(utf16Units: Array(u[r]))
    }

    func unit(_ offset: Int) -> UInt16 { u[r.lowerBound + offset] }

    func firstMatch(_ p: NSRegularExpression, _ from: Int, _ to: Int) -> NSRange? {
        p.firstMatch(in: line, range: NSRange(location: from, length: max(0, to - from)))?.range
    }

    /// A space, or what a `before` line names (a title's last word, a closing bracket), before `at`.
    func isBoundary(before at: Int) -> Bool {
        at > 0 && (unit(at - 1) == 0x20 || markers.befores.contains { firstMatch($0, max(0, at - 4), at) != nil })
    }

    /// The markers that stand as headings (start and end offsets), or nil when no two of one
    /// level are numbered one after the other.
    func outlineMarkers() -> [Range<Int>]? {
        var found: [(at: Int, level: Int, ordinal: Int, end: Int, inner: Bool)] = []
        for family in markers.headings {
            for m in family.pattern.matches(in: line, range: NSRange(location: 0, length: r.count)) {
                if let n = ChineseNumeral.ordinal((line as NSString).substring(with: m.range(at: 1))) {
                    found.append((m.range.location, family.level, n, m.range.location + m.range.length, family.inner))
                }
            }
        }
        found.sort { ($0.at, $0.level) < ($1.at, $1.level) }
        var seen: [Int: Set<Int>] = [:]   // level → ordinals set since the last higher marker
        var accepted: [Range<Int>] = []
        var consecutive = false
        for f in found where accepted.last.map({ f.at >= $0.upperBound }) ?? true {
            // Before it: nothing, a boundary (a closing bracket after a sentence end looked
            // through), a figure (a flattened table's last cell) before a marker in words, or a
            // marker's short title (no punctuation or space since that marker).
            var k = f.at - 1
            while k > 0 && Normalizer.closers.contains(unit(k)) && Normalizer.sentenceEnds.contains(unit(k - 1)) { k -= 1 }
            let figure = (0x30...0x39).contains(unit(max(k, 0))) && !(0x30...0x39).contains(unit(f.at))
            // A numbered list (…建议为：1.…；2.…) in a flattened outline: its entries after : and ;.
            let listed = f.inner && k >= 0 && (unit(k) == 0x3A || unit(k) == 0x3B)
            let clean = k < 0 || Normalizer.isRunOnBoundary(unit(k)) || figure || listed || isBoundary(before: f.at)
            let afterTitle = accepted.last.map { m in
                f.at - m.upperBound <= 30 && !(m.upperBound..<f.at).contains { Normalizer.punctuation.contains(unit($0)) || unit($0) == 0x20 }
            } ?? false
            guard clean || afterTitle else { continue }
            if !f.inner && seen[f.level, default: []].contains(f.ordinal - 1) { consecutive = true }
            seen[f.level, default: []].insert(f.ordinal)
            for lower in seen.keys where lower > f.level { seen[lower] = [] }
            accepted.append(f.at..<f.end)
        }
        return consecutive ? accepted : nil
    }

    /// Where the line breaks (units of the text, sorted): before each marker, after its title, and
    /// around the report's title and opening before the first.
    func breaks(_ accepted: [Range<Int>]) -> [Int] {
        var breaks: [Int] = []
        if let first = accepted.first?.lowerBound, first > 0 {
            let title = markers.reportTitles.lazy.compactMap { firstMatch($0, 0, min(first, 100)) }.first
            if let title, title.upperBound < first {
                breaks.append(title.upperBound)
                // A page's metadata before it (索引号：… 发布日期：2019-01-22 青禾县…年度报告): the title
                // starts after the last space.
                if let space = (1..<title.upperBound).last(where: { unit($0 - 1) == 0x20 }) { breaks.append(space) }
            }
            let opens = markers.openers.flatMap { $0.matches(in: line, range: NSRange(location: 1, length: first - 1)) }
            if let open = opens.map(\.range.location).sorted().first(where: isBoundary(before:)) { breaks.append(open) }
        }
        for (i, m) in accepted.enumerated() {
            if m.lowerBound > 0 { breaks.append(m.lowerBound) }
            // A lead-in right before it (…不够全面。下一步，我局将从以下几个方面加以改进：1、…) is a
            // paragraph of its own, as laid out: from the sentence end before it.
            if m.lowerBound > 1, unit(m.lowerBound - 1) == 0x3A,
               let end = (0..<(m.lowerBound - 1)).last(where: { [0x3002, 0x21, 0x3F].contains(unit($0)) }) {
                breaks.append(end + 1)
            }
            // The title: up to a space, a bracket, a sentence end or the next marker, at most 30
            // units; a comma or 、 may be inside (加强领导,健全组织机构).
            let limit = min(r.count, m.upperBound + 30, i + 1 < accepted.count ? accepted[i + 1].lowerBound : r.count)
            var j = m.upperBound
            while j < limit, unit(j) != 0x20, unit(j) != 0x28, !Normalizer.sentenceEnds.contains(unit(j)) { j += 1 }
            // The paragraph visibly starting (2020年，…, 一是…) up to the first punctuation, else
            // the space or bracket that ends the title.
            let end = (m.upperBound..<j).first { Normalizer.punctuation.contains(unit($0)) }.map { $0 + 1 } ?? j
            if let start = markers.bodyStarts.compactMap({ firstMatch($0, m.upperBound + 2, end)?.location }).min() {
                breaks.append(start)
            } else if j < r.count, unit(j) == 0x20 || unit(j) == 0x28, j > m.upperBound + 1 {
                breaks.append(unit(j) == 0x20 ? j + 1 : j)
            }
        }
        return Set(breaks).sorted().map { r.lowerBound + $0 }
    }
}

/// The markers of `text/run-on-headings.txt`.
struct RunOnMarkers: Sendable {
    /// `inner` markers break only a line that the others show to be flattened.
    var headings: [(level: Int, pattern: NSRegularExpression, inner: Bool)] = []
    var bodyStarts: [NSRegularExpression] = []
    var befores: [NSRegularExpression] = []
    var openers: [NSRegularExpression] = []
    var reportTitles: [NSRegularExpression] = []

    static let shared: RunOnMarkers = {
        var markers = RunOnMarkers()
        for line in (try? ResourceFiles.lines(file: "text/run-on-headings.txt", bundle: .module)) ?? [] {
            var parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let inner = parts.first == "inner"
            if inner { parts = parts[1].split(separator: " ", maxSplits: 1).map(String.init) }
            guard parts.count == 2, let p = try? NSRegularExpression(pattern: parts[1]) else { continue }
            if parts[0] == "body" { markers.bodyStarts.append(p) }
            else if parts[0] == "before" { markers.befores.append(p) }
            else if parts[0] == "open" { markers.openers.append(p) }
            else if parts[0] == "title" { markers.reportTitles.append(p) }
            else if let level = Int(parts[0]) { markers.headings.append((level, p, inner)) }
        }
        return markers
    }()
}

extension NormalizedText {
    /// The text with a line break starting a new line at each position (sorted): a space just
    /// before becomes the break, else one is inserted, citing the unit after it.
    func breakingLines(at positions: [Int]) -> NormalizedText {
        var out = self
        out.units = []; out.origin = []
        out.units.reserveCapacity(units.count + positions.count)
        out.origin.reserveCapacity(units.count + positions.count)
        var start = 0
        for p in positions {
            let space = p > start && units[p - 1] == 0x20
            out.units += units[start..<(space ? p - 1 : p)]; out.origin += origin[start..<(space ? p - 1 : p)]
            out.units.append(0x0A); out.origin.append(origin[space ? p - 1 : p])
            start = p
        }
        out.units += units[start...]; out.origin += origin[start...]
        return out
    }
}
