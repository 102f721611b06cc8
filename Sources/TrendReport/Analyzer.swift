import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// The main job as a library: extract every input into a record store (map), then group, diff,
/// aggregate and hand each unit's trend over as soon as it is done (reduce).
///
/// ```swift
/// let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: 2))
/// let store = try RecordStore()
/// let mapped = try analyzer.extract(CorpusDiscovery.inputs(["corpora"], manifestPath: nil).inputs, manifest: Manifest(), into: store)
/// let analysis = try analyzer.reduce(mapped.entries, idf: mapped.idf, store: store) { trend in
///     print(trend.unit, trend.rows.map(\.counts.commitments))
/// }
/// ```
/// Records wait in the store, not in memory; so do the list of inputs, the index of reports
/// (sorted on disk by unit) and the summaries. The reduce loads a window of units at a time, so
/// memory stays flat however many reports the corpus has. Both stages give the same result
/// whatever `jobs` is: work is split by index and gathered in input order, and the one
/// corpus-wide figure (IDF) is a sum of counts, whatever order they are added in.
public final class Analyzer: @unchecked Sendable {
    public struct Options: Sendable {
        public var lexicon: Lexicon
        public var normalizer: Normalizer
        public var jobs: Int
        /// Folder for cached `extract` records keyed by content hash and tool version.
        public var cache: URL?
        /// Reports the reduce holds at once (whole units; a larger unit is a window of its own).
        public var window: Int

        public init(lexicon: Lexicon, normalizer: Normalizer = Normalizer(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    cache: URL? = nil, window: Int = 64) {
            self.lexicon = lexicon
            self.normalizer = normalizer
            self.jobs = max(1, jobs)
            self.cache = cache
            self.window = max(1, window)
        }
    }

    /// An input after the map stage: its record is in the store, and `entry` says where.
    public struct Extracted: Sendable, Codable {
        public var name: String
        public var entry: ReportEntry?
        public var error: NianbaoError?
        public var warnings: [String]
        public var cached: Bool

        /// A report read: its record goes into `store`.
        static func stored(_ report: ExtractedReport, as name: String, in store: RecordStore, cached: Bool) throws -> Extracted {
            Extracted(name: name, entry: ReportEntry(report, ref: try store.append(report)), error: nil,
                      warnings: report.warnings, cached: cached)
        }

        /// An input that could not be read, and why.
        static func failed(_ name: String, _ error: NianbaoError) -> Extracted {
            Extracted(name: name, entry: nil, error: error, warnings: [], cached: false)
        }
    }

    /// The map stage's result, on disk so that it does not grow in memory with the corpus: one
    /// `Extracted` per input in input order, the entries of the reports read, and the IDF of the
    /// items of every record.
    public struct Mapped: Sendable {
        public let inputs: SpooledRows<Extracted>
        public let entries: SpooledRows<ReportEntry>
        public var idf = IDF()

        public init() throws {
            inputs = try SpooledRows()
            entries = try SpooledRows()
        }

