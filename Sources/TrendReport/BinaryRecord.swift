import Foundation

/// A compact, positional binary form of `Codable` values, for records that only this process
/// reads back (the record store between map and reduce): no keys, no text escaping, no number
/// formatting — several times cheaper than JSON both ways.
///
/// Positional means keyed values are written in the order they are encoded and read back in the
/// order they are decoded, which synthesized `Codable` conformances guarantee. An optional
/// property carries a presence byte. Not supported (an error, never a wrong value): dictionaries
/// and other containers that list their keys, and optional elements of arrays.
enum BinaryRecord {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let writer = Writer()
        try value.encode(to: BinaryEncoder(writer: writer))
        return Data(writer.bytes)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let reader = Reader(bytes: [UInt8](data))
        let value = try T(from: BinaryDecoder(reader: reader))
        guard reader.at == reader.bytes.count else { throw Self.error("trailing bytes after the record") }
        return value
    }

    static func error(_ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "binary record: \(reason)"))
    }

    // MARK: bytes

    final class Writer {
        var bytes: [UInt8] = []

        func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            bytes.append(UInt8(v))
        }
        func int(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
        func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        func string(_ s: String) {
            var s = s
            s.withUTF8 { varint(UInt64($0.count)); bytes.append(contentsOf: $0) }
        }
    }

    final class Reader {
        let bytes: [UInt8]
        var at = 0
        init(bytes: [UInt8]) { self.bytes = bytes }

        func byte() throws -> UInt8 {
            guard at < bytes.count else { throw BinaryRecord.error("truncated") }
            defer { at += 1 }
            return bytes[at]
        }
        func varint() throws -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw BinaryRecord.error("varint too long") }
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }
        func int() throws -> Int64 { let u = try varint(); return Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }
        func double() throws -> Double {
            guard at + 8 <= bytes.count else { throw BinaryRecord.error("truncated") }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
            return Double(bitPattern: bits)
        }
        func string() throws -> String {
            let n = Int(try varint())
            guard n >= 0, at + n <= bytes.count else { throw BinaryRecord.error("truncated string") }
            defer { at += n }
            return String(decoding: bytes[at..<at + n], as: UTF8.self)
        }
        func count<T: FixedWidthInteger>(_: T.Type, _ v: Int64) throws -> T {
            // UInt64 and UInt above Int64.max travel as their bit pattern.
            if !T.isSigned && T.bitWidth == 64 { return T(truncatingIfNeeded: v) }
            guard let t = T(exactly: v) else { throw BinaryRecord.error("integer out of range") }
            return t
        }
    }
}

// MARK: encoding

private struct BinaryEncoder: Encoder {
    let writer: BinaryRecord.Writer
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: writer))
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedWriter(writer: writer) }
    func singleValueContainer() -> SingleValueEncodingContainer { ValueWriter(writer: writer) }
}

/// Every primitive, written the one way both the keyed and single-value containers use.
private protocol PrimitiveWriting {
    var writer: BinaryRecord.Writer { get }
}

