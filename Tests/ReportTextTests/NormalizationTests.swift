import Foundation
import Testing
@testable import ReportText

@Suite struct NormalizationTests {
    func normalize(_ s: String, _ mode: Normalizer.TraditionalMode = .auto) throws -> NormalizedText {
        try Normalizer(traditional: mode).normalize(DecodedText(s))
    }

    @Test func fullWidthDigitsAndLetters_becomeASCII() throws {
        #expect(try normalize("２０１７年ＧＤＰ增长６．５％").string == "2017年GDP增长6.5%")
    }

    @Test func spaces_areUnified_zeroWidth_removed_lineBreaks_kept() throws {
        let n = try normalize("一、\u{3000}总体\u{200B}情况\r\n\t主动\u{00A0}公开\r")
        #expect(n.string == "一、 总体情况\n 主动 公开\n")
    }

    @Test func everyUnit_mapsBackToTheOriginalScalar() throws {
        let original = "Ａ\u{200B}１２３　政务公开\r\n（一）"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        // Each unit's origin holds a scalar that normalises to that unit.
        for (i, u) in n.units.enumerated() {
            let source = decoded.scalars[Int(n.origin[i])]
            let folded = try Normalizer().normalize(DecodedText(String(source))).units
            #expect(folded.contains(u) || source == "\r")
        }
        // The span of "政务公开" in the normalised text is the same word in the original.
        let s = n.string
        let at = s.utf16.distance(from: s.utf16.startIndex, to: s.range(of: "政务公开")!.lowerBound)
        #expect(decoded.text(n.originalSpan(of: at..<at + 4)) == "政务公开")
    }

    @Test func mostlyTraditionalText_isSimplifiedAutomatically() throws {
        let n = try normalize("清河縣人民政府關於政務公開工作總結和工作思路的匯報，進一步加強領導。")
        #expect(n.convertedTraditional)
        #expect(n.string == "清河县人民政府关于政务公开工作总结和工作思路的汇报,进一步加强领导。")
    }

    @Test func simplifiedText_isLeftAlone_andModesForceIt() throws {
        let simplified = "清河县人民政府关于政务公开工作总结和工作思路的汇报。"
        #expect(try !normalize(simplified).convertedTraditional)
        #expect(try !normalize("政務公開工作總結，進一步加強領導和監督檢查。", .off).convertedTraditional)
        #expect(try normalize("政務", .on).string == "政务")
    }

    @Test func traditionalMarkers_areAllConvertedByICU() throws {
        let markers = TraditionalCharacters.markers
        #expect(markers.count >= 200)
        let bitmap = try TraditionalCharacters.bitmap.get()
        for u in markers {
            #expect(bitmap[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0, "ICU leaves \(String(utf16CodeUnits: [u], count: 1)) as it is")
        }
    }

    /// Simplified reports hold (next to) none of the markers, so ICU is never opened for them.
    @Test func nationalReports_holdNoTraditionalMarkers() throws {
        let dir = "../shared/corpora/national-gwr"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasSuffix(".txt") {
            let text = try PlainText.read(path: dir + "/" + name, normalizer: Normalizer(traditional: .off))
            let sample = Normalizer.traditionalSample(text.normalized.units)
            #expect(sample.han > 1000 && sample.markers * 100 < sample.han, "\(name): \(sample)")
        }
        let traditional = try normalize("清河縣人民政府關於政務公開工作總結和工作思路的匯報，進一步加強領導。", .off)
        let sample = Normalizer.traditionalSample(traditional.units)
        #expect(sample.markers * 4 > sample.han)
    }
}

@Suite struct ConverterArtefactTests {
    @Test func pinyinGlosses_areDropped_andSpansStillCiteTheOriginal() throws {
        let original = "政府信息公開年度報(bào)告，主動(dòng)公開"
        let decoded = DecodedText(original)
        let n = try Normalizer(traditional: .on).normalize(decoded)
        #expect(n.string == "政府信息公开年度报告,主动公开")
        let at = n.string.utf16.count - 4
        #expect(decoded.text(n.originalSpan(of: at..<at + 4)) == "主動(dòng)公開")
    }

