import Foundation
import PromiseDiff
import ReportStructure

/// `<unit>/trend.md`: a unit's years for a reader, with charts and the evidence behind each figure.
enum TrendMarkdown {
    static func render(_ u: UnitTrend) -> (String, [(String, LineChart)]) {
        var md = "# \(Markdown.escape(u.unit))\n\n"
        md += "Reports: \(u.rows.count) (\(u.years.map(String.init).joined(separator: ", ")))"
        if !u.gaps.isEmpty { md += "; missing years: \(u.gaps.map(String.init).joined(separator: ", "))" }
        md += ". Machine-readable: [trend.json](trend.json).\n\n"

        var charts: [(String, LineChart)] = []
        let fulfilment = LineChart(title: "Promises fulfilled (share of the previous year's promises)", years: u.years, series: [
            .init(name: "all promises", values: u.rows.map { $0.outcomes?.fulfilmentRate }),
            .init(name: "testable promises", values: u.rows.map { $0.outcomes?.testableFulfilmentRate }),
        ], yMax: 1)
        if fulfilment.hasData { charts.append(("fulfilment.svg", fulfilment)) }
        let applications = LineChart(title: "Information requests (template table 3)", years: u.years, series: [
            .init(name: "requests received", values: u.rows.map { $0.statistics["table3.new.总计"] }),
            .init(name: "disclosed in full", values: u.rows.map { $0.statistics["table3.open.总计"] }),
        ])
        if applications.hasData { charts.append(("applications.svg", applications)) }
        let items = LineChart(title: "Items per report", years: u.years, series: [
            .init(name: "results", values: u.rows.map { Double($0.counts.results) }),
            .init(name: "problems", values: u.rows.map { Double($0.counts.problems) }),
            .init(name: "commitments", values: u.rows.map { Double($0.counts.commitments) }),
        ])
        charts.append(("items.svg", items))

        md += "## Year by year\n\n"
        md += Markdown.table(["year", "results", "problems", "commitments", "promises judged", "fulfilled", "partial",
                              "not reported", "fulfilment", "targets met/missed", "recurring problems", "reused text", "failed checks"],
                             u.rows.map { r in
            let o = r.outcomes
            return [String(r.year), String(r.counts.results), String(r.counts.problems), String(r.counts.commitments),
                    o.map { String($0.promises - $0.pending) } ?? "–", o.map { String($0.fulfilled) } ?? "–",
                    o.map { String($0.partial) } ?? "–", o.map { String($0.notReported) } ?? "–",
                    Markdown.percent(o?.fulfilmentRate), o.map { "\($0.targetsMet)/\($0.targetsMissed)" } ?? "–",
                    String(r.recurringProblems), r.reuseShare.map { Markdown.percent($0) } ?? "–", String(r.failedChecks.count)]
        })
        md += "\n"
        for (name, chart) in charts {
            md += "### \(Markdown.escape(chart.title))\n\n![\(Markdown.escape(chart.title))](\(name))\n\n" + chart.mermaid() + "\n"
            // Mermaid's chart draws no legend: say which line is which.
            if chart.series.count > 1 {
                md += "Lines, in the order drawn: " + chart.series.map { Markdown.escape($0.name) }.joined(separator: "; ") + ".\n\n"
            }
        }

        if !u.problemChains.isEmpty {
            md += "## Problems that come back\n\n"
            for c in u.problemChains {
                md += "- **\(c.years.map(String.init).joined(separator: " → "))** (first \(c.firstYear), longest run \(c.longestRun) years): "
                md += c.links.map { "\($0.year): “\(Markdown.quote($0.text, limit: 50))”" }.joined(separator: "; ") + "\n"
            }
            md += "\n"
        }

        for d in u.diffs {
            md += "## Promises for \(d.fromYear.map(String.init) ?? "?") (\(Markdown.escape(d.fromSource)) → \(Markdown.escape(d.toSource ?? "no report yet")))\n\n"
            md += Markdown.table(["promise", "status", "evidence"], d.promises.map { p in
                var status = "**\(p.status.rawValue)**"
                if p.repromised { status += " · repromised" }
                if p.stillAProblem { status += " · still a problem" }
                if !p.testable { status += " · vague" }
                let ev = p.evidence.first.map { "“\(Markdown.quote($0.text, limit: 60))” (\($0.role.rawValue))" } ?? Markdown.escape(p.reason)
                return [Markdown.quote(p.text, limit: 70), status, ev]
            })
            if !d.targets.isEmpty {
                md += "\n" + Markdown.table(["target", "actual", "verdict"], d.targets.map { t in
                    [Markdown.quote(t.target.text, limit: 40), t.actual.map { Markdown.quote($0.text, limit: 50) } ?? "–",
                     "**\(t.verdict.rawValue)** — \(Markdown.escape(t.reason))"]
                })
            }
            if let r = d.reuse, !r.pairs.isEmpty {
                md += "\nText reused from the year before (\(Markdown.percent(r.share))): "
                md += r.pairs.prefix(3).map { "“\(Markdown.quote($0.to, limit: 40))”" }.joined(separator: "; ") + "\n"
            }
            let failed = d.checks.filter { $0.status == .fail }
            if !failed.isEmpty {
                md += "\nFigures across years: " + failed.map { "\(Markdown.escape($0.name)): \(Markdown.escape($0.detail))" }.joined(separator: "; ") + "\n"
            }
            md += "\n"
        }

        let keywordRows = u.rows.filter { !$0.keywords.rising.isEmpty || !$0.keywords.falling.isEmpty }
        if !keywordRows.isEmpty {
            md += "## Keywords rising and falling (log-likelihood against earlier years)\n\n"
            md += Markdown.table(["year", "rising", "falling"], keywordRows.map { r in
                [String(r.year), r.keywords.rising.map { Markdown.escape($0.word) }.joined(separator: "、"),
                 r.keywords.falling.map { Markdown.escape($0.word) }.joined(separator: "、")]
            })
            md += "\n"
        }
        let checks = u.rows.filter { !$0.failedChecks.isEmpty }
        if !checks.isEmpty {
            md += "## Failed consistency checks\n\n"
            for r in checks { md += "- \(r.year): " + r.failedChecks.map { "`\(Markdown.escape($0))`" }.joined(separator: ", ") + "\n" }
        }
        return (md, charts)
    }
}

