import Foundation
import Testing
import TestSupport
@testable import PromiseDiff
@testable import ReportStructure
@testable import ReportText

/// Two report files extracted and diffed as `nianbao diff` does (IDF over the pair).
func extractAndDiff(_ a: URL, _ b: URL) throws -> (a: ExtractedReport, b: ExtractedReport, diff: DiffReport) {
    let lexicon = try Lexicon.builtIn()
    let ex = try ReportExtractor(lexicon: lexicon)
    let ra = try ex.extract(path: a.path), rb = try ex.extract(path: b.path)
    return (ra, rb, try Differ(lexicon: lexicon, idf: IDF(reports: [ra, rb])).diff(ra, rb))
}

/// The same for two reports' texts written for a test: saved in a fresh folder, each as its year.
func extractAndDiff(_ earlier: (year: Int, text: String), _ later: (year: Int, text: String)) throws
    -> (a: ExtractedReport, b: ExtractedReport, diff: DiffReport) {
    let folder = Paths.temporaryFolder()
    let a = folder.appendingPathComponent("\(earlier.year).txt"), b = folder.appendingPathComponent("\(later.year).txt")
    try earlier.text.write(to: a, atomically: true, encoding: .utf8)
    try later.text.write(to: b, atomically: true, encoding: .utf8)
    return try extractAndDiff(a, b)
}

/// The fictional county (白鹭县) was written so that every status, flag and verdict appears:
/// these are its exact expected outcomes.
@Suite struct DemoDiffTests {
    static let lexicon = try! Lexicon.builtIn()

    static func report(_ name: String) throws -> ExtractedReport {
        try ReportExtractor(lexicon: lexicon).extract(path: Paths.demo.appendingPathComponent(name).path)
    }

    static func diff(_ a: String, _ b: String?) throws -> DiffReport {
        let ra = try report(a), rb = try b.map(report)
        let reports = [ra] + (rb.map { [$0] } ?? [])
        return try Differ(lexicon: lexicon, idf: IDF(reports: reports)).diff(ra, rb)
    }

    func status(_ d: DiffReport, _ phrase: String) -> PromiseJudgement? {
        d.promises.first { $0.text.contains(phrase) }
    }

