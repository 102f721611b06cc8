/// Reads tokens as content words, each distinct word once per reader: a word of two to four Han
/// characters (nearly all of them) is keyed by its characters packed into one integer, and every
/// word gets an integer id. Hashing an integer is much cheaper than making and hashing a String
/// (which Swift normalises as it hashes), and that was most of what reading a sentence cost.
/// Not thread-safe: one per worker, like the segmenter.
public final class ContentWordReader {
    /// A token as the caller reads it: `word` nil for a word it drops (a stop word).
    public struct Reading: Sendable {
        public var word: String?
        public var id: Int32
        /// Not replaced by another word (a synonym's canonical form).
        public var asWritten: Bool
    }

    /// What a content word becomes: the word kept (nil to drop it), and whether it is unchanged.
    private let resolve: (String) -> (word: String?, asWritten: Bool)
    private var known: [UInt64: Reading] = [:]
    private var ids: [String: Int32] = [:]
    /// Enough for the vocabulary of any corpus of reports; past it, words are read the slow way.
    private static let knownLimit = 200_000

    public init(resolve: @escaping (String) -> (word: String?, asWritten: Bool)) {
        self.resolve = resolve
    }

    /// How a token reads (nil: not a content word, see `Token.contentWord`).
    public func reading(_ t: Token, _ units: [UInt16]) -> Reading? {
        let short = t.kind == .han && t.length >= 2 && t.length <= 4
        var key: UInt64 = 0
        if short {
            for i in Int(t.start)..<Int(t.end) { key = key << 16 | UInt64(units[i]) }
            if let r = known[key] { return r }
        }
        guard let raw = t.contentWord(in: units) else { return nil }
        let (word, asWritten) = resolve(raw)
        let r = Reading(word: word, id: id(of: word ?? raw), asWritten: asWritten)
        if short && known.count < Self.knownLimit { known[key] = r }
        return r
    }

    /// The id of a word as this reader names it (after `resolve`): the same as its tokens'.
    public func id(of name: String) -> Int32 {
        if let i = ids[name] { return i }
        let i = Int32(ids.count)
        ids[name] = i
        return i
    }
}