    @Test func layoutBars_areDropped_tableRowsKeepTheirs() throws {
        let original = "青禾县2020年度报告 | " + String(repeating: "|", count: 40) + "\n|\n| | |\n| 自然人 | 4 | / |\n发布:办公室 |||||| 点击数\n"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "青禾县2020年度报告\n|\n| | |\n| 自然人 | 4 | / |\n发布:办公室 点击数\n")
        // What stays still cites the original.
        let at = n.string.utf16.count - 4
        #expect(decoded.text(n.originalSpan(of: at..<at + 3)) == "点击数")
    }

    /// An aggregator's anti-scraping stamp after each paragraph (fictional text, 白鹭县 is invented).
    @Test func scrapeStamps_areDropped_wrappedOrMidLine_andTheReportsOwnLatinWordsStay() throws {
        let original = "政 府 工 作 报 告hd9 2020年1月8日hd9\n各位代表:hd9\n现在,我代表县人民政府向大会报告工作。hd9\n"
            + "单位GDP能耗下降3%,PM2.5浓度下降。全县GDP\n增长7%。hd\n9\n下一段。"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "政 府 工 作 报 告 2020年1月8日\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n"
            + "单位GDP能耗下降3%,PM2.5浓度下降。全县GDP\n增长7%。\n下一段。")
        let at = n.string.utf16.count - 4
        #expect(decoded.text(n.originalSpan(of: at..<at + 4)) == "下一段。")
        // Once or twice is no stamp: a report may end a line on a Latin word.
        let plain = "全县GDP\n增长7%。比上年提高GDP\n比重。"
        #expect(try Normalizer().normalize(DecodedText(plain)).string == plain)
    }

    /// Ideographic spaces lost to a charset become question marks before a heading (????一、總體情況).
    @Test func questionMarkIndents_areLostSpaces() throws {
        let original = "????一、总体情况\n2020年，我镇主动公开信息5条。\n?\n这是什么??"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "一、总体情况\n2020年,我镇主动公开信息5条。\n?\n这是什么??")
        #expect(decoded.text(n.originalSpan(of: 0..<6)) == "一、总体情况")
    }

    @Test func subscriptsOnTheirOwnLine_areJoined_pageNumbersAreNot() throws {
        let original = "广义货币M\n2\n增长13.6%，PM\n2.5\n浓度下降。\n经济发展\n12\n第二部分"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "广义货币M2增长13.6%,PM2.5浓度下降。\n经济发展\n12\n第二部分")
        // The joined figure still cites the original, line breaks and all.
        let at = 4
        #expect(decoded.text(n.originalSpan(of: at..<at + 3)) == "M\n2\n增")
    }

    @Test func bookTitlesOnTheirOwnLine_areJoined_titleLinesAreNot() throws {
        let original = "根据《\n建议\n》精神，国务院制定了《\n纲要（草案）\n》。\n\n《政府信息公开条例》\n第二部分"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "根据《建议》精神,国务院制定了《纲要(草案)》。\n\n《政府信息公开条例》\n第二部分")
        #expect(decoded.text(n.originalSpan(of: 2..<6)) == "《\n建议\n》")
    }

    /// A page that sets a linked term on a line of its own breaks a long sentence twice (…法规。针对 /
    /// 收容遣送 / 工作中存在的问题，…): the sentence runs on through both breaks, or its second half
    /// would open a paragraph of problems.
    @Test func aLinkedTermOnItsOwnLine_runsOnWithItsSentence() throws {
        let long = String(repeating: "国务院先后提出银行业监督管理法草案，", count: 4) + "制定了28部行政法规。针对"
        let original = long + "\n收容遣送\n工作中存在的问题，制定并组织实施救助管理办法。\n（七）加强民主法制建设\n全文完。"
        let n = try Normalizer().normalize(DecodedText(original))
        #expect(n.string.contains("针对收容遣送工作中存在的问题"))
        #expect(n.string.hasSuffix("救助管理办法。\n(七)加强民主法制建设\n全文完。"))
    }

    /// Pages laid out in print pages put a zero-width space on a line of its own at each page
    /// break, mid-sentence or not (the 2017 and 2021 national reports in ../shared).
    @Test func aPageMarkerMidSentence_isJoined_afterASentenceOrAHeadingItIsNot() throws {
        let original = "始终保持廉洁本色。要落实从严治党要求，把党风\n\u{200B}\n廉政建设引向深入。\r\n\u{200B}\r\n（二）加强监督\n\u{200B}\n"
            + "审计监督，推进\n\u{200B}\n（三）依法行政。要求，把党风\n\n廉政"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "始终保持廉洁本色。要落实从严治党要求,把党风廉政建设引向深入。\n\n(二)加强监督\n\n审计监督,推进\n\n(三)依法行政。要求,把党风\n\n廉政")
        // The joined words still cite the original, marker and all.
        let at = 20
        #expect(decoded.text(n.originalSpan(of: at..<at + 4)) == "党风\n\u{200B}\n廉政")
    }

    /// PDF text sets the page number on a line of its own wherever the page ends: mid-sentence the
    /// sentence runs on through it (blank lines around it too); after a finished sentence, or as a
    /// bare number (a table's cell), it stays.
    @Test func aPageNumberMidSentence_isCrossed() throws {
        let original = "全县主动公开政府信息21132条，政府信息公开申请\n- 2 -\n全部按期答复。\n- 3 -\n二、存在的主要问题\n"
            + "一是公开内容不够全面，专栏\n\n第 4 页 共 9 页\n\n更新不及时，\n2\n全年"
        let decoded = DecodedText(original)
        let n = try Normalizer().normalize(decoded)
        #expect(n.string == "全县主动公开政府信息21132条,政府信息公开申请全部按期答复。\n- 3 -\n二、存在的主要问题\n"
            + "一是公开内容不够全面,专栏更新不及时,\n2\n全年")
        let s = n.string
        let at = s.utf16.distance(from: s.utf16.startIndex, to: s.range(of: "申请全部")!.lowerBound)
        #expect(decoded.text(n.originalSpan(of: at..<at + 4)) == "申请\n- 2 -\n全部")
    }

    /// The running head (the title again at the top of a page) is crossed with the page number; a
    /// line met twice that is not the title is no running head.
    @Test func aRunningHeadMidSentence_isCrossed() throws {
        let n = try Normalizer().normalize(DecodedText("青禾县2021年政府信息公开工作年度报告\n一、总体情况\n"
            + "全县主动公开政府信息21132条，政府信息公开申请\n- 2 -\n青禾县2021年政府信息公开工作年度报告\n全部按期答复。\n"
            + "一是公开内容不够全面，专栏\n（一）主动公开\n更新不及时。\n（一）主动公开"))
        #expect(n.string == "青禾县2021年政府信息公开工作年度报告\n一、总体情况\n"
            + "全县主动公开政府信息21132条,政府信息公开申请全部按期答复。\n"
            + "一是公开内容不够全面,专栏\n(一)主动公开\n更新不及时。\n(一)主动公开")
    }

    /// The one rule the line repairs and the item stage share: the title again, or a short
    /// unpunctuated line on three pages; speech that recurs is punctuated, a word is too short.
    @Test func runningHeads_areTheTitleAgain_orAShortLineOnThreePages() throws {
        let lines = ["青禾县人民政府2021年政府信息公开工作年度报告", "全县主动公开政府信息。", "青禾县人民政府办公室编印",
                     "青禾县人民政府2021年政府信息公开工作年度报告", "各位代表,各位委员!", "青禾县人民政府办公室编印",
                     "各位代表,各位委员!", "青禾县人民政府办公室编印", "各位代表,各位委员!", "政务公开", "政务公开", "政务公开"]
        let text = lines.joined(separator: "\n")
        let units = Array(text.utf16)
        var ranges: [Range<Int>] = []
        var at = 0
        for l in lines { ranges.append(at..<at + l.utf16.count); at += l.utf16.count + 1 }
        let heads = RunningHeads(units, lines: ranges)
        #expect(heads.title == ranges[0])
        #expect(ranges.indices.filter { heads.contains(ranges[$0]) } == [2, 3, 5, 7])
    }

    /// A page marker after a short line without punctuation is crossed only when the next line
    /// goes on with the rest of a cut word (改 / ​ / 革，); a line opening 今年， is a sentence of its
    /// own, and 各位代表！, however often it recurs, is speech, not a running head.
    @Test func aCutWordAcrossAPageMarker_isJoined_aNewSentenceIsNot() throws {
        let n = try Normalizer().normalize(DecodedText("要全面深化各领域改\n\u{200B}\n革，加快推进基础性改革。\n结束语\n\u{200B}\n今年，任务繁重。\n"
            + "各位代表！\n各位代表！\n是为打\n各位代表！\n造而努力。"))
        #expect(n.string == "要全面深化各领域改革,加快推进基础性改革。\n结束语\n\n今年,任务繁重。\n"
            + "各位代表!\n各位代表!\n是为打\n各位代表!\n造而努力。")
    }

    /// A line ending on a comma is half a sentence (the 2000 and 2001 national reports): it runs
    /// on into the next line, unless that opens a paragraph or a blank line comes between.
    @Test func aLineEndingOnAComma_runsOn() throws {
        let n = try Normalizer().normalize(DecodedText("各级政府要坚持“两手抓、两手都要硬”的方针，\n高度重视精神文明建设。\n“九五”期间，\n（一）加强领导\n主要是，\n\n另起一段。"))
        #expect(n.string == "各级政府要坚持“两手抓、两手都要硬”的方针,高度重视精神文明建设。\n“九五”期间,\n(一)加强领导\n主要是,\n\n另起一段。")
    }

    /// A PDF's wrapped paragraph whose full line holds only ； and 、 still runs on; a heading
    /// with 、 of the same width does not.
    @Test func aWrappedLineWithOnlyASemicolon_runsOn() throws {
        let lines = ["一是加大政府信息公开工作人员培训力度,制定业务培训计", "划和考核考评办法,分级分层组织实施,切实提高具体承办", "人员的综合素质和业务能力;二是持续在政务公开工作上出",
                     "新招、出实招,丰富公开内容,扩大公开范围,提高公开质量", "水平,让群众看得到、看得懂、能监督,不断提高满意度。", "五、政府信息公开工作存在的主要问题及改进情况和措施",
                     "本年度未收取信息处理费。"]
        let n = try Normalizer().normalize(DecodedText(lines.joined(separator: "\n")))
        #expect(n.string == lines[0..<5].joined() + "\n" + lines[5] + "\n" + lines[6])
    }

    @Test func circledNumbers_stayForHeadings() throws {
        #expect(try Normalizer().normalize(DecodedText("①加强领导")).string == "①加强领导")
    }
}

