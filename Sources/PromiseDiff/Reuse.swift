import ReportStructure

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

    static func shingles(_ s: String) -> Set<UInt64> {
        let chars = s.unicodeScalars.filter(counts).map { UInt64($0.value) }
        guard chars.count >= 4 else { return [] }
        var out = Set<UInt64>()
        for i in 0...(chars.count - 4) {
            out.insert((chars[i] &* 0x9E37_79B9_7F4A_7C15) ^ (chars[i + 1] << 42) ^ (chars[i + 2] << 21) ^ chars[i + 3])
        }
        return out
    }

    public func find(_ a: [Passage], _ b: [Passage]) -> Reuse {
        let aShingles = a.map { Self.shingles($0.normalized) }
        var index: [UInt64: [Int]] = [:]
        for (i, s) in aShingles.enumerated() where s.count + 3 >= minimumLength {
            for h in s { index[h, default: []].append(i) }
        }
        var pairs: [Reuse.Pair] = []
        var reusedChars: [ItemRole: Int] = [:], totalChars: [ItemRole: Int] = [:]
        for p in b {
            let length = p.normalized.unicodeScalars.filter { !Self.isSpace($0) }.count
            totalChars[p.role, default: 0] += length
            let s = Self.shingles(p.normalized)
            guard s.count + 3 >= minimumLength else { continue }
            var overlap: [Int: Int] = [:]
            for h in s { for i in index[h] ?? [] { overlap[i, default: 0] += 1 } }
            guard let (i, shared) = overlap.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
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
