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
    /// A project begun and not finished (`unfinished.txt`): done in part.
    let unfinished: CueSet
    let testable: CueSet
    /// A project's milestones (`milestones.txt`): 开工, 竣工, 投入使用; and the starts alone.
    let milestones: CueSet
    let starts: CueSet
    let finishes: CueSet
    /// What opens a clause that goes on from the one before (`clause-ties.txt`).
    let clauseTies: CueSet
    let pastCredit: CueSet
    let aggregate: CueSet
    /// What makes a figure the total of those before it (`totals.txt`).
    let totals: CueSet
    let recap: CueSet
    /// A review's sentence of what must be done, not of what was (`review-norms.txt`).
    let reviewNorms: CueSet
    let restatements: CueSet
    let indicatorSynonyms: [String: [String]]
    let directions: [(ceiling: Bool, word: String)]
    /// Words saying which way a change figure goes (`target-directions.txt`: rise, fall).
    let changeWords: [(rises: Bool, word: String)]
    /// Words that end an indicator without naming it (`indicator-ends.txt`).
    let indicatorEnds: [String]
    let verbal: [(verdict: TargetVerdict, regex: NSRegularExpression)]
    let stopwords: Set<String>
    let actionVerbs: NSRegularExpression
    /// The same verbs as a cue set, for "does the sentence name any".
    let actionVerbSet: CueSet
    let rhetoric: CueSet
    /// A sentence announcing the tasks that follow (`lead-ins.txt`).
    let leadIns: CueSet
    let multiYear: CueSet
    /// Drafting a period's plan: the plan year's task (`plan-drafting.txt`).
    let planDrafting: CueSet
    let purpose: CueSet
    let deadline: NSRegularExpression
    /// A sentence of the plans that looks back at last year (`last-year-openers.txt`).
    let lastYearOpeners: CueSet
    /// A sentence that refers back to the problems named (`problem-references.txt`).
    let problemReferences: CueSet
    /// Before a promised figure: it is another year's (`other-year-figures.txt`).
    let otherYear: CueSet
    let synonyms: [String: String]
    /// The variants of each canonical word of `synonyms` (棚户区改造: 棚户区住房改造 …).
    let writings: [String: [String]]
    let scopes: [String]
    /// How often a recurring task is done, as a period in days (`frequencies.txt`).
    let frequencies: [(word: String, days: Int)]
    /// Words before / after an indicator's name that make it another indicator.
    let modifiers: (left: [String], right: [String])

    init() throws {
        func lines(_ f: String) throws -> [String] { try ResourceFiles.lines(file: f, bundle: .module) }
        func regexes(_ f: String) throws -> CueSet { try CueSet(lines: try lines(f)) }
        done = try regexes("done.txt")
        progress = try regexes("progress.txt")
        unfinished = try regexes("unfinished.txt")
        testable = try regexes("testable.txt")
        let milestoneLines = try lines("milestones.txt").map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
        starts = try CueSet(lines: milestoneLines.filter { $0[0] == "start" }.map { $0[1] })
        finishes = try CueSet(lines: milestoneLines.filter { $0[0] == "finish" }.map { $0[1] })
        milestones = try CueSet(lines: milestoneLines.map { $0[1] })
        clauseTies = try CueSet(lines: try lines("clause-ties.txt").map { "^(?:\($0))" })
        pastCredit = try regexes("past-credit.txt")
        aggregate = try regexes("aggregate-words.txt")
        totals = try regexes("totals.txt")
        otherYear = try regexes("other-year-figures.txt")
        recap = try regexes("recap-openers.txt")
        reviewNorms = try regexes("review-norms.txt")
        lastYearOpeners = try regexes("last-year-openers.txt")
        restatements = try regexes("target-restatements.txt")
        problemReferences = try regexes("problem-references.txt")
        indicatorSynonyms = Dictionary(try lines("indicator-synonyms.txt").compactMap { l -> (String, [String])? in
            let p = l.split(separator: " ").map(String.init)
            return p.count >= 2 ? (p[0], Array(p.dropFirst())) : nil
        }, uniquingKeysWith: { a, _ in a })
        let directionLines = try lines("target-directions.txt").map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
        directions = directionLines.filter { $0[0] == "ceiling" || $0[0] == "floor" }.map { ($0[0] == "ceiling", $0[1]) }
        indicatorEnds = try lines("indicator-ends.txt")
        changeWords = directionLines.filter { $0[0] == "rise" || $0[0] == "fall" }.map { ($0[0] == "rise", $0[1]) }
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
        planDrafting = try regexes("plan-drafting.txt")
        purpose = try regexes("purpose-clauses.txt")
        deadline = try NSRegularExpression(pattern: try lines("deadlines.txt").joined(separator: "|"))
        synonyms = Dictionary(try lines("synonyms.txt").compactMap { l -> (String, String)? in
            let p = l.split(separator: " ")
            return p.count == 2 ? (String(p[0]), String(p[1])) : nil
        }, uniquingKeysWith: { a, _ in a })
        let canonical = synonyms
        writings = Dictionary(grouping: canonical.keys.sorted(), by: { canonical[$0]! })
        scopes = try lines("indicator-scopes.txt")
        frequencies = try lines("frequencies.txt").compactMap { l in
            let p = l.split(separator: " ")
            return p.count == 2 ? Int(p[1]).map { (String(p[0]), $0) } : nil
        }
        let m = try lines("indicator-modifiers.txt").map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
        modifiers = (m.filter { $0[0] == "LEFT" }.map { $0[1] }, m.filter { $0[0] == "RIGHT" }.map { $0[1] })
        stopwords = Cues.shared.stopwords.union(try lines("matching-stopwords.txt").flatMap { $0.split(separator: " ").map(String.init) })
    }

    static func any(_ cues: CueSet, _ s: String) -> Bool { cues.matches(s) }

    /// Where the cue files are (for tests that read them as written).
    static var bundle: Bundle { .module }
}

