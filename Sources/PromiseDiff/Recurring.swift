import ReportStructure

/// Problems of year N admitted again in year N+1 (the same matching as promises, both ways), and
/// their chains over all years of a unit.
public struct RecurringProblems: Sendable {
    public var similarity: Similarity
    /// Read on the national pairs: every pair between 0.40 and 0.45 is the same problem said
    /// again (农民收入增长缓慢, 投资消费关系不协调); below 0.40 generic ones begin to pair.
    public var threshold = 0.40

    public init(similarity: Similarity) { self.similarity = similarity }

    /// Pairs (a problem of A, its best match among B's problems) above the threshold; each B
    /// problem is used once, best pairs first.
    public func pairs(_ a: [Passage], _ b: [Passage]) -> [RecurringPair] {
        var candidates: [(Int, Int, Double)] = []
        for (i, p) in a.enumerated() {
            for (j, q) in b.enumerated() {
                let s = (similarity.score(p, q) + similarity.score(q, p)) / 2
                if s >= threshold { candidates.append((i, j, s)) }
            }
        }
        candidates.sort { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
        var usedA = Set<Int>(), usedB = Set<Int>()
        var out: [RecurringPair] = []
        for (i, j, s) in candidates where !usedA.contains(i) && !usedB.contains(j) {
            usedA.insert(i); usedB.insert(j)
            out.append(RecurringPair(from: PromiseJudge.evidence((a[i], s)), to: PromiseJudge.evidence((b[j], s)),
                                     score: (s * 1000).rounded() / 1000))
        }
        return out.sorted { $0.from.span < $1.from.span }
    }
}

/// A problem followed across years: where it first appears and every year it comes back.
public struct ProblemChain: Codable, Hashable, Sendable {
    public struct Link: Codable, Hashable, Sendable {
        public var year: Int
        public var text: String
        public var span: Span
        public var source: String
    }

    public var firstYear: Int
    public var years: [Int]
    /// Most consecutive years in which it was admitted.
    public var longestRun: Int
    public var links: [Link]

    /// Chains from the pairs of consecutive diffs (year, source, pairs), earliest first.
    public static func chains(_ diffs: [(fromYear: Int, toYear: Int, fromSource: String, toSource: String, pairs: [RecurringPair])]) -> [ProblemChain] {
        var chains: [ProblemChain] = []
        // The chain that ends with a given (year, span) problem, to extend it.
        var tail: [String: Int] = [:]
        for d in diffs.sorted(by: { $0.fromYear < $1.fromYear }) {
            for p in d.pairs {
                let fromKey = "\(d.fromYear):\(p.from.span.start)"
                let link = Link(year: d.toYear, text: p.to.text, span: p.to.span, source: d.toSource)
                if let c = tail[fromKey] {
                    chains[c].years.append(d.toYear)
                    chains[c].links.append(link)
                    tail["\(d.toYear):\(p.to.span.start)"] = c
                } else {
                    chains.append(ProblemChain(firstYear: d.fromYear, years: [d.fromYear, d.toYear], longestRun: 0, links: [
                        Link(year: d.fromYear, text: p.from.text, span: p.from.span, source: d.fromSource), link]))
                    tail["\(d.toYear):\(p.to.span.start)"] = chains.count - 1
                }
            }
        }
        for i in chains.indices {
            var best = 1, run = 1
            for k in 1..<chains[i].years.count {
                run = chains[i].years[k] == chains[i].years[k - 1] + 1 ? run + 1 : 1
                best = max(best, run)
            }
            chains[i].longestRun = best
        }
        return chains.sorted { ($0.years.count, $1.firstYear) > ($1.years.count, $0.firstYear) }
    }
}
