import Foundation
import Testing
import TestSupport
@testable import PromiseDiff
@testable import ReportStructure
@testable import ReportText

/// The matching rules that are not about one county: each on a sentence pair written for it.
@Suite struct MatchingRuleTests {
    /// One per test: a reader owns an ICU segmenter, which is not shared across threads.
    let reader = try! PassageReader(lexicon: try! Lexicon.builtIn())

    func passage(_ text: String) -> Passage {
        let item = Item(id: "i", role: .result, title: nil, text: text, span: Span(0, text.unicodeScalars.count),
                        sectionPath: [], origin: .paragraph, keywords: [], numbers: [])
        return reader.passage(item)
    }

    /// A problem admitted again says how it persists (仍然, 依然, 还需): those words name nothing,
    /// so the same problem matches itself (national 2007→2008: 农业基础薄弱 / 农业基础仍然薄弱).
    @Test func howAProblemPersists_isNoPartOfWhatItIs() {
        #expect(passage("乡镇工作人员力量仍然薄弱，队伍依然不稳定，还需加强").words == passage("乡镇工作人员力量薄弱，队伍不稳定").words)
    }

    /// A compound that synonyms.txt names whole (医药卫生体制改革, for 医改) still holds the words
    /// it is made of, so a promise that puts other words between them finds it (national
    /// 2013→2014: 深化医药卫生事业改革发展 / 深化医药卫生体制改革); its common parts (体制,
    /// 改革 on its own) are not added, as they would match anything.
    @Test func aNamedCompound_holdsTheNamesItIsMadeOf() {
        let words = passage("深化医药卫生体制改革。").words
        #expect(words.contains("医药卫生体制改革") && words.contains("医药卫生"), "\(words)")
        #expect(!words.contains("体制"))
        #expect(passage("推进医改").words == words.filter { $0 != "深化" })
        let similarity = Similarity(idf: IDF())
        let promise = passage("深化医药卫生事业改革发展。")
        #expect(similarity.score(promise, passage("深化医药卫生体制改革。")) > similarity.score(promise, passage("促进文化事业和文化产业健康发展。")))
    }

    /// Rare words that name nothing (之路, 他们, 很高的含金量) would be a promise's key terms, which
    /// the evidence must hold (national 2002→2003: 走可持续发展之路 / 可持续发展能力增强).
    @Test func aFigureOfSpeechOrAPronoun_isNoPartOfWhatIsPromised() {
        #expect(passage("走可持续发展之路").words == passage("可持续发展").words)
        let words = passage("居住证具有很高的含金量，要使他们享有基本公共服务").words
        #expect(!words.contains { ["具有", "很高", "他们"].contains($0) }, "\(words)")
    }

    @Test func wordsWrittenTogether_matchOnlyWhenWrittenTogether() {
        let similarity = Similarity(idf: IDF())
        let promise = passage("建立存款保险制度")
        let together = similarity.score(promise, passage("推出存款保险制度，取消存款利率浮动上限。"))
        let apart = similarity.score(promise, passage("存款利率浮动区间扩大，保险资金运用范围拓展。"))
        #expect(apart < together / 2, "\(apart) vs \(together)")
        // A verb and its object said the other way round (治理大气 → 大气污染治理) keep their credit:
        // the words count as fully as when the candidate writes them together.
        let verbObject = passage("治理大气")
        let reversed = similarity.score(verbObject, passage("大气污染治理"))
        let inOrder = similarity.score(verbObject, passage("治理大气污染"))
        let inOrderApart = similarity.score(verbObject, passage("治理工作和大气"))
        #expect(reversed > inOrderApart)
        #expect(inOrder > reversed)
    }

    @Test func smallMeasuresOfAnOGIReport_areCommitments_slogansAreNot() {
        let cues = DiffCues.shared
        for text in ["一是丰富政策解读形式，运用图片、视频等方式解读政策", "用好政务公开专栏", "督促乡镇及时更新信息", "办好特殊教育",
                     "合理调整社会最低工资标准", "关心帮助农村留守儿童", "新产生的贫困人口要及时纳入帮扶",
                     "二是行政处罚决定作出之日起7个工作日内公示", "按时答复依申请公开事项"] {
            #expect(PromiseJudge.isCommitment(passage(text), cues), "\(text)")
        }
        for text in ["今后五年是跨越“中等收入陷阱”的重要阶段", "经济增速是综合性指标", "综合分析国内外形势，我国发展面临的机遇和挑战并存",
                     "实践表明，中国的发展成就从来都是在攻坚克难中取得的", "今年经济社会发展任务十分繁重",
                     "我们要以中国特色社会主义文化的繁荣兴盛，凝聚起实现民族复兴的磅礴精神力量"] {
            #expect(!PromiseJudge.isCommitment(passage(text), cues), "\(text)")
        }
    }

