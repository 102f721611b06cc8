import Foundation
import ReportText

/// Tells a promise that was done from one that was not reported, from what matching found:
/// a multinomial logistic regression over `PromiseJudge.featureNames`, standardised, fitted on
/// the dev gold (`nianbao eval promises eval/gold/promises/dev --train FILE`) and shipped as
/// `Resources/promise-model.tsv`.
///
/// Why a model rather than thresholds alone: the signals (how close the best result is, whether
/// it says 完成, whether it names the promise's rare words, how long the promise is…) trade off
/// against each other, and a grid of three thresholds cannot weigh them. On the held-out test
/// gold the model moves status accuracy from 0.580 to 0.659 (see the README).
public struct PromiseModel: Sendable, Equatable {
    public var classes: [String]
    public var features: [String]
    /// Per feature: subtracted, then divided by, before weighing.
    public var mean: [Double]
    public var scale: [Double]
    /// `weights[c][f]` for class `c` and feature `f`; `bias[c]`.
    public var weights: [[Double]]
    public var bias: [Double]

    /// The shipped model; `nil` when the resource is absent or its features are not the judge's
    /// (the judge then falls back on its thresholds alone).
    public static let shipped: PromiseModel? = {
        guard let lines = try? ResourceFiles.lines(file: "promise-model.tsv", bundle: .module) else { return nil }
        return try? PromiseModel(lines: lines)
    }()

    /// Class probabilities for one feature vector, in `classes` order.
    public func probabilities(_ x: [Double]) -> [Double] {
        let z = (0..<classes.count).map { c -> Double in
            var sum = bias[c]
            for f in x.indices { sum += weights[c][f] * (x[f] - mean[f]) / scale[f] }
            return sum
        }
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    public func probability(of status: PromiseStatus, _ x: [Double]) -> Double {
        guard let c = classes.firstIndex(of: status.rawValue) else { return 0 }
        return probabilities(x)[c]
    }

    // MARK: training

    /// Fits the model to labelled vectors: standardises each feature, then minimises the mean
    /// log loss plus an L2 penalty of `1 / (2 C n)` on the weights (not the biases) by gradient
    /// descent from zero. Deterministic: same cases, same model.
    public static func train(_ cases: [(x: [Double], label: String)], features: [String], c: Double = 1,
                             iterations: Int = 20_000, rate: Double = 0.5) -> PromiseModel {
        let classes = Array(Set(cases.map(\.label))).sorted()
        let n = Double(max(cases.count, 1)), k = features.count
        let mean = (0..<k).map { f in cases.reduce(0.0) { $0 + $1.x[f] } / n }
        let scale = (0..<k).map { f -> Double in
            let v = cases.reduce(0.0) { $0 + pow($1.x[f] - mean[f], 2) } / n
            return v > 1e-12 ? v.squareRoot() : 1
        }
        let xs = cases.map { c in (0..<k).map { (c.x[$0] - mean[$0]) / scale[$0] } }
        let ys = cases.map { classes.firstIndex(of: $0.label)! }
        var model = PromiseModel(classes: classes, features: features, mean: Array(repeating: 0, count: k),
                                 scale: Array(repeating: 1, count: k),
                                 weights: Array(repeating: Array(repeating: 0, count: k), count: classes.count),
                                 bias: Array(repeating: 0, count: classes.count))
        let lambda = 1 / (c * n)
        for _ in 0..<iterations {
            var gw = model.weights.map { $0.map { _ in 0.0 } }, gb = model.bias.map { _ in 0.0 }
            for (x, y) in zip(xs, ys) {
                let p = model.probabilities(x)
                for cl in classes.indices {
                    let d = p[cl] - (cl == y ? 1 : 0)
                    gb[cl] += d / n
                    for f in 0..<k { gw[cl][f] += d * x[f] / n }
                }
            }
            for cl in classes.indices {
                model.bias[cl] -= rate * gb[cl]
                for f in 0..<k { model.weights[cl][f] -= rate * (gw[cl][f] + lambda * model.weights[cl][f]) }
            }
        }
        model.mean = mean
        model.scale = scale
        return model
    }

}

extension PromiseModel {
    // MARK: the resource file

