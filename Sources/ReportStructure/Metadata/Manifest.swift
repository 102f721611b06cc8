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
    /// The rows of a CSV manifest file, kept as its text (see `ManifestRows`).
    var rows: ManifestRows?

    public init(entries: [ManifestEntry] = []) {
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
        if let e = entries[standard] ?? rows?.entry(standard) { return e }
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
                return Manifest(entries: try JSONDecoder().decode([ManifestEntry].self, from: Data(trimmed.utf8)).map(resolved))
            } else if trimmed.hasPrefix("{") {
                return Manifest(entries: try trimmed.split(separator: "\n").map { resolved(try JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8))) })
            } else {
                var overflow: [ManifestEntry] = []
                var manifest = Manifest()
                manifest.rows = try ManifestRows.index(csv: text, base: base) { overflow.append($0) }
                for e in overflow { manifest.add(e) }
                return manifest
            }
        } catch let e as NianbaoError {
            throw e.at(path)
        } catch {
            throw NianbaoError(.badArgument, file: path, "cannot read the manifest: \(error)")
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
        try forEachRow(Array(text.utf8)) { _, row in try body(row); return true }
    }

    /// The rows of UTF-8 text from `start`, each with the offset it starts at, until `body`
    /// returns false. (The delimiters are ASCII, so bytes can be scanned as they are.)
    public static func forEachRow(_ bytes: [UInt8], from start: Int = 0, _ body: (Int, [String]) throws -> Bool) rethrows {
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var rowStart = start
        var i = start
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if quoted {
                if c == 0x22 {
                    if i < bytes.count && bytes[i] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case 0x22: quoted = true
            case 0x2C: endField()
            case 0x0D: continue
            case 0x0A:
                endField()
                guard try body(rowStart, row) else { return }
                row.removeAll(keepingCapacity: true)
                rowStart = i
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { endField(); _ = try body(rowStart, row) }
    }

    /// One CSV field, quoted when it must be.
    public static func field(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
