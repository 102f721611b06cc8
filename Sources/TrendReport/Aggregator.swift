import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// The reduce stage: entries → units → consecutive pairs → diffs → year rows, chains, comparison.
///
/// Entries are sorted on disk so that a unit's reports come together, and units are reduced in
/// windows of about `Analyzer.Options.window` reports, in unit order: a window's records are
/// loaded and read for matching in parallel (each report once, though it takes part in two
/// pairs), its pairs are diffed in parallel, and each unit's trend is handed to `emit` and
/// dropped; what the corpus-wide outputs need is spooled. Memory holds one window, whatever the
/// size of the corpus.
struct Aggregator {
    let analyzer: Analyzer
    let store: RecordStore
    let idf: IDF

    struct Series {
        var unit: String
        var genre: String
        var entries: [ReportEntry]
        var folder = ""
        /// (earlier, later) report indices; later nil: no report reviews the plan year yet.
        var pairs: [(a: Int, b: Int?)] = []
    }

    func run(_ input: SpooledRows<ReportEntry>, progress: ((Int) -> Void)?, emit: (UnitTrend) throws -> Void) throws -> Analysis {
        let sorted = try SortedSpool<ReportEntry>(by: { ReportEntry.reduceOrder($0, $1) })
        try input.forEach { try sorted.append($0) }
        var differs = try (0..<analyzer.options.jobs).map { _ in try Differ(lexicon: analyzer.options.lexicon, idf: idf) }
        var analysis = Analysis(units: try SpooledRows(), reports: 0, compare: try SpooledRows(), pairs: 0, skipped: [])
        var batch: [Series] = [], batchReports = 0
        func flush() throws {
            for (summary, rows) in try window(batch, differs: &differs, emit: emit) {
                try analysis.units.append(summary)
                try analysis.compare.append(contentsOf: rows)
            }
            batch.removeAll()
            batchReports = 0
            progress?(analysis.units.count)
        }
        var unit: [ReportEntry] = []
        func closeUnit() throws {
            for s in series(unit, skipped: &analysis.skipped) {
                if !batch.isEmpty && batchReports + s.entries.count > analyzer.options.window { try flush() }
                batch.append(s)
                batchReports += s.entries.count
                analysis.reports += s.entries.count
                analysis.pairs += s.pairs.filter { $0.b != nil }.count
            }
            unit.removeAll()
        }
        try sorted.forEach { e in
            if let first = unit.first, first.unit != e.unit { try closeUnit() }
            unit.append(e)
        }
        try closeUnit()
        if !batch.isEmpty { try flush() }
        return analysis
    }

    /// One unit's entries (in `ReportEntry.reduceOrder`) as series, one per genre, with their
    /// pairs and folders; reports without a year, and second copies of a year, are left out with
    /// the reason.
    func series(_ entries: [ReportEntry], skipped: inout [NianbaoError]) -> [Series] {
        var series: [Series] = []
        for e in entries {
            guard let year = e.reviewYear else {
                skipped.append(NianbaoError(.noText, file: e.path, "no year could be read (name it in a manifest)"))
                continue
            }
            if series.last?.genre != e.genre { series.append(Series(unit: e.unit, genre: e.genre, entries: [])) }
            if let other = series[series.count - 1].entries.last, other.reviewYear == year {
                skipped.append(NianbaoError(.duplicateReport, file: e.path,
                                            "\(e.unit) \(year) is also reported by \(other.path); this copy is left out (if they are two units' reports, name the units in a manifest)"))
                continue
            }
            series[series.count - 1].entries.append(e)
        }
        for i in series.indices {
            let s = series[i]
            series[i].folder = SafeName.make(series.count > 1 ? s.unit + "-" + s.genre : s.unit)
            // A report's plan year with the report that reviews it (none yet: pending).
            for (ai, a) in s.entries.enumerated() {
                let planYear = a.planYear ?? a.reviewYear.map { $0 + 1 }
                let b = s.entries.firstIndex { $0.reviewYear == planYear }
                if b != nil || ai == s.entries.count - 1 || a.hasCommitments { series[i].pairs.append((ai, b)) }
            }
        }
        return series
    }

    /// Reduces a window of units: load and read, diff, aggregate and emit.
    func window(_ series: [Series], differs: inout [Differ],
                emit: (UnitTrend) throws -> Void) throws -> [(UnitSummary, [CompareRow])] {
        let reportsAt = series.indices.flatMap { si in series[si].entries.indices.map { (si, $0) } }
        let loaded = analyzer.parallel(reportsAt.count, states: &differs) { differ, k -> Result<ReportPassages, Error> in
            Result {
                let (si, ri) = reportsAt[k]
                let prepared = differ.prepare(try store.report(series[si].entries[ri].ref))
                prepared.readAll()
                return prepared
            }
        }
        var prepared: [[ReportPassages]] = series.map { _ in [] }
        for (k, r) in loaded.enumerated() { prepared[reportsAt[k].0].append(try r.get()) }

        let pairsAt = series.indices.flatMap { si in series[si].pairs.map { (si, $0.a, $0.b) } }
        let diffs = analyzer.parallel(pairsAt.count, states: &differs) { differ, k in
            let (si, a, b) = pairsAt[k]
            return differ.diff(prepared[si][a], b.map { prepared[si][$0] })
        }
        var diffsOf: [[(a: Int, b: Int?, diff: DiffReport)]] = series.map { _ in [] }
        for (k, d) in diffs.enumerated() { diffsOf[pairsAt[k].0].append((pairsAt[k].1, pairsAt[k].2, d)) }

        return try analyzer.parallel(series.count, states: &differs) { _, si -> Result<(UnitSummary, [CompareRow]), Error> in
            Result {
                let trend = unitTrend(series[si], prepared[si].map(\.report), diffsOf[si])
                try emit(trend)
                return (UnitSummary(trend), trend.rows.map { compareRow(trend, $0) })
            }
        }.map { try $0.get() }
    }

