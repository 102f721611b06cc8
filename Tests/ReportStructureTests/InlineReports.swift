import Foundation
@testable import ReportStructure
import ReportText

/// The built-in lexicon, loaded once for the suites.
let builtInLexicon = try! Lexicon.builtIn()

/// Suites that write their reports inline (fictional texts made for each test).
protocol ReadsInlineReports {}

extension ReadsInlineReports {
    /// A report written inline, read as a .txt file would be. Extractors own ICU iterators and
    /// tests run in parallel: one per use.
    func extract(text: String, path: String = "x/report.txt") throws -> ExtractedReport {
        try ReportExtractor(lexicon: builtInLexicon)
            .extract(DocumentLoader.load(bytes: Array(text.utf8), path: path, format: .txt), manifest: nil)
    }
}