    /// The short topic sentences that open a plan's paragraphs name one object, or a task by its
    /// object, or a figure to move: readers quote them as promises. A verb alone, a piece cut off
    /// inside a title, and a sentence announcing the tasks are not.
    @Test func topicSentencesAndFiguresToMove_areCommitments_announcementsAreNot() {
        let cues = DiffCues.shared
        for text in ["加强现代农业建设。", "扎实推进“一带一路”建设。", "扎实有效去产能。", "坚决打好蓝天保卫战。", "控制固定资产投资规模。",
                     "中央财政专项扶贫资金增长30%以上。", "今年二氧化硫、氮氧化物排放量要分别下降3%", "广义货币M2预期增长目标拟定为13%左右。"] {
            #expect(PromiseJudge.isCommitment(passage(text), cues), "\(text)")
        }
        for text in ["启动《", "实施新一轮《", "这也有利于引导各方面把主要精力放在深化改革、调整结构上。",
                     "中央提出今年经济增长预期目标为8%左右，是为了使预期目标符合实际情况，既考虑需要，也考虑可能。",
                     "促进区域协调发展，是我国现代化建设中的一个重大战略问题。"] {
            #expect(!PromiseJudge.isCommitment(passage(text), cues), "\(text)")
        }
        // Why a task matters, then the tasks: the paragraph still commits.
        #expect(PromiseJudge.isCommitment(passage("这是增加居民收入的重要途径。努力拓宽就业渠道，增加就业岗位。"), cues))
        for text in ["今年要着重做好以下几方面的工作。", "今年重点抓好三项工作。", "突出抓好三个方面。"] {
            #expect(PromiseJudge.announces(passage(text), cues), "\(text)")
        }
        #expect(!PromiseJudge.announces(passage("积极稳妥推进医药卫生体制改革，全面落实五项重点工作。"), cues))
    }

    @Test func anIndicatorNamedWithoutItsScope_isFound_unlessScopedOtherwise() {
        let target = Target(id: "t01", indicator: "城镇调查失业率", value: 5.5, high: nil, unit: "%", qualifier: .atMost,
                            text: "城镇调查失业率5.5%以内", span: Span(0, 13))
        let judge = TargetJudge()
        let found = judge.judge(target, review: [passage("城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。")])
        #expect(found.verdict == .met && found.actual?.value == 5)
        let income = Target(id: "t02", indicator: "城镇居民人均可支配收入增长", value: 8.5, high: nil, unit: "%", qualifier: nil,
                            text: "城镇居民人均可支配收入增长8.5%", span: Span(0, 18))
        #expect(judge.judge(income, review: [passage("农村居民人均可支配收入增长9.2%。")]).verdict == .notReported)
    }

    /// A five-year recap's totals are not the year's figure (PROMISES.md, point 4).
    @Test func aFiveYearTotal_neitherMeetsNorFallsShortOfAnAnnualPromise() {
        let judge = PromiseJudge(similarity: Similarity(idf: IDF()))
        let promise = passage("今年再完成棚户区住房改造600万套")
        #expect(judge.compare(promise, passage("全年完成棚户区住房改造620万套。")) == .meets)
        #expect(judge.compare(promise, passage("全年完成棚户区住房改造510万套。")) == .short)
        #expect(judge.compare(promise, passage("五年来，棚户区住房改造2600多万套，农村危房改造1700多万户。")) == .none)
        #expect(judge.compare(promise, passage("棚户区住房改造年均超过500万套。")) == .none)
    }

