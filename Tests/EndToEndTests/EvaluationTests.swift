import Foundation
import Testing
import TestSupport
import ReportText
import PromiseDiff
import ReportStructure
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

/// The promise model that ships is the one the dev gold trains: a change to matching that moves
/// its features shows here until the model is fitted again (`--train`, see the model file).
@Suite struct PromiseModelProvenanceTests {
    @Test func theShippedModel_isWhatTheDevGoldTrains() throws {
        guard Paths.exists(Paths.nationalReports) else { return }
        let trained = try Evaluation.trainPromiseModel(goldFolder: Paths.repo.appendingPathComponent("eval/gold/promises/dev").path,
                                                       root: Paths.repo.path, lexicon: try Lexicon.builtIn())
        let shipped = try String(contentsOf: Paths.repo.appendingPathComponent("Sources/PromiseDiff/Resources/promise-model.tsv"), encoding: .utf8)
        func table(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(table(trained.serialized(comment: [])) == table(shipped))
    }
}

/// Leave one pair out: each fictional pair of the gold is scored by a model fitted on the others,
/// every gold promise of each pair counted once.
@Suite struct CrossValidationTests {
    @Test func eachPair_isJudgedByAModelFittedOnTheOthers() throws {
        let gold = Paths.temporaryFolder()
        let sources = ["dev/bailu-2017-2018.tsv", "dev/bailu-2018-2019.tsv", "dev/bailu-2019-2020.tsv",
                       "test/weitang-2020-2021.tsv", "test/weitang-2021-2022.tsv", "test/digang-2016-2017.tsv"]
        var rows: [String: Int] = [:]
        for s in sources {
            let from = Paths.repo.appendingPathComponent("eval/gold/promises/" + s), name = from.lastPathComponent
            try FileManager.default.copyItem(at: from, to: gold.appendingPathComponent(name))
            rows[name] = try String(contentsOf: from, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        }
        let pairs = try Evaluation.crossValidate(goldFolder: gold.path, root: Paths.repo.path, lexicon: try Lexicon.builtIn())
        #expect(pairs.map(\.pair) == rows.keys.sorted())
        for p in pairs { #expect(p.total == rows[p.pair] && p.correct <= p.total, "\(p)") }
        // One pair alone has nothing to learn from: the thresholds judge it, as `eval promises`
        // does without a model.
        let single = Paths.temporaryFolder()
        try FileManager.default.copyItem(at: gold.appendingPathComponent("digang-2016-2017.tsv"), to: single.appendingPathComponent("digang-2016-2017.tsv"))
        let alone = try Evaluation.crossValidate(goldFolder: single.path, root: Paths.repo.path, lexicon: try Lexicon.builtIn())
        #expect(alone.count == 1 && alone[0].total == 5)
    }
}

/// `analyze` weighs words over the whole corpus, `diff` over the pair; the scorer can weigh them
/// either way, over the fictional county's four reports or its two.
@Suite struct CorpusWeightsEvaluationTests {
    @Test func promiseScores_underEitherWeighting_judgeEveryGoldPromise() throws {
        let gold = Paths.temporaryFolder()
        let source = Paths.repo.appendingPathComponent("eval/gold/promises/dev/bailu-2017-2018.tsv")
        try FileManager.default.copyItem(at: source, to: gold.appendingPathComponent("bailu-2017-2018.tsv"))
        let lexicon = try Lexicon.builtIn()
        let pair = try Evaluation.promises(goldFolder: gold.path, root: Paths.repo.path, lexicon: lexicon)
        let corpus = try Evaluation.promises(goldFolder: gold.path, root: Paths.repo.path, lexicon: lexicon, corpusIDF: true)
        #expect(pair.total > 0 && pair.total == corpus.total)
        #expect(pair.confusion.values.allSatisfy { $0["missing"] == nil })
        #expect(corpus.confusion.values.allSatisfy { $0["missing"] == nil })
        // The demo's other two reports change the words' weights.
        let cache = try Evaluation.DiffCache(lexicon: lexicon, corpusIDF: true)
        let from = Paths.demo.appendingPathComponent("2017.txt").path, to = Paths.demo.appendingPathComponent("2018.html").path
        _ = try cache.diff(from, to)
        #expect(cache.folderIDF[Paths.demo.path]?.documents ?? 0 > IDF(reports: [try ReportExtractor(lexicon: lexicon).extract(path: from)]).documents)
    }
}
