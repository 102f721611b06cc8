import Foundation

/// Word's automatic list numbering (`word/numbering.xml`): a paragraph that says only "list 3,
/// level 0" shows 一、 or （二） or 3. on screen, and the outline needs those markers. Each list
/// (`numId`) counts its own levels; a level's counter restarts when a higher level moves on.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    /// numId → abstract list levels by ilvl.
    private var levels: [String: [Int: Level]] = [:]
    /// Paragraph style id → (numId, ilvl), for headings numbered through their style.
    private var styles: [String: (String, Int)] = [:]
    private var counters: [String: [Int: Int]] = [:]

    init(numberingXML: String?, stylesXML: String?) {
        if let xml = numberingXML {
            var abstract: [String: [Int: Level]] = [:]
            var current: String?, level: Int?
            var numId: String?
            for tag in Self.tags(xml) {
                switch tag.name {
                case "w:abstractNum": current = tag["w:abstractNumId"]
                case "w:lvl": level = tag["w:ilvl"].flatMap(Int.init)
                case "w:start": if let a = current, let l = level, let v = tag["w:val"].flatMap(Int.init) { abstract[a, default: [:]][l, default: Level()].start = v }
                case "w:numFmt": if let a = current, let l = level, let v = tag["w:val"] { abstract[a, default: [:]][l, default: Level()].format = v }
                case "w:lvlText": if let a = current, let l = level, let v = tag["w:val"] { abstract[a, default: [:]][l, default: Level()].text = v }
                case "w:num": numId = tag["w:numId"]
                case "w:abstractNumId": if let n = numId, let a = tag["w:val"] { levels[n] = abstract[a] }
                case "/w:abstractNum": current = nil; level = nil
                case "/w:num": numId = nil
                default: break
                }
            }
        }
        if let xml = stylesXML {
            var style: String?, numId: String?, ilvl = 0
            for tag in Self.tags(xml) {
                switch tag.name {
                case "w:style": style = tag["w:styleId"]; numId = nil; ilvl = 0
                case "w:numId": numId = tag["w:val"]
                case "w:ilvl": ilvl = tag["w:val"].flatMap(Int.init) ?? 0
                case "/w:style": if let s = style, let n = numId, n != "0" { styles[s] = (n, ilvl) }; style = nil
                default: break
                }
            }
        }
    }

    var isEmpty: Bool { levels.isEmpty }

    /// The marker the next paragraph of list `numId` at `ilvl` shows (nil: not numbered).
    mutating func marker(numId: String?, ilvl: Int?, style: String?) -> String? {
        guard let (n, l) = numId.map({ ($0, ilvl ?? 0) }) ?? style.flatMap({ styles[$0] }), n != "0",
              let defs = levels[n], let def = defs[l], def.format != "bullet", def.format != "none" else { return nil }
        var c = counters[n] ?? [:]
        c[l] = (c[l] ?? (def.start - 1)) + 1
        for deeper in c.keys where deeper > l { c[deeper] = nil }
        counters[n] = c
        var text = def.text
        for k in 0...9 where text.contains("%\(k + 1)") {
            let value = c[k] ?? defs[k]?.start ?? 1
            text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(value, defs[k]?.format ?? "decimal"))
        }
        return text
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "ideographDigital":
            return chinese(n)
        case "chineseLegalSimplified":
            return chinese(n).map { legal[$0] ?? $0 }.map(String.init).joined()
        case "ideographTraditional":
            return n >= 1 && n <= 10 ? String(Array("甲乙丙丁戊己庚辛壬癸")[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(UnicodeScalar(0x2460 + n - 1)!) : String(n)
        case "upperLetter", "lowerLetter":
            let s = String(UnicodeScalar(UInt8(64 + (n - 1) % 26 + 1)))
            return format == "upperLetter" ? s : s.lowercased()
        case "decimalFullWidth", "decimalFullWidth2": return String(n)
        default: return String(n)
        }
    }

    static let legal: [Character: Character] = ["一": "壹", "二": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆", "七": "柒",
                                                 "八": "捌", "九": "玖", "十": "拾"]

    /// 1…99 in Chinese numerals (一, 十, 十二, 二十, 二十三).
    static func chinese(_ n: Int) -> String {
        let d = Array("零一二三四五六七八九")
        guard n > 0 && n < 100 else { return String(n) }
        if n < 10 { return String(d[n]) }
        return (n / 10 == 1 ? "" : String(d[n / 10])) + "十" + (n % 10 == 0 ? "" : String(d[n % 10]))
    }

    /// The tags of an XML text with their attributes, in order (no nesting needed here).
    struct Tag {
        var name: Substring
        var attributes: Substring
        subscript(_ key: String) -> String? {
            guard let r = attributes.range(of: key + "=\"") else { return nil }
            return attributes[r.upperBound...].prefix { $0 != "\"" }.description
        }
    }

    static func tags(_ xml: String) -> [Tag] {
        var out: [Tag] = []
        var rest = xml[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let body = rest[rest.index(after: open)..<close]
            let name = body.prefix { !$0.isWhitespace && $0 != ">" && !($0 == "/" && body.first != "/") }
            out.append(Tag(name: name, attributes: body.dropFirst(name.count)))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}
