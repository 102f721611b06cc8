import CInflate
import Foundation
import ReportText

/// A `.docx` → its text: paragraphs as lines, table cells separated by tabs, rows by lines.
///
/// The zip container is read here directly (end of central directory → central directory →
/// local header of `word/document.xml`), and the entry is inflated in one bounded call, so a
/// corrupt or hostile archive can neither loop nor expand without limit. Guards: the entry may not
/// expand beyond `InputLimits.maxDocxXMLBytes` or `maxZipRatio` times its compressed size (zip
/// bombs), every offset is checked against the file, and a DTD is refused (no entity expansion).
public enum DocxText {
    public static func extract(_ bytes: [UInt8]) throws -> String {
        let entry = try ZipReader.entry(named: "word/document.xml", in: bytes)
        let xml = try ZipReader.inflate(entry, in: bytes)
        guard let text = String(validating: xml, as: UTF8.self) else {
            throw NianbaoError(.malformedDocument, "document.xml is not UTF-8")
        }
        // Automatic numbering and styles are optional parts: without them, no markers are added.
        func part(_ name: String) -> String? {
            (try? ZipReader.entry(named: name, in: bytes)).flatMap { try? ZipReader.inflate($0, in: bytes) }
                .flatMap { String(validating: $0, as: UTF8.self) }
                .flatMap { $0.contains("<!DOCTYPE") || $0.contains("<!ENTITY") ? nil : $0 }
        }
        let numbering = DocxNumbering(numberingXML: part("word/numbering.xml"), stylesXML: part("word/styles.xml"))
        return try paragraphs(fromXML: text, numbering: numbering.isEmpty ? nil : numbering)
    }

    /// WordprocessingML → text. Only the elements that carry text or layout matter.
    /// With `numbering`, a paragraph in an automatic list starts with the marker Word shows (一、).
    static func paragraphs(fromXML xml: String, numbering: DocxNumbering? = nil) throws -> String {
        if xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY") {
            throw NianbaoError(.malformedDocument, "document.xml declares a DTD or entities (refused: entity expansion)")
        }
        let s = Array(xml.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var inText = false
        var numbering = numbering
        var numId: String?, ilvl: Int?, style: String?
        func attribute(_ tag: String) -> String? { DocxNumbering.Tag(name: "", attributes: tag[...])["w:val"] }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                guard let end = HTMLText.find(s, from: i, ">") else { break }
                let tag = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" || $0 == "/" && tag.first == "/" }
                switch name {
                case "w:p": numId = nil; ilvl = nil; style = nil
                case "w:numId": numId = attribute(tag)
                case "w:ilvl": ilvl = attribute(tag).flatMap(Int.init)
                case "w:pStyle": style = attribute(tag)
                case "/w:pPr":
                    if let marker = numbering?.marker(numId: numId, ilvl: ilvl, style: style) { out.append(contentsOf: marker.unicodeScalars) }
                case "w:t": inText = !tag.hasSuffix("/")
                case "/w:t": inText = false
                case "w:tab": out.append("\t")
                case "w:br", "w:cr": out.append("\n")
                case "/w:p": out.append("\n")
                case "/w:tc": out.append("\t")
                case "/w:tr": out.append("\n")
                default: break
                }
                i = end + 1
                continue
            }
            if inText {
                if c == "&" {
                    let (decoded, next) = HTMLText.entity(s, i)
                    out.append(contentsOf: decoded.unicodeScalars)
                    i = next
                    continue
                }
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }
}

/// The little of the zip format a DOCX needs, with every offset checked.
enum ZipReader {
    struct Entry {
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
    }

    static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }

    static func entry(named name: String, in b: [UInt8]) throws -> Entry {
        let bad = NianbaoError(.malformedDocument, "not a valid DOCX (zip) archive")
        // End of central directory: signature PK\5\6 within the last 64 KiB + 22 bytes.
        guard b.count >= 22 else { throw bad }
        var eocd = -1
        var at = b.count - 22
        while at >= max(0, b.count - 22 - 65_535) {
            if b[at] == 0x50 && b[at + 1] == 0x4B && b[at + 2] == 0x05 && b[at + 3] == 0x06 { eocd = at; break }
            at -= 1
        }
        guard eocd >= 0 else { throw bad }
        let count = u16(b, eocd + 10)
        var p = u32(b, eocd + 16)
        let wanted = Array(name.utf8)
        for _ in 0..<count {
            guard p + 46 <= b.count, u32(b, p) == 0x0201_4B50 else { throw bad }
            let nameLength = u16(b, p + 28), extra = u16(b, p + 30), comment = u16(b, p + 32)
            guard p + 46 + nameLength <= b.count else { throw bad }
            if Array(b[(p + 46)..<(p + 46 + nameLength)]) == wanted {
                return Entry(method: UInt16(u16(b, p + 10)), compressedSize: u32(b, p + 20),
                             uncompressedSize: u32(b, p + 24), localHeader: u32(b, p + 42))
            }
            p += 46 + nameLength + extra + comment
        }
        throw NianbaoError(.malformedDocument, "the DOCX has no \(name)")
    }

    static func inflate(_ e: Entry, in b: [UInt8]) throws -> [UInt8] {
        let bad = NianbaoError(.malformedDocument, "the DOCX's document.xml is damaged")
        let h = e.localHeader
        guard h >= 0, h + 30 <= b.count, u32(b, h) == 0x0403_4B50 else { throw bad }
        let start = h + 30 + u16(b, h + 26) + u16(b, h + 28)
        guard start <= b.count, e.compressedSize <= b.count - start else { throw bad }
        let data = b[start..<(start + e.compressedSize)]
        let limit = min(InputLimits.maxDocxXMLBytes, max(1 << 20, e.compressedSize * InputLimits.maxZipRatio))
        if e.uncompressedSize > limit {
            throw NianbaoError(.tooLarge, "document.xml would expand to \(e.uncompressedSize) bytes (limit \(limit)): zip bomb?")
        }
        switch e.method {
        case 0:
            return Array(data)
        case 8:
            var out = [UInt8](repeating: 0, count: limit)
            let n = data.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { nb_inflate_raw(input.baseAddress, input.count, $0.baseAddress, limit) }
            }
            if n == -2 { throw NianbaoError(.tooLarge, "document.xml expands beyond \(limit) bytes: zip bomb?") }
            guard n >= 0 else { throw bad }
            out.removeSubrange(Int(n)...)
            return out
        default:
            throw NianbaoError(.unsupportedFormat, "document.xml is compressed with method \(e.method) (only stored and deflate are read)")
        }
    }
}
