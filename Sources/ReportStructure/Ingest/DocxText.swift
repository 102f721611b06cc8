import Foundation
import ReportText
import ZIPFoundation

/// A `.docx` → its text: paragraphs as lines, table cells separated by tabs, rows by lines.
///
/// Guards: the archive must be a valid zip holding `word/document.xml`; that entry may not
/// expand beyond `InputLimits.maxDocxXMLBytes` or `maxZipRatio` times its compressed size
/// (checked while inflating, since headers can lie); a DTD is refused, so no entity expansion.
public enum DocxText {
    public static func extract(_ bytes: [UInt8]) throws -> String {
        // ZIPFoundation's in-memory archives leak their buffer (found by `make fuzz`, leak
        // sanitizer): read from a temporary file instead.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).docx")
        do { try Data(bytes).write(to: url) } catch {
            throw NianbaoError(.unreadable, "cannot stage the DOCX for reading: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try extract(url: url)
    }

    public static func extract(url: URL) throws -> String {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw NianbaoError(.malformedDocument, "not a valid DOCX (zip) archive")
        }
        guard let entry = archive["word/document.xml"] else {
            throw NianbaoError(.malformedDocument, "the DOCX has no word/document.xml")
        }
        let limit = min(InputLimits.maxDocxXMLBytes,
                        max(1 << 20, Int(entry.compressedSize) * InputLimits.maxZipRatio))
        if Int(entry.uncompressedSize) > limit {
            throw NianbaoError(.tooLarge, "document.xml would expand to \(entry.uncompressedSize) bytes (limit \(limit)): zip bomb?")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if xml.count > limit { throw NianbaoError(.tooLarge, "document.xml expands beyond \(limit) bytes: zip bomb?") }
            }
        } catch let e as NianbaoError {
            throw e
        } catch {
            throw NianbaoError(.malformedDocument, "cannot inflate document.xml: \(error)")
        }
        guard let text = String(data: xml, encoding: .utf8) else {
            throw NianbaoError(.malformedDocument, "document.xml is not UTF-8")
        }
        return try paragraphs(fromXML: text)
    }

    /// WordprocessingML → text. Only the elements that carry text or layout matter.
    static func paragraphs(fromXML xml: String) throws -> String {
        if xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY") {
            throw NianbaoError(.malformedDocument, "document.xml declares a DTD or entities (refused: entity expansion)")
        }
        let s = Array(xml.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var inText = false
        while i < s.count {
            let c = s[i]
            if c == "<" {
                guard let end = HTMLText.find(s, from: i, ">") else { break }
                let tag = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" || $0 == "/" && tag.first == "/" }
                switch name {
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
