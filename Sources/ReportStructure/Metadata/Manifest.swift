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
    public var entries: [String: ManifestEntry]

    public init(entries: [ManifestEntry] = []) {
        self.entries = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The entry for a file, matched by its path relative to the manifest's folder or by its name.
    public func entry(for path: String) -> ManifestEntry? {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        if let e = entries[standard] { return e }
        return entries.values.first { standard.hasSuffix("/" + $0.path) }
            ?? entries[(path as NSString).lastPathComponent]
    }

    public static func load(path: String) throws -> Manifest {
        let bytes = try PlainText.readBytes(path: path)
        let text = try TextDecoder.decode(bytes, file: path).string
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var entries: [ManifestEntry]
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            if trimmed.hasPrefix("[") {
                entries = try JSONDecoder().decode([ManifestEntry].self, from: Data(trimmed.utf8))
            } else if trimmed.hasPrefix("{") {
                entries = try trimmed.split(separator: "\n").map { try JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8)) }
            } else {
                entries = try fromCSV(text)
            }
        } catch let e as NianbaoError {
            throw e.at(path)
        } catch {
            throw NianbaoError(.badArgument, file: path, "cannot read the manifest: \(error)")
        }
        // Paths are relative to the manifest; keep both forms so either lookup works.
        entries = entries.map { e in
            var e = e
            if !e.path.hasPrefix("/") { e.path = base.appendingPathComponent(e.path).standardizedFileURL.path }
            return e
        }
        return Manifest(entries: entries)
    }

    static func fromCSV(_ text: String) throws -> [ManifestEntry] {
        let rows = CSV.parse(text)
        guard let header = rows.first else { return [] }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pathColumn = columns.firstIndex(of: "path") else {
            throw NianbaoError(.badArgument, "the manifest has no 'path' column")
        }
        return rows.dropFirst().filter { $0.count > pathColumn && !$0[pathColumn].isEmpty }.map { row in
            func value(_ name: String) -> String? {
                guard let i = columns.firstIndex(of: name), i < row.count else { return nil }
                let v = row[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            return ManifestEntry(path: row[pathColumn], unit: value("unit"), region: value("region"),
                                 year: value("year").flatMap { Int($0) }, genre: value("genre"),
                                 reviewYear: value("reviewYear").flatMap { Int($0) },
                                 planYear: value("planYear").flatMap { Int($0) }, title: value("title"))
        }
    }
}

/// RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes.
public enum CSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
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
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// One CSV field, quoted when it must be.
    public static func field(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
