import Foundation
import ReportText

/// The data that steers structure and extraction, loaded once from `Resources/` (each file says
/// what it holds in its comments). Editing those files changes behaviour; no cue lives in code.
public final class Cues: @unchecked Sendable {
    /// Loaded on first use; a build without its resources cannot work, so that is fatal.
    public static let shared: Cues = {
        do { return try Cues() } catch { fatalError("Nianbao resources missing: \(error)") }
    }()

    public let skipClasses: [String]
    let boilerplate: [BytePattern]
    /// Phrases that make a paragraph a lead-in (`cues/lead-ins.txt`).
    let leadInPhrases: [BytePattern]
    /// Lines that open what a site adds after the report (`end-matter.txt`).
    let endMatter: NSRegularExpression
    let spam: [String]
    let spamPatterns: [BytePattern]
    public let headings: [(level: Int, regex: NSRegularExpression)]
    /// All heading patterns as one alternation, each alternative a group: one match per line,
    /// the first alternative that matches wins, as in the file's order. `headingGroups[k]` is the
    /// capture group of pattern `k`.
    public let headingAlternation: NSRegularExpression
    public let headingGroups: [Int]
    /// The characters a heading can open with (第, 一…十, (, 0…9, ①…), read off the patterns; nil when
    /// a pattern's first character cannot be told. Most lines are not headings, and one look at
    /// their first character spares them the regex.
    public let headingStarts: Set<Unicode.Scalar>?
    public let enumerations: [NSRegularExpression]
    /// Titles that are never headings (`not-headings.txt`: a template table's row labels), as one
    /// alternation: a candidate heading is asked once, not once per line of the file.
    public let notHeadings: NSRegularExpression
    /// Part titles set without a marker (`part-titles.txt`): whole lines.
    let partTitles: NSRegularExpression
    public let roleCues: [(role: SectionRole, cue: String)]
    /// Titles that take a role only when they are the whole title (`=问题` in `roles.txt`): a
    /// word too common to be a cue inside a longer title.
    let wholeTitleRoles: [String: SectionRole]
    /// The role cues' words as UTF-16, for looking in a heading's first units.
    let roleCueUnits: [[UInt16]]
    /// Their first units: most lines open on none of them.
    let roleCueFirstUnits: Set<UInt16>
    /// Cues that name a part only where they end its title (`重点工作$` in `roles.txt`), as
    /// indices into `roleCues`: a title that goes on past them into what was done (重点工作扎实推进)
    /// is no plan.
    let titleEndCues: Set<Int>
    public let problemOpeners: [String]
    let problemOpenerPatterns: [BytePattern]
    /// Verbs that make a problem opener after them the object of a plan (`problem-solvers.txt`).
    let problemSolvers: [String]
    public let itemOpeners: NSRegularExpression
    public let planOpeners: [String]
    public let runBreaks: Set<String>
    /// Words between a target's indicator and its figure, longest first (`cues/target-connectors.txt`).
    public let targetConnectors: [String]
    /// Words that make a target's indicator a goal over several years (`cues/multi-year-targets.txt`).
    public let multiYearTargets: [String]
    /// A name that covers two indicators, and theirs (`cues/paired-indicators.txt`).
    public let pairedIndicators: [(whole: String, parts: [String])]
    public let commitmentForms: NSRegularExpression
    public let resultForms: NSRegularExpression
    /// What was done, told under a plans heading that names fixes (`cues/done-in-plans.txt`).
    let doneInPlans: NSRegularExpression
    let doneInPlansHeadings: [String]
    public let problemForms: NSRegularExpression
    /// Problems named again, not admitted (`cues/problem-references.txt`).
    let problemReferences: NSRegularExpression
    /// Sentences about the report itself: its basis, parts, period, download, contact.
    public let reportFurniture: NSRegularExpression
    /// Words one of which each of those holds (`cues/report-furniture-keys.txt`).
    let reportFurnitureKeys: [BytePattern]
    public let stopwords: Set<String>
    public let units: [String]
    /// `units` by their first UTF-16 unit, in the same (longest first) order: a number's unit is
    /// looked up by what follows it, millions of times in a large corpus.
    let unitsByFirst: [UInt16: [(unit: String, utf16: [UInt16])]]
    public let qualifiers: [(word: String, meaning: Qualifier)]
    public let notQualifiers: [String]
    /// What makes a number with its unit a session's ordinal, not a count (三次会议).
    let ordinals: [[UInt16]]
    /// What makes a number of 期 a project's phase, not a count: the words after it (二期工程) and
    /// the facilities' last characters before it (产业园二期).
    let phaseNext: [[UInt16]]
    let phaseAfter: Set<UInt16>

