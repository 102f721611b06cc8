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
        haystack.withUnsafeBytes { h in bytes.withUnsafeBytes { n in Self.find(n, in: h) } }
    }

    /// Whether `needle` occurs in `haystack`: memchr to the next place its first byte is, memcmp
    /// for the rest.
    @inline(__always)
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = Int32(needle[0])
        var at = haystack.baseAddress!
        let end = haystack.baseAddress! + (haystack.count - needle.count + 1)
        while at < end {
            guard let hit = memchr(at, first, end - at) else { return false }
            if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
            at = UnsafeRawPointer(hit) + 1
        }
        return false
    }

    public func occurs(in s: String) -> Bool { s.containsBytes(text) }
}

extension String {
    /// Whether the string holds `other`, byte for byte in UTF-8: no Unicode folding, so fast on
    /// normalised text (Foundation's `contains` goes through CFString on Linux).
    public func containsBytes(_ other: String) -> Bool {
        var me = self, needle = other
        return me.withUTF8 { h in needle.withUTF8 { n in BytePattern.find(UnsafeRawBufferPointer(n), in: UnsafeRawBufferPointer(h)) } }
    }
}
