import ArgumentParser
import Foundation
import PromiseDiff
import ReportStructure
import ReportText
import TrendReport

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse a corpus: per-unit trends and a cross-unit comparison, into an output folder.",
        discussion: """
        CORPUS: folders (searched recursively), report files, tables of reports (.csv with a text column, \
        .jsonl documents), or - for JSON Lines documents on standard input. With --from-extracted, read \
        `nianbao extract --out -` records instead (the reduce stage of a map/reduce run).
        Exit status: 0 all inputs analysed; 1 some inputs failed (outputs for the rest are written); \
        64 bad command line; 2 nothing could be analysed.
        """)

    enum Format: String, CaseIterable { case json, md, csv }

    @Argument(help: "Corpus folders, files or tables.") var corpus: [String] = []
    @Option(help: "A corpus manifest (CSV or JSON: path, unit, region, year, genre).") var manifest: String?
    @Option(help: "Output folder.") var out: String = "notebooks-out"
    @Option(help: "Parallel workers (default: all cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Output formats, comma-separated: json,md,csv.") var format: String = "json,md,csv"
    @Option(name: .customLong("from-extracted"), help: "Read extracted records (JSON Lines) from a file or -.") var fromExtracted: String?
    @Flag(help: "No progress or summary on stderr.") var quiet = false
    @Flag(name: .customLong("no-cache"), help: "Do not read or write the extraction cache (<out>/.cache).") var noCache = false
    @OptionGroup var text: TextOptions

    var formats: [Format] { format.split(separator: ",").compactMap { Format(rawValue: $0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        if corpus.isEmpty && fromExtracted == nil { throw ValidationError("give a corpus (or --from-extracted FILE)") }
        if !corpus.isEmpty && fromExtracted != nil { throw ValidationError("give a corpus or --from-extracted, not both") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let bad = names.first(where: { Format(rawValue: $0) == nil }) { throw ValidationError("unknown format '\(bad)' (json, md, csv)") }
    }

    func run() throws {
        SignalGuard.install()
        let started = Date()
        let log = Log(quiet: quiet)
        let lexicon = try text.lexicon()
        let outURL = URL(fileURLWithPath: out)
        let analyzer = Analyzer(options: .init(lexicon: lexicon, normalizer: Normalizer(traditional: text.traditional), jobs: jobs,
                                               cache: noCache ? nil : outURL.appendingPathComponent(".cache")))
        let store = try RecordStore()
        var failures: [NianbaoError] = []
        var timings: [String: Double] = [:]

        // What the reduce needs of the map: the index of reports, the IDF, and (on disk) the
        // inputs for run.json; the map's own list goes before the reduce starts.
        let (entries, idf, runInputs) = try map(analyzer, store, log, &failures)
        timings["extract"] = Date().timeIntervalSince(started)
        guard !entries.isEmpty else {
            for f in failures { log.error(f) }
            log.line("nothing to analyse: no input could be read")
            throw ExitCode(2)
        }

        var renderers: [Renderer] = []
        if formats.contains(.json) { renderers.append(JSONRenderer()) }
        if formats.contains(.md) { renderers.append(MarkdownRenderer()) }
        if formats.contains(.csv) { renderers.append(CSVRenderer()) }
        let output = try OutputSet(out: outURL)
        do {
            let reduceStarted = Date()
            let reduced = Progress(total: nil, log: log, verb: "reduced", noun: "units")
            let analysis = try analyzer.reduce(entries, idf: idf, store: store, progress: reduced.update) { unit in
                for r in renderers { for (path, data) in try r.files(unit) { try output.add(path, data) } }
            }
            reduced.finish()
            for r in renderers { for (path, content) in try r.files(analysis) { try output.add(path, content: content) } }
            timings["reduce"] = Date().timeIntervalSince(reduceStarted)
            failures += analysis.skipped
            timings["total"] = Date().timeIntervalSince(started)
            let record = RunRecord(tool: "nianbao", version: NianbaoVersion.string, schemaVersion: 1,
                                   parameters: ["corpus": corpus.joined(separator: " "), "manifest": manifest ?? "", "jobs": String(jobs),
                                                "format": format, "dict": text.dictionaries.joined(separator: " "),
                                                "traditional": text.traditional.rawValue, "fromExtracted": fromExtracted ?? "",
                                                "cache": noCache ? "off" : "on"],
                                   inputs: [], reports: analysis.reports, units: analysis.units.count, pairs: analysis.pairs,
                                   failures: failures.count, timings: timings.mapValues { ($0 * 1000).rounded() / 1000 })
            try output.add("run.json") { write in
                try JSONOutput.write(record, key: "inputs", isEmpty: runInputs.isEmpty,
                                     each: runInputs.forEach, to: write)
            }
            try output.commit()
            for f in failures { log.error(f) }
            let count = Markdown.count
            log.line("analysed \(count(analysis.reports, "report")) of \(count(analysis.units.count, "unit")); \(count(analysis.pairs, "pair")) diffed; "
                     + "\(count(failures.count, "failure")); outputs in \(out)/ (\(String(format: "%.1f", timings["total"]!)) s)")
        } catch {
            output.discard()
            throw error
        }
        if !failures.isEmpty { throw ExitStatus.someInputsFailed }
    }

    /// The map stage: inputs extracted (or records loaded) into the store.
    func map(_ analyzer: Analyzer, _ store: RecordStore, _ log: Log,
             _ failures: inout [NianbaoError]) throws -> (SpooledRows<ReportEntry>, IDF, SpooledRows<RunRecord.Input>) {
        let mapped: Analyzer.Mapped
        if let fromExtracted {
            mapped = try loadRecords(fromExtracted, analyzer, store)
        } else {
            let manifest = try self.manifest.map { try Manifest.load(path: $0) } ?? Manifest()
            // Streamed tables (JSON Lines, stdin) have no count until they end; folders and files
            // are walked once to count them (cheaper than holding the list), and a CSV table is
            // read whole anyway, so its rows are kept from the count.
            var stream = CorpusDiscovery.stream(corpus, manifestPath: self.manifest)
            var total: Int? = nil
            if corpus.contains(where: { $0.hasSuffix(".csv") }) {
                let listed = Array(stream)
                total = listed.count
                stream = AnyIterator(listed.makeIterator())
            } else if !corpus.contains(where: { $0 == "-" || $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }) {
                total = CorpusDiscovery.stream(corpus, manifestPath: self.manifest).reduce(0) { n, _ in n + 1 }
            }
            let progress = Progress(total: total, log: log)
            mapped = try analyzer.extract(stream: stream, manifest: manifest, into: store, progress: progress.update)
            progress.finish()
        }
        let runInputs = try SpooledRows<RunRecord.Input>()
        try mapped.inputs.forEach { e in
            for w in e.warnings { log.line("\(e.name): warning: \(w)") }
            if let error = e.error { failures.append(error) }
            try runInputs.append(RunRecord.Input(path: e.name, sha256: e.entry?.sha256, status: e.entry == nil ? "failed" : "ok",
                                                 error: e.error, cached: e.cached))
        }
        return (mapped.entries, mapped.idf, runInputs)
    }

    /// `--from-extracted`: records from a file or stdin, decoded in parallel a batch at a time.
    func loadRecords(_ path: String, _ analyzer: Analyzer, _ store: RecordStore) throws -> Analyzer.Mapped {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else { throw NianbaoError(.unreadable, file: path, "cannot open") }
        var mapped = try Analyzer.Mapped()
        var batch: [(number: Int, bytes: [UInt8])] = [], lineNumber = 0
        func flush() throws {
            let part = analyzer.load(records: batch, source: path, into: store)
            try mapped.append(part.inputs, idf: part.idf)
            batch = []
        }
        for line in LineReader(handle) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            batch.append((lineNumber, line))
            if batch.count == 256 { try flush() }
        }
        if !batch.isEmpty { try flush() }
        return mapped
    }
}

/// stderr: a progress bar on a terminal, plain lines otherwise, nothing with --quiet.
final class Log: @unchecked Sendable {
    let quiet: Bool
    let terminal = isatty(2) != 0
    init(quiet: Bool) { self.quiet = quiet }

    func line(_ s: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    func error(_ e: NianbaoError) { line("nianbao: " + e.description) }

    func raw(_ s: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(s.utf8))
    }
}

final class Progress: @unchecked Sendable {
    /// Things in all, when known before the run (not for streamed tables).
    let total: Int?
    let log: Log
    /// What is done to what: "extracted" "files", "reduced" "units".
    let verb: String, noun: String
    let start = Date()
    let lock = NSLock()
    var lastShown = -1

    init(total: Int?, log: Log, verb: String = "extracted", noun: String = "files") {
        self.total = total; self.log = log; self.verb = verb; self.noun = noun
    }

    func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        guard let total else {
            if log.terminal {
                log.raw(String(format: "\r%d \(noun)  %.1f \(noun)/s ", done, rate))
            } else if done / 1000 != lastShown / 1000 {
                lastShown = done
                log.line(String(format: "\(verb) %d \(noun) (%.1f \(noun)/s)", done, rate))
            }
            return
        }
        let eta = rate > 0 ? Double(total - done) / rate : 0
        if log.terminal {
            let width = 30, filled = total == 0 ? width : width * min(done, total) / total
            log.raw(String(format: "\r[%@%@] %d/%d  %.1f \(noun)/s  ETA %.0fs ", String(repeating: "#", count: filled),
                           String(repeating: ".", count: width - filled), done, total, rate, eta))
        } else {
            // Plain lines: every 10% (and the last file).
            let step = total * (done * 10 / max(total, 1)) / 10
            if step != lastShown && (done * 10 / max(total, 1)) != (lastShown * 10 / max(total, 1)) || done == total {
                lastShown = step
                log.line(String(format: "\(verb) %d/%d \(noun) (%.1f \(noun)/s)", done, total, rate))
            }
        }
    }

    func finish() { if log.terminal { log.raw("\n") } }
}
