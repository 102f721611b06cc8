import ReportStructure

/// How a promise of year N fared in the report reviewing year N.
public enum PromiseStatus: String, Codable, Sendable, CaseIterable {
    /// The later report says it was done (or exceeded).
    case fulfilled
    /// Progress short of the promise, or part of a compound promise.
    case partial
    /// Nothing in the later report speaks to it.
    case notReported = "not_reported"
    /// No later report yet (a missing year).
    case pending
}

/// A quote from the later report offered as evidence.
public struct Evidence: Codable, Hashable, Sendable {
    public var text: String
    public var span: Span
    /// `result`, `problem` or `commitment`: where in the later report the quote stands.
    public var role: ItemRole
    public var itemId: String
    public var score: Double
}

/// One commitment of year N and its judgement.
public struct PromiseJudgement: Codable, Hashable, Sendable {
    public var id: String
    public var itemId: String
    public var text: String
    public var span: Span
    public var testable: Bool
    /// `annual`, or `multi-year` for five-year-plan goals (judged only on an annual figure).
    public var horizon: String
    public var status: PromiseStatus
    public var score: Double
    public var repromised: Bool
    public var stillAProblem: Bool
    public var evidence: [Evidence]
    public var reason: String
}

public enum TargetVerdict: String, Codable, Sendable, CaseIterable {
    case met, missed, notReported = "not_reported", ambiguous
}

/// A main expected target of year N against the actual reported for year N.
public struct TargetJudgement: Codable, Hashable, Sendable {
    public struct Value: Codable, Hashable, Sendable {
        public var value: Double?
        public var high: Double?
        public var unit: String?
        public var qualifier: Qualifier?
        public var text: String
        public var span: Span?
    }

    public var id: String
    public var indicator: String
    public var target: Value
    public var actual: Value?
    public var verdict: TargetVerdict
    public var reason: String

    enum CodingKeys: String, CodingKey { case id, indicator, target, actual, verdict, reason }

    /// `actual` is written as null when the review gives none, so that every target has the key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(target, forKey: .target)
        try c.encode(actual, forKey: .actual)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(reason, forKey: .reason)
    }
}

/// A problem admitted in year N that is admitted again in year N+1.
public struct RecurringPair: Codable, Hashable, Sendable {
    public var from: Evidence
    public var to: Evidence
    public var score: Double
}

/// Sentences of the later report reused (near-verbatim) from the earlier one.
public struct Reuse: Codable, Hashable, Sendable {
    public struct Pair: Codable, Hashable, Sendable {
        public var from: String
        public var fromSpan: Span
        public var to: String
        public var toSpan: Span
        public var similarity: Double
    }

    /// Share of the later report's item text (characters) found in the earlier report.
    public var share: Double
    /// The same share by role of the later report's items (result, problem, commitment).
    public var byRole: [String: Double]
    public var pairs: [Pair]
}

/// A figure that should carry over between years, or that was copied from the year before.
public struct CrossYearCheck: Codable, Hashable, Sendable {
    public var name: String
    public var status: Check.Status
    public var detail: String
    public var evidence: [Check.Evidence]
}

/// `nianbao diff OLD NEW`: year N's promises against year N+1's report.
public struct DiffReport: Codable, Hashable, Sendable {
    public static let schemaVersion = 1

    public struct Summary: Codable, Hashable, Sendable {
        public var promises: Int
        public var byStatus: [String: Int]
        /// (fulfilled + 0.5 × partial) / judged promises; nil when none.
        public var fulfilmentRate: Double?
        /// The same over testable promises only.
        public var testableFulfilmentRate: Double?
        public var testable: Int
        public var targets: [String: Int]
        public var recurringProblems: Int
        public var reuseShare: Double
    }

    public var schemaVersion: Int
    public var unit: String
    public var fromYear: Int?
    public var toYear: Int?
    public var fromSource: String
    public var toSource: String?
    public var promises: [PromiseJudgement]
    public var targets: [TargetJudgement]
    public var recurringProblems: [RecurringPair]
    public var reuse: Reuse?
    public var checks: [CrossYearCheck]
    public var summary: Summary
}
