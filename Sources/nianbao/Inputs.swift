import ArgumentParser
import Foundation
import ReportStructure
import TrendReport

struct Inputs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the reports of a corpus as JSON Lines documents ({\"path\": …}), in the order analyze reads them.",
        discussion: "For distributing the map stage: feed the lines to `nianbao extract -` on any number of workers.")

    @Argument(help: "Corpus folders or files (as for analyze).") var corpus: [String]
    @Option(help: "The manifest, left out of the listing.") var manifest: String?

    func run() throws {
        let (inputs, errors) = CorpusDiscovery.inputs(corpus, manifestPath: manifest)
        for e in errors { report(e, file: e.file) }
        for input in inputs {
            guard case .file(let path) = input else { continue }
            FileHandle.standardOutput.write(try JSONOutput.line(["path": path]))
        }
        if !errors.isEmpty { throw ExitStatus.someInputsFailed }
    }
}