        /// Adds the next inputs, in order.
        public mutating func append(_ part: some Sequence<Extracted>, idf: IDF = IDF()) throws {
            for e in part {
                try inputs.append(e)
                if let entry = e.entry { try entries.append(entry) }
            }
            self.idf.merge(idf)
        }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Runs `work` over `0..<count` on as many threads as there are `states`, each with its own.
    func parallel<State, Result>(_ count: Int, states: inout [State], _ work: (inout State, Int) -> Result,
                                 progress: ((Int) -> Void)? = nil) -> [Result] {
        let lock = NSLock()
        var results = [Result?](repeating: nil, count: count)
        var next = 0
        var done = 0
        let workers = min(states.count, max(count, 1))
        results.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            states.withUnsafeMutableBufferPointer { states in
                let states = states
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    while true {
                        lock.lock()
                        let i = next
                        next += 1
                        lock.unlock()
                        guard i < count else { return }
                        let r = work(&states[w], i)
                        lock.lock()
                        slots[i] = r
                        done += 1
                        let d = done
                        lock.unlock()
                        progress?(d)
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// The map stage over a stream of inputs (see `CorpusDiscovery.stream`), a batch at a time so
    /// that streamed documents never sit in memory together; inputs that could not be read are
    /// failures in their place. `progress` receives the number of inputs done so far.
    public func extract(stream: AnyIterator<Result<ExtractInput, NianbaoError>>, manifest: Manifest, into store: RecordStore,
                        batch: Int = 256, progress: ((Int) -> Void)? = nil) throws -> Mapped {
        var mapped = try Mapped()
        var states: [(extractor: ReportExtractor, idf: IDF)]
        do {
            states = try (0..<options.jobs).map { _ in (try ReportExtractor(lexicon: options.lexicon, normalizer: options.normalizer), IDF()) }
        } catch {
            let e = NianbaoError(.icu, "cannot start the extractors: \(error)")
            try mapped.append(stream.map { r in
                let name = (try? r.get().name) ?? ""
                return .failed(name, e.at(name))
            })
            return mapped
        }
        var pending: [Result<ExtractInput, NianbaoError>] = []
        func flush() throws {
            let inputs = pending.compactMap { try? $0.get() }
            let done = mapped.inputs.count
            var part = extract(inputs, manifest: manifest, into: store, states: &states,
                               progress: progress.map { p in { p(done + $0) } }).makeIterator()
            try mapped.append(pending.map { r in
                switch r {
                case .success: part.next()!
                case .failure(let e): .failed(e.file, e)
                }
            })
            pending.removeAll(keepingCapacity: true)
        }
        while let r = stream.next() {
            pending.append(r)
            if pending.count == batch { try flush() }
        }
        if !pending.isEmpty { try flush() }
        mapped.idf = states.reduce(into: IDF()) { $0.merge($1.idf) }
        return mapped
    }

    /// The map stage over inputs already listed, in input order.
    public func extract(_ inputs: [ExtractInput], manifest: Manifest, into store: RecordStore,
                        progress: ((Int) -> Void)? = nil) throws -> Mapped {
        try extract(stream: AnyIterator(inputs.lazy.map { Result.success($0) }.makeIterator()), manifest: manifest, into: store,
                batch: max(inputs.count, 1), progress: progress)
    }

    /// One batch on the workers (each with its extractor and its IDF tally), in input order.
    func extract(_ inputs: [ExtractInput], manifest: Manifest, into store: RecordStore,
                 states: inout [(extractor: ReportExtractor, idf: IDF)], progress: ((Int) -> Void)?) -> [Extracted] {
        // Without a cache there is nothing to key: the data files are not read for it.
        let cacheSalt = options.cache == nil ? "" : cacheSalt()
        return parallel(inputs.count, states: &states, { state, i in
            let input = inputs[i]
            do {
                let (report, cached) = try self.extractOne(input, state.extractor, manifest, salt: cacheSalt)
                state.idf.add(report)
                return try .stored(report, as: input.name, in: store, cached: cached)
            } catch {
                let e = (error as? NianbaoError)?.at(input.name) ?? NianbaoError(.unreadable, file: input.name, "\(error)")
                return .failed(input.name, e)
            }
        }, progress: progress)
    }

    /// Records already extracted (`nianbao extract` output, one per element) into `store`: the
    /// reduce stage of a map/reduce run. Decoded in parallel; a line that is not a record is an
    /// error naming `source` and the line number.
    public func load(records lines: [(number: Int, bytes: [UInt8])], source: String, into store: RecordStore) -> (inputs: [Extracted], idf: IDF) {
        var states = [IDF](repeating: IDF(), count: options.jobs)
        let loaded = parallel(lines.count, states: &states) { idf, i in
            let name = "\(source):\(lines[i].number)"
            do {
                let record = try JSONOutput.decoder().decode(ExtractRecord.self, from: Data(lines[i].bytes))
                if let r = record.report {
                    idf.add(r)
                    return try Extracted.stored(r, as: r.source.path, in: store, cached: false)
                }
                let e = record.error ?? NianbaoError(.malformedDocument, file: name, "a record with neither a report nor an error")
                return .failed(e.file, e)
            } catch let e as NianbaoError {
                return .failed(name, e.at(name))
            } catch {
                return .failed(name, NianbaoError(.malformedDocument, file: name, "not an extract record"))
            }
        }
        return (loaded, states.reduce(into: IDF()) { $0.merge($1) })
    }

    func extractOne(_ input: ExtractInput, _ extractor: ReportExtractor, _ manifest: Manifest, salt: String) throws -> (ExtractedReport, Bool) {
        guard case .file(let path) = input else { return (try input.extract(extractor, manifest: manifest), false) }
        let bytes = try PlainText.readBytes(path: path, limit: InputLimits.maxFileBytes)
        let entry = manifest.entry(for: path)
        let hash = SHA256.hex(bytes)
        let key = SHA256.hex(Array((hash + salt + path + (entry.map { "\($0)" } ?? "")).utf8))
        let cacheFile = options.cache?.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".json")
        if let cacheFile, let data = try? Data(contentsOf: cacheFile),
           let record = try? JSONOutput.decoder().decode(ExtractRecord.self, from: data), let report = record.report {
            return (report, true)
        }
        let doc = try DocumentLoader.load(bytes: bytes, path: path, format: SourceFormat(path: path), sha256: hash)
        let report = try extractor.extract(doc, manifest: entry)
        if let cacheFile { try? AtomicFile.write(try JSONOutput.line(report), to: cacheFile) }
        return (report, false)
    }

    /// What invalidates cached records: the tool version and everything that changes extraction:
    /// its options, its data files and the program itself (a rebuild, which the version string
    /// does not follow between releases).
    func cacheSalt() -> String {
        "\(NianbaoVersion.string)|\(ExtractedReport.schemaVersion)|\(options.lexicon.count)|\(options.lexicon.maxLength)|\(options.normalizer.traditional.rawValue)"
            + "|\(ReportExtractor.dataDigest)|\(Self.programStamp)"
    }

    /// The running program's size and modification time: a new build changes it.
    static let programStamp: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        guard let a = try? FileManager.default.attributesOfItem(atPath: exe.path) else { return "" }
        let seconds = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\((a[.size] as? Int) ?? 0)@\(seconds)"
    }()

    /// The reduce stage: group by unit, diff consecutive years, aggregate. `emit` receives each
    /// unit's trend once it is complete (from worker threads, in no particular order; it must be
    /// safe to call concurrently); the result keeps only what the corpus-wide outputs need, on
    /// disk. Entries may come in any order and from any number of mappers; they are sorted first
    /// (on disk too). `progress` receives the number of units done after each window.
    public func reduce(_ entries: SpooledRows<ReportEntry>, idf: IDF, store: RecordStore, progress: ((Int) -> Void)? = nil,
                       emit: (UnitTrend) throws -> Void) throws -> Analysis {
        try Aggregator(analyzer: self, store: store, idf: idf).run(entries, progress: progress, emit: emit)
    }
}

/// The result of a run, ready to render: what grows with the corpus is spooled to disk.
public struct Analysis: Sendable {
    /// One summary per unit, in unit order.
    public var units: SpooledRows<UnitSummary>
    /// Reports analysed (the skipped left out).
    public var reports: Int
    /// One row per unit and year, in unit order.
    public var compare: SpooledRows<CompareRow>
    public var pairs: Int
    /// Reports set aside in the reduce (a duplicate unit and year, no year), with the reason.
    public var skipped: [NianbaoError]
}
