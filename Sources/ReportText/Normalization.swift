import Foundation

/// The normalised text the later stages read, with every UTF-16 unit mapped back to the scalar
/// of the decoded original it came from.
///
/// ```swift
/// let norm = try Normalizer().normalize(decoded)
/// norm.string                         // NFKC, spaces unified, zero-width removed, simplified
/// norm.originalSpan(of: 0..<4)        // scalar offsets into `decoded.scalars`
/// ```
public struct NormalizedText: Sendable {
    /// UTF-16 code units of the normalised text (what ICU iterates over).
    public var units: [UInt16]
    /// For each unit, the offset of the original scalar it came from.
    public var origin: [Int32]
    /// Number of scalars in the original.
    public var originalCount: Int
    /// Whether traditional characters were converted to simplified.
    public var convertedTraditional: Bool

    public var string: String { String(utf16Units: units) }

    /// The original scalar range of a unit range `[a, b)`.
    public func originalSpan(of range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = range.lowerBound < origin.count ? Int(origin[range.lowerBound]) : originalCount
            return at..<at
        }
        return Int(origin[range.lowerBound])..<Int(origin[range.upperBound - 1]) + 1
    }

    public func text(_ range: Range<Int>) -> String {
        String(utf16Units: units[range])
    }
}

/// Decoded text → `NormalizedText`: NFKC per character (full-width digits and letters become
/// ASCII), every kind of space becomes a plain space, zero-width characters go, line breaks stay,
/// and traditional characters become simplified when the text is mostly traditional.
public struct Normalizer: Sendable {
    public enum TraditionalMode: String, Sendable, CaseIterable {
        case auto, on, off
    }

    public var traditional: TraditionalMode

    /// Share of sampled Han characters that ICU's Traditional-Simplified changes above which a
    /// text counts as traditional (simplified text scores ~0, traditional text 0.2-0.35).
    public static let traditionalShare = 0.08

    public init(traditional: TraditionalMode = .auto) {
        self.traditional = traditional
    }

    public func normalize(_ decoded: DecodedText) throws -> NormalizedText {
        var text = Self.joinWrappedLines(Self.joinSubscripts(Self.dropPinyinGlosses(Self.foldCharacters(decoded.scalars))))
        Self.arabicYears(&text.units)
        let convert: Bool
        switch traditional {
        case .on: convert = true
        case .off: convert = false
        case .auto: convert = try Self.isMostlyTraditional(text.units)
        }
        if convert { try Self.simplify(&text) }
        return text
    }