    /// Rows `feature mean scale w_class…` after a header row `feature mean scale class…`, the
    /// biases in a row named `bias`.
    public init(lines: [String]) throws {
        let rows = lines.map { $0.split(separator: "\t").map(String.init) }
        guard let header = rows.first, header.count > 3, header[0] == "feature" else {
            throw NianbaoError(.unreadable, file: "promise-model.tsv", "no header row")
        }
        classes = Array(header.dropFirst(3))
        features = []; mean = []; scale = []; bias = []
        weights = classes.map { _ in [] }
        for row in rows.dropFirst() {
            let values = row.dropFirst().compactMap(Double.init)
            guard values.count == classes.count + 2 else {
                throw NianbaoError(.unreadable, file: "promise-model.tsv", "row \(row.first ?? "") has \(values.count) numbers")
            }
            if row[0] == "bias" { bias = Array(values.dropFirst(2)); continue }
            features.append(row[0]); mean.append(values[0]); scale.append(values[1])
            for c in classes.indices { weights[c].append(values[2 + c]) }
        }
        guard bias.count == classes.count, features == PromiseJudge.featureNames else {
            throw NianbaoError(.unreadable, file: "promise-model.tsv", "its features are not the judge's")
        }
    }

    /// The resource file's text, with `comment` lines above the table.
    public func serialized(comment: [String]) -> String {
        func f(_ v: Double) -> String { String(format: "%.6f", v) }
        var out = comment.map { "# " + $0 }
        out.append((["feature", "mean", "scale"] + classes).joined(separator: "\t"))
        for (i, name) in features.enumerated() {
            out.append(([name, f(mean[i]), f(scale[i])] + weights.map { f($0[i]) }).joined(separator: "\t"))
        }
        out.append((["bias", f(0), f(1)] + bias.map(f)).joined(separator: "\t"))
        return out.joined(separator: "\n") + "\n"
    }
}

extension PromiseJudge {
    /// What the model weighs, in the order of `vector(_:_:)` and of the model file.
    public static let featureNames = [
        "best_result", "second_result", "problem", "plan",
        "coverage_at_fulfilled", "coverage_at_partial", "clauses", "best_clause", "clauses_naming_key",
        "says_done", "says_under_way", "numbers", "names_key", "testable", "multi_year",
        "promise_words", "promise_chars", "evidence_words", "done_in_top3", "under_way_in_top3",
    ]

    /// The features of one promise's matches (see `featureNames`): scores, clause coverage at the
    /// two thresholds, cue words in the evidence, numbers met (+1) or short (−1), sizes.
    public func vector(_ p: Promise, _ f: Features) -> [Double] {
        func bit(_ b: Bool) -> Double { b ? 1 : 0 }
        let r = f.results
        let numbers: Double = f.numbers == .meets ? 1 : f.numbers == .short ? -1 : 0
        let scores: [Double] = [r.first?.1 ?? 0, r.count > 1 ? r[1].1 : 0, f.problem?.1 ?? 0, f.plan?.1 ?? 0]
        let clauses: [Double] = [f.coverage(at: fulfilledScore), f.coverage(at: partialScore), Double(f.clauses.count),
                                 f.clauses.map(\.score).max() ?? 0, Double(f.clauses.filter(\.keyTerm).count)]
        let cuesAndFlags: [Double] = [bit(f.done), bit(f.progress), numbers, bit(f.keyTermInEvidence), bit(p.testable), bit(p.multiYear)]
        let sizes: [Double] = [Double(p.passage.words.count), Double(p.passage.text.count), Double(r.first?.0.words.count ?? 0)]
        let cuesInTop: [Double] = [Double(f.resultsSayDone.filter { $0 }.count), Double(f.resultsSayUnderWay.filter { $0 }.count)]
        return scores + clauses + cuesAndFlags + sizes + cuesInTop
    }
}
