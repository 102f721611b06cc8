import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// Scorers behind `make eval`: extraction (items per role, metadata), promise statuses and
/// target verdicts against the gold annotations in `eval/gold/`.
public enum Evaluation {
    /// Precision and recall counts.
    public struct PR: Sendable {
        public var truePositives = 0, predicted = 0, gold = 0
        public init() {}
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The scalar offset of `quote` in `text` (first occurrence), or nil.
    static func locate(_ quote: String, in text: String) -> Range<Int>? {
        guard let r = text.range(of: quote) else { return nil }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
        return start..<start + quote.unicodeScalars.count
    }

    // MARK: extraction

    struct ExtractionGold: Decodable {
        var path: String
        var metadata: [String: AnyValue]
        var items: [GoldItem]
        struct GoldItem: Decodable { var role: ItemRole; var quote: String }
    }

    enum AnyValue: Decodable, CustomStringConvertible {
        case string(String), int(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
        }
        var description: String {
            switch self { case .string(let s): s; case .int(let i): String(i) }
        }
    }

    public struct ExtractionScore: Sendable {
        public var byRole: [ItemRole: PR] = [:]
        public var metadata: [String: (correct: Int, total: Int)] = [:]
        public var documents = 0
        public var skipped: [String] = []
        public var mistakes: [String] = []
    }

    public static func extraction(goldFolder: String, root: String, lexicon: Lexicon) throws -> ExtractionScore {
        var score = ExtractionScore()
        let extractor = try ReportExtractor(lexicon: lexicon)
        let files = try FileManager.default.contentsOfDirectory(atPath: goldFolder).filter { $0.hasSuffix(".json") }.sorted()
        for f in files {
            let gold = try JSONDecoder().decode(ExtractionGold.self, from: Data(contentsOf: URL(fileURLWithPath: goldFolder + "/" + f)))
            let path = gold.path.hasPrefix("/") ? gold.path : root + "/" + gold.path
            guard FileManager.default.fileExists(atPath: path) else { score.skipped.append(gold.path); continue }
            let r = try extractor.extract(path: path)
            score.documents += 1
            let m = r.metadata
            let predicted: [String: String?] = [
                "unit": m.unit.value, "region": m.region.value, "genre": m.genre.value?.rawValue,
                "template": m.template.value?.rawValue, "reviewYear": m.reviewYear.value.map(String.init),
                "planYear": m.planYear.value.map(String.init),
            ]
            for (field, value) in gold.metadata {
                var s = score.metadata[field] ?? (0, 0)
                s.total += 1
                if (predicted[field] ?? nil) == value.description { s.correct += 1 } else {
                    score.mistakes.append("\(f): \(field) \((predicted[field] ?? nil) ?? "nil") ≠ \(value)")
                }
                score.metadata[field] = s
            }
            for role in ItemRole.allCases {
                let goldRanges = gold.items.filter { $0.role == role }.compactMap { locate($0.quote, in: r.text) }
                let items = r.items.filter { $0.role == role }
                var pr = score.byRole[role] ?? PR()
                pr.gold += gold.items.filter { $0.role == role }.count
                pr.predicted += items.count
                let matchedGold = goldRanges.filter { g in items.contains { $0.span.range.contains(g.lowerBound) } }.count
                let matchedPredicted = items.filter { i in goldRanges.contains { i.span.range.contains($0.lowerBound) } }.count
                pr.truePositives += matchedGold
                // Precision counts predicted items that hold a gold item; several gold items in one
                // predicted item count once on that side.
                pr.predicted += matchedGold - matchedPredicted
                score.byRole[role] = pr
                for q in gold.items.filter({ $0.role == role }) where locate(q.quote, in: r.text).map({ g in !items.contains { $0.span.range.contains(g.lowerBound) } }) ?? true {
                    score.mistakes.append("\(f): missed \(role.rawValue) “\(q.quote)”")
                }
                for i in items where !goldRanges.contains(where: { i.span.range.contains($0.lowerBound) }) {
                    score.mistakes.append("\(f): extra \(role.rawValue) “\(i.text.prefix(60))”")
                }
            }
        }
        return score
    }

