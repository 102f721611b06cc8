import Foundation
import Testing
@testable import ReportStructure

/// Lines are tried as headings only when they open with a character a heading pattern can open
/// with; the set is read off the patterns, so it must never leave out a marker they accept.
@Suite struct HeadingStartTests {
    @Test func firstCharactersOfPatterns() {
        #expect(Cues.firstCharacters(of: "^第[一二三]{1,3}(部分|章)") == ["第"])
        #expect(Cues.firstCharacters(of: "^\\([0-9]{1,2}\\)") == ["("])
        #expect(Cues.firstCharacters(of: "^[0-2①]{1,2}、") == ["0", "1", "2", "①"])
        // Anything that could let another character come first gives up.
        #expect(Cues.firstCharacters(of: "^[0-9]?x") == nil)
        #expect(Cues.firstCharacters(of: "^第?一") == nil)
        #expect(Cues.firstCharacters(of: "^(一|二)") == nil)
        #expect(Cues.firstCharacters(of: "[^0-9]") == nil)
        #expect(Cues.firstCharacters(of: "一、") == nil)
    }

    @Test func everyMarkerTheHeadingFileAcceptsPassesTheFirstLook() throws {
        let cues = Cues.shared
        let starts = try #require(cues.headingStarts)
        let markers = ["第一部分 总体情况", "一、总体情况", "十二、其他", "(一)主动公开", "一)主动公开", "1.专栏", "12、专栏", "3)专栏",
                       "(1)网站", "①网站", "⑳网站"]
        for line in markers {
            #expect(OutlineParser.match(line, cues) != nil, "\(line) is a heading")
            #expect(starts.contains(line.unicodeScalars.first!), "\(line) opens with a heading character")
        }
        // A space before the 、 or in its place before a short title; never before a long line
        // or a sentence (cut or not, the pattern must see where it ends).
        #expect(OutlineParser.match("一 、总体情况", cues)?.1 == "一 、")
        #expect(OutlineParser.match("二  政府信息主动公开情况", cues)?.1 == "二  ")
        #expect(OutlineParser.match("一 概 述", cues)?.1 == "一 ")
        for line in ["我县认真贯彻条例", "2019年工作总结", "——经济运行保持在合理区间", "一 是加强领导,明确责任",
                     "三 年来我镇坚持以人民为中心的发展思想推进各项工作取得成效"] {
            #expect(OutlineParser.match(line, cues) == nil, "\(line) is not a heading")
        }
    }
}
