import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// The reduce stage: reports → units → consecutive pairs → diffs → year rows, chains, comparison.
struct Aggregator {
    let analyzer: Analyzer

    struct Series {
        var unit: String
        var genre: String
        var reports: [ExtractedReport]
    }

    func run(_ input: [ExtractedReport]) throws -> Analysis {
        var skipped: [NianbaoError] = []
        // A stable order whatever order the records came in.
        let reports = input.sorted { ($0.source.path, $0.source.sha256) < ($1.source.path, $1.source.sha256) }
        var groups: [String: Series] = [:]
        for r in reports {
            guard let year = r.metadata.reviewYear.value else {
                skipped.append(NianbaoError(.noText, file: r.source.path, "no year could be read (name it in a manifest)"))
                continue
            }
            let unit = r.metadata.unit.value ?? r.metadata.region.value ?? "unknown"
            let genre = r.metadata.genre.value?.rawValue ?? "unknown"
            let key = unit + "|" + genre
            var series = groups[key] ?? Series(unit: unit, genre: genre, reports: [])
            if let other = series.reports.first(where: { $0.metadata.reviewYear.value == year }) {
                skipped.append(NianbaoError(.duplicateReport, file: r.source.path,
                                            "\(unit) \(year) is also reported by \(other.source.path); this copy is left out"))
                continue
            }
            series.reports.append(r)
            groups[key] = series
        }
        let series = groups.values.map { s -> Series in
            var s = s
            s.reports.sort { ($0.metadata.reviewYear.value!, $0.source.path) < ($1.metadata.reviewYear.value!, $1.source.path) }
            return s
        }.sorted { ($0.unit, $0.genre) < ($1.unit, $1.genre) }

        // Pairs: a report's plan year with the report that reviews it (none yet: pending).
        var pairs: [(series: Int, a: Int, b: Int?)] = []
        for (si, s) in series.enumerated() {
            for (ai, a) in s.reports.enumerated() {
                let planYear = a.metadata.planYear.value ?? a.metadata.reviewYear.value.map { $0 + 1 }
                let b = s.reports.firstIndex { $0.metadata.reviewYear.value == planYear }
                if b != nil || ai == s.reports.count - 1 || a.items.contains(where: { $0.role == .commitment }) {
                    pairs.append((si, ai, b))
                }
            }
        }
        let idf = IDF(reports: reports)
        let lexicon = analyzer.options.lexicon
        let diffs = try analyzer.parallel(pairs.count, make: { try Differ(lexicon: lexicon, idf: idf) }) { differ, i in
            let p = pairs[i]
            return differ.diff(series[p.series].reports[p.a], p.b.map { series[p.series].reports[$0] })
        }

        let unitNames = Dictionary(grouping: series, by: \.unit)
        var units: [UnitTrend] = []
        var compare: [CompareRow] = []
        for (si, s) in series.enumerated() {
            let sDiffs = zip(pairs, diffs).filter { $0.0.series == si }
            let folder = SafeName.make(unitNames[s.unit]!.count > 1 ? s.unit + "-" + s.genre : s.unit)
            var rows: [YearRow] = []
            for (ri, r) in s.reports.enumerated() {
                let incoming = sDiffs.first { $0.0.b == ri }?.1
                let earlier = Array(s.reports[..<ri])
                rows.append(row(r, incoming: incoming, earlier: earlier))
            }
            let chainInput = sDiffs.compactMap { p, d -> (Int, Int, String, String, [RecurringPair])? in
                guard let b = p.b, let fy = s.reports[p.a].metadata.reviewYear.value,
                      let ty = s.reports[b].metadata.reviewYear.value else { return nil }
                return (fy, ty, s.reports[p.a].source.path, s.reports[b].source.path, d.recurringProblems)
            }
            let years = s.reports.compactMap(\.metadata.reviewYear.value)
            let gaps = years.count > 1 ? (years.first!...years.last!).filter { !years.contains($0) } : []
            let trend = UnitTrend(schemaVersion: UnitTrend.schemaVersion, unit: s.unit, folder: folder,
                                  region: s.reports.compactMap(\.metadata.region.value).first, genres: [s.genre],
                                  years: years, gaps: gaps, rows: rows,
                                  problemChains: ProblemChain.chains(chainInput.map { ($0.0, $0.1, $0.2, $0.3, $0.4) }),
                                  diffs: sDiffs.map(\.1))
            units.append(trend)
            compare += rows.map { compareRow(trend, $0) }
        }
        return Analysis(units: units, compare: compare, pairs: diffs.filter { $0.toSource != nil }.count, skipped: skipped)
    }

    func row(_ r: ExtractedReport, incoming d: DiffReport?, earlier: [ExtractedReport]) -> YearRow {
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
                       keywords: Keyness.compare(r, against: earlier))
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
