import Foundation
import ReportText

/// One line of `nianbao extract --out -`: a report, or the error that stopped it. This is the
/// record the map stage emits and the reduce stage (`analyze --from-extracted`) reads.
public struct ExtractRecord: Codable, Sendable {
    public var report: ExtractedReport?
    public var error: NianbaoError?

    public init(report: ExtractedReport) { self.report = report }
    public init(error: NianbaoError) { self.error = error }

    enum Keys: String, CodingKey { case error, schemaVersion }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let e = try c.decodeIfPresent(NianbaoError.self, forKey: .error) {
            error = e
        } else {
            report = try ExtractedReport(from: decoder)
        }
    }

    public func encode(to encoder: Encoder) throws {
        if let report {
            try report.encode(to: encoder)
        } else if let error {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(error, forKey: .error)
            try c.encode(ExtractedReport.schemaVersion, forKey: .schemaVersion)
        }
    }
}

/// Something `extract` can read: a file, or a document given inline as JSON (a row of a
/// research dataset: `{"id", "unit", "year", "title", "text", "url", "publish_date", "genre"}`).
public enum ExtractInput: Sendable {
    case file(String)
    case document(InlineDocument)
    /// One report's bytes as they came on standard input.
    case stream([UInt8])

    public struct InlineDocument: Codable, Sendable {
        public var id: String?
        public var unit: String?
        public var region: String?
        public var year: Int?
        public var title: String?
        public var text: String?
        public var url: String?
        public var genre: String?
        public var path: String?

        enum CodingKeys: String, CodingKey { case id, unit, region, year, title, text, url, genre, path }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try? c.decodeIfPresent(String.self, forKey: .id)
            if id == nil, let n = try? c.decodeIfPresent(Int.self, forKey: .id) { id = String(n) }
            unit = try? c.decodeIfPresent(String.self, forKey: .unit)
            region = try? c.decodeIfPresent(String.self, forKey: .region)
            year = try? c.decodeIfPresent(Int.self, forKey: .year)
            if year == nil, let s = try? c.decodeIfPresent(String.self, forKey: .year) { year = Int(s) }
            title = try? c.decodeIfPresent(String.self, forKey: .title)
            text = try? c.decodeIfPresent(String.self, forKey: .text)
            url = try? c.decodeIfPresent(String.self, forKey: .url)
            genre = try? c.decodeIfPresent(String.self, forKey: .genre)
            path = try? c.decodeIfPresent(String.self, forKey: .path)
        }

        public init(id: String?, unit: String? = nil, region: String? = nil, year: Int? = nil, title: String? = nil,
                    text: String?, url: String? = nil, genre: String? = nil, path: String? = nil) {
            self.id = id; self.unit = unit; self.region = region; self.year = year; self.title = title
            self.text = text; self.url = url; self.genre = genre; self.path = path
        }

        /// The name a document goes by in outputs and errors.
        public var name: String { path ?? id ?? url ?? "(document)" }
    }

    public var name: String {
        switch self {
        case .file(let p): p
        case .document(let d): d.name
        case .stream: "stdin"
        }
    }

    public func extract(_ extractor: ReportExtractor, manifest: Manifest) throws -> ExtractedReport {
        switch self {
        case .file(let path):
            return try extractor.extract(path: path, manifest: manifest.entry(for: path))
        case .stream(let bytes):
            let doc = try DocumentLoader.load(bytes: bytes, path: "stdin", format: SourceFormat(sniffing: bytes))
            return try extractor.extract(doc, manifest: manifest.entry(for: "stdin"))
        case .document(let d):
            if let path = d.path, d.text == nil {
                return try extractor.extract(path: path, manifest: manifest.entry(for: path) ?? d.manifestEntry)
            }
            guard let text = d.text, !text.isEmpty else {
                throw NianbaoError(.noText, file: d.name, "the document has no text")
            }
            let bytes = Array(text.utf8)
            let doc = LoadedDocument(path: d.name, format: .txt, sha256: SHA256.hex(bytes), text: DecodedText(text), warnings: [])
            return try extractor.extract(doc, manifest: d.manifestEntry)
        }
    }

    /// Reads JSON Lines documents, one per line; a bad line is an error record, not the end. With
    /// `orOneReport` (standard input), a stream that does not open with `{` is one report piped in
    /// as it is (`nianbao extract - < report.txt`; HTML and DOCX are told by their first bytes).
    public static func jsonLines(_ handle: FileHandle, orOneReport: Bool = false) -> AnyIterator<Result<ExtractInput, NianbaoError>> {
        let lines = LineReader(handle)
        var number = 0
        var sniffed = !orOneReport
        return AnyIterator {
            if !sniffed {
                sniffed = true
                if let first = lines.firstNonSpaceByte(), first != UInt8(ascii: "{") {
                    guard let bytes = lines.remainder(limit: InputLimits.maxFileBytes) else {
                        return .failure(NianbaoError(.tooLarge, file: "stdin", "more than \(InputLimits.maxFileBytes) bytes"))
                    }
                    return .success(.stream(bytes))
                }
            }
            while let line = lines.next() {
                number += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    return .success(.document(try JSONOutput.decoder().decode(InlineDocument.self, from: Data(line))))
                } catch {
                    return .failure(NianbaoError(.malformedDocument, file: "stdin:\(number)", "not a JSON document: \(error.localizedDescription)"))
                }
            }
            return nil
        }
    }
}

extension ExtractInput.InlineDocument {
    var manifestEntry: ManifestEntry {
        ManifestEntry(path: name, unit: unit, region: region, year: year, genre: genre, title: title)
    }
}

/// Lines of a file handle as bytes, read in blocks: constant memory however long the stream.
public final class LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = [UInt8]()
    private var start = 0
    private var eof = false
    /// Longest line accepted; a longer one is cut there (and will fail to parse).
    public static let maxLine = 256 * 1024 * 1024

    public init(_ handle: FileHandle) { self.handle = handle }

    /// The first byte that is not white space or part of a byte-order mark, read ahead but not
    /// consumed (nil for an empty stream).
    public func firstNonSpaceByte() -> UInt8? {
        var i = start
        while true {
            while i < buffer.count {
                if SourceFormat.blankLead.contains(buffer[i]) { i += 1; continue }
                return buffer[i]
            }
            if eof { return nil }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// Everything not read yet, up to `limit` bytes (nil when there is more).
    public func remainder(limit: Int) -> [UInt8]? {
        var out = Array(buffer[start...])
        buffer.removeAll(); start = 0
        while !eof {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { out.append(contentsOf: chunk) }
            if out.count > limit { return nil }
        }
        return out.count > limit ? nil : out
    }

    public func next() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if start > 1 << 20 { buffer.removeFirst(start); start = 0 }
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll(); start = 0
                return line
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

/// Names made safe for files and folders: stable (the same name gives the same result), unique
/// (an altered name carries a hash of the original) and always inside the output folder.
public enum SafeName {
    public static func make(_ name: String) -> String {
        var out = ""
        for s in name.unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "." {
                out.unicodeScalars.append(s)
            } else if out.last != "_" {
                out += "_"
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("_") || out.hasSuffix(".") { out.removeLast() }
        if out.count > 60 { out = String(out.prefix(60)) }
        if out != name || out.isEmpty {
            let hash = String(SHA256.hex(Array(name.utf8)).prefix(8))
            out = out.isEmpty ? "unit-\(hash)" : "\(out)-\(hash)"
        }
        return out
    }
}