    // MARK: promises

    public struct PromiseScore: Sendable {
        public var total = 0, correct = 0
        public var confusion: [String: [String: Int]] = [:]
        public var flagsTotal = 0, flagsCorrect = 0
        public var pairs = 0
        public var skipped: [String] = []
        public var mistakes: [String] = []
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        /// Accuracy as if `fulfilledShare` of the gold were fulfilled: each gold promise weighed by
        /// how much its class is under- or over-represented here. For reading a score against a
        /// gold set annotated on another mix (PROMISES.md reports 60% fulfilled).
        public func accuracy(fulfilledShare: Double) -> Double {
            let gold = confusion.mapValues { $0.values.reduce(0, +) }
            let weight = Evaluation.classWeights(gold, fulfilledShare: fulfilledShare)
            let total = gold.reduce(0.0) { $0 + Double($1.value) * weight($1.key) }
            let right = confusion.reduce(0.0) { $0 + Double($1.value[$1.key] ?? 0) * weight($1.key) }
            return total == 0 ? 0 : right / total
        }

        public func pr(_ status: String) -> PR {
            var p = PR()
            p.truePositives = confusion[status]?[status] ?? 0
            p.gold = confusion[status]?.values.reduce(0, +) ?? 0
            p.predicted = confusion.values.reduce(0) { $0 + ($1[status] ?? 0) }
            return p
        }
    }

    struct Pair {
        var from: String, to: String
        var rows: [[String]]
    }

