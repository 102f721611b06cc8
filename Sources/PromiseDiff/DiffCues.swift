import Foundation
import ReportStructure
import ReportText

/// The data that steers matching and judging (`Resources/*.txt`, each commented).
final class DiffCues: @unchecked Sendable {
    static let shared: DiffCues = {
        do { return try DiffCues() } catch { fatalError("Nianbao PromiseDiff resources missing: \(error)") }
    }()

    let done: CueSet
    let progress: CueSet
    let testable: CueSet
    let pastCredit: CueSet
    let aggregate: CueSet
    let recap: CueSet
    let restatements: CueSet
    let indicatorSynonyms: [String: [String]]
    let directions: [(ceiling: Bool, word: String)]
    let verbal: [(verdict: TargetVerdict, regex: NSRegularExpression)]
    let stopwords: Set<String>
    let actionVerbs: NSRegularExpression
    /// The same verbs as a cue set, for "does the sentence name any".
    let actionVerbSet: CueSet
    let rhetoric: CueSet
    /// A sentence announcing the tasks that follow (`lead-ins.txt`).
    let leadIns: CueSet
    let multiYear: CueSet
    let purpose: CueSet
    let deadline: NSRegularExpression
    /// A sentence of the plans that looks back at last year (`last-year-openers.txt`).
    let lastYearOpeners: CueSet
    /// Before a promised figure: it is another year's (`other-year-figures.txt`).
    let otherYear: CueSet
    let synonyms: [String: String]
    /// The variants of each canonical word of `synonyms` (棚户区改造: 棚户区住房改造 …).
    let writings: [String: [String]]
    let scopes: [String]
    /// Words before / after an indicator's name that make it another indicator.
    let modifiers: (left: [String], right: [String])

    init() throws {
        func lines(_ f: String) throws -> [String] { try ResourceFiles.lines(file: f, bundle: .module) }
        func regexes(_ f: String) throws -> CueSet { try CueSet(lines: try lines(f)) }
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
        actionVerbSet = try regexes("action-verbs.txt")
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

    static func any(_ cues: CueSet, _ s: String) -> Bool { cues.matches(s) }
}

/// A cue list that is only ever asked "does any line match": its plain phrases (lines of
/// alternatives without regex syntax, such as 已经|已|均已) are found by one scan over the text's
/// UTF-16 units, the other lines by one regex alternation. Same answers as the regex of every
/// line, without bridging each sentence to NSString for the common case.
struct CueSet: @unchecked Sendable {
    /// Phrases by their first UTF-16 unit.
    let phrases: [UInt16: [[UInt16]]]
    let regex: NSRegularExpression?

    init(lines: [String]) throws {
        let syntax = Set("\\^$.?*+()[]{}")
        var phrases: [UInt16: [[UInt16]]] = [:]
        var patterns: [String] = []
        for line in lines {
            if line.contains(where: syntax.contains) {
                patterns.append("(?:\(line))")
                continue
            }
            for phrase in line.split(separator: "|") where !phrase.isEmpty {
                let units = Array(phrase.utf16)
                phrases[units[0], default: []].append(units)
            }
        }
        self.phrases = phrases
        regex = patterns.isEmpty ? nil : try NSRegularExpression(pattern: patterns.joined(separator: "|"))
    }

    func matches(_ s: String) -> Bool {
        if !phrases.isEmpty {
            let u = Array(s.utf16)
            for i in u.indices {
                guard let candidates = phrases[u[i]] else { continue }
                for p in candidates where p.count <= u.count - i {
                    var k = 1
                    while k < p.count && u[i + k] == p[k] { k += 1 }
                    if k == p.count { return true }
                }
            }
        }
        guard let regex else { return false }
        return regex.firstMatch(in: s, range: NSRange(location: 0, length: s.utf16.count)) != nil
    }
}
