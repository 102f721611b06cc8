import Foundation
import ReportText

/// Finds quantities in normalised text: Arabic numbers (with thousands separators and decimals),
/// Chinese numerals (一千二百, 两万, 1.2万), 百分之五, 三分之一, ranges (6%-7%), units (from
/// `numbers.txt`, magnitude included: 万人, 亿元) and qualifiers (左右, 以上, 以内, 约, 不超过 …).
///
/// ```swift
/// NumberParser.parse("城镇新增就业1100万人以上")
/// // [value 1100, unit 万人, scaled 1.1e7, baseUnit 人, qualifier atLeast]
/// ```
/// Years (2017年) and dates are not quantities and are skipped.
public enum NumberParser {
    /// A quantity found in a string, with UTF-16 offsets into it.
    public struct Found: Sendable, Equatable {
        public var value: Double
        public var high: Double?
        public var unit: String?
        public var scaled: Double
        public var baseUnit: String?
        public var qualifier: Qualifier?
        public var qualifierText: String?
        public var range: Range<Int>
    }

    static let digits = ChineseNumeral.digits
    static let smallUnits = ChineseNumeral.smallUnits
    static let bigUnits = ChineseNumeral.bigUnits

    @inline(__always) static func isChineseNumeral(_ u: UInt16) -> Bool { ChineseNumeral.isNumeral(u) }

