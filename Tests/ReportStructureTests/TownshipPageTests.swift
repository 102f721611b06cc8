import Foundation
import Testing
@testable import ReportStructure
@testable import ReportText

/// Shapes of township and county pages met in real reports, each on a fictional text written for
/// it (青禾县 and its towns are invented).
@Suite struct TownshipPageTests: ReadsInlineReports {
    /// Sub-parts titled by one bare word, （一）问题 and （二）措施: each point under 问题 is a
    /// problem, though it says 需要进一步 as a promise would; the title is no item.
    @Test(arguments: ["(一) 问题", "（一）问题：", "(一)问题"])
    func aPartTitledProblem_givesProblems(heading: String) throws {
        let r = try extract(text: """
            青禾县白鹭镇2019年政府信息公开工作年度报告（虚构）
            一、总体情况
            2019年，我镇主动公开政府信息120条。
            五、存在问题和改进措施
            \(heading)
            1.公开内容需要进一步深化。主动公开的信息还不够全面。
            2.公开形式单一，更新不及时。
            （二）措施
            1.加强学习培训，提高业务能力。
            2.拓宽公开渠道，及时更新公开内容。
            """)
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .commitment, .commitment])
        #expect(r.items[1].text == "1.公开内容需要进一步深化。主动公开的信息还不够全面。")
        // Inside a longer title the word is no cue: an achievement named by a problem solved.
        #expect(RoleTagger(segmenter: try WordSegmenter(lexicon: builtInLexicon)).role(ofTitle: "着力解决群众关心的问题") == nil)
    }

    /// A problem and the measures in one paragraph, the measures numbered inline after a lead-in:
    /// the problem before the list is kept, and the lead-in makes the parts measures, whatever
    /// their markers (一是, 1., （1）).
    @Test(arguments: [("一是", "二是"), ("1.", "2."), ("（1）", "（2）")])
    func aProblemThenAnInlineListOfMeasures(first: String, second: String) throws {
        let r = try extract(text: """
            柳溪县水利局2021年政府信息公开工作年度报告（虚构）
            一、总体情况
            2021年，我局主动公开政府信息86条，其中水利项目信息1.2万字。
            五、存在的主要问题及改进情况
            信息更新不够及时。2022年，我局将重点做好以下工作：\(first)加大项目信息公开力度，全年公开不少于40条；\(second)建立信息发布审核台账。
            """)
        #expect(r.items.map(\.role) == [.result, .problem, .commitment, .commitment], "\(r.items.map(\.text))")
        #expect(r.items.map(\.text).dropFirst() == ["信息更新不够及时。", "\(first)加大项目信息公开力度，全年公开不少于40条；", "\(second)建立信息发布审核台账。"])
    }

    /// A preamble listing the parts as 报告内容包括…存在的问题及改进意见 speaks of the report: no problem.
    @Test func aPreambleListingTheContents_isNoItem() throws {
        let r = try extract(text: """
            根据《中华人民共和国政府信息公开条例》要求编制本报告。报告内容包括概述、政府信息主动公开情况、存在的问题及改进意见等。
            一、概述
            （一）加强组织领导。青禾县重点办（虚构）把信息公开列入重要议事日程。
            """)
        #expect(r.items.map(\.role) == [.result])
    }

    /// A page that lost its title (and names no report) is an OGI report by the template's parts.
    @Test func aPageWithoutItsTitle_isAnOGIReportByItsParts() throws {
        let r = try extract(text: "一、总体情况\n2021年，通过县政府门户网站主动公开信息6条（虚构）。\n二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0\n")
        #expect(r.metadata.genre.value == .ogiAnnualReport)
        #expect(r.metadata.reviewYear.value == 2021)
        let summary = try extract(text: "一、总体情况\n2021年，新建学校5所（虚构）。\n二、存在的主要问题\n资金不足。\n")
        #expect(summary.metadata.genre.value == .unknown)
    }

    /// An older report: its part on requests is a statistics part, and the site's column name
    /// below the report (政府信息公开年报) closes it rather than being a commitment.
    @Test func olderReport_requestsPart_andTheColumnNameBelow() throws {
        let r = try extract(text: """
            青禾县统计局2010年政府信息公开工作年度报告（虚构）
            一、总体情况
            2010年，我局及时更新完善信息公开指南和目录。
            三、依申请公开政府信息办理情况
            2010年，我局没有受理信息公开申请。
            五、存在的问题及改进措施
            工作中存在以下主要问题：公开内容不全面。改进措施：积极强化措施，保障群众了解统计工作。

            政府信息公开年报
            """)
        #expect(r.sections.map(\.role) == [.review, .statistics, .problems])
        #expect(r.items.last?.text == "改进措施：积极强化措施，保障群众了解统计工作。")
    }

    /// A long line that ends without its full stop, a blank line, then a paragraph opening on the
    /// next year: two paragraphs, the plan apart from the figures.
    @Test func aParagraphOpeningOnItsYear_afterABlankLine_standsApart() throws {
        let figures = "其中，网上公开信息20条，所占比例为30%，白鹭乡政务公开栏公开45条，所占比例为70%，村务公开栏、便民服务中心电子屏等其他渠道公开信息的比例另行统计，未计入上述数字"
        let r = try extract(text: "白鹭乡2010年政府信息公开报告（虚构）\n\n截至2010年底，全乡累计主动公开政府信息65条。\(figures)\n\n2011年，我们将进一步提高对推进政务公开工作重要性的认识。\n")
        #expect(r.items.map(\.role) == [.result, .result, .commitment])
        #expect(r.items.last?.text == "2011年，我们将进一步提高对推进政务公开工作重要性的认识。")
    }

    /// Streets (街道) publish too: a street's report is its office's, and the street is the region,
    /// whether the title, the opening or the note of who answers for it names it.
    @Test(arguments: [
        ("白鹭街道2022年政府信息公开工作年度报告（虚构）\n一、总体情况\n", "白鹭街道办事处", "白鹭街道"),
        ("现公布青禾区白鹭街道2022年政府信息公开工作年度报告（虚构）。\n一、总体情况\n", "青禾区白鹭街道办事处", "青禾区白鹭街道"),
        ("本年度报告根据《中华人民共和国政府信息公开条例》的有关规定编制，由总体情况等六部分组成。本报告所列统计数据期限自2022年1月1日起至12月31日止。受理机构为青禾市南关区白鹭街道办事处（虚构）。\n一、总体情况\n", "青禾市南关区白鹭街道办事处", "南关区白鹭街道"),
    ])
    func aStreetsReport(opening: String, unit: String, region: String) throws {
        let r = try extract(text: opening + "2022年，街道主动公开信息236条。\n")
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.region.value == region)
    }

    /// 关 and 于 are parts of names (于都县, 南关区); only the word 关于 is no part of a unit.
    @Test(arguments: [("于都县人民政府", "于都县"), ("长春市南关区教育局", "南关区")])
    func namesHolding关或于(unit: String, region: String) throws {
        let r = try extract(text: "\(unit)2020年政府信息公开工作年度报告（虚构）\n一、总体情况\n2020年，主动公开信息12条。\n")
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.region.value == region)
        let notice = try extract(text: "关于印发\(unit)2020年政府信息公开工作年度报告的通知（虚构）\n一、总体情况\n2020年，主动公开信息12条。\n")
        #expect(notice.metadata.unit.value == unit)
    }

    /// A government and its office named short in one year's title and in full in another's are
    /// one unit, so that their years pair; a department keeps its own name, also where the page
    /// spaces the title's words apart.
    @Test(arguments: [("清河县政府", "清河县人民政府"), ("清河县政府办公室", "清河县人民政府办公室"), ("白鹭镇政府", "白鹭镇人民政府"), ("清河县人民政府办公室", "清河县人民政府办公室"),
                      ("清河县教育局", "清河县教育局"), ("清河县 教育局 ", "清河县教育局"), ("清河县　政府办公室", "清河县人民政府办公室")])
    func aUnitNamedShort_isReadByItsFullName(written: String, full: String) throws {
        let r = try extract(text: "\(written)2020年政府信息公开工作年度报告（虚构）\n一、总体情况\n2020年，主动公开信息12条。\n")
        #expect(r.metadata.unit.value == full)
    }

    /// A site's breadcrumb that ends on the column's name is no title; measures announced after the
    /// problems they answer (结合工作中存在的问题和不足，我们将从以下三个方面改进) are commitments, and
    /// a review's 对进一步规范…发挥了积极作用 promises nothing.
    @Test func breadcrumb_measuresAnsweringProblems_andAPastContribution() throws {
        let r = try extract(text: """
            首页 > 青禾县人民政府门户网站 > 政务公开 > 政府信息公开年报
            白鹭镇2025年度政府信息公开工作年度报告（虚构）
            一、总体情况
            2025年，我镇主动公开政府信息120条。
            五、存在的主要问题及改进情况
            2025年我镇信息公开工作对进一步规范权力运行发挥了积极作用。但是，仍存在一些问题和不足。
            一是公开的时效性有待提高。二是解读形式单一。
            结合工作中存在的问题和不足，我们将从以下三个方面改进。一是进一步规范公开内容。二是丰富解读形式。三是组织业务培训。
            """)
        #expect(r.metadata.title.value == "白鹭镇2025年度政府信息公开工作年度报告(虚构)")
        #expect(r.metadata.unit.value == "白鹭镇人民政府")
        #expect(r.items.map(\.role) == [.result, .problem, .problem, .problem, .commitment, .commitment, .commitment])
    }

    /// A district's targets name both incomes by their first characters (城、乡居民…分别增长8%、9%).
    @Test func bothIncomesNamedByOneCharacterEach() throws {
        let r = try extract(text: "青禾区政府工作报告（虚构）\n一、2018年工作回顾\n全区地区生产总值增长9.3%。\n二、2019年工作安排\n主要预期目标：地区生产总值增长9%，城、乡居民人均可支配收入分别增长8%、9%，城镇登记失业率控制在4%以内。\n")
        #expect(r.targets.map(\.indicator) == ["地区生产总值增长", "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长", "城镇登记失业率"])
        #expect(r.targets.map(\.value) == [9, 8, 9, 4])
    }

    /// A five-year part's goals are no targets of the plan year: neither a yearly average nor a
    /// figure set for a year ahead (到2015年达到210亿元).
    @Test func aFiveYearPartsGoals_areNoTargetsOfTheYear() throws {
        let r = try extract(text: """
            青禾县人民政府工作报告（虚构）
            一、2010年工作回顾
            2010年，全县实现地区生产总值120亿元，增长13.5%。
            二、“十二五”时期的奋斗目标
            “十二五”时期，全县经济社会发展的主要目标是：地区生产总值年均增长12%以上，到2015年达到210亿元。
            三、2011年工作安排
            2011年主要预期目标是：地区生产总值增长13%，城镇居民人均可支配收入增长12%。
            """)
        #expect(r.sections.map(\.role) == [.review, .plans, .plans])
        #expect(r.targets.map(\.indicator) == ["地区生产总值增长", "城镇居民人均可支配收入增长"])
    }

    /// A PDF viewer's page label before the title is no part of it.
    @Test func aViewersPageLabel_isNoPartOfTheTitle() throws {
        let r = try extract(text: "Page 1 - 青禾县信访局2022年政府信息公开工作年度报告（虚构）\n一、总体情况\n2022年，我局主动公开信息20条。\n")
        #expect(r.metadata.title.value == "青禾县信访局2022年政府信息公开工作年度报告(虚构)")
        #expect(r.metadata.unit.value == "青禾县信访局")
    }

    /// A department's region is its place, not a place word inside its name (市场, 城乡, 城市,
    /// 景区); a district named 市中区 keeps its 市; 管委会, 苏木 and a street of a government
    /// named in full are read too.
    @Test(arguments: [
        ("青禾县市场监督管理局", "青禾县市场监督管理局", "青禾县"), ("青禾县住房和城乡建设局", "青禾县住房和城乡建设局", "青禾县"),
        ("青禾县城市管理局", "青禾县城市管理局", "青禾县"), ("青禾县旅游景区管理局", "青禾县旅游景区管理局", "青禾县"),
        ("青禾市市中区教育局", "青禾市市中区教育局", "市中区"), ("白鹭回族自治县教育局", "白鹭回族自治县教育局", "白鹭回族自治县"),
        ("青禾高新区管委会", "青禾高新区管委会", "青禾高新区"), ("白鹭旗青禾苏木", "白鹭旗青禾苏木人民政府", "白鹭旗青禾苏木"),
        ("青禾县人民政府白鹭街道办事处", "青禾县人民政府白鹭街道办事处", "青禾县白鹭街道"),
    ])
    func aDepartmentsRegion(name: String, unit: String, region: String) throws {
        let r = try extract(text: "\(name)2020年政府信息公开工作年度报告（虚构）\n一、总体情况\n2020年，主动公开信息12条。\n")
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.region.value == region)
    }

    /// A statistics period that spans years (自2003年至2008年止) is the year it ends in; a hacked
    /// page's web address in place of the county's name is no part of the unit.
    @Test func aPeriodOverYears_andAnAddressForAName() throws {
        let r = try extract(text: "白鹭县应急办公室2008年政府信息公开工作年度报告（虚构）\n本报告中所列数据的统计期限自2003 年至2008 年止。\n一、概述\n2008年，我办主动公开信息26条。\n")
        #expect(r.metadata.reviewYear.value == 2008 && r.warnings.isEmpty)
        let hacked = try extract(text: "example.com白鹭镇\n2008年政府信息公开工作年度报告（虚构）\n一、概述\n2008年，我镇主动公开信息31条。\n")
        #expect(hacked.metadata.unit.value == "白鹭镇人民政府")
        #expect(hacked.metadata.region.value == "白鹭镇")
        #expect(hacked.warnings.contains { $0.contains("example.com") })
    }

    /// A hacked page that put gambling words in place of the county's name: the unit is what is
    /// left (no place, so no region), with a warning.
    @Test func gamblingWordsForAName_areLeftOutOfTheUnit() throws {
        let r = try extract(text: "根据《条例》要求，现将澳门特区赌场,澳门博彩业网址交通运输局2022年政府信息公开工作年度报告（虚构）予以公布。\n一、总体情况\n2022年，我局主动公开政府信息45条。\n")
        #expect(r.metadata.unit.value == "交通运输局")
        #expect(r.metadata.region.value == nil)
        #expect(r.warnings.contains { $0.contains("gambling words stand in the unit's name") })
    }

    /// An opening that names the department without its place (现公布区政府国资局2022年…) gives
    /// way to the line above that names it with it.
    @Test func aDepartmentNamedWithItsPlaceAbove() throws {
        let r = try extract(text: "白鹭区国资局\n根据《条例》要求，现公布区政府国资局2022年政府信息公开工作年度报告（虚构）。\n一、总体情况\n2022年，主动公开政府信息4条。\n")
        #expect(r.metadata.unit.value == "白鹭区国资局")
        #expect(r.metadata.region.value == "白鹭区")
    }

    /// A table of contents on one line before the report is neither a heading nor an item; the
    /// older part 复议、诉讼情况 is a statistics part.
    @Test func aContentsLine_isNoPartOfTheReport() throws {
        let r = try extract(text: """
            青禾县2012年政府信息公开工作年度报告（虚构）
            一、概述,(一)注重重点推进,深化公开内容。,二、主动公开政府信息情况,三、复议、诉讼情况,四、主要问题和改进措施,
            一、概述
            (一)注重重点推进，深化公开内容。全年主动公开政府信息1200条。
            二、主动公开政府信息情况
            通过政府网站公开信息980条。
            三、复议、诉讼情况
            无。
            四、主要问题和改进措施
            公开内容不够全面。下一步，我县将进一步深化公开内容。
            """)
        #expect(r.sections.map(\.title) == ["概述", "主动公开政府信息情况", "复议、诉讼情况", "主要问题和改进措施"])
        #expect(r.sections.map(\.role) == [.review, .statistics, .statistics, .problems])
        #expect(r.items.map(\.role) == [.result, .result, .problem, .commitment])
    }

    /// A byline's bare 办公室 names nobody (the unit line below does); a note labelled 编制说明
    /// speaks of the report; a betting site's name on a hacked page is spam.
    @Test func aBylinesBareOffice_andANoteOnTheReport() throws {
        let r = try extract(text: """
            365体育官网
            2019年度政府信息公开年度报告
            发布时间:2020-01-19 10:56 来源:办公室
            白鹭市国资委
            编制说明：本年度报告根据国家、省、市政府信息公开相关法律、法规的规定编制，内容包括总体情况等六项内容（虚构）。
            一、总体情况
            2019年，我委主动公开政府信息52条。
            """)
        #expect(r.metadata.unit.value == "白鹭市国资委")
        #expect(r.items.map(\.role) == [.result])
    }

    /// A township names its report in its opening with an aside after 政府: 白鹭镇政府(机关)信息公开年度报告.
    @Test func aReportNamedWithAnAside_namesItsUnit() throws {
        let r = try extract(text: """
            根据《中华人民共和国政府信息公开条例》，特向社会公布2019年度白鹭镇政府(机关)信息公开年度报告（虚构）。
            一、总体情况
            2019年，我镇通过县政府网站公开信息25条。
            """)
        #expect(r.metadata.unit.value == "白鹭镇人民政府")
        #expect(r.metadata.reviewYear.value == 2019)
    }

    /// An opening that says how the report is told (主要从总体情况、…等六个方面汇报我镇2023年…工作)
    /// speaks of the report: no result.
    @Test func anOpeningNamingTheWaysItIsTold_isNoItem() throws {
        let r = try extract(text: """
            白鹭镇2023年政府信息公开工作年度报告（虚构）
            一、总体情况
            本报告是根据《中华人民共和国政府信息公开条例》要求，现结合我镇实际，主要从总体情况，主动公开政府信息情况，存在的主要问题及改进情况等六个方面汇报我镇2023年政府信息公开工作。
            2023年，我镇主动公开政府信息86条。
            """)
        #expect(r.items.map(\.text) == ["2023年，我镇主动公开政府信息86条。"])
    }

    /// A flip-book's page label names the file (2020年报_白鹭县审计局): the separator is no part of
    /// the unit's name (it had read 报_白鹭县审计局), and lines broken mid-word still give the
    /// problem and the measure.
    @Test func aFlipBooksFileName_namesTheUnitWithoutItsSeparator() throws {
        let r = try extract(text: """
            Page 9 - 2020年报_白鹭县审计局
            五、存在的主要问题及改进情况
            2020 年，在区政府及上级主管部门的大力指导支持下，我局
            政务公开工作取得了一些成绩，但仍存在着一些短板和不足，
            如政务公开内容、创新方式方面有待提升（虚构）。
            2021 年，我局将根据我区部署的政务公开工作具体要求，进
            一步提高认识，深入查找政务公开工作各个环节中的薄弱点，
            加大工作力度，提升公开水平。
            """)
        #expect(r.metadata.unit.value == "白鹭县审计局")
        #expect(r.metadata.reviewYear.value == 2020)
        #expect(r.items.map(\.role) == [.problem, .commitment])
    }

    /// A place whose name ends in a division word (金乡县, 新乡市, 广州市, 龙州县) is the region of
    /// its departments; they had been 金乡, 新乡 or none. 县市 is never one name.
    @Test(arguments: [("金乡县水务局", "金乡县"), ("新乡市民政局", "新乡市"), ("广州市教育局", "广州市"),
                      ("龙州县水利局", "龙州县"), ("青禾县市场监督管理局", "青禾县")])
    func aPlaceNamedWithADivisionWord_isTheRegion(unit: String, region: String) {
        #expect(MetadataReader.region(of: unit).region == region)
    }

    /// A PDF's table of contents, a part a line with dot leaders to page numbers, is neither
    /// headings nor items. Before, its entries were the outline, and the report's own 一、 after
    /// 六、 was dropped as a list inside a point: every part fell under 六、其他需要报告的事项.
    @Test func aContentsPageWithDotLeaders_isNoOutline() throws {
        let r = try extract(text: """
            白鹭县交通运输局2019年度政府信息公开工作年度报告（虚构）
            目录
            一、总体情况.............................................. 1
            (一) 围绕机制保障强化公开,全面加强政务公开能力建设 ..... 1
            一是健全工作机制 ...................................... 1
            二、主动公开政府信息情况 ................................ 3
            五、存在的主要问题及改进情况 ............................ 5
            六、其他需要报告的事项 ·································· 6
            一、总体情况
            2019年，我局成立了政务公开工作领导小组，修订审核制度3项。
            五、存在的主要问题及改进情况
            一是公开内容不够全面。2020年，我局将加强业务培训。
            六、其他需要报告的事项
            无。
            """)
        #expect(r.sections.map(\.title) == ["总体情况", "存在的主要问题及改进情况", "其他需要报告的事项"])
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
        // The parts' titles alone, one a line, then the report: the same.
        let titles = try extract(text: """
            白鹭县交通运输局2019年度政府信息公开工作年度报告（虚构）
            一、总体情况
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            五、存在的主要问题及改进情况
            一、总体情况
            2019年，我局成立了政务公开工作领导小组，修订审核制度3项。
            五、存在的主要问题及改进情况
            一是公开内容不够全面。2020年，我局将加强业务培训。
            """)
        #expect(titles.sections.map(\.title) == ["总体情况", "存在的主要问题及改进情况"])
        #expect(titles.items.map(\.role) == [.result, .problem, .commitment])
        // Parts without text (tables as images) after a part with text are parts.
        let images = try extract(text: """
            一、总体情况
            2019年，我局主动公开政府信息52条（虚构）。
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            四、政府信息公开行政复议、行政诉讼情况
            五、存在的主要问题及改进情况
            公开内容不够全面。
            """)
        #expect(images.sections.count == 5)
    }
}
