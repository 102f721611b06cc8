import Foundation
import ReportText

/// A report's table of contents set on one line before the report (一、概述,(一)…,二、主动公开政府
/// 信息情况,…,三、…), or a part a line (一、总体情况 ........ 1, or the parts' titles alone, one
/// after the other): its parts come again below as the outline's own lines, so it is neither a
/// heading nor an item.
enum ContentsLine {
    /// Indices of the lines of a table of contents, in any of its three shapes.
    static func indices(_ units: [UInt16], lines: [Range<Int>]) -> Set<Int> {
        oneLineContents(units, lines: lines).union(leaderLines(units, lines: lines)).union(titleRuns(units, lines: lines))
    }

    /// Contents on one line: three or more top-level markers numbered one after the other, the
    /// first at the line's start, short titles between them (`maxTitleRun` units on average),
    /// and a later line that opens with the first marker again. Only lines with three 、 are
    /// read as text.
    static func oneLineContents(_ units: [UInt16], lines: [Range<Int>]) -> Set<Int> {
        var out = Set<Int>()
        for (i, line) in lines.enumerated() where line.count >= 6 && units[line].lazy.filter({ $0 == 0x3001 }).count >= 3 {
            let text = String(utf16CodeUnits: Array(units[line]), count: line.count)
            let ns = text as NSString
            let found = marker.matches(in: text, range: NSRange(location: 0, length: ns.length))
            guard let first = found.first, first.range(at: 1).location == 0, found.count >= 3 else { continue }
            let ordinals = found.compactMap { ChineseNumeral.ordinal(ns.substring(with: $0.range(at: 1))) }
            guard ordinals.count == found.count, zip(ordinals, ordinals.dropFirst()).allSatisfy({ $1 == $0 + 1 }),
                  ns.length / found.count <= maxTitleRun else { continue }
            let opening = Array((ns.substring(with: first.range(at: 1)) + "、").utf16)
            if lines[(i + 1)...].contains(where: { units[$0].starts(with: opening) }) { out.insert(i) }
        }
        return out
    }

    /// Lines of PDF contents: a title, a dot leader and its page number (一、总体情况 ........ 1).
    static func leaderLines(_ units: [UInt16], lines: [Range<Int>]) -> Set<Int> {
        var out = Set<Int>()
        for (i, line) in lines.enumerated() where line.count >= 4 && (0x30...0x39).contains(units[line.upperBound - 1])
            && hasLeaderRun(units[line]) {
            let text = String(utf16CodeUnits: Array(units[line]), count: line.count)
            if dotLeader.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil { out.insert(i) }
        }
        return out
    }

    /// Runs of three or more lines that are nothing but top-level titles numbered upwards from 一、,
    /// whose first line comes again later as it is (一、总体情况 / 二、… / 六、… and then
    /// 一、总体情况 with its text): a contents list. Parts without text of their own (二、三、四、 of
    /// a report whose tables are images) never start from 一、 again.
    static func titleRuns(_ units: [UInt16], lines: [Range<Int>]) -> Set<Int> {
        // Only lines opening on a numeral are read as text (most lines are not).
        let texts = lines.map { r -> String in
            guard let first = r.first, ChineseNumeral.digits[units[first]] != nil else { return "" }
            return String(utf16CodeUnits: Array(units[r]), count: r.count)
        }
        // A top-level marker at the line's start, with a title after it.
        func ordinal(_ t: String) -> Int? {
            let ns = t as NSString
            guard !t.isEmpty, t.count <= 40, !Normalizer.isProse(t),
                  let m = marker.firstMatch(in: t, options: .anchored, range: NSRange(location: 0, length: ns.length)),
                  !t[t.index(t.startIndex, offsetBy: m.range.length)...].allSatisfy(\.isWhitespace) else { return nil }
            return ChineseNumeral.ordinal(ns.substring(with: m.range(at: 1)))
        }
        var out = Set<Int>()
        var i = 0
        while i < texts.count {
            guard ordinal(texts[i]) == 1 else { i += 1; continue }
            var j = i + 1, last = 1
            while j < texts.count, let n = ordinal(texts[j]), n > last { last = n; j += 1 }
            if j - i >= 3, texts[j...].contains(texts[i]) { out.formUnion(i..<j) }
            i = j
        }
        return out
    }

    /// Whether the units hold three leader characters in a row (. · - _), spaces between allowed:
    /// asked before the pattern, which most lines ending on a figure (table rows) never need.
    static func hasLeaderRun(_ u: ArraySlice<UInt16>) -> Bool {
        var run = 0
        for c in u {
            if c == 0x2E || c == 0xB7 || c == 0x2D || c == 0x5F { run += 1; if run >= 3 { return true } }
            else if c != 0x20 { run = 0 }
        }
        return false
    }

    /// A title's dot leader to its page number at the line's end (NFKC writes … as ...).
    static let dotLeader = try! NSRegularExpression(pattern: #"\p{Han}[^0-9]*?(?:\.{4,}|·{3,}|(?:\. ?){4,}|-{4,}|_{4,})\s*[0-9]{1,3}$"#)

    /// A top-level marker at the line's start or after a separator.
    static let marker = try! NSRegularExpression(pattern: #"(?:^|(?<=[,，;；。\s]))([一二三四五六七八九十]{1,3})、"#)
    /// Longest average run of text a marker of a contents line leads (its title and sub-titles).
    static let maxTitleRun = 60
}
