import Foundation
import ReportStructure
import ReportText

/// Finds the reports of a corpus: folders (searched recursively, in name order), report files,
/// and tables of reports (CSV with a `text` column, or JSON Lines) with one report per row.
public enum CorpusDiscovery {
    public static let reportExtensions: Set<String> = ["txt", "text", "html", "htm", "shtml", "xhtml", "docx", "pdf"]

    /// Inputs in a stable order (folder contents sorted by path), and paths that could not be read.
    public static func inputs(_ paths: [String], manifestPath: String?) -> (inputs: [ExtractInput], errors: [NianbaoError]) {
        var inputs: [ExtractInput] = []
        var errors: [NianbaoError] = []
        let skip = Set([manifestPath].compactMap { $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for path in paths {
            if path == "-" {
                for r in ExtractInput.jsonLines(FileHandle.standardInput) {
                    switch r {
                    case .success(let i): inputs.append(i)
                    case .failure(let e): errors.append(e)
                    }
                }
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(NianbaoError(.unreadable, file: path, "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                let base = URL(fileURLWithPath: path)
                guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                                  options: [.skipsHiddenFiles]) else { continue }
                var found: [String] = []
                for case let url as URL in walker {
                    let ext = url.pathExtension.lowercased()
                    let name = url.lastPathComponent.lowercased()
                    guard reportExtensions.contains(ext), !name.hasPrefix("readme"), !name.hasPrefix("manifest"),
                          !skip.contains(url.standardizedFileURL.path),
                          (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                    found.append(relative(url, to: base, display: path))
                }
                inputs += found.sorted().map { .file($0) }
            } else if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    errors.append(NianbaoError(.unreadable, file: path, "cannot open")); continue
                }
                for r in ExtractInput.jsonLines(handle) {
                    switch r {
                    case .success(let i): inputs.append(i)
                    case .failure(var e): e.file = path + ":" + e.file; errors.append(e)
                    }
                }
            } else if path.hasSuffix(".csv") {
                do { inputs += try table(path) } catch let e as NianbaoError { errors.append(e.at(path)) } catch {
                    errors.append(NianbaoError(.unreadable, file: path, "\(error)"))
                }
            } else {
                inputs.append(.file(path))
            }
        }
        return (inputs, errors)
    }

    static func relative(_ url: URL, to base: URL, display: String) -> String {
        let full = url.standardizedFileURL.path
        let root = base.standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return full }
        let rest = String(full.dropFirst(root.count + 1))
        return display.hasSuffix("/") ? display + rest : display + "/" + rest
    }

    /// A CSV of reports: columns id, unit, region, year, title, text, url, genre (text required).
    static func table(_ path: String) throws -> [ExtractInput] {
        let text = try TextDecoder.decode(try PlainText.readBytes(path: path), file: path).string
        let rows = CSV.parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let textColumn = header.firstIndex(of: "text") else {
            throw NianbaoError(.badArgument, file: path, "a CSV corpus needs a 'text' column (a manifest goes to --manifest)")
        }
        return rows.dropFirst().enumerated().compactMap { n, row in
            guard row.count > textColumn else { return nil }
            func v(_ name: String) -> String? {
                guard let i = header.firstIndex(of: name), i < row.count, !row[i].isEmpty else { return nil }
                return row[i]
            }
            let id = v("id") ?? "\(path):\(n + 2)"
            return .document(.init(id: id, unit: v("unit"), region: v("region"), year: v("year").flatMap { Int($0) },
                                    title: v("title"), text: row[textColumn], url: v("url"), genre: v("genre")))
        }
    }
}
