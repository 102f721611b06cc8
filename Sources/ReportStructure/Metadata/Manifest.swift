import Foundation
import ReportText

/// What a corpus manifest says about one file; it overrides what the text suggests.
///
/// CSV with a header row, or JSON (an array of objects, or JSON Lines), with columns:
/// `path` (relative to the manifest), `unit`, `region`, `year` (the report's title year: the year
/// an OGI report covers, the year a work report is delivered), `genre`, and optionally
/// `reviewYear`, `planYear`, `title`.
public struct ManifestEntry: Codable, Hashable, Sendable {
    public var path: String
    public var unit: String?
    public var region: String?
    public var year: Int?
    public var genre: String?
    public var reviewYear: Int?
    public var planYear: Int?
    public var title: String?

    public init(path: String, unit: String? = nil, region: String? = nil, year: Int? = nil, genre: String? = nil,
                reviewYear: Int? = nil, planYear: Int? = nil, title: String? = nil) {
        self.path = path
        self.unit = unit
        self.region = region
        self.year = year
        self.genre = genre
        self.reviewYear = reviewYear
        self.planYear = planYear
        self.title = title
    }
}

public struct Manifest: Sendable {
    /// Entries by their absolute, standardised path (and by a plain file name when given so).
    public var entries: [String: ManifestEntry]

    public init(entries: some Sequence<ManifestEntry> = []) {
        self.entries = [:]
        for e in entries { add(e) }
    }

    /// Adds an entry; the first for a path wins.
    mutating func add(_ e: ManifestEntry) {
        if entries[e.path] == nil { entries[e.path] = e }
    }

    /// The entry for a file, matched by its path relative to the manifest's folder or by its name.
    public func entry(for path: String) -> ManifestEntry? {
        let standard = Self.standardized(path)
        if let e = entries[standard] { return e }
        return entries.values.first { standard.hasSuffix("/" + $0.path) }
            ?? entries[(path as NSString).lastPathComponent]
    }

    /// `path` made absolute (against `base`, or the current folder) without `.` and `..`
    /// components, as `URL.standardizedFileURL` gives it; plain paths, which manifests of large
    /// corpora are made of, are joined as strings, without a URL each.
    public static func standardized(_ path: String, base: String? = nil) -> String {
        let absolute = path.hasPrefix("/") ? path : (base ?? FileManager.default.currentDirectoryPath) + "/" + path
        let plain = !absolute.contains("//") && !absolute.contains("/./") && !absolute.contains("/../")
            && !absolute.hasSuffix("/.") && !absolute.hasSuffix("/..") && !absolute.hasSuffix("/")
        return plain ? absolute : URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    public static func load(path: String) throws -> Manifest {
        let bytes = try PlainText.readBytes(path: path)
        let text = try TextDecoder.decode(bytes, file: path).string
        let base = standardized(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        // Paths are relative to the manifest; keep both forms so either lookup works.
        func resolved(_ e: ManifestEntry) -> ManifestEntry {
            var e = e
            if !e.path.hasPrefix("/") { e.path = standardized(e.path, base: base) }
            return e
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            if trimmed.hasPrefix("[") {
                return Manifest(entries: try JSONDecoder().decode([ManifestEntry].self, from: Data(trimmed.utf8)).lazy.map(resolved))
            } else if trimmed.hasPrefix("{") {
                return Manifest(entries: try trimmed.split(separator: "\n").map { resolved(try JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8))) })
            } else {
                var manifest = Manifest()
                try fromCSV(text) { manifest.add(resolved($0)) }
                return manifest
            }
        } catch let e as NianbaoError {
            throw e.at(path)
        } catch {
            throw NianbaoError(.badArgument, file: path, "cannot read the manifest: \(error)")
        }
    }

    /// The rows of a CSV manifest, one at a time (a manifest of a large corpus is never held as
    /// a table of strings).
    static func fromCSV(_ text: String, _ body: (ManifestEntry) -> Void) throws {
        var columns: [String]? = nil, pathColumn = 0
        // Units, regions and genres repeat down the rows: one copy of each.
        var interned: [String: String] = [:]
        func intern(_ s: String?) -> String? {
            guard let s else { return nil }
            if let copy = interned[s] { return copy }
            interned[s] = s
            return s
        }
        try CSV.forEachRow(text) { row in
            guard let names = columns else {
                let names = row.map { $0.trimmingCharacters(in: .whitespaces) }
                guard let p = names.firstIndex(of: "path") else { throw NianbaoError(.badArgument, "the manifest has no 'path' column") }
                columns = names
                pathColumn = p
                return
            }
            guard row.count > pathColumn && !row[pathColumn].isEmpty else { return }
            func value(_ name: String) -> String? {
                guard let i = names.firstIndex(of: name), i < row.count else { return nil }
                let v = row[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            body(ManifestEntry(path: row[pathColumn], unit: intern(value("unit")), region: intern(value("region")),
                               year: value("year").flatMap { Int($0) }, genre: intern(value("genre")),
                               reviewYear: value("reviewYear").flatMap { Int($0) },
                               planYear: value("planYear").flatMap { Int($0) }, title: value("title")))
        }
    }
}

/// RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes.
public enum CSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        forEachRow(text) { rows.append($0) }
        return rows
    }

    /// The rows one at a time.
    public static func forEachRow(_ text: String, _ body: ([String]) throws -> Void) rethrows {
        var row: [String] = []
        var field = ""
        var quoted = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); try body(row); row.removeAll(keepingCapacity: true); field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); try body(row) }
    }

    /// One CSV field, quoted when it must be.
    public static func field(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
