import ReportStructure
import ReportText

/// Sentences of the later report that are near-copies of sentences of the earlier one: Jaccard
/// similarity of character 4-gram shingles (Han, digits, letters) at or above `threshold`, found
/// through an inverted index so that long reports stay fast.
public struct ReuseFinder: Sendable {
    public var threshold = 0.7
    /// Sentences shorter than this (in characters that count) are not compared.
    public var minimumLength = 12

    public init() {}

    /// Letters (Han included) and digits: what a shingle is made of. ASCII and the common Han
    /// block are decided without a Unicode property lookup.
    static func counts(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return true }
        return c.properties.isAlphabetic
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return false }
        return c.properties.isWhitespace
    }

    /// The sentence's shingles, sorted and unique (a sort is cheaper than filling a set).
    static func shingles(_ s: String) -> [UInt64] {
        let chars = s.unicodeScalars.filter(counts).map { UInt64($0.value) }
        guard chars.count >= 4 else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(chars.count - 3)
        for i in 0...(chars.count - 4) {
            out.append((chars[i] &* 0x9E37_79B9_7F4A_7C15) ^ (chars[i + 1] << 42) ^ (chars[i + 2] << 21) ^ chars[i + 3])
        }
        out.sortAndRemoveDuplicates()
        return out
    }

    public func find(_ a: [Passage], _ b: [Passage]) -> Reuse {
        find(a, a.map { Self.shingles($0.normalized) }, b, b.map { Self.shingles($0.normalized) })
    }

    /// With each side's shingles worked out already (a report is the later side of one pair and
    /// the earlier side of the next).
    func find(_ a: [Passage], _ aShingles: [[UInt64]], _ b: [Passage], _ bShingles: [[UInt64]]) -> Reuse {
        var index: [UInt64: [Int32]] = [:]
        for (i, s) in aShingles.enumerated() where s.count + 3 >= minimumLength {
            for h in s { index[h, default: []].append(Int32(i)) }
        }
        // Shingles shared with each earlier sentence, dense; `touched` lists the ones to reset.
        var overlap = [Int32](repeating: 0, count: a.count)
        var touched: [Int32] = []
        var pairs: [Reuse.Pair] = []
        var reusedChars: [ItemRole: Int] = [:], totalChars: [ItemRole: Int] = [:]
        for (p, s) in zip(b, bShingles) {
            let length = p.normalized.unicodeScalars.filter { !Self.isSpace($0) }.count
            totalChars[p.role, default: 0] += length
            guard s.count + 3 >= minimumLength else { continue }
            for h in s {
                for i in index[h] ?? [] {
                    if overlap[Int(i)] == 0 { touched.append(i) }
                    overlap[Int(i)] += 1
                }
            }
            // The earlier sentence sharing most, the first of equals.
            var best: (i: Int, shared: Int)?
            for i in touched {
                let n = Int(overlap[Int(i)])
                if best == nil || n > best!.shared || (n == best!.shared && Int(i) < best!.i) { best = (Int(i), n) }
                overlap[Int(i)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            guard let (i, shared) = best else { continue }
            let jaccard = Double(shared) / Double(s.count + aShingles[i].count - shared)
            if jaccard >= threshold {
                reusedChars[p.role, default: 0] += length
                pairs.append(Reuse.Pair(from: a[i].text, fromSpan: a[i].span, to: p.text, toSpan: p.span,
                                        similarity: (jaccard * 1000).rounded() / 1000))
            }
        }
        let total = totalChars.values.reduce(0, +)
        let reused = reusedChars.values.reduce(0, +)
        var byRole: [String: Double] = [:]
        for (role, t) in totalChars where t > 0 {
            byRole[role.rawValue] = (Double(reusedChars[role] ?? 0) / Double(t) * 1000).rounded() / 1000
        }
        return Reuse(share: total == 0 ? 0 : (Double(reused) / Double(total) * 1000).rounded() / 1000, byRole: byRole, pairs: pairs)
    }
}

/// What an OGI report's template writes every year, whoever writes the report: its title and the
/// other unpunctuated lines before the first part, its sentences about itself (本报告根据…编制),
/// its headings and the rows of its statistics tables. Text reuse leaves these out. A work
/// report has no such template: its headings are policy, and copied they count.
struct TemplateText {
    private var headings: [Int: Int] = [:]
    private var statistics: [Range<Int>] = []
    private let bodyStart: Int
    private let applies: Bool

    init(_ report: ExtractedReport) {
        applies = report.metadata.genre.value == .ogiAnnualReport
        bodyStart = applies ? report.sections.first?.span.start ?? 0 : 0
        guard applies else { return }
        var stack = report.sections
        while let h = stack.popLast() {
            headings[h.span.start] = h.titleSpan.end
            if h.role == .statistics { statistics.append(h.span.range) }
            stack += h.children
        }
    }

    func contains(_ p: Passage) -> Bool {
        guard applies else { return false }
        let prose = Normalizer.isProse(p.normalized)
        if p.span.start < bodyStart && !prose { return true }
        if let titleEnd = headings[p.span.start], p.span.end <= titleEnd { return true }
        if !prose && statistics.contains(where: { $0.contains(p.span.start) }) { return true }
        return Cues.shared.isReportFurniture(p.normalized)
    }
}
