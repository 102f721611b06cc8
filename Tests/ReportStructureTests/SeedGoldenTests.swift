import Foundation
import Testing
import TestSupport
@testable import ReportStructure
@testable import ReportText

/// The seed report (清河县 2017) is the shape to get right first.
@Suite struct SeedGoldenTests {
    static let lexicon = try! Lexicon.builtIn()
    /// Extractors own ICU iterators and tests run in parallel: one per use.
    static var extractor: ReportExtractor { try! ReportExtractor(lexicon: lexicon) }
    static let report = try! extractor.extract(path: Paths.seed.path)

    @Test func metadata_isRead() {
        let m = Self.report.metadata
        #expect(m.unit.value == "清河县人民政府")
        #expect(m.region.value == "清河县")
        #expect(m.reviewYear.value == 2017)
        #expect(m.planYear.value == 2018)
        #expect(m.genre.value == .ogiAnnualReport)
        #expect(m.template.value == .freeForm)
        #expect(m.publishDate.value == "2018-01-25")
        #expect(m.reviewYear.source == "title")
        #expect(m.planYear.source == "heading")
    }

    @Test func fourResults_fromTheWorkSummary() {
        let results = Self.report.items.filter { $0.role == .result }
        #expect(results.map(\.title) == ["加强领导,健全组织机构", "完善制度体系,规范公开内容",
                                          "加强宣传教育,增强对政府信息公开工作的重要性认识", "推行政务阳光透明,提升公开实效"])
        #expect(results.allSatisfy { $0.sectionPath.first == "一、2017年工作总结" })
    }

    @Test func threeProblems_fromTheEnumeration() {
        let problems = Self.report.items.filter { $0.role == .problem }
        #expect(problems.count == 3)
        #expect(problems.map { String($0.text.prefix(2)) } == ["一是", "二是", "三是"])
        #expect(problems[2].text.contains("人员队伍不稳定"))
    }

    @Test func threeCommitments_fromThe2018Plan() {
        let commitments = Self.report.items.filter { $0.role == .commitment }
        #expect(commitments.count == 3)
        for (item, word) in zip(commitments, ["宣传力度", "工作职责", "工作督查"]) {
            #expect(item.title?.contains(word) == true)
        }
    }

    @Test func everySpan_citesTheOriginalText() throws {
        let original = try DecodedText(String(contentsOf: Paths.seed, encoding: .utf8))
        for item in Self.report.items {
            #expect(original.text(item.span.range) == item.text)
            for q in item.numbers { #expect(original.text(q.span.range) == q.text) }
        }
    }

    @Test func seedInGB18030_givesTheSameRecord() throws {
        let utf8 = try String(contentsOf: Paths.seed, encoding: .utf8)
        let bytes = try TextDecoder.encode(utf8, as: "GB18030")
        let doc = try DocumentLoader.load(bytes: bytes, path: Paths.seed.path, format: .txt)
        let report = try Self.extractor.extract(doc)
        #expect(report.items == Self.report.items)
        #expect(report.metadata == Self.report.metadata)
        #expect(report.source.encoding == "GB18030")
    }

    @Test func traditionalCopy_isConvertedAndGivesTheSameItems() throws {
        let utf8 = try String(contentsOf: Paths.seed, encoding: .utf8)
        let traditional = String(decoding: try ICUTransliterator("Simplified-Traditional").apply(Array(utf8.utf16)), as: UTF16.self)
        let doc = LoadedDocument(path: "seed-traditional.txt", format: .txt, sha256: "", text: DecodedText(traditional), warnings: [])
        let report = try Self.extractor.extract(doc)
        #expect(report.source.convertedTraditional)
        #expect(report.items.map(\.role) == Self.report.items.map(\.role))
        #expect(report.metadata.unit.value == "清河县人民政府")
        for item in report.items { #expect(doc.text.text(item.span.range) == item.text) }
    }

    @Test func output_matchesTheJSONSchema() throws {
        let schema = try JSONSchema(url: Paths.schemas.appendingPathComponent("extract.schema.json"))
        #expect(try schema.validate(try JSONOutput.data(Self.report)) == [])
    }
}
