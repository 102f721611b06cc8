import Foundation
import Testing
@testable import ReportStructure
@testable import ReportText

/// Shapes of free-form OGI reports from before the 2019 template, met on real county and
/// department pages, each on a fictional text written for it (青禾县 and 白鹭县 are invented).
@Suite struct OlderReportTests: ReadsInlineReports {
    /// Parts titled by what was done (一、健全机构，强化领导) come before the problems: they are the
    /// year's results, though no cue names them. Before, their paragraphs were no items at all.
    @Test func partsTitledByTheirWork_beforeTheProblems_areResults() throws {
        let r = try extract(text: """
            青禾县交通运输局2016年政府信息公开工作年度报告（虚构）
            一、健全机构，强化领导
            我局调整了政府信息公开工作领导小组，由局长任组长，办公室配备专职人员2名。
            二、突出重点，深化公开
            （一）公开重点领域信息。全年主动公开政府信息136条，其中公路建设项目信息42条。
            （二）规范公开流程。建立了信息发布审核制度。
            三、存在的问题
            信息更新不够及时。
            四、下一步工作打算
            加强业务培训，每季度组织一次公开工作培训。
            """)
        #expect(r.sections.map(\.role) == [.review, .review, .problems, .plans])
        #expect(r.sections[0].roleSource == "inferred")
        #expect(r.items.map(\.role) == [.result, .result, .result, .problem, .commitment])
        #expect(r.items[0].text == "我局调整了政府信息公开工作领导小组，由局长任组长，办公室配备专职人员2名。")
        // A page cut short before its problems says too little of its shape: its lone part keeps
        // no role, and a sentence that commits is still read as a commitment by its form.
        let cut = try extract(text: """
            白鹭乡2010年政府信息公开报告（虚构）
            六、年度政府信息公开工作
            截至2010年12月31日，全乡累计主动公开政府信息65条。
            2011年，我们将进一步提高对推进政务公开工作重要性的认识，明确政务公开的具体要求。
            """)
        #expect(cut.sections.map(\.role) == [nil])
        #expect(cut.items.map(\.role) == [.result, .commitment])
    }

    /// A page without its title names who wrote the report in its opening: a department
    /// (本报告由白鹭县民政局根据…规定编制), or a government's office, which writes the government's.
    @Test(arguments: [
        ("本报告由白鹭县民政局根据《中华人民共和国政府信息公开条例》规定编制，内容包括概述等六个方面。", "白鹭县民政局"),
        ("本报告是根据《中华人民共和国政府信息公开条例》要求，由白鹭县人民政府办公室编制。", "白鹭县人民政府"),
        ("本报告由白鹭市人民政府信息公开工作领导小组办公室根据《条例》要求，汇总各县（市、区）情况编制而成。", "白鹭市人民政府"),
        ("编注：本年报根据《中华人民共和国政府信息公开条例》（以下简称《条例》），由白鹭县政务公开领导小组办公室编制。", "白鹭县人民政府"),
        ("本年度报告是根据《中华人民共和国政府信息公开条例》要求，由白鹭镇编制的2015年政府信息公开年度报告。", "白鹭镇人民政府"),
    ])
    func anOpeningNamingWhoWroteIt_namesTheUnit(opening: String, unit: String) throws {
        let r = try extract(text: """
            \(opening)本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止（虚构）。
            一、概述
            2015年，我们在县政府信息公开领导小组的指导下，主动公开政府信息130条。
            """)
        #expect(r.metadata.unit.value == unit)
        #expect(r.metadata.reviewYear.value == 2015)
    }

    /// A preamble's numbered notes on the report (1、报告依据：… 3、统计数据时间段：…) are neither
    /// the title nor parts of the report, though a role cue (统计数据) is in one of them.
    @Test func numberedNotesOnTheReport_areNoPartsAndNoTitle() throws {
        let r = try extract(text: """
            引 言
            为了充分保障公民依法获取政府信息，现将我局2017年政府信息公开工作年度报告如下（虚构）：
            1、报告依据：《中华人民共和国政府信息公开条例》。
            2、报告主要内容：白鹭县水务局2017年政府信息公开工作情况。
            3、统计数据时间段：2017年1月1日-2017年12月31日。
            4、报告公布方式：政务信息公开栏。
            一、概述
            2017年，我局指定专人负责信息公开工作，全年共公开信息253条。
            """)
        #expect(r.sections.map(\.title) == ["概述"])
        #expect(r.metadata.title.value == nil)
        #expect(r.metadata.reviewYear.value == 2017)
        #expect(r.items.map(\.role) == [.result])
    }

