import Foundation
import ReportStructure
import ReportText
import Testing
import TestSupport
@testable import TrendReport

/// The reduce holds a window of units at a time, with records waiting on disk: what it gives
/// must not depend on the window or on the order records arrive in.
@Suite struct StreamingReduceTests {
    /// Every unit's trend (as JSON) and the comparison, for one way of running the reduce.
    func analyse(window: Int, jobs: Int, reversed: Bool = false) throws -> ([String: Data], [CompareRow]) {
        let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: jobs, window: window))
        let store = try RecordStore()
        let (inputs, errors) = CorpusDiscovery.inputs([Paths.corpora.path], manifestPath: nil)
        #expect(errors.isEmpty)
        let mapped = try analyzer.extract(inputs, manifest: try Manifest.load(path: Paths.corpora.appendingPathComponent("manifest.csv").path),
                                          into: store)
        let lock = NSLock()
        var trends: [String: Data] = [:]
        var entries = mapped.entries
        if reversed {
            entries = try SpooledRows(chunkSize: 3)
            try entries.append(contentsOf: try mapped.entries.all().reversed())
        }
        let analysis = try analyzer.reduce(entries, idf: mapped.idf, store: store) { trend in
            let data = try JSONOutput.data(trend)
            lock.lock(); trends[trend.folder] = data; lock.unlock()
        }
        #expect(try analysis.units.all().map(\.folder) == trends.keys.sorted())
        #expect(analysis.reports == mapped.entries.count)
        return (trends, try analysis.compare.all())
    }

    @Test func windowSizeAndRecordOrder_changeNothing() throws {
        let (whole, compareWhole) = try analyse(window: 1000, jobs: 1)
        let (small, compareSmall) = try analyse(window: 1, jobs: 2, reversed: true)
        #expect(whole.count >= 2)
        #expect(whole == small)
        #expect(compareWhole == compareSmall)
    }

    @Test func recordsComeBackFromTheStore_asWhatTheReduceReads() throws {
        let report = try ReportExtractor(lexicon: try Lexicon.builtIn()).extract(
            try DocumentLoader.load(path: Paths.seed.path), manifest: nil)
        let store = try RecordStore()
        let first = try store.append(report)
        let second = try store.append(report)
        #expect(first.offset == 0 && second.offset == first.length)
        let back = try store.report(second)
        #expect(back == report.forReduce)
        #expect(back.items.map(\.text) == report.items.map(\.text))
        #expect(back.text == report.text)
    }

    @Test func streamedTable_isExtractedInBatches_inOrder_withBadLinesInPlace() throws {
        let seed = try String(contentsOf: Paths.seed, encoding: .utf8)
        func doc(_ id: String, _ year: Int) throws -> String {
            String(decoding: try JSONEncoder().encode(["id": id, "unit": "清河县", "text": seed, "year": String(year)]), as: UTF8.self)
                .replacingOccurrences(of: "\"year\":\"\(year)\"", with: "\"year\":\(year)")
        }
        let table = Paths.temporaryFolder().appendingPathComponent("reports.jsonl")
        try FileManager.default.createDirectory(at: table.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ([try doc("a", 2016), "{not json", try doc("b", 2017), try doc("c", 2018)].joined(separator: "\n") + "\n")
            .write(to: table, atomically: true, encoding: .utf8)
        let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: 2))
        let store = try RecordStore()
        let lock = NSLock()
        var furthest = 0
        let mapped = try analyzer.extract(stream: CorpusDiscovery.stream([table.path], manifestPath: nil), manifest: Manifest(),
                                      into: store, batch: 2) { n in lock.lock(); furthest = max(furthest, n); lock.unlock() }
        let inputs = try mapped.inputs.all(), entries = try mapped.entries.all()
        #expect(inputs.map(\.name) == ["a", table.path + ":stdin:2", "b", "c"])
        #expect(inputs[1].error?.code == .malformedDocument)
        #expect(entries.map(\.reviewYear) == [2016, 2017, 2018])
        #expect(furthest == 4)  // every input, the failed line too
        #expect(mapped.idf.documents == 3 * (try store.report(entries[0].ref)).items.count)
    }
}

/// compare.json written a row at a time must be what encoding it whole gives.
@Suite struct CompareFileTests {
    @Test func rowByRow_equalsTheWholeEncoding() throws {
        let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: 2))
        let store = try RecordStore()
        let mapped = try analyzer.extract(CorpusDiscovery.inputs([Paths.corpora.path], manifestPath: nil).inputs,
                                      manifest: try Manifest.load(path: Paths.corpora.appendingPathComponent("manifest.csv").path),
                                      into: store)
        let rows = try analyzer.reduce(mapped.entries, idf: mapped.idf, store: store) { _ in }.compare.all()
        #expect(rows.count >= 5)
        for sample in [rows, [], Array(rows.prefix(1))] {
            let whole = try JSONOutput.data(JSONRenderer.CompareFile(schemaVersion: 1, columns: CompareRow.columns, rows: sample))
            // Spooled in chunks of two, so the rows come back from disk across chunk boundaries.
            let spool = try SpooledRows<CompareRow>(chunkSize: 2)
            try spool.append(contentsOf: sample)
            #expect(try spool.all() == sample)
            var pieces = Data()
            try JSONRenderer.compareFile(spool) { pieces.append($0) }
            #expect(pieces == whole)
        }
    }
}

/// The external sort behind the reduce and the output list: order and ties as an in-memory
/// stable sort would give them, across runs and chunks.
@Suite struct SortedSpoolTests {
    struct Pair: Codable, Sendable, Equatable { var key: Int; var seq: Int }

    @Test func mergedRuns_equalAStableSort() throws {
        var generator = SystemRandomNumberGenerator()
        for (count, runSize) in [(0, 4), (1, 4), (7, 7), (100, 7), (1000, 64), (1000, 1)] {
            let rows = (0..<count).map { Pair(key: Int.random(in: 0..<20, using: &generator), seq: $0) }
            let spool = try SortedSpool<Pair>(runSize: runSize, chunkSize: 3) { $0.key < $1.key }
            try spool.append(contentsOf: rows)
            var back: [Pair] = []
            try spool.forEach { back.append($0) }
            // Equal keys must keep their append order: compare with the key-then-sequence order.
            #expect(back == rows.sorted { ($0.key, $0.seq) < ($1.key, $1.seq) }, "count \(count) runSize \(runSize)")
            #expect(spool.count == count)
        }
    }

    @Test func appendsFromManyThreads_allComeBackSorted() throws {
        let spool = try SortedSpool<String>(runSize: 50, by: <)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for i in 0..<300 { try! spool.append(String(format: "%d-%04d", t, i)) }
        }
        var back: [String] = []
        try spool.forEach { back.append($0) }
        #expect(back.count == 1200)
        #expect(back == back.sorted())
    }
}
