import Foundation

/// Markdown that survives report text: `|`, `*`, `_`, backticks, `<`, `[` and line breaks in a
/// quote can neither break a table nor inject markup.
public enum Markdown {
    /// How far a reader can lean on the promise statuses (under `index.md`'s headlines and above a
    /// diff's promises): they come from the words the two reports share, and the README measures
    /// how often they agree with a careful reader.
    static let trustNote = "Promise statuses are read from the words a plan and the next review share: a review that says "
        + "the same thing in other words is missed, and a partial is hard to tell from done. Treat a status as a lead and "
        + "check its evidence before citing it; the README (Accuracy) gives how often the statuses agree with a careful "
        + "reader on pairs the tool was not tuned on."

    /// Text for a table cell or an inline quote. Line breaks flatten to one space, or to none
    /// between two Chinese characters (a line wrapped mid-sentence); invisible characters (a page
    /// marker's zero-width space) go.
    public static func escape(_ s: String) -> String {
        // By scalar: every character that matters is one ASCII scalar, and comparing Characters
        // goes through string comparison (it was a tenth of rendering time).
        var out = String.UnicodeScalarView()
        var brokeLine = false, lastWasHan = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
            case 0x0A, 0x0D: brokeLine = true; continue
            default: break
            }
            let han = (0x3000...0x9FFF).contains(u.value) || (0xFF00...0xFFEF).contains(u.value)
            if brokeLine {
                if !out.isEmpty && !(lastWasHan && han) && out.last != " " && u != " " { out.append(" ") }
                brokeLine = false
            }
            lastWasHan = han
            switch u {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out.append("\\"); out.append(u)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
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

    /// A count with its noun, singular for one (1 unit, 22 reports): in prose and log lines alike.
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    public static func percent(_ v: Double?) -> String {
        guard let v else { return "–" }
        return String(format: "%.0f%%", v * 100)
    }
}
