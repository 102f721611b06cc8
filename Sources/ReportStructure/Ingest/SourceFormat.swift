import Foundation
import ReportText

/// The kinds of file Nianbao reads.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case txt, html, docx, pdf

    /// By extension; unknown extensions are read as text (and refused if they are not).
    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "shtml", "xhtml": self = .html
        case "docx": self = .docx
        case "pdf": self = .pdf
        default: self = .txt
        }
    }

    /// By the first bytes, for a report without a name (piped in): a zip is DOCX, %PDF a PDF,
    /// markup (a first character `<`) HTML; anything else text.
    public init(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { self = .docx; return }
        if bytes.starts(with: Array("%PDF".utf8)) { self = .pdf; return }
        let first = bytes.drop { Self.blankLead.contains($0) }.first
        self = first == UInt8(ascii: "<") ? .html : .txt
    }

    /// Bytes passed over before a stream's first character: white space and a UTF-8 byte-order mark.
    static let blankLead: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF]
}

/// A report file reduced to its text: the text every span of the report points into.
///
/// For `.txt` it is the decoded file; for HTML, DOCX and PDF it is the text extracted from
/// the page or document (article body, paragraphs and table cells in order).
public struct LoadedDocument: Sendable {
    public var path: String
    public var format: SourceFormat
    public var sha256: String
    public var text: DecodedText
    public var warnings: [String]
}

/// Limits that keep one hostile file from taking the batch down (documented in the README).
public enum InputLimits {
    /// Largest file read, in bytes.
    public static let maxFileBytes = 64 * 1024 * 1024
    /// Largest text extracted from a DOCX (uncompressed `document.xml`), in bytes.
    public static let maxDocxXMLBytes = 64 * 1024 * 1024
    /// Largest expansion ratio of a DOCX entry (uncompressed / compressed).
    public static let maxZipRatio = 200
    /// Longest time pdftotext may run on one file, in seconds.
    public static let pdfTimeoutSeconds = 60.0
}

/// Reads any supported file into a `LoadedDocument`.
///
/// ```swift
/// let doc = try DocumentLoader.load(path: "corpora/demo/2019.html")
/// doc.text.string   // the article text, navigation and injected spam removed
/// ```
public enum DocumentLoader {
    public static func load(path: String, format: SourceFormat? = nil) throws -> LoadedDocument {
        let bytes = try PlainText.readBytes(path: path, limit: InputLimits.maxFileBytes)
        return try load(bytes: bytes, path: path, format: format ?? SourceFormat(path: path))
    }

    /// `sha256`: the bytes' hash when the caller has it already (a cache key is made from it).
    public static func load(bytes: [UInt8], path: String, format: SourceFormat, sha256: String? = nil) throws -> LoadedDocument {
        let hash = sha256 ?? SHA256.hex(bytes)
        do {
            var warnings: [String] = []
            let text: DecodedText
            switch format {
            case .txt:
                text = try TextDecoder.decode(bytes)
            case .html:
                let decoded = try TextDecoder.decode(bytes)
                let page = HTMLText.extract(decoded.string)
                warnings += page.warnings
                text = DecodedText(scalars: Array(page.text.unicodeScalars), encoding: decoded.encoding,
                                   warnings: decoded.warnings)
            case .docx:
                text = DecodedText(try DocxText.extract(bytes), encoding: "UTF-8")
            case .pdf:
                text = DecodedText(try PDFText.extract(path: path, bytes: bytes), encoding: "UTF-8")
            }
            warnings = text.warnings + warnings
            if text.scalars.allSatisfy({ $0.properties.isWhitespace }) {
                throw NianbaoError(.noText, "no text found in the \(format.rawValue) file")
            }
            return LoadedDocument(path: path, format: format, sha256: hash, text: text, warnings: warnings)
        } catch let e as NianbaoError {
            throw e.at(path)
        }
    }
}
