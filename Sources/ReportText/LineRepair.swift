import Foundation

/// Repairs to the line structure of a normalised text that pages and PDF text break: a subscript
/// set on its own line, hard-wrapped paragraphs, years in Chinese digits. Each finds the units of
/// `NormalizedText` to drop (or rewrites them); `NormalizedText.remove` keeps every remaining
/// unit's origin, so spans still cite the original.
extension Normalizer {
    /// Some page scrapes draw a layout table's borders as runs of `|` (卓尼县…年度报告 | ||||…):
    /// a line that holds a run of five or more is drawn so, and its bars go (with the spaces
    /// around them; one space stays between words). A table row of cells (`| 自然人 | 4 |`, or
    /// `||` for an empty one) never runs five bars together and keeps its own.
    static func layoutBars(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        guard u.contains(0x7C) else { return [] }
        func isBarOrSpace(_ c: UInt16) -> Bool { c == 0x7C || c == 0x20 }
        var drop: [Range<Int>] = []
        for line in lines(u) where !line.range.isEmpty {
            var run = 0, longest = 0
            for i in line.range {
                run = u[i] == 0x7C ? run + 1 : 0
                longest = max(longest, run)
            }
            guard longest >= 5 else { continue }
            var i = line.range.lowerBound
            while i < line.range.upperBound {
                guard isBarOrSpace(u[i]) else { i += 1; continue }
                var j = i
                while j < line.range.upperBound, isBarOrSpace(u[j]) { j += 1 }
                if u[i..<j].contains(0x7C) {
                    // Between words a space stays; at either end of the line nothing does.
                    let inner = i > line.range.lowerBound && j < line.range.upperBound
                    drop.append((inner ? i + 1 : i)..<j)
                }
                i = j
            }
        }
        return drop
    }

    /// A page saved in a charset without the ideographic space indents its paragraphs with question
    /// marks (????一、總體情況). Two or more at a line's start, before text, are lost spaces.
    static func lostIndents(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        guard u.contains(0x3F) else { return [] }
        var drop: [Range<Int>] = []
        for line in lines(u) where line.range.count > 2 && u[line.range.lowerBound] == 0x3F {
            var j = line.range.lowerBound
            while j < line.range.upperBound, u[j] == 0x3F { j += 1 }
            if j - line.range.lowerBound >= 2, j < line.range.upperBound { drop.append(line.range.lowerBound..<j) }
        }
        return drop
    }

