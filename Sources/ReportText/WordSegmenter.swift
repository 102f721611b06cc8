/// Chinese word segmentation: ICU's dictionary word break iterator, repaired by a domain lexicon.
///
/// ```swift
/// let segmenter = try WordSegmenter(lexicon: try Lexicon.builtIn())
/// let tokens = try segmenter.tokens(norm)     // 不/流于/形式, 长效机制, 6.5%, 1.2万
/// ```
/// Inside each run of Han characters, the segmentation is the cheapest path through a lattice
/// whose edges are ICU's words, lexicon words and single characters. Lexicon words are slightly
/// cheaper than ICU's and single characters slightly dearer, so a lexicon word wins when it does
/// not fragment its surroundings (不流/于 → 不/流于) and ICU's choice stands otherwise.
/// Runs with no lexicon word across ICU's boundaries skip the lattice entirely.
///
/// Not thread-safe (it owns an ICU iterator): give each worker its own.
public final class WordSegmenter {
    public let lexicon: Lexicon
    private let breaker: ICUBreaker
    // Scratch buffers reused across Han runs (a run is a clause; allocating per run is costly).
    private var scratch = Scratch()

    /// Buffers for one Han run, moved out of the class while in use so that the hot loops
    /// touch locals (class properties pay an exclusivity check on every access).
    struct Scratch {
        var isBoundary: [Bool] = []
        var words: [(Int, Int)] = []
        var cost: [Int] = []
        var from: [Int] = []
        var nextBoundary: [Int] = []
    }

    static let icuCost = 100
    static let lexiconCost = 90
    static let charCost = 105

    public init(lexicon: Lexicon) throws {
        self.lexicon = lexicon
        self.breaker = try ICUBreaker(.word)
    }

    /// Tokens of a whole text (whitespace dropped; line breaks are never inside a token).
    public func tokens(_ text: NormalizedText) throws -> [Token] {
        try tokens(text.units)
    }