@Test func utf16TranscodingAgreesWithTheStandardLibrary() {
    var rng = SystemRandomNumberGenerator()
    // Han, ASCII, 2-byte, supplementary pairs, and lone or swapped surrogates.
    let pool: [UInt16] = [0x41, 0x0A, 0xE9, 0x7F3A, 0x4E00, 0x3002, 0xFF11, 0xD840, 0xDC00, 0xDBFF, 0xDFFF, 0x20, 0x7FF, 0x800]
    for _ in 0..<2000 {
        let units = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
        #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self), "\(units)")
    }
    #expect(String(utf16Units: Array("县政府𠀀办公室".utf16)) == "县政府𠀀办公室")
}

/// Texts stripped of their line breaks (a page's text, a dataset's text column) get their
/// headings' lines back; ordinary paragraphs that list inline keep theirs.
@Suite struct RunOnHeadingTests {
    func normalize(_ s: String) throws -> (DecodedText, NormalizedText) {
        let decoded = DecodedText(s)
        return (decoded, try Normalizer().normalize(decoded))
    }

    @Test func aFlattenedOutline_getsItsHeadingLinesBack_andSpansCiteTheOriginal() throws {
        let body = "本报告由总体情况等六部分组成,所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
        let (decoded, n) = try normalize("一、总体情况 " + body + " 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 "
            + "五、存在的主要问题及改进情况 (一)存在的主要问题 一是专栏更新不及时。(二)改进措施 一是建立台账。 六、其他需要报告的事项 无。")
        #expect(n.string == "一、总体情况\n" + body + "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            + "五、存在的主要问题及改进情况\n(一)存在的主要问题\n一是专栏更新不及时。\n(二)改进措施\n一是建立台账。\n六、其他需要报告的事项\n无。")
        let s = n.string
        let at = s.utf16.distance(from: s.utf16.startIndex, to: s.range(of: "一是建立台账。")!.lowerBound)
        #expect(decoded.text(n.originalSpan(of: at..<at + 7)) == "一是建立台账。")
    }

