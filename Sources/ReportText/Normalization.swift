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

    /// The text without the units in `ranges` (sorted, not overlapping); every remaining unit keeps
    /// its origin, so spans around a removal still cite the original.
    func removing(_ ranges: [Range<Int>]) -> NormalizedText {
        guard !ranges.isEmpty else { return self }
        var out = self
        out.units = []; out.origin = []
        out.units.reserveCapacity(units.count); out.origin.reserveCapacity(units.count)
        var start = 0
        for r in ranges + [units.count..<units.count] {
            out.units += units[start..<r.lowerBound]
            out.origin += origin[start..<r.lowerBound]
            start = r.upperBound
        }
        return out
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
        // Page breaks are crossed after the other joins: which lines are wrapped is judged on the
        // page's lines as set. A text flattened to one line gets its headings' lines back last, so
        // that no join takes them away again.
        var text = Self.breakRunOnHeadings(Self.joinAcrossPageMarkers(Self.joinWrappedLines(Self.joinBrokenTitles(Self.joinSubscripts(
            Self.dropPinyinGlosses(Self.foldCharacters(decoded.scalars))))), original: decoded.scalars))
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
        var glosses: [Range<Int>] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x28, i > 0, isHan(u[i - 1]) {
                var j = i + 1
                while j < u.count, j - i <= 8, isPinyinLetter(u[j]) { j += 1 }
                if j > i + 1, j < u.count, u[j] == 0x29, u[(i + 1)..<j].contains(where: { $0 > 0x7F }) {
                    glosses.append(i..<j + 1)
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return text.removing(glosses)
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
