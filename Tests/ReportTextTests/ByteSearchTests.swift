import Testing
@testable import ReportText

/// Byte search answers as `String.contains` on normalised text, wherever the needle sits.
@Suite struct ByteSearchTests {
    @Test func findsWhatContainsFinds() {
        let haystacks = ["澳门新葡京娱乐城", "新葡京", "我县政务公开工作", "abc新葡京", "新葡京xyz", "GDP增长6.5%", "", "京", "葡京葡京"]
        let needles = ["新葡京", "葡京", "京", "娱乐城", "abc", "xyz", "GDP", "6.5%", "政务公开", "新葡京娱乐城大", "葡京葡京", "公开工作"]
        for h in haystacks {
            for n in needles {
                #expect(BytePattern(n).occurs(in: Array(h.utf8)) == h.contains(n), "\(n) in \(h)")
                #expect(h.containsBytes(n) == h.contains(n), "\(n) in \(h)")
            }
        }
    }

    @Test func aNeedleCutAtACharacterBoundaryIsNotFoundInsideAnother() {
        // 京 (E4 BA AC) must not be found where only its continuation bytes appear.
        let h = Array("亭".utf8) + Array("就".utf8)
        #expect(!BytePattern("京").occurs(in: h))
        #expect(BytePattern("").occurs(in: h))
    }

    @Test func wordKeysAreEqualExactlyWhenTheWordsAre() {
        let words = ["政务公开", "政务", "公开", "GDP", "", "政务公开工作", "三农"]
        var counts: [WordKey: Int] = [:]
        for w in words + words { counts[WordKey(w), default: 0] += 1 }
        #expect(counts.count == words.count)
        #expect(counts.values.allSatisfy { $0 == 2 })
        for a in words { for b in words { #expect((WordKey(a) == WordKey(b)) == (a == b)) } }
        #expect(counts[WordKey(String("政务公开工作".prefix(4)))] == 2)
    }
}
