import ArgumentParser
import Foundation
import ReportStructure
import ReportText

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Structure reports: metadata, outline, results / problems / commitments, targets, tables, checks.",
        discussion: """
        Inputs are files (.txt in any Chinese encoding, .html, .docx, .pdf), or - for JSON Lines documents \
        on standard input ({"id", "unit", "year", "title", "text", ...}), or one report piped in as it is \
        (text, HTML or DOCX). With --out -, one JSON record per report on standard output (JSON Lines); a \
        failed input becomes a record with an "error" field.
        """)

    @Argument(help: "Report files, or - for JSON Lines documents (or one report as it is) on standard input.")
    var files: [String] = []

    @Option(help: "A corpus manifest (CSV or JSON: path, unit, region, year, genre).")
    var manifest: String?

    @Option(help: "Output folder (one JSON file per report), or - for JSON Lines on standard output.")
    var out: String = "-"

    @OptionGroup var text: TextOptions

    func run() throws {
        let extractor = try ReportExtractor(lexicon: try text.lexicon(), normalizer: Normalizer(traditional: text.traditional))
        let manifest = try self.manifest.map { try Manifest.load(path: $0) } ?? Manifest()
        var failed = 0
        let inputs = files.isEmpty ? ["-"] : files
        for input in inputs {
            let sources: AnySequence<Result<ExtractInput, NianbaoError>> = input == "-"
                ? AnySequence(ExtractInput.jsonLines(FileHandle.standardInput, orOneReport: true))
                : AnySequence([.success(ExtractInput.file(input))])
            for source in sources {
                let record: ExtractRecord
                switch source {
                case .failure(let e):
                    record = ExtractRecord(error: e)
                case .success(let s):
                    do {
                        record = ExtractRecord(report: try s.extract(extractor, manifest: manifest))
                    } catch {
                        record = ExtractRecord(error: (error as? NianbaoError) ?? NianbaoError(.unreadable, file: s.name, "\(error)"))
                    }
                }
                if let e = record.error {
                    report(e, file: e.file)
                    failed += 1
                }
                try emit(record)
            }
        }
        if failed > 0 { throw ExitStatus.someInputsFailed }
    }

    func emit(_ record: ExtractRecord) throws {
        if out == "-" {
            FileHandle.standardOutput.write(try JSONOutput.line(record))
            return
        }
        guard let r = record.report else { return }
        let name = SafeName.make(((r.source.path as NSString).lastPathComponent as NSString).deletingPathExtension)
        try AtomicFile.write(try JSONOutput.data(r), to: URL(fileURLWithPath: out).appendingPathComponent(name + ".json"))
    }
}
