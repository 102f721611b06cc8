/// Word-level precision, recall and F1 of a segmentation against gold, over character spans.
///
/// ```swift
/// var score = SegmentationScore()
/// score.add(gold: ["政务", "公开"], predicted: ["政务公开"])
/// score.f1   // 0.0: a word counts only when both its ends agree
/// ```
public struct SegmentationScore: Sendable {
    public private(set) var gold = 0
    public private(set) var predicted = 0
    public private(set) var correct = 0

    public init() {}

    public mutating func add(gold goldWords: [String], predicted predictedWords: [String]) {
        let g = Set(Self.spans(goldWords))
        let p = Self.spans(predictedWords)
        gold += g.count
        predicted += p.count
        correct += p.filter { g.contains($0) }.count
    }

    static func spans(_ words: [String]) -> [Range<Int>] {
        var at = 0
        return words.map { w in
            let n = w.unicodeScalars.count
            defer { at += n }
            return at..<at + n
        }
    }

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}