    /// A hacked page's line of betting words above a title broken at its year is no part of the
    /// title (it had read hth网页版登录入口官网发布2011年…).
    @Test func aLineOfBettingWordsAboveTheTitle_isNotTheTitles() throws {
        let r = try extract(text: """
            hth网页版登录入口官网发布
            2011
            年政府信息公开
            年度报告
            依据《中华人民共和国政府信息公开条例》有关规定，白鹭县政府办公室编制本年度报告（虚构）。
            一、基本情况概述
            2011年，我县建立健全了政府信息公开工作制度，全年主动公开信息420条。
            """)
        #expect(r.metadata.title.value == "2011年政府信息公开年度报告")
        #expect(r.metadata.reviewYear.value == 2011)
    }

    /// A task word names a plan only where it ends the title (2026年重点工作, …工作安排和主要目标):
    /// a summary's 重点工作扎实推进 tells what was done.
    @Test func aTitleGoingOnPastATaskWord_isNoPlan() throws {
        let r = try extract(text: """
            2025年白鹭镇政务公开工作总结（虚构）
            一、重点工作扎实推进，公开质效全面提升
            全年完成3轮权责清单更新，公开行政执法结果126条。
            二、存在的不足
            部分村级公示栏更新不及时。
            三、2026年重点工作
            推出图解、短视频等解读产品不少于10期。
            """)
        #expect(r.sections.map(\.role) == [.review, .problems, .plans])
        #expect(r.items.map(\.role) == [.result, .problem, .commitment])
        let tagger = RoleTagger(segmenter: try WordSegmenter(lexicon: builtInLexicon))
        #expect(tagger.role(ofTitle: "2019年工作安排和主要预期目标") == .plans)
        #expect(tagger.role(ofTitle: "圆满完成工作任务的情况") == nil)
    }

    /// A page that links 《条例》 sets it on a line of its own after a word a sentence cannot stop
    /// on (2009年是 / 《条例》正式实施的第二年): the sentence runs on; it had been a result 2009年是.
    @Test func aLinkedBookTitleOnItsOwnLine_continuesTheSentence() throws {
        let r = try extract(text: """
            白鹭市2009年度政府信息公开工作年度报告（虚构）
            一、本年度政府信息公开工作的基本情况
            2009年是
            《条例》正式实施的第二年，我市主动公开政府信息1200条。
            二、存在的主要问题
            部分单位对公开工作重视不够。
            """)
        #expect(r.items.map(\.role) == [.result, .problem])
        #expect(r.items[0].text == "2009年是\n《条例》正式实施的第二年，我市主动公开政府信息1200条。")
    }

    /// A part's title set on its own line without a marker (政府信息主动公开情况) is no result; a
    /// short line that says something (全年未出现…收费及减免情况) still is.
    @Test func anUnmarkedTitleLine_isNoItem() throws {
        let r = try extract(text: """
            2012年白鹭县人民政府信息公开年度报告（虚构）
            一、政府信息公开工作成效显著
            2012年，我县坚持以公开为原则、不公开为例外，政府信息公开工作取得新成效。
            政府信息主动公开情况
            2012年，我县政府信息公开网站发布主动公开信息6657条。
            全年未出现政府信息公开的收费及减免情况
            二、存在的主要问题
            公开内容不够全面。
            """)
        #expect(r.items.map(\.role) == [.result, .result, .result, .problem])
        #expect(!r.items.contains { $0.text.hasPrefix("政府信息主动公开情况") })
    }
    /// A problems paragraph that closes on the lead-in to the measures (…信息公开数量不够多等。2019年，
    /// 我单位将…重点做好以下几个方面工作：): its problems are a problem, and the points after it are
    /// measures. The whole paragraph had been passed over as a lead-in, and the measures read as
    /// problems.
    @Test func aProblemsParagraphClosingOnALeadIn_keepsItsProblems() throws {
        let r = try extract(text: """
            白鹭县工业园管理委员会2018年政府信息公开工作年度报告（虚构）
            一、工作概述
            2018年，我单位通过区政府门户网站主动公开政府信息8条。
            六、存在问题及工作措施
            2018年，我单位信息公开工作取得了新的进展，但信息公开渠道形式不够多样，信息公开数量不够多等。2019年，我单位将继续加大信息公开推进工作，重点做好以下几个方面工作：
            一是完善政府信息公开工作机制。积极探索创新政府信息公开形式。
            二是加强信息公开队伍建设。定期组织业务培训。
            """)
        #expect(r.items.map(\.role) == [.result, .problem, .commitment, .commitment])
        #expect(r.items[1].text == "2018年，我单位信息公开工作取得了新的进展，但信息公开渠道形式不够多样，信息公开数量不够多等。")
        #expect(r.metadata.planYear.value == 2019)
    }
}

