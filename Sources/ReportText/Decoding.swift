/// Text decoded from a file's bytes: the reference every span in Nianbao points into.
///
/// ```swift
/// let decoded = try TextDecoder.decode(bytes, file: "qinghe-2017.txt")
/// decoded.encoding   // "UTF-8", "GB18030", "Big5", "UTF-16LE" …
/// decoded.scalars    // the original text, one Unicode scalar per offset
/// ```
public struct DecodedText: Sendable {
    /// The decoded original text; spans are offsets into this array.
    public var scalars: [Unicode.Scalar]
    /// The charset the bytes were read as.
    public var encoding: String
    /// Things worth telling the user that did not stop decoding (e.g. a few bad bytes replaced).
    public var warnings: [String]

    public init(scalars: [Unicode.Scalar], encoding: String, warnings: [String] = []) {
        self.scalars = scalars
        self.encoding = encoding
        self.warnings = warnings
    }

    public init(_ text: String, encoding: String = "UTF-8") {
        self.init(scalars: Array(text.unicodeScalars), encoding: encoding)
    }

    /// The original text of a span of scalar offsets.
    /// (Encoded straight into the string's storage: appending scalar by scalar was a few
    /// percent of a whole analysis.)
    public func text(_ range: Range<Int>) -> String {
        let part = scalars[range.clamped(to: 0..<scalars.count)]
        return String(unsafeUninitializedCapacity: part.count * 4) { buffer in
            var n = 0
            for scalar in part { UTF8.encode(scalar) { buffer[n] = $0; n += 1 } }
            return n
        }
    }

    public var string: String { text(0..<scalars.count) }
}

/// Bytes → `DecodedText`: charset detection and conversion with ICU, refusing binary and
/// undecodable input with a reason instead of passing mojibake on.
public enum TextDecoder {
    /// Share of replaced characters tolerated before the input counts as undecodable.
    public static let badCharTolerance = 0.005
    /// Share of control characters (other than tab, line feed, carriage return, form feed)
    /// tolerated before the input counts as binary.
    public static let controlCharTolerance = 0.01

    public static func decode(_ bytes: [UInt8], file: String = "") throws -> DecodedText {
        do {
            return try decodeUnattributed(bytes)
        } catch let error as NianbaoError {
            throw error.at(file)
        }
    }