    /// An OGI measure's figure often stands in a clause of its own after the task (常态化开展“政府开放日”
    /// 活动，全年不少于2次): the qualifier names nothing, so the figure is about the task. A promise to
    /// do a task 每月 is short when the review does it 每季度, and 18 villages promised are short when
    /// 12 of the 18 did it. (Sentences written for this test.)
    @Test func aQualifiedFigureInItsOwnClause_aFrequency_andAPartOfAWhole_areComparedWithTheReview() {
        let judge = PromiseJudge(similarity: Similarity(idf: IDF()))
        let openDays = passage("常态化开展“政府开放日”活动，全年不少于2次。")
        #expect(judge.compare(openDays, passage("举办“政府开放日”活动1次，邀请群众代表走进县自然资源局。")) == .short)
        #expect(judge.compare(openDays, passage("全年举办“政府开放日”活动3次。")) == .meets)
        // A whole before 中 is not the count of those that did it (fictional township).
        let villages = passage("指导全镇18个村每季度更新一次村务公开栏。")
        #expect(judge.compare(villages, passage("全镇18个村中已有12个村按季度更新公开栏，其余6个村正在整改。")) == .short)
        #expect(judge.compare(villages, passage("全镇18个村均按季度更新公开栏。")) == .meets)
        let checks = passage("每月对乡镇和部门网站栏目开展一次检查。")
        #expect(judge.compare(checks, passage("建立网站巡查机制，每季度对全县政府网站开展一次全面检查。")) == .short)
        #expect(judge.compare(checks, passage("每周对乡镇和部门网站栏目开展一次检查。")) != .short)
    }

    /// A review's lessons say what must be done (2011's 要以人为本…, 我们必须不断完善…): no evidence that
    /// anything was. A sentence that opens with 要素 or 要求 is not one of them.
    @Test func aReviewSentenceOfWhatMustBeDone_isNoEvidence() {
        let norms = DiffCues.shared.reviewNorms
        for text in ["要以人为本，把保障和改善民生作为一切工作的出发点和落脚点。", "我们必须不断完善社会主义市场经济体制。", "我们还要加强政府立法。"] {
            #expect(norms.matches(text), "\(text)")
        }
        for text in ["要素市场化配置改革取得进展。", "要求各乡镇明确专人负责。", "全面完成乡镇标准目录编制。", "主要做了以下工作：必须说明的是"] {
            #expect(!norms.matches(text), "\(text)")
        }
    }

    @Test func invitingAdvisersAndUnifyingFormats_commit_aUnitedCountryDoesNot() {
        let cues = DiffCues.shared
        #expect(PromiseJudge.isCommitment(passage("三是邀请法律顾问参与依申请公开答复审核，统一答复文书格式。"), cues))
        #expect(PromiseJudge.isCommitment(passage("统一内外资企业和个人城建税、教育费附加制度。"), cues))
        #expect(!PromiseJudge.isCommitment(passage("我国是统一的多民族国家。"), cues))
    }

