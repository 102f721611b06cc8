import PromiseDiff
import ReportStructure

/// `nianbao diff --format md`: the diff for a reader, every judgement with its quote.
public enum DiffMarkdown {
    public static func render(_ d: DiffReport) -> String {
        var out = "# \(Markdown.escape(d.unit)): promises for \(d.fromYear.map(String.init) ?? "?") → report on \(d.toYear.map(String.init) ?? "?")\n\n"
        out += "From `\(Markdown.escape(d.fromSource))` to `\(Markdown.escape(d.toSource ?? "(none yet)"))`.\n\n"
        let s = d.summary
        out += "- Promises: \(s.promises) (\(s.testable) testable); "
        out += PromiseStatus.allCases.map { "\($0.rawValue) \(s.byStatus[$0.rawValue] ?? 0)" }.joined(separator: ", ") + "\n"
        out += "- Fulfilment rate: \(Markdown.percent(s.fulfilmentRate)) (testable: \(Markdown.percent(s.testableFulfilmentRate)))\n"
        out += "- Targets: " + TargetVerdict.allCases.map { "\($0.rawValue) \(s.targets[$0.rawValue] ?? 0)" }.joined(separator: ", ") + "\n"
        out += "- Recurring problems: \(s.recurringProblems); text reused from the earlier report: \(Markdown.percent(s.reuseShare))\n\n"
        out += "## Promises\n\n"
        if !d.promises.isEmpty { out += Markdown.trustNote + "\n\n" }
        out += Markdown.table(["id", "promise", "status", "flags", "evidence", "why"], d.promises.map { p in
            var flags: [String] = []
            if !p.testable { flags.append("vague") }
            if p.repromised { flags.append("repromised") }
            if p.stillAProblem { flags.append("still a problem") }
            if p.horizon != "annual" { flags.append(p.horizon) }
            let ev = p.evidence.first.map { "\($0.role.rawValue) \(String(format: "%.2f", $0.score)): \(Markdown.quote($0.text, limit: 60))" } ?? ""
            return [p.id, Markdown.quote(p.text), "**\(p.status.rawValue)**", flags.joined(separator: ", "), ev, Markdown.escape(p.reason)]
        })
        if !d.targets.isEmpty {
            out += "\n## Targets\n\n"
            out += Markdown.table(["indicator", "target", "actual", "verdict", "why"], d.targets.map { t in
                [Markdown.escape(t.indicator), Markdown.quote(t.target.text, limit: 40),
                 t.actual.map { Markdown.quote($0.text, limit: 60) } ?? "–", "**\(t.verdict.rawValue)**", Markdown.escape(t.reason)]
            })
        }
        if !d.recurringProblems.isEmpty {
            out += "\n## Recurring problems\n\n"
            out += Markdown.table(["earlier", "later", "score"], d.recurringProblems.map {
                [Markdown.quote($0.from.text), Markdown.quote($0.to.text), String(format: "%.2f", $0.score)]
            })
        }
        if let r = d.reuse, !r.pairs.isEmpty {
            out += "\n## Text reused from the earlier report (\(Markdown.percent(r.share)))\n\n"
            out += Markdown.table(["earlier", "later", "similarity"], r.pairs.map {
                [Markdown.quote($0.from), Markdown.quote($0.to), String(format: "%.2f", $0.similarity)]
            })
        }
        if !d.checks.isEmpty {
            out += "\n## Figures across the two years\n\n"
            out += Markdown.table(["check", "status", "detail"], d.checks.map {
                [Markdown.escape($0.name), $0.status.rawValue, Markdown.escape($0.detail)]
            })
        }
        return out
    }
}
