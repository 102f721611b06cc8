#if canImport(Glibc)
import Glibc
#endif

/// Substring search over UTF-8 bytes with memchr and memcmp: Foundation's `String.contains`
/// folds characters through CFString on Linux and dominated extraction time when every line
/// was checked against dozens of cue phrases.
public struct BytePattern: Sendable, Hashable {
    public let text: String
    public let bytes: [UInt8]

    public init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    /// Whether `haystack` (UTF-8) contains the pattern.
    @inline(__always)
    public func occurs(in haystack: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard haystack.count >= bytes.count else { return false }
        return haystack.withUnsafeBytes { h in
            bytes.withUnsafeBytes { n in
                let first = Int32(n[0])
                var at = h.baseAddress!
                let end = h.baseAddress! + (h.count - n.count + 1)
                while at < end {
                    guard let hit = memchr(at, first, end - at) else { return false }
                    if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                    at = UnsafeRawPointer(hit) + 1
                }
                return false
            }
        }
    }

    public func occurs(in s: String) -> Bool { occurs(in: Array(s.utf8)) }
}

extension String {
    /// Whether the string holds `other`, byte for byte in UTF-8: no Unicode folding, so fast on
    /// normalised text (Foundation's `contains` goes through CFString on Linux).
    public func containsBytes(_ other: String) -> Bool {
        var me = self, needle = other
        return me.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                let base = UnsafeRawPointer(h.baseAddress!), pattern = UnsafeRawPointer(n.baseAddress!)
                var at = base
                let end = base + (h.count - n.count + 1)
                while at < end {
                    guard let hit = memchr(at, Int32(n[0]), end - at) else { return false }
                    if memcmp(hit, pattern, n.count) == 0 { return true }
                    at = UnsafeRawPointer(hit) + 1
                }
                return false
            }
        }
    }
}
