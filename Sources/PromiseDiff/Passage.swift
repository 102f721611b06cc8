import Foundation
import ReportStructure
import ReportText

/// A sentence of a report's items, ready for matching: its original text and span, its role,
/// content words, Han character bigrams and quantities.
public struct Passage: Sendable {
    public var text: String
    public var span: Span
    public var role: ItemRole
    public var itemId: String
    /// Normalised text (NFKC, simplified): what matching reads.
    public var normalized: String
    public var words: [String]
    /// Pairs of `words` indices written next to each other in the text (存款 + 保险): see
    /// `Similarity.compounds`.
    public var joined: [(Int, Int)] = []
    /// Adjacent Han character pairs, sorted and unique (intersections are merges).
    public var bigrams: [UInt32]
    public var quantities: [NumberParser.Found]
    /// In a paragraph that looks back over several years (`recap-openers.txt`).
    public var inRecap = false
}

extension Passage {
    /// What ends a sentence of normalised text: 。；！？ and a line break (full-width ones are
    /// half-width after NFKC, apart from 。).
    @inline(__always)
    static func endsSentence(_ u: UInt16) -> Bool {
        switch u {
        case 0x3002, 0x3B, 0x21, 0x3F, 0x0A: true
        default: false
        }
    }

    /// Whether a sorted bigram list holds `b` (binary search).
    static func hasBigram(_ sorted: [UInt32], _ b: UInt32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < b { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == b
    }
}

/// Splits items into passages. Owns a segmenter (ICU), so one per worker.
public final class PassageReader {
    let segmenter: WordSegmenter
    let normalizer = Normalizer()
    /// Content words after synonyms, stop words dropped.
    let words: ContentWordReader
    /// The parts of compound canonical words, by the compound's word id: a passage holding the
    /// compound holds them too.
    let parts: [Int32: [(id: Int32, word: String)]]

    public init(lexicon: Lexicon) throws {
        let (stopwords, synonyms) = (DiffCues.shared.stopwords, DiffCues.shared.synonyms)
        let words = ContentWordReader { raw in
            let w = synonyms[raw] ?? raw
            return (stopwords.contains(w) ? nil : w, w == raw)
        }
        self.words = words
        // A canonical word names a compound (医药卫生体制改革) that a report may write with other
        // words between its parts (医药卫生事业改革): it also counts as its parts.
        let plain = try WordSegmenter(lexicon: lexicon)
        var parts: [Int32: [(id: Int32, word: String)]] = [:]
        for canonical in Set(synonyms.values) {
            let units = Array(canonical.utf16)
            let split = try plain.tokens(units).compactMap { $0.contentWord(in: units) }.filter { $0 != canonical }
            // Only the parts that name something on their own (医药卫生, not 体制 or 保险).
            let named = split.filter { $0.count >= 3 && !stopwords.contains($0) }
            if split.count > 1 && !named.isEmpty { parts[words.id(of: canonical)] = named.map { (words.id(of: $0), $0) } }
        }
        self.parts = parts
        var lexicon = lexicon
        // Variants must come out of the segmenter whole to be mapped.
        for (variant, canonical) in synonyms { lexicon.insert(variant); lexicon.insert(canonical) }
        segmenter = try WordSegmenter(lexicon: lexicon)
    }

    /// Every sentence of the report's text (for text reuse), with the role of the item it falls
    /// in, or `result` outside items; what a site prints after the report (a licence notice, the
    /// same every year) is not the report's text, and neither is what an OGI report's template
    /// writes (`TemplateText`). Reuse compares characters only, so these passages carry no
    /// words, bigrams or quantities.
    public func textPassages(_ report: ExtractedReport) -> [Passage] {
        let whole = Item(id: "text", role: .result, title: nil, text: report.text, span: Span(0, report.text.unicodeScalars.count),
                         sectionPath: [], origin: .paragraph, keywords: [], numbers: [])
        let items = report.items
        let all = sentences(of: whole, analysed: false)
        let end = Cues.shared.endMatterStart(all, length: whole.span.end, start: \.span.start, text: \.normalized)
        let template = TemplateText(report)
        return all[..<end].filter { !template.contains($0) }.map { p in
            var p = p
            if let owner = items.first(where: { $0.span.range.contains(p.span.start) }) {
                p.role = owner.role
                p.itemId = owner.id
            }
            return p
        }
    }

    /// The whole item as one passage.
    public func passage(_ item: Item) -> Passage {
        make(item.text, item.span, item)
    }

    /// One passage per sentence (ended by 。；！？ or a line break) of the item.
    public func sentences(of item: Item, analysed: Bool = true) -> [Passage] {
        split(item, at: Passage.endsSentence, recap: analysed && Self.opensRecap(item), analysed: analysed)
    }

