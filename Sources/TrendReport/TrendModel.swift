import PromiseDiff
import ReportStructure
import ReportText

/// One unit's reports over the years: what `<unit>/trend.json` holds.
public struct UnitTrend: Codable, Hashable, Sendable {
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var unit: String
    public var folder: String
    public var region: String?
    public var genres: [String]
    /// Years reviewed by a report, and the years between them with none.
    public var years: [Int]
    public var gaps: [Int]
    public var rows: [YearRow]
    public var problemChains: [ProblemChain]
    /// Diffs of consecutive reports, in order (promises, targets, reuse, checks with evidence).
    public var diffs: [DiffReport]
}

/// One report of a unit, and how the promises made for its year fared in it.
public struct YearRow: Codable, Hashable, Sendable {
    public struct Counts: Codable, Hashable, Sendable {
        public var results: Int
        public var problems: Int
        public var commitments: Int
        public var targets: Int
    }

    public struct Outcomes: Codable, Hashable, Sendable {
        /// The report whose promises are judged here (it planned this year).
        public var promisedIn: String
        public var promises: Int
        public var fulfilled: Int
        public var partial: Int
        public var notReported: Int
        public var pending: Int
        public var testable: Int
        public var fulfilmentRate: Double?
        public var testableFulfilmentRate: Double?
        public var targetsMet: Int
        public var targetsMissed: Int
        public var targetsNotReported: Int
        public var targetsAmbiguous: Int
    }

    public struct Keywords: Codable, Hashable, Sendable {
        public struct Entry: Codable, Hashable, Sendable {
            public var word: String
            public var count: Int
            public var logLikelihood: Double
        }
        public var rising: [Entry]
        public var falling: [Entry]
    }

    public var year: Int
    public var planYear: Int?
    public var source: String
    public var sha256: String
    public var genre: String
    public var template: String
    public var counts: Counts
    /// Promises made for this year (by the previous report) judged against this report.
    public var outcomes: Outcomes?
    /// Problems of this report already admitted the year before.
    public var recurringProblems: Int
    /// Share of this report's item text reused from the previous report.
    public var reuseShare: Double?
    /// Template statistics: `table3.new.总计` → value (numbers only; blanks and "/" left out).
    public var statistics: [String: Double]
    public var failedChecks: [String]
    public var warnings: [String]
    public var keywords: Keywords
}

/// A row of `compare.csv` / `compare.json`: one unit and year, flat, stable column names.
public struct CompareRow: Codable, Hashable, Sendable {
    public var unit: String
    public var region: String
    public var year: Int
    public var genre: String
    public var template: String
    public var source: String
    public var results: Int
    public var problems: Int
    public var commitments: Int
    public var promisesJudged: Int
    public var fulfilled: Int
    public var partial: Int
    public var notReported: Int
    public var pending: Int
    public var fulfilmentRate: Double?
    public var testableFulfilmentRate: Double?
    public var targetsMet: Int
    public var targetsMissed: Int
    public var recurringProblems: Int
    public var reuseShare: Double?
    public var publishedItems: Double?
    public var applicationsNew: Double?
    public var applicationsCarried: Double?
    public var applicationsOpen: Double?
    public var applicationsHandled: Double?
    public var applicationsCarryover: Double?
    public var reviews: Double?
    public var lawsuits: Double?
    public var failedChecks: Int

    /// Column order of the CSV (and the README's documentation).
    public static let columns = ["unit", "region", "year", "genre", "template", "source", "results", "problems", "commitments",
                                 "promises_judged", "fulfilled", "partial", "not_reported", "pending", "fulfilment_rate",
                                 "testable_fulfilment_rate", "targets_met", "targets_missed", "recurring_problems", "reuse_share",
                                 "published_items", "applications_new", "applications_carried", "applications_open",
                                 "applications_handled", "applications_carryover", "reviews", "lawsuits", "failed_checks"]
}

