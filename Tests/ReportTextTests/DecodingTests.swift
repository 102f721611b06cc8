import Foundation
import TestSupport
import Testing
@testable import ReportText

@Suite struct DecodingTests {
    let sample = "清河县人民政府2017年政府信息公开年度报告\n一、总体情况：主动公开政府信息1,234条。\n"

    @Test func utf8_isReadAsIs() throws {
        let d = try TextDecoder.decode(Array(sample.utf8))
        #expect(d.encoding == "UTF-8")
        #expect(d.string == sample)
        #expect(d.warnings.isEmpty)
    }

    @Test(arguments: ["GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE"])
    func legacyCharsets_decodeToTheSameText(charset: String) throws {
        // Big5 holds traditional characters only.
        let sample = charset == "Big5" ? "清河縣人民政府2017年政府資訊公開年度報告\n一、總體情況：主動公開政府資訊1,234條。\n" : sample
        var bytes = try TextDecoder.encode(sample, as: charset)
        if charset == "UTF-16LE" { bytes = [0xFF, 0xFE] + bytes }
        if charset == "UTF-16BE" { bytes = [0xFE, 0xFF] + bytes }
        let d = try TextDecoder.decode(bytes)
        #expect(d.string == sample)
        #expect(d.warnings.isEmpty)
    }

    @Test func utf8WithBOM_dropsTheMark() throws {
        let d = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(d.string == sample)
    }

    @Test func seedInGB18030_decodesToTheUTF8Original() throws {
        let original = try String(contentsOf: Paths.seed, encoding: .utf8)
        let d = try TextDecoder.decode(try TextDecoder.encode(original, as: "GB18030"))
        #expect(d.encoding == "GB18030")
        #expect(d.string == original)
    }

    @Test func truncatedUTF8Character_isReplacedWithAWarning() throws {
        let long = String(repeating: sample, count: 40)
        var bytes = Array(long.utf8)
        bytes.removeLast(2)  // cuts the final "。\n" mid-character
        let d = try TextDecoder.decode(bytes)
        #expect(d.encoding == "UTF-8")
        #expect(d.warnings.count == 1)
        #expect(d.string.hasPrefix(String(long.prefix(100))))
    }

    @Test func mixedEncodings_areDecodedLineByLine() throws {
        let gbk = try TextDecoder.encode("第二行是GBK编码的政府信息公开内容。", as: "GBK")
        let bytes = Array("第一行是UTF-8。\n".utf8) + gbk + Array("\n第三行又是UTF-8。".utf8)
        let d = try TextDecoder.decode(bytes)
        #expect(d.string == "第一行是UTF-8。\n第二行是GBK编码的政府信息公开内容。\n第三行又是UTF-8。")
        #expect(d.warnings.contains { $0.contains("mixed encodings") })
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n%âãÏÓ".utf8), NianbaoError.Code.binaryInput),
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0], .binaryInput),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], .binaryInput),
        ([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00], .binaryInput),
        ([], .emptyInput),
        (Array("  \n\t \n".utf8), .noText),
    ] as [([UInt8], NianbaoError.Code)])
    func nonText_isAnErrorWithAReason(bytes: [UInt8], code: NianbaoError.Code) {
        #expect {
            _ = try TextDecoder.decode(bytes, file: "x.txt")
        } throws: { error in
            guard let e = error as? NianbaoError else { return false }
            return e.code == code && e.file == "x.txt" && !e.reason.isEmpty
        }
    }

    @Test func randomBytes_areRefusedNotPassedOnAsMojibake() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(throws: NianbaoError.self) { _ = try TextDecoder.decode(bytes) }
    }
}
