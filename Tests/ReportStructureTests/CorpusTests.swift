import Foundation
import Testing
import TestSupport
@testable import ReportStructure
@testable import ReportText

/// Real national work reports (../shared) and the embedded demo corpus.
@Suite struct CorpusTests {
    static let lexicon = try! Lexicon.builtIn()
    /// Extractors own ICU iterators and tests run in parallel: one per use.
    static var extractor: ReportExtractor { try! ReportExtractor(lexicon: lexicon) }

    /// Provenance holds for every span in every report we have.
    @Test func everySpan_citesTheOriginal_inEveryReport() throws {
        let schema = try JSONSchema(url: Paths.schemas.appendingPathComponent("extract.schema.json"))
        for url in Paths.nationalReportFiles() + Paths.demoFiles() + [Paths.seed] {
            let doc = try DocumentLoader.load(path: url.path)
            let r = try Self.extractor.extract(doc)
            func cite(_ span: Span, _ text: String) {
                #expect(doc.text.text(span.range) == text, "\(url.lastPathComponent) \(span)")
            }
            for i in r.items {
                cite(i.span, i.text)
                i.numbers.forEach { cite($0.span, $0.text) }
            }
            r.targets.forEach { cite($0.span, $0.text) }
            for t in r.tables { for row in t.rows { for c in row.cells { if let s = c.span { cite(s, c.text) } } } }
            for c in r.checks { for e in c.evidence { if let s = e.span { cite(s, e.text) } } }
            #expect(try schema.validate(try JSONOutput.data(r)) == [], "\(url.lastPathComponent)")
        }
    }

    /// The 2017 and 2021 reports mark page breaks with a line holding only a zero-width space,
    /// mostly mid-sentence: no item may end at such a marker in the middle of a sentence.
    @Test func pageMarkers_doNotCutItems() throws {
        var markers = 0
        for url in Paths.nationalReportFiles() {
            let doc = try DocumentLoader.load(path: url.path)
            let scalars = doc.text.scalars
            let r = try Self.extractor.extract(doc)
            for i in r.items where i.span.end + 2 < scalars.count && scalars[i.span.end] == "\n" && scalars[i.span.end + 1] == "\u{200B}" {
                markers += 1
                let last = i.text.unicodeScalars.last!
                #expect(!("\u{4E00}"..."\u{9FFF}").contains(last), "\(url.lastPathComponent): \(i.id) ends mid-sentence at a page marker")
            }
        }
        // Paragraphs do end at markers too (经济发展。 / ​): the check ran.
        #expect(markers > 0 || Paths.nationalReportFiles().isEmpty)
    }

