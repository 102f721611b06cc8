import Foundation

/// JSON as Nianbao writes it everywhere: sorted keys and fixed formatting, so the same inputs
/// give byte-identical files.
public enum JSONOutput {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// The decoder for what `encoder` wrote (non-finite numbers come back from their strings).
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    public static func data<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        var d = try encoder(pretty: pretty).encode(value)
        if pretty { d.append(0x0A) }
        return d
    }

    /// Pretty JSON of `value` whose top-level array `key` (left empty in `value`) holds
    /// `elements`, handed to `write` in pieces: byte for byte what encoding it whole gives, but
    /// one element at a time, so an array of forty thousand rows is never one encoder tree nor
    /// one buffer.
    public static func write<T: Encodable, E: Encodable>(_ value: T, key: String, elements: [E],
                                                        to write: (Data) throws -> Void) throws {
        try self.write(value, key: key, isEmpty: elements.isEmpty, each: { body in for e in elements { try body(e) } }, to: write)
    }

    /// The same, with the elements handed over one by one by `each` (from a spool on disk).
    public static func write<T: Encodable, E: Encodable>(_ value: T, key: String, isEmpty: Bool,
                                                        each: (_ body: (E) throws -> Void) throws -> Void,
                                                        to write: (Data) throws -> Void) throws {
        let whole = try data(value)
        let empty = Data("\n  \"\(key)\" : [\n\n  ]".utf8)
        guard !isEmpty else { return try write(whole) }
        guard let at = whole.range(of: empty) else {
            throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "no empty top-level array \(key)"))
        }
        try write(whole[..<at.lowerBound] + Data("\n  \"\(key)\" : [".utf8))
        var i = 0
        try withoutActuallyEscaping(write) { write in try each { element in
            defer { i += 1 }
            var piece = Data((i == 0 ? "\n" : ",\n").utf8)
            // The element's own lines, four spaces in, without its final line break.
            var lineStart = true
            for byte in try data(element).dropLast() {
                if lineStart { piece.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                piece.append(byte)
                lineStart = byte == 0x0A
            }
            try write(piece)
        } }
        try write(Data("\n  ]".utf8) + whole[at.upperBound...])
    }

    public static func line<T: Encodable>(_ value: T) throws -> Data {
        var d = try encoder(pretty: false).encode(value)
        d.append(0x0A)
        return d
    }
}

/// Writes a file atomically: a temporary file in the same folder, then a rename, so a reader
/// or an interrupted run never sees half a file.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
