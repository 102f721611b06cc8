import Foundation

/// The text stage in one call: bytes → decoded → normalised, for plain-text sources.
///
/// ```swift
/// let text = try PlainText.read(path: "corpora/qinghe/2017.txt")
/// print(text.decoded.encoding, text.normalized.string.prefix(20))
/// ```
public struct PlainText: Sendable {
    public var decoded: DecodedText
    public var normalized: NormalizedText

    /// Largest input read, in bytes; bigger files are refused with `too-large`.
    public static let maxBytes = 64 * 1024 * 1024

    public init(decoded: DecodedText, normalizer: Normalizer = Normalizer()) throws {
        self.decoded = decoded
        self.normalized = try normalizer.normalize(decoded)
    }

    public static func read(path: String, normalizer: Normalizer = Normalizer()) throws -> PlainText {
        let bytes = try readBytes(path: path)
        return try PlainText(decoded: try TextDecoder.decode(bytes, file: path), normalizer: normalizer)
    }

    /// Reads a file (or `-` for standard input), refusing files over `maxBytes`.
    public static func readBytes(path: String, limit: Int = maxBytes) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > limit { throw NianbaoError(.tooLarge, file: path, "over \(limit) bytes") }
            return [UInt8](data)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw NianbaoError(.unreadable, file: path, "no such file")
        }
        if isDir.boolValue { throw NianbaoError(.unreadable, file: path, "is a directory") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limit {
            throw NianbaoError(.tooLarge, file: path, "\(size) bytes is over the limit of \(limit) bytes")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw NianbaoError(.unreadable, file: path, "permission denied or unreadable") }
        defer { close(fd) }
        // Straight into the array, with no Data to copy from.
        func readChunk(_ capacity: Int) throws -> [UInt8] {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
                count = 0
                while count < buf.count {
                    let r = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                    if r < 0 && errno == EINTR { continue }
                    if r < 0 { failed = true }
                    if r <= 0 { break }
                    count += r
                }
            }
            if failed { throw NianbaoError(.unreadable, file: path, "read failed: \(String(cString: strerror(errno)))") }
            return chunk
        }
        var bytes = try readChunk(size + 1)
        // A full read means the file grew since its size was taken: read on to its end.
        var full = bytes.count == size + 1
        while full {
            if bytes.count > limit { throw NianbaoError(.tooLarge, file: path, "over \(limit) bytes") }
            let more = try readChunk(1 << 20)
            bytes += more
            full = more.count == 1 << 20
        }
        return bytes
    }
}
