/// How much of a promise (or problem) a passage covers: the IDF-weighted share of its content
/// words found in the passage, blended with the share of its Han bigrams (robust to different
/// segmentation and light paraphrase). Asymmetric on purpose: a long passage that mentions
/// everything the promise names covers it; a promise that names little is down-weighted.
public struct Similarity: Sendable {
    public var idf: IDF
    /// Weights of the two parts.
    public static let wordWeight = 0.65
    public static let bigramWeight = 0.35
    /// IDF mass below which a promise is too generic to match with full confidence.
    public static let minimumInformation = 6.0

    public init(idf: IDF) { self.idf = idf }

    public func score(_ query: Passage, _ candidate: Passage) -> Double {
        let total = query.words.reduce(0.0) { $0 + idf.weight($1) }
        guard total > 0 || !query.bigrams.isEmpty else { return 0 }
        let candidateWords = Set(candidate.words)
        let shared = query.words.filter { candidateWords.contains($0) }.reduce(0.0) { $0 + idf.weight($1) }
        let wordCoverage = total > 0 ? shared / total : 0
        let bigramCoverage = query.bigrams.isEmpty ? 0
            : Double(query.bigrams.intersection(candidate.bigrams).count) / Double(query.bigrams.count)
        let confidence = min(1, total / Self.minimumInformation)
        return (Self.wordWeight * wordCoverage + Self.bigramWeight * bigramCoverage) * confidence
    }

    /// The best-scoring candidates, best first.
    public func best(_ query: Passage, among candidates: [Passage], limit: Int = 3) -> [(Passage, Double)] {
        var scored: [(Passage, Double)] = []
        for c in candidates {
            let s = score(query, c)
            if s > 0 { scored.append((c, s)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.span < $1.0.span }
        return Array(scored.prefix(limit))
    }
}
