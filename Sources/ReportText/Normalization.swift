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

    /// Drops the units in `ranges` (sorted, not overlapping); every remaining unit keeps its
    /// origin, so spans around a removal still cite the original.
    mutating func remove(_ ranges: [Range<Int>]) {
        guard !ranges.isEmpty else { return }
        // Kept units move down over the removed ones, in the same storage.
        var kept = ranges[0].lowerBound
        for (k, r) in ranges.enumerated() {
            let next = k + 1 < ranges.count ? ranges[k + 1].lowerBound : units.count
            for i in r.upperBound..<next {
                units[kept] = units[i]; origin[kept] = origin[i]
                kept += 1
            }
        }
        units.removeSubrange(kept...); origin.removeSubrange(kept...)
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
        // Each pass finds what to drop and the text drops it in place: no copy of the text a pass.
        var text = Self.foldCharacters(decoded.scalars)
        text.remove(Self.scrapeMarks(text))
        text.remove(Self.lostIndents(text))
        text.remove(Self.layoutBars(text))
        text.remove(Self.pinyinGlosses(text))
        text.remove(Self.subscriptBreaks(text))
        text.remove(Self.brokenTitleBreaks(text))
        text.remove(Self.wrappedLineBreaks(text))
        text.remove(Self.pageMarkerBreaks(text, original: decoded.scalars))
        text = Self.breakRunOnHeadings(text)
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
    static func pinyinGlosses(_ text: NormalizedText) -> [Range<Int>] {
        let u = text.units
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
        return glosses
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
        let sample = traditionalSample(units)
        if sample.han < 20 || sample.markers * 100 < sample.han { return false }
        let changed = try TraditionalCharacters.bitmap.get()
        var traditional = 0
        for u in units[..<sample.end] where isHan(u) && changed[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 {
            traditional += 1
        }
        return Double(traditional) / Double(sample.han) >= traditionalShare
    }

    /// The sample a text is judged on, its first 4,000 Han characters: where it ends, how many Han
    /// characters it holds and how many of them are traditional markers.
    static func traditionalSample(_ units: [UInt16]) -> (end: Int, han: Int, markers: Int) {
        var end = 0, han = 0, markers = 0
        while end < units.count && han < 4000 {
            let u = units[end]
            end += 1
            guard isHan(u) else { continue }
            han += 1
            if TraditionalCharacters.markers.contains(u) { markers += 1 }
        }
        return (end, han, markers)
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
    /// Common characters only traditional script has (`text/traditional-markers.txt`): a text
    /// without them is simplified, and ICU need not be asked.
    static let markers: Set<UInt16> = Set(
        ((try? ResourceFiles.lines(file: "text/traditional-markers.txt", bundle: .module)) ?? [])
            .flatMap { $0.split(separator: " ").flatMap(\.utf16) })

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