    @Test func promises2017_judgedAgainst2018() throws {
        let d = try Self.diff("2017.txt", "2018.html")
        #expect(d.fromYear == 2018 && d.toYear == 2018)
        #expect(status(d, "开通政务公开专栏")?.status == .fulfilled)
        #expect(status(d, "业务培训不少于4期")?.status == .partial)
        #expect(status(d, "办理台账")?.status == .notReported)
        let staff = try #require(status(d, "专职政务公开工作人员"))
        #expect(staff.status != .fulfilled)
        #expect(staff.stillAProblem)
        #expect(staff.repromised)
        #expect(status(d, "宣传力度")?.testable == false)
        #expect(status(d, "开通政务公开专栏")?.testable == true)
        // Every judgement that claims evidence quotes the later report exactly.
        let later = try Self.report("2018.html")
        for p in d.promises { for e in p.evidence { #expect(DecodedText(later.text).text(e.span.range) == e.text) } }
    }

    @Test func targets2018_metAndMissed() throws {
        let d = try Self.diff("2017.txt", "2018.html")
        let byIndicator = Dictionary(uniqueKeysWithValues: d.targets.map { ($0.indicator, $0) })
        #expect(byIndicator["全年主动公开政府信息"]?.verdict == .met)
        #expect(byIndicator["全年主动公开政府信息"]?.actual?.value == 1356)
        #expect(byIndicator["发布政策解读材料"]?.verdict == .missed)
    }

    @Test func promises2018_allFulfilledIn2019() throws {
        let d = try Self.diff("2018.html", "2019.docx")
        #expect(d.promises.count == 3)
        #expect(d.promises.allSatisfy { $0.status == .fulfilled })
        #expect(d.targets.first?.verdict == .met)
    }

    @Test func improvementMeasures2019_judgedAgainst2020() throws {
        let d = try Self.diff("2019.docx", "2020.txt")
        #expect(status(d, "不少于3期")?.status == .fulfilled)
        #expect(status(d, "答复文书范本")?.status == .fulfilled)
        #expect(status(d, "全部12个乡镇")?.status == .partial)
        // Carry-over holds, and the repeated figure (47 applications) is flagged.
        #expect(d.checks.filter { $0.name.hasPrefix("carry-over.table3") }.allSatisfy { $0.status == .pass })
        #expect(d.checks.contains { $0.name == "copied-figure.table3.new.总计" })
    }

    @Test func recurringProblem_andReuse() throws {
        let d = try Self.diff("2017.txt", "2018.html")
        #expect(d.recurringProblems.contains { $0.from.text.contains("人员队伍不稳定") && $0.to.text.contains("人员队伍不稳定") })
        let reuse = try #require(d.reuse)
        #expect(reuse.share > 0.05)
        #expect(reuse.pairs.contains { $0.to.contains("以公开为常态、不公开为例外") })
    }

    @Test func missingLaterReport_leavesPromisesPending() throws {
        let d = try Self.diff("2020.txt", nil)
        #expect(!d.promises.isEmpty)
        #expect(d.promises.allSatisfy { $0.status == .pending })
        #expect(d.summary.fulfilmentRate == nil)
    }

    @Test func seed_hasThreePromisesForItsPlanYear() throws {
        let seed = try ReportExtractor(lexicon: Self.lexicon).extract(path: Paths.seed.path)
        let d = try Differ(lexicon: Self.lexicon, idf: IDF(reports: [seed])).diff(seed, nil)
        #expect(d.promises.count == 3)
        #expect(d.fromYear == 2018)
    }
}

/// A county work report's plans (fictional 青禾县, Tests/Fixtures) against the next year's review:
/// several quantities in one promise, and the main targets with their qualifiers.
@Suite struct CountyWorkReportTests {
    @Test func compoundQuantities_andTargets() throws {
        let d = try extractAndDiff(Paths.fixture("county-work-report-2018.txt"), Paths.fixture("county-work-report-2019.txt")).diff
        #expect(d.fromYear == 2018 && d.toYear == 2018)
        let status = { (phrase: String) in d.promises.first { $0.text.contains(phrase) }?.status }
        // 90 projects and 70亿 met, but 6 of the 10万平方米 of workshops: partly done.
        #expect(status("标准化厂房10万平方米") == .partial)
        #expect(status("3200名贫困人口脱贫") == .fulfilled)
        #expect(status("农村公路120公里") == .fulfilled)
        let verdict = Dictionary(uniqueKeysWithValues: d.targets.map { ($0.indicator, $0.verdict) })
        #expect(verdict["地区生产总值增长"] == .met)
        #expect(verdict["一般公共预算收入增长"] == .missed)
        #expect(verdict["城镇登记失业率"] == .met)
        #expect(verdict["粮食总产量"] == .met)  // 稳定在 is not part of what is measured
        #expect(d.recurringProblems.contains { $0.to.text.contains("财政收支矛盾") })
    }
}

/// County forms of the main targets (fictional 青禾县, Tests/Fixtures): a numbered list a line each,
/// the place before the indicator, 、 between targets, two indicators under one name, other names
/// for GDP and energy intensity in the review.
@Suite struct CountyTargetTests {
    @Test func everyTargetOfTheList_judgedByTheYearsFigure() throws {
        let (a, _, d) = try extractAndDiff(Paths.fixture("county-targets-2022.txt"), Paths.fixture("county-targets-2023.txt"))
        #expect(a.targets.count == 9)
        let got = d.targets.map { "\($0.indicator) \($0.verdict.rawValue) \($0.actual?.value.map { String($0) } ?? "-")" }
        #expect(got == ["生产总值增长 met 6.8", "一般公共预算收入增长 missed 5.1", "社会消费品零售总额增长 met 9.5",
                        "城镇居民人均可支配收入增长 missed 6.9", "农村居民人均可支配收入增长 met 8.6", "城镇新增就业 met 3215.0",
                        "城镇登记失业率 met 3.2", "单位GDP能耗下降 met 3.4", "粮食总产量 met 46.2"], "\(got)")
    }
}

