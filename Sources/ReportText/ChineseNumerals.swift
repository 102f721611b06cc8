/// Chinese numerals, read one way by every stage: the quantities of the item stage (一千二百,
/// 两万, 1.2万), outline markers (三、, 第十二部分), years (二〇一九年) and plan periods (十四五).
///
/// ```swift
/// ChineseNumeral.value(Array("一千二百".utf16))   // 1200
/// ChineseNumeral.ordinal("十二")                  // 12
/// ```
public enum ChineseNumeral {
    /// 〇 零 一 二 两 三 四 五 六 七 八 九.
    public static let digits: [UInt16: Int] = [
        0x96F6: 0, 0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5,
        0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
    /// 十 百 千: units within a section.
    public static let smallUnits: [UInt16: Double] = [0x5341: 10, 0x767E: 100, 0x5343: 1000]
    /// 万 亿: magnitudes between sections.
    public static let bigUnits: [UInt16: Double] = [0x4E07: 1e4, 0x4EBF: 1e8]

    /// Every code unit of the three tables, as a flat table: this is asked of every character of
    /// every sentence, and a dictionary lookup hashes.
    static let table: [Bool] = {
        var t = [Bool](repeating: false, count: 1 << 16)
        for u in Array(digits.keys) + Array(smallUnits.keys) + Array(bigUnits.keys) { t[Int(u)] = true }
        return t
    }()

    @inline(__always) public static func isNumeral(_ u: UInt16) -> Bool { table[Int(u)] }

    /// The value of a numeral such as 一千二百 (1200), 两万 (20000), 十五 (15), 二〇一七 (2017, digit by
    /// digit when it has no units); nil when anything else is in it.
    public static func value(_ s: some Collection<UInt16>) -> Double? {
        let units = Array(s)
        guard !units.isEmpty else { return nil }
        if units.allSatisfy({ digits[$0] != nil }) && units.count > 1 {
            return units.reduce(0.0) { $0 * 10 + Double(digits[$1]!) }
        }
        var total = 0.0, section = 0.0, number = 0.0
        var sawAny = false
        for u in units {
            if let d = digits[u] {
                number = Double(d); sawAny = true
            } else if let m = smallUnits[u] {
                section += (number == 0 && !sawAny ? 1 : number) * m
                number = 0; sawAny = true
            } else if let m = bigUnits[u] {
                total += (section + number) * m
                section = 0; number = 0; sawAny = true
            } else {
                return nil
            }
        }
        return sawAny ? total + section + number : nil
    }

    /// The number of an outline marker or its numeral: 12 as written, or the value of the Chinese
    /// numerals in it (三、 → 3, 第十二部分 → 12); nil for a marker without either (一是 aside).
    public static func ordinal(_ marker: some StringProtocol) -> Int? {
        if let n = Int(marker) { return n }
        return value(marker.utf16.filter(isNumeral)).flatMap { $0 < 1e15 ? Int($0) : nil }
    }
}