    /// Each promised figure is compared with the evidence's figure about the same thing: tied to a
    /// word of its clause in one sentence, not any figure of the same unit nearby.
    @Test func aPromisedFigure_isComparedWithTheFigureAboutTheSameThing() {
        let judge = PromiseJudge(similarity: Similarity(idf: IDF()))
        // In the name's clause, before or after the name.
        #expect(judge.compare(passage("今年要再取消和下放行政审批事项200项以上"),
                              passage("全年取消和下放210项行政审批事项，取消评比达标表彰项目30项。")) == .meets)
        // After the name rather than in the clause before it.
        #expect(judge.compare(passage("能耗强度下降3.5%以上"), passage("研发经费投入强度超过2%，能耗强度下降4.1%。")) == .meets)
        // Of figures tied as closely, one that meets is the account.
        #expect(judge.compare(passage("今年开工建设保障性住房800万套"),
                              passage("保障性住房基本建成500万套，新开工建设820万套。")) == .meets)
        // A figure in another sentence is about something else.
        #expect(judge.compare(passage("今年拟安排地方政府专项债券3万亿元"),
                              passage("将2万亿元中央财政资金纳入直达范围。优化地方政府专项债券发行使用。")) == .none)
        // The base a promise grows from is another year's figure.
        #expect(judge.compare(passage("中央财政安排“三农”支出5000亿元，比上年增加1300亿元"),
                              passage("中央财政用于“三农”的投入5200亿元，比上年增加900亿元。")) == .meets)
        #expect(judge.compare(passage("中央财政安排“三农”支出5000亿元"), passage("中央财政用于“三农”的投入4800亿元。")) == .short)
    }

    /// The year's figure, not another indicator's (单位国内生产总值能耗, 与国内生产总值之比), a five-year
    /// recap's, or growth over a base year five years back.
    @Test func targetActual_isTheYearsOwnFigureForTheIndicatorItself() {
        let gdp = Target(id: "t01", indicator: "国内生产总值增长", value: 6.5, high: nil, unit: "%", qualifier: .approx,
                         text: "国内生产总值增长6.5%左右", span: Span(0, 15))
        let judge = TargetJudge()
        let other = judge.judge(gdp, review: [passage("单位国内生产总值能耗下降20%以上。"), passage("研发经费支出与国内生产总值之比达到2.08%。")])
        #expect(other.verdict == .ambiguous && other.actual?.value == nil)
        let recap = passage("五年来，国内生产总值年均增长7.1%。"), year = passage("国内生产总值增长6.9%，居民收入增长7.3%。")
        #expect(judge.judge(gdp, review: [recap, year]).actual?.value == 6.9)
        let base = judge.judge(gdp, review: [passage("2007年，国内生产总值比2002年增长65.5%。")], year: 2007)
        #expect(base.actual?.value == nil)
        #expect(judge.judge(gdp, review: [passage("国内生产总值比2006年增长11.4%。")], year: 2007).actual?.value == 11.4)
    }

    /// A county's review may report a fall (同比下降4.3%): against a rising target it is a negative
    /// change, never a 4.3% rise; a fall against a falling target is what was asked.
    @Test func targetActual_aFallIsANegativeChange() {
        let judge = TargetJudge()
        let gdp = Target(id: "t01", indicator: "地区生产总值增长", value: 3, high: nil, unit: "%", qualifier: .approx,
                         text: "地区生产总值增长3%左右", span: Span(0, 12))
        let fell = judge.judge(gdp, review: [passage("全县地区生产总值完成46.1亿元，同比下降4.3%；一般公共预算收入同比增长16%。")])
        #expect(fell.actual?.value == -4.3 && fell.verdict == .missed)
        #expect(judge.judge(gdp, review: [passage("地区生产总值实现负增长2.1%。")]).actual?.value == -2.1)
        #expect(judge.judge(gdp, review: [passage("地区生产总值去年下滑后回升，同比增长3.2%。")]).verdict == .met)
        let energy = Target(id: "t02", indicator: "单位地区生产总值能耗下降", value: 3, high: nil, unit: "%", qualifier: nil,
                            text: "单位地区生产总值能耗下降3%", span: Span(0, 13))
        #expect(judge.judge(energy, review: [passage("单位地区生产总值能耗下降3.5%。")]).verdict == .met)
        #expect(judge.judge(energy, review: [passage("单位地区生产总值能耗增长1.2%。")]).actual?.value == -1.2)
    }

    /// A county names the rate (地区生产总值增速, 一般公共预算收入增幅); its review names the growth.
    @Test func targetActual_aRateWordNamesTheSameIndicator() {
        let judge = TargetJudge()
        let gdp = Target(id: "t01", indicator: "地区生产总值增速", value: 7, high: nil, unit: "%", qualifier: nil,
                         text: "地区生产总值增速达到7%", span: Span(0, 12))
        let review = [passage("全县地区生产总值完成186亿元，增长7.3%；一般公共预算收入增长5.2%。")]
        #expect(judge.judge(gdp, review: review).actual?.value == 7.3)
        let revenue = Target(id: "t02", indicator: "一般公共预算收入增幅", value: 6, high: nil, unit: "%", qualifier: nil,
                             text: "一般公共预算收入增幅6%", span: Span(0, 12))
        #expect(judge.judge(revenue, review: review).verdict == .missed)
    }

    /// A county's review names indicators shorter or with 常住 (规上工业增加值, 固定资产投资 for
    /// 全社会固定资产投资, 城镇常住居民…); each income keeps its own figure.
    @Test func targetActual_aCountysShorterNames() {
        let judge = TargetJudge()
        let review = [passage("规上工业增加值增长8.5%；固定资产投资增长12%；城镇常住居民人均可支配收入增长6.1%，农村常住居民人均可支配收入增长7.9%。")]
        func target(_ indicator: String, _ value: Double) -> Target {
            Target(id: "t", indicator: indicator, value: value, high: nil, unit: "%", qualifier: nil, text: indicator, span: Span(0, 1))
        }
        #expect(judge.judge(target("规模以上工业增加值增长", 8), review: review).actual?.value == 8.5)
        #expect(judge.judge(target("全社会固定资产投资增长", 10), review: review).actual?.value == 12)
        #expect(judge.judge(target("城镇居民人均可支配收入增长", 7), review: review).actual?.value == 6.1)
        #expect(judge.judge(target("农村居民人均可支配收入增长", 8), review: review).actual?.value == 7.9)
        #expect(judge.judge(target("空气质量优良天数比例", 90), review: [passage("空气质量优良天数比率92.3%。")]).verdict == .met)
    }

    /// Where else the later report gives an actual: its problems admit a missed target, its plans
    /// may state last year's figure; a restated target and a yearly average are not actuals.
    @Test func targetActual_fromProblemsAndLastYearsFigureInThePlans() {
        let judge = TargetJudge()
        let energy = Target(id: "t01", indicator: "单位国内生产总值能耗降低", value: 4, high: nil, unit: "%", qualifier: .approx,
                            text: "单位国内生产总值能耗降低4%左右", span: Span(0, 17))
        let admitted = judge.judge(energy, review: [], problems: [passage("但是，全国没有实现年初确定的单位国内生产总值能耗降低4%左右的目标。")])
        #expect(admitted.verdict == .missed && admitted.actual?.value == nil)
        let deficit = Target(id: "t02", indicator: "赤字率", value: 2.1, high: nil, unit: "%", qualifier: nil, text: "赤字率2.1%", span: Span(0, 7))
        #expect(judge.judge(deficit, review: [], plans: [passage("赤字率从去年的2.1%提高到2.3%。")]).actual?.value == 2.1)
        #expect(judge.judge(deficit, review: [], plans: [passage("今年赤字率拟按2.3%安排。")]).verdict == .notReported)
        // Another name, and the figure a change moved to.
        let d15 = Target(id: "t04", indicator: "赤字率", value: 1.5, high: nil, unit: "%", qualifier: nil, text: "赤字率1.5%", span: Span(0, 7))
        let renamed = judge.judge(d15, review: [passage("财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右，赤字率保持在安全水平。")])
        #expect(renamed.actual?.value == 1.5 && renamed.verdict == .met)
        let jobs = Target(id: "t03", indicator: "城镇新增就业人数", value: 900, high: nil, unit: "万人", qualifier: .atLeast,
                          text: "城镇新增就业人数不低于900万人", span: Span(0, 15))
        #expect(judge.judge(jobs, review: [passage("平均每年城镇新增就业1000多万人。")]).verdict == .ambiguous)
    }

    /// Last year's figures where a plan opens by looking back (过去一年…), the indicator under
    /// another name (物价), and only a figure within the name's clause group.
    @Test func targetActual_afterALookBack_underAnotherName_withinItsClause() {
        let judge = TargetJudge()
        let gdp = Target(id: "t01", indicator: "国内生产总值增长", value: 8, high: nil, unit: "%", qualifier: .approx,
                         text: "国内生产总值增长8%左右", span: Span(0, 12))
        let plans = [passage("过去一年，我们的各项工作取得了很大成绩。"), passage("国内生产总值增长9.6%，城镇新增就业1100万人。")]
        #expect(judge.judge(gdp, review: [], plans: plans).actual?.value == 9.6)
        #expect(judge.judge(gdp, review: [], plans: [plans[1]]).verdict == .notReported)
        let cpi = Target(id: "t02", indicator: "居民消费价格总水平涨幅", value: 4, high: nil, unit: "%", qualifier: .approx,
                         text: "居民消费价格总水平涨幅4%左右", span: Span(0, 15))
        #expect(judge.judge(cpi, review: [], problems: [passage("节能减排、物价调控目标没有完成。")]).verdict == .missed)
        #expect(judge.judge(cpi, review: [passage("物价总水平涨幅得到控制；财政收入增长19.5%。")]).verdict == .ambiguous)
        // 经济增长 is judged by 国内生产总值; 新增城镇就业 is 城镇新增就业 said the other way round.
        let growth = Target(id: "t03", indicator: "经济增长", value: 7, high: nil, unit: "%", qualifier: .approx,
                            text: "经济增长预期目标为7%左右", span: Span(0, 13))
        let review = [passage("经济结构调整取得进展，服务业比重提高1.2%。"), passage("国内生产总值比上年增长9.1%。"), passage("城镇新增就业980万人。")]
        #expect(judge.judge(growth, review: review).actual?.value == 9.1)
        let jobs = Target(id: "t04", indicator: "新增城镇就业", value: 900, high: nil, unit: "万人", qualifier: nil,
                          text: "新增城镇就业900万人", span: Span(0, 11))
        #expect(judge.judge(jobs, review: review).verdict == .met)
        // GDP and 地区生产总值 name one indicator.
        let gdpShort = Target(id: "t06", indicator: "GDP增长", value: 7, high: nil, unit: "%", qualifier: .approx,
                              text: "GDP增长7%左右", span: Span(0, 9))
        #expect(judge.judge(gdpShort, review: [passage("全县实现地区生产总值186.5亿元，同比增长6.8%。")]).actual?.value == 6.8)
        // One of two indicators the review names together takes the figure in its place.
        let rural = Target(id: "t05", indicator: "农村居民人均可支配收入增长", value: 8, high: nil, unit: "%", qualifier: nil,
                           text: "城乡居民人均可支配收入分别增长6.5%和8%", span: Span(0, 22))
        let both = judge.judge(rural, review: [passage("城乡居民人均可支配收入分别增长6.9%和7.6%。")])
        #expect(both.actual?.value == 7.6 && both.verdict == .missed)
        let spelled = [passage("城镇居民人均可支配收入和农村居民人均可支配收入分别增长6.9%和8.6%。")]
        #expect(judge.judge(rural, review: spelled).actual?.value == 8.6)
        let urban = Target(id: "t07", indicator: "城镇居民人均可支配收入增长", value: 7, high: nil, unit: "%", qualifier: nil,
                           text: "城镇居民人均可支配收入增长7%", span: Span(0, 15))
        #expect(judge.judge(urban, review: spelled).actual?.value == 6.9)
        // Both named by their place before one name (城镇、农村居民…分别…): each takes its figure.
        for joined in ["城镇、农村居民人均可支配收入分别增长7.2%和8.1%。", "城镇和农村居民人均可支配收入分别增长7.2%和8.1%。"] {
            #expect(judge.judge(urban, review: [passage(joined)]).actual?.value == 7.2)
            #expect(judge.judge(rural, review: [passage(joined)]).actual?.value == 8.1)
        }
        // Named only as part of another indicator: its verdict in words is not this one's.
        #expect(judge.judge(gdp, review: [passage("研发经费支出占国内生产总值比重没有完成规划目标。")]).verdict != .missed)
    }

    @Test func latinNames_areContentWords() {
        #expect(passage("广义货币M2增长13.6%，PPP项目落地").words.contains("M2"))
        #expect(passage("gdp增长6.9%").words.contains("GDP"))
    }

    @Test func aFiveYearPlanEndingByThePlanYear_isDueThatYear() {
        #expect(PromiseJudge.withoutDuePeriods("确保完成“十二五”规划重点建设任务", plan: 2015) == "确保完成“”规划重点建设任务")
        #expect(PromiseJudge.withoutDuePeriods("编制“十三五”规划", plan: 2015) == "编制“十三五”规划")
        #expect(PromiseJudge.withoutDuePeriods("十二五", plan: nil) == "十二五")
    }

    /// Text reuse is about an OGI report's prose: the template's headings and the rows of its
    /// tables come back every year and are not counted; a paragraph copied word for word is.
    @Test func reuse_leavesAnOGIReportsHeadingsAndTableRowsOut() throws {
        let lexicon = try Lexicon.builtIn()
        let ex = try ReportExtractor(lexicon: lexicon)
        func report(_ year: Int, _ opening: String) throws -> ExtractedReport {
            let text = """
                青禾县人民政府\(year)年政府信息公开工作年度报告（虚构）
                一、总体情况
                \(opening)
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
                二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
                五、存在的主要问题及改进情况
                政策解读形式比较单一，图解和视频解读偏少。
                """
            return try ex.extract(DocumentLoader.load(bytes: Array(text.utf8), path: "\(year).txt", format: .txt), manifest: nil)
        }
        let a = try report(2020, "全年主动公开政府信息1520条，发布政策解读材料36篇。")
        let b = try report(2021, "全年主动公开政府信息1688条，新开设乡村振兴专题专栏一个。")
        let d = try Differ(lexicon: lexicon, idf: IDF(reports: [a, b])).diff(a, b)
        #expect(d.reuse?.pairs.map(\.to) == ["政策解读形式比较单一，图解和视频解读偏少。"])
    }
}

