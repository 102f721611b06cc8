import Foundation
import ReportText

/// One input through one stage, errors ignored: what the fuzzer (`make fuzz`) and the
/// regression tests run. A crash, hang or sanitizer report here is a bug.
public enum FuzzHarness {
    public enum Target: String, CaseIterable, Sendable {
        case decode, segment, outline, numbers, html, docx, tables, extract
    }

    nonisolated(unsafe) static var extractor: ReportExtractor? = nil

    static func sharedExtractor() -> ReportExtractor? {
        if extractor == nil { extractor = try? ReportExtractor(lexicon: (try? Lexicon.builtIn()) ?? Lexicon()) }
        return extractor
    }

    public static func run(_ target: Target, _ bytes: [UInt8]) {
        switch target {
        case .decode:
            if let d = try? TextDecoder.decode(bytes) { _ = try? Normalizer().normalize(d) }
        case .segment:
            let text = DecodedText(String(decoding: bytes, as: UTF8.self))
            if let n = try? Normalizer().normalize(text), let e = sharedExtractor() {
                _ = try? e.segmenter.tokens(n)
                _ = try? SentenceSplitter().sentences(n)
            }
        case .outline:
            let text = DecodedText(String(decoding: bytes, as: UTF8.self))
            if let n = try? Normalizer(traditional: .off).normalize(text) {
                let view = TextView(original: text, norm: n)
                _ = OutlineParser.headings(view)
            }
        case .numbers:
            _ = NumberParser.parse(String(decoding: bytes, as: UTF8.self))
            _ = ChineseNumeral.value(Array(String(decoding: bytes.prefix(64), as: UTF8.self).utf16))
        case .html:
            _ = HTMLText.extract(String(decoding: bytes, as: UTF8.self))
        case .docx:
            _ = try? DocxText.extract(bytes)
            let xml = String(decoding: bytes, as: UTF8.self)
            var numbering = DocxNumbering(numberingXML: xml, stylesXML: xml)
            _ = try? DocxText.paragraphs(fromXML: xml, numbering: numbering)
            _ = numbering.marker(numId: "1", ilvl: bytes.first.map(Int.init), style: nil)
        case .tables:
            let text = DecodedText(String(decoding: bytes, as: UTF8.self))
            if let n = try? Normalizer(traditional: .off).normalize(text) {
                let view = TextView(original: text, norm: n)
                let s = n.string
                _ = TableParser.table2(text: s, view: view, offset: 0)
                _ = TableParser.table3(text: s, view: view, offset: 0)
                _ = TableParser.table4(text: s, view: view, offset: 0)
            }
        case .extract:
            if let e = sharedExtractor(), let doc = try? DocumentLoader.load(bytes: bytes, path: "fuzz.txt", format: .txt) {
                _ = try? e.extract(doc)
            }
        }
    }
}