    static func foldCharacters(_ scalars: [Unicode.Scalar]) -> NormalizedText {
        var units: [UInt16] = []
        var origin: [Int32] = []
        units.reserveCapacity(scalars.count + scalars.count / 8)
        origin.reserveCapacity(scalars.count + scalars.count / 8)
        // Full-width punctuation recurs constantly: ask ICU once per distinct character.
        var foldCache: [UInt32: [UInt16]] = [:]
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            let v = s.value
            let at = Int32(i)
            i += 1
            // Fast path: ASCII and the common CJK blocks are left as they are.
            if v < 0x80 {
                switch v {
                case 0x0D:  // CR LF → LF; a lone CR is a line break too
                    if i < n && scalars[i] == "\n" { continue }
                    units.append(0x0A); origin.append(at)
                case 0x09, 0x0B, 0x0C:
                    units.append(0x20); origin.append(at)
                default:
                    units.append(UInt16(v)); origin.append(at)
                }
                continue
            }
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3001...0x3002).contains(v) {
                units.append(UInt16(v)); origin.append(at)
                continue
            }
            if isDeleted(v) { continue }
            // Circled numbers mark headings (①②③); NFKC would turn them into bare digits.
            if (0x2460...0x2473).contains(v) {
                units.append(UInt16(v)); origin.append(at)
                continue
            }
            if isSpace(s) {
                units.append(0x20); origin.append(at)
                continue
            }
            let folded: [UInt16]
            if let cached = foldCache[v] {
                folded = cached
            } else {
                folded = ICUNormalizer.isNFKCInert(s) ? Array(String(s).utf16) : ICUNormalizer.nfkc(s)
                foldCache[v] = folded
            }
            for u in folded {
                units.append(u); origin.append(at)
            }
        }
        return NormalizedText(units: units, origin: origin, originalCount: scalars.count, convertedTraditional: false)
    }

    /// Converter sites gloss characters with pinyin: 報(bào)告. The gloss is not text; it goes
    /// (the original keeps it, and spans around it still cite the original).
    static func dropPinyinGlosses(_ text: NormalizedText) -> NormalizedText {
        let u = text.units
        // Most texts have brackets but no glosses: look before rebuilding anything.
        guard u.indices.contains(where: { i in
            u[i] == 0x28 && i > 0 && isHan(u[i - 1]) && i + 1 < u.count && isPinyinLetter(u[i + 1])
        }) else { return text }
        var units: [UInt16] = [], origin: [Int32] = []
        units.reserveCapacity(u.count)
        origin.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == 0x28, i > 0, isHan(u[i - 1]) {
                var j = i + 1
                while j < u.count, j - i <= 8, isPinyinLetter(u[j]) { j += 1 }
                if j > i + 1, j < u.count, u[j] == 0x29, u[(i + 1)..<j].contains(where: { $0 > 0x7F }) {
                    i = j + 1
                    continue
                }
            }
            units.append(u[i]); origin.append(text.origin[i])
            i += 1
        }
        var out = text
        out.units = units
        out.origin = origin
        return out
    }

    /// Pages that set M₂, CO₂ or PM₂.₅ with <sub> tags often come out as `广义货币M` / `2` /
    /// `增长13.6%` on three lines. A line of at most four digits and dots right after a line ending
    /// in a Latin letter, with text right after, is put back in place (the line breaks go; the
    /// original keeps them). A page number never follows a Latin letter mid-sentence.
    static func joinSubscripts(_ text: NormalizedText) -> NormalizedText {
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
        guard !drop.isEmpty else { return text }
        var out = text
        out.units = []; out.origin = []
        out.units.reserveCapacity(u.count); out.origin.reserveCapacity(u.count)
        var k = 0
        for i in u.indices {
            if k < drop.count && drop[k] == i { k += 1; continue }
            out.units.append(u[i]); out.origin.append(text.origin[i])
        }
        return out
    }

    /// Years written in Chinese digits (二〇一九年, 二○二〇年度) become Arabic (2019年), digit for
    /// digit, so that every later stage reads one form; the original keeps its own.
    static func arabicYears(_ u: inout [UInt16]) {
        let digits: [UInt16: UInt16] = [0x3007: 0, 0x25CB: 0, 0x96F6: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E09: 3, 0x56DB: 4,
                                        0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9]  // 〇○零一二三四五六七八九
        var i = 0
        while i + 4 < u.count {
            if u[i + 4] == 0x5E74, let a = digits[u[i]], let b = digits[u[i + 1]], let c = digits[u[i + 2]], let d = digits[u[i + 3]],
               (a == 1 && b == 9) || (a == 2 && b == 0), i == 0 || digits[u[i - 1]] == nil {
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
    /// or when the text is wrapped and the line is full: the next line must not open a paragraph
    /// of its own (`text/paragraph-starts.txt`). Only prose joins: the line must hold a comma or
    /// 。, which headings, navigation bars and table rows do not. The text counts as wrapped when
    /// most of its full-width lines end mid-sentence (a text of one line per paragraph ends them
    /// with 。). The line breaks go; the original keeps them.
    static func joinWrappedLines(_ text: NormalizedText) -> NormalizedText {
        let u = text.units
        // Trimmed lines as unit ranges, blank ones included (they separate paragraphs).
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0...u.count where i == u.count || u[i] == 0x0A {
            var a = start, b = i
            while a < b && (u[a] == 0x20 || u[a] == 0x09 || u[a] == 0x0D) { a += 1 }
            while b > a && (u[b - 1] == 0x20 || u[b - 1] == 0x09 || u[b - 1] == 0x0D) { b -= 1 }
            lines.append(a..<b)
            start = i + 1
        }
        func width(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + (u[$1] >= 0x1100 ? 2 : 1) } }
        // The full width: what most long lines reach in wrapped text; paragraphs on one line each
        // make it so wide that only the long-line rule applies.
        let widths = lines.filter { $0.count >= 10 }.map(width).sorted()
        guard !widths.isEmpty else { return text }
        let full = widths[widths.count * 4 / 5]
        let sentenceEnds: Set<UInt16> = [0x3002, 0x21, 0x3F, 0x3B, 0x3A, 0x2026]  // 。!?;:…
        let closers: Set<UInt16> = [0x201D, 0x2019, 0x300D, 0x300F, 0x29, 0x300B]  // ”’」』)》
        let prose: Set<UInt16> = [0x2C, 0x3002]  // , 。
        // A line ending in a digit ends a row of figures, except in a long line of prose, which a
        // page can break inside a number (达到74.4 / 万亿元).
        func endsSentence(_ r: Range<Int>, digitsEnd: Bool = true) -> Bool {
            var k = r.upperBound - 1
            while k > r.lowerBound && closers.contains(u[k]) { k -= 1 }
            return sentenceEnds.contains(u[k]) || (digitsEnd && (0x30...0x39).contains(u[k]))
        }
        let fullLines = lines.filter { $0.count >= 10 && width($0) * 100 >= full * 85 }
        let cut = fullLines.filter { !endsSentence($0) }.count
        let wrapped = cut >= 3 && cut * 2 > fullLines.count
        var drop: [Range<Int>] = []
        var i = 0
        while i + 1 < lines.count {
            let line = lines[i]
            guard !line.isEmpty, line.contains(where: { prose.contains(u[$0]) }) else { i += 1; continue }
            let w = width(line)
            let lastIsDigit = (0x30...0x39).contains(u[line.upperBound - 1])
            var j = i + 1
            if lines[j].isEmpty && j + 1 < lines.count { j += 1 }
            // A number cut from its unit (达到74.4 / 万亿元) rejoins whatever the line's width.
            let cutNumber = lastIsDigit && !lines[j].isEmpty && Self.numberContinuations.contains(u[lines[j].lowerBound])
            guard cutNumber || (wrapped && w * 100 >= full * 85 && !endsSentence(line)) || (w >= 120 && !endsSentence(line, digitsEnd: false)) else {
                i += 1; continue
            }
            // Across a blank line only a long or cut line: a wrapped paragraph's lines are adjacent.
            if j > i + 1 && !(w >= 120 || cutNumber) { i += 1; continue }
            let next = lines[j]
            // A line of figures is a table's cells, never the rest of a sentence.
            let figures = next.allSatisfy { (0x30...0x39).contains(u[$0]) || [0x2E, 0x25, 0x20, 0x2F, 0x2D, 0x2014].contains(u[$0]) }
            guard !next.isEmpty, !figures, !Self.opensParagraph(String(utf16Units: Array(u[next.lowerBound..<min(next.upperBound, next.lowerBound + 12)]))) else {
                i += 1; continue
            }
            drop.append(line.upperBound..<next.lowerBound)
            i = j
        }
        guard !drop.isEmpty else { return text }
        var out = text
        out.units = []; out.origin = []
        out.units.reserveCapacity(u.count); out.origin.reserveCapacity(u.count)
        var k = 0
        for i in u.indices {
            while k < drop.count && drop[k].upperBound <= i { k += 1 }
            if k < drop.count && drop[k].contains(i) { continue }
            out.units.append(u[i]); out.origin.append(text.origin[i])
        }
        return out
    }

    static let numberContinuations: Set<UInt16> = {
        let lines = (try? ResourceFiles.lines(file: "text/number-continuations.txt", bundle: .module)) ?? []
        return Set(lines.flatMap { $0.split(separator: " ").compactMap { $0.utf16.first } })
    }()

    static let paragraphStarts: [NSRegularExpression] = {
        let lines = (try? ResourceFiles.lines(file: "text/paragraph-starts.txt", bundle: .module)) ?? []
        return lines.compactMap { try? NSRegularExpression(pattern: $0) }
    }()

    static func opensParagraph(_ s: String) -> Bool {
        let range = NSRange(location: 0, length: (s as NSString).length)
        return paragraphStarts.contains { $0.firstMatch(in: s, range: range) != nil }
    }

    static func isPinyinLetter(_ u: UInt16) -> Bool {
        (0x61...0x7A).contains(u) || (0xE0...0xFC).contains(u) || (0x101...0x16B).contains(u) || (0x1CE...0x1DC).contains(u)
    }

    /// Zero-width and invisible formatting characters that carry no text.
    static func isDeleted(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E: return true
        default: return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value != 0x0A && s.value != 0x2028 && s.value != 0x2029 && s.properties.isWhitespace
    }

    static func isHan(_ u: UInt16) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u)
    }

    public static func isMostlyTraditional(_ units: [UInt16]) throws -> Bool {
        let changed = try TraditionalCharacters.bitmap.get()
        var han = 0, traditional = 0
        for u in units where isHan(u) {
            han += 1
            if changed[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 { traditional += 1 }
            if han >= 4000 { break }
        }
        if han < 20 { return false }
        return Double(traditional) / Double(han) >= traditionalShare
    }

    /// Converts line by line; a line whose length changes is redone character by character so
    /// that every unit keeps its origin.
    static func simplify(_ text: inout NormalizedText) throws {
        let t = try ICUTransliterator("Traditional-Simplified")
        var units: [UInt16] = []
        var origin: [Int32] = []
        units.reserveCapacity(text.units.count)
        origin.reserveCapacity(text.units.count)
        var start = 0
        let n = text.units.count
        while start < n {
            var end = start
            while end < n && text.units[end] != 0x0A { end += 1 }
            let line = Array(text.units[start..<end])
            let converted = try t.apply(line)
            if converted.count == line.count {
                units.append(contentsOf: converted)
                origin.append(contentsOf: text.origin[start..<end])
            } else {
                var i = start
                while i < end {
                    let width = UTF16.isLeadSurrogate(text.units[i]) && i + 1 < end ? 2 : 1
                    for u in try t.apply(Array(text.units[i..<i + width])) {
                        units.append(u); origin.append(text.origin[i])
                    }
                    i += width
                }
            }
            if end < n { units.append(0x0A); origin.append(text.origin[end]) }
            start = end + 1
        }
        text.units = units
        text.origin = origin
        text.convertedTraditional = true
    }
}

/// The Han characters (U+4E00–U+9FFF) that ICU's Traditional-Simplified changes, as a bitmap,
/// built once per process so that detecting a traditional text costs a lookup per character.
enum TraditionalCharacters {
    static let bitmap: Result<[UInt64], Error> = Result {
        let block = (UInt16(0x4E00)...UInt16(0x9FFF)).map { $0 }
        let t = try ICUTransliterator("Traditional-Simplified")
        var bits = [UInt64](repeating: 0, count: 1024)
        // In chunks, so a multi-character rule can only shift one chunk, which is then redone singly.
        for chunk in stride(from: 0, to: block.count, by: 256) {
            let part = Array(block[chunk..<min(chunk + 256, block.count)])
            var out = try t.apply(part)
            if out.count != part.count { out = try part.map { try t.apply([$0]).first ?? $0 } }
            for (a, b) in zip(part, out) where a != b { bits[Int(a >> 6)] |= 1 << UInt64(a & 63) }
        }
        return bits
    }
}