/// Reports as aggregator sites and portal pages give them (fictional texts; 白鹭县 is invented).
@Suite struct AggregatorCopyTests: ReadsInlineReports {
    /// The site labels the title with its province, and a report delivered late in the year
    /// reviews last year and this year so far under one unnumbered part title.
    @Test func aProvinceLabelBeforeTheTitle_andALateReviewsPartTitle() throws {
        let r = try extract(text: """
            (湖南省)2020年白鹭侗族自治县政府工作报告(全文)
            各位代表:
            现在,我代表县人民政府向大会报告工作,请予审议。
            2019年及今年以来工作回顾
            2019年,全县地区生产总值增长8.4%,较好地完成了年度目标任务。
            新建成标准厂房10万平方米。
            2020年工作安排
            新建幼儿园3所,实施农村公路提质改造100公里。
            """)
        #expect(r.metadata.unit.value == "白鹭侗族自治县人民政府")
        #expect(r.metadata.region.value == "白鹭侗族自治县")
        #expect(r.sections.map(\.title) == ["2019年及今年以来工作回顾", "2020年工作安排"])
        #expect(r.sections.map(\.role) == [.review, .plans])
        #expect(r.items.map(\.role) == [.result, .result, .commitment])
    }

    /// A review paragraph that closes on the lead-in to a list (…年度任务全面完成。一些重点项目实现
    /// 突破：) says what it says before it; the lead-in itself is no item.
    @Test func aResultsParagraphClosingOnALeadIn_keepsWhatItSays() throws {
        let r = try extract(text: """
            2021年白鹭县政府工作报告（虚构）
            一、2020年工作回顾
            全县地区生产总值增长4.1%，固定资产投资增长7.1%，节能减排年度任务全面完成。一些重点项目实现突破：
            白鹭大桥建成通车。
            二、2021年工作安排
            新建幼儿园3所。
            """)
        #expect(r.items.map(\.text) == ["全县地区生产总值增长4.1%，固定资产投资增长7.1%，节能减排年度任务全面完成。", "白鹭大桥建成通车。", "新建幼儿园3所。"])
        #expect(r.items.map(\.role) == [.result, .result, .commitment])
    }

    /// A page's metadata block spaces its keys apart (标   题) and names the publisher without its
    /// place (县政府办公室); the report's opening names the office in full.
    @Test func aSpacedMetadataKey_andAPlacelessPublisherNamedInFullInTheOpening() throws {
        let r = try extract(text: """
            索引号 bgs01/2023-00011 发文字号
            成文日期 2023-01-18 发布日期 2023-01-18
            标   题 县政府办2022年度政府信息公开工作年度报告
            发布机构 县政府办公室 公文时效 有效
            县政府办2022年度政府信息公开工作年度报告
            一、总体情况
            2022年，白鹭县人民政府办公室严格贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息3030条（虚构）。
            """)
        #expect(r.metadata.title.value == "县政府办2022年度政府信息公开工作年度报告")
        #expect(r.metadata.unit.value == "白鹭县人民政府办公室")
        #expect(r.metadata.region.value == "白鹭县")
    }
}
