import ReportText

/// The normalised text of a report with its lines, and the way back to the original.
/// Stages find things in the normalised text and cite the original through `span(_:)`.
struct TextView {
    let original: DecodedText
    let norm: NormalizedText
    /// Non-empty lines, trimmed, as unit ranges of `norm`.
    let lines: [Range<Int>]
    /// Lines of a table of contents (`ContentsLine`: on one line, with dot leaders, or titles alone).
    let contents: Set<Int>

    init(original: DecodedText, norm: NormalizedText) {
        self.original = original
        self.norm = norm
        var lines: [Range<Int>] = []
        let u = norm.units
        var start = 0
        for i in 0...u.count where i == u.count || u[i] == 0x0A {
            var a = start, b = i
            while a < b && (u[a] == 0x20 || u[a] == 0x09) { a += 1 }
            while b > a && (u[b - 1] == 0x20 || u[b - 1] == 0x09) { b -= 1 }
            if a < b { lines.append(a..<b) }
            start = i + 1
        }
        self.lines = lines
        contents = ContentsLine.indices(u, lines: lines)
    }

    func text(_ r: Range<Int>) -> String { norm.text(r) }
    func span(_ r: Range<Int>) -> Span { Span(norm.originalSpan(of: r)) }
    func originalText(_ s: Span) -> String { original.text(s.range) }

    /// Trims spaces and line breaks off both ends of a unit range.
    func trimmed(_ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        let u = norm.units
        while a < b && (u[a] == 0x20 || u[a] == 0x0A || u[a] == 0x09) { a += 1 }
        while b > a && (u[b - 1] == 0x20 || u[b - 1] == 0x0A || u[b - 1] == 0x09) { b -= 1 }
        return a..<b
    }

    /// UTF-16 length of a String (offsets in `norm` are UTF-16 units).
    static func length(_ s: some StringProtocol) -> Int { s.utf16.count }
}
