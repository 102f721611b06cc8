import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// A renderer turns a unit's trend, and then the whole analysis, into files (paths relative to
/// the output folder). The CLI picks renderers by `--format`; all write through `OutputSet`,
/// atomically.
public protocol Renderer: Sendable {
    /// The files of one unit (its folder).
    func files(_ unit: UnitTrend) throws -> [(String, Data)]
    /// The files about the whole corpus, produced in pieces: a comparison of forty thousand rows
    /// is written as it is rendered, never held whole.
    func files(_ analysis: Analysis) throws -> [(String, StreamedContent)]
}

/// A file's content, handed to `write` piece by piece.
public typealias StreamedContent = (_ write: (Data) throws -> Void) throws -> Void

public struct JSONRenderer: Renderer {
    public init() {}
    public func files(_ u: UnitTrend) throws -> [(String, Data)] { [("\(u.folder)/trend.json", try JSONOutput.data(u))] }

    public func files(_ a: Analysis) throws -> [(String, StreamedContent)] {
        [("compare.json", { write in try Self.compareFile(a.compare, to: write) })]
    }

    struct CompareFile: Codable {
        var schemaVersion: Int
        var columns: [String]
        var rows: [CompareRow]
    }

    /// `compare.json`, a row at a time (see `JSONOutput.write(_:key:isEmpty:each:to:)`).
    static func compareFile(_ rows: SpooledRows<CompareRow>, to write: (Data) throws -> Void) throws {
        try JSONOutput.write(CompareFile(schemaVersion: 1, columns: CompareRow.columns, rows: []), key: "rows", isEmpty: rows.isEmpty,
                             each: rows.forEach, to: write)
    }
}

public struct CSVRenderer: Renderer {
    public init() {}
    public func files(_ u: UnitTrend) throws -> [(String, Data)] { [] }

    public func files(_ a: Analysis) throws -> [(String, StreamedContent)] {
        [("compare.csv", { write in
            try write(Data((CompareRow.columns.joined(separator: ",") + "\n").utf8))
            try a.compare.forEachChunk { rows in try write(Data(rows.map(Self.line).joined().utf8)) }
        })]
    }

    static func line(_ r: CompareRow) -> String {
        func n(_ v: Double?) -> String { v?.figureText ?? "" }
        let fields: [String] = [r.unit, r.region, String(r.year), r.genre, r.template, r.source, String(r.results), String(r.problems),
                                String(r.commitments), String(r.promisesJudged), String(r.fulfilled), String(r.partial),
                                String(r.notReported), String(r.pending), n(r.fulfilmentRate), n(r.testableFulfilmentRate),
                                String(r.targetsMet), String(r.targetsMissed), String(r.recurringProblems), n(r.reuseShare),
                                n(r.publishedItems), n(r.applicationsNew), n(r.applicationsCarried), n(r.applicationsOpen),
                                n(r.applicationsHandled), n(r.applicationsCarryover), n(r.reviews), n(r.lawsuits), String(r.failedChecks)]
        return fields.map(CSV.field).joined(separator: ",") + "\n"
    }
}

public struct MarkdownRenderer: Renderer {
    public init() {}
    public func files(_ u: UnitTrend) throws -> [(String, Data)] {
        let (md, charts) = TrendMarkdown.render(u)
        return [("\(u.folder)/trend.md", Data(md.utf8))] + charts.map { ("\(u.folder)/\($0.0)", Data($0.1.svg().utf8)) }
    }

    public func files(_ a: Analysis) throws -> [(String, StreamedContent)] {
        [("compare.md", { write in try CompareMarkdown.render(a, to: write) }),
         ("index.md", { write in try IndexMarkdown.render(a, to: write) })]
    }
}