    public static func parse(_ text: String, cues: Cues = .shared) -> [Found] {
        let u = Array(text.utf16)
        var out: [Found] = []
        var i = 0
        while i < u.count {
            // A number starts with a digit or a Chinese numeral (百分之 with 百): skip the rest fast.
            guard isDigit(u[i]) || isChineseNumeral(u[i]), let (value, numberEnd, kind) = number(at: i, u) else { i += 1; continue }
            var end = numberEnd
            var found = Found(value: value, high: nil, unit: nil, scaled: value, baseUnit: nil,
                              qualifier: nil, qualifierText: nil, range: i..<end)
            if kind == .percentWord {
                found.unit = "%"; found.baseUnit = "%"
            } else if kind == .fraction {
                found.unit = nil
            } else {
                // 多/余 between the number and its unit: 2000多万, 300余条.
                if end < u.count && (u[end] == 0x591A || u[end] == 0x4F59) && end + 1 < u.count
                    && (bigUnits[u[end + 1]] != nil || unit(at: end + 1, u, cues) != nil) {
                    found.qualifier = .moreThan
                    found.qualifierText = String(utf16CodeUnits: [u[end]], count: 1)
                    end += 1
                }
                // A range: 6%-7%, 6-7%, 5至8个.
                if end < u.count && [0x2D, 0x7E, 0x81F3, 0x5230, 0x2014, 0x2013].contains(u[end]),
                   let (high, highEnd, _) = number(at: end + 1, u) {
                    found.high = high
                    end = highEnd
                } else if end + 1 < u.count && (u[end] == 0x25) && [0x2D, 0x7E, 0x81F3, 0x5230, 0x2014, 0x2013].contains(u[end + 1]),
                          let (high, highEnd, _) = number(at: end + 2, u) {
                    found.high = high
                    end = highEnd
                }
                if let (unitText, unitEnd) = unit(at: end, u, cues) {
                    found.unit = unitText
                    end = unitEnd
                } else if end < u.count, bigUnits[u[end]] != nil {
                    // One or more magnitudes (万, 亿, 万亿), then perhaps a unit.
                    var magnitude = ""
                    while end < u.count, bigUnits[u[end]] != nil, unit(at: end, u, cues) == nil {
                        magnitude += String(utf16CodeUnits: [u[end]], count: 1)
                        end += 1
                    }
                    if let (unitText, unitEnd) = unit(at: end, u, cues) {
                        magnitude += unitText
                        end = unitEnd
                    }
                    found.unit = magnitude
                }
            }
            // Years, months and days are dates, not quantities.
            if let unit = found.unit, unit == "年", value >= 1900, value <= 2100, value == value.rounded() {
                i = end; continue
            }
            if end < u.count && (u[end] == 0x6708 || u[end] == 0x65E5) && found.unit == nil { i = end + 1; continue }
            // Document numbers: 〔2017〕39号, [2017], 第3号.
            if found.unit == nil, (i > 0 && [0x3014, 0x5B, 0x3010].contains(u[i - 1])) || (end < u.count && [0x53F7, 0x3015, 0x5D].contains(u[end])) {
                i = end; continue
            }
            if kind == .chinese && found.unit == nil { i = end; continue }
            // Ordinals are no quantities: 第三次普查, 十六届人大三次会议 (a session of a term: 届
            // shortly before; 召开3次会议 counts meetings).
            if i > 0 && u[i - 1] == 0x7B2C { i = end; continue }
            if let unit = found.unit, u[max(0, i - 6)..<i].contains(0x5C4A), cues.ordinals.contains(where: { o in
                let from = end - unit.utf16.count
                return from >= 0 && has(o, at: from, u)
            }) { i = end; continue }
            // A project's phase is no count (芡水河综合治理二期工程, 产业园二期; 培训3期 counts).
            if found.unit == "期", (i > 0 && cues.phaseAfter.contains(u[i - 1])) || cues.phaseNext.contains(where: { has($0, at: end, u) }) {
                i = end; continue
            }
            if let unit = found.unit { (found.scaled, found.baseUnit) = scale(value: value, unit: unit) }
            // Qualifier after (左右, 以上 …) or before (约, 不超过 …).
            let after = String(utf16CodeUnits: Array(u[end..<min(end + 4, u.count)]), count: min(4, u.count - end))
            for (word, meaning) in cues.qualifiers where after.hasPrefix(word) && TextView.length(word) >= 1 {
                if beforeWords.contains(word) { continue }
                if found.qualifier == nil || found.qualifierText == "多" || found.qualifierText == "余" {
                    found.qualifier = meaning
                    found.qualifierText = word
                }
                end += TextView.length(word)
                break
            }
            if found.qualifier == nil {
                let from = max(0, i - 4)
                let before = String(utf16CodeUnits: Array(u[from..<i]), count: i - from)
                for (word, meaning) in cues.qualifiers where before.hasSuffix(word)
                    && beforeWords.contains(word) && !cues.notQualifiers.contains(where: { before.hasSuffix($0) }) {
                    found.qualifier = meaning
                    found.qualifierText = word
                    break
                }
            }
            found.range = i..<end
            out.append(found)
            i = end
        }
        return out
    }

    /// Qualifiers that stand before the number (the rest follow it).
    static let beforeWords: Set<String> = ["约", "近", "超过", "不低于", "不少于", "不超过", "不高于", "至少", "控制在", "大约", "低于", "高于"]

    enum Kind { case arabic, chinese, percentWord, fraction }

