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
        let mapped = analyzer.extract(inputs, manifest: try Manifest.load(path: Paths.corpora.appendingPathComponent("manifest.csv").path),
                                      into: store)
        let lock = NSLock()
        var trends: [String: Data] = [:]
        let entries = reversed ? mapped.entries.reversed() : mapped.entries
        let analysis = try analyzer.reduce(entries, idf: mapped.idf, store: store) { trend in
            let data = try JSONOutput.data(trend)
            lock.lock(); trends[trend.folder] = data; lock.unlock()
        }
        #expect(analysis.units.map(\.folder).sorted() == trends.keys.sorted())
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
        let mapped = analyzer.extract(stream: CorpusDiscovery.stream([table.path], manifestPath: nil), manifest: Manifest(),
                                      into: store, batch: 2) { n in lock.lock(); furthest = max(furthest, n); lock.unlock() }
        #expect(mapped.inputs.map(\.name) == ["a", table.path + ":stdin:2", "b", "c"])
        #expect(mapped.inputs[1].error?.code == .malformedDocument)
        #expect(mapped.entries.map(\.reviewYear) == [2016, 2017, 2018])
        #expect(furthest == 4)  // every input, the failed line too
        #expect(mapped.idf.documents == 3 * (try store.report(mapped.entries[0].ref)).items.count)
    }
}

/// compare.json written a row at a time must be what encoding it whole gives.
@Suite struct CompareFileTests {
    @Test func rowByRow_equalsTheWholeEncoding() throws {
        let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: 2))
        let store = try RecordStore()
        let mapped = analyzer.extract(CorpusDiscovery.inputs([Paths.corpora.path], manifestPath: nil).inputs,
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
