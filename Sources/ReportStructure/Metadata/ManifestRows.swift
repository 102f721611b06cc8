import Foundation
import ReportText

/// A CSV manifest held as its text and an index from a hash of each row's path to where the row
/// starts: a row is parsed again when a file asks for it. A manifest of forty thousand reports
/// then takes about 80 bytes a row instead of a parsed entry of several hundred, so the map
/// stage's memory hardly grows with the corpus.
struct ManifestRows: Sendable {
    let bytes: [UInt8]
    let columns: [String]
    let pathColumn: Int
    /// The manifest's folder: row paths are relative to it.
    let base: String
    /// Row offset by the FNV-1a hash of the row's standardised path (the first row of a path).
    var offsets: [UInt64: Int] = [:]

    /// Indexes `csv`; rows whose path hashes like an earlier, different path's go to `overflow`
    /// as entries (with 64-bit hashes, practically never).
    static func index(csv: String, base: String, overflow: (ManifestEntry) -> Void) throws -> ManifestRows {
        let bytes = Array(csv.utf8)
        var header: [String] = []
        CSV.forEachRow(bytes) { _, row in header = row.map { $0.trimmingCharacters(in: .whitespaces) }; return false }
        guard let pathColumn = header.firstIndex(of: "path") else {
            throw NianbaoError(.badArgument, "the manifest has no 'path' column")
        }
        var rows = ManifestRows(bytes: bytes, columns: header, pathColumn: pathColumn, base: base)
        var offsets: [UInt64: Int] = [:]
        var first = true
        CSV.forEachRow(bytes) { start, row in
            defer { first = false }
            guard !first, let e = rows.entry(row) else { return true }
            let h = hash(e.path)
            if let seen = offsets[h] {
                if rows.entry(at: seen)?.path != e.path { overflow(e) }
            } else {
                offsets[h] = start
            }
            return true
        }
        rows.offsets = offsets
        return rows
    }

    func entry(_ standardPath: String) -> ManifestEntry? {
        guard let offset = offsets[Self.hash(standardPath)], let e = entry(at: offset), e.path == standardPath else { return nil }
        return e
    }

    func entry(at offset: Int) -> ManifestEntry? {
        var out: ManifestEntry? = nil
        CSV.forEachRow(bytes, from: offset) { _, row in out = entry(row); return false }
        return out
    }

    /// A row as an entry, its path made absolute; nil for a row without a path.
    func entry(_ row: [String]) -> ManifestEntry? {
        guard row.count > pathColumn && !row[pathColumn].isEmpty else { return nil }
        func value(_ name: String) -> String? {
            guard let i = columns.firstIndex(of: name), i < row.count else { return nil }
            let v = row[i].trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }
        let path = row[pathColumn]
        return ManifestEntry(path: path.hasPrefix("/") ? path : Manifest.standardized(path, base: base), unit: value("unit"),
                             region: value("region"), year: value("year").flatMap { Int($0) }, genre: value("genre"),
                             reviewYear: value("reviewYear").flatMap { Int($0) },
                             planYear: value("planYear").flatMap { Int($0) }, title: value("title"))
    }

    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
