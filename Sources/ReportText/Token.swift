/// A word, number or punctuation mark: a view into a `NormalizedText` by UTF-16 offsets.
///
/// ```swift
/// for token in try segmenter.tokens(norm) {
///     print(token.kind, norm.text(token.range), norm.originalSpan(of: token.range))
/// }
/// ```
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, Codable {
        /// Chinese characters (and other ideographs or kana).
        case han
        /// Digits with decimals, separators, a percent sign or 万/亿 (`2017`, `6.5%`, `1.2万`).
        case number
        /// Latin letters and similar scripts.
        case latin
        /// Punctuation and symbols.
        case punctuation
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind

    public init(_ range: Range<Int>, _ kind: Kind) {
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        self.kind = kind
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }

    /// The token as a content word, if it can be one: a Han word of two or more characters, or
    /// a name in Latin letters (GDP, PPP, M2, 5G, PM2.5), upper-cased so that case does not
    /// split it. `units` are the text the token points into.
    public func contentWord(in units: some Collection<UInt16>) -> String? {
        guard length >= 2 else { return nil }
        let from = units.index(units.startIndex, offsetBy: Int(start)), to = units.index(from, offsetBy: length)
        let slice = units[from..<to]
        switch kind {
        case .han: return String(utf16Units: slice)
        case .latin: return String(utf16Units: slice).uppercased()
        case .number where slice.contains(where: CodeUnit.isLatinLetter):
            return String(utf16Units: slice).uppercased()
        default: return nil
        }
    }
}

/// Character classes by UTF-16 code unit, for the loops that walk text a unit at a time.
public enum CodeUnit {
    /// A–Z or a–z.
    @inline(__always) public static func isLatinLetter(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
    /// The main block of CJK unified ideographs (U+4E00–U+9FFF).
    @inline(__always) public static func isHan(_ u: UInt16) -> Bool { (0x4E00...0x9FFF).contains(u) }
}

extension Token.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .han: "han"
        case .number: "number"
        case .latin: "latin"
        case .punctuation: "punctuation"
        }
    }
}
