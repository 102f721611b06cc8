import Foundation

/// Where the repository and `../shared` are, seen from this test file.
enum Paths {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")
    static let seed = repo.appendingPathComponent("corpora/qinghe/qinghe-2017.txt")
    static let nationalReports = shared.appendingPathComponent("corpora/national-gwr")
    static let udGold = shared.appendingPathComponent("corpora/ud-zh-gsdsimp/test.gold")

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    static func nationalReportFiles() -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: nationalReports.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { nationalReports.appendingPathComponent($0) }
    }
}
