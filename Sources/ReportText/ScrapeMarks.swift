/// Some aggregator sites stamp their copies against scraping: a short Latin token set after every
/// paragraph (意见。hd9, 陆志前hd9, 政府工作报告ftr), always the same within a page, sometimes wrapped
/// apart (发展。hd / 9). It is not text; it goes (the original keeps it).
extension Normalizer {
    /// A token counts as a stamp when it stands after text and before a space or a line's end
    /// three times or more, twice right after the end of a sentence: a report's own Latin words
    /// (GDP, PM2.5) never follow 。 so. A page flattened to one line keeps its stamps mid-line.
    static func scrapeMarks(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        let lines = lines(u).map(\.range).filter { !$0.isEmpty }
        // Per token: where it stands so, and how often right after a sentence's end.
        var counts: [[UInt16]: (stands: Int, afterStop: Int)] = [:]
        for r in lines {
            var i = r.lowerBound
            while i < r.upperBound {
                guard isLatinOrDigit(u[i]) else { i += 1; continue }
                var j = i
                while j < r.upperBound, isLatinOrDigit(u[j]) { j += 1 }
                if (2...5).contains(j - i), i > r.lowerBound, !isLatinOrDigitOrSpace(u[i - 1]),
                   j == r.upperBound || u[j] == 0x20 || u[j] == 0x09, u[i..<j].contains(where: CodeUnit.isLatinLetter) {
                    let key = Array(u[i..<j])
                    counts[key, default: (0, 0)].stands += 1
                    if isSentenceEnd(u[i - 1]) { counts[key, default: (0, 0)].afterStop += 1 }
                }
                i = j
            }
        }
        let marks = counts.filter { $0.value.stands >= 3 && $0.value.afterStop >= 2 }.keys.sorted { $0.count > $1.count }
        guard !marks.isEmpty else { return [] }
        var drop: [Range<Int>] = []
        for (n, r) in lines.enumerated() {
            var i = r.lowerBound
            while i < r.upperBound {
                // A stamp stands after text (not inside a Latin word) and before a space or the line's end.
                if i > r.lowerBound, !isLatinOrDigitOrSpace(u[i - 1]),
                   let mark = marks.first(where: { i + $0.count <= r.upperBound && u[i..<(i + $0.count)].elementsEqual($0)
                       && (i + $0.count == r.upperBound || u[i + $0.count] == 0x20) }) {
                    drop.append(i..<(i + mark.count))
                    i += mark.count
                    continue
                }
                i += 1
            }
            // Wrapped apart: the line ends on the stamp's head and the next line is its tail.
            guard n + 1 < lines.count, let t = trailingRun(u, r) else { continue }
            let next = lines[n + 1], head = Array(u[t]), tail = Array(u[next])
            if marks.contains(head + tail), !tail.isEmpty { drop.append(t.lowerBound..<next.upperBound) }
        }
        return drop
    }

    /// The run of Latin letters and digits (five at most) that ends line `r` after text: where a
    /// stamp's head may stand.
    static func trailingRun(_ u: [UInt16], _ r: Range<Int>) -> Range<Int>? {
        var a = r.upperBound
        while a > r.lowerBound, isLatinOrDigit(u[a - 1]), r.upperBound - a < 6 { a -= 1 }
        guard (1...5).contains(r.upperBound - a), a > r.lowerBound, !isLatinOrDigitOrSpace(u[a - 1]) else { return nil }
        return a..<r.upperBound
    }

    static func isLatinOrDigit(_ c: UInt16) -> Bool { CodeUnit.isLatinLetter(c) || (0x30...0x39).contains(c) }
    static func isLatinOrDigitOrSpace(_ c: UInt16) -> Bool { isLatinOrDigit(c) || c == 0x20 || c == 0x09 }
    /// 。！？：； and their folded ASCII forms.
    static func isSentenceEnd(_ c: UInt16) -> Bool { [0x3002, 0x21, 0x3F, 0x3A, 0x3B].contains(c) }
}