    func unitTrend(_ s: Series, _ reports: [ExtractedReport], _ diffs: [(a: Int, b: Int?, diff: DiffReport)]) -> UnitTrend {
        var rows: [YearRow] = []
        var earlier: [WordKey: Int] = [:]
        for (ri, r) in reports.enumerated() {
            let own = Keyness.counts([r])
            rows.append(row(r, incoming: diffs.first { $0.b == ri }?.diff, keywords: Keyness.compare(own, against: earlier)))
            earlier.merge(own, uniquingKeysWith: +)
        }
        let chainInput = diffs.compactMap { p -> (Int, Int, String, String, [RecurringPair])? in
            guard let b = p.b, let fy = reports[p.a].metadata.reviewYear.value, let ty = reports[b].metadata.reviewYear.value else { return nil }
            return (fy, ty, reports[p.a].source.path, reports[b].source.path, p.diff.recurringProblems)
        }
        let years = reports.compactMap(\.metadata.reviewYear.value)
        let gaps = years.count > 1 ? (years.first!...years.last!).filter { !years.contains($0) } : []
        return UnitTrend(schemaVersion: UnitTrend.schemaVersion, unit: s.unit, folder: s.folder,
                         region: reports.compactMap(\.metadata.region.value).first, genres: [s.genre],
                         years: years, gaps: gaps, rows: rows, problemChains: ProblemChain.chains(chainInput),
                         diffs: diffs.map(\.diff))
    }

    func row(_ r: ExtractedReport, incoming d: DiffReport?, keywords: YearRow.Keywords) -> YearRow {
        let counts = YearRow.Counts(results: r.items.filter { $0.role == .result }.count,
                                    problems: r.items.filter { $0.role == .problem }.count,
                                    commitments: r.items.filter { $0.role == .commitment }.count,
                                    targets: r.targets.count)
        let outcomes = d.map { d in
            YearRow.Outcomes(promisedIn: d.fromSource, promises: d.summary.promises,
                             fulfilled: d.summary.byStatus["fulfilled"] ?? 0, partial: d.summary.byStatus["partial"] ?? 0,
                             notReported: d.summary.byStatus["not_reported"] ?? 0, pending: d.summary.byStatus["pending"] ?? 0,
                             testable: d.summary.testable, fulfilmentRate: d.summary.fulfilmentRate,
                             testableFulfilmentRate: d.summary.testableFulfilmentRate,
                             targetsMet: d.summary.targets["met"] ?? 0, targetsMissed: d.summary.targets["missed"] ?? 0,
                             targetsNotReported: d.summary.targets["not_reported"] ?? 0,
                             targetsAmbiguous: d.summary.targets["ambiguous"] ?? 0)
        }
        var statistics: [String: Double] = [:]
        for t in r.tables {
            for row in t.rows {
                for (i, c) in row.cells.enumerated() where c.kind == .number {
                    statistics["\(t.id).\(row.id).\(t.columns[min(i, t.columns.count - 1)])"] = c.value
                }
            }
        }
        let failed = r.checks.filter { $0.status == .fail }.map(\.name) + (d?.checks.filter { $0.status == .fail }.map(\.name) ?? [])
        return YearRow(year: r.metadata.reviewYear.value ?? 0, planYear: r.metadata.planYear.value, source: r.source.path,
                       sha256: r.source.sha256, genre: r.metadata.genre.value?.rawValue ?? "unknown",
                       template: r.metadata.template.value?.rawValue ?? "free-form", counts: counts, outcomes: outcomes,
                       recurringProblems: d?.recurringProblems.count ?? 0, reuseShare: d?.reuse?.share,
                       statistics: statistics, failedChecks: failed.sorted(), warnings: r.warnings,
                       keywords: keywords)
    }

    func compareRow(_ u: UnitTrend, _ r: YearRow) -> CompareRow {
        func stat(_ key: String) -> Double? { r.statistics[key] }
        let total3 = r.statistics.keys.first { $0.hasPrefix("table3.total.") && $0.hasSuffix("总计") }
        return CompareRow(unit: u.unit, region: u.region ?? "", year: r.year, genre: r.genre, template: r.template, source: r.source,
                          results: r.counts.results, problems: r.counts.problems, commitments: r.counts.commitments,
                          promisesJudged: r.outcomes.map { $0.promises - $0.pending } ?? 0,
                          fulfilled: r.outcomes?.fulfilled ?? 0, partial: r.outcomes?.partial ?? 0,
                          notReported: r.outcomes?.notReported ?? 0, pending: r.outcomes?.pending ?? 0,
                          fulfilmentRate: r.outcomes?.fulfilmentRate, testableFulfilmentRate: r.outcomes?.testableFulfilmentRate,
                          targetsMet: r.outcomes?.targetsMet ?? 0, targetsMissed: r.outcomes?.targetsMissed ?? 0,
                          recurringProblems: r.recurringProblems, reuseShare: r.reuseShare,
                          publishedItems: nil,
                          applicationsNew: stat("table3.new.总计"), applicationsCarried: stat("table3.carried.总计"),
                          applicationsOpen: stat("table3.open.总计"), applicationsHandled: total3.flatMap(stat),
                          applicationsCarryover: stat("table3.carryover.总计"),
                          reviews: stat("table4.review.总计"),
                          lawsuits: [stat("table4.suit.总计"), stat("table4.suitAfterReview.总计")].compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 },
                          failedChecks: r.failedChecks.count)
    }
}
