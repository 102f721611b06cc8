import Foundation
/// A word as a dictionary key, hashed and compared by its UTF-8 bytes. Words come from normalised
/// text, where equal means byte-equal; Swift's own String hashing and comparison check Unicode
/// normalisation on every non-ASCII character, and were a sixth of matching and a good part of keyness.
public struct WordKey: Hashable, Sendable {
    public let word: String

    public init(_ word: String) { self.word = word }

    public static func == (a: WordKey, b: WordKey) -> Bool {
        var x = a.word, y = b.word
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    public func hash(into hasher: inout Hasher) {
        var w = word
        w.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
