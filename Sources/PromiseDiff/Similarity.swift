import Foundation
import ReportText

/// How much of a promise (or problem) a passage covers: the IDF-weighted share of its content
/// words found in the passage, blended with the share of its Han bigrams (robust to different
/// segmentation and light paraphrase). Asymmetric on purpose: a long passage that mentions
/// everything the promise names covers it; a promise that names little is down-weighted.
public struct Similarity: Sendable {
    public var idf: IDF
    /// Weights of the two parts.
    public static let wordWeight = 0.65
    public static let bigramWeight = 0.35
    /// IDF mass below which a promise is too generic to match with full confidence: 6, or the
    /// weight of one and a half words found in a single item where that is less. Weights grow with
    /// the number of items, so a fixed mass would ask more of a pair of short county reports (two
    /// dozen items) than of national ones (about 90 items, where both give 6); over a whole corpus
    /// (`analyze`) the fixed mass judges better, as the model was fitted on pairs.
    public let minimumInformation: Double

    public init(idf: IDF) {
        self.idf = idf
        minimumInformation = min(6, max(1, 1.5 * log((Double(idf.documents) + 1) / 1.5)))
    }

    public func score(_ query: Passage, _ candidate: Passage) -> Double {
        let q = self.query(query)
        guard q.total > 0 || !query.bigrams.isEmpty else { return 0 }
        let candidateWords = Set(candidate.words)
        let shared = zip(query.words, q.weights).filter { candidateWords.contains($0.0) }.reduce(0.0) { $0 + $1.1 }
        let lost = q.compounds.filter { isSplit($0, in: candidate) }.reduce(0.0) { $0 + $1.weight }
        return combine(query, candidate, shared: max(0, shared - lost), total: q.total)
    }

    /// Two content words written together in the query (存款 + 保险 in 存款保险制度): they name
    /// one thing, which a candidate mentions only if it writes them together too.
    struct Compound {
        var first: String, second: String
        var junction: UInt32
        /// What the candidate loses with the compound apart: the lighter word's credit.
        var weight: Double
    }

    /// `weights`: the IDF weight of each of the query's words.
    func compounds(_ query: Passage, weights: [Double]) -> [Compound] {
        query.joined.compactMap { a, b in
            let x = query.words[a], y = query.words[b]
            guard let last = x.utf16.last, let first = y.utf16.first, CodeUnit.isHan(last), CodeUnit.isHan(first) else { return nil }
            return Compound(first: x, second: y, junction: UInt32(last) << 16 | UInt32(first), weight: min(weights[a], weights[b]))
        }
    }

    /// A passage asked about several times (against results, problems and plans): its words'
    /// weights, their sum and its compounds, worked out once.
    public struct Query {
        public let passage: Passage
        let weights: [Double]
        let total: Double
        let compounds: [Compound]
    }

    public func query(_ p: Passage) -> Query {
        let weights = p.words.map { idf.weight($0) }
        return Query(passage: p, weights: weights, total: weights.reduce(0.0) { $0 + $1 }, compounds: compounds(p, weights: weights))
    }

    /// Whether a candidate has the compound's words in the same order but apart (存款利率…保险资金):
    /// then it loses the compound's weight. The reverse order is the same thing said as a noun
    /// (治理大气 → 大气污染治理) and keeps its credit.
    func isSplit(_ c: Compound, in candidate: Passage) -> Bool {
        guard !Passage.hasBigram(candidate.bigrams, c.junction),
              let a = candidate.words.firstIndex(of: c.first), let b = candidate.words.firstIndex(of: c.second) else { return false }
        return a < b
    }

    @inline(__always)
    func combine(_ query: Passage, _ candidate: Passage, shared: Double, total: Double) -> Double {
        var bigrams = 0
        query.bigrams.withUnsafeBufferPointer { q in
            candidate.bigrams.withUnsafeBufferPointer { c in
                var i = 0, j = 0
                while i < q.count && j < c.count {
                    if q[i] == c[j] { bigrams += 1; i += 1; j += 1 } else if q[i] < c[j] { i += 1 } else { j += 1 }
                }
            }
        }
        return blend(query, shared: shared, total: total, sharedBigrams: bigrams)
    }