    /// Every national report in ../shared ends with the transcription site's licence notice
    /// (本作品是中华人民共和国的法律…属于公有领域): no item holds any of it.
    @Test func theSitesLicenceNotice_isInNoItem() throws {
        for url in Paths.nationalReportFiles() {
            let r = try Self.extractor.extract(path: url.path)
            #expect(!r.items.contains { $0.text.contains("公有领域") || $0.text.contains("维基文库") || $0.text.contains("正式译文") },
                    "\(url.lastPathComponent)")
        }
    }

    @Test func nationalReports_haveSensibleYearsAndStructure() throws {
        let files = Paths.nationalReportFiles()
        for url in files {
            let delivered = Int(url.deletingPathExtension().lastPathComponent)!
            let r = try Self.extractor.extract(path: url.path)
            #expect(r.metadata.genre.value == .workReport, "\(delivered)")
            #expect(r.metadata.reviewYear.value == delivered - 1, "\(delivered)")
            #expect(r.metadata.planYear.value == delivered, "\(delivered)")
            #expect(r.metadata.unit.value?.contains("国务院") == true)
            // The review is a part of its own, or (2002) the untitled opening pages.
            let roles = Set(r.sections.compactMap(\.role))
            #expect(roles.contains(.plans), "\(delivered): \(roles)")
            #expect(roles.contains(.review) || r.items.first?.role == .result, "\(delivered): \(roles)")
            #expect(r.items.contains { $0.role == .result } && r.items.contains { $0.role == .commitment })
        }
    }

    /// From 2005 on every report lists them (2010–2012 on the line after the lead-in).
    @Test func nationalReports_from2005_haveTheirMainTargets() throws {
        for url in Paths.nationalReportFiles() where Int(url.deletingPathExtension().lastPathComponent)! >= 2005 {
            let r = try Self.extractor.extract(path: url.path)
            let gdp = r.targets.first { $0.indicator.contains("国内生产总值增长") }
            #expect(gdp != nil, "\(url.lastPathComponent)")
            #expect(gdp?.unit == "%")
            #expect(r.targets.contains { $0.indicator.contains("居民消费价格") || $0.indicator.contains("城镇新增就业") })
        }
    }

    @Test func nationalReport2018_targetsAreExact() throws {
        let url = Paths.nationalReports.appendingPathComponent("2018.txt")
        guard Paths.exists(url) else { return }
        let r = try Self.extractor.extract(path: url.path)
        let summary = r.targets.map { "\($0.indicator)|\($0.value)|\($0.unit ?? "")|\($0.qualifier?.rawValue ?? "")" }
        #expect(summary.contains("国内生产总值增长|6.5|%|approx"))
        #expect(summary.contains("城镇新增就业|1100.0|万人|atLeast"))
        #expect(summary.contains("城镇调查失业率|5.5|%|atMost"))
        #expect(summary.contains("单位国内生产总值能耗下降|3.0|%|atLeast"))
    }

    @Test func demoCorpus_readsEveryFormat() throws {
        let byYear = Dictionary(uniqueKeysWithValues: try Paths.demoFiles().map { url in
            (Int(url.deletingPathExtension().lastPathComponent)!, try Self.extractor.extract(path: url.path))
        })
        #expect(byYear[2017]?.source.encoding == "GB18030")
        #expect(byYear[2018]?.source.format == .html)
        #expect(byYear[2019]?.source.format == .docx)
        for (year, r) in byYear {
            #expect(r.metadata.unit.value == "白鹭县人民政府")
            #expect(r.metadata.reviewYear.value == year)
            #expect(r.metadata.planYear.value == year + 1)
            #expect(r.metadata.template.value == (year >= 2019 ? .sixPart2019 : .freeForm))
            #expect(!r.items.contains { $0.text.contains("虚构示例") })
        }
        #expect(byYear[2017]!.targets.map(\.indicator) == ["全年主动公开政府信息", "发布政策解读材料"])
        #expect(byYear[2018]!.warnings.contains { $0.contains("spam") })
        #expect(!byYear[2018]!.items.contains { $0.text.contains("葡京") || $0.text.contains("首页") })
    }

    @Test func templateTables_areReadFromEveryLayout() throws {
        for name in ["2019.docx", "2020.txt"] {
            let r = try Self.extractor.extract(path: Paths.demo.appendingPathComponent(name).path)
            let t3 = try #require(r.tables.first { $0.id == "table3" }, "\(name)")
            #expect(t3.cell("new", 6)?.value == 47)
            #expect(t3.columns.count == 7)
            let t4 = try #require(r.tables.first { $0.id == "table4" })
            #expect(t4.rows.count == 3)
            #expect(r.tables.contains { $0.id == "table2" })
        }
        let r2020 = try Self.extractor.extract(path: Paths.demo.appendingPathComponent("2020.txt").path)
        let failed = r2020.checks.filter { $0.status == .fail }.map(\.name).sorted()
        #expect(failed == ["table3.results-total.商业企业", "table3.row-total.open"])
        #expect(r2020.checks.contains { $0.name == "prose.table3.new" && $0.status == .pass })
        #expect(r2020.checks.contains { $0.name == "table3.identity.总计" && $0.status == .pass })
    }
}