    static func readTSV(_ path: String) throws -> Pair {
        var from = "", to = ""
        var rows: [[String]] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("# from:") { from = line.dropFirst(7).trimmingCharacters(in: .whitespaces) }
            else if line.hasPrefix("# to:") { to = line.dropFirst(5).trimmingCharacters(in: .whitespaces) }
            else if !line.hasPrefix("#") { rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)) }
        }
        return Pair(from: from, to: to, rows: rows)
    }

    /// Diffs of the pairs, computed once per pair. Words weigh by their rarity in the pair's two
    /// reports, as `nianbao diff` weighs them, or with `corpusIDF` in every report of the pair's
    /// folder, as `analyze` on that folder weighs them.
    final class DiffCache {
        let lexicon: Lexicon
        let extractor: ReportExtractor
        let corpusIDF: Bool
        var cache: [String: (ExtractedReport, DiffReport)] = [:]
        var folderIDF: [String: IDF] = [:]
        init(lexicon: Lexicon, corpusIDF: Bool = false) throws {
            self.lexicon = lexicon
            self.corpusIDF = corpusIDF
            extractor = try ReportExtractor(lexicon: lexicon)
        }
        func diff(_ from: String, _ to: String) throws -> (ExtractedReport, DiffReport) {
            if let d = cache[from + "|" + to] { return d }
            let a = try extractor.extract(path: from), b = try extractor.extract(path: to)
            var idf = IDF(reports: [a, b])
            if corpusIDF {
                let folder = (from as NSString).deletingLastPathComponent
                if folderIDF[folder] == nil {
                    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(CorpusDiscovery.isReport(name:)).sorted()
                    folderIDF[folder] = IDF(reports: try names.map { try extractor.extract(path: folder + "/" + $0) })
                }
                idf = folderIDF[folder]!
            }
            let d = try Differ(lexicon: lexicon, idf: idf).diff(a, b)
            cache[from + "|" + to] = (a, d)
            return (a, d)
        }
    }

    public static func promises(goldFolder: String, root: String, lexicon: Lexicon, corpusIDF: Bool = false) throws -> PromiseScore {
        var score = PromiseScore()
        let diffs = try DiffCache(lexicon: lexicon, corpusIDF: corpusIDF)
        for f in try FileManager.default.contentsOfDirectory(atPath: goldFolder).filter({ $0.hasSuffix(".tsv") }).sorted() {
            let pair = try readTSV(goldFolder + "/" + f)
            let from = root + "/" + pair.from, to = root + "/" + pair.to
            guard FileManager.default.fileExists(atPath: from), FileManager.default.fileExists(atPath: to) else {
                score.skipped.append(f); continue
            }
            score.pairs += 1
            let (a, d) = try diffs.diff(from, to)
            for row in pair.rows where row.count >= 2 {
                let (quote, gold) = (row[0], row[1])
                var predicted = "missing"
                var judgement: PromiseJudgement?
                if let g = locate(quote, in: a.text) {
                    judgement = d.promises.filter { $0.span.range.overlaps(g) }
                        .max { $0.span.range.clamped(to: g).count < $1.span.range.clamped(to: g).count }
                    predicted = judgement?.status.rawValue ?? "missing"
                }
                score.total += 1
                if predicted == gold { score.correct += 1 } else {
                    let why = judgement.map { j in
                        " (\(j.reason); " + (j.evidence.first.map { "\($0.role.rawValue) \($0.score): \($0.text.prefix(60))" } ?? "no evidence") + ")"
                    } ?? ""
                    score.mistakes.append("\(f): “\(quote)” gold \(gold), got \(predicted)\(why)")
                }
                score.confusion[gold, default: [:]][predicted, default: 0] += 1
                if row.count >= 3, !row[2].isEmpty, !row[2].contains(" ") || row[2].contains(",") {
                    let flags = Set(row[2].split(separator: ",").map(String.init))
                    guard flags.isSubset(of: ["repromised", "still_a_problem"]) else { continue }
                    score.flagsTotal += 2
                    if let j = judgement {
                        if j.repromised == flags.contains("repromised") { score.flagsCorrect += 1 }
                        if j.stillAProblem == flags.contains("still_a_problem") { score.flagsCorrect += 1 }
                    }
                }
            }
        }
        return score
    }

    /// Weights that give fulfilled promises `fulfilledShare` of the total and the other classes the
    /// rest in their own proportions; `nil` share weighs every promise 1.
    static func classWeights(_ gold: [String: Int], fulfilledShare: Double?) -> (String) -> Double {
        let total = Double(gold.values.reduce(0, +)), fulfilled = Double(gold["fulfilled"] ?? 0)
        guard let share = fulfilledShare, fulfilled > 0, fulfilled < total else { return { _ in 1 } }
        let f = share / (fulfilled / total), other = (1 - share) / (1 - fulfilled / total)
        return { $0 == "fulfilled" ? f : other }
    }

    /// One gold promise with what matching found for it (`nil`: the tool does not list it, so it is
    /// wrong whatever the judge decides), and the gold file of its pair.
    struct GoldCase {
        var pair: String
        var gold: String
        var found: (promise: PromiseJudge.Promise, features: PromiseJudge.Features)?
    }

    /// Every gold promise of a folder, and the judge of the first pair.
    static func goldCases(goldFolder: String, root: String, lexicon: Lexicon) throws -> (cases: [GoldCase], judge: PromiseJudge?) {
        let extractor = try ReportExtractor(lexicon: lexicon)
        var cases: [GoldCase] = []
        var judge: PromiseJudge?
        for f in try FileManager.default.contentsOfDirectory(atPath: goldFolder).filter({ $0.hasSuffix(".tsv") }).sorted() {
            let pair = try readTSV(goldFolder + "/" + f)
            let from = root + "/" + pair.from, to = root + "/" + pair.to
            guard FileManager.default.fileExists(atPath: from), FileManager.default.fileExists(atPath: to) else { continue }
            let a = try extractor.extract(path: from), b = try extractor.extract(path: to)
            let differ = try Differ(lexicon: lexicon, idf: IDF(reports: [a, b]))
            judge = judge ?? differ.promiseJudge
            let features = differ.features(a, b)
            for row in pair.rows where row.count >= 2 {
                let best = locate(row[0], in: a.text).flatMap { g in
                    features.filter { $0.0.passage.span.range.overlaps(g) }
                        .max { $0.0.passage.span.range.clamped(to: g).count < $1.0.passage.span.range.clamped(to: g).count }
                }
                cases.append(GoldCase(pair: f, gold: row[1], found: best.map { ($0.0, $0.1) }))
            }
        }
        return (cases, judge)
    }

    /// Fits the promise model (`PromiseModel`) to a gold folder's promises that the tool lists.
    public static func trainPromiseModel(goldFolder: String, root: String, lexicon: Lexicon) throws -> PromiseModel {
        let (cases, judge) = try goldCases(goldFolder: goldFolder, root: root, lexicon: lexicon)
        guard let judge else { throw NianbaoError(.unreadable, file: goldFolder, "no gold pair whose reports are present") }
        return fit(cases, judge)
    }

    /// The model fitted to the cases the tool lists, each weighed by `judge`'s feature vector.
    static func fit(_ cases: [GoldCase], _ judge: PromiseJudge) -> PromiseModel {
        let labelled = cases.compactMap { c in c.found.map { (x: judge.vector($0.promise, $0.features), label: c.gold) } }
        return PromiseModel.train(labelled, features: PromiseJudge.featureNames)
    }

    /// Leave one pair out: for each pair of a gold folder, the model fitted on the other pairs
    /// judges this pair's promises. What a model fitted on the whole folder scores on pairs it has
    /// not seen, without setting a test set aside; returns (pair, correct, total) per pair.
    public static func crossValidate(goldFolder: String, root: String, lexicon: Lexicon) throws -> [(pair: String, correct: Int, total: Int)] {
        let (cases, base) = try goldCases(goldFolder: goldFolder, root: root, lexicon: lexicon)
        guard let base else { throw NianbaoError(.unreadable, file: goldFolder, "no gold pair whose reports are present") }
        var pairs: [String] = []
        for c in cases where pairs.last != c.pair { pairs.append(c.pair) }
        return pairs.map { held in
            var judge = base
            // With no other pair to learn from, the thresholds judge alone.
            let others = cases.filter { $0.pair != held }
            judge.model = others.contains { $0.found != nil } ? fit(others, base) : nil
            let mine = cases.filter { $0.pair == held }
            let right = mine.filter { c in c.found.map { judge.decide($0.promise, $0.features).status.rawValue == c.gold } ?? false }.count
            return (held, right, mine.count)
        }
    }

    /// Grid search of the judge's thresholds on a gold folder: matching runs once per pair, then
    /// every combination of thresholds decides every gold promise. Returns the best combinations;
    /// with `fulfilledShare`, best for that class mix (see `PromiseScore.accuracy(fulfilledShare:)`).
    public static func calibrate(goldFolder: String, root: String, lexicon: Lexicon, fulfilledShare: Double? = nil) throws -> [(PromiseJudge, Double)] {
        let (cases, judge) = try goldCases(goldFolder: goldFolder, root: root, lexicon: lexicon)
        guard let base = judge else { return [] }
        let goldCounts = cases.filter { $0.found != nil }.map(\.gold).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let weight = classWeights(goldCounts, fulfilledShare: fulfilledShare)
        let totalWeight = cases.reduce(0.0) { $0 + ($1.found != nil ? weight($1.gold) : 1) }
        var results: [(PromiseJudge, Double)] = []
        for fulfilled in stride(from: 0.10, through: 0.601, by: 0.05) {
            for partial in stride(from: 0.10, through: 0.601, by: 0.05) {
                for strong in stride(from: fulfilled, through: 0.801, by: 0.05) {
                    var judge = base
                    judge.fulfilledScore = fulfilled
                    judge.partialScore = partial
                    judge.strongScore = strong
                    let correct = cases.reduce(0.0) { sum, c in
                        guard let f = c.found, judge.decide(f.promise, f.features).status.rawValue == c.gold else { return sum }
                        return sum + weight(c.gold)
                    }
                    results.append((judge, correct / max(totalWeight, 1)))
                }
            }
        }
        // Best first; among equals, the thresholds closest to the middle of the grid.
        return results.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            return (a.0.fulfilledScore, a.0.partialScore, a.0.strongScore) < (b.0.fulfilledScore, b.0.partialScore, b.0.strongScore)
        }
    }

    // MARK: promise listing

    /// Which sentences of a report's plans the tool lists as promises, against a reader's
    /// judgement of a sample: a commitment it does not list can never be judged.
    public struct ListingScore: Sendable {
        public var commitments = 0, listed = 0
        public var others = 0, othersListed = 0
        public var reports = 0
        public var skipped: [String] = []
        public var mistakes: [String] = []
        public var recall: Double { commitments == 0 ? 0 : Double(listed) / Double(commitments) }
    }

    /// Scores every `.tsv` in `goldFolder`: `# from:` names the report, each row is
    /// `QUOTE<TAB>commitment|not<TAB>NOTE`; a quote is listed when a promise's span overlaps it.
    public static func promiseListing(goldFolder: String, root: String, lexicon: Lexicon) throws -> ListingScore {
        var score = ListingScore()
        let extractor = try ReportExtractor(lexicon: lexicon)
        for f in try FileManager.default.contentsOfDirectory(atPath: goldFolder).filter({ $0.hasSuffix(".tsv") }).sorted() {
            let gold = try readTSV(goldFolder + "/" + f)
            let path = root + "/" + gold.from
            guard FileManager.default.fileExists(atPath: path) else { score.skipped.append(f); continue }
            score.reports += 1
            let a = try extractor.extract(path: path)
            let promises = try Differ(lexicon: lexicon, idf: IDF(reports: [a])).diff(a, nil).promises
            for row in gold.rows where row.count >= 2 {
                let (quote, kind) = (row[0], row[1])
                guard let g = locate(quote, in: a.text) else {
                    score.mistakes.append("\(f): “\(quote)” not found in the report")
                    continue
                }
                let listed = promises.contains { $0.span.range.overlaps(g) }
                if kind == "commitment" {
                    score.commitments += 1
                    if listed { score.listed += 1 } else { score.mistakes.append("\(f): “\(quote)” is a commitment, not listed") }
                } else {
                    score.others += 1
                    if listed { score.othersListed += 1; score.mistakes.append("\(f): “\(quote)” (\(row.count > 2 ? row[2] : "not a commitment")) lies in a promise") }
                }
            }
        }
        return score
    }

    // MARK: targets

    public struct TargetScore: Sendable {
        public var total = 0, correct = 0
        public var skipped = 0
        public var mistakes: [String] = []
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    }

    public static func targets(goldFile: String, root: String, lexicon: Lexicon) throws -> TargetScore {
        var score = TargetScore()
        let diffs = try DiffCache(lexicon: lexicon)
        for line in try String(contentsOfFile: goldFile, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 4 else { continue }
            let from = root + "/" + c[0], to = root + "/" + c[1]
            guard FileManager.default.fileExists(atPath: from), FileManager.default.fileExists(atPath: to) else { score.skipped += 1; continue }
            let (_, d) = try diffs.diff(from, to)
            let t = d.targets.first { $0.indicator == c[2] } ?? d.targets.first { $0.indicator.contains(c[2]) || c[2].contains($0.indicator) }
            let got = t?.verdict.rawValue ?? "missing"
            score.total += 1
            if got == c[3] { score.correct += 1 } else { score.mistakes.append("\(c[0]) → \(c[1]) \(c[2]): gold \(c[3]), got \(got)") }
        }
        return score
    }
}