/// Two template reports of one county: section 五's measures against the next year's 总体情况.
@Suite struct TemplatePairTests {
    @Test func measuresOfSectionFive_judgedAgainstTheNextOverview() throws {
        let (_, b, d) = try extractAndDiff(Paths.fixture("ogi-template-2020.txt"), Paths.fixture("ogi-template-2021.txt"))
        #expect(d.fromYear == 2021 && d.toYear == 2021)
        let status = { (phrase: String) in d.promises.first { $0.text.contains(phrase) }?.status }
        #expect(status("不少于20期") == .fulfilled)  // 24期 reported
        #expect(status("专栏更新台账") == .fulfilled)
        #expect(d.recurringProblems.contains { $0.to.text.contains("专栏内容更新仍不够及时") })
        // A point's title names its topic and reports nothing: never evidence on its own.
        let titles = Set(b.items.filter { $0.title != nil }.compactMap { item in item.text.firstIndex(of: "。").map { String(item.text[...$0]) } })
        #expect(titles.contains("（二）依申请公开情况。"))
        for p in d.promises { for e in p.evidence { #expect(!titles.contains(e.text), "\(e.text)") } }
    }
}

/// What an analyst relies on, on real pairs: a verdict of done or partly done names its
/// evidence, and every quote is the later report's own text at its span.
@Suite struct EvidenceTests {
    @Test func fulfilledAndPartial_alwaysShowEvidence_quotedExactly() throws {
        var pairs: [(URL, URL)] = [(Paths.demo.appendingPathComponent("2017.txt"), Paths.demo.appendingPathComponent("2018.html"))]
        for y in [2014, 2021] {
            let a = Paths.nationalReports.appendingPathComponent("\(y).txt"), b = Paths.nationalReports.appendingPathComponent("\(y + 1).txt")
            if Paths.exists(a) && Paths.exists(b) { pairs.append((a, b)) }
        }
        for (a, b) in pairs {
            let (_, rb, d) = try extractAndDiff(a, b)
            let scalars = Array(rb.text.unicodeScalars)
            for p in d.promises where p.status == .fulfilled || p.status == .partial {
                #expect(!p.evidence.isEmpty, "\(b.lastPathComponent): \(p.text)")
                for e in p.evidence {
                    #expect(String(String.UnicodeScalarView(scalars[e.span.start..<e.span.end])) == e.text)
                }
            }
        }
    }
}

/// A promise that names two things or fewer is reported only where its rarer word is: with
/// either of two, any shared word would do (加强湿地保护 is not done by 知识产权保护进一步加强).
@Suite struct ShortPromiseTests {
    @Test func aShortPromise_isNotFulfilledByItsCommonerWordAlone() throws {
        // Nor is a clause of two words covered by its commoner word (2009's review says nothing of
        // poverty; 开发 and 减少 came from 国家开发银行 and 排放量分别减少).
        for (from, start) in [(2002, "加强湿地保护"), (2008, "健全临时救助制度"), (2016, "加快实施自由贸易区战略"),
                              (2008, "加大扶贫开发力度，继续减少贫困人口")] {
            let a = Paths.nationalReports.appendingPathComponent("\(from).txt"), b = Paths.nationalReports.appendingPathComponent("\(from + 1).txt")
            guard Paths.exists(a), Paths.exists(b) else { return }
            let p = try extractAndDiff(a, b).diff.promises.first { $0.text.hasPrefix(start) }
            #expect(p != nil && p?.status == .notReported, "\(start): \(p?.status.rawValue ?? "none") \(p?.evidence.first?.text ?? "")")
        }
    }
}

@Suite struct NationalTargetTests {
    func targets(_ from: Int, _ to: Int) throws -> [TargetJudgement]? {
        let a = Paths.nationalReports.appendingPathComponent("\(from).txt"), b = Paths.nationalReports.appendingPathComponent("\(to).txt")
        guard Paths.exists(a), Paths.exists(b) else { return nil }
        return try extractAndDiff(a, b).diff.targets
    }

    @Test func targets2018_judgedBy2019() throws {
        guard let t = try targets(2018, 2019) else { return }
        let v = Dictionary(uniqueKeysWithValues: t.map { ($0.indicator, $0) })
        #expect(v["国内生产总值增长"]?.verdict == .met)
        #expect(v["国内生产总值增长"]?.actual?.value == 6.6)
        #expect(v["城镇新增就业"]?.verdict == .met)
        #expect(v["居民消费价格涨幅"]?.verdict == .met)
        #expect(v["城镇调查失业率"]?.verdict == .met)  // the review says 调查失业率稳定在5%左右
    }

    /// A work report admits the year's difficulties in one long paragraph; what recurs is each
    /// difficulty (部分行业产能过剩严重, 2016 → 2017), not the sentence announcing them, which every
    /// year repeats, nor the resolve that closes them.
    @Test func recurringProblems_areTheDifficulties_notTheFrame() throws {
        for (from, to, expected) in [(2016, 2017, "产能过剩"), (2021, 2022, "民生领域还有不少短板")] {
            let a = Paths.nationalReports.appendingPathComponent("\(from).txt"), b = Paths.nationalReports.appendingPathComponent("\(to).txt")
            guard Paths.exists(a), Paths.exists(b) else { return }
            let pairs = try extractAndDiff(a, b).diff.recurringProblems
            #expect(pairs.contains { $0.from.text.contains(expected) && $0.to.text.contains(expected) }, "\(from)")
            #expect(!pairs.contains { $0.to.text.contains("清醒看到") || $0.to.text.contains("决不辜负") }, "\(from)")
        }
    }

    /// Text reuse counts the report's own words: the licence notice the transcription site prints
    /// after every report (本作品是…属于公有领域) is the same each year and is no copied passage.
    @Test func reuse2018to2019_isTheReportsText_notTheSitesNotice() throws {
        let a = Paths.nationalReports.appendingPathComponent("2018.txt"), b = Paths.nationalReports.appendingPathComponent("2019.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let reuse = try #require(try extractAndDiff(a, b).diff.reuse)
        #expect(reuse.pairs.contains { $0.to.contains("积极稳妥推进混合所有制改革") })
        #expect(!reuse.pairs.contains { $0.to.contains("本作品") || $0.to.contains("维基文库") || $0.to.contains("Public domain") })
    }

    /// A paragraph that sets a target goes on to commit (2018: the deficit rate, then 优化财政支出结构…):
    /// the target sentence is judged as a target, the rest as promises.
    @Test func aParagraphStatingATarget_keepsItsOtherPromises() throws {
        let a = Paths.nationalReports.appendingPathComponent("2018.txt"), b = Paths.nationalReports.appendingPathComponent("2019.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let (ra, _, d) = try extractAndDiff(a, b)
        #expect(d.promises.contains { $0.text.hasPrefix("优化财政支出结构") })
        #expect(d.promises.contains { $0.text.hasPrefix("合理调整社会最低工资标准") })
        #expect(d.targets.contains { $0.indicator.contains("赤字率") })
        for t in ra.targets { #expect(!d.promises.contains { $0.span.range.contains(t.span.start) }, "\(t.text)") }
    }

    /// A review says 积极推进 of finished work as often as of unfinished: a result that says the work
    /// is under way does not make a promise partial by itself; the model weighs it (2004→2005, dev gold).
    @Test func workSaidToBeUnderWay_isWeighedNotPartialByItself() throws {
        let a = Paths.nationalReports.appendingPathComponent("2004.txt"), b = Paths.nationalReports.appendingPathComponent("2005.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let d = try extractAndDiff(a, b).diff
        let democracy = try #require(d.promises.first { $0.text.contains("进一步扩大基层民主") })
        #expect(democracy.status == .fulfilled && democracy.evidence.first?.text.contains("村民自治") == true, "\(democracy.status) \(democracy.reason)")
        let oldAreas = try #require(d.promises.first { $0.text.contains("支持革命老区加快发展") })
        #expect(oldAreas.status == .notReported, "\(oldAreas.status) \(oldAreas.reason)")
    }

    /// 2017's plans open their paragraphs with a task (扎实有效去产能。今年要再压减钢铁产能…) and title
    /// each part (（五）促进农业稳定发展和农民持续增收。): each is a promise a reader can quote; the
    /// 2006 announcement of the tasks is not.
    @Test func topicSentencesAndPartTitles_arePromises() throws {
        let a = Paths.nationalReports.appendingPathComponent("2017.txt"), b = Paths.nationalReports.appendingPathComponent("2018.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let d = try extractAndDiff(a, b).diff
        for start in ["扎实有效去产能", "加强现代农业建设", "中央财政专项扶贫资金增长30%以上", "（五）促进农业稳定发展和农民持续增收"] {
            #expect(d.promises.contains { $0.text.hasPrefix(start) }, "\(start)")
        }
        let c = Paths.nationalReports.appendingPathComponent("2006.txt"), e = Paths.nationalReports.appendingPathComponent("2007.txt")
        guard Paths.exists(c), Paths.exists(e) else { return }
        #expect(!(try extractAndDiff(c, e).diff.promises.contains { $0.text.contains("以下几方面") }))
    }

    /// The 2006 report ends with an account of the eleventh five-year plan: its review of the tenth
    /// plan's years is results (and problems), and what it sets under a heading naming the plan period is set for
    /// the period, so no promise there is judged against 2007's review alone.
    @Test func aPlanPeriodsSection_givesMultiYearPromises_andItsReviewIsResults() throws {
        let a = Paths.nationalReports.appendingPathComponent("2006.txt"), b = Paths.nationalReports.appendingPathComponent("2007.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let (ra, _, d) = try extractAndDiff(a, b)
        let period = Set(ra.items.filter { $0.sectionPath.contains { $0.contains("“十一五”时期") } }.map(\.id))
        let underIt = d.promises.filter { period.contains($0.itemId) }
        #expect(!underIt.isEmpty)
        for p in underIt { #expect(p.horizon == "multi-year", "\(p.text)") }
        let recap = ra.items.filter { $0.sectionPath.contains { $0.contains("“十五”期间") } }
        // The recap's account of results, then of the period's problems (也存在不少矛盾和问题).
        #expect(!recap.isEmpty && recap.allSatisfy { $0.role == .result || $0.text.contains("矛盾和问题") })
        #expect(recap.first { $0.text.contains("也存在不少矛盾和问题") }?.role == .problem)
    }

    /// 2018's review is mostly a five-year recap, with the year's own figures in one paragraph;
    /// 2017's breaks a figure from its unit across lines (达到74.4 / 万亿元).
    @Test func targets_takeTheYearsFigure_notTheRecapsOrABrokenLinesNeighbour() throws {
        if let t = try targets(2017, 2018) {
            let v = Dictionary(uniqueKeysWithValues: t.map { ($0.indicator, $0) })
            #expect(v["国内生产总值增长"]?.actual?.value == 6.9)
            #expect(v["城镇新增就业"]?.actual?.value == 1351)
        }
        if let t = try targets(2016, 2017) {
            #expect(t.first { $0.indicator == "国内生产总值增长" }?.actual?.value == 6.7)
        }
        // 2010's targets paragraph follows a problems aside inside the plans: still the plans.
        if let t = try targets(2009, 2010) {
            #expect(t.first { $0.indicator == "城镇登记失业率" }?.verdict == .notReported)
        }
    }

    @Test func targets2021_judgedBy2022() throws {
        guard let t = try targets(2021, 2022) else { return }
        let v = Dictionary(uniqueKeysWithValues: t.map { ($0.indicator, $0) })
        #expect(v["国内生产总值增长"]?.verdict == .met)
        #expect(v["国内生产总值增长"]?.actual?.value == 8.1)
        #expect(v["城镇新增就业"]?.verdict == .met)
    }
}

/// A research dataset's text column carries a report without its line breaks: the pair of
/// fictional 青禾县 reports (2020, 2021) flattened so is judged as laid out.
@Test(arguments: [" ", ""]) func flattenedReports_areJudgedAsLaidOut(separator: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-flat-\(UUID().uuidString)/青禾县")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    var flat: [URL] = []
    for name in ["ogi-template-2020.txt", "ogi-template-2021.txt"] {
        let text = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let url = folder.appendingPathComponent(name)
        try text.split(whereSeparator: \.isNewline).joined(separator: separator).write(to: url, atomically: true, encoding: .utf8)
        flat.append(url)
    }
    let laidOut = try extractAndDiff(Paths.fixture("ogi-template-2020.txt"), Paths.fixture("ogi-template-2021.txt")).diff
    let d = try extractAndDiff(flat[0], flat[1]).diff
    #expect(d.fromYear == 2021 && d.toYear == 2021)
    #expect(d.promises.map(\.status) == laidOut.promises.map(\.status))
    #expect(d.promises.map { $0.text.filter { !$0.isWhitespace } } == laidOut.promises.map { $0.text.filter { !$0.isWhitespace } })
    #expect(d.promises.count >= 3)
    // Run together with nothing between, the title and the note after it make one sentence.
    if separator == " " { #expect(d.reuse?.pairs.map(\.to) == laidOut.reuse?.pairs.map(\.to)) }
}
