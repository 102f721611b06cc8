import Foundation

/// Where the repository, its fixtures and corpora, and `../shared` are, seen from the tests.
public enum Paths {
    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")
    public static let corpora = repo.appendingPathComponent("corpora")
    public static let fixtures = repo.appendingPathComponent("Tests/Fixtures")
    public static let schemas = repo.appendingPathComponent("schemas")
    public static let seed = corpora.appendingPathComponent("qinghe/qinghe-2017.txt")
    public static let demo = corpora.appendingPathComponent("bailu-fictional")
    public static let nationalReports = shared.appendingPathComponent("corpora/national-gwr")
    public static let udGold = shared.appendingPathComponent("corpora/ud-zh-gsdsimp/test.gold")
    /// The release or debug binary, whichever the build made last.
    public static var binary: URL {
        let candidates = [".build/debug/nianbao", ".build/release/nianbao"].map { repo.appendingPathComponent($0) }
        return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
            .max { modified($0) < modified($1) } ?? candidates[0]
    }

    static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    public static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// National work reports in ../shared, or none when it is absent (tests then skip).
    public static func nationalReportFiles() -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: nationalReports.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { nationalReports.appendingPathComponent($0) }
    }

    public static func demoFiles() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: demo.path)) ?? []).sorted().map { demo.appendingPathComponent($0) }
    }

    /// A fresh temporary folder.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
