import Foundation

/// Markdown that survives report text: `|`, `*`, `_`, backticks, `<`, `[` and line breaks in a
/// quote can neither break a table nor inject markup.
public enum Markdown {
    /// Text for a table cell or an inline quote.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A table from a header and rows of already-escaped cells.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
        return out
    }

    /// A shortened quote: at most `limit` characters, escaped.
    public static func quote(_ s: String, limit: Int = 80) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return escape(flat.count > limit ? String(flat.prefix(limit)) + "…" : flat)
    }

    public static func percent(_ v: Double?) -> String {
        guard let v else { return "–" }
        return String(format: "%.0f%%", v * 100)
    }
}
