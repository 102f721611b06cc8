/// What a PDF's pages repeat around the report is the page's, not the report's: its title set
/// again at the top of a later page, and a running head on every page. The line repairs join a
/// sentence across one; the item stage leaves them out. A running head is a line of 6 units or
/// more that repeats the text's first line (the title: short and unpunctuated), or an
/// unpunctuated line of 6 to 40 units met three times or more (各位代表！ recurs too, but is
/// punctuated: it is speech).
public struct RunningHeads {
    private let units: [UInt16]
    /// The first line, when it can be a title (at most 60 units, no punctuation).
    public let title: Range<Int>?
    private let recurring: Set<String>

    /// `lines`: the text's non-blank lines as trimmed unit ranges of `units`, in order.
    public init(_ units: [UInt16], lines: [Range<Int>]) {
        self.units = units
        func unpunctuated(_ r: Range<Int>) -> Bool { !r.contains { Normalizer.punctuation.contains(units[$0]) } }
        title = lines.first.flatMap { $0.count <= 60 && unpunctuated($0) ? $0 : nil }
        var counts: [String: Int] = [:]
        for r in lines where (6...40).contains(r.count) && unpunctuated(r) {
            counts[String(utf16Units: Array(units[r])), default: 0] += 1
        }
        recurring = Set(counts.filter { $0.value >= 3 }.keys)
    }

    /// Whether the line at `r` is a running head (the title's own line is not).
    public func contains(_ r: Range<Int>) -> Bool {
        guard r.count >= 6, r != title else { return false }
        if let title, title.count == r.count, units[title] == units[r] { return true }
        return r.count <= 40 && recurring.contains(String(utf16Units: Array(units[r])))
    }
}
