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