/// A report that sets out a plan period part by part (2001's 二、“十五”期间的奋斗目标 and then 三、…
/// to 十、 without naming the period again) sets the period's goals in all of them; a paragraph
/// there that turns to the year (2011年是…，做好今年的工作) sets the year's. Fictional county
/// (白鹭县, invented); 十二五 plays the 2001 report's 十五.
@Suite struct PlanPeriodPartsTests {
    @Test func partsGoingOnFromAPeriodsPart_setThePeriodsGoals_butTheYearsParagraphIsAnnual() throws {
        let earlier = """
            白鹭县2011年政府工作报告（虚构）
            一、“十一五”时期工作回顾
            五年来，全县地区生产总值年均增长11%。
            二、“十二五”时期的奋斗目标
            今后五年，全县地区生产总值年均增长10%。
            三、加快工业转型升级
            建成白鹭工业园区，引进规模以上工业企业50家。
            2011年是承上启下的一年，做好今年的工作至关重要。新建标准厂房10万平方米。
            """
        let later = """
            白鹭县2012年政府工作报告（虚构）
            一、2011年工作回顾
            2011年，全县新建标准厂房12万平方米，白鹭工业园区建设有序推进。
            二、2012年工作安排
            新建幼儿园3所。
            """
        let d = try extractAndDiff((2011, earlier), (2012, later)).diff
        let park = try #require(d.promises.first { $0.text.contains("白鹭工业园区") })
        #expect(park.horizon == "multi-year")
        let plants = try #require(d.promises.first { $0.text.contains("10万平方米") })
        #expect(plants.horizon == "annual")
        #expect(plants.status == .fulfilled)
    }

