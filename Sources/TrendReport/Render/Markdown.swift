import Foundation

/// Markdown that survives report text: `|`, `*`, `_`, backticks, `<`, `[` and line breaks in a
/// quote can neither break a table nor inject markup.
public enum Markdown {
    /// Text for a table cell or an inline quote.
    public static func escape(_ s: String) -> String {
        // By scalar: every character that matters is one ASCII scalar, and comparing Characters
        // goes through string comparison (it was a tenth of rendering time).
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out.append("\\"); out.append(u)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "\n", "\r": out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// A table from a header and rows of already-escaped cells.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for r in rows { out += row(r) }
        return out
    }

    /// One table row of already-escaped cells.
    public static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    /// A shortened quote: at most `limit` characters, escaped.
    /// (Cut before escaping, which flattens line breaks: a quote may be a whole long paragraph.)
    public static func quote(_ s: String, limit: Int = 80) -> String {
        let head = s.prefix(limit + 1)
        return escape(head.count > limit ? String(head.prefix(limit)) + "…" : String(head))
    }

    public static func percent(_ v: Double?) -> String {
        guard let v else { return "–" }
        return String(format: "%.0f%%", v * 100)
    }
}