extension PrimitiveWriting {
    func put(_ v: Bool) { writer.bytes.append(v ? 1 : 0) }
    func put(_ v: String) { writer.string(v) }
    func put(_ v: Double) { writer.double(v) }
    func put(_ v: Float) { writer.double(Double(v)) }
    func put<T: BinaryInteger>(_ v: T) { writer.int(Int64(truncatingIfNeeded: v)) }
    func put<T: Encodable>(value v: T) throws { try v.encode(to: BinaryEncoder(writer: writer)) }
    func present<T: Encodable>(_ v: T?) throws {
        guard let v else { writer.bytes.append(0); return }
        writer.bytes.append(1)
        try put(value: v)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, PrimitiveWriting {
    let writer: BinaryRecord.Writer
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { writer.bytes.append(0) }
    mutating func encode(_ v: Bool, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: String, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Double, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Float, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Int, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { put(v) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { put(v) }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { try put(value: v) }

    // Optionals carry a presence byte (the default would write nothing for nil).
    mutating func encodeIfPresent(_ v: Bool?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: String?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Double?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Float?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Int?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Int8?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Int16?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Int32?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: Int64?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: UInt?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: UInt8?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: UInt16?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: UInt32?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent(_ v: UInt64?, forKey key: Key) throws { try present(v) }
    mutating func encodeIfPresent<T: Encodable>(_ v: T?, forKey key: Key) throws { try present(v) }

    mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
        KeyedEncodingContainer(KeyedWriter<N>(writer: writer))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { UnkeyedWriter(writer: writer) }
    mutating func superEncoder() -> Encoder { BinaryEncoder(writer: writer) }
    mutating func superEncoder(forKey key: Key) -> Encoder { BinaryEncoder(writer: writer) }
}

/// An array: a four-byte count, patched as elements are added, then the elements.
private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: BinaryRecord.Writer
    let countAt: Int
    var codingPath: [CodingKey] = []
    var count = 0

    init(writer: BinaryRecord.Writer) {
        self.writer = writer
        countAt = writer.bytes.count
        writer.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func added() {
        count += 1
        withUnsafeBytes(of: UInt32(count).littleEndian) { raw in
            for k in 0..<4 { writer.bytes[countAt + k] = raw[k] }
        }
    }

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(NSNull(), .init(codingPath: codingPath, debugDescription: "binary record: optional array elements are not supported"))
    }
    mutating func encode<T: Encodable>(_ v: T) throws {
        try v.encode(to: BinaryEncoder(writer: writer))
        added()
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) -> KeyedEncodingContainer<N> {
        added()
        return KeyedEncodingContainer(KeyedWriter<N>(writer: writer))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { added(); return UnkeyedWriter(writer: writer) }
    mutating func superEncoder() -> Encoder { added(); return BinaryEncoder(writer: writer) }
}

private struct ValueWriter: SingleValueEncodingContainer, PrimitiveWriting {
    let writer: BinaryRecord.Writer
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(NSNull(), .init(codingPath: codingPath, debugDescription: "binary record: a bare nil is not supported"))
    }
    mutating func encode(_ v: Bool) throws { put(v) }
    mutating func encode(_ v: String) throws { put(v) }
    mutating func encode(_ v: Double) throws { put(v) }
    mutating func encode(_ v: Float) throws { put(v) }
    mutating func encode(_ v: Int) throws { put(v) }
    mutating func encode(_ v: Int8) throws { put(v) }
    mutating func encode(_ v: Int16) throws { put(v) }
    mutating func encode(_ v: Int32) throws { put(v) }
    mutating func encode(_ v: Int64) throws { put(v) }
    mutating func encode(_ v: UInt) throws { put(v) }
    mutating func encode(_ v: UInt8) throws { put(v) }
    mutating func encode(_ v: UInt16) throws { put(v) }
    mutating func encode(_ v: UInt32) throws { put(v) }
    mutating func encode(_ v: UInt64) throws { put(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { try put(value: v) }
}

// MARK: decoding

private struct BinaryDecoder: Decoder {
    let reader: BinaryRecord.Reader
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { ValueReader(reader: reader) }
}

private protocol PrimitiveReading {
    var reader: BinaryRecord.Reader { get }
}

extension PrimitiveReading {
    func get(_: Bool.Type) throws -> Bool { try reader.byte() != 0 }
    func get(_: String.Type) throws -> String { try reader.string() }
    func get(_: Double.Type) throws -> Double { try reader.double() }
    func get(_: Float.Type) throws -> Float { Float(try reader.double()) }
    func get<T: FixedWidthInteger>(_ t: T.Type) throws -> T { try reader.count(t, try reader.int()) }
    func get<T: Decodable>(value t: T.Type) throws -> T { try T(from: BinaryDecoder(reader: reader)) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol, PrimitiveReading {
    let reader: BinaryRecord.Reader
    var codingPath: [CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    /// The presence byte of an optional (the standard `decodeIfPresent` asks this first).
    func decodeNil(forKey key: Key) throws -> Bool { try reader.byte() == 0 }
    func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try get(t) }
    func decode(_ t: String.Type, forKey key: Key) throws -> String { try get(t) }
    func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try get(t) }
    func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try get(t) }
    func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try get(t) }
    func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try get(t) }
    func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try get(t) }
    func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try get(t) }
    func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try get(t) }
    func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try get(t) }
    func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try get(t) }
    func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try get(t) }
    func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try get(t) }
    func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try get(t) }
    func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try get(value: t) }

    func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        KeyedDecodingContainer(KeyedReader<N>(reader: reader))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }
    func superDecoder() throws -> Decoder { BinaryDecoder(reader: reader) }
    func superDecoder(forKey key: Key) throws -> Decoder { BinaryDecoder(reader: reader) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: BinaryRecord.Reader
    var codingPath: [CodingKey] = []
    let count: Int?
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= count! }

    init(reader: BinaryRecord.Reader) throws {
        self.reader = reader
        var n = 0
        for k in 0..<4 { n |= Int(try reader.byte()) << (8 * k) }
        count = n
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T {
        guard !isAtEnd else { throw BinaryRecord.error("read past the end of an array") }
        currentIndex += 1
        return try T(from: BinaryDecoder(reader: reader))
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) throws -> KeyedDecodingContainer<N> {
        currentIndex += 1
        return KeyedDecodingContainer(KeyedReader<N>(reader: reader))
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { currentIndex += 1; return try UnkeyedReader(reader: reader) }
    mutating func superDecoder() throws -> Decoder { currentIndex += 1; return BinaryDecoder(reader: reader) }
}

private struct ValueReader: SingleValueDecodingContainer, PrimitiveReading {
    let reader: BinaryRecord.Reader
    var codingPath: [CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode(_ t: Bool.Type) throws -> Bool { try get(t) }
    func decode(_ t: String.Type) throws -> String { try get(t) }
    func decode(_ t: Double.Type) throws -> Double { try get(t) }
    func decode(_ t: Float.Type) throws -> Float { try get(t) }
    func decode(_ t: Int.Type) throws -> Int { try get(t) }
    func decode(_ t: Int8.Type) throws -> Int8 { try get(t) }
    func decode(_ t: Int16.Type) throws -> Int16 { try get(t) }
    func decode(_ t: Int32.Type) throws -> Int32 { try get(t) }
    func decode(_ t: Int64.Type) throws -> Int64 { try get(t) }
    func decode(_ t: UInt.Type) throws -> UInt { try get(t) }
    func decode(_ t: UInt8.Type) throws -> UInt8 { try get(t) }
    func decode(_ t: UInt16.Type) throws -> UInt16 { try get(t) }
    func decode(_ t: UInt32.Type) throws -> UInt32 { try get(t) }
    func decode(_ t: UInt64.Type) throws -> UInt64 { try get(t) }
    func decode<T: Decodable>(_ t: T.Type) throws -> T { try get(value: t) }
}