/// A cue list that is only ever asked "does any line match". Each line is an alternation; its
/// alternatives without regex syntax (已经|已|均已), anchored at the start (^要用) or grouped
/// ((取得了|实现了)) are found by one scan over the text's UTF-16 units. The rest stay regexes,
/// each run only when the text holds the literal it opens with (形势 of 形势(依然|仍然)?严峻).
/// Same answers as the regex of every line, without bridging each sentence to NSString for
/// what plain text decides.
struct CueSet: @unchecked Sendable {
    /// Phrases found anywhere, by their first UTF-16 unit.
    let phrases: [UInt16: [[UInt16]]]
    /// Phrases the text must open with.
    let openers: [[UInt16]]
    /// Alternatives that need a regex, with the literal a match must contain (empty: none known).
    let regexes: [(literal: [UInt16], regex: NSRegularExpression)]

    init(lines: [String]) throws {
        var phrases: [UInt16: [[UInt16]]] = [:]
        var openers: [[UInt16]] = []
        var regexes: [(literal: [UInt16], regex: NSRegularExpression)] = []
        var unanchored: [String] = []
        for alternative in lines.flatMap(Self.alternatives) {
            if let plain = Self.plainAlternatives(alternative) {
                for phrase in plain { phrases[phrase[0], default: []].append(phrase) }
            } else if alternative.hasPrefix("^"), let plain = Self.plainAlternatives(String(alternative.dropFirst())) {
                openers += plain
            } else {
                let literal = Self.leadingLiteral(alternative)
                if literal.isEmpty { unanchored.append("(?:\(alternative))") } else {
                    regexes.append((literal, try NSRegularExpression(pattern: alternative)))
                }
            }
        }
        // Alternatives without a literal to look for first run as one regex.
        if !unanchored.isEmpty { regexes.append(([], try NSRegularExpression(pattern: unanchored.joined(separator: "|")))) }
        self.phrases = phrases
        self.openers = openers
        self.regexes = regexes
    }

    static let syntax = Set("\\^$.?*+()[]{}|".utf16)
    /// What makes the character before it optional: ? * {.
    static let quantifiers: Set<UInt16> = [0x3F, 0x2A, 0x7B]

    /// The top-level alternatives of a pattern (split at | outside groups and classes).
    static func alternatives(_ pattern: String) -> [String] {
        var out: [String] = [], current = "", depth = 0, inClass = false, escaped = false
        for c in pattern {
            if escaped { escaped = false; current.append(c); continue }
            switch c {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where depth == 0 && !inClass:
                out.append(current)
                current = ""
                continue
            default: break
            }
            current.append(c)
        }
        out.append(current)
        return out.filter { !$0.isEmpty }
    }

    /// The phrases of a plain alternative (取得了) or of a group of plain ones ((取得了|实现了)).
    static func plainAlternatives(_ s: String) -> [[UInt16]]? {
        func plain(_ t: Substring) -> Bool { !t.isEmpty && !t.utf16.contains(where: syntax.contains) }
        if plain(s[...]) { return [Array(s.utf16)] }
        guard s.hasPrefix("("), s.hasSuffix(")"), !s.hasPrefix("(?") else { return nil }
        let inner = s.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
        return inner.allSatisfy(plain) ? inner.map { Array($0.utf16) } : nil
    }

    /// The literal text a match of the alternative must contain: its opening run of plain
    /// characters, less the last one when a quantifier makes that one optional.
    static func leadingLiteral(_ s: String) -> [UInt16] {
        let u = Array(s.utf16.drop { $0 == 0x5E })
        var n = 0
        while n < u.count && !syntax.contains(u[n]) { n += 1 }
        if n < u.count, Self.quantifiers.contains(u[n]) { n -= 1 }
        return Array(u[..<max(0, n)])
    }

    func matches(_ s: String) -> Bool {
        let u = Array(s.utf16)
        if openers.contains(where: { Self.holds(u, $0, at: 0) }) { return true }
        if !phrases.isEmpty {
            for i in u.indices {
                if let candidates = phrases[u[i]], candidates.contains(where: { Self.holds(u, $0, at: i) }) { return true }
            }
        }
        for (literal, regex) in regexes where literal.isEmpty || Self.contains(u, literal) {
            if regex.firstMatch(in: s, range: NSRange(location: 0, length: u.count)) != nil { return true }
        }
        return false
    }

    /// Whether `p` is written in `u` from `i` on.
    @inline(__always)
    static func holds(_ u: [UInt16], _ p: [UInt16], at i: Int) -> Bool {
        guard p.count <= u.count - i else { return false }
        var k = 0
        while k < p.count && u[i + k] == p[k] { k += 1 }
        return k == p.count
    }

    static func contains(_ u: [UInt16], _ p: [UInt16]) -> Bool {
        u.indices.contains { holds(u, p, at: $0) }
    }
}