    init() throws {
        let bundle = Bundle.module
        func lines(_ file: String) throws -> [String] { try ResourceFiles.lines(file: file, bundle: bundle) }
        func regexes(_ file: String) throws -> [NSRegularExpression] {
            try lines(file).map { try NSRegularExpression(pattern: $0) }
        }
        // A list only ever asked "does any line match": one alternation, one call per text.
        func anyOf(lines: [String]) throws -> NSRegularExpression {
            try NSRegularExpression(pattern: lines.map { "(?:\($0))" }.joined(separator: "|"))
        }
        func anyOf(_ file: String) throws -> NSRegularExpression { try anyOf(lines: try lines(file)) }
        skipClasses = try lines("html/skip-classes.txt")
        boilerplate = try lines("html/boilerplate.txt").map(BytePattern.init)
        endMatter = try anyOf("end-matter.txt")
        leadInPhrases = try lines("cues/lead-ins.txt").map(BytePattern.init)
        spam = try lines("html/spam.txt").map { $0.lowercased() }.sorted { $0.count > $1.count }
        spamPatterns = spam.map(BytePattern.init)
        headings = try lines("headings.txt").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (Int(parts[0]) ?? 9, try NSRegularExpression(pattern: String(parts[1])))
        }
        var groups: [Int] = [], next = 1
        for (_, regex) in headings {
            groups.append(next)
            next += 1 + regex.numberOfCaptureGroups
        }
        headingGroups = groups
        headingStarts = headings.reduce(Optional(Set<Unicode.Scalar>())) { set, h in
            guard let set, let first = Self.firstCharacters(of: h.regex.pattern) else { return nil }
            return set.union(first)
        }
        headingAlternation = try NSRegularExpression(pattern: headings.map { "(\($0.regex.pattern))" }.joined(separator: "|"))
        enumerations = try regexes("enumerations.txt")
        notHeadings = try anyOf("not-headings.txt")
        partTitles = try anyOf("part-titles.txt")
        let roleLines: [(role: SectionRole, cue: String)] = try lines("roles.txt").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let role = SectionRole(rawValue: String(parts[0])) else { return nil }
            return (role, String(parts[1]))
        }
        let inTitle = roleLines.filter { !$0.cue.hasPrefix("=") }
        roleCues = inTitle.map { ($0.role, $0.cue.hasSuffix("$") ? String($0.cue.dropLast()) : $0.cue) }
        titleEndCues = Set(inTitle.indices.filter { inTitle[$0].cue.hasSuffix("$") })
        wholeTitleRoles = Dictionary(roleLines.filter { $0.cue.hasPrefix("=") }.map { (String($0.cue.dropFirst()), $0.role) },
                                     uniquingKeysWith: { first, _ in first })
        roleCueUnits = roleCues.map { Array($0.cue.utf16) }
        roleCueFirstUnits = Set(roleCueUnits.compactMap(\.first))
        problemOpeners = try lines("cues/problem-openers.txt")
        problemOpenerPatterns = problemOpeners.map(BytePattern.init)
        problemSolvers = try lines("cues/problem-solvers.txt")
        itemOpeners = try anyOf("cues/item-openers.txt")
        planOpeners = try lines("cues/plan-openers.txt")
        runBreaks = Set(try lines("cues/run-breaks.txt"))
        targetConnectors = try lines("cues/target-connectors.txt").sorted { $0.count > $1.count }
        multiYearTargets = try lines("cues/multi-year-targets.txt")
        pairedIndicators = try lines("cues/paired-indicators.txt").compactMap { l in
            let p = l.split(separator: " ").map(String.init)
            return p.count == 3 ? (p[0], [p[1], p[2]]) : nil
        }
        commitmentForms = try anyOf("cues/commitment.txt")
        resultForms = try anyOf("cues/result.txt")
        let done = try lines("cues/done-in-plans.txt")
        doneInPlansHeadings = done.filter { $0.hasPrefix("heading ") }.map { String($0.dropFirst("heading ".count)) }
        doneInPlans = try anyOf(lines: done.filter { !$0.hasPrefix("heading ") })
        problemForms = try anyOf("cues/problem.txt")
        problemReferences = try anyOf("cues/problem-references.txt")
        reportFurniture = try anyOf("cues/report-furniture.txt")
        reportFurnitureKeys = try lines("cues/report-furniture-keys.txt").map(BytePattern.init)
        stopwords = Set(try lines("stopwords.txt").flatMap { $0.split(separator: " ").map(String.init) })
        var units: [String] = []
        var qualifiers: [(String, Qualifier)] = []
        var notQualifiers: [String] = []
        var ordinals: [String] = []
        var phaseNext: [String] = [], phaseAfter: [String] = []
        for line in try lines("numbers.txt") {
            let parts = line.split(separator: " ").map(String.init)
            if parts.count >= 2 && parts[0] == "unit" { units.append(parts[1]) }
            if parts.count >= 2 && parts[0] == "notqualifier" { notQualifiers.append(parts[1]) }
            if parts.count >= 2 && parts[0] == "ordinal" { ordinals.append(parts[1]) }
            if parts.count >= 2 && parts[0] == "phasenext" { phaseNext.append(parts[1]) }
            if parts.count >= 2 && parts[0] == "phaseafter" { phaseAfter.append(parts[1]) }
            if parts.count >= 3 && parts[0] == "qualifier", let q = Qualifier(rawValue: parts[2]) {
                qualifiers.append((parts[1], q))
            }
        }
        self.units = units.sorted { $0.count > $1.count }
        unitsByFirst = Dictionary(grouping: self.units.map { (unit: $0, utf16: Array($0.utf16)) }, by: { $0.utf16[0] })
        self.qualifiers = qualifiers.sorted { $0.0.count > $1.0.count }
        self.notQualifiers = notQualifiers
        self.ordinals = ordinals.map { Array($0.utf16) }
        self.phaseNext = phaseNext.map { Array($0.utf16) }
        self.phaseAfter = Set(phaseAfter.compactMap { $0.utf16.first })
    }

    /// Whether a sentence or paragraph (normalised) speaks of the report itself.
    public func isReportFurniture(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return reportFurnitureKeys.contains { $0.occurs(in: bytes) } && reportFurniture.matches(text)
    }

    /// Where what a site prints after the report begins (a licence notice, 责任编辑, 相关链接:
    /// `end-matter.txt`): the first of `parts` (lines, sentences; normalised) that opens so in the
    /// text's second half, where the report has had its say; `parts.endIndex` when none does.
    /// `length`: the text's length, in the unit `start` gives positions in.
    public func endMatterStart<C: Collection>(_ parts: C, length: Int, start: (C.Element) -> Int,
                                              text: (C.Element) -> String) -> C.Index {
        parts.firstIndex { start($0) * 2 >= length && endMatter.matches(text($0)) } ?? parts.endIndex
    }

    /// Whether a paragraph's head admits problems: a problem opener occurs in it, and no verb of
    /// solving comes before it (重点解决…突出问题 is a plan).
    func opensProblems(_ head: String) -> Bool {
        let bytes = Array(head.utf8)
        guard problemOpenerPatterns.contains(where: { $0.occurs(in: bytes) }) else { return false }
        let first = problemOpeners.compactMap { head.range(of: $0)?.lowerBound }.min() ?? head.endIndex
        let before = head[..<first]
        return !problemSolvers.contains { before.contains($0) }
    }

    func isBoilerplate(_ line: String) -> Bool {
        guard line.count <= 60 else { return false }
        let bytes = Array(line.utf8)
        return boilerplate.contains { $0.occurs(in: bytes) }
    }

    /// The line without spam phrases, how many were cut, and whether the line was mostly spam
    /// (less than 60% of it left): such a line is the spam's, a line with a phrase inside is the
    /// report's.
    func removeSpam(_ line: String) -> (kept: String, cut: Int, mostlySpam: Bool) {
        guard isSpam(line) else { return (line, 0, false) }
        var out = line
        var cut = 0
        for phrase in spam {
            while let r = out.range(of: phrase, options: .caseInsensitive) {
                out.removeSubrange(r)
                cut += 1
            }
        }
        return (out, cut, cut > 0 && Double(out.count) < Double(line.count) * 0.6)
    }

    /// Spam phrases are lower-cased when loaded; Han text has no case, so one lower-casing of the
    /// line suffices.
    func isSpam(_ line: String) -> Bool {
        // Most lines are Han, CJK punctuation and lower-case ASCII, which lower-casing leaves as
        // they are: only the others pay for it.
        let caseless = line.unicodeScalars.allSatisfy { c in
            c.value < 0x80 ? !(0x41...0x5A).contains(c.value) : (0x3000...0x9FFF).contains(c.value)
        }
        let lower = Array((caseless ? line : line.lowercased()).utf8)
        return spamPatterns.contains { $0.occurs(in: lower) }
    }
}

