import Foundation
import Testing
import TestSupport
@testable import ReportStructure
@testable import ReportText

/// Reports whose text lost its line breaks, as research datasets and scraped pages carry them:
/// the outline, the roles and the items come back as from the report as laid out.
@Suite struct FlattenedTextTests: ReadsInlineReports {
    /// The fixture's lines joined with `separator`.
    func flattened(_ name: String, _ separator: String) throws -> String {
        let text = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: separator)
    }

    func outline(_ r: ExtractedReport) -> [String] {
        func walk(_ s: [Section]) -> [String] { s.flatMap { ["\($0.marker) \($0.title) \($0.role?.rawValue ?? "-")"] + walk($0.children) } }
        return walk(r.sections)
    }

    /// The same headings and roles; a flattened title may run on into what followed it on its
    /// own line (主动公开政府信息情况(表略), 其他需要报告的事项无。).
    func sameOutline(_ flat: ExtractedReport, _ laidOut: ExtractedReport) -> Bool {
        func walk(_ s: [Section]) -> [Section] { s.flatMap { [$0] + walk($0.children) } }
        let a = walk(flat.sections), b = walk(laidOut.sections)
        return a.count == b.count && zip(a, b).allSatisfy { $0.marker == $1.marker && $0.role == $1.role && $0.title.hasPrefix($1.title) }
    }

    func items(_ r: ExtractedReport) -> [String] {
        r.items.map { "\($0.role.rawValue) " + $0.text.filter { !$0.isWhitespace } }
    }

    @Test(arguments: [" ", ""]) func aTemplateReportFlattened_readsAsLaidOut(separator: String) throws {
        let laidOut = try extract(text: String(contentsOf: Paths.fixture("ogi-template-2020.txt"), encoding: .utf8))
        let flat = try extract(text: flattened("ogi-template-2020.txt", separator))
        #expect(sameOutline(flat, laidOut))
        #expect(items(flat) == items(laidOut))
        #expect(flat.metadata.template.value == .sixPart2019)
        #expect(flat.metadata.title.value?.hasPrefix(laidOut.metadata.title.value ?? "-") == true)
        #expect(flat.metadata.reviewYear.value == 2020 && flat.metadata.reviewYear.source == "title")
        let source = Array(flat.text.unicodeScalars)
        for item in flat.items {
            #expect(String(String.UnicodeScalarView(source[item.span.range])) == item.text)
        }
    }

    /// The demo county's 2020 report with its lines joined by spaces: its tables' rows keep their
    /// own labels (规章, 行政许可), not the heads and rows before them on the one line.
    @Test func aFlattenedTable_keepsItsRowLabels() throws {
        let url = Paths.demo.appendingPathComponent("2020.txt")
        let laidOut = try extract(text: String(contentsOf: url, encoding: .utf8))
        let text = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        let labels = try extract(text: text).tables.flatMap { $0.rows.map(\.label) }
        #expect(labels.count >= 30)
        #expect(labels == laidOut.tables.flatMap { $0.rows.map(\.label) })
        #expect(labels.prefix(3) == ["规章", "规范性文件", "行政许可"])
    }

    /// The seed with its lines joined by spaces: the same outline, its three problems (一是/二是/
    /// 三是) and its three plans.
    @Test func theSeedFlattened_keepsItsOutlineAndItems() throws {
        let text = try String(contentsOf: Paths.seed, encoding: .utf8)
        let flat = try extract(text: text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
        let laidOut = try extract(text: text)
        #expect(outline(flat) == outline(laidOut))
        #expect(flat.items.filter { $0.role == .problem }.count == 3)
        #expect(flat.items.filter { $0.role == .commitment && $0.text.contains("进一步") }.count == 3)
    }

    /// Run together, a heading's title ends where its paragraph visibly starts: after the role
    /// cue, unless a joining word carries the title on.
    @Test func aTitleFusedWithItsParagraph_endsAfterItsRoleCue() throws {
        let r = try extract(text: "青禾县人民政府2017年政府信息公开年度报告（虚构的青禾县，为测试而写）一、2017年工作总结全年主动公开政府信息1520条。"
            + "二、存在的问题虽然我县在政务公开方面做了一些工作，但仍存在不足：一是专栏更新不及时；二是解读偏少。"
            + "三、2018年工作谋划针对存在的问题，我县将采取以下措施：一是建立台账；二是加强培训。")
        #expect(outline(r) == ["一、 2017年工作总结 review", "二、 存在的问题 problems", "三、 2018年工作谋划 plans"])
        #expect(r.items.filter { $0.role == .commitment }.map(\.text) == ["一是建立台账；", "二是加强培训。"])
        // A title that goes on past its cue after a comma, on a line of its own, is whole
        // (一、一年来，我们致力于…: it had been cut to 一年来).
        let whole = try extract(text: "2013年工作回顾\n一、一年来，我们致力于农业主导、工业强镇，发展基础进一步夯实\n全年发放惠农补贴956万元（虚构）。\n")
        #expect(whole.sections.first?.children.map(\.title) == ["一年来,我们致力于农业主导、工业强镇,发展基础进一步夯实"])
    }

    /// A department's report with no title line names itself in its opening sentence.
    @Test func aReportNamingItselfInItsOpening_givesUnitAndYear() throws {
        let r = try extract(text: "一、总体情况 根据《条例》和《白鹭市人民政府办公室关于做好2020年政府信息公开工作年度报告编制发布工作的通知》要求，"
            + "特向社会公布2020年白鹭市农业农村局政府信息公开工作年度报告（虚构的白鹭市，为测试而写）。 二、主动公开政府信息情况 "
            + "三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 "
            + "我局信息公开的时效性仍有待提高。下一步我局将加强业务培训。 六、其他需要报告的事项 无。", path: "dataset/row-17.txt")
        #expect(r.metadata.unit.value == "白鹭市农业农村局")
        #expect(r.metadata.reviewYear.value == 2020)
        // The opening speaks of the report itself: no item (see `sentencesAboutTheReportItself_areNoItems`).
        #expect(r.items.map(\.role) == [.problem, .commitment])
    }

    /// A page's text flattened with its metadata block first: the report's title still names it
    /// (not the publishing office of the block).
    @Test func aFlattenedPageWithItsMetadataBlock_isNamedByItsTitle() throws {
        let text = "索引号：QH-2021-00012 发布机构：青禾县人民政府办公室 发布日期：2021-01-22 青禾县人民政府2020年政府信息公开工作年度报告 "
            + "（虚构的青禾县，为测试而写。） 一、总体情况 2020年，青禾县主动公开政府信息1520条，全部按期更新。 二、主动公开政府信息情况 （表略） "
            + "五、存在的主要问题及改进情况 一是专栏更新不及时。下一步将建立更新台账。 六、其他需要报告的事项 无。"
        let r = try extract(text: text, path: "dataset/row-3.txt")
        #expect(r.metadata.title.value == "青禾县人民政府2020年政府信息公开工作年度报告")
        #expect(r.metadata.unit.value == "青禾县人民政府")
        #expect(r.metadata.publishDate.value == "2021-01-22")
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
    }

    /// Run together with nothing between, a pre-2019 report whose problems and measures are numbered
    /// lists after lead-ins (…主要表现在：1、…；2、…。下一步，我局将从以下几个方面加以改进：1、…): the
    /// entries come back one by one, problems then measures, as laid out.
    @Test func numberedListsAfterLeadIns_comeBackFromAFlattenedText() throws {
        let r = try extract(text: flattened("ogi-2015-seven-part-template.txt", ""))
        let listed = r.items.filter { $0.role != .result }
        #expect(listed.map(\.role) == [.problem, .problem, .commitment, .commitment])
        #expect(listed.map { String($0.text.prefix(2)) } == ["1、", "2、", "1、", "2、"])
    }
}
