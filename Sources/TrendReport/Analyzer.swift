import Foundation
import PromiseDiff
import ReportStructure
import ReportText

/// The main job as a library: extract every input (map), then group, diff and aggregate (reduce).
///
/// ```swift
/// let analyzer = Analyzer(options: .init(lexicon: try Lexicon.builtIn(), jobs: 2))
/// let extracted = analyzer.extract(CorpusDiscovery.inputs(["corpora"], manifestPath: nil).inputs, manifest: Manifest())
/// let analysis = try analyzer.reduce(extracted.compactMap(\.report))
/// ```
/// Both stages give the same result whatever `jobs` is: work is split by index and gathered in
/// input order, and everything corpus-wide (IDF) is computed in the reduce from all records.
public final class Analyzer: @unchecked Sendable {
    public struct Options: Sendable {
        public var lexicon: Lexicon
        public var normalizer: Normalizer
        public var jobs: Int
        /// Folder for cached `extract` records keyed by content hash and tool version.
        public var cache: URL?

        public init(lexicon: Lexicon, normalizer: Normalizer = Normalizer(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    cache: URL? = nil) {
            self.lexicon = lexicon
            self.normalizer = normalizer
            self.jobs = max(1, jobs)
            self.cache = cache
        }
    }

    /// An input after the map stage.
    public struct Extracted: Sendable {
        public var name: String
        public var record: ExtractRecord
        public var cached: Bool
        public var report: ExtractedReport? { record.report }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Runs `work` over `0..<count` on `jobs` threads, each with its own state from `make`.
    func parallel<State, Result>(_ count: Int, make: () throws -> State, _ work: (inout State, Int) -> Result,
                                 progress: ((Int) -> Void)? = nil) rethrows -> [Result] {
        let lock = NSLock()
        var results = [Result?](repeating: nil, count: count)
        var next = 0
        var done = 0
        let workers = min(options.jobs, max(count, 1))
        var states: [State] = []
        for _ in 0..<workers { states.append(try make()) }
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

    /// The map stage: one record per input, in input order.
    public func extract(_ inputs: [ExtractInput], manifest: Manifest, progress: ((Int) -> Void)? = nil) -> [Extracted] {
        let lexicon = options.lexicon, normalizer = options.normalizer
        let cacheSalt = cacheSalt()
        do {
            return try parallel(inputs.count, make: { try ReportExtractor(lexicon: lexicon, normalizer: normalizer) }, { extractor, i in
                let input = inputs[i]
                do {
                    return try self.extractOne(input, extractor, manifest, salt: cacheSalt)
                } catch {
                    let e = (error as? NianbaoError)?.at(input.name) ?? NianbaoError(.unreadable, file: input.name, "\(error)")
                    return Extracted(name: input.name, record: ExtractRecord(error: e), cached: false)
                }
            }, progress: progress)
        } catch {
            let e = NianbaoError(.icu, "cannot start the extractors: \(error)")
            return inputs.map { Extracted(name: $0.name, record: ExtractRecord(error: e.at($0.name)), cached: false) }
        }
    }

    func extractOne(_ input: ExtractInput, _ extractor: ReportExtractor, _ manifest: Manifest, salt: String) throws -> Extracted {
        guard case .file(let path) = input else {
            return Extracted(name: input.name, record: ExtractRecord(report: try input.extract(extractor, manifest: manifest)), cached: false)
        }
        let bytes = try PlainText.readBytes(path: path, limit: InputLimits.maxFileBytes)
        let entry = manifest.entry(for: path)
        let key = SHA256.hex(Array((SHA256.hex(bytes) + salt + path + (entry.map { "\($0)" } ?? "")).utf8))
        let cacheFile = options.cache?.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".json")
        if let cacheFile, let data = try? Data(contentsOf: cacheFile),
           let record = try? JSONDecoder().decode(ExtractRecord.self, from: data), record.report != nil {
            return Extracted(name: path, record: record, cached: true)
        }
        let doc = try DocumentLoader.load(bytes: bytes, path: path, format: SourceFormat(path: path))
        let report = try extractor.extract(doc, manifest: entry)
        if let cacheFile { try? AtomicFile.write(try JSONOutput.line(report), to: cacheFile) }
        return Extracted(name: path, record: ExtractRecord(report: report), cached: false)
    }

    /// What invalidates cached records: the tool version and everything that changes extraction.
    func cacheSalt() -> String {
        "\(NianbaoVersion.string)|\(ExtractedReport.schemaVersion)|\(options.lexicon.count)|\(options.lexicon.maxLength)|\(options.normalizer.traditional.rawValue)"
    }

    /// The reduce stage: group by unit, diff consecutive years, aggregate. Records may come in any
    /// order and from any number of mappers; they are sorted first.
    public func reduce(_ reports: [ExtractedReport]) throws -> Analysis {
        try Aggregator(analyzer: self).run(reports)
    }
}

/// The result of a run, ready to render.
public struct Analysis: Sendable {
    public var units: [UnitTrend]
    public var compare: [CompareRow]
    public var pairs: Int
    /// Reports set aside in the reduce (a duplicate unit and year, no year), with the reason.
    public var skipped: [NianbaoError]
}
