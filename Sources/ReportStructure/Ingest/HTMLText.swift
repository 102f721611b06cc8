import Foundation
import ReportText

/// A saved government page → its article text.
///
/// Scripts, styles, navigation, headers, footers and elements whose class or id names them
/// (data: `Resources/html/skip-classes.txt`) are dropped; block elements become line breaks, table
/// cells tabs. Lines that are site furniture (`boilerplate.txt`) or injected gambling spam
/// (`spam.txt`) are removed, and a spam phrase inside a real line is cut out with a warning.
/// Linear in the page size whatever the nesting depth: no recursion, no DOM.
public enum HTMLText {
    public struct Page: Sendable {
        public var text: String
        public var warnings: [String]
    }

    static let skipContent: Set<String> = ["script", "style", "noscript", "template", "head", "nav", "footer",
                                           "header", "aside", "select", "button", "iframe", "object", "svg"]
    static let blocks: Set<String> = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                                      "section", "article", "ul", "ol", "dd", "dt", "dl", "blockquote", "pre",
                                      "hr", "tbody", "thead", "title", "center", "form", "body", "html", "main"]
    static let cells: Set<String> = ["td", "th"]

    public static func extract(_ html: String) -> Page {
        let cues = Cues.shared
        var text = strip(Array(html.unicodeScalars), skipClasses: cues.skipClasses)
        // Malformed pages can hide the body inside a skipped element that never closes.
        let withoutClassSkip = strip(Array(html.unicodeScalars), skipClasses: [])
        if text.count * 5 < withoutClassSkip.count { text = withoutClassSkip }
        return clean(text, cues: cues)
    }

    static func strip(_ s: [Unicode.Scalar], skipClasses: [String]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        let n = s.count
        var skipTag: String? = nil
        var skipDepth = 0
        while i < n {
            let c = s[i]
            if c != "<" {
                if skipTag == nil {
                    if c == "&" {
                        let (decoded, next) = entity(s, i)
                        out.append(contentsOf: decoded.unicodeScalars)
                        i = next
                        continue
                    }
                    out.append(c)
                }
                i += 1
                continue
            }
            // Comments and declarations.
            if i + 3 < n && s[i + 1] == "!" && s[i + 2] == "-" && s[i + 3] == "-" {
                i = (find(s, from: i + 4, "-->") ?? n - 1) + 1
                continue
            }
            if i + 1 < n && (s[i + 1] == "!" || s[i + 1] == "?") {
                i = (find(s, from: i, ">") ?? n - 1) + 1
                continue
            }
            // A "<" that never closes is text, not a tag.
            guard let end = find(s, from: i, ">") else {
                if skipTag == nil { out.append(contentsOf: s[i...]) }
                break
            }
            let tagText = String(String.UnicodeScalarView(s[(i + 1)..<end]))
            i = end + 1
            let closing = tagText.hasPrefix("/")
            let body = closing ? tagText.dropFirst() : Substring(tagText)
            let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
            let selfClosing = tagText.hasSuffix("/")
            if let skipping = skipTag {
                if name == skipping && !selfClosing {
                    skipDepth += closing ? -1 : 1
                    if skipDepth == 0 { skipTag = nil }
                }
                continue
            }
            if !closing && !selfClosing && (skipContent.contains(name) || hasSkipClass(body, skipClasses)) {
                if name == "br" || name == "hr" || name == "img" || name == "input" || name == "meta" || name == "link" { continue }
                skipTag = name
                skipDepth = 1
                continue
            }
            if blocks.contains(name) { out.append("\n") } else if cells.contains(name) && closing { out.append("\t") }
        }
        return String(out)
    }

    static func hasSkipClass(_ tag: Substring, _ classes: [String]) -> Bool {
        guard !classes.isEmpty, let attrs = tag.range(of: " ") else { return false }
        let lower = tag[attrs.lowerBound...].lowercased()
        for attr in ["class=", "id="] {
            var search = lower[...]
            while let r = search.range(of: attr) {
                let value = search[r.upperBound...].prefix { $0 != " " || false }
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                let words = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                if words.contains(where: { w in classes.contains { w == $0 } }) { return true }
                search = search[r.upperBound...]
            }
        }
        return false
    }

    static func find(_ s: [Unicode.Scalar], from: Int, _ needle: String) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        var i = from
        while i + pattern.count <= s.count {
            if s[i] == pattern[0] && Array(s[i..<i + pattern.count]) == pattern { return i + pattern.count - 1 }
            i += 1
        }
        return nil
    }

    static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "middot": "·", "hellip": "…",
        "emsp": "\u{2003}", "ensp": "\u{2002}", "times": "×", "copy": "©", "deg": "°", "yen": "¥",
    ]

    static func entity(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int) {
        var j = i + 1
        while j < s.count && j - i <= 10 && s[j] != ";" && (s[j].properties.isAlphabetic || s[j] == "#" || ("0"..."9").contains(s[j])) { j += 1 }
        guard j < s.count && s[j] == ";" else { return ("&", i + 1) }
        let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if name.hasPrefix("#") {
            let hex = name.dropFirst().hasPrefix("x") || name.dropFirst().hasPrefix("X")
            let digits = hex ? name.dropFirst(2) : name.dropFirst()
            if let v = UInt32(digits, radix: hex ? 16 : 10), let u = Unicode.Scalar(v), v != 0 {
                return (String(u), j + 1)
            }
            return ("\u{FFFD}", j + 1)
        }
        if let v = named[name.lowercased()] { return (v, j + 1) }
        return ("&", i + 1)
    }

    static func clean(_ text: String, cues: Cues) -> Page {
        var lines: [String] = []
        var warnings: [String] = []
        var spamLines = 0, spamPhrases = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.replacingOccurrences(of: "\u{00A0}", with: " ")
            line = line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if lines.last != "" { lines.append("") }
                continue
            }
            if cues.isBoilerplate(line) { continue }
            let (kept, cut, mostlySpam) = cues.removeSpam(line)
            if mostlySpam { spamLines += 1; continue }
            if cut > 0 {
                spamPhrases += cut
                line = kept
            }
            lines.append(line)
        }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        if spamLines > 0 { warnings.append("removed \(spamLines) lines of injected spam") }
        if spamPhrases > 0 { warnings.append("cut \(spamPhrases) spam phrases out of report lines") }
        return Page(text: lines.joined(separator: "\n"), warnings: warnings)
    }
}
