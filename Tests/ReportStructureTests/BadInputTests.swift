import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import ReportStructure
@testable import ReportText

/// Hostile and broken input: each case is a clear error (file, stable code, reason) or a valid
/// degraded result with a warning — never a crash, a hang or mojibake.
@Suite struct BadInputTests {
    static let lexicon = try! Lexicon.builtIn()
    var extractor: ReportExtractor { try! ReportExtractor(lexicon: Self.lexicon) }

    func write(_ data: Data, _ name: String) throws -> String {
        let url = Paths.temporaryFolder().appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func expectError(_ path: String, _ code: NianbaoError.Code, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try extractor.extract(path: path)
            Issue.record("expected \(code.rawValue) for \(path)", sourceLocation: sourceLocation)
        } catch let e as NianbaoError {
            #expect(e.code == code, "\(e)", sourceLocation: sourceLocation)
            #expect(e.file == path, sourceLocation: sourceLocation)
            #expect(!e.reason.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("not a NianbaoError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func emptyAndWhitespaceOnly() throws {
        expectError(try write(Data(), "empty.txt"), .emptyInput)
        expectError(try write(Data(" \n\u{3000}\n\t".utf8), "blank.txt"), .noText)
    }

    @Test func binariesRenamedAsText() throws {
        expectError(try write(Data([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 200)), "program.txt"), .binaryInput)
        expectError(try write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 100)), "image.txt"), .binaryInput)
        expectError(try write(Data("%PDF-1.5\n1 0 obj".utf8), "report.txt"), .binaryInput)
    }

    @Test func gbkPage_whoseMetaClaimsUTF8_isReadAsGBK() throws {
        let html = "<html><head><meta charset=\"utf-8\"></head><body><p>青禾县2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年主动公开政府信息1200条。</p></body></html>"
        let path = try write(Data(try TextDecoder.encode(html, as: "GBK")), "lying.html")
        let r = try extractor.extract(path: path)
        #expect(r.source.encoding == "GB18030")
        #expect(r.text.contains("全年主动公开政府信息1200条"))
    }

    @Test func hugeFile_isRefusedBeforeReading() throws {
        let url = Paths.temporaryFolder().appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: no 200 MB written
        try handle.close()
        expectError(url.path, .tooLarge)
    }

    @Test func singleFiveMegabyteLine_isHandled() throws {
        let sentence = "我县全年主动公开政府信息1200条，下一步将加强政务公开平台建设。"
        let line = String(repeating: sentence, count: 5 * 1024 * 1024 / sentence.utf8.count)
        let r = try extractor.extract(path: try write(Data(line.utf8), "one-line.txt"))
        #expect(r.text.unicodeScalars.count == line.unicodeScalars.count)
    }

    @Test func htmlWithNoBodyText_isNoText() throws {
        expectError(try write(Data("<html><head><title>x</title><script>var a=1;</script></head><body><div class=\"nav\">首页</div></body></html>".utf8), "empty.html"), .noText)
    }

    @Test func docxZipBomb_isRefused() throws {
        let url = Paths.temporaryFolder().appendingPathComponent("bomb.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let size: Int64 = 80 * 1024 * 1024
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate) { position, chunk in
            Data(repeating: 0x20, count: chunk)
        }
        let bytes = try Data(contentsOf: url)
        #expect(bytes.count < 1024 * 1024)
        expectError(url.path, .tooLarge)
    }

    @Test func docxEntityExpansion_andCorruptZip_areMalformed() throws {
        let url = Paths.temporaryFolder().appendingPathComponent("entities.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let xml = Data("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(xml.count)) { pos, n in
            xml.subdata(in: Int(pos)..<Int(pos) + n)
        }
        expectError(url.path, .malformedDocument)
        expectError(try write(Data("PK\u{3}\u{4}garbage that is not a zip at all".utf8), "corrupt.docx"), .malformedDocument)
    }

    @Test func pdfWithoutTextLayer_isNoText() throws {
        guard PDFText.executable("pdftotext") != nil else { return }  // poppler-utils absent
        // A valid one-page PDF with nothing drawn on it.
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        expectError(try write(Data(pdf.utf8), "scan.pdf"), .noText)
    }

    @Test func headingsOnly_isAValidDegradedResult() throws {
        let r = try extractor.extract(path: try write(Data("青禾县2020年政府信息公开工作年度报告\n一、总体情况\n二、存在的主要问题及改进情况\n".utf8), "headings.txt"))
        #expect(r.items.isEmpty)
        #expect(r.sections.count == 2)
    }

    @Test(arguments: ["a/b", "..", "../../etc", "x\u{0}y", String(repeating: "县", count: 300), "!!!", "", "清河县人民政府", "<script>"])
    func unitNames_becomeSafeStableFolderNames(name: String) {
        let safe = SafeName.make(name)
        #expect(!safe.isEmpty && !safe.contains("/") && !safe.contains("\u{0}") && safe != "." && safe != "..")
        #expect(!safe.hasPrefix("."))
        #expect(safe.count <= 70)
        #expect(SafeName.make(name) == safe)
        if name == "清河县人民政府" { #expect(safe == name) }
    }

    @Test func differentUnsafeNames_stayApart() {
        #expect(SafeName.make("a/b") != SafeName.make("a_b"))
        #expect(SafeName.make("!!!") != SafeName.make("???"))
    }

    @Test func fuzzedBytes_neverCrashTheExtractor() throws {
        var rng = SystemRandomNumberGenerator()
        let seed = Array(try Data(contentsOf: Paths.seed))
        for i in 0..<60 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if i % 3 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))) }
            for format in SourceFormat.allCases where format != .pdf {
                _ = try? extractor.extract(try DocumentLoader.load(bytes: bytes, path: "fuzz.\(format.rawValue)", format: format))
            }
        }
    }
}

/// Inputs that once crashed a fuzz target (Tests/Fixtures/fuzz-regressions/), replayed through
/// every stage, together with the bad-input fixtures.
@Suite struct FuzzRegressionTests {
    @Test func everyRegressionInput_runsThroughEveryStage() throws {
        let folder = Paths.fixtures.appendingPathComponent("fuzz-regressions")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        let inputs = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
            + [Data(), Data([0xFF, 0xFE, 0x00]), Data("一、\n(一)\n1.\n(1)\n①\n一是二是".utf8), Data("%-%%至万亿百分之".utf8)]
        for data in inputs {
            for target in FuzzHarness.Target.allCases { FuzzHarness.run(target, [UInt8](data)) }
        }
    }
}
