import Foundation
import Testing
import TestSupport
import ReportText
@testable import TrendReport

/// The scorers read gold as `make eval` does; here on gold written for the seed.
@Suite struct EvaluationTests {
    /// The seed's three plans are promises; its problems and its closing remark are not commitments
    /// the tool should list, and a quote that is not in the report is named, not counted.
    @Test func promiseListing_countsListedCommitments_andOtherSentencesInsidePromises() throws {
        let gold = Paths.temporaryFolder()
        try """
        # from: qinghe/qinghe-2017.txt
        通过多种形式开展市政府政务公开相关文件的宣传教育\tcommitment\t
        对各单位政务公开工作开展督查,找准问题和责任单位\tcommitment\t
        工作的延续性和专业性得不到保证\tnot\ta problem
        这句话不在报告里\tcommitment\t

        """.write(to: gold.appendingPathComponent("seed.tsv"), atomically: true, encoding: .utf8)
        let s = try Evaluation.promiseListing(goldFolder: gold.path, root: Paths.corpora.path, lexicon: try Lexicon.builtIn())
        #expect(s.reports == 1)
        #expect(s.commitments == 2 && s.listed == 2)
        #expect(s.others == 1 && s.othersListed == 0)
        #expect(s.mistakes.count == 1 && s.mistakes[0].contains("not found"))
    }
}
