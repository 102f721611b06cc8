import Foundation
import Testing
import TestSupport
@testable import ReportStructure
@testable import ReportText

/// What real pages look like: each fixture exercises one trait.
@Suite struct MessyInputTests: ReadsInlineReports {
    static let lexicon = builtInLexicon
    /// Extractors own ICU iterators and tests run in parallel: one per use.
    static var extractor: ReportExtractor { try! ReportExtractor(lexicon: lexicon) }

    func extract(_ name: String) throws -> ExtractedReport {
        try Self.extractor.extract(path: Paths.fixture(name).path)
    }

    /// A fictional county work report: a one-line review of 2021, then `plans` under 二、2022年工作安排.
    func extract(plans: String) throws -> ExtractedReport {
        try extract(text: "青禾县政府工作报告（虚构的青禾县，为测试而写）\n一、2021年工作回顾\n全县地区生产总值增长7.2%。\n二、2022年工作安排\n" + plans)
    }

    /// A fictional county's 2020 OGI report: a one-line 总体情况, then `section5` under
    /// 五、存在的主要问题及改进情况.
    func extract(section5: String) throws -> ExtractedReport {
        try extract(text: "青禾县人民政府2020年政府信息公开工作年度报告\n（虚构的青禾县，为测试而写。）\n一、总体情况\n"
            + "2020年，全县主动公开政府信息1520条。\n五、存在的主要问题及改进情况\n" + section5)
    }

    /// The role of the first item holding `phrase`.
    func role(of phrase: String, in r: ExtractedReport) -> ItemRole? {
        r.items.first { $0.text.contains(phrase) }?.role
    }

    /// 重点解决群众反映强烈的突出问题 in plans commits to solving problems and admits none; 一些
    /// 突出问题仍未解决 admits them. (The 2000 and 2002 national reports had whole runs of plans
    /// turned into problems by the first.)
    @Test func aProblemCueAfterAVerbOfSolving_keepsThePlan() throws {
        let r = try extract(plans: """
        加强政风建设。重点解决群众反映强烈的突出问题，严肃查处违纪违法案件。
        进一步转变政府职能，推进机构改革。
        同时也要看到，一些突出问题仍未根本解决，农民增收困难。
        加快发展县域经济。
        “十三五”时期经济社会发展中也存在不少矛盾和问题，结构不合理。
        """)
        #expect(role(of: "重点解决群众反映强烈的突出问题", in: r) == .commitment)
        #expect(role(of: "进一步转变政府职能", in: r) == .commitment)
        #expect(role(of: "一些突出问题仍未根本解决", in: r) == .problem)
        #expect(role(of: "也存在不少矛盾和问题", in: r) == .problem)
    }

    /// A work report reads the situation, admits problems, then turns back to the year's tasks with
    /// 做好今年的政府工作，要… (the 2010 national report): the turn ends the problems aside.
    @Test func doingThisYearsWork_endsAProblemsAside() throws {
        let r = try extract(plans: """
        但是，经济社会发展中仍然存在一些突出矛盾和问题，经济增长内生动力不足。
        做好今年的政府工作，要认真贯彻县委全会精神，坚持稳中求进。
        """)
        #expect(role(of: "仍然存在一些突出矛盾和问题", in: r) == .problem)
        #expect(role(of: "做好今年的政府工作", in: r) == .commitment)
    }

    /// In plans, a paragraph that admits problems (…取得了很大进展，但还存在不少问题。) is an aside:
    /// the next paragraph that names no problem is a plan again (the 2002 national report had seven
    /// plans after one as problems); a list a lead-in announces (主要问题是：) stays problems.
    @Test func aProblemsAsideInPlans_lastsWhileItNamesProblems() throws {
        let r = try extract(plans: """
        机构改革取得了很大进展，但还存在不少问题。必须进一步转变职能。
        切实加强政风建设。
        坚决反对奢侈浪费。
        同时也要看到，存在的主要问题是：
        农民收入增长缓慢；
        就业压力加大。
        """)
        #expect(role(of: "但还存在不少问题", in: r) == .problem)
        #expect(role(of: "切实加强政风建设", in: r) == .commitment)
        #expect(role(of: "坚决反对奢侈浪费", in: r) == .commitment)
        #expect(role(of: "农民收入增长缓慢", in: r) == .problem)
        #expect(role(of: "就业压力加大", in: r) == .problem)
    }

    /// An older work report reviews the year before its first heading: its title and the speech's
    /// opening formula are not results.
    @Test func anUntitledReview_holdsNeitherTheTitleNorTheOpeningFormula() throws {
        let r = try extract(text: """
        2002年青禾县人民政府工作报告（虚构）
        各位代表：
        现在，我代表县人民政府向大会作政府工作报告，请予审议，并请县政协各位委员提出意见。
        新世纪第一年，全县人民团结奋斗，地区生产总值增长8.2%，财政收入增长12%，城乡居民收入稳步提高，各项社会事业全面进步，完成了县人代会确定的主要目标任务。
        农业生产稳定发展，粮食总产量达到32万吨，新建高标准农田2.1万亩，农民人均纯收入增长6.5%，农村基础设施明显改善，新修农村公路85公里，解决了3.2万人的饮水困难。
        工业经济效益提高，规模以上工业增加值增长11%，新引进项目24个，实际利用外资1200万美元，县城新区建设全面展开，城市面貌明显改观，社会保障体系进一步健全。
        一、扩大和培育内需，促进经济较快增长
        今年要继续实施积极的财政政策，新建县乡公路120公里。
        """)
        #expect(!r.items.contains { $0.text.contains("工作报告（虚构）") || $0.text.contains("请予审议") })
        #expect(role(of: "地区生产总值增长8.2%", in: r) == .result)
        #expect(role(of: "新建县乡公路120公里", in: r) == .commitment)
    }

    /// PDF text repeats the title at the top of each page: between two paragraphs it is no item
    /// (mid-sentence the normaliser crosses it).
    @Test func aRunningHeadBetweenParagraphs_isInNoItem() throws {
        let r = try extract(text: """
        青禾县人民政府2021年政府信息公开工作年度报告（虚构）
        一、总体情况
        全县主动公开政府信息21132条，同比增长7.7%。
        - 2 -
        青禾县人民政府2021年政府信息公开工作年度报告（虚构）
        全县政务公开专栏更新信息320条，办理依申请公开12件。
        """)
        #expect(r.items.count == 2)
        #expect(!r.items.contains { $0.text.contains("年度报告") })
        #expect(r.metadata.unit.value == "青禾县人民政府")
    }

    /// What a site prints after the report (editor's credit, related links, a licence notice) is
    /// not the report's: the last plan stops where it does.
    @Test func endMatterAfterTheReport_isInNoItem() throws {
        let r = try extract(plans: """
        全面推进农村人居环境整治，新建农村公厕120座。
        加快县域商业体系建设，打造一批乡镇商贸中心。
        （责任编辑：王某）
        相关链接
        青禾县2021年政府工作报告
        本作品是虚构的青禾县的文件，属于公有领域。
        """)
        let last = try #require(r.items.last)
        #expect(last.text.hasSuffix("打造一批乡镇商贸中心。"))
        #expect(!r.items.contains { $0.text.contains("责任编辑") || $0.text.contains("公有领域") })
        // The same line at the top of a text (a page's header) is no end at all.
        let early = try extract(text: "相关链接\n青禾县政府工作报告（虚构）\n一、2021年工作回顾\n全县地区生产总值增长7.2%，新建农村公厕120座。\n"
            + "二、2022年工作安排\n加快县域商业体系建设，打造一批乡镇商贸中心。\n")
        #expect(early.items.contains { $0.text.contains("打造一批乡镇商贸中心") })
    }

