import ReportText
import Testing
@testable import ReportStructure

@Suite struct NumberTests {
    @Test(arguments: [
        ("国内生产总值增长6.5%左右", 6.5, "%", Qualifier.approx),
        ("城镇新增就业1100万人以上", 1100, "万人", .atLeast),
        ("城镇调查失业率5.5%以内", 5.5, "%", .atMost),
        ("主动公开政府信息一千二百条", 1200, "条", nil),
        ("新增两万人", 2, "万人", nil),
        ("节约1.2万元", 1.2, "万元", nil),
        ("约300件", 300, "件", .approx),
        ("300余件", 300, "件", .moreThan),
        ("赤字率不超过3%", 3, "%", .atMost),
        ("完成三十五项", 35, "项", nil),
        ("下降0.5个百分点", 0.5, "个百分点", nil),
    ] as [(String, Double, String, Qualifier?)])
    func quantities_haveValueUnitAndQualifier(text: String, value: Double, unit: String, qualifier: Qualifier?) {
        let q = NumberParser.parse(text).first
        #expect(q?.value == value)
        #expect(q?.unit == unit)
        #expect(q?.qualifier == qualifier)
    }

    @Test func scaledValues_useTheBaseUnit() {
        let q = NumberParser.parse("城镇新增就业1100万人以上").first!
        #expect(q.scaled == 11_000_000 && q.baseUnit == "人")
        #expect(NumberParser.parse("收入1.3万亿元").first?.scaled == 1.3e12)
    }

    @Test func percentWordsFractionsAndRanges() {
        #expect(NumberParser.parse("提高百分之五").first.map { ($0.value, $0.unit) } ?? (0, nil) == (5, "%"))
        let third = NumberParser.parse("削减三分之一").first!
        #expect(abs(third.value - 1.0 / 3) < 1e-9)
        let range = NumberParser.parse("增长6%-6.5%").first!
        #expect(range.value == 6 && range.high == 6.5 && range.unit == "%")
    }

    @Test func yearsDatesAndWords_areNotQuantities() {
        #expect(NumberParser.parse("2017年1月20日召开会议").isEmpty)
        #expect(NumberParser.parse("一是统一认识，一批项目").isEmpty)
        #expect(NumberParser.parse("邢政办字〔2017〕39号").isEmpty)
        // Ordinals: a session of a congress, a census, a rank.
        #expect(NumberParser.parse("较好完成了县十六届人大三次会议确定的目标任务").isEmpty)
        #expect(NumberParser.parse("开展第四次全国经济普查，召开了3次会议").map(\.value) == [3])
        #expect(NumberParser.parse("全年召开常务会议12次，排名第5位").map(\.value) == [12])
        // A project's phase is no count; training sessions are.
        #expect(NumberParser.parse("实施芡水河综合治理二期工程，建成产业园二期，开展培训3期").map(\.value) == [3])
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumeral.value(Array("一千二百".utf16)) == 1200)
        #expect(ChineseNumeral.value(Array("十五".utf16)) == 15)
        #expect(ChineseNumeral.value(Array("二〇一七".utf16)) == 2017)
        #expect(ChineseNumeral.value(Array("三万五千".utf16)) == 35000)
        #expect(ChineseNumeral.value(Array("十二五规划".utf16)) == nil)
    }

    /// Outline markers' numbers, as the outline and the flattened-text repair both read them.
    @Test func markerOrdinals() {
        #expect(ChineseNumeral.ordinal("三、") == 3)
        #expect(ChineseNumeral.ordinal("第十二部分") == 12)
        #expect(ChineseNumeral.ordinal("二十一") == 21)
        #expect(ChineseNumeral.ordinal("12") == 12)
        #expect(ChineseNumeral.ordinal("1.") == nil)
        #expect(ChineseNumeral.ordinal("(一)") == 1)
    }
}

@Suite struct SpacedNumberTests {
    @Test func aSpaceBeforeTheUnit_isTolerated() {
        #expect(NumberParser.parse("公开政府信息 21132 条").first.map { ($0.value, $0.unit) } ?? (0, nil) == (21132, "条"))
        #expect(NumberParser.parse("同比增长 7.7 %").first.map { ($0.value, $0.unit) } ?? (0, nil) == (7.7, "%"))
    }
}
