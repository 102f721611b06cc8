import ReportStructure
import ReportText

/// Diffs two reports of a unit: year N's promises and targets against the report reviewing
/// year N, problems that recur, text reused, and the figures that tie the years together.
///
/// ```swift
/// let differ = try Differ(lexicon: try Lexicon.builtIn(), idf: IDF(reports: [a, b]))
/// let diff = differ.diff(a, b)
/// diff.summary.fulfilmentRate
/// ```
/// Not thread-safe (it owns a segmenter): one per worker.
public final class Differ {
    public let reader: PassageReader
    public var promiseJudge: PromiseJudge
    public var recurring: RecurringProblems
    public var reuse = ReuseFinder()
    public let targetJudge = TargetJudge()
    /// Longest item (in characters) offered whole as evidence.
    public static let wholeItemLimit = 400

    public init(lexicon: Lexicon, idf: IDF) throws {
        reader = try PassageReader(lexicon: lexicon)
        let similarity = Similarity(idf: idf)
        promiseJudge = PromiseJudge(similarity: similarity)
        recurring = RecurringProblems(similarity: similarity)
    }

    /// A report read for diffing; prepare each report once when it takes part in two pairs.
    public func prepare(_ report: ExtractedReport) -> ReportPassages { ReportPassages(report, reader: reader) }

    /// The promises of `a` with what matching found in `b`, for calibrating thresholds.
    public func features(_ a: ExtractedReport, _ b: ExtractedReport) -> [(PromiseJudge.Promise, PromiseJudge.Features)] {
        let (results, problems, plans) = prepare(b).candidates
        return prepare(a).promises.map { ($0, promiseJudge.features($0, results: results, problems: problems, plans: plans)) }
    }

    /// `b` nil: no report reviews year N yet, so every promise is pending.
    public func diff(_ a: ExtractedReport, _ b: ExtractedReport?) -> DiffReport {
        diff(prepare(a), b.map(prepare))
    }

    public func diff(_ pa: ReportPassages, _ pb: ReportPassages?) -> DiffReport {
        let a = pa.report, b = pb?.report
        let promises = pa.promises
        var judgements: [PromiseJudgement] = []
        var targets: [TargetJudgement] = []
        var pairs: [RecurringPair] = []
        var reused: Reuse?
        var checks: [CrossYearCheck] = []
        if let pb, let b {
            let (results, problems, plans) = pb.candidates
            judgements = promises.map { promiseJudge.decide($0, promiseJudge.features($0, results: results, problems: problems, plans: plans)) }
            targets = a.targets.map {
                targetJudge.judge($0, review: results.passages, problems: problems.passages, plans: plans.passages, year: b.metadata.reviewYear.value)
            }
            pairs = recurring.pairs(pa.problems, pb.problems)
            reused = reuse.find(pa.text, pa.shingles, pb.text, pb.shingles)
            checks = CrossYearChecks.run(a, b)
        } else {
            judgements = promises.map { p in
                PromiseJudgement(id: p.id, itemId: p.item.id, text: p.passage.text, span: p.passage.span, testable: p.testable,
                                 horizon: p.multiYear ? "multi-year" : "annual", status: .pending, score: 0, repromised: false,
                                 stillAProblem: false, evidence: [], reason: "no report reviewing this year yet")
            }
            targets = a.targets.map { t in
                TargetJudgement(id: t.id, indicator: t.indicator,
                                target: .init(value: t.value, high: t.high, unit: t.unit, qualifier: t.qualifier, text: t.text, span: t.span),
                                actual: nil, verdict: .notReported, reason: "no report reviewing this year yet")
            }
        }
        return DiffReport(schemaVersion: DiffReport.schemaVersion,
                          unit: a.metadata.unit.value ?? b?.metadata.unit.value ?? "",
                          fromYear: a.metadata.planYear.value ?? a.metadata.reviewYear.value.map { $0 + 1 },
                          toYear: b?.metadata.reviewYear.value, fromSource: a.source.path, toSource: b?.source.path,
                          promises: judgements, targets: targets, recurringProblems: pairs, reuse: reused, checks: checks,
                          summary: Self.summary(judgements, targets, pairs, reused))
    }

    static func summary(_ p: [PromiseJudgement], _ t: [TargetJudgement], _ r: [RecurringPair], _ reuse: Reuse?) -> DiffReport.Summary {
        var byStatus: [String: Int] = [:]
        for s in PromiseStatus.allCases { byStatus[s.rawValue] = p.filter { $0.status == s }.count }
        func rate(_ list: [PromiseJudgement]) -> Double? {
            let judged = list.filter { $0.status != .pending }
            guard !judged.isEmpty else { return nil }
            let score = judged.reduce(0.0) { $0 + ($1.status == .fulfilled ? 1 : $1.status == .partial ? 0.5 : 0) }
            return (score / Double(judged.count) * 1000).rounded() / 1000
        }
        var targets: [String: Int] = [:]
        for v in TargetVerdict.allCases { targets[v.rawValue] = t.filter { $0.verdict == v }.count }
        return DiffReport.Summary(promises: p.count, byStatus: byStatus, fulfilmentRate: rate(p),
                                  testableFulfilmentRate: rate(p.filter(\.testable)), testable: p.filter(\.testable).count,
                                  targets: targets, recurringProblems: r.count, reuseShare: reuse?.share ?? 0)
    }
}
