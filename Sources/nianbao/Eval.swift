import ArgumentParser
import Foundation
import ReportText

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Nianbao against gold annotations (what `make eval` runs).",
        subcommands: [EvalSegmentation.self])
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