    /// A number starting exactly at `i`: its value, end and kind.
    static func number(at i: Int, _ u: [UInt16]) -> (Double, Int, Kind)? {
        guard i < u.count else { return nil }
        // 百分之五, 百分之六点五
        if u[i] == 0x767E, i + 3 < u.count, u[i + 1] == 0x5206, u[i + 2] == 0x4E4B {
            if let (v, e, _) = number(at: i + 3, u) { return (v, e, .percentWord) }
        }
        if isDigit(u[i]) {
            // Not the tail of a longer token such as a document number or a code.
            if i > 0 && (isDigit(u[i - 1]) || CodeUnit.isLatinLetter(u[i - 1]) || u[i - 1] == 0x2E) { return nil }
            var j = i
            var s = ""
            while j < u.count && (isDigit(u[j]) || (u[j] == 0x2C && j + 3 < u.count && isDigit(u[j + 1]) && isDigit(u[j + 2]) && isDigit(u[j + 3]) && (j + 4 >= u.count || !isDigit(u[j + 4])))) {
                if u[j] != 0x2C { s.unicodeScalars.append(Unicode.Scalar(u[j])!) }
                j += 1
            }
            if j + 1 < u.count && u[j] == 0x2E && isDigit(u[j + 1]) {
                s += "."
                j += 1
                while j < u.count && isDigit(u[j]) { s.unicodeScalars.append(Unicode.Scalar(u[j])!); j += 1 }
            }
            if j < u.count && CodeUnit.isLatinLetter(u[j]) { return nil }  // 5G, 12345abc: names, not quantities
            guard let v = Double(s) else { return nil }
            // 三分之一 written with digits: 1/3 is rare; leave it.
            return (v, j, .arabic)
        }
        if isChineseNumeral(u[i]) {
            var j = i
            while j < u.count && (isChineseNumeral(u[j]) || (u[j] == 0x70B9 && j + 1 < u.count && digits[u[j + 1]] != nil)) { j += 1 }
            // X分之Y
            if j + 2 < u.count && u[j] == 0x5206 && u[j + 1] == 0x4E4B,
               let d = ChineseNumeral.value(u[i..<j]), d > 0 {
                var k = j + 2
                while k < u.count && isChineseNumeral(u[k]) { k += 1 }
                if let n = ChineseNumeral.value(u[(j + 2)..<k]) { return (n / d, k, .fraction) }
            }
            let run = Array(u[i..<j])
            // A lone 一 (一批, 一是, 统一) is a word, not a quantity.
            if run.count == 1 && (run[0] == 0x4E00 || bigUnits[run[0]] != nil || smallUnits[run[0]] != nil && run[0] != 0x5341) { return nil }
            if let dot = run.firstIndex(of: 0x70B9) {
                guard let whole = ChineseNumeral.value(run[..<dot]) else { return nil }
                let frac = run[(dot + 1)...].reduce("") { $0 + String(digits[$1] ?? 0) }
                return (whole + (Double("0." + frac) ?? 0), j, .chinese)
            }
            // Trailing 万/亿 belong to the unit (两万人 → 2 万人) so the magnitude is explicit.
            var end = j
            if end - i > 1, bigUnits[u[end - 1]] != nil { end -= 1 }
            guard let v = ChineseNumeral.value(u[i..<end]) else { return nil }
            return (v, end, .chinese)
        }
        return nil
    }

    static func unit(at i: Int, _ u: [UInt16], _ cues: Cues) -> (String, Int)? {
        guard i < u.count else { return nil }
        // PDF text and some CMSs put a space between a number and its unit: 21132 条, 7.7 %.
        if u[i] == 0x20, i + 1 < u.count, u[i + 1] != 0x20, let (unit, end) = unit(at: i + 1, u, cues) { return (unit, end) }
        for (unit, units) in cues.unitsByFirst[u[i]] ?? [] where has(units, at: i, u) {
            return (unit, i + units.count)
        }
        return nil
    }

    /// Whether `u` holds `word` at `i`.
    static func has(_ word: [UInt16], at i: Int, _ u: [UInt16]) -> Bool {
        i + word.count <= u.count && u[i..<i + word.count].elementsEqual(word)
    }

    /// The value in the unit's base: 1100 万人 → 11,000,000 人; 亿元 → 元.
    static func scale(value: Double, unit: String) -> (Double, String?) {
        if unit == "%" || unit == "‰" || unit.hasSuffix("百分点") { return (value, unit.hasSuffix("百分点") ? "百分点" : unit) }
        var v = value
        var rest = Substring(unit)
        while let first = rest.first, let m = ["万": 1e4, "亿": 1e8, "千": 1e3][first] {
            v *= m
            rest = rest.dropFirst()
        }
        if rest.hasPrefix("余") { rest = rest.dropFirst() }
        return (v, rest.isEmpty ? nil : String(rest))
    }

    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
}