    /// With nothing at all between the parts (…年度报告一、总体情况2020年，…), a title's last word,
    /// a sentence end or the short title before a marker is the boundary, and a year or 一是
    /// starts the paragraph after a title.
    @Test func anOutlineRunTogether_isBrokenAtItsMarkersAndTitles() throws {
        let (_, n) = try normalize("青禾县2020年政府信息公开工作年度报告一、总体情况2020年，全县主动公开政府信息1520条，全部按期答复。"
            + "二、存在的主要问题及改进情况(一)存在的主要问题一是专栏更新不及时；二是解读偏少。(二)改进措施一是建立台账。")
        #expect(n.string == "青禾县2020年政府信息公开工作年度报告\n一、总体情况\n2020年,全县主动公开政府信息1520条,全部按期答复。\n"
            + "二、存在的主要问题及改进情况\n(一)存在的主要问题\n一是专栏更新不及时;二是解读偏少。\n(二)改进措施\n一是建立台账。")
    }

    /// A paragraph that lists (1)…(2)… or 统一、规范… inline, and a line with one marker, stay
    /// as they are; Arabic markers break only a line that Chinese ones show to be flattened.
    @Test func inlineListsInAParagraph_stayInIt() throws {
        let listing = "抓紧建立住房保障体系。总的指导原则是:(1)坚持从基本国情出发,建立科学、合理的住房建设和消费模式。"
            + "(2)坚持正确发挥政府和市场的作用,政府主要制定住房规划和政策。(3)坚持加强对房地产市场的调控和监管,规范市场秩序。"
        #expect(try normalize(listing).1.string == listing)
        let unified = "推进统一、规范的政务公开平台建设,做到公开内容统一、公开标准统一。二、加强培训,提高工作人员的业务水平和依法公开的意识,"
            + "确保政府信息公开工作依法依规、及时准确地开展,不断满足人民群众日益增长的信息需求和监督期待。"
        #expect(try normalize(unified).1.string == unified)
    }
}
