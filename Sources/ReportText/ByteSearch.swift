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

    /// Whether `needle` occurs in `haystack`: memchr to the next place one of its bytes is,
    /// memcmp for the whole. The byte is the needle's first continuation byte when it has one:
    /// in Chinese text the lead byte of a character is nearly always one of a few (E4–E9), so
    /// stepping from lead byte to lead byte compared almost everywhere.
    @inline(__always)
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let k = needle.firstIndex { $0 & 0xC0 == 0x80 } ?? 0
        let byte = Int32(needle[k])
        let start = haystack.baseAddress!
        // Where byte k of the needle can be: from k to k of the last place the needle fits.
        var at = start + k
        let end = start + (haystack.count - needle.count + 1 + k)
        while at < end {
            guard let hit = memchr(at, byte, end - at) else { return false }
            if memcmp(UnsafeRawPointer(hit) - k, needle.baseAddress!, needle.count) == 0 { return true }
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
