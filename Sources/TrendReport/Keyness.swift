import Foundation
import ReportStructure
import ReportText

/// Keywords rising and falling in a report against the unit's earlier reports: Dunning's
/// log-likelihood (G²) over item keyword counts. A word needs G² ≥ 3.84 (p < 0.05) and at least
/// two occurrences on the side it rises on.
enum Keyness {
    static let stopwords: Set<WordKey> = {
        let words = (try? ResourceFiles.lines(file: "keyness-stopwords.txt", bundle: .module)) ?? []
        return Set(words.flatMap { $0.split(separator: " ").map { WordKey(String($0)) } })
    }()
    static let critical = 3.84
    static let limit = 8

    /// (Keyed by `WordKey`: hashing Chinese `String`s checks normalisation on every character.)
    static func counts(_ reports: [ExtractedReport]) -> [WordKey: Int] {
        var c: [WordKey: Int] = [:]
        for r in reports {
            for i in r.items {
                for w in i.keywords {
                    let key = WordKey(w)
                    if !stopwords.contains(key) { c[key, default: 0] += 1 }
                }
            }
        }
        return c
    }

    /// Keywords of a report (counts `a`) against the unit's earlier reports together (`b`).
    static func compare(_ a: [WordKey: Int], against b: [WordKey: Int]) -> YearRow.Keywords {
        guard !b.isEmpty else { return .init(rising: [], falling: []) }
        let na = Double(a.values.reduce(0, +)), nb = Double(b.values.reduce(0, +))
        guard na > 0, nb > 0 else { return .init(rising: [], falling: []) }
        var rising: [YearRow.Keywords.Entry] = [], falling: [YearRow.Keywords.Entry] = []
        for w in Set(a.keys).union(b.keys) {
            let x = Double(a[w] ?? 0), y = Double(b[w] ?? 0)
            let ea = na * (x + y) / (na + nb), eb = nb * (x + y) / (na + nb)
            var g = 0.0
            if x > 0 { g += x * log(x / ea) }
            if y > 0 { g += y * log(y / eb) }
            g *= 2
            guard g >= critical else { continue }
            let entry = YearRow.Keywords.Entry(word: w.word, count: Int(x), logLikelihood: (g * 100).rounded() / 100)
            if x / na > y / nb, x >= 2 { rising.append(entry) } else if x / na < y / nb, y >= 2 { falling.append(entry) }
        }
        func top(_ l: [YearRow.Keywords.Entry]) -> [YearRow.Keywords.Entry] {
            Array(l.sorted { ($0.logLikelihood, $1.word) > ($1.logLikelihood, $0.word) }.prefix(limit))
        }
        return .init(rising: top(rising), falling: top(falling))
    }
}