    static func decodeUnattributed(_ bytes: [UInt8]) throws -> DecodedText {
        if bytes.isEmpty { throw NianbaoError(.emptyInput, "the file is empty") }
        if let kind = binarySignature(bytes) {
            throw NianbaoError(.binaryInput, "not text: looks like \(kind)")
        }
        // Byte order marks decide.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try finish(try ICUCharset.convert(bytes[3...], from: "UTF-8"), "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try finish(try ICUCharset.convert(bytes[2...], from: "UTF-16LE"), "UTF-16LE")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try finish(try ICUCharset.convert(bytes[2...], from: "UTF-16BE"), "UTF-16BE")
        }
        if let utf16 = bomlessUTF16(bytes) {
            return try finish(try ICUCharset.convert(bytes[...], from: utf16), utf16)
        }
        if bytes.contains(0) {
            throw NianbaoError(.binaryInput, "not text: contains NUL bytes")
        }
        // Valid UTF-8 is by far the most common case and needs no detector.
        if let scalars = validUTF8Scalars(bytes) {
            return try finish(scalars, bad: 0, "UTF-8")
        }
        return try decodeLegacy(bytes)
    }

    /// Bytes that are not valid UTF-8: damaged UTF-8 (a truncated download), a legacy Chinese
    /// charset (GB18030 family or Big5, told apart by ICU's detector since each accepts the
    /// other's bytes), or a file mixing UTF-8 lines with legacy ones.
    static func decodeLegacy(_ bytes: [UInt8]) throws -> DecodedText {
        let asUTF8 = try ICUCharset.convert(bytes[...], from: "UTF-8")
        if Double(asUTF8.bad) / Double(max(asUTF8.units.count, 1)) <= badCharTolerance {
            return try finish(asUTF8, "UTF-8")
        }
        let legacy = legacyCharset(bytes[...])
        if let mixed = try decodeMixedLines(bytes, legacy: legacy) { return mixed }
        return try finish(try ICUCharset.convert(bytes[...], from: legacy), legacy)
    }

    static func legacyCharset(_ bytes: ArraySlice<UInt8>) -> String {
        let detected = ICUCharset.detect(bytes.prefix(64 * 1024))
        func confidence(_ name: String) -> Int {
            detected.first { $0.name.caseInsensitiveEquals(name) }?.confidence ?? 0
        }
        return confidence("Big5") > confidence("GB18030") ? "Big5" : "GB18030"
    }

    /// Line by line when some lines with non-ASCII text are valid UTF-8 and others are not.
    static func decodeMixedLines(_ bytes: [UInt8], legacy: String) throws -> DecodedText? {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var utf8Lines = 0, otherLines = 0
        for line in lines where line.contains(where: { $0 >= 0x80 }) {
            if String(validating: line, as: UTF8.self) != nil { utf8Lines += 1 } else { otherLines += 1 }
        }
        guard utf8Lines > 0, otherLines > 0 else { return nil }
        var scalars: [Unicode.Scalar] = []
        var bad = 0
        for (i, line) in lines.enumerated() {
            if i > 0 { scalars.append("\n") }
            if let text = String(validating: line, as: UTF8.self) {
                scalars.append(contentsOf: text.unicodeScalars)
            } else {
                let converted = try ICUCharset.convert(line, from: legacy)
                bad += converted.bad
                scalars.append(contentsOf: Self.scalars(fromUTF16: converted.units))
            }
        }
        var decoded = try finish(scalars, bad: bad, "UTF-8+\(legacy)")
        decoded.warnings.append("mixed encodings: \(utf8Lines) lines read as UTF-8, \(otherLines) as \(legacy)")
        return decoded
    }

    private static func finish(_ converted: (units: [UInt16], bad: Int), _ name: String) throws -> DecodedText {
        try finish(scalars(fromUTF16: converted.units), bad: converted.bad, name)
    }

    private static func finish(_ scalars: [Unicode.Scalar], bad: Int, _ name: String) throws -> DecodedText {
        let count = max(scalars.count, 1)
        if Double(bad) / Double(count) > badCharTolerance {
            throw NianbaoError(.undecodable,
                "\(bad) malformed byte sequences in \(scalars.count) characters even as \(name), the best charset found")
        }
        var controls = 0
        for s in scalars where s.value < 0x20 && s != "\n" && s != "\r" && s != "\t" && s != "\u{0C}" {
            controls += 1
        }
        if Double(controls) / Double(count) > controlCharTolerance {
            throw NianbaoError(.binaryInput, "not text: \(controls) control characters in \(scalars.count)")
        }
        if scalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw NianbaoError(.noText, "the file holds only white space")
        }
        var warnings: [String] = []
        if bad > 0 { warnings.append("\(bad) malformed byte sequences replaced with U+FFFD (read as \(name))") }
        return DecodedText(scalars: scalars, encoding: name, warnings: warnings)
    }

    /// The scalars of valid UTF-8 in one pass (nil at the first invalid sequence).
    static func validUTF8Scalars(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: return out
            case .error: return nil
            }
        }
    }

    static func scalars(fromUTF16 units: [UInt16]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: break loop
            case .error: out.append("\u{FFFD}")
            }
        }
        return out
    }

    /// Recognises common binary formats by their first bytes.
    static func binarySignature(_ b: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF-".utf8), "a PDF (starts with %PDF-); give it a .pdf name to read its text layer"),
            ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a .docx? give it a .docx name)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Office (OLE) document"),
            ([0x1F, 0x8B], "a gzip archive"),
            (Array("MZ".utf8) + [0x90, 0x00], "a Windows executable"),
        ]
        return signatures.first { b.starts(with: $0.0) }?.1
    }

    /// UTF-16 without a byte order mark: text where one byte of most pairs is zero.
    static func bomlessUTF16(_ b: [UInt8]) -> String? {
        let n = min(b.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZero += 1 }
            if b[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        // ASCII-heavy UTF-16 has zeros on one side only; CJK UTF-16 rarely has zeros at all, so
        // without a BOM it is left to the NUL check (reported as binary, which it nearly is).
        if oddZero * 10 > pairs * 4 && evenZero * 20 < pairs { return "UTF-16LE" }
        if evenZero * 10 > pairs * 4 && oddZero * 20 < pairs { return "UTF-16BE" }
        return nil
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