    /// An untitled paragraph of part 五 that commits in several sentences makes several promises,
    /// each judged on its own: one done, one not reported, one done. (Fictional bureau, 青禾县.)
    @Test func anUntitledParagraphOfSeveralCommitments_isSeveralPromises() throws {
        func report(_ year: Int, _ overview: String, _ fifth: String) -> String {
            """
            青禾县水利局\(year)年政府信息公开工作年度报告（虚构）
            一、总体情况
            \(overview)
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            本年度未收到申请。
            四、政府信息公开行政复议、行政诉讼情况
            无。
            五、存在的主要问题及改进情况
            \(fifth)
            六、其他需要报告的事项
            无。
            """
        }
        let earlier = report(2021, "2021年，我局主动公开政府信息86条，其中水利工程建设信息32条。",
                             "2021年我局政府信息公开工作仍存在信息更新不及时等问题。2022年，我局将进一步加大水利工程建设项目信息公开力度，及时公开项目审批、招标投标和施工进展信息；"
                             + "同时加强信息员队伍建设，确保每季度至少开展一次业务学习。针对上述问题，我局还将建立信息发布审核台账，落实“三审三校”制度。")
        let later = report(2022, "2022年，我局主动公开政府信息104条。水利工程建设项目审批、招投标和施工进展信息均在县政府网站水利专栏及时公开，全年公开项目信息41条。"
                           + "建立信息发布审核台账，严格落实“三审三校”制度。", "信息员业务能力仍有不足。2023年，我局将组织信息员参加县级培训。")
        let d = try extractAndDiff((2021, earlier), (2022, later)).diff
        #expect(d.promises.count == 3)
        #expect(d.promises.map(\.status) == [.fulfilled, .notReported, .fulfilled], "\(d.promises.map { "\($0.status) \($0.text.prefix(20))" })")
    }

