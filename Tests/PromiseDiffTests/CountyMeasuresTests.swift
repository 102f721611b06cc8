import Foundation
import PromiseDiff
import ReportStructure
import ReportText
import Testing

/// A county work report's tasks: numbered paragraphs that each hold several measures, and the
/// projects a review reports begun but not finished. (Fictional county, 菱塘县.)
@Suite struct CountyMeasuresTests {
    static let earlier = """
        菱塘县政府工作报告（虚构）
        一、2020年工作回顾
        2020年，全县实施重点项目108个，完成投资136亿元。
        二、2021年工作安排
        （一）坚持项目为王，扩大有效投资。全年实施重点项目120个，完成投资150亿元以上。确保菱塘大道东延年内建成通车。开工建设县第二污水处理厂。启动县城第二水厂建设。
        （二）进一步明确工作职责。按照“谁主管、谁负责”的原则，确定各部门主要领导为第一责任人。各部门要把这项工作列入重要议事日程。

        各位代表，让我们团结一心，奋力开创菱塘高质量发展新局面！
        """
    static let later = """
        菱塘县政府工作报告（虚构）
        一、2021年工作回顾
        2021年，全县实施重点项目126个，完成投资158亿元。菱塘大道东延主体工程完工，计划今年上半年通车。县第二污水处理厂于9月开工建设。县城第二水厂完成选址和可研批复。
        各部门主要领导均作为第一责任人签订责任书。
        二、2022年工作安排
        新建幼儿园3所。
        """

    /// A numbered paragraph whose sentences each set a measure, one with a quantity, makes a promise
    /// of each; one whose body elaborates its title in words is one promise; and the speaker's
    /// closing words are not part of the last paragraph.
    @Test func aParagraphOfMeasures_isAPromiseAMeasure() throws {
        let (a, _, d) = try extractAndDiff((2021, Self.earlier), (2022, Self.later))
        let last = try #require(a.items.first { $0.text.hasPrefix("（二）") })
        #expect(!last.text.contains("各位代表"), "\(last.text)")
        #expect(d.promises.map { String($0.text.prefix(8)) } == ["（一）坚持项目为", "全年实施重点项目", "确保菱塘大道东延", "开工建设县第二污", "启动县城第二水厂", "（二）进一步明确"],
                "\(d.promises.map(\.text))")
    }

    /// 主体工程完工，计划今年上半年通车 reports a road begun, not open: done in part, though its words
    /// match the promise closely; the plant whose building began as promised is done.
    @Test func aProjectBegunNotFinished_isPartial() throws {
        let d = try extractAndDiff((2021, Self.earlier), (2022, Self.later)).diff
        let status = { (phrase: String) in d.promises.first { $0.text.contains(phrase) }?.status }
        #expect(status("年内建成通车") == .partial)
        #expect(status("开工建设县第二污水处理厂") == .fulfilled)
        // A project's milestone is a commitment one can check.
        #expect(d.promises.first { $0.text.contains("开工建设") }?.testable == true)
        #expect(status("重点项目120个") == .fulfilled)
        // The ground prepared is not the building begun.
        #expect(status("启动县城第二水厂建设") == .partial)
        #expect(d.promises.first { $0.text.contains("年内建成通车") }?.reason.contains("not finished") == true)
    }

    /// A sentence that joins two measures with a comma, each with its own object and a quantity
    /// or a milestone, is two promises (fictional 荷湾县), each quoted exactly: one can be done and the other not. A
    /// clause that goes on from the one before (比上年减少…) or a number inside a name (“两个确保”)
    /// does not split a sentence.
    @Test func twoMeasuresInASentence_areTwoPromises() throws {
        let earlier = """
            荷湾县政府工作报告（虚构）
            一、2022年工作回顾
            2022年，全县新建幼儿园2所。
            二、2023年工作安排
            （一）补齐民生短板。改造提升乡镇卫生院4所，县中医院门诊综合楼投入使用。拟发行专项债券11亿元，比上年减少3亿元。继续加强“两个确保”工作，搞好“三条保障线”的衔接。
            """
        let later = """
            荷湾县政府工作报告（虚构）
            一、2023年工作回顾
            2023年，改造提升乡镇卫生院4所。县中医院门诊综合楼因设计变更尚未完工。
            二、2024年工作安排
            推动县中医院门诊综合楼投入使用。
            """
        let (a, _, d) = try extractAndDiff((2023, earlier), (2024, later))
        // A task titled by the problem it remedies (补齐民生短板) is the plan's, not a problem.
        #expect(!a.items.contains { $0.role == .problem }, "\(a.items.map(\.text))")
        let texts = d.promises.map(\.text)
        #expect(texts.contains("改造提升乡镇卫生院4所，") && texts.contains("县中医院门诊综合楼投入使用。"), "\(texts)")
        #expect(texts.contains("拟发行专项债券11亿元，比上年减少3亿元。"), "\(texts)")
        #expect(texts.contains("继续加强“两个确保”工作，搞好“三条保障线”的衔接。"), "\(texts)")
        for p in d.promises { #expect(DecodedText(a.text).text(p.span.range) == p.text) }
        let status = { (phrase: String) in d.promises.first { $0.text.hasPrefix(phrase) }?.status }
        #expect(status("改造提升乡镇卫生院") == .fulfilled)
        #expect(status("县中医院门诊综合楼") != .fulfilled)
    }

    /// A department's plan (fictional 荷洲县发改局): a short titled paragraph whose one sentence
    /// sets two measures is two promises; a figure promised for two funds together is met by the
    /// review's total of both (合计); a promise to begin work is kept by a start, however unfinished
    /// the project; completion missed (未能按期建成) is partial; 名 counts people.
    @Test func aDepartmentsPlan_judgedMeasureByMeasure() throws {
        let earlier = """
            荷洲县发展和改革局2022年工作总结及2023年工作计划（虚构）
            一、2022年工作开展情况
            全年完成重点项目投资72.5亿元。
            二、2023年工作计划
            （一）加大争资力度。争取中央预算内投资和专项债券资金10亿元以上。
            （二）抓好项目建设。推动荷洲物流园二期开工建设。
            （三）完善基础设施。确保县城集中供热工程年底前建成投用。
            （四）加强队伍建设。组织业务培训4期，引进专业人才3名。
            """
        let later = """
            荷洲县发展和改革局2023年工作总结及2024年工作计划（虚构）
            一、2023年工作开展情况
            （一）争取中央预算内投资4.2亿元、专项债券资金7.5亿元，合计11.7亿元。
            （二）荷洲物流园二期于6月开工建设，目前已完成主体工程的40%。
            （三）县城集中供热工程因管网施工受阻，未能按期建成，预计2024年供暖季前投用。
            （四）举办业务培训4期，参训干部210人次。
            二、2024年工作计划
            做好项目谋划。
            """
        let (a, _, d) = try extractAndDiff((2023, earlier), (2024, later))
        for p in d.promises { #expect(DecodedText(a.text).text(p.span.range) == p.text) }
        let status = { (phrase: String) in d.promises.first { $0.text.contains(phrase) }?.status }
        #expect(d.promises.contains { $0.text == "（四）加强队伍建设。组织业务培训4期，" }, "\(d.promises.map(\.text))")
        #expect(status("专项债券资金10亿元") == .fulfilled)
        #expect(status("物流园二期开工建设") == .fulfilled)
        #expect(status("集中供热") == .partial)
        #expect(status("业务培训4期") == .fulfilled)
        #expect(status("专业人才3名") == .notReported)
        #expect(NumberParser.parse("引进专业人才3名").first?.unit == "名")
    }
}
