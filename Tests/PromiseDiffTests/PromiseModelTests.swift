import Foundation
import Testing
import TestSupport
@testable import PromiseDiff

/// The promise model: what ships loads with the judge's features, training finds a rule that
/// separates the cases, and the file written is the file read.
@Suite struct PromiseModelTests {
    /// Twenty features as the judge has them; the first says done (1) or not (0), the others are noise.
    static func cases(_ n: Int) -> [(x: [Double], label: String)] {
        (0..<n).map { i in
            let done = i % 2 == 0
            let x = [done ? 0.6 : 0.1] + (1..<PromiseJudge.featureNames.count).map { Double(($0 * 7 + i * 13) % 11) }
            return (x, done ? "fulfilled" : "not_reported")
        }
    }

    @Test func theShippedModel_loads_withTheJudgesFeatures() throws {
        let model = try #require(PromiseModel.shipped)
        #expect(model.features == PromiseJudge.featureNames)
        #expect(model.classes.contains("fulfilled") && model.classes.contains("not_reported"))
        #expect(PromiseJudge(similarity: Similarity(idf: IDF())).model != nil)
    }

    @Test func training_separatesWhatTheFeaturesSeparate_andIsDeterministic() {
        let cases = Self.cases(40)
        let model = PromiseModel.train(cases, features: PromiseJudge.featureNames, iterations: 2_000)
        #expect(model == PromiseModel.train(cases, features: PromiseJudge.featureNames, iterations: 2_000))
        var done = Self.cases(2)[0].x, not = Self.cases(2)[1].x
        done[1] = 5; not[1] = 5  // noise the training never saw together with these
        #expect(model.probability(of: .fulfilled, done) > 0.8)
        #expect(model.probability(of: .notReported, not) > 0.8)
        #expect(abs(model.probabilities(done).reduce(0, +) - 1) < 1e-9)
    }

    @Test func theFileWritten_isTheModelRead() throws {
        let model = PromiseModel.train(Self.cases(20), features: PromiseJudge.featureNames, iterations: 200)
        let lines = model.serialized(comment: ["a comment"]).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let read = try PromiseModel(lines: lines)
        #expect(read.classes == model.classes && read.features == model.features)
        let x = Self.cases(3)[2].x
        #expect(abs(read.probabilities(x)[0] - model.probabilities(x)[0]) < 1e-5)
    }

    @Test func aFileForOtherFeatures_isRefused() {
        let lines = ["feature\tmean\tscale\tfulfilled\tnot_reported", "length\t1\t1\t0.5\t-0.5", "bias\t0\t1\t0\t0"]
        #expect(throws: (any Error).self) { try PromiseModel(lines: lines) }
    }
}

/// On a real pair the model's verdicts say they are its own, and one of done shows its evidence.
@Suite struct PromiseModelVerdictTests {
    @Test func modelVerdicts_sayTheyAreTheModels_andDoneShowsEvidence() throws {
        let a = Paths.nationalReports.appendingPathComponent("2018.txt"), b = Paths.nationalReports.appendingPathComponent("2019.txt")
        guard Paths.exists(a), Paths.exists(b) else { return }
        let d = try extractAndDiff(a, b).diff
        let byModel = d.promises.filter { $0.reason.hasPrefix("on balance") }
        #expect(!byModel.isEmpty)
        for p in byModel {
            #expect(p.status == .fulfilled || p.status == .notReported)
            #expect(p.reason.contains("the model gives done"))
            if p.status == .fulfilled { #expect(!p.evidence.isEmpty, "\(p.text)") }
        }
    }
}
