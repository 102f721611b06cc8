import Foundation
import TestSupport
import Testing
@testable import ReportText

@Suite struct SegmentationTests {
    static let lexicon = try! Lexicon.builtIn()

    func words(_ s: String, lexicon: Lexicon = SegmentationTests.lexicon) throws -> [String] {
        let n = try Normalizer().normalize(DecodedText(s))
        return try WordSegmenter(lexicon: lexicon).tokens(n).map { n.text($0.range) }
    }

    @Test(arguments: [
        ("为使政务公开工作不流于形式", ["不", "流于", "形式"]),
        ("不走过场", ["走过场"]),
        ("建立政务公开长效机制", ["长效机制"]),
        ("全面推进政务公开工作实施细则", ["实施细则"]),
        ("关于印发邢台市实施细则的通知", ["印发"]),
        ("我县成立了政务公开领导小组", ["领导小组"]),
        ("由办公室主任任副组长", ["办公室"]),
        ("落实人员,细化措施", ["细化"]),
        // County and OGI terms that ICU breaks into single characters, which matching drops.
        ("建立依申请公开登记台账,全程留痕", ["台账", "留痕"]),
        ("网上可办率达到85%,10个社区设立居务公开栏", ["网上可办率", "公开栏"]),
        // And those of county work reports.
        ("建立防止返贫监测帮扶机制,完成农村户厕改造", ["返贫", "户厕"]),
        ("县人民医院主体结构封顶,支持老字号企业技术改造", ["封顶", "老字号"]),
    ])
    func segmenter_keepsDomainTermsWhole(text: String, expected: [String]) throws {
        let got = try words(text)
        for w in expected { #expect(got.contains(w), "\(w) in \(got)") }
    }

    @Test func rawICU_splitsTheseTerms_soTheLexiconMatters() throws {
        let got = try words("为使政务公开工作不流于形式,建立长效机制", lexicon: Lexicon())
        #expect(!got.contains("流于") || !got.contains("长效机制"))
    }

    @Test(arguments: [
        ("增长6.5%左右", "6.5%"), ("共1.2万元", "1.2万"), ("2017年", "2017"),
        ("完成１２３４件", "1234"), ("达到99.5%", "99.5%"), ("合计1,234条", "1,234"),
    ])
    func numbers_stayWhole(text: String, number: String) throws {
        let n = try Normalizer().normalize(DecodedText(text))
        let tokens = try WordSegmenter(lexicon: Self.lexicon).tokens(n)
        let numbers = tokens.filter { $0.kind == .number }.map { n.text($0.range) }
        #expect(numbers == [number])
    }

    @Test func userDictionary_addsTerms() throws {
        var lexicon = Self.lexicon
        let dict = Lexicon.parse("# comment\n清河模式 10 n\n政务云\n")
        #expect(dict.map(\.word) == ["清河模式", "政务云"])
        for e in dict { lexicon.insert(e.word) }
        #expect(try words("推广清河模式", lexicon: lexicon).contains("清河模式"))
    }

    /// The tokens of a line, joined, rebuild the line minus white space (in original characters).
    func assertRebuilds(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = DecodedText(text)
        let n = try Normalizer().normalize(decoded)
        let tokens = try WordSegmenter(lexicon: Self.lexicon).tokens(n)
        // Zero-width characters inside a token stay in its span (spans are contiguous), so they
        // are dropped from both sides before comparing.
        func visible(_ s: some Sequence<Unicode.Scalar>) -> String {
            String(String.UnicodeScalarView(s.filter { !$0.properties.isWhitespace && !Normalizer.isDeleted($0.value) }))
        }
        let rebuilt = visible(tokens.flatMap { decoded.scalars[n.originalSpan(of: $0.range)] })
        let expected = visible(decoded.scalars)
        #expect(rebuilt == expected, sourceLocation: sourceLocation)
        for t in tokens {
            #expect(t.length > 0 && !n.text(t.range).contains("\n"), sourceLocation: sourceLocation)
        }
    }

    @Test func tokensRebuildText_onGeneratedStrings() throws {
        let alphabet = Array("政务公开领导小组长效机制不流于形式一二三四五六七八九十年月日的了是2017.5%万亿ＡＢＣ１２３abc　 \t\n,，。；;、()（）“”《》\u{200B}繁體開發𠀀😀")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0...80, using: &rng)
            try assertRebuilds(String((0..<n).map { _ in alphabet.randomElement(using: &rng)! }))
        }
    }

    @Test func tokensRebuildText_onRealReports() throws {
        try assertRebuilds(String(contentsOf: Paths.seed, encoding: .utf8))
        for url in Paths.nationalReportFiles().prefix(4) {
            try assertRebuilds(String(contentsOf: url, encoding: .utf8))
        }
    }

    @Test func qualityOnUDChinese_isNotBelowRawICU() throws {
        guard Paths.exists(Paths.udGold) else { return }  // ../shared absent: nothing to score
        let segmenter = try WordSegmenter(lexicon: Self.lexicon)
        var ours = SegmentationScore(), icu = SegmentationScore()
        for line in try String(contentsOf: Paths.udGold, encoding: .utf8).split(separator: "\n") {
            let gold = line.split(separator: " ").map(String.init)
            let n = try Normalizer().normalize(DecodedText(gold.joined()))
            let decoded = DecodedText(gold.joined())
            ours.add(gold: gold, predicted: try segmenter.tokens(n).map { decoded.text(n.originalSpan(of: $0.range)) })
            icu.add(gold: gold, predicted: try segmenter.icuTokens(n.units).map { decoded.text(n.originalSpan(of: $0.range)) })
        }
        #expect(ours.f1 >= icu.f1)
        #expect(ours.f1 > 0.75)
    }

    @Test func sentences_breakAtChineseEndsSemicolonsAndLines() throws {
        let text = "一、总体情况\n我县完成了任务。公开信息100条；回应关切20次！下一步将加强“培训”。\n"
        let n = try Normalizer().normalize(DecodedText(text))
        let got = try SentenceSplitter().sentences(n).map { n.text($0) }
        #expect(got == ["一、总体情况", "我县完成了任务。", "公开信息100条;", "回应关切20次!", "下一步将加强“培训”。"])
    }
}

/// Cached extractions are keyed by a digest of the data files: editing any of them, or adding
/// one, must change it; the same files give the same digest.
@Test func resourceDigest_followsEveryDataFile() throws {
    let folder = Paths.temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("cues"), withIntermediateDirectories: true)
    try "加强\n".write(to: folder.appendingPathComponent("cues/a.txt"), atomically: true, encoding: .utf8)
    let bundle = try #require(Bundle(path: folder.path))
    let first = ResourceFiles.digest(bundle: bundle)
    #expect(ResourceFiles.digest(bundle: bundle) == first)
    try "加强\n推进\n".write(to: folder.appendingPathComponent("cues/a.txt"), atomically: true, encoding: .utf8)
    let edited = ResourceFiles.digest(bundle: bundle)
    #expect(edited != first)
    try "".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    #expect(ResourceFiles.digest(bundle: bundle) != edited)
    #expect(ResourceFiles.textDigest.count == 64)
}
