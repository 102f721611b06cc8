import ArgumentParser
import Foundation
import ReportText

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Reads Chinese government annual reports: what was promised, admitted and done, year by year.",
        version: NianbaoVersion.string,
        subcommands: [Segment.self, Extract.self, Diff.self, Analyze.self, Inputs.self, Eval.self])
}

/// Exit codes shared by all subcommands (documented in the README).
enum ExitStatus {
    /// Some inputs failed; outputs for the others were written.
    static let someInputsFailed = ExitCode(1)
    /// Bad command line (ArgumentParser's own validation errors also exit 64).
    static let usage = ExitCode(64)
}

/// Options every text-reading subcommand shares.
struct TextOptions: ParsableArguments {
    @Option(name: .customLong("dict"), help: "A user dictionary in jieba format (word [freq] [tag]); repeatable.")
    var dictionaries: [String] = []

    @Option(help: "Convert traditional characters to simplified: auto, on or off.")
    var traditional: Normalizer.TraditionalMode = .auto

    func lexicon() throws -> Lexicon {
        var lexicon = try Lexicon.builtIn()
        for path in dictionaries { try lexicon.add(contentsOf: URL(fileURLWithPath: path)) }
        return lexicon
    }
}

extension Normalizer.TraditionalMode: ExpressibleByArgument {}

/// One line on stderr per failed input.
func report(_ error: Error, file: String) {
    let line: String
    if let e = error as? NianbaoError { line = e.at(file).description } else { line = "\(file): \(error)" }
    FileHandle.standardError.write(Data(("nianbao: " + line + "\n").utf8))
}
