import Foundation
import PromiseDiff
import ReportStructure

/// A renderer turns an analysis into files (paths relative to the output folder). The CLI
/// picks renderers by `--format`; all write through `OutputSet`, atomically.
public protocol Renderer {
    func files(_ analysis: Analysis) throws -> [(String, Data)]
}

public struct JSONRenderer: Renderer {
    public init() {}
    public func files(_ a: Analysis) throws -> [(String, Data)] {
        var out: [(String, Data)] = try a.units.map { ("\($0.folder)/trend.json", try JSONOutput.data($0)) }
        out.append(("compare.json", try JSONOutput.data(CompareFile(schemaVersion: 1, columns: CompareRow.columns, rows: a.compare))))
        return out
    }

    struct CompareFile: Codable {
        var schemaVersion: Int
        var columns: [String]
        var rows: [CompareRow]
    }
}

public struct CSVRenderer: Renderer {
    public init() {}
    public func files(_ a: Analysis) throws -> [(String, Data)] {
        var csv = CompareRow.columns.joined(separator: ",") + "\n"
        for r in a.compare {
            func n(_ v: Double?) -> String { v.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }
            let fields: [String] = [r.unit, r.region, String(r.year), r.genre, r.template, r.source, String(r.results), String(r.problems),
                                    String(r.commitments), String(r.promisesJudged), String(r.fulfilled), String(r.partial),
                                    String(r.notReported), String(r.pending), n(r.fulfilmentRate), n(r.testableFulfilmentRate),
                                    String(r.targetsMet), String(r.targetsMissed), String(r.recurringProblems), n(r.reuseShare),
                                    n(r.publishedItems), n(r.applicationsNew), n(r.applicationsCarried), n(r.applicationsOpen),
                                    n(r.applicationsHandled), n(r.applicationsCarryover), n(r.reviews), n(r.lawsuits), String(r.failedChecks)]
            csv += fields.map(CSV.field).joined(separator: ",") + "\n"
        }
        return [("compare.csv", Data(csv.utf8))]
    }
}

public struct MarkdownRenderer: Renderer {
    public init() {}
    public func files(_ a: Analysis) throws -> [(String, Data)] {
        var out: [(String, Data)] = []
        for u in a.units {
            let (md, charts) = TrendMarkdown.render(u)
            out.append(("\(u.folder)/trend.md", Data(md.utf8)))
            for (name, chart) in charts { out.append(("\(u.folder)/\(name)", Data(chart.svg().utf8))) }
        }
        out.append(("compare.md", Data(CompareMarkdown.render(a).utf8)))
        out.append(("index.md", Data(IndexMarkdown.render(a).utf8)))
        return out
    }
}