    /// One passage per clause (ended by a comma; NFKC makes ，one) of a sentence of the item.
    func clauses(of sentence: Passage, in item: Item) -> [Passage] {
        var whole = item
        (whole.text, whole.span) = (sentence.text, sentence.span)
        return split(whole, at: { $0 == 0x2C }, recap: sentence.inRecap, analysed: true)
    }

    private func split(_ item: Item, at ends: (UInt16) -> Bool, recap: Bool, analysed: Bool) -> [Passage] {
        let decoded = DecodedText(item.text)
        guard let norm = try? normalizer.normalize(decoded) else { return [passage(item)] }
        let u = norm.units
        var out: [Passage] = []
        var start = 0
        func emit(_ a: Int, _ b: Int) {
            var a = a, b = b
            while a < b && (u[a] == 0x20 || u[a] == 0x0A) { a += 1 }
            while b > a && (u[b - 1] == 0x20 || u[b - 1] == 0x0A) { b -= 1 }
            guard b - a >= 2 else { return }
            let local = norm.originalSpan(of: a..<b)
            let span = Span(item.span.start + local.lowerBound, item.span.start + local.upperBound)
            out.append(build(decoded.text(local), span, normalized: norm.text(a..<b), item, inRecap: recap, analysed: analysed))
        }
        for i in 0..<u.count where ends(u[i]) {
            emit(start, i + 1)
            start = i + 1
        }
        emit(start, u.count)
        return out
    }

    public func make(_ text: String, _ span: Span, _ item: Item) -> Passage {
        build(text, span, normalized: (try? normalizer.normalize(DecodedText(text)).string) ?? text, item, inRecap: Self.opensRecap(item))
    }

    /// Whether the item opens as a look back over several years (`recap-openers.txt`): a fact of the
    /// item, asked once for all its passages.
    static func opensRecap(_ item: Item) -> Bool { DiffCues.any(DiffCues.shared.recap, String(item.text.prefix(12))) }

    func build(_ text: String, _ span: Span, normalized: String, _ item: Item, inRecap: Bool, analysed: Bool = true) -> Passage {
        let (words, joined) = analysed ? analyse(normalized) : ([], [])
        return Passage(text: text, span: span, role: item.role, itemId: item.id, normalized: normalized,
                       words: words, joined: joined, bigrams: analysed ? Self.bigrams(normalized) : [],
                       quantities: analysed ? NumberParser.parse(normalized) : [],
                       inRecap: inRecap)
    }

    public func contentWords(_ s: String) -> [String] { analyse(s).words }

    /// Content words in first-occurrence order, and which of them are written together (two
    /// content tokens with nothing between them, neither replaced by a synonym).
    func analyse(_ s: String) -> (words: [String], joined: [(Int, Int)]) {
        let units = Array(s.utf16).filter { $0 != 0x0A }
        guard let tokens = try? segmenter.tokens(units) else { return ([], []) }
        var seen: [Int32] = []
        var out: [String] = []
        var joined: [(Int, Int)] = []
        var previous: (end: Int32, word: Int)? = nil
        for t in tokens {
            guard let r = words.reading(t, units), let w = r.word else { previous = nil; continue }
            let k: Int
            if let i = seen.firstIndex(of: r.id) { k = i } else {
                k = out.count; seen.append(r.id); out.append(w)
                for part in parts[r.id] ?? [] where !seen.contains(part.id) { seen.append(part.id); out.append(part.word) }
            }
            if let p = previous, p.end == t.start, p.word != k, r.asWritten, !joined.contains(where: { $0 == (p.word, k) }) {
                joined.append((p.word, k))
            }
            previous = r.asWritten ? (t.end, k) : nil
        }
        return (out, joined)
    }

    /// Adjacent Han character pairs, packed into one integer each, sorted and unique.
    static func bigrams(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        var prev: UInt16 = 0
        for u in s.utf16 {
            let han = CodeUnit.isHan(u)
            if han && prev != 0 { out.append(UInt32(prev) << 16 | UInt32(u)) }
            prev = han ? u : 0
        }
        out.sortAndRemoveDuplicates()
        return out
    }
}

/// Inverse document frequency of content words, where a document is one item (a paragraph,
/// an enumerated point): words that run through many items (政务公开 in an OGI report) weigh
/// little, the words that name a particular thing weigh much. Built from the items' keywords in
/// the extracted records, so the reduce stage of a map/reduce run gets the same weights however
/// the input was split.
public struct IDF: Sendable {
    public private(set) var documents = 0
    public private(set) var frequency: [String: Int] = [:]

    public init() {}

