import ReportText

/// A half-open range of Unicode scalar offsets into a report's original text:
/// `text == original[start..<end]` for every item, quote and cell that carries one.
public struct Span: Codable, Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }

    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// What a part of a report does.
public enum SectionRole: String, Codable, Sendable, CaseIterable {
    case review, problems, plans, statistics, other
}

/// What an extracted item states.
public enum ItemRole: String, Codable, Sendable, CaseIterable {
    case result, problem, commitment
}

/// How a number is hedged: 左右 (approx), 以上 (atLeast), 以内 (atMost) …
public enum Qualifier: String, Codable, Sendable {
    case approx, atLeast, atMost, moreThan, lessThan
}

/// A quantity stated in the text: `1100万人以上` → value 1100, unit 万人, scaled 11,000,000 人, atLeast.
public struct Quantity: Codable, Hashable, Sendable {
    /// The number as written (`1100` in 1100万人, `6.5` in 6.5%).
    public var value: Double
    /// Upper end of a range (`6%-7%`), else nil.
    public var high: Double?
    /// The unit as written, magnitude included (`万人`, `%`, `亿元`), or nil.
    public var unit: String?
    /// The value in the base unit (`1.2万人` → 12000) and that unit (`人`).
    public var scaled: Double
    public var baseUnit: String?
    public var qualifier: Qualifier?
    public var qualifierText: String?
    public var text: String
    public var span: Span
}

/// A result, problem or commitment, with where it stands in the report.
public struct Item: Codable, Hashable, Sendable {
    public enum Origin: String, Codable, Sendable {
        /// A numbered heading and its body.
        case heading
        /// One part of an inline enumeration (一是…, 第一…).
        case enumeration
        /// A paragraph of a role section.
        case paragraph
        /// A sentence recognised by its form outside role sections.
        case sentence
    }

    public var id: String
    public var role: ItemRole
    public var title: String?
    public var text: String
    public var span: Span
    public var sectionPath: [String]
    public var origin: Origin
    public var keywords: [String]
    public var numbers: [Quantity]

    public init(id: String, role: ItemRole, title: String?, text: String, span: Span, sectionPath: [String],
                origin: Origin, keywords: [String], numbers: [Quantity]) {
        self.id = id; self.role = role; self.title = title; self.text = text; self.span = span
        self.sectionPath = sectionPath; self.origin = origin; self.keywords = keywords; self.numbers = numbers
    }
}

/// A main expected target of a work report: `国内生产总值增长6.5%左右`.
public struct Target: Codable, Hashable, Sendable {
    public var id: String
    /// The indicator as worded, e.g. `国内生产总值增长`.
    public var indicator: String
    public var value: Double
    public var high: Double?
    public var unit: String?
    public var qualifier: Qualifier?
    public var text: String
    public var span: Span
}

/// A heading and everything under it.
public struct Section: Codable, Hashable, Sendable {
    public var id: String
    /// 1 for 一、, 2 for (一), 3 for 1., 4 for (1), 5 for ①; 0 for the document itself.
    public var level: Int
    public var marker: String
    public var title: String
    public var role: SectionRole?
    /// `title` when a cue in the title gave the role, `inherited` from the parent, nil when none.
    public var roleSource: String?
    public var span: Span
    public var titleSpan: Span
    public var children: [Section]
}

/// A metadata value and where it came from (`manifest`, `title`, `text`, `heading`, `filename`,
/// `inferred`), so an analyst knows what to trust.
public struct Field<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var value: Value?
    public var source: String?

    public init(_ value: Value?, _ source: String?) {
        self.value = value
        self.source = value == nil ? nil : source
    }

    public static var none: Field { Field(nil, nil) }
}

public enum Genre: String, Codable, Sendable, CaseIterable {
    case ogiAnnualReport = "ogi-annual-report"
    case workReport = "work-report"
    case unknown
}

public enum Template: String, Codable, Sendable, CaseIterable {
    case sixPart2019 = "2019-six-part"
    case freeForm = "free-form"
}

public struct Metadata: Codable, Hashable, Sendable {
    public var title: Field<String>
    public var unit: Field<String>
    public var region: Field<String>
    public var province: Field<String>
    public var city: Field<String>
    public var genre: Field<Genre>
    public var template: Field<Template>
    public var reviewYear: Field<Int>
    public var planYear: Field<Int>
    public var publishDate: Field<String>
}

/// Where a report came from.
public struct SourceInfo: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var format: SourceFormat
    public var encoding: String
    public var convertedTraditional: Bool
}

/// One structured report: the output of `nianbao extract` and the input of the diff.
public struct ExtractedReport: Codable, Hashable, Sendable {
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var source: SourceInfo
    public var metadata: Metadata
    public var sections: [Section]
    public var items: [Item]
    public var targets: [Target]
    public var tables: [TemplateTable]
    public var checks: [Check]
    public var warnings: [String]
    /// Share of the text's characters that belong to items (a quick health figure).
    public var coverage: Double
    /// The text every span points into (the decoded file, or the text extracted from HTML, DOCX
    /// or PDF), so a record can be checked and diffed on its own.
    public var text: String
}
