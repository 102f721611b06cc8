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
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw NianbaoError(.unreadable, file: path, "permission denied or unreadable")
        }
        defer { try? handle.close() }
        let data = handle.readDataToEndOfFile()
        return [UInt8](data)
    }
}
