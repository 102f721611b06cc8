import Foundation
import Testing
import TestSupport

/// Batches that meet trouble: duplicates, hostile names, interruption. Outputs stay whole and
/// escaped; inputs are never touched.
@Suite(.serialized) struct IntegrityTests {
    static func sha(_ dir: URL) -> [String: Data] { AnalyzeTests.files(dir) }

    /// A corpus in a temporary folder: the demo county plus extra files.
    static func corpus(extra: [String: String] = [:]) throws -> URL {
        let dir = Paths.temporaryFolder()
        for url in Paths.demoFiles() {
            try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent(url.lastPathComponent))
        }
        for (name, text) in extra {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test func duplicateUnitAndYear_isReported_andTheFirstKept() throws {
        let copy = try String(decoding: Data(contentsOf: Paths.demo.appendingPathComponent("2020.txt")), as: UTF8.self)
        let dir = try Self.corpus(extra: ["z-copy/2020-again.txt": copy])
        let out = Paths.temporaryFolder()
        let r = try AnalyzeTests.run(["analyze", dir.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("duplicate-report"))
        let trend = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("白鹭县人民政府/trend.json"))) as! [String: Any]
        #expect(trend["years"] as? [Int] == [2017, 2018, 2019, 2020])
    }

    @Test func hostileUnitNamesAndMarkup_staySafeInEveryOutput() throws {
        let hostile = "../x|*县<script>alert(1)</script>`人民政府"
        let text = "\(hostile)2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息12条，其中| 表格 |*强调*<b>粗体</b>`代码`。\n二、存在的主要问题及改进情况\n一是<img src=x onerror=alert(1)>问题；二是更新不及时。下一步将建立台账。\n"
        let dir = Paths.temporaryFolder()
        try Data(text.utf8).write(to: dir.appendingPathComponent("hostile.txt"))
        let manifest = "path,unit,region,year,genre\nhostile.txt,\"\(hostile)\",x,2021,ogi-annual-report\n"
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("m.csv"))
        let out = Paths.temporaryFolder()
        let r = try AnalyzeTests.run(["analyze", dir.path, "--manifest", dir.appendingPathComponent("m.csv").path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = Self.sha(out)
        // Everything stays inside the output folder, in one unit folder with a safe name.
        let folders = Set(files.keys.compactMap { $0.contains("/") && !$0.hasPrefix(".") ? String($0.split(separator: "/")[0]) : nil })
        #expect(folders.count == 1)
        #expect(folders.allSatisfy { !$0.contains("..") && !$0.contains("<") })
        for (name, data) in files where name.hasSuffix(".md") || name.hasSuffix(".svg") {
            let s = String(decoding: data, as: UTF8.self)
            #expect(!s.contains("<script>") && !s.contains("<img"), "\(name)")
        }
        let md = files.first { $0.key.hasSuffix("trend.md") }.map { String(decoding: $0.value, as: UTF8.self) } ?? ""
        #expect(md.contains("&lt;script&gt;"))
        // Table rows keep their column count: escaped pipes do not split cells.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") && line.contains("表格") {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 4)
        }
    }

    @Test func interruptedRun_leavesThePreviousOutputsWhole() throws {
        let gen = Paths.temporaryFolder()
        let script = Paths.repo.appendingPathComponent("tools/generate_corpus.py")
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", script.path, gen.path, "150"]
        try py.run(); py.waitUntilExit()
        let out = Paths.temporaryFolder()
        let first = try AnalyzeTests.run(["analyze", gen.path, "--manifest", gen.appendingPathComponent("manifest.csv").path, "--out", out.path, "--no-cache", "--jobs", "2"])
        #expect(first.status == 0)
        let before = Self.sha(out)
        let inputsBefore = Self.sha(gen)

        // Second run, killed part-way (several times, at different moments).
        for delay in [0.2, 0.8, 1.5] {
            let p = Process()
            p.executableURL = Paths.binary
            p.arguments = ["analyze", gen.path, "--manifest", gen.appendingPathComponent("manifest.csv").path, "--out", out.path, "--no-cache", "--jobs", "2", "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            p.terminate()
            p.waitUntilExit()
            let after = Self.sha(out)
            let untouched = after == before
            // Either the run finished before the signal (a full new set: same bytes but run.json) or
            // nothing changed; never a mix, never a staging folder.
            var sameButRun = after, beforeButRun = before
            sameButRun["run.json"] = nil; beforeButRun["run.json"] = nil
            #expect(untouched || sameButRun == beforeButRun)
            #expect(!after.keys.contains { $0.hasPrefix(".staging") })
        }
        #expect(Self.sha(gen) == inputsBefore)
    }
}