/// `compare.md`: the comparison table for a reader.
enum CompareMarkdown {
    static let header = ["unit", "year", "results", "problems", "commitments", "fulfilment", "testable", "targets met", "recurring",
                         "reused", "requests", "failed checks"]

    static func render(_ a: Analysis, to write: (Data) throws -> Void) throws {
        try write(Data(("# Comparison across units\n\nOne row per unit and year; the same data as compare.csv and compare.json.\n\n"
                        + Markdown.table(header, [])).utf8))
        try a.compare.forEachChunk { rows in
            try write(Data(rows.map { Markdown.row(cells($0)) }.joined().utf8))
        }
    }

    static func cells(_ r: CompareRow) -> [String] {
        [Markdown.escape(r.unit), String(r.year), String(r.results), String(r.problems), String(r.commitments),
         Markdown.percent(r.fulfilmentRate), Markdown.percent(r.testableFulfilmentRate), String(r.targetsMet),
         String(r.recurringProblems), r.reuseShare.map { Markdown.percent($0) } ?? "–",
         r.applicationsNew.map { SVG.number($0) } ?? "–", String(r.failedChecks)]
    }
}

/// `index.md`: what was analysed and where to look, written a unit at a time (two passes over
/// the spooled summaries: the years first, for the matrix's columns).
enum IndexMarkdown {
    static func render(_ a: Analysis, to write: (Data) throws -> Void) throws {
        func put(_ s: String) throws { try write(Data(s.utf8)) }
        var years = Set<Int>()
        try a.units.forEach { years.formUnion($0.years) }
        // Every year of the span, so that a year no unit has shows as a gap too.
        let columns = years.min().flatMap { low in years.max().map { Array(low...$0) } } ?? []
        let count = Markdown.count
        try put("# Nianbao analysis\n\n"
                + "\(count(a.reports, "report")) of \(count(a.units.count, "unit")); \(count(a.pairs, "pair")) of consecutive years diffed. "
                + "Comparison: [compare.md](compare.md) ([csv](compare.csv), [json](compare.json)); run record: [run.json](run.json).\n\n")
        if !columns.isEmpty {
            try put("## Units × years\n\n" + Markdown.table(["unit"] + columns.map(String.init), []))
            try a.units.forEach { u in
                try put(Markdown.row([link(u)] + columns.map { u.years.contains($0) ? "●" : (u.gaps.contains($0) ? "gap" : "") }))
            }
            try put("\n")
        }
        try put("## Headlines\n\n")
        try a.units.forEach { u in try put("- **\(link(u))**: " + headlines(u).joined(separator: "; ") + ".\n") }
        if a.pairs > 0 { try put("\n" + Markdown.trustNote + "\n") }
        if !a.skipped.isEmpty {
            try put("\n## Left out\n\n" + a.skipped.map { "- \(Markdown.escape($0.description))\n" }.joined())
        }
    }

    static func link(_ u: UnitSummary) -> String { "[\(Markdown.escape(u.unit))](\(u.folder)/trend.md)" }

    static func headlines(_ u: UnitSummary) -> [String] {
        var lines: [String] = []
        if u.promisesJudged > 0 { lines.append("\(u.fulfilled) of \(u.promisesJudged) promises judged were reported fulfilled") }
        if u.targetsMet + u.targetsMissed > 0 { lines.append("targets met \(u.targetsMet), missed \(u.targetsMissed)") }
        if let longest = u.longestChain, longest.years > 1 {
            lines.append("a problem admitted in \(longest.years) years: “\(Markdown.quote(longest.text, limit: 30))”")
        }
        if u.failedChecks > 0 { lines.append("\(u.failedChecks) failed consistency checks") }
        return lines.isEmpty ? ["a single report: nothing to compare yet"] : lines
    }
}
