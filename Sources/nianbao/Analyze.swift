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
        var failures: [NianbaoError] = []
        var runInputs: [RunRecord.Input] = []
        var reports: [ExtractedReport] = []
        var timings: [String: Double] = [:]

        if let fromExtracted {
            let handle = fromExtracted == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: fromExtracted)
            guard let handle else { throw NianbaoError(.unreadable, file: fromExtracted, "cannot open") }
            for (n, line) in LineReader(handle).enumerated() where !line.isEmpty {
                do {
                    let record = try JSONDecoder().decode(ExtractRecord.self, from: Data(line))
                    if let r = record.report {
                        reports.append(r)
                        runInputs.append(.init(path: r.source.path, sha256: r.source.sha256, status: "ok", error: nil, cached: false))
                    } else if let e = record.error {
                        failures.append(e)
                        runInputs.append(.init(path: e.file, sha256: nil, status: "failed", error: e, cached: false))
                    }
                } catch {
                    failures.append(NianbaoError(.malformedDocument, file: "\(fromExtracted):\(n + 1)", "not an extract record"))
                }
            }
        } else {
            let manifest = try self.manifest.map { try Manifest.load(path: $0) } ?? Manifest()
            let (inputs, errors) = CorpusDiscovery.inputs(corpus, manifestPath: self.manifest)
            failures += errors
            let progress = Progress(total: inputs.count, log: log)
            let extracted = analyzer.extract(inputs, manifest: manifest, progress: progress.update)
            progress.finish()
            for e in extracted {
                if let r = e.report {
                    reports.append(r)
                    for w in r.warnings { log.line("\(e.name): warning: \(w)") }
                }
                if let err = e.record.error { failures.append(err) }
                runInputs.append(.init(path: e.name, sha256: e.report?.source.sha256, status: e.report == nil ? "failed" : "ok",
                                       error: e.record.error, cached: e.cached))
            }
        }
        timings["extract"] = Date().timeIntervalSince(started)
        guard !reports.isEmpty else {
            for f in failures { log.error(f) }
            log.line("nothing to analyse: no input could be read")
            throw ExitCode(2)
        }
        let reduceStarted = Date()
        let analysis = try analyzer.reduce(reports)
        timings["reduce"] = Date().timeIntervalSince(reduceStarted)
        failures += analysis.skipped

        var output = OutputSet()
        var renderers: [Renderer] = []
        if formats.contains(.json) { renderers.append(JSONRenderer()) }
        if formats.contains(.md) { renderers.append(MarkdownRenderer()) }
        if formats.contains(.csv) { renderers.append(CSVRenderer()) }
        for r in renderers { for (path, data) in try r.files(analysis) { output.add(path, data) } }
        timings["total"] = Date().timeIntervalSince(started)
        let record = RunRecord(tool: "nianbao", version: NianbaoVersion.string, schemaVersion: 1,
                               parameters: ["corpus": corpus.joined(separator: " "), "manifest": manifest ?? "", "jobs": String(jobs),
                                            "format": format, "dict": text.dictionaries.joined(separator: " "),
                                            "traditional": text.traditional.rawValue, "fromExtracted": fromExtracted ?? "",
                                            "cache": noCache ? "off" : "on"],
                               inputs: runInputs, reports: reports.count, units: analysis.units.count, pairs: analysis.pairs,
                               failures: failures.count, timings: timings.mapValues { ($0 * 1000).rounded() / 1000 })
        output.add("run.json", try JSONOutput.data(record))
        try output.commit(to: outURL)

        for f in failures { log.error(f) }
        log.line("analysed \(reports.count) reports of \(analysis.units.count) units; \(analysis.pairs) pairs diffed; \(failures.count) failures; outputs in \(out)/ (\(String(format: "%.1f", timings["total"]!)) s)")
        if !failures.isEmpty { throw ExitStatus.someInputsFailed }
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
    let total: Int
    let log: Log
    let start = Date()
    let lock = NSLock()
    var lastShown = -1

    init(total: Int, log: Log) { self.total = total; self.log = log }

    func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        if log.terminal {
            let width = 30, filled = total == 0 ? width : width * done / total
            log.raw(String(format: "\r[%@%@] %d/%d  %.1f files/s  ETA %.0fs ", String(repeating: "#", count: filled),
                           String(repeating: ".", count: width - filled), done, total, rate, eta))
        } else {
            // Plain lines: every 10% (and the last file).
            let step = total * (done * 10 / max(total, 1)) / 10
            if step != lastShown && (done * 10 / max(total, 1)) != (lastShown * 10 / max(total, 1)) || done == total {
                lastShown = step
                log.line(String(format: "extracted %d/%d files (%.1f files/s)", done, total, rate))
            }
        }
    }

    func finish() { if log.terminal { log.raw("\n") } }
}