    /// The score from what a candidate shares with the query: IDF mass `shared` of the query's
    /// `total`, and `sharedBigrams` of its bigrams.
    @inline(__always)
    func blend(_ query: Passage, shared: Double, total: Double, sharedBigrams: Int) -> Double {
        let wordCoverage = total > 0 ? shared / total : 0
        let bigramCoverage = query.bigrams.isEmpty ? 0 : Double(sharedBigrams) / Double(query.bigrams.count)
        let confidence = min(1, total / minimumInformation)
        return (Self.wordWeight * wordCoverage + Self.bigramWeight * bigramCoverage) * confidence
    }

    /// The best-scoring candidates, best first. Only candidates that share a content word with
    /// the query are scored (through the index); the rest cannot reach any threshold that matters.
    public func best(_ query: Passage, among index: CandidateIndex, limit: Int = 3) -> [(Passage, Double)] {
        best(self.query(query), among: index, limit: limit)
    }

    public func best(_ q: Query, among index: CandidateIndex, limit: Int = 3) -> [(Passage, Double)] {
        let query = q.passage, total = q.total
        guard total > 0 else { return [] }
        // Shared IDF mass per candidate, dense: candidates number in the hundreds or thousands.
        var shared = [Double](repeating: 0, count: index.passages.count)
        var touched: [Int] = []
        for (k, w) in query.words.enumerated() {
            guard let posting = index.postings[WordKey(w)] else { continue }
            let weight = q.weights[k]
            for i in posting {
                if shared[i] == 0 { touched.append(i) }
                shared[i] += weight
            }
        }
        // Compounds written apart: only candidates holding both words can lose, and the postings
        // (ascending) say which those are.
        for c in q.compounds {
            guard let first = index.postings[WordKey(c.first)], let second = index.postings[WordKey(c.second)] else { continue }
            var x = 0, y = 0
            while x < first.count && y < second.count {
                if first[x] < second[y] { x += 1; continue }
                if first[x] > second[y] { y += 1; continue }
                let i = first[x]
                x += 1; y += 1
                if isSplit(c, in: index.passages[i]) { shared[i] = max(0, shared[i] - c.weight) }
            }
        }
        // Shared bigrams per candidate, through the bigram postings: the same counts as merging
        // the query's sorted bigrams with each candidate's, without walking every candidate's list.
        var sharedBigrams = [Int32](repeating: 0, count: index.passages.count)
        for b in query.bigrams {
            guard let posting = index.bigramPostings[b] else { continue }
            for i in posting { sharedBigrams[i] += 1 }
        }
        var scored: [(Int, Double)] = []
        scored.reserveCapacity(touched.count)
        for i in touched {
            let s = blend(query, shared: shared[i], total: total, sharedBigrams: Int(sharedBigrams[i]))
            if s > 0 { scored.append((i, s)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map { (index.passages[$0.0], $0.1) }
    }
}

/// Candidate passages with an inverted index from content word to the passages that hold it.
public struct CandidateIndex: Sendable {
    public let passages: [Passage]
    let postings: [WordKey: [Int]]
    /// Han bigram → the passages that hold it (each passage's bigrams are unique already).
    let bigramPostings: [UInt32: [Int]]

    public init(_ passages: [Passage]) {
        self.passages = passages
        var postings: [WordKey: [Int]] = [:]
        var bigramPostings: [UInt32: [Int]] = [:]
        for (i, p) in passages.enumerated() {
            for w in p.words {
                let key = WordKey(w)
                if postings[key]?.last != i { postings[key, default: []].append(i) }
            }
            for b in p.bigrams { bigramPostings[b, default: []].append(i) }
        }
        self.postings = postings
        self.bigramPostings = bigramPostings
    }
}