    /// The indicator before its lead-in (今年经济增长预期目标为7%左右); said again to explain it, one
    /// target; a goal over several years, none.
    @Test func aTargetNamedBeforeItsLeadIn_once() throws {
        let r = try extract(plans: """
        “十四五”期间年均经济增长速度预期目标为6.5%左右。
        综合分析各种情况，今年经济增长预期目标为7%左右，这是必要的。
        县委提出今年经济增长预期目标为7%左右，是为了引导各方面把工作重点放在提高质量上。
        """)
        #expect(r.targets.map(\.indicator) == ["经济增长"])
        #expect(r.targets.first?.value == 7 && r.targets.first?.qualifier == .approx)
    }

    /// County forms: a lead-in that proposes (建议为), targets apart by 、 after their figures, and two
    /// indicators under one name with a figure each (城乡居民…分别增长6.5%和8%).
    @Test func countyTargetForms() throws {
        let r = try extract(plans: """
        今年全县的主要预期目标建议为：全县地区生产总值增长7%左右、一般公共预算收入增长6%，城乡居民人均可支配收入分别增长6.5%和8%；二氧化硫、化学需氧量排放量都要减少2%。
        """)
        #expect(r.targets.map(\.indicator) == ["地区生产总值增长", "一般公共预算收入增长", "城镇居民人均可支配收入增长",
                                              "农村居民人均可支配收入增长", "二氧化硫、化学需氧量排放量都要减少"])
        #expect(r.targets.map(\.value) == [7, 6, 6.5, 8, 2])
        // A part of a figure named before (其中…): its own indicator, without 其中.
        let part = try extract(plans: "今年的主要预期目标是：财政总收入增长13%，其中地方级财政收入增长16%。")
        #expect(part.targets.map(\.indicator) == ["财政总收入增长", "地方级财政收入增长"])
        let scalars = Array(r.text.unicodeScalars)
        for t in r.targets { #expect(String(String.UnicodeScalarView(scalars[t.span.start..<t.span.end])) == t.text) }
    }

    /// A lead-in alone on its line (…主要预期目标是：), the list after a blank line.
    @Test func targetsListedOnTheLineAfterTheirLeadIn() throws {
        let r = try extract(plans: """
        今年全县经济社会发展的主要预期目标是：

        　　地区生产总值增长7%左右；城镇新增就业5000人以上；居民消费价格涨幅控制在3%左右。
        """)
        #expect(r.targets.map(\.indicator) == ["地区生产总值增长", "城镇新增就业", "居民消费价格涨幅"])
        #expect(r.targets.map(\.value) == [7, 5000, 3])
        // A numbered list, a target a line, until the sentence ends.
        let listed = try extract(plans: """
        今年经济社会发展的主要预期目标是：
        1.地区生产总值增长7%左右；
        2.一般公共预算收入增长6%；
        3.城镇新增就业3000人以上。
        （一）抓项目。全年实施重点项目60个，赤字率按2%安排。
        """)
        #expect(listed.targets.map(\.indicator) == ["地区生产总值增长", "一般公共预算收入增长", "城镇新增就业", "赤字率"])
        #expect(listed.targets.first?.text == "地区生产总值增长7%左右")
    }

    @Test func htmlPage_keepsTheArticle_dropsFurnitureAndSpam() throws {
        let r = try extract("messy-page.html")
        let all = r.items.map(\.text).joined()
        // The title names the county; the office in the footer only runs the website.
        #expect(r.metadata.unit.value == "青禾县人民政府")
        #expect(r.metadata.reviewYear.value == 2021)
        #expect(r.metadata.publishDate.value == "2022-01-26")
        #expect(!all.contains("百家乐") && !all.contains("葡京") && !all.contains("脚本") && !all.contains("网站地图"))
        #expect(all.contains("政策解读<图解>18篇"))
        #expect(r.items.contains { $0.role == .problem && $0.text.contains("队伍建设有待加强") })
        #expect(r.items.contains { $0.role == .commitment && $0.text.contains("台账") })
        let q = r.items.flatMap(\.numbers).first { $0.unit == "条" }
        #expect(q?.value == 2315)
    }

    @Test func addressToTheAudience_endsAProblemsParagraphRun() throws {
        let r = try extract("work-report-address-break.txt")
        #expect(role(of: "财政收支矛盾突出", in: r) == .problem)
        #expect(role(of: "城乡居民收入差距持续缩小", in: r) == .result)
        #expect(role(of: "新建农村公路100公里", in: r) == .commitment)
        #expect(!r.items.contains { $0.text.hasPrefix("各位代表") })
    }

    @Test func measuresNumberedAfterAPlanLeadIn_inAProblemsSection_areCommitments() throws {
        let r = try extract("ogi-measures-after-lead-in.txt")
        #expect(role(of: "政策解读质量不高", in: r) == .problem)
        for measure in ["提升政策解读质量", "规范依申请公开办理", "举办全区政务公开业务培训班"] {
            #expect(role(of: measure, in: r) == .commitment, "\(measure)")
        }
        #expect(r.metadata.planYear.value == 2020)
    }

    @Test(arguments: ["下一步工作打算", "2019年工作思路", "今后工作重点", "工作展望", "努力方向", "整改措施", "下一步改进方向"])
    func plansHeadings_makeCommitments(title: String) throws {
        let text = "青禾县人民政府办公室2018年政府信息公开工作年度报告\n\n一、基本情况\n2018年，全县主动公开信息2100条。\n\n"
            + "二、存在的困难\n信息公开的及时性有待提高。\n\n三、\(title)\n（一）加强平台建设，年内完成政府网站集约化改造。\n（二）开展业务培训2次。\n"
        let r = try extract(text: text)
        #expect(r.items.map(\.role) == [ItemRole.result, .problem, .commitment, .commitment], "\(title)")
    }

    @Test(arguments: [("青禾县2020年政府信息公开工作年度报告", "青禾县人民政府"), ("青禾县政府2020年政府信息公开工作年度报告", "青禾县人民政府"),
                      ("青禾县人民政府2020年政府信息公开工作年度报告", "青禾县人民政府"),
                      ("青禾县人民政府办公室2020年政府信息公开工作年度报告", "青禾县人民政府办公室"),
                      ("青禾县教育局2020年政府信息公开工作年度报告", "青禾县教育局"),
                      ("青禾县卫计委2016年度政府信息公开工作年度报告", "青禾县卫计委"),
                      ("青禾县发展和改革委员会2020年政府信息公开工作年度报告", "青禾县发展和改革委员会"),
                      ("青禾县政务服务中心2020年政府信息公开工作年度报告", "青禾县政务服务中心"),
                      ("关于印发《青禾县2020年政府信息公开工作年度报告》的通知", "青禾县人民政府"),
                      ("青禾县人民政府办公室关于青禾县2020年政府信息公开工作年度报告", "青禾县人民政府"),
                      ("2020年青禾县政府信息公开工作年度报告", "青禾县人民政府")])
    func unitFromTheTitle_aPlaceIsItsGovernment(title: String, unit: String) throws {
        let text = title + "\n\n一、总体情况\n2020年，全县主动公开信息2100条。\n"
        let r = try extract(text: text)
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.region.value == "青禾县")
    }

    @Test func aResultsPartClosingWithNextSteps_endsInCommitments() throws {
        let text = "青禾县2020年政府信息公开工作年度报告\n\n一、总体情况\n2020年，青禾县全年主动公开政府信息3105条，开通政务公开专栏。\n"
            + "下一步，我县将继续加强政务公开平台建设，2021年完成政府网站集约化改造。\n\n五、存在的主要问题及改进情况\n信息公开的及时性有待提高。\n"
        let r = try extract(text: text)
        #expect(r.items.map(\.role) == [ItemRole.result, .commitment, .problem])
    }

    @Test func deepHTMLNesting_isLinear() throws {
        let html = String(repeating: "<div>", count: 100_000) + "青禾县2021年政府信息公开工作年度报告" + String(repeating: "</div>", count: 100_000)
        let page = HTMLText.extract(html)
        #expect(page.text == "青禾县2021年政府信息公开工作年度报告")
    }

    @Test func pdfStyleText_headingsBrokenAcrossLines_andSpacedNumbers() throws {
        let r = try extract("pdf-style-broken-lines.txt")
        #expect(r.sections.map(\.title).prefix(2) == ["总体情况", "存在的主要问题及改进情况"])
        #expect(r.items.filter { $0.role == .problem }.count == 2)
        #expect(r.items.filter { $0.role == .commitment }.count == 2)
        let numbers = r.items.flatMap(\.numbers)
        #expect(numbers.contains { $0.value == 21132 })
        #expect(r.items.contains { $0.keywords.contains("政府信息公开") || $0.keywords.contains("政府信息") })
    }

    /// Section 五 as one paragraph: problems 一是…二是…, a plan lead-in inside the last of them,
    /// then measures numbered 一是… again.
    @Test func planLeadInInsideAnEnumeration_turnsTheRestIntoCommitments() throws {
        let r = try extract(text: """
            青禾县人民政府2021年政府信息公开工作年度报告
            五、存在的主要问题及改进情况
            2021年，我县政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读质量不高，解读形式单一；二是基层政务公开标准化规范化建设推进不平衡。2022年，我县将着力做好以下工作：一是丰富政策解读形式，运用图表、视频等方式解读政策；二是推进基层政务公开标准化规范化建设，年底前实现乡镇全覆盖。
            """)
        #expect(r.items.map(\.role) == [.problem, .problem, .commitment, .commitment])
        #expect(r.items[1].text == "二是基层政务公开标准化规范化建设推进不平衡。")
        #expect(r.items[3].text.hasPrefix("二是推进基层政务公开"))
    }

    /// The old guidance's seven parts (before 2019): 概述 is the results, and the last problem ends
    /// on a lead-in (下一步，我局将从以下几个方面加以改进：) before measures numbered 1、 afresh.
    @Test func sevenPartReportOf2015_isFreeForm_withMeasuresAfterTheLastProblem() throws {
        let r = try extract("ogi-2015-seven-part-template.txt")
        #expect(r.metadata.template.value == .freeForm)
        #expect(role(of: "认真贯彻落实《条例》", in: r) == .result)
        #expect(r.items.filter { $0.role == .problem }.map(\.text) == ["1、信息公开的及时性有待提高；", "2、公开内容不够全面。"])
        #expect(r.items.filter { $0.role == .commitment }.count == 2)
        #expect(!r.items.contains { $0.text.contains("以下几个方面") })
    }

    /// 第一部分…第三部分 above 一、 and 1.: points numbered afresh in each part; a plan point that
    /// names statistics (统计数据解读) is still a plan.
    @Test func reportInParts_pointsNumberedAfreshInEachPart() throws {
        let r = try extract("report-in-parts.txt")
        #expect(r.sections.map(\.role) == [.review, .problems, .plans])
        #expect(r.items.map(\.role) == [.result, .result, .problem, .commitment, .commitment])
        #expect(r.items.last?.text == "2.每季度发布一次统计数据解读。")
    }

    @Test(arguments: ["青禾县水利局关于2020年度政府信息公开工作情况的报告", "青禾县水利局2020年政府信息公开工作总结"])
    func ogiTitles_otherThanAnnualReport(title: String) throws {
        let r = try extract(text: title + "\n一、基本情况\n2020年，我局主动公开政府信息112条。\n")
        #expect(r.metadata.genre.value == .ogiAnnualReport)
    }

    /// A work report titled only 政府工作报告 is the government of the congress it was delivered to,
    /// or of the place its speaker heads (not 我代表县人民政府).
    @Test(arguments: ["——2020年1月10日在青禾县第十七届人民代表大会第五次会议上", "青禾县县长 张三"])
    func bareWorkReportTitle_unitFromTheCongressOrTheSpeaker(line: String) throws {
        let r = try extract(text: "政府工作报告\n\(line)\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2019年工作回顾\n全年实施重点项目86个。\n")
        #expect(r.metadata.unit.value == "青禾县人民政府")
        #expect(r.metadata.genre.value == .workReport)
    }

    @Test(arguments: ["青禾县人民政府二〇一九年政府信息公开工作年度报告", "青禾县人民政府二○一九年度政府信息公开工作年度报告"])
    func yearsInChineseDigits(title: String) throws {
        let r = try extract(text: title + "\n一、总体情况\n本年度，我县主动公开政府信息1520条。\n")
        #expect(r.metadata.reviewYear.value == 2019)
        #expect(try Normalizer(traditional: .off).normalize(DecodedText("一九九八年、二〇二〇年、三〇〇〇年、一二〇一九年")).string == "1998年、2020年、三〇〇〇年、一二〇一九年")
    }

    /// A scrape that draws the page's layout table as bars, and a byline with the date first.
    @Test func barsOfALayoutTable_andADateBeforeItsByline() throws {
        let bars = String(repeating: "|", count: 200)
        let r = try extract(text: "青禾县人民政府2020年度政府信息公开工作年度报告 | \(bars)\n2021-02-09 发布:青禾县人民政府办公室 点击数: | \(bars)\n|\n\(bars)\n一、总体情况\n2020年，我县主动公开政府信息1520条。\n")
        #expect(r.metadata.title.value == "青禾县人民政府2020年度政府信息公开工作年度报告")
        #expect(r.metadata.reviewYear.value == 2020)
        #expect(r.metadata.publishDate.value == "2021-02-09")
        // A title in a cell of its own: the cell's bars are no part of it.
        let cell = try extract(text: "发布单位: | 白鹭镇 |\n2013年度白鹭镇政府信息公开工作年度报告 | ||\n一、概述\n2013年,我镇主动公开政府信息123件。\n")
        #expect(cell.metadata.title.value == "2013年度白鹭镇政府信息公开工作年度报告")
    }

    /// A work report delivered in December to a new congress reviews that year and plans the
    /// next, as its parts say; the page's title closes on the date in brackets, below a menu.
    @Test func workReportDeliveredInDecember() throws {
        let r = try extract(text: "导航菜单\n(虚构)青禾县人民政府工作报告(2021年12月26日)\n政 府 工 作 报 告\n2021年12月26日在县第十七届人民代表大会第一次会议上\n各位代表:\n现在,我代表县人民政府,向大会作政府工作报告,请予审议。\n一、本届政府和2021年工作回顾\n全年实现地区生产总值325亿元。\n二、2022年工作安排\n2022年主要预期目标是:地区生产总值增长9%左右。\n")
        #expect(r.metadata.genre.value == .workReport)
        #expect(r.metadata.title.value == "(虚构)青禾县人民政府工作报告(2021年12月26日)")
        #expect(r.metadata.reviewYear.value == 2021)
        #expect(r.metadata.planYear.value == 2022)
        #expect(r.metadata.planYear.source == "heading")
    }

    /// Part markers with a space for their 、 (一 概 述), or before it; a report named only in its
    /// opening sentence (现向社会公布青禾县白鹭镇2018年政府信息公开报告).
    @Test func markersWithASpace_andAReportNamedInItsOpening() throws {
        let r = try extract(text: "根据《条例》要求,现向社会公布青禾县白鹭镇2018年政府信息公开报告。\n一 概 述\n2018年,我镇主动公开信息380条。\n二 、政府信息依申请公开情况\n全年收到申请4件,均已按时办结。\n三 存在的主要问题和改进措施\n公开内容不够全面。2019年,我镇将及时更新公开内容。\n")
        #expect(r.sections.map(\.title) == ["概 述", "政府信息依申请公开情况", "存在的主要问题和改进措施"])
        #expect(r.sections.first?.role == .review)
        #expect(r.items.map(\.role) == [.result, .result, .problem, .commitment])
        #expect(r.metadata.unit.value == "青禾县白鹭镇人民政府")
        #expect(r.metadata.reviewYear.value == 2018)
    }

    /// Places under a city whose name ends in 州 (福州市晋安区) keep the city whole.
    @Test func regionsUnderACityNamedWithZhou() {
        #expect(MetadataReader.region(of: "福州市晋安区人民政府") == (nil, "福州市", "晋安区"))
        #expect(MetadataReader.region(of: "甘肃省兰州市榆中县人民政府") == ("甘肃省", "兰州市", "榆中县"))
        #expect(MetadataReader.region(of: "恩施土家族苗族自治州来凤县人民政府") == (nil, "恩施土家族苗族自治州", "来凤县"))
        #expect(MetadataReader.region(of: "青禾县人民政府") == (nil, nil, "青禾县"))
    }

    /// A unit within a unit, named right after it, is the report's unit; the preamble's list of
    /// parts, set with ；, names 存在的主要问题 without admitting any.
    @Test func subUnit_andAPreambleListingItsPartsWithSemicolons() throws {
        let r = try extract(text: "青禾县生态环境局白鹭分局2022年政府信息公开工作年度报告\n根据《条例》,特向社会公布2022年度本机关政府信息公开工作年度报告。全文包括:总体情况;主动公开政府信息的情况;政府信息公开工作存在的主要问题及改进情况;其他需要报告的事项。\n一、总体情况\n2022年度公开信息164条。\n")
        #expect(r.metadata.unit.value == "青禾县生态环境局白鹭分局")
        #expect(r.items.map(\.role) == [.result])
    }

    /// The unit that signs the report above its date names it with its place, where the title
    /// named it without (县…服务署), or names it where nothing else did.
    @Test(arguments: [("2021年县集体经济发展服务署政府信息公开工作年度报告", "青禾县集体经济发展服务署"),
                      ("2021年政府信息公开工作年度报告", "青禾县白鹭镇人民政府")])
    func unitFromTheSignature(title: String, signature: String) throws {
        let r = try extract(text: "\(title)\n一、总体情况\n2021年,共公开信息121条。\n五、存在的主要问题及改进情况\n公开内容有待进一步规范。\n\(signature)\n2022年1月11日\n")
        #expect(r.metadata.unit.value == signature)
        #expect(r.metadata.unit.source == "signature")
        #expect(r.metadata.publishDate.value == "2022-01-11")
    }

    /// A work report's look back named by its time is its review.
    @Test(arguments: ["过去一年的工作", "一年来的主要工作", "过去五年和2021年工作"])
    func reviewNamedByItsTime(heading: String) throws {
        let r = try extract(text: "青禾县人民政府工作报告\n一、\(heading)\n2021年,全县实现地区生产总值325亿元,增长8.6%。\n二、今年政府工作的总体要求和主要目标\n地区生产总值增长7%左右。\n")
        #expect(r.sections.first?.role == .review)
        #expect(r.items.first?.role == .result)
    }

    /// 主要工作 reviews, unless it is this year's or a later year's than the review before it.
    @Test(arguments: [("2022年主要工作", SectionRole.plans), ("今年主要工作", .plans), ("2021年主要工作", .review)])
    func mainWorkOfALaterYearIsThePlan(heading: String, role: SectionRole) throws {
        let r = try extract(text: "青禾县人民政府工作报告\n一、2021年工作回顾\n全年实现地区生产总值325亿元。\n二、\(heading)\n新建学校5所。\n")
        #expect(r.sections.map(\.role) == [.review, role])
    }

    /// Other names of a review's achievements and of a report's problems.
    @Test(arguments: [("2021年目标任务完成情况", SectionRole.review), ("工作亮点", .review), ("面临的困难和挑战", .problems), ("存在的短板", .problems),
                      ("政府信息主动公开情况", .statistics), ("主动公开情况", .statistics),
                      ("“十二五”时期的奋斗目标", .plans)])
    func otherPartNames(heading: String, role: SectionRole) throws {
        let r = try extract(text: "青禾县2021年工作总结\n一、\(heading)\n全年新建学校5所。\n")
        #expect(r.sections.first?.role == role)
    }

    /// Under 改进情况, an account of fixes made is a result; a fix promised stays a commitment.
    @Test func fixesMadeUnderImprovements_areResults() throws {
        let r = try extract(text: "青禾县水利局2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我局主动公开政府信息120条。\n五、存在的主要问题及改进情况\n(一)存在的主要问题\n一是政策解读形式单一;二是公开内容不够丰富。\n(二)改进情况\n针对上述问题,我局加强了业务培训,规范了信息发布流程,已完成整改。\n2022年,我局将丰富解读形式。\n")
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .result, .commitment])
    }

    /// The page's attachment (the report again as a file) and its tags close the report.
    @Test func attachmentLineClosesTheReport() throws {
        let r = try extract(text: "青禾县水利局2013年度政府信息公开年度工作报告\n一、总体概况\n2013年,我局主动公开政府信息共41条。\n二、存在的主要问题\n信息更新还不够及时。\n三、改进措施\n进一步明确工作职责,不断扩大信息公开量。\n青禾县水利局2013年度政府信息公开年度工作报告.docx\n标签:\n")
        #expect(r.items.last?.role == .commitment)
        #expect(r.items.last?.text == "进一步明确工作职责,不断扩大信息公开量。")
    }

    /// A title set letter-spaced is still the report's title.
    @Test func letterSpacedTitle() throws {
        let r = try extract(text: "政 府 工 作 报 告\n——2021年1月10日在青禾县第十七届人民代表大会第五次会议上\n一、2020年工作回顾\n全年实现地区生产总值325亿元。\n二、2021年工作安排\n地区生产总值增长9%左右。\n")
        #expect(r.metadata.title.value == "政府工作报告")
        #expect(r.metadata.genre.value == .workReport)
        #expect(r.metadata.reviewYear.value == 2020)
    }

    /// A metadata block whose keys and values sat in cells side by side, without colons, and a
    /// byline's bare 日期 / 时间.
    @Test(arguments: ["索引号 11610000-01 发布机构 县政府办\n公开目录 年度报告 发布日期 2021-02-20 09:00", "来源:县政府办公室 时间:2021-02-20 10:01",
                      "日期:2021-02-20"])
    func metadataBlockWithoutColons(block: String) throws {
        let r = try extract(text: "青禾县人民政府2020年政府信息公开工作年度报告\n\(block)\n一、总体情况\n2020年，我县主动公开政府信息1520条。\n")
        #expect(r.metadata.publishDate.value == "2021-02-20")
        #expect(r.metadata.unit.value == "青禾县人民政府")
    }

    /// A title set in two lines, the unit (or only its place) above the rest.
    @Test(arguments: [("青禾县人民政府机关", "青禾县人民政府"), ("青禾县白鹭乡", "青禾县白鹭乡人民政府")])
    func titleWithItsUnitOnTheLineAbove(unitLine: String, unit: String) throws {
        let r = try extract(text: "\(unitLine)\n2020年政府信息公开工作年度报告\n本报告根据《条例》编制。\n一、总体情况\n2020年，主动公开政府信息152条。\n")
        #expect(r.metadata.title.value == unitLine + "2020年政府信息公开工作年度报告")
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.reviewYear.value == 2020)
    }

    /// An older site: GB18030, layout tables, a menu line right above the title, &nbsp; indents,
    /// <br> lines, problems and measures as run-in labels.
    @Test func oldLayoutPage_titleBelowAMenu() throws {
        let r = try extract("old-layout-page-gb18030.html")
        #expect(r.metadata.unit.value == "青禾县人民政府")
        #expect(r.metadata.title.value == "青禾县人民政府2016年政府信息公开工作年度报告")
        #expect(r.metadata.publishDate.value == "2017-03-20")
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .commitment, .commitment])
    }

    /// Word's automatic numbering: the markers are in numbering.xml (and a heading style), not in
    /// the text; the outline needs them.
    @Test func docxAutomaticNumbering_givesTheMarkersWordShows() throws {
        let r = try extract("auto-numbered.docx")
        #expect(r.sections.map { $0.marker + $0.title } == ["一、总体情况", "二、存在的主要问题及改进情况", "三、其他需要报告的事项"])
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .commitment, .commitment])
        #expect(r.items[3].text == "1.建立专栏更新台账，每月通报更新情况。")
        #expect(DocxNumbering.chinese(12) == "十二" && DocxNumbering.chinese(20) == "二十" && DocxNumbering.chinese(7) == "七")
        #expect(DocxNumbering.format(3, "decimalEnclosedCircle") == "③" && DocxNumbering.format(2, "chineseLegalSimplified") == "贰")
    }

    /// No year in the title: the statistics period, the year the account opens with, the year
    /// before publication; a problems paragraph that turns to measures gives the plan year.
    @Test func yearsWithoutATitleYear() throws {
        let head = "青禾县人民政府政府信息公开工作年度报告\n"
        let tail = "五、存在的主要问题及改进情况\n一是解读不够。下一步，我县将加强政策解读。\n"
        let opening = try extract(text: head + "一、总体情况\n2020年，我县主动公开政府信息1520条。\n" + tail)
        #expect(opening.metadata.reviewYear.value == 2020 && opening.metadata.planYear.value == 2021)
        #expect(opening.items.map(\.role) == [.result, .problem, .commitment])
        let published = try extract(text: head + "发布日期：2021-01-20\n一、总体情况\n本年度主动公开政府信息1520条。\n" + tail)
        #expect(published.metadata.reviewYear.value == 2020)
        let folder = try Self.extractor.extract(DocumentLoader.load(bytes: Array((head + "一、总体情况\n本年度主动公开政府信息1520条。\n").utf8),
                                                                   path: "青禾县/2019/report.txt", format: .txt), manifest: nil)
        #expect(folder.metadata.reviewYear.value == 2019)
    }

    /// PDF text wraps every paragraph at the page's width: the seed wrapped at 34 characters a
    /// line gives the seed's items, each citing the wrapped original exactly.
    @Test func hardWrappedText_givesTheSameItems_asOneLinePerParagraph() throws {
        let seed = try String(contentsOf: Paths.seed, encoding: .utf8)
        let wrapped = seed.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let chars = Array(line.trimmingCharacters(in: .whitespaces))
            guard chars.count > 34 else { return [String(chars)] }
            return stride(from: 0, to: chars.count, by: 34).map { String(chars[$0..<min($0 + 34, chars.count)]) }
        }.joined(separator: "\n")
        let one = try Self.extractor.extract(path: Paths.seed.path), r = try extract(text: wrapped)
        #expect(r.items.map(\.role) == one.items.map(\.role))
        func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        #expect(r.items.map { squeezed($0.text) } == one.items.map { squeezed($0.text) })
        let scalars = Array(wrapped.unicodeScalars)
        for item in r.items { #expect(String(String.UnicodeScalarView(scalars[item.span.range])) == item.text) }
    }

    /// What is not wrapped prose stays on its own line: table rows, menus, and a heading or list
    /// entry after a full line.
    @Test func wrappedLineJoining_leavesTablesMenusAndHeadingsApart() throws {
        let normalizer = Normalizer(traditional: .off)
        func lines(_ text: String) throws -> [String] {
            try normalizer.normalize(DecodedText(text)).string.split(separator: "\n").map(String.init)
        }
        let long = String(repeating: "加强政务公开平台建设，", count: 12)
        #expect(try lines(long + "推进\n决策公开。").last?.hasSuffix("推进决策公开。") == true)  // a long line cut mid-sentence
        #expect(try lines(long + "推进\n决策公开。").count == 1)
        #expect(try lines(long + "推进\n(二)决策公开。").count == 2)  // a heading follows
        #expect(try lines(long + "推进\n2.决策公开。").count == 2)    // a list entry follows
        #expect(try lines("首页 政务公开 信息公开指南 信息公开目录 依申请公开 政府信息公开年报 政策解读 互动交流 办事服务\n青禾县2020年报告").count == 2)
        #expect(try lines("主动公开政府信息数 行政许可 其他对外管理服务事项 行政处罚 行政强制 本年新制发件数\n12 3 4").count == 2)
    }

    @Test func maskedReprint_warns_andTakesTheYearFromTheStatisticsPeriod() throws {
        let r = try extract("masked-reprint.txt")
        #expect(r.metadata.unit.value == "**县人民政府")
        #expect(r.metadata.reviewYear.value == 2020)
        #expect(r.metadata.reviewYear.source == "text")
        #expect(r.warnings.contains { $0.contains("masked") })
    }

    @Test func titleYearDisagreeingWithThePeriod_isReported() throws {
        let r = try extract("title-period-disagree.txt")
        #expect(r.metadata.reviewYear.value == 2020)
        #expect(r.warnings.contains { $0.contains("2020") && $0.contains("2021") })
    }

    @Test func reportWithoutHeadings_yieldsItemsByForm() throws {
        let r = try extract("no-headings.txt")
        #expect(r.warnings.contains { $0.contains("no headings") })
        #expect(r.items.contains { $0.role == .commitment && $0.text.contains("专栏") })
        #expect(r.items.contains { $0.role == .result && $0.text.contains("860条") })
        #expect(r.items.contains { $0.role == .problem && $0.text.contains("不及时") })
    }

    @Test func notApplicableAndBlankCells_stayApartFromZero() throws {
        let r = try extract("table3-na-cells.txt")
        #expect(r.metadata.template.value == .sixPart2019)
        let t3 = try #require(r.tables.first { $0.id == "table3" })
        #expect(t3.cell("new", 2)?.kind == .notApplicable)
        #expect(t3.cell("new", 4)?.kind == .number && t3.cell("new", 4)?.value == 0)
        #expect(t3.cell("carryover", 4)?.kind == .blank)
        let identity = r.checks.first { $0.name == "table3.identity.科研机构" }
        #expect(identity?.status == .notAssessable)
        #expect(r.checks.first { $0.name == "table3.identity.自然人" }?.status == .pass)
        #expect(r.checks.first { $0.name == "prose.table3.new" }?.status == .pass)
        let t2 = try #require(r.tables.first { $0.id == "table2" })
        #expect(t2.rows.map(\.id) == ["regulations", "normative"])
    }

    /// Table 2 as a scrape renders its grid, a cell a line or a row a line, with empty columns and
    /// border lines as bars: each row keeps its figures and no trailing blanks.
    @Test(arguments: ["\n", " "])
    func table2WithBarsForBorders(cellBreak: String) throws {
        let cells: [[String]] = [["第二十条第(一)项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                                 ["规章", "0", "0", "0"], ["行政规范性文件", "2", "1", "5"], ["第二十条第(五)项", "", ""],
                                 ["信息内容", "本年处理决定数量", ""], ["行政许可", "7", ""], ["第二十条第(六)项", "", ""],
                                 ["行政处罚", "3", ""], ["行政强制", "0", ""]]
        let grid = cells.map { $0.map { $0.isEmpty ? "|" : $0 + " |" }.joined(separator: cellBreak) }.joined(separator: "\n")
        let r = try extract(text: "青禾县统计局2021年政府信息公开工作年度报告\n一、总体情况\n2021年主动公开信息73条。\n二、主动公开政府信息情况\n\(grid)\n三、收到和处理政府信息公开申请情况\n")
        let t2 = try #require(r.tables.first { $0.id == "table2" })
        #expect(t2.rows.map(\.id) == ["regulations", "normative", "licensing", "punishment", "enforcement"])
        #expect(t2.rows.map { $0.cells.map(\.text) } == [["0", "0", "0"], ["2", "1", "5"], ["7"], ["3"], ["0"]])
    }

    @Test func manifest_overridesTheText() throws {
        let entry = ManifestEntry(path: "x", unit: "清河县人民政府办公室", region: "清河县", year: 2016, genre: "ogi-annual-report")
        let r = try Self.extractor.extract(path: Paths.seed.path, manifest: entry)
        #expect(r.metadata.unit.value == "清河县人民政府办公室")
        #expect(r.metadata.unit.source == "manifest")
        #expect(r.metadata.reviewYear.value == 2016)
    }

    @Test func csvManifest_isLookedUpByPath_rowsParsedWhenAsked() throws {
        let folder = Paths.temporaryFolder()
        let csv = "path,unit,region,year,genre,title\n"
            + "a/2017.txt,清河县人民政府,清河县,2017,ogi-annual-report,\"清河县2017年, 报告\"\n"
            + "./b/2018.txt,\"白鹭县\"\"示例\"\"\",白鹭县,2018,,\"两行\n标题\"\r\n"
            + "a/2017.txt,重复,,2019,,\n"
            + ",没有路径,,2020,,\n"
            + "/abs/c.txt,绝对,,2021,,"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("m.csv"))
        let m = try Manifest.load(path: folder.appendingPathComponent("m.csv").path)
        let a = m.entry(for: folder.appendingPathComponent("a/2017.txt").path)
        #expect(a?.unit == "清河县人民政府" && a?.year == 2017 && a?.title == "清河县2017年, 报告")  // the first row of a path wins
        let b = m.entry(for: folder.path + "/b/../b/2018.txt")
        #expect(b?.unit == "白鹭县\"示例\"" && b?.genre == nil && b?.title == "两行\n标题")
        #expect(m.entry(for: "/abs/c.txt")?.year == 2021)
        #expect(m.entry(for: folder.appendingPathComponent("d.txt").path) == nil)
        #expect(throws: NianbaoError.self) {
            try Data("file,unit\nx,y\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
            _ = try Manifest.load(path: folder.appendingPathComponent("bad.csv").path)
        }
    }

    @Test func docx_guards() throws {
        #expect(throws: NianbaoError.self) { try DocxText.extract(Array("PK\u{3}\u{4}not really a zip".utf8)) }
        #expect { try DocxText.paragraphs(fromXML: "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document>&a;</w:document>") }
            throws: { ($0 as? NianbaoError)?.code == .malformedDocument }
        let text = try DocxText.paragraphs(fromXML: "<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space=\"preserve\">3 &amp; 4</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>")
        #expect(text.contains("一、总体情况\n"))
        #expect(text.contains("规章\n\t3 & 4\n\t\n"))
    }

    /// A department's short pre-2019 report: 信息公开 without 政府 in its title, and section 五 one
    /// paragraph that admits problems and then promises (将进一步改进…).
    @Test func aDepartmentsShortReport_isAnOGIReport_withProblemThenPromise() throws {
        let text = """
        白鹭县文体局2013年度信息公开工作年度报告
        （虚构的白鹭县，为测试而写。）
        一、主动公开政府信息的情况
        2013年度主动公开信息12条。
        五、信息公开工作存在的主要问题及改进情况
        信息公开工作主要存在公开不及时、缺乏专人管理等问题。我们在今年的工作中，将进一步改进，做到信息公开及时、准确，加强工作人员的业务培训。
        """
        let r = try extract(text: text)
        #expect(r.metadata.genre.value == .ogiAnnualReport)
        #expect(r.metadata.reviewYear.value == 2013 && r.metadata.planYear.value == 2014)
        #expect(r.items.filter { $0.role != .result }.map(\.role) == [.problem, .commitment])
        #expect(r.items.last?.text.hasPrefix("我们在今年的工作中") == true)
    }

    /// A page that lost the numerals of its (一)/(二) markers keeps their brackets: () still opens
    /// a part (problems, then measures). 不存在 admits nothing; the page's enquiry box after the
    /// report is no item.
    @Test func bracketsWithoutNumerals_stillOpenParts() throws {
        let text = """
        白鹭县卫计委2016年度政府信息公开工作年度报告
        （虚构的白鹭县，为测试而写。）
        一、主动公开政府信息情况
        2016年度共发布主动公开信息306条。
        二、政府信息公开收费及减免情况
        2016年度,没有单位或个人提出申请,所以也不存在向申请人收取费用。
        三、政府信息公开工作存在的主要问题及改进情况
        ()存在的主要问题。一是信息发布不够及时。二是公开程序有待进一步规范。
        ()改进措施。一是专人专办,保障信息公开效率。二是加强经办人员培训。
        文件下载
        政策咨询
        如果您对该政策文件有疑问,可以拨打标题上方的电话咨询相关部门。
        """
        let r = try extract(text: text)
        #expect(r.metadata.unit.value == "白鹭县卫计委" && r.metadata.region.value == "白鹭县")
        // The statistics part's prose account is a result by its form (共发布…306条).
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .commitment, .commitment])
        #expect(r.items.first?.text == "2016年度共发布主动公开信息306条。")
        #expect(r.items.map(\.text).allSatisfy { !$0.contains("收取费用") && !$0.contains("疑问") })
    }

    /// A problem that turns to its fix inside one paragraph (上述问题，我们将… / 针对这些问题，我们将…),
    /// under a problems heading or in a numbered point, gives the fix as a commitment of its own;
    /// 还需进一步规范 admits a problem; 我局 names no unit.
    @Test func aProblemTurningToItsFix_withinAParagraph_isSplit() throws {
        let head = "2016年政府信息公开工作年度报告\n我局根据《条例》要求,现将2016年度信息公开工作情况总结如下:\n"
            + "一、基本情况\n2016年,我局主动公开信息568条。\n二、存在的主要问题及改进情况\n"
        let paragraph = try extract(text: head + "(一)存在问题:\n内容更新上做得还不够及时等。上述问题,我们将采取有力措施,在今后的工作中切实加以改进。\n")
        #expect(paragraph.items.map(\.role) == [.result, .problem, .commitment])
        #expect(paragraph.items.last?.text.hasPrefix("上述问题") == true)
        #expect(paragraph.metadata.unit.value != "我局")
        let points = try extract(text: head + "1.信息发布不够及时。针对这些问题,我们将落实专人更新。\n2.公开内容还需进一步规范。\n")
        #expect(points.items.map(\.role) == [.result, .problem, .commitment, .problem])
        #expect(points.items[2].text.hasPrefix("针对这些问题"))
    }

    /// A county work report whose two parts are titled without markers (2022年工作回顾 /
    /// 2023年工作安排): they are its parts, with their roles and years; the difficulties close on
    /// the resolve to meet them, which commits while the review goes on; 分别 lists a target each.
    @Test func unmarkedPartTitles_openTheReviewAndThePlans() throws {
        let text = """
        政府工作报告
        ——在青禾县第十八届人民代表大会第二次会议上（虚构的青禾县，为测试而写）
        2022年工作回顾
        2022年,全县经济社会发展取得新进展,预计完成地区生产总值164亿元,增长4.5%。
        我们也清醒地看到,发展中还存在不少困难和问题:经济总量偏小,产业结构不优。我们将采取有力措施,认真加以解决。
        营商环境持续优化。政务服务事项网上可办率达100%。
        2023年工作安排
        全县经济社会发展的主要预期目标是:地区生产总值增长6.5%左右;城镇、农村居民人均可支配收入分别增长6%、7.5%。
        (一)聚焦产业提质
        新建高标准农田1.2万亩。
        """
        let r = try extract(text: text)
        #expect(r.sections.map(\.title) == ["2022年工作回顾", "2023年工作安排"])
        #expect(r.sections.map(\.role) == [.review, .plans])
        #expect(r.metadata.reviewYear.value == 2022 && r.metadata.planYear.value == 2023)
        #expect(r.items.map(\.role) == [.result, .problem, .commitment, .result, .commitment, .commitment])
        #expect(r.items[2].text == "我们将采取有力措施,认真加以解决。")
        #expect(r.targets.map(\.indicator) == ["地区生产总值增长", "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"])
        #expect(r.targets.map(\.value) == [6.5, 6, 7.5])
    }

    /// A work report page without its title: the speech's opening formula says what it is, and no
    /// line of it is taken for a title; a part title that lost its 年 (2015工作回顾) is one still;
    /// the difficulties close on 对此，我们一定会…加以解决, a commitment.
    @Test func aWorkReportWithoutItsTitle_isKnownByItsOpening() throws {
        let text = """
        ——2月18日在青禾市第十五届人民代表大会第四次会议上（虚构的青禾市，为测试而写）
        青禾市市长 张三
        各位代表:
        现在,我代表市人民政府向大会作工作报告,请予审议。
        2015工作回顾
        全市实现生产总值1776.83亿元,增长13.4%。
        我们也清醒地认识到工作中存在的问题,经济增长的质量和效益有待提高。对此,我们一定会高度重视,下大力气加以解决。
        """
        let r = try extract(text: text)
        #expect(r.metadata.genre.value == .workReport && r.metadata.title.value == nil)
        #expect(r.metadata.reviewYear.value == 2015 && r.metadata.planYear.value == 2016)
        #expect(r.sections.map(\.title) == ["2015工作回顾"] && r.sections.first?.role == .review)
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
    }

    /// A page that sets its site's name again and again above a title broken over two lines.
    @Test func aTitleBelowItsSitesHeader_isTheTitleAlone() throws {
        let text = "  青禾县人民政府\n      青禾县人民政府\n    青禾县人民政府2021年度\n信息公开年度报告\n(2022年1月)\n"
            + "一、总体情况\n2021年,青禾县主动公开政府信息35条（虚构的青禾县，为测试而写）。\n"
        let r = try extract(text: text)
        #expect(r.metadata.title.value == "青禾县人民政府2021年度信息公开年度报告")
        #expect(r.metadata.unit.value == "青禾县人民政府" && r.metadata.reviewYear.value == 2021)
    }

    /// A township's report whose title names no unit: the place set above it is the unit, not the
    /// State Council whose decree the opening sentence cites (国务院令第711号).
    @Test func aPlaceAboveAnUnnamedTitle_isTheUnit_notTheDecreeCited() throws {
        let text = """
        青禾市白鹭乡
        2021年政府信息公开工作年度报告
        依据《中华人民共和国政府信息公开条例》(国务院令第711号)编制此报告（虚构的白鹭乡，为测试而写）。
        一、总体情况
        2021年,白鹭乡主动公开政府信息35条。
        """
        let r = try extract(text: text)
        #expect(r.metadata.unit.value == "青禾市白鹭乡人民政府")
        #expect(r.metadata.region.value == "白鹭乡" && r.metadata.city.value == "青禾市")
    }

    /// A hacked site put gambling phrases in place of the county's name, inside real sentences:
    /// the sentence is the report's and is quoted as it is, with a warning; a line made of spam
    /// is dropped. A unit named without its place (县水务局) has no region.
    @Test func spamInsideAReportLine_keepsTheLine_aSpamLineGoes() throws {
        let text = """
        县水务局2017年政府信息公开工作年度报告
        一、概述
        2017年,澳门金沙城中心_欧洲杯足球网-【投注官网平台】水务局积极开展信息公开工作,全年共公开信息253条。
        澳门新葡京 百家乐 真人娱乐 开户送彩金
        二、存在的主要问题及改进措施
        信息公开内容还不够丰富。2018年,我局将及时更新公开内容。
        """
        let r = try extract(text: text)
        #expect(r.items.first?.role == .result && r.items.first?.text.contains("全年共公开信息253条") == true)
        #expect(!r.items.contains { $0.text.contains("百家乐") })
        #expect(r.warnings.contains { $0.hasPrefix("1 report line carries gambling spam") })
        #expect(r.metadata.unit.value == "县水务局" && r.metadata.region.value == nil)
    }

    /// The sentences that speak of the report itself (its basis and publication, its parts, the
    /// period its figures cover, whom to ask) are no result, even inside 一、总体情况; the account
    /// after them in the same paragraph is.
    @Test func sentencesAboutTheReportItself_areNoItems() throws {
        let text = """
        一、总体情况
        根据《中华人民共和国政府信息公开条例》要求，特向社会公布2020年白鹭县农业农村局政府信息公开工作年度报告（虚构的白鹭县，为测试而写）。本报告由总体情况、主动公开政府信息情况、存在的主要问题及改进情况等六部分组成。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。如对本报告有任何疑问，请与白鹭县农业农村局办公室联系（地址：白鹭县湖滨路1号；邮编：000000；电话：0000-1234567）。
        本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。2020年，我局主动公开政府信息320条，全部按期更新。
        五、存在的主要问题及改进情况
        我局信息公开的时效性仍有待提高。下一步，我局将加强业务培训。
        """
        let r = try extract(text: text)
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
        #expect(r.items.first?.text == "2020年，我局主动公开政府信息320条，全部按期更新。")
        #expect(r.metadata.unit.value == "白鹭县农业农村局")
        // The report named first, its parts after a comma: 本年度报告根据…编制，全文包括….
        let named = try extract(text: "2022年白鹭县政府信息公开工作年度报告\n"
            + "本年度报告根据《条例》的要求编制,全文包括总体情况、政府信息公开工作存在的主要问题及改进情况,以及其他需要报告的事项。\n"
            + "一、总体情况\n2022年,白鹭县主动公开政府信息320条（虚构的白鹭县，为测试而写）。\n")
        #expect(named.items.map(\.role) == [.result])
    }

    /// Section 五 written problem by problem, each with its fix (一是…有待增强。下一步将…。二是…): the
    /// parts alternate problem and commitment, whatever verb the resolve uses (我们将丰富…).
    @Test func problemsEachWithTheirFix_alternate() throws {
        let r = try extract(section5: "一是政务公开意识有待增强。下一步将加强业务培训，提高工作人员公开意识。"
            + "二是部分栏目更新不及时。下一步将建立更新台账，定期检查通报。三是政策解读质量不高。我们将丰富解读形式，提高解读质量。")
        #expect(r.items.map(\.role) == [.result, .problem, .commitment, .problem, .commitment, .problem, .commitment])
        #expect(r.items.last?.text == "我们将丰富解读形式，提高解读质量。")
    }

    /// Section 五 as one paragraph whose plan names the problems it answers (2021年，我县将以问题为导向…):
    /// the plan is a commitment; a problem word before the resolve (…还存在不足，将…) keeps a problem.
    @Test func aPlanThatNamesProblems_isACommitment() throws {
        let r = try extract(section5: "2020年，我县政府信息公开工作虽然取得了一定成效，但与群众期盼相比还有差距：政策解读的形式不够丰富。"
            + "2021年，我县将以问题为导向，加大政策解读力度，不断提升政务公开水平。")
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
        #expect(r.items.last?.text.hasPrefix("2021年，我县将以问题为导向") == true)
    }
}

