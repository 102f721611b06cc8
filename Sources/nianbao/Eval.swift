import ArgumentParser
import Foundation
import ReportText
import ReportStructure
import TrendReport

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Nianbao against gold annotations (what `make eval` runs).",
        subcommands: [EvalSegmentation.self, EvalExtraction.self, EvalPromiseListing.self, EvalPromises.self, EvalTargets.self])
}

struct EvalSegmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmentation",
        abstract: "Word P/R/F1 on a gold file of space-separated words, one sentence a line; raw ICU beside it.")

    @Argument(help: "Gold file: one sentence a line, words separated by single spaces.")
    var gold: String

    @OptionGroup var text: TextOptions

    func run() throws {
        let segmenter = try WordSegmenter(lexicon: try text.lexicon())
        let goldText = try String(contentsOfFile: gold, encoding: .utf8)
        var ours = SegmentationScore()
        var icu = SegmentationScore()
        for line in goldText.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            let plain = try PlainText(decoded: DecodedText(words.joined()))
            let units = plain.normalized
            func surface(_ tokens: [Token]) -> [String] {
                tokens.map { plain.decoded.text(units.originalSpan(of: $0.range)) }
            }
            ours.add(gold: words, predicted: surface(try segmenter.tokens(units)))
            icu.add(gold: words, predicted: surface(try segmenter.icuTokens(units.units)))
        }
        func row(_ name: String, _ s: SegmentationScore) -> String {
            String(format: "%-10@ P %.3f  R %.3f  F1 %.3f", name as NSString, s.precision, s.recall, s.f1)
        }
        print("segmentation on \(gold) (\(ours.gold) gold words)")
        print(row("nianbao", ours))
        print(row("raw ICU", icu))
    }
}

/// Options shared by the scorers: where relative paths in the gold start from.
struct EvalOptions: ParsableArguments {
    @Option(help: "Folder that relative paths in the gold are resolved against.") var root: String = "."
    @Flag(help: "List every mistake.") var verbose = false
}

struct EvalExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extraction",
        abstract: "Item precision/recall per role and metadata accuracy against eval/gold/extraction.")
    @Argument var gold: String
    @OptionGroup var options: EvalOptions
    @OptionGroup var text: TextOptions

    func run() throws {
        let s = try Evaluation.extraction(goldFolder: gold, root: options.root, lexicon: try text.lexicon())
        print("extraction on \(s.documents) documents (\(gold))\(s.skipped.isEmpty ? "" : "; skipped (absent): " + s.skipped.joined(separator: ", "))")
        for role in ItemRole.allCases {
            let p = s.byRole[role] ?? .init()
            print(String(format: "  %-11@ P %.3f  R %.3f  F1 %.3f  (gold %d)", role.rawValue as NSString, p.precision, p.recall, p.f1, p.gold))
        }
        let fields = s.metadata.keys.sorted()
        let correct = s.metadata.values.reduce(0) { $0 + $1.correct }, total = s.metadata.values.reduce(0) { $0 + $1.total }
        print(String(format: "  metadata accuracy %.3f (%d/%d): ", Double(correct) / Double(max(total, 1)), correct, total)
              + fields.map { "\($0) \(s.metadata[$0]!.correct)/\(s.metadata[$0]!.total)" }.joined(separator: ", "))
        if options.verbose { s.mistakes.forEach { print("    " + $0) } }
    }
}

struct EvalPromiseListing: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "promise-listing",
        abstract: "Share of a reader's sampled commitments that the tool lists as promises, against a folder of gold TSV files.")
    @Argument var gold: String
    @OptionGroup var options: EvalOptions
    @OptionGroup var text: TextOptions

    func run() throws {
        let s = try Evaluation.promiseListing(goldFolder: gold, root: options.root, lexicon: try text.lexicon())
        print("promise listing on \(s.reports) reports (\(gold))\(s.skipped.isEmpty ? "" : "; skipped (absent): " + s.skipped.joined(separator: ", "))")
        print(String(format: "  commitments listed as promises %.3f (%d/%d); other sentences inside a promise %d/%d",
                     s.recall, s.listed, s.commitments, s.othersListed, s.others))
        if options.verbose { s.mistakes.forEach { print("    " + $0) } }
    }
}

