import Foundation
import Testing
@testable import PromiseDiff
import ReportText
import TestSupport

/// A cue set answers as the regex of its lines would: the scan that replaces most of the regex
/// work must not change a single answer.
@Suite struct CueSetTests {
    static let lines = [
        "已经|已|均已",
        "^(过去|去年|上年|五年来)",
        "(取得了|实现了|完成了)",
        "必将|伟大|^要用|^要以|是解决.*的关键",
        "(实践|事实)(表明|证明)|形势(依然|仍然)?(严峻|复杂)|任务十?分?繁重",
        "^这(也|就)?(是|有利于)[^。；]*[。；]?$",
        "(增长|下降)[^，。；]{0,4}[0-9]",
        "得到(有效)?(控制|加强)",
    ]
    static let texts = [
        "今年已完成改造", "过去一年成绩显著", "我们过去一年", "取得了明显成效", "要用好专项债券",
        "我们要用好专项债券", "这是解决民生问题的关键", "是解决", "形势依然严峻", "形势严峻", "形势很严峻",
        "任务繁重", "任务分繁重", "实践证明", "事实表明一切", "这也是一项长期任务。", "这是一项长期任务，要坚持",
        "增长6.5%", "下降到了3", "增长较快，达到7", "污染得到有效控制", "得到控制", "得到了控制", "",
        "伟大的事业必将成功", "完全无关的句子",
    ]

    @Test func answersAsTheRegexOfEachLine() throws {
        for line in Self.lines {
            let cues = try CueSet(lines: [line])
            let regex = try NSRegularExpression(pattern: line)
            for text in Self.texts {
                let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                #expect(cues.matches(text) == expected, "\(line) on \(text)")
            }
        }
    }

    @Test func plainTextIsScannedNotMatchedByRegex() throws {
        let cues = try CueSet(lines: ["必将|伟大|^要用|^要以|是解决.*的关键", "(取得了|实现了)"])
        #expect(cues.openers.count == 2)
        #expect(cues.phrases.values.joined().count == 4)
        #expect(cues.regexes.count == 1 && cues.regexes[0].literal == Array("是解决".utf16))
        #expect(CueSet.leadingLiteral("形势(依然|仍然)?(严峻|复杂)") == Array("形势".utf16))
        #expect(CueSet.leadingLiteral("任务十?分") == Array("任务".utf16))
        #expect(CueSet.leadingLiteral("(实践|事实)(表明|证明)").isEmpty)
    }

    /// A schedule with a count can be checked (每季度组织一次培训); a habit without one cannot.
    @Test func aScheduleWithACount_isTestable() {
        let testable = DiffCues.shared.testable
        #expect(DiffCues.any(testable, "加强业务培训，每季度组织一次公开工作培训"))
        #expect(DiffCues.any(testable, "每年至少开展2次专项检查"))
        #expect(!DiffCues.any(testable, "每年都要加强学习，进一步提高认识"))
        // Counted in pieces rather than times, and a day of the month as the deadline.
        #expect(DiffCues.any(testable, "每季度发布一篇全县经济运行情况分析"))
        #expect(DiffCues.any(testable, "月度主要指标数据于次月15日前在网站公开"))
    }

    /// Every cue file the judge reads, on every line of the seed and of the 2019 national report.
    @Test func resourceFilesAnswerAsTheirRegexes() throws {
        var texts = try String(contentsOf: Paths.seed, encoding: .utf8).split(separator: "\n").map(String.init)
        let national = Paths.nationalReports.appendingPathComponent("2019.txt")
        if Paths.exists(national) { texts += try String(contentsOf: national, encoding: .utf8).split(separator: "\n").map(String.init) }
        let files = ["done", "progress", "testable", "past-credit", "aggregate-words", "other-year-figures", "recap-openers",
                     "last-year-openers", "target-restatements", "action-verbs", "rhetoric", "lead-ins", "multi-year", "purpose-clauses", "review-norms", "plan-drafting"]
        for file in files {
            let lines = try ResourceFiles.lines(file: file + ".txt", bundle: DiffCues.bundle)
            let cues = try CueSet(lines: lines)
            let regex = try NSRegularExpression(pattern: lines.joined(separator: "|"))
            for text in texts {
                let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                #expect(cues.matches(text) == expected, "\(file) on \(text.prefix(40))")
            }
        }
    }
}