/// A report converted to Markdown (a PDF run through a converter): `#` before the title, pipe
/// rows for the tables, and part 四 under its longer title, 因…被申请行政复议、提起行政诉讼情况, whose
/// 申请 had sent it to the applications table's reader (fictional text; 白鹭县 is invented).
@Suite struct MarkdownCopyTests: ReadsInlineReports {
    @Test func aMarkdownTitle_andPartFoursLongerTitle() throws {
        let r = try extract(text: """
            # 白鹭县2024年政府信息公开工作年度报告（虚构）
            一、总体情况
            2024年，白鹭县全年主动公开政府信息5230条。
            三、收到和处理政府信息公开申请情况
            | 一、本年新收政府信息公开申请数量 | 30 | 2 | 0 | 0 | 0 | 1 | 33 |
            四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
            | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
            五、存在的主要问题和改进情况
            一是政策解读形式较为单一。
            """)
        #expect(r.metadata.title.value == "白鹭县2024年政府信息公开工作年度报告(虚构)")
        #expect(r.metadata.unit.value == "白鹭县人民政府")
        let table4 = try #require(r.tables.first { $0.id == "table4" })
        #expect(table4.rows.first?.cells.map(\.text) == ["1", "0", "0", "0", "1"])
    }
}

/// A township's 2020 report as its portal's table export gives it (fictional text; 白鹭镇 is
/// invented): the first version of the format, the grid's empty cells left after each row's
/// figures, a header split over cells (本年新 | 本年新 | 对外公开总数量), and the parts listed in a
/// sentence of their own after the one on the report's rules.
@Suite struct TownshipTableExportTests: ReadsInlineReports {
    @Test func trailingEmptyGridCells_areNoColumn_andThePartsSentenceIsFurniture() throws {
        var text = """
            白鹭镇2020年政府信息公开工作年度报告（虚构）
            一、工作基本情况
            本报告是根据《中华人民共和国政府信息公开条例》要求，由白鹭镇人民政府党政办公室编制。内容包括总体情况、主动公开政府信息情况、存在主要问题和改进情况等部分组成。
            2020年，我镇主动公开政府信息81条。
            二、主动公开政府信息情况
            信息内容 | 本年新 | 本年新 | 对外公开总数量 | |
            规章 | 0 | 0 | 0 | |
            规范性文件 | 2 | 2 | 9 | |
            三、收到和处理政府信息公开申请情况

            """
        let rows = [("一、本年新收政府信息公开申请数量", 3), ("二、上年结转政府信息公开申请数量", 1), ("(一)予以公开", 2),
                    ("(七)总计", 3), ("四、结转下年度继续办理", 1)]
        for (label, n) in rows { text += label + " | \(n) | 0 | 0 | 0 | 0 | 0 | \(n) | ||\n" }
        let r = try extract(text: text)
        #expect(r.items.map(\.text) == ["2020年，我镇主动公开政府信息81条。"])
        let table2 = try #require(r.tables.first { $0.id == "table2" })
        #expect(table2.columns == ["本年新制作数量", "本年新公开数量", "对外公开总数量"])
        #expect(table2.rows.map { $0.cells.map(\.text) } == [["0", "0", "0"], ["2", "2", "9"]])
        let table3 = try #require(r.tables.first { $0.id == "table3" })
        #expect(table3.columns.count == 7 && table3.columns.last == "总计")
        #expect(table3.rows.first?.cells.map(\.text) == ["3", "0", "0", "0", "0", "0", "3"])
        #expect(r.checks.contains { $0.name == "table3.identity.总计" && $0.status == .pass })
    }
}
