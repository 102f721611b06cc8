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
        for r in stream(paths, manifestPath: manifestPath) {
            switch r {
            case .success(let i): inputs.append(i)
            case .failure(let e): errors.append(e)
            }
        }
        return (inputs, errors)
    }

    /// The same inputs, one at a time: documents of JSON Lines tables and stdin are read as they
    /// are asked for, so a corpus streamed in never sits in memory whole.
    public static func stream(_ paths: [String], manifestPath: String?) -> AnyIterator<Result<ExtractInput, NianbaoError>> {
        let skip = Set([manifestPath].compactMap { $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var remaining = paths[...]
        var current: AnyIterator<Result<ExtractInput, NianbaoError>>? = nil
        return AnyIterator {
            while true {
                if let next = current?.next() { return next }
                guard let path = remaining.popFirst() else { return nil }
                current = source(path, skip: skip)
            }
        }
    }

    /// The inputs one path stands for.
    static func source(_ path: String, skip: Set<String>) -> AnyIterator<Result<ExtractInput, NianbaoError>> {
        func list(_ items: [Result<ExtractInput, NianbaoError>]) -> AnyIterator<Result<ExtractInput, NianbaoError>> {
            AnyIterator(items.makeIterator())
        }
        if path == "-" { return ExtractInput.jsonLines(FileHandle.standardInput) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return list([.failure(NianbaoError(.unreadable, file: path, "no such file or folder"))])
        }
        if isDir.boolValue {
            let base = URL(fileURLWithPath: path)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return list([]) }
            var found: [String] = []
            for case let url as URL in walker {
                let ext = url.pathExtension.lowercased()
                let name = url.lastPathComponent.lowercased()
                guard reportExtensions.contains(ext), !name.hasPrefix("readme"), !name.hasPrefix("manifest"),
                      !skip.contains(url.standardizedFileURL.path),
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                found.append(relative(url, to: base, display: path))
            }
            return list(found.sorted().map { .success(.file($0)) })
        }
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return list([.failure(NianbaoError(.unreadable, file: path, "cannot open"))])
            }
            let lines = ExtractInput.jsonLines(handle)
            return AnyIterator {
                guard let r = lines.next() else { return nil }
                if case .failure(var e) = r { e.file = path + ":" + e.file; return .failure(e) }
                return r
            }
        }
        if path.hasSuffix(".csv") {
            do { return list(try table(path).map { .success($0) }) } catch let e as NianbaoError { return list([.failure(e.at(path))]) } catch {
                return list([.failure(NianbaoError(.unreadable, file: path, "\(error)"))])
            }
        }
        return list([.success(.file(path))])
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
