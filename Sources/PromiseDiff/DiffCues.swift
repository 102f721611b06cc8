import Foundation
import ReportStructure
import ReportText

/// The data that steers matching and judging (`Resources/*.txt`, each commented).
final class DiffCues: @unchecked Sendable {
    static let shared: DiffCues = {
        do { return try DiffCues() } catch { fatalError("Nianbao PromiseDiff resources missing: \(error)") }
    }()

    let done: [NSRegularExpression]
    let progress: [NSRegularExpression]
    let testable: [NSRegularExpression]
    let pastCredit: [NSRegularExpression]
    let aggregate: [NSRegularExpression]
    let recap: [NSRegularExpression]
    let restatements: [NSRegularExpression]
    let indicatorSynonyms: [String: [String]]
    let directions: [(ceiling: Bool, word: String)]
    let verbal: [(verdict: TargetVerdict, regex: NSRegularExpression)]
    let stopwords: Set<String>
    let actionVerbs: NSRegularExpression
    let rhetoric: [NSRegularExpression]
    /// A sentence announcing the tasks that follow (`lead-ins.txt`).
    let leadIns: [NSRegularExpression]
    let multiYear: [NSRegularExpression]
    let purpose: [NSRegularExpression]
    let deadline: NSRegularExpression
    /// A sentence of the plans that looks back at last year (`last-year-openers.txt`).
    let lastYearOpeners: [NSRegularExpression]
    /// Before a promised figure: it is another year's (`other-year-figures.txt`).
    let otherYear: [NSRegularExpression]
    let synonyms: [String: String]
    /// The variants of each canonical word of `synonyms` (棚户区改造: 棚户区住房改造 …).
    let writings: [String: [String]]
    let scopes: [String]
    /// Words before / after an indicator's name that make it another indicator.
    let modifiers: (left: [String], right: [String])

    init() throws {
        func lines(_ f: String) throws -> [String] { try ResourceFiles.lines(file: f, bundle: .module) }
        // Each list is only ever asked "does any line match", so it is one alternation: one
        // pass of the matcher instead of one per line.
        func regexes(_ f: String) throws -> [NSRegularExpression] {
            [try NSRegularExpression(pattern: try lines(f).map { "(?:\($0))" }.joined(separator: "|"))]
        }
        done = try regexes("done.txt")
        progress = try regexes("progress.txt")
        testable = try regexes("testable.txt")
        pastCredit = try regexes("past-credit.txt")
        aggregate = try regexes("aggregate-words.txt")
        otherYear = try regexes("other-year-figures.txt")
        recap = try regexes("recap-openers.txt")
        lastYearOpeners = try regexes("last-year-openers.txt")
        restatements = try regexes("target-restatements.txt")
        indicatorSynonyms = Dictionary(try lines("indicator-synonyms.txt").compactMap { l -> (String, [String])? in
            let p = l.split(separator: " ").map(String.init)
            return p.count >= 2 ? (p[0], Array(p.dropFirst())) : nil
        }, uniquingKeysWith: { a, _ in a })
        directions = try lines("target-directions.txt").map { l in
            let p = l.split(separator: " ", maxSplits: 1)
            return (p[0] == "ceiling", String(p[1]))
        }
        verbal = try lines("verbal-verdicts.txt").compactMap { l in
            let p = l.split(separator: " ", maxSplits: 1)
            guard p.count == 2, let v = TargetVerdict(rawValue: String(p[0])) else { return nil }
            return (v, try NSRegularExpression(pattern: String(p[1])))
        }
        actionVerbs = try NSRegularExpression(pattern: try lines("action-verbs.txt").joined(separator: "|"))
        rhetoric = try regexes("rhetoric.txt")
        leadIns = try regexes("lead-ins.txt")
        multiYear = try regexes("multi-year.txt")
        purpose = try regexes("purpose-clauses.txt")
        deadline = try NSRegularExpression(pattern: try lines("deadlines.txt").joined(separator: "|"))
        synonyms = Dictionary(try lines("synonyms.txt").compactMap { l -> (String, String)? in
            let p = l.split(separator: " ")
            return p.count == 2 ? (String(p[0]), String(p[1])) : nil
        }, uniquingKeysWith: { a, _ in a })
        let canonical = synonyms
        writings = Dictionary(grouping: canonical.keys.sorted(), by: { canonical[$0]! })
        scopes = try lines("indicator-scopes.txt")
        let m = try lines("indicator-modifiers.txt").map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        modifiers = (m.filter { $0[0] == "LEFT" }.map { $0[1] }, m.filter { $0[0] == "RIGHT" }.map { $0[1] })
        stopwords = Cues.shared.stopwords.union(try lines("matching-stopwords.txt").flatMap { $0.split(separator: " ").map(String.init) })
    }

    static func any(_ rs: [NSRegularExpression], _ s: String) -> Bool {
        let r = NSRange(location: 0, length: (s as NSString).length)
        return rs.contains { $0.firstMatch(in: s, range: r) != nil }
    }
}