    /// Pages that set M₂, CO₂ or PM₂.₅ with <sub> tags often come out as `广义货币M` / `2` /
    /// `增长13.6%` on three lines. A line of at most four digits and dots right after a line ending
    /// in a Latin letter, with text right after, is put back in place (the line breaks go; the
    /// original keeps them). A page number never follows a Latin letter mid-sentence.
    static func subscriptBreaks(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        func isDigitOrDot(_ c: UInt16) -> Bool { (0x30...0x39).contains(c) || c == 0x2E }
        var drop: [Int] = []
        var i = 1
        while i < u.count {
            // u[i - 1] is a line break after a Latin letter; the line after it is short and numeric.
            if u[i - 1] == 0x0A, i >= 2, CodeUnit.isLatinLetter(u[i - 2]) {
                var j = i
                while j < u.count, j - i < 5, isDigitOrDot(u[j]) { j += 1 }
                if j > i, j - i <= 4, j + 1 < u.count, u[j] == 0x0A, u[j + 1] != 0x0A, u[j + 1] != 0x20 {
                    drop += [i - 1, j]
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return drop.map { $0..<$0 + 1 }
    }

    /// Pages that link a book title set it on a line of its own (党的十六届五中全会通过的《 / 建议 /
    /// 》精神): a line ending in 《 runs on into the next, and a line opening with 》 runs on from the
    /// one before; no line ever ends or opens so. Nor does a line end on a word that needs what
    /// follows (`text/open-ends.txt`: 2009年是 / 《条例》…): it runs on into a line opening with 《.
    /// The breaks (and blanks beside them) go; the original keeps them.
    static func brokenTitleBreaks(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        func isBlank(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        var drop: [Range<Int>] = []
        var i = 0
        while i < u.count {
            guard u[i] == 0x0A else { i += 1; continue }
            var a = i, b = i + 1
            while a > 0 && isBlank(u[a - 1]) { a -= 1 }
            while b < u.count && isBlank(u[b]) { b += 1 }
            if a > 0, b < u.count, u[a - 1] != 0x0A, u[b] != 0x0A,
               u[a - 1] == 0x300A || u[b] == 0x300B || (u[b] == 0x300A && endsOnOpenWord(u, a)) { drop.append(a..<b) }
            i = b
        }
        return drop
    }

    /// Years written in Chinese digits (二〇一九年, 二○二〇年度) become Arabic (2019年), digit for
    /// digit, so that every later stage reads one form; the original keeps its own.
    static func arabicYears(_ u: inout [UInt16]) {
        // A year's digits: 〇 … 九, and ○ (a circle) that pages set for 〇; never 两.
        func digit(_ c: UInt16) -> UInt16? {
            c == 0x25CB ? 0 : c == 0x4E24 ? nil : ChineseNumeral.digits[c].map(UInt16.init)
        }
        var i = 0
        while i + 4 < u.count {
            if u[i + 4] == 0x5E74, let a = digit(u[i]), let b = digit(u[i + 1]), let c = digit(u[i + 2]), let d = digit(u[i + 3]),
               (a == 1 && b == 9) || (a == 2 && b == 0), i == 0 || digit(u[i - 1]) == nil {
                for (k, v) in [a, b, c, d].enumerated() { u[i + k] = 0x30 + v }
                i += 5
                continue
            }
            i += 1
        }
    }

    /// PDF text (and pages copied from it) breaks every paragraph into lines of the page's width,
    /// and some pages break a long sentence once (阶段性稳 / 岗政策). A line that ends mid-sentence
    /// is joined to the next (across at most one blank line) when it is too long to be a heading,
    /// or when the text is wrapped and the line is full, or (the next line right after it) when it
    /// ends on a comma: the next line must not open a paragraph
    /// of its own (`text/paragraph-starts.txt`). Only prose joins: the line must hold a comma, 。
    /// or ；, which headings, navigation bars and table rows do not. The text counts as wrapped when
    /// most of its full-width lines end mid-sentence (a text of one line per paragraph ends them
    /// with 。). The line breaks go; the original keeps them.
    static func wrappedLineBreaks(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
        // Blank lines included: they separate paragraphs.
        let lines = Self.lines(u).map(\.range)
        // Display widths (Han and full-width forms count two), once per line.
        let lineWidths = lines.map { r in r.reduce(0) { $0 + (u[$1] >= 0x1100 ? 2 : 1) } }
        // The full width: what most long lines reach in wrapped text; paragraphs on one line each
        // make it so wide that only the long-line rule applies.
        let widths = lines.indices.filter { lines[$0].count >= 10 }.map { lineWidths[$0] }.sorted()
        guard !widths.isEmpty else { return [] }
        let full = widths[widths.count * 4 / 5]
        func isProse(_ r: Range<Int>) -> Bool { Self.isProse(u, r) }
        // A line ending in a digit ends a row of figures, except in a long line of prose, which a
        // page can break inside a number (达到74.4 / 万亿元).
        func endsSentence(_ r: Range<Int>, digitsEnd: Bool = true) -> Bool { Self.endsSentence(u, r, digitsEnd: digitsEnd) }
        let fullLines = lines.indices.filter { lines[$0].count >= 10 && lineWidths[$0] * 100 >= full * 85 }.map { lines[$0] }
        let cut = fullLines.filter { !endsSentence($0) }.count
        let wrapped = cut >= 3 && cut * 2 > fullLines.count
        var drop: [Range<Int>] = []
        var i = 0
        // Width of the long line that the current one already continues (…等28部行政法规。针对 /
        // 收容遣送 / 工作中存在的问题，…: a linked term set on a line of its own): the sentence goes on.
        var carried = 0
        while i + 1 < lines.count {
            let line = lines[i]
            guard !line.isEmpty else { i += 1; carried = 0; continue }
            let w = lineWidths[i]
            let lastIsDigit = (0x30...0x39).contains(u[line.upperBound - 1])
            var j = i + 1
            if lines[j].isEmpty && j + 1 < lines.count { j += 1 }
            // A number cut from its unit (达到74.4 / 万亿元) rejoins whatever the line's width.
            let cutNumber = lastIsDigit && !lines[j].isEmpty && Self.numberContinuations.contains(u[lines[j].lowerBound])
            let long = w + carried >= 120 && !endsSentence(line, digitsEnd: false)
            // A line that ends on a comma has said half a sentence, whatever its width (各级政府要坚持
            // “两手抓、两手都要硬”的方针， / 高度重视…).
            let comma = u[line.upperBound - 1] == 0x2C || u[line.upperBound - 1] == 0x3001
            guard cutNumber || (wrapped && w * 100 >= full * 85 && !endsSentence(line)) || long || comma,
                  isProse(line) || (carried > 0 && long) else {
                i += 1; carried = 0; continue
            }
            // Across a blank line only a long or cut line: a wrapped paragraph's lines are adjacent.
            if j > i + 1 && !(w >= 120 || cutNumber) { i += 1; carried = 0; continue }
            let next = lines[j]
            // Past a blank line, a line opening on its year (2011年，我们将…) is a paragraph of its own.
            guard Self.continuesSentence(u, next), j == i + 1 || !Self.opensOnAYear(u, next) else {
                i += 1; carried = 0; continue
            }
            drop.append(line.upperBound..<next.lowerBound)
            carried = long ? w + carried : 0
            i = j
        }
        return drop
    }

    /// Page breaks inside a sentence. Pages laid out in print pages mark each break with a
    /// paragraph holding nothing but a zero-width space (把党风 / ​ / 廉政建设…, the 2017 and 2021
    /// national reports), and PDF text sets the page number and the running head (the title
    /// again) on lines of their own (政府信息公开申请 / - 2 - / 全部按期答复). A line of prose that ends
    /// mid-sentence, then such markers (blank lines around them allowed), then a line that goes on
    /// (neither a heading nor figures): the sentence runs on through them. After a finished
    /// sentence a marker is a paragraph break and stays one. The breaks, page numbers and heads
    /// go; the original keeps them.
    static func pageMarkerBreaks(_ text: NormalizedText, original: [Unicode.Scalar]) -> [Range<Int>] {
        let u = text.units
        let lines = Self.lines(u)
        // A blank line whose original held invisible characters, and only those (and spaces).
        func heldOnlyInvisible(_ k: Int) -> Bool {
            let line = lines[k]
            guard line.range.isEmpty, line.start > 0, line.end < u.count else { return false }
            let a = Int(text.origin[line.start - 1]) + 1, b = Int(text.origin[line.end])
            guard a < b else { return false }
            let between = original[a..<b]
            return between.contains { isDeleted($0.value) } && between.allSatisfy { isDeleted($0.value) || isSpace($0) || $0 == "\r" }
        }
        func isPageNumber(_ r: Range<Int>) -> Bool {
            guard !r.isEmpty, r.count <= 20 else { return false }
            let line = String(utf16Units: Array(u[r]))
            return pageNumbers.contains { $0.firstMatch(in: line, range: NSRange(location: 0, length: r.count)) != nil }
        }
        // Running heads (`RunningHeads`), read only once a sentence breaks off before a line
        // that is not text.
        var heads: RunningHeads? = nil
        func isRunningHead(_ r: Range<Int>) -> Bool {
            if heads == nil { heads = RunningHeads(u, lines: lines.map(\.range).filter { !$0.isEmpty }) }
            return heads!.contains(r)
        }
        var drop: [Range<Int>] = []
        var i = 0
        while i + 1 < lines.count {
            let line = lines[i].range
            // A line of prose; or any line, when the next goes on with the rest of a cut word
            // (要全面深化各领域改 / ​ / 革，加快推进…): no heading or sentence opens so.
            guard !line.isEmpty, !endsSentence(u, line, digitsEnd: false) else { i += 1; continue }
            // Past blank lines, one page number and one running head, to the next line of text.
            var k = i + 1, marker = false, number = false, head = false
            while k < lines.count {
                if lines[k].range.isEmpty { marker = marker || heldOnlyInvisible(k); k += 1; continue }
                if !number && isPageNumber(lines[k].range) { number = true; marker = true; k += 1; continue }
                if !head && isRunningHead(lines[k].range) { head = true; marker = true; k += 1; continue }
                break
            }
            if marker, k < lines.count, k - i <= 6, continuesSentence(u, lines[k].range),
               isProse(u, line) || opensWithCutWord(u, lines[k].range) {
                drop.append(line.upperBound..<lines[k].range.lowerBound)
                i = k
            } else {
                i += 1
            }
        }
        return drop
    }

    /// The text's lines, blank ones included: each trimmed of spaces (`range`), with the unit the
    /// line starts at and the line break that ends it (`units.count` for the last line).
    static func lines(_ u: [UInt16]) -> [(range: Range<Int>, start: Int, end: Int)] {
        var lines: [(range: Range<Int>, start: Int, end: Int)] = []
        var start = 0
        for i in 0...u.count where i == u.count || u[i] == 0x0A {
            var a = start, b = i
            while a < b && (u[a] == 0x20 || u[a] == 0x09 || u[a] == 0x0D) { a += 1 }
            while b > a && (u[b - 1] == 0x20 || u[b - 1] == 0x09 || u[b - 1] == 0x0D) { b -= 1 }
            lines.append((a..<b, start, i))
            start = i + 1
        }
        return lines
    }

    static let pageNumbers: [NSRegularExpression] = {
        let lines = (try? ResourceFiles.lines(file: "text/page-numbers.txt", bundle: .module)) ?? []
        return lines.compactMap { try? NSRegularExpression(pattern: $0) }
    }()

    static let sentenceEnds: Set<UInt16> = [0x3002, 0x21, 0x3F, 0x3B, 0x3A, 0x2026]  // 。!?;:…
    /// Punctuation in normalised text (full-width ，；：！？ are ASCII there): a line without any is
    /// a heading, a title or a running head, not prose.
    public static let punctuation: Set<UInt16> = [0x3002, 0x2C, 0x3001, 0x3B, 0x3A, 0x21, 0x3F]  // 。,、;:!?
    static let closers: Set<UInt16> = [0x201D, 0x2019, 0x300D, 0x300F, 0x29, 0x300B]  // ”’」』)》

    /// A line holding a comma, 。 or ；: prose, which headings, navigation bars and table rows are
    /// not (a heading may hold 、).
    public static func isProse(_ u: [UInt16], _ r: Range<Int>) -> Bool { r.contains { isProsePunctuation(u[$0]) } }

    /// The same for a line as a string (normalised).
    public static func isProse(_ s: String) -> Bool { s.utf16.contains(where: isProsePunctuation) }

    /// Comma, 。 or ； in normalised text (NFKC makes ，and ；ASCII).
    public static func isProsePunctuation(_ c: UInt16) -> Bool { c == 0x2C || c == 0x3002 || c == 0x3B }

    /// Whether a line ends a sentence (closing quotes and brackets looked through); with `digitsEnd`,
    /// a final digit counts as an end (the last cell of a row of figures).
    static func endsSentence(_ u: [UInt16], _ r: Range<Int>, digitsEnd: Bool) -> Bool {
        var k = r.upperBound - 1
        while k > r.lowerBound && closers.contains(u[k]) { k -= 1 }
        return sentenceEnds.contains(u[k]) || (digitsEnd && (0x30...0x39).contains(u[k]))
    }

    /// Whether a line opens with one character and then a comma (革，加快推进…): the end of a word
    /// cut at a page break, which neither a sentence nor a heading opens with (今年， does).
    static func opensWithCutWord(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        let comma: Set<UInt16> = [0x2C, 0x3001]  // , 、
        return r.count > 2 && isHan(u[r.lowerBound]) && comma.contains(u[r.lowerBound + 1])
    }

    /// Whether a line can be the rest of the sentence before it: it has text, is not a row of
    /// figures (a table's cells) and does not open a paragraph of its own.
    static func continuesSentence(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        let figures = r.allSatisfy { (0x30...0x39).contains(u[$0]) || [0x2E, 0x25, 0x20, 0x2F, 0x2D, 0x2014].contains(u[$0]) }
        return !r.isEmpty && !figures && !opensParagraph(String(utf16Units: Array(u[r.lowerBound..<min(r.upperBound, r.lowerBound + 12)])))
    }

    /// 2011年， / 2011年度， at the start of `r`.
    static func opensOnAYear(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        let digits: ClosedRange<UInt16> = 0x30...0x39
        guard r.count >= 6, (r.lowerBound..<r.lowerBound + 4).allSatisfy({ digits.contains(u[$0]) }), u[r.lowerBound + 4] == 0x5E74 else { return false }
        var k = r.lowerBound + 5
        if u[k] == 0x5EA6, k + 1 < r.upperBound { k += 1 }  // 度
        return u[k] == 0x2C || u[k] == 0xFF0C
    }

    static let numberContinuations: Set<UInt16> = {
        let lines = (try? ResourceFiles.lines(file: "text/number-continuations.txt", bundle: .module)) ?? []
        return Set(lines.flatMap { $0.split(separator: " ").compactMap { $0.utf16.first } })
    }()

    static let paragraphStarts: [NSRegularExpression] = {
        let lines = (try? ResourceFiles.lines(file: "text/paragraph-starts.txt", bundle: .module)) ?? []
        return lines.compactMap { try? NSRegularExpression(pattern: $0) }
    }()

    static let openEnds: [[UInt16]] = ((try? ResourceFiles.lines(file: "text/open-ends.txt", bundle: .module)) ?? []).map { Array($0.utf16) }

    /// Whether the text before `end` ends on a word of `openEnds`.
    static func endsOnOpenWord(_ u: [UInt16], _ end: Int) -> Bool {
        openEnds.contains { w in w.count <= end && u[(end - w.count)..<end].elementsEqual(w) }
    }

    static func opensParagraph(_ s: String) -> Bool {
        let range = NSRange(location: 0, length: (s as NSString).length)
        return paragraphStarts.contains { $0.firstMatch(in: s, range: range) != nil }
    }
}
