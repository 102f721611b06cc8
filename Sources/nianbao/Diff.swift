import ArgumentParser
import Foundation
import PromiseDiff
import ReportStructure
import ReportText
import TrendReport

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge year N's promises and targets against the report reviewing year N.",
        discussion: "OLD and NEW are report files or `nianbao extract` JSON. Pass - as NEW when no later report exists (all pending).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md }

    @Argument(help: "The earlier report (its plans are judged).") var old: String
    @Argument(help: "The later report (it reviews the year the plans were for).") var new: String
    @Option(help: "json or md.") var format: Format = .json
    @OptionGroup var text: TextOptions

    func run() throws {
        let lexicon = try text.lexicon()
        let extractor = try ReportExtractor(lexicon: lexicon, normalizer: Normalizer(traditional: text.traditional))
        let a = try ReportInput.read(old, extractor)
        let b = new == "-" ? nil : try ReportInput.read(new, extractor)
        let differ = try Differ(lexicon: lexicon, idf: IDF(reports: [a] + (b.map { [$0] } ?? [])))
        let d = differ.diff(a, b)
        // Reports that do not pair (a plan year with the report reviewing another year) are still
        // diffed, as asked, but the reader is told.
        if let b, let plan = d.fromYear, let reviewed = b.metadata.reviewYear.value, plan != reviewed {
            FileHandle.standardError.write(Data(("nianbao: warning: \(old) plans for \(plan) but \(new) reviews \(reviewed): "
                + "its promises are judged against another year's review\n").utf8))
        }
        switch format {
        case .json: FileHandle.standardOutput.write(try JSONOutput.data(d))
        case .md: FileHandle.standardOutput.write(Data(DiffMarkdown.render(d).utf8))
        }
    }
}

/// A report given as a file to extract or as `extract` JSON.
enum ReportInput {
    static func read(_ path: String, _ extractor: ReportExtractor) throws -> ExtractedReport {
        if path.hasSuffix(".json") || path.hasSuffix(".jsonl") {
            let data = try Data(PlainText.readBytes(path: path))
            if let record = try? JSONOutput.decoder().decode(ExtractRecord.self, from: data) {
                if let r = record.report { return r }
                if let e = record.error { throw e }
            }
            throw NianbaoError(.malformedDocument, file: path, "not a `nianbao extract` JSON record")
        }
        return try extractor.extract(path: path)
    }
}