extension NSRegularExpression {
    func matches(_ s: String) -> Bool {
        firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// Resource lines of this module for code outside `Cues`.
enum ResourceFilesBridge {
    static func lines(_ file: String) throws -> [String] {
        try ResourceFiles.lines(file: file, bundle: .module)
    }
}

extension Cues {
    /// The characters a pattern anchored with ^ can match first: a literal character, an escaped
    /// one (\(), or a class of characters and ranges ([0-9①②]); nil for anything else.
    static func firstCharacters(of pattern: String) -> Set<Unicode.Scalar>? {
        var rest = Substring(pattern)
        guard rest.hasPrefix("^") else { return nil }
        rest = rest.dropFirst()
        guard let c = rest.unicodeScalars.first else { return nil }
        let special: Set<Unicode.Scalar> = ["(", ")", "[", "]", "{", "}", ".", "*", "+", "?", "|", "^", "$"]
        if c == "\\" {
            let escaped = rest.unicodeScalars.dropFirst().first
            guard let e = escaped, special.contains(e) else { return nil }
            return [e]
        }
        if !special.contains(c) {
            // A literal made optional by a quantifier after it would not have to come first.
            let next = rest.unicodeScalars.dropFirst().first
            if let next, ["?", "*", "{"].contains(next) { return nil }
            return [c]
        }
        guard c == "[", let close = rest.firstIndex(of: "]") else { return nil }
        let members = Array(rest[rest.index(after: rest.startIndex)..<close].unicodeScalars)
        guard !members.isEmpty, members.first != "^", !members.contains("\\") else { return nil }
        let after = rest[rest.index(after: close)...].unicodeScalars.first
        if let after, ["?", "*"].contains(after) || (after == "{" && rest[rest.index(after: close)...].hasPrefix("{0")) { return nil }
        var out = Set<Unicode.Scalar>()
        var i = 0
        while i < members.count {
            if i + 2 < members.count, members[i + 1] == "-" {
                guard members[i].value <= members[i + 2].value else { return nil }
                for v in members[i].value...members[i + 2].value { if let u = Unicode.Scalar(v) { out.insert(u) } }
                i += 3
            } else {
                out.insert(members[i])
                i += 1
            }
        }
        return out
    }
}
