import Foundation
import PromiseDiff
import ReportStructure

/// A renderer turns a unit's trend, and then the whole analysis, into files (paths relative to
/// the output folder). The CLI picks renderers by `--format`; all write through `OutputSet`,
/// atomically.
public protocol Renderer: Sendable {
    /// The files of one unit (its folder).
    func files(_ unit: UnitTrend) throws -> [(String, Data)]
    /// The files about the whole corpus.
    func files(_ analysis: Analysis) throws -> [(String, Data)]
}

public struct JSONRenderer: Renderer {
    public init() {}
    public func files(_ u: UnitTrend) throws -> [(String, Data)] { [("\(u.folder)/trend.json", try JSONOutput.data(u))] }

    public func files(_ a: Analysis) throws -> [(String, Data)] {
        [("compare.json", try JSONOutput.data(CompareFile(schemaVersion: 1, columns: CompareRow.columns, rows: a.compare)))]
    }

    struct CompareFile: Codable {
        var schemaVersion: Int
        var columns: [String]
        var rows: [CompareRow]
    }
}

public struct CSVRenderer: Renderer {
    public init() {}
    public func files(_ u: UnitTrend) throws -> [(String, Data)] { [] }

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
    public func files(_ u: UnitTrend) throws -> [(String, Data)] {
        let (md, charts) = TrendMarkdown.render(u)
        return [("\(u.folder)/trend.md", Data(md.utf8))] + charts.map { ("\(u.folder)/\($0.0)", Data($0.1.svg().utf8)) }
    }

    public func files(_ a: Analysis) throws -> [(String, Data)] {
        [("compare.md", Data(CompareMarkdown.render(a).utf8)), ("index.md", Data(IndexMarkdown.render(a).utf8))]
    }
}