/// What a run did, so a result can be reproduced and cited: `run.json`.
public struct RunRecord: Codable, Hashable, Sendable {
    public struct Input: Codable, Hashable, Sendable {
        public var path: String
        public var sha256: String?
        public var status: String
        public var error: NianbaoError?
        public var cached: Bool

        public init(path: String, sha256: String?, status: String, error: NianbaoError?, cached: Bool) {
            self.path = path; self.sha256 = sha256; self.status = status; self.error = error; self.cached = cached
        }
    }

    public var tool: String
    public var version: String
    public var schemaVersion: Int
    public var parameters: [String: String]
    public var inputs: [Input]
    public var reports: Int
    public var units: Int
    public var pairs: Int
    public var failures: Int
    public var timings: [String: Double]

    public init(tool: String, version: String, schemaVersion: Int, parameters: [String: String], inputs: [Input], reports: Int,
                units: Int, pairs: Int, failures: Int, timings: [String: Double]) {
        self.tool = tool; self.version = version; self.schemaVersion = schemaVersion; self.parameters = parameters
        self.inputs = inputs; self.reports = reports; self.units = units; self.pairs = pairs; self.failures = failures
        self.timings = timings
    }
}

/// What the reduce knows of a report before loading it: who, which years, and where its record
/// waits in the store.
public struct ReportEntry: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var unit: String
    public var region: String?
    public var genre: String
    public var reviewYear: Int?
    public var planYear: Int?
    public var hasCommitments: Bool
    public var ref: RecordStore.Ref

    public init(_ r: ExtractedReport, ref: RecordStore.Ref) {
        path = r.source.path
        sha256 = r.source.sha256
        unit = r.metadata.unit.value ?? r.metadata.region.value ?? "unknown"
        region = r.metadata.region.value
        genre = r.metadata.genre.value?.rawValue ?? "unknown"
        reviewYear = r.metadata.reviewYear.value
        planYear = r.metadata.planYear.value
        hasCommitments = r.items.contains { $0.role == .commitment }
        self.ref = ref
    }

    /// The order the reduce reads entries in: a unit's reports together (genre by genre), years
    /// in order (none first), and copies of a year by path, so that the first copy is kept
    /// whatever order the inputs came in.
    public static func reduceOrder(_ a: ReportEntry, _ b: ReportEntry) -> Bool {
        (a.unit, a.genre, a.reviewYear ?? Int.min, a.path, a.sha256) < (b.unit, b.genre, b.reviewYear ?? Int.min, b.path, b.sha256)
    }
}

/// A unit as `index.md` shows it, kept after its trend has been written.
public struct UnitSummary: Sendable, Codable {
    public var unit: String
    public var folder: String
    public var years: [Int]
    public var gaps: [Int]
    public var reports: Int
    /// Promises judged (not pending) over all years, and how many were reported fulfilled.
    public var promisesJudged: Int
    public var fulfilled: Int
    public var targetsMet: Int
    public var targetsMissed: Int
    /// The longest problem chain: its number of years and its latest wording.
    public var longestChain: LongestChain?
    public struct LongestChain: Sendable, Codable {
        public var years: Int
        public var text: String
    }
    public var failedChecks: Int

    public init(_ u: UnitTrend) {
        unit = u.unit
        folder = u.folder
        years = u.years
        gaps = u.gaps
        reports = u.rows.count
        let judged = u.rows.compactMap(\.outcomes).filter { $0.promises > $0.pending }
        promisesJudged = judged.reduce(0) { $0 + $1.promises - $1.pending }
        fulfilled = judged.reduce(0) { $0 + $1.fulfilled }
        targetsMet = judged.reduce(0) { $0 + $1.targetsMet }
        targetsMissed = judged.reduce(0) { $0 + $1.targetsMissed }
        longestChain = u.problemChains.first.map { LongestChain(years: $0.years.count, text: $0.links.last?.text ?? "") }
        failedChecks = u.rows.reduce(0) { $0 + $1.failedChecks.count }
    }
}
