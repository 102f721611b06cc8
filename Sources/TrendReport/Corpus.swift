import Foundation
import ReportStructure
import ReportText

/// Finds the reports of a corpus: folders (searched recursively, in name order), report files,
/// and tables of reports (CSV with a `text` column, or JSON Lines) with one report per row.
public enum CorpusDiscovery {
    /// Whether a file name is a report's: a report extension, and not a read-me or a manifest,
    /// which sit beside reports.
    static func isReport(name: String) -> Bool {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return false }
        return reportExtensions.contains(String(lower[lower.index(after: dot)...])) && !lower.hasPrefix("readme") && !lower.hasPrefix("manifest")
    }

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
        if path == "-" { return ExtractInput.jsonLines(FileHandle.standardInput, orOneReport: true) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return list([.failure(NianbaoError(.unreadable, file: path, "no such file or folder"))])
        }
        if isDir.boolValue { return AnyIterator(FolderWalk(path, skip: skip).lazy.map { .success(.file($0)) }.makeIterator()) }
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

/// The report files under a folder, recursively, in path order (as sorting every path would give
/// them: a folder's entries are ordered as if folder names ended in "/"), holding one listing
/// per level rather than the whole tree. Hidden entries are skipped; symbolic links to files
/// count as files, links to folders are not followed.
struct FolderWalk: Sequence, IteratorProtocol {
    let skip: Set<String>
    /// The open levels: a folder's entries (sorted) and the next one to visit.
    var levels: [(folder: String, shown: String, entries: [(name: String, isFolder: Bool)], next: Int)] = []

    init(_ path: String, skip: Set<String>) {
        self.skip = skip
        levels = [(path, path.hasSuffix("/") ? String(path.dropLast()) : path, Self.list(path), 0)]
    }

    static func list(_ folder: String) -> [(name: String, isFolder: Bool)] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var out: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            var st = stat()
            guard lstat(folder + "/" + name, &st) == 0 else { continue }
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                out.append((name, true))
            } else if kind == S_IFREG || (kind == S_IFLNK && stat(folder + "/" + name, &st) == 0 && st.st_mode & S_IFMT == S_IFREG) {
                if CorpusDiscovery.isReport(name: name) { out.append((name, false)) }
            }
        }
        return out.sorted { ($0.isFolder ? $0.name + "/" : $0.name) < ($1.isFolder ? $1.name + "/" : $1.name) }
    }

    mutating func next() -> String? {
        while let top = levels.last {
            guard top.next < top.entries.count else { levels.removeLast(); continue }
            let entry = top.entries[top.next]
            levels[levels.count - 1].next += 1
            let path = top.folder + "/" + entry.name, shown = top.shown + "/" + entry.name
            if entry.isFolder {
                levels.append((path, shown, Self.list(path), 0))
            } else if skip.isEmpty || !skip.contains(Manifest.standardized(path)) {
                return shown
            }
        }
        return nil
    }
}
