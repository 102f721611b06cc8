/// A statistics table of the 2019+ template, as found in the text.
public struct TemplateTable: Codable, Hashable, Sendable {
    /// `table2` (主动公开), `table3` (申请), `table4` (复议诉讼).
    public var id: String
    public var columns: [String]
    public var rows: [Row]
    /// How the cells were identified: `labels` (row labels found) or `order` (labels lost, cells
    /// assigned by their order and count).
    public var method: String

    public struct Row: Codable, Hashable, Sendable {
        public var id: String
        public var label: String
        public var cells: [Cell]
    }

    public func cell(_ row: String, _ column: Int) -> Cell? {
        guard let r = rows.first(where: { $0.id == row }), column < r.cells.count else { return nil }
        return r.cells[column]
    }
}

/// A table cell. A number, zero, a blank and "not applicable" (/ or —) are different things.
public struct Cell: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case number, blank, notApplicable = "not-applicable" }
    public var kind: Kind
    public var value: Double?
    public var text: String
    public var span: Span?
}

/// A consistency check with its verdict and the cells or quotes it rests on.
public struct Check: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable { case pass, fail, notAssessable = "not-assessable" }
    public var name: String
    public var status: Status
    public var detail: String
    public var evidence: [Evidence]

    public struct Evidence: Codable, Hashable, Sendable {
        public var label: String
        public var text: String
        public var span: Span?
        public var year: Int?

        public init(label: String, text: String, span: Span?, year: Int? = nil) {
            self.label = label
            self.text = text
            self.span = span
            self.year = year
        }
    }

    public init(name: String, status: Status, detail: String, evidence: [Evidence]) {
        self.name = name
        self.status = status
        self.detail = detail
        self.evidence = evidence
    }
}