struct EvalPromises: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "promises",
        abstract: "Promise status accuracy and per-status precision/recall against a folder of gold TSV files.")
    @Argument var gold: String
    @Flag(help: "Search the judge's thresholds on this gold (use the dev set) and print the best.") var calibrate = false
    @Option(help: ArgumentHelp("Fit the promise model to this gold (use the dev set) and write it here.", valueName: "model.tsv")) var train: String?
    @Flag(help: "Weigh words by their rarity in all reports of each pair's folder, as analyze on that folder does (default: in the pair, as diff does).") var corpusIDF = false
    @Flag(help: "Leave one pair out: fit the promise model on the other pairs of this gold and score each pair with it.") var crossValidate = false
    @Option(help: "Also score as if this share of the gold were fulfilled (each class reweighed), e.g. 0.6.") var fulfilledShare: Double?
    @OptionGroup var options: EvalOptions
    @OptionGroup var text: TextOptions

    func run() throws {
        if calibrate {
            let best = try Evaluation.calibrate(goldFolder: gold, root: options.root, lexicon: try text.lexicon(), fulfilledShare: fulfilledShare)
            for (j, acc) in best.prefix(5) {
                print(String(format: "accuracy %.3f  fulfilledScore %.2f  partialScore %.2f  strongScore %.2f", acc, j.fulfilledScore, j.partialScore, j.strongScore))
            }
            return
        }
        if crossValidate {
            let pairs = try Evaluation.crossValidate(goldFolder: gold, root: options.root, lexicon: try text.lexicon())
            let right = pairs.reduce(0) { $0 + $1.correct }, total = pairs.reduce(0) { $0 + $1.total }
            print(String(format: "promises in %@, each pair judged by the model fitted on the other %d: status accuracy %.3f (%d/%d)",
                         gold as NSString, max(pairs.count - 1, 0), total == 0 ? 0 : Double(right) / Double(total), right, total))
            for p in pairs { print("  \(p.pair) \(p.correct)/\(p.total)") }
            return
        }
        if let train {
            let model = try Evaluation.trainPromiseModel(goldFolder: gold, root: options.root, lexicon: try text.lexicon())
            let comment = [
                "The promise model (PromiseModel.swift): a multinomial logistic regression that weighs what",
                "matching found for a promise into fulfilled or not reported (the thresholds name partials).",
                "Generated; do not edit by hand. Fitted on the dev gold by:",
                "  nianbao eval promises eval/gold/promises/dev --train Sources/PromiseDiff/Resources/promise-model.tsv",
                "Columns: the feature, its mean and scale on the gold (subtracted, then divided by), and",
                "its weight for each class; the row named bias holds the classes' intercepts.",
            ]
            try AtomicFile.write(Data(model.serialized(comment: comment).utf8), to: URL(fileURLWithPath: train))
            print("promise model fitted on \(gold), written to \(train)")
            return
        }
        let s = try Evaluation.promises(goldFolder: gold, root: options.root, lexicon: try text.lexicon(), corpusIDF: corpusIDF)
        print("promises in \(gold): \(s.total) gold promises in \(s.pairs) pairs\(s.skipped.isEmpty ? "" : "; skipped (absent): " + s.skipped.joined(separator: ", "))")
        print(String(format: "  status accuracy %.3f (%d/%d)", s.accuracy, s.correct, s.total))
        if let share = fulfilledShare {
            print(String(format: "  status accuracy reweighed to %.0f%% fulfilled %.3f", share * 100, s.accuracy(fulfilledShare: share)))
        }
        for status in ["fulfilled", "partial", "not_reported"] {
            let p = s.pr(status)
            print(String(format: "  %-13@ P %.3f  R %.3f  F1 %.3f  (gold %d)", status as NSString, p.precision, p.recall, p.f1, p.gold))
        }
        if s.flagsTotal > 0 { print(String(format: "  flags accuracy %.3f (%d/%d)", Double(s.flagsCorrect) / Double(s.flagsTotal), s.flagsCorrect, s.flagsTotal)) }
        if options.verbose { s.mistakes.forEach { print("    " + $0) } }
    }
}

struct EvalTargets: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "targets",
        abstract: "Target verdict accuracy against a gold TSV (from, to, indicator, verdict).")
    @Argument var gold: String
    @OptionGroup var options: EvalOptions
    @OptionGroup var text: TextOptions

    func run() throws {
        let s = try Evaluation.targets(goldFile: gold, root: options.root, lexicon: try text.lexicon())
        print(String(format: "targets: verdict accuracy %.3f (%d/%d)%@", s.accuracy, s.correct, s.total,
                     (s.skipped > 0 ? "; \(s.skipped) skipped (absent)" : "") as NSString))
        if options.verbose { s.mistakes.forEach { print("    " + $0) } }
    }
}