    /// A review reports what was done, not what it was for: a promise is looked for without its
    /// clauses of purpose (让老百姓住得更舒心), whose words would find the review's sentence about
    /// satisfaction instead of the one about the work. (Fictional county, 白鹭县.)
    @Test func aPromiseIsLookedForWithoutItsPurpose() throws {
        let earlier = """
            白鹭县2020年政府工作报告（虚构）
            一、2019年工作回顾
            2019年，全县新建农村公路120公里，改造农村危房300户。
            二、2020年工作安排
            加快城镇老旧小区改造，完善供水管网和停车设施，让老百姓住得更舒心、更满意。
            """
        let later = """
            白鹭县2021年政府工作报告（虚构）
            一、2020年工作回顾
            2020年，完成城镇老旧小区改造12个，新铺设供水管网18公里，新增停车位600个。
            改造农村危房260户。
            政务服务群众满意率达98%，老百姓办事更舒心、更满意。
            二、2021年工作安排
            新建幼儿园3所。
            """
        let (ra, _, d) = try extractAndDiff((2020, earlier), (2021, later))
        let reader = try PassageReader(lexicon: Lexicon.builtIn())
        let promise = try #require(PromiseJudge.promises(of: ReportPassages(ra, reader: reader)).first)
        let asked = try #require(promise.query).words
        #expect(asked.contains("老旧小区改造") && !asked.contains("老百姓") && !asked.contains("满意"), "\(asked)")
        // Asked in full, the promise finds the work at 0.36; without its purpose, at 0.58.
        let judged = try #require(d.promises.first)
        #expect(judged.status == .fulfilled && judged.score > 0.5 && judged.evidence.first?.text.contains("老旧小区") == true,
                "\(judged.score) \(judged.evidence.map(\.text))")
    }

    /// A county office's reports are short: a dozen items, so every word weighs less than in a
    /// national report of ninety. A measure promised again in the same words is still repromised
    /// (the information a match needs scales with the number of items). (Fictional bureau, 柳溪县.)
    @Test func aShortReportsMeasurePromisedAgain_isRepromised() throws {
        func report(_ year: Int, _ overview: String, _ fifth: String) -> String {
            """
            柳溪县市场监督管理局\(year)年政府信息公开工作年度报告（虚构）
            一、总体情况
            \(overview)
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            本年度收到申请2件，均按期答复。
            四、政府信息公开行政复议、行政诉讼情况
            无。
            五、存在的主要问题及改进情况
            \(fifth)
            六、其他需要报告的事项
            无。
            """
        }
        let earlier = report(2020, "2020年，我局主动公开政府信息168条，其中行政处罚信息52条。",
                             "（一）存在的问题\n一是政策解读形式单一；二是行政处罚信息公示不够及时。\n（二）改进措施\n一是丰富政策解读形式，推出图解、视频解读不少于5期；二是开展政务公开业务培训。")
        let later = report(2021, "2021年，我局主动公开政府信息205条，推出图解、视频等政策解读8期。",
                           "（一）存在的问题\n工作人员业务能力有待提高。\n（二）改进措施\n2022年，我局将组织开展政务公开业务培训不少于2次。")
        let d = try extractAndDiff((2020, earlier), (2021, later)).diff
        #expect(d.promises.map(\.status) == [.fulfilled, .notReported], "\(d.promises.map { "\($0.status) \($0.text.prefix(12))" })")
        #expect(d.promises.map(\.repromised) == [false, true])
    }

    /// Drawing up the next period's plan is the plan year's own task (2000: 今年还要研究制定…第十个
    /// 五年计划): judged against the next review, while the period's goals stay multi-year.
    @Test func draftingAPeriodsPlan_isTheYearsTask() throws {
        let earlier = """
            白鹭县2020年政府工作报告（虚构）
            一、2019年工作回顾
            2019年，全县新建农村公路120公里。
            二、2020年工作安排
            科学编制“十四五”规划纲要，谋划一批重大项目。
            “十四五”期间，力争全县地区生产总值年均增长7%。
            """
        let later = """
            白鹭县2021年政府工作报告（虚构）
            一、2020年工作回顾
            2020年，高质量编制完成“十四五”规划纲要，谋划储备重大项目86个。
            二、2021年工作安排
            新建幼儿园3所。
            """
        let d = try extractAndDiff((2020, earlier), (2021, later)).diff
        let drafting = try #require(d.promises.first { $0.text.contains("编制") })
        #expect(drafting.horizon == "annual" && drafting.status == .fulfilled, "\(drafting.horizon) \(drafting.status)")
        let growth = try #require(d.promises.first { $0.text.contains("年均增长7%") })
        #expect(growth.horizon == "multi-year")
    }
}

/// A promise that lists its objects (打击制假售假、虚假广告、商业欺诈、传销等) is named by evidence
/// that names most of them, whichever two words are rarest.
@Suite struct ListedObjectsTests {
    @Test func evidenceNamingMostListedObjects_namesThePromise() {
        let reader = try! PassageReader(lexicon: try! Lexicon.builtIn())
        let item = Item(id: "i1", role: .result, title: nil, text: "", span: Span(0, 0), sectionPath: [],
                        origin: .paragraph, keywords: [], numbers: [])
        func passage(_ s: String) -> Passage { reader.build(s, Span(0, 0), normalized: s, item, inRecap: false) }
        let head = "依法打击制假售假、虚假广告、商业欺诈、传销和变相传销、偷逃骗税、走私贩私等违法活动"
        #expect(PromiseJudge.namesMostOf(head, passage("严厉打击了制假售假、非法传销、商业欺诈、盗版侵权等违法犯罪活动。")))
        #expect(!PromiseJudge.namesMostOf(head, passage("严厉打击了盗版侵权等违法犯罪活动。")))
        #expect(!PromiseJudge.namesMostOf("加强湿地保护", passage("湿地保护进一步加强。")))
    }
}