    /// Raw ICU word breaking, for comparison: ICU's words minus white space, no repair, no merging.
    public func icuTokens(_ units: [UInt16]) throws -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(units.count)
        try units.withUnsafeBufferPointer { text in
            var prev = 0
            try breaker.forEachBatch(units) { bounds, rules in
                for (b, rule) in zip(bounds, rules) {
                    if let kind = Self.classify(text, prev, Int(b), rule) { out.append(Token(prev..<Int(b), kind)) }
                    prev = Int(b)
                }
            }
        }
        return out
    }

    public func tokens(_ units: [UInt16]) throws -> [Token] {
        // The scratch buffers, moved out of the class for the whole text (see `Scratch`).
        var s = Scratch()
        swap(&s, &scratch)
        defer { swap(&s, &scratch) }
        var out: [Token] = []
        // A token holds at least one unit: the list never grows (pages not written cost nothing).
        out.reserveCapacity(units.count)
        var walk = Walk()
        try units.withUnsafeBufferPointer { text in
            try breaker.forEachBatch(units) { bounds, rules in
                Self.take(bounds, rules, text, lexicon, &walk, &s, &out)
            }
            if walk.runStart >= 0 { Self.emitHanRun(text, walk.runStart, walk.prev, walk.runBounds, lexicon, &s, &out) }
        }
        mergeNumbers(units, &out)
        return out
    }

    /// Where the walk over ICU's boundaries is: the last boundary, and the Han run being gathered.
    struct Walk {
        var prev = 0
        var runStart = -1
        var runBounds: [Int32] = []
    }

    /// One batch of ICU's boundaries: Han words gather into runs (emitted whole, when a token of
    /// another kind ends them), the rest become tokens as they are.
    private static func take(_ bounds: UnsafeBufferPointer<Int32>, _ rules: UnsafeBufferPointer<Int32>,
                             _ text: UnsafeBufferPointer<UInt16>, _ lexicon: Lexicon, _ walk: inout Walk,
                             _ s: inout Scratch, _ out: inout [Token]) {
        for (b, rule) in zip(bounds, rules) {
            let prev = walk.prev, end = Int(b)
            walk.prev = end
            let kind = classify(text, prev, end, rule)
            if kind == .han {
                if walk.runStart < 0 { walk.runStart = prev }
                walk.runBounds.append(b)
                continue
            }
            if walk.runStart >= 0 {
                emitHanRun(text, walk.runStart, prev, walk.runBounds, lexicon, &s, &out)
                walk.runStart = -1
                walk.runBounds.removeAll(keepingCapacity: true)
            }
            guard let kind else { continue }  // white space
            if kind == .punctuation {
                // One token per mark, so "。”" or "))" never glue together.
                var i = prev
                while i < end {
                    let w = UTF16.isLeadSurrogate(text[i]) && i + 1 < end ? 2 : 1
                    out.append(Token(i..<i + w, .punctuation))
                    i += w
                }
            } else {
                out.append(Token(prev..<end, kind))
            }
        }
    }

    /// ICU's rule status ranges: <100 none, 100s number, 200s letter, 300s kana, 400s ideographic.
    @inline(__always)
    private static func classify(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int, _ rule: Int32) -> Token.Kind? {
        switch rule {
        case 400..<500, 300..<400: return .han
        case 100..<200: return .number
        case 200..<300: return .latin
        default:
            let u = text[start]
            if u == 0x20 || u == 0x0A || u == 0x09 || u == 0x3000 || u == 0xA0 { return nil }
            if CodeUnit.isHan(u) { return .han }
            return .punctuation
        }
    }

    /// Emits the tokens of the Han run `[start, end)`; `bounds` are ICU's boundaries after `start`.
    private static func emitHanRun(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
                                   _ bounds: [Int32], _ lexicon: Lexicon, _ s: inout Scratch,
                                   _ out: inout [Token]) {
        // Collect lexicon words that disagree with ICU; none means ICU's tokens stand.
        let n = end - start
        s.words.removeAll(keepingCapacity: true)
        if n >= 2 { lexicon.allMatches(in: text, from: start, to: end, into: &s.words) }
        // Most runs hold no lexicon word at all: ICU's tokens stand, nothing else to build.
        if s.words.isEmpty {
            var prev = start
            for b in bounds {
                out.append(Token(prev..<Int(b), .han))
                prev = Int(b)
            }
            return
        }
        s.isBoundary.removeAll(keepingCapacity: true)
        s.isBoundary.append(contentsOf: repeatElement(false, count: n + 1))
        s.isBoundary[0] = true
        for b in bounds { s.isBoundary[Int(b) - start] = true }
        var disagrees = false
        for (p, q) in s.words {
            // A word agrees with ICU only when it is exactly one ICU token.
            if !s.isBoundary[p - start] || !s.isBoundary[q - start] { disagrees = true; break }
            var inner = false
            for k in (p + 1)..<q where s.isBoundary[k - start] { inner = true; break }
            if inner { disagrees = true; break }
        }
        if !disagrees {
            var prev = start
            for b in bounds {
                out.append(Token(prev..<Int(b), .han))
                prev = Int(b)
            }
            return
        }
        // Cheapest path through the lattice (ties keep the edge found first: ICU, lexicon, char).
        s.cost.removeAll(keepingCapacity: true)
        s.cost.append(contentsOf: repeatElement(Int.max, count: n + 1))
        s.from.removeAll(keepingCapacity: true)
        s.from.append(contentsOf: repeatElement(-1, count: n + 1))
        s.cost[0] = 0
        s.nextBoundary.removeAll(keepingCapacity: true)
        s.nextBoundary.append(contentsOf: repeatElement(n, count: n + 1))
        var following = n
        for k in stride(from: n, through: 0, by: -1) {
            s.nextBoundary[k] = following
            if s.isBoundary[k] { following = k }
        }
        var w = 0
        for i in 0..<n where s.cost[i] != Int.max {
            func relax(_ j: Int, _ c: Int) {
                let total = s.cost[i] + c
                if total < s.cost[j] { s.cost[j] = total; s.from[j] = i }
            }
            if s.isBoundary[i] { relax(s.nextBoundary[i], icuCost) }
            while w < s.words.count && s.words[w].0 - start < i { w += 1 }
            var k = w
            while k < s.words.count && s.words[k].0 - start == i {
                relax(s.words[k].1 - start, lexiconCost)
                k += 1
            }
            let width = UTF16.isLeadSurrogate(text[start + i]) && i + 1 < n ? 2 : 1
            relax(i + width, charCost)
        }
        var cuts: [Int] = []
        var j = n
        while j > 0 { cuts.append(j); j = s.from[j] }
        var prev = start
        for c in cuts.reversed() {
            out.append(Token(prev..<start + c, .han))
            prev = start + c
        }
    }

    /// Keeps quantities whole: `6.5` + `%` → `6.5%`, `1.2` + `万元` → `1.2万` `元`.
    private func mergeNumbers(_ units: [UInt16], _ tokens: inout [Token]) {
        var i = 0
        // Merged tokens are written back over the list as it is read: `kept` never passes `i`.
        var kept = 0
        while i < tokens.count {
            var t = tokens[i]
            i += 1
            if t.kind == .number, i < tokens.count, tokens[i].start == t.end {
                let next = tokens[i]
                let u = units[Int(next.start)]
                if u == 0x25 || u == 0x2030 {  // % ‰
                    t.end = next.start + 1
                    if next.length == 1 { i += 1 } else { tokens[i].start += 1 }
                } else if u == 0x4E07 || u == 0x4EBF {  // 万 亿
                    t.end = next.start + 1
                    if next.length == 1 { i += 1 } else { tokens[i].start += 1 }
                }
            }
            tokens[kept] = t
            kept += 1
        }
        tokens.removeSubrange(kept...)
    }
}
