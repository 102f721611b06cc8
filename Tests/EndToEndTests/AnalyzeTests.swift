import Foundation
import Testing
import TestSupport

/// The CLI as a user runs it, on the embedded corpus.
@Suite(.serialized) struct AnalyzeTests {
    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        let p = Process()
        p.executableURL = Paths.binary
        p.arguments = args
        p.currentDirectoryURL = Paths.repo
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inPipe = Pipe()
            p.standardInput = inPipe
            try p.run()
            inPipe.fileHandleForWriting.write(stdin)
            try inPipe.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, String(decoding: e, as: UTF8.self))
    }

    static func analyze(_ out: URL, jobs: Int, extra: [String] = []) throws -> (Int32, String) {
        let r = try run(["analyze", "corpora", "--manifest", "corpora/manifest.csv", "--out", out.path, "--jobs", String(jobs), "--no-cache"] + extra)
        return (r.status, r.stderr)
    }

    static func files(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            if !isDir.boolValue {
                out[String(url.path.dropFirst(dir.path.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return out
    }

    @Test func analyze_writesTrendsAndComparison_withTheRightContent() throws {
        let out = Paths.temporaryFolder()
        let (status, _) = try Self.analyze(out, jobs: 2)
        #expect(status == 0)
        let unit = out.appendingPathComponent("白鹭县人民政府")
        let trend = try JSONSerialization.jsonObject(with: Data(contentsOf: unit.appendingPathComponent("trend.json"))) as! [String: Any]
        #expect(trend["years"] as? [Int] == [2017, 2018, 2019, 2020])
        let rows = trend["rows"] as! [[String: Any]]
        let o2018 = rows[1]["outcomes"] as! [String: Any]
        #expect(o2018["fulfilled"] as? Int == 2 && o2018["partial"] as? Int == 1 && o2018["notReported"] as? Int == 2)
        #expect(o2018["targetsMet"] as? Int == 1 && o2018["targetsMissed"] as? Int == 1)
        let chains = trend["problemChains"] as! [[String: Any]]
        #expect(chains.first?["years"] as? [Int] == [2017, 2018, 2019, 2020])
        #expect((rows[3]["failedChecks"] as! [String]).contains("table3.row-total.open"))

        let csv = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("unit,region,year,genre,template,source,results") == true)
        #expect(lines.count == 6)
        #expect(lines.contains { $0.hasPrefix("白鹭县人民政府,白鹭县,2019,ogi-annual-report,2019-six-part,") && $0.contains(",47,1,26,45,3,") })
        #expect(lines.contains { $0.hasPrefix("清河县人民政府,清河县,2017,") })

        for name in ["index.md", "compare.md", "compare.json", "run.json", "白鹭县人民政府/trend.md", "白鹭县人民政府/fulfilment.svg"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let md = try String(contentsOf: unit.appendingPathComponent("trend.md"), encoding: .utf8)
        #expect(md.contains("```mermaid") && md.contains("xychart-beta"))
        #expect(md.contains("人员队伍"))
        let index = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("5 reports of 2 units; 3 pairs of consecutive years diffed."))
    }

    /// A year missing from every unit still has its column in the matrix, marked as a gap.
    @Test func index_showsAYearNoUnitHas_asAGap() throws {
        let corpus = Paths.temporaryFolder(), out = Paths.temporaryFolder()
        for name in ["2017.txt", "2019.docx"] {
            try FileManager.default.copyItem(at: Paths.demo.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        let r = try Self.run(["analyze", corpus.path, "--out", out.path, "--no-cache", "--quiet"])
        #expect(r.status == 0)
        let index = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("2 reports of 1 unit;"))
        #expect(index.contains("| gap |"))
    }

    @Test func outputs_matchTheirSchemas() throws {
        let out = Paths.temporaryFolder()
        _ = try Self.analyze(out, jobs: 1)
        let trend = try JSONSchema(url: Paths.schemas.appendingPathComponent("trend.schema.json"))
        let compare = try JSONSchema(url: Paths.schemas.appendingPathComponent("compare.schema.json"))
        let runSchema = try JSONSchema(url: Paths.schemas.appendingPathComponent("run.schema.json"))
        for unit in ["白鹭县人民政府", "清河县人民政府"] {
            #expect(try trend.validate(Data(contentsOf: out.appendingPathComponent("\(unit)/trend.json"))) == [])
        }
        #expect(try compare.validate(Data(contentsOf: out.appendingPathComponent("compare.json"))) == [])
        #expect(try runSchema.validate(Data(contentsOf: out.appendingPathComponent("run.json"))) == [])
    }

    @Test func outputs_areByteIdentical_whateverTheNumberOfJobs() throws {
        let one = Paths.temporaryFolder(), two = Paths.temporaryFolder()
        _ = try Self.analyze(one, jobs: 1)
        _ = try Self.analyze(two, jobs: 2)
        var a = Self.files(one), b = Self.files(two)
        a["run.json"] = nil; b["run.json"] = nil
        #expect(a.keys.sorted() == b.keys.sorted())
        for k in a.keys { #expect(a[k] == b[k], "\(k)") }
    }

    @Test func aBadFileAmongGoodOnes_isAFailureEntry_andTheRestIsWritten() throws {
        let corpus = Paths.temporaryFolder(), out = Paths.temporaryFolder()
        for name in ["2017.txt", "2018.html"] {
            try FileManager.default.copyItem(at: Paths.demo.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        try Data("%PDF-1.4 not text".utf8).write(to: corpus.appendingPathComponent("broken.txt"))
        let r = try Self.run(["analyze", corpus.path, "--out", out.path, "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.txt: binary-input:"))
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
        #expect(run["failures"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("白鹭县人民政府/trend.json").path))
    }

    @Test func rerunOnFewerReports_removesWhatItNoLongerWrites_andListsWhatItDoes() throws {
        let out = Paths.temporaryFolder()
        let seedOnly = Paths.temporaryFolder()
        try FileManager.default.copyItem(at: Paths.seed, to: seedOnly.appendingPathComponent("qinghe-2017.txt"))
        _ = try Self.analyze(out, jobs: 2)
        try Data("kept: not ours".utf8).write(to: out.appendingPathComponent("notes.txt"))
        #expect(Paths.exists(out.appendingPathComponent("白鹭县人民政府/trend.json")))
        let r = try Self.run(["analyze", seedOnly.path, "--out", out.path, "--no-cache"])
        #expect(r.status == 0)
        let files = Self.files(out)
        #expect(!files.keys.contains { $0.hasPrefix("白鹭县人民政府/") })
        #expect(!Paths.exists(out.appendingPathComponent("白鹭县人民政府")))
        #expect(files["notes.txt"] != nil)  // never listed as ours, so never removed
        let listed = String(decoding: files[".nianbao-files"]!, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(listed == listed.sorted())
        #expect(Set(listed) == Set(files.keys).subtracting([".nianbao-files", "notes.txt"]))
        #expect(listed.contains { $0.hasSuffix("/trend.json") })
    }

    @Test func rerun_usesTheCache_andGivesTheSameOutputs() throws {
        let out = Paths.temporaryFolder()
        let first = try Self.run(["analyze", "corpora", "--manifest", "corpora/manifest.csv", "--out", out.path])
        let before = Self.files(out).filter { !$0.key.hasPrefix(".cache") && $0.key != "run.json" }
        let second = try Self.run(["analyze", "corpora", "--manifest", "corpora/manifest.csv", "--out", out.path])
        #expect(first.status == 0 && second.status == 0)
        let after = Self.files(out).filter { !$0.key.hasPrefix(".cache") && $0.key != "run.json" }
        #expect(before == after)
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as! [String: Any]
        let inputs = run["inputs"] as! [[String: Any]]
        #expect(inputs.allSatisfy { $0["cached"] as? Bool == true })
    }

    @Test func segment_gb18030Copy_givesTheSameOutput_lineForLine() throws {
        let utf8 = try Data(contentsOf: Paths.seed)
        let gbPath = Paths.temporaryFolder().appendingPathComponent("seed-gb.txt")
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", Paths.seed.path]
        let pipe = Pipe()
        iconv.standardOutput = pipe
        try iconv.run()
        let gb = pipe.fileHandleForReading.readDataToEndOfFile()
        iconv.waitUntilExit()
        try gb.write(to: gbPath)
        let a = try Self.run(["segment", Paths.seed.path]), b = try Self.run(["segment", gbPath.path])
        #expect(a.status == 0 && a.stdout == b.stdout)
        func lines(_ d: Data) -> Int { d.filter { $0 == 0x0A }.count + (d.last == 0x0A || d.isEmpty ? 0 : 1) }
        let inputLines = lines(utf8), outputLines = lines(a.stdout)
        #expect(outputLines == inputLines)
        #expect(String(decoding: a.stdout, as: UTF8.self).contains("不 流于 形式"))
    }

    /// Diffing reports that do not pair (2017's plans against the review of 2019) works, with a
    /// warning; a true pair has none.
    @Test func diff_warnsWhenTheLaterReportReviewsAnotherYear() throws {
        let apart = try Self.run(["diff", Paths.demo.appendingPathComponent("2017.txt").path, Paths.demo.appendingPathComponent("2020.txt").path])
        #expect(apart.status == 0 && apart.stderr.contains("plans for 2018 but") && apart.stderr.contains("reviews 2020"))
        let pair = try Self.run(["diff", Paths.demo.appendingPathComponent("2017.txt").path, Paths.demo.appendingPathComponent("2018.html").path])
        #expect(pair.status == 0 && !pair.stderr.contains("warning"))
    }

    @Test func extract_streamsJSONLines_withErrorsAsRecords() throws {
        let docs = """
        {"id": "a", "unit": "白鹭县人民政府", "year": 2017, "text": "白鹭县人民政府2017年政府信息公开工作年度报告\\n一、总体情况\\n全年主动公开政府信息986条。"}
        not json
        {"id": "b", "text": ""}
        """
        let r = try Self.run(["extract", "-"], stdin: Data(docs.utf8))
        #expect(r.status == 1)
        let lines = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"schemaVersion\":1") && lines[0].contains("986条"))
        #expect(lines[1].contains("\"error\"") && lines[2].contains("\"error\""))
    }

    /// A report piped in as it is (not JSON) is one report, whatever its format.
    @Test(arguments: ["ogi-template-2020.txt", "messy-page.html", "auto-numbered.docx"])
    func extract_readsOneReportPipedInAsItIs(fixture: String) throws {
        let bytes = try Data(contentsOf: Paths.fixture(fixture))
        let piped = try Self.run(["extract", "-"], stdin: bytes)
        let named = try Self.run(["extract", Paths.fixture(fixture).path])
        #expect(piped.status == 0)
        let a = try JSONSerialization.jsonObject(with: piped.stdout) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: named.stdout) as! [String: Any]
        #expect((a["source"] as! [String: Any])["path"] as? String == "stdin")
        #expect(a["items"] as? NSArray == b["items"] as? NSArray)
        #expect(((a["metadata"] as! [String: Any])["unit"] as? NSDictionary) == ((b["metadata"] as! [String: Any])["unit"] as? NSDictionary))
    }
}