    public init(reports: [ExtractedReport]) {
        for r in reports { add(r) }
    }

    public mutating func add(_ report: ExtractedReport) {
        for item in report.items {
            documents += 1
            for w in Set(item.keywords) { frequency[w, default: 0] += 1 }
        }
    }

    /// Adds another IDF's counts (the map stage keeps one per worker).
    public mutating func merge(_ other: IDF) {
        documents += other.documents
        frequency.merge(other.frequency, uniquingKeysWith: +)
    }

    public func weight(_ w: String) -> Double {
        let df = Double(frequency[w] ?? 0)
        return max(0.1, log((Double(documents) + 1) / (df + 0.5)))
    }
}

/// One report read for diffing, each part computed once on first use: a report is the later
/// side of one pair and the earlier side of the next, and its items are split into sentences
/// for promises, candidates and problems alike.
public final class ReportPassages {
    public let report: ExtractedReport
    let reader: PassageReader
    private var sentenceCache: [[Passage]?]
    private var wholeCache: [Passage?]

    public init(_ report: ExtractedReport, reader: PassageReader) {
        self.report = report
        self.reader = reader
        sentenceCache = Array(repeating: nil, count: report.items.count)
        wholeCache = Array(repeating: nil, count: report.items.count)
    }

    /// The sentences of item `i`.
    public func sentences(_ i: Int) -> [Passage] {
        if let s = sentenceCache[i] { return s }
        let s = reader.sentences(of: report.items[i])
        sentenceCache[i] = s
        return s
    }

    /// Item `i` as one passage.
    public func whole(_ i: Int) -> Passage {
        if let p = wholeCache[i] { return p }
        let p = reader.passage(report.items[i])
        wholeCache[i] = p
        return p
    }

    /// Indices of the items with a role.
    public func items(_ role: ItemRole) -> [Int] { report.items.indices.filter { report.items[$0].role == role } }

    public private(set) lazy var text: [Passage] = reader.textPassages(report)
    /// The shingles of each of `text`'s sentences, for text reuse.
    public private(set) lazy var shingles: [[UInt64]] = text.map { ReuseFinder.shingles($0.normalized) }
    public private(set) lazy var promises: [PromiseJudge.Promise] = PromiseJudge.promises(of: self)
    /// What recurring problems are matched on: a problem item whole, or, when it is long (a work
    /// report's paragraph of the year's difficulties), sentence by sentence without the one that
    /// announces them (我们也清醒看到，…还存在不少困难和问题。) and those that refer back to them
    /// (我们必须…加以解决), which come back every year whatever the problems are.
    public private(set) lazy var problems: [Passage] = items(.problem).flatMap { i -> [Passage] in
        let s = sentences(i)
        guard s.count >= 3, report.items[i].text.count > 160 else { return [whole(i)] }
        let openers = Cues.shared.problemOpeners, references = DiffCues.shared.problemReferences
        return s.enumerated().filter { k, p in
            !p.words.isEmpty && !(k == 0 && openers.contains { p.normalized.contains($0) }) && !references.matches(p.normalized)
        }.map(\.1)
    }
    /// What a promise is looked for in: sentences, and short items too (a promise may be covered
    /// by an item as a whole; long items would cover every promise a little, as a five-year
    /// recap mentions everything), split by role.
    public private(set) lazy var candidates: (results: CandidateIndex, problems: CandidateIndex, plans: CandidateIndex) = {
        // The title of a numbered point names its topic ((二)依申请公开情况。); it reports nothing
        // on its own, so it is evidence only as part of the whole point.
        var all = report.items.indices.flatMap { i in
            sentences(i).enumerated().filter { k, _ in !(k == 0 && report.items[i].title != nil && sentences(i).count > 1) }.map(\.1)
        }
        for i in report.items.indices where report.items[i].text.count <= Differ.wholeItemLimit && sentences(i).count > 1 {
            all.append(whole(i))
        }
        let norms = DiffCues.shared.reviewNorms
        return (CandidateIndex(all.filter { $0.role == .result && !norms.matches($0.normalized) }), CandidateIndex(all.filter { $0.role == .problem }),
                CandidateIndex(all.filter { $0.role == .commitment }))
    }()

    /// Computes every part now, so that the passages can then be read from any thread.
    public func readAll() {
        _ = promises
        _ = candidates
        _ = problems
        _ = text
        _ = shingles
    }
}

extension Array where Element: Comparable {
    /// Sorts the array and keeps one of each value (bigrams, shingles: cheaper than a set).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        for x in self where unique == 0 || self[unique - 1] != x {
            self[unique] = x
            unique += 1
        }
        removeLast(count - unique)
    }
}
