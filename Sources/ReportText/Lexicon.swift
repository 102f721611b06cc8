import Foundation

/// A word list in jieba's user-dictionary format, held as a trie over UTF-16 units.
///
/// One entry a line: `word [freq] [tag]`, fields separated by spaces; `#` starts a comment.
/// ```swift
/// var lexicon = try Lexicon.builtIn()            // the shipped government lexicon
/// try lexicon.add(contentsOf: URL(fileURLWithPath: "my.dict"))
/// lexicon.contains("领导小组")                     // true
/// ```
/// A position is first asked of a small bitmap of words' first two UTF-16 units (most stop there,
/// without touching the trie); then the first unit is looked up in a table indexed by it, each
/// later one with a hash probe.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        public var word: String
        public var frequency: Int?
        public var tag: String?
    }

    private var children = ChildTable()
    private var terminal: [Bool] = [false]
    /// The trie node a word's first UTF-16 unit leads to, by unit; 0 (the root) when no word
    /// starts with it.
    private var roots = [Int32](repeating: 0, count: 1 << 16)
    /// Bits set by words' first two units, hashed (`pairBit`): 8 KB, so it stays in cache.
    private var pairs = [UInt64](repeating: 0, count: 1024)
    /// Longest word, in UTF-16 units.
    public private(set) var maxLength = 0
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    /// The lexicon shipped with Nianbao (`Resources/lexicon/*.dict`).
    public static func builtIn() throws -> Lexicon {
        var lexicon = Lexicon()
        for url in try ResourceFiles.urls(in: "lexicon", ext: "dict", bundle: .module) {
            try lexicon.add(contentsOf: url)
        }
        return lexicon
    }

    public mutating func add(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NianbaoError(.unreadable, file: url.path, "cannot read the dictionary: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NianbaoError(.undecodable, file: url.path, "a dictionary must be UTF-8")
        }
        for entry in Self.parse(text) { insert(entry.word) }
    }

    /// Parses jieba's user-dictionary format; blank lines and `#` comments are skipped.
    public static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let word = fields.first else { continue }
            var entry = Entry(word: String(word), frequency: nil, tag: nil)
            if fields.count > 1 { entry.frequency = Int(fields[1]) }
            if fields.count > 2 { entry.tag = String(fields[2]) }
            if entry.frequency == nil && fields.count > 1 { entry.tag = String(fields[1]) }
            entries.append(entry)
        }
        return entries
    }

    public mutating func insert(_ word: String) {
        let units = Array(word.utf16)
        guard units.count >= 2 else { return }
        let bit = Self.pairBit(units[0], units[1])
        pairs[bit >> 6] |= 1 << UInt64(bit & 63)
        if roots[Int(units[0])] == 0 {
            roots[Int(units[0])] = Int32(terminal.count)
            terminal.append(false)
        }
        var node = roots[Int(units[0])]
        for u in units.dropFirst() {
            let key = UInt64(UInt32(node)) << 16 | UInt64(u)
            if let next = children.find(key) {
                node = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(false)
                children.insert(key, next)
                node = next
            }
        }
        if !terminal[Int(node)] { count += 1 }
        terminal[Int(node)] = true
        maxLength = max(maxLength, units.count)
    }

    public func contains(_ word: String) -> Bool {
        let units = Array(word.utf16)
        var found = false
        units.withUnsafeBufferPointer { b in
            matches(in: b, from: 0, limit: b.count) { end in if end == b.count { found = true } }
        }
        return found
    }

    /// Appends every word occurrence `(start, end)` inside `[start, end)`, ordered by start then end.
    public func allMatches(in units: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                           into out: inout [(Int, Int)]) {
        pairs.withUnsafeBufferPointer { pairs in
            roots.withUnsafeBufferPointer { roots in
                terminal.withUnsafeBufferPointer { terminal in
                    children.withTable { table in
                        for p in start..<end - 1 {
                            let bit = Self.pairBit(units[p], units[p + 1])
                            if pairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue }
                            var node = roots[Int(units[p])]
                            var i = p + 1
                            while i < end, let next = table.find(UInt64(UInt32(node)) << 16 | UInt64(units[i])) {
                                node = next
                                i += 1
                                if terminal[Int(node)] { out.append((p, i)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A 16-bit hash of a word's first two units.
    @inline(__always)
    static func pairBit(_ a: UInt16, _ b: UInt16) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b)) &* 0x9E37_79B1) >> 16)
    }

    /// Calls `body` with the end of every word that starts at `start` and ends by `limit`.
    @inline(__always)
    public func matches(in units: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int, _ body: (Int) -> Void) {
        var node = roots[Int(units[start])]
        guard node != 0 else { return }
        var i = start + 1
        while i < limit {
            guard let next = children.find(UInt64(UInt32(node)) << 16 | UInt64(units[i])) else { return }
            node = next
            i += 1
            if terminal[Int(node)] { body(i) }
        }
    }
}

/// Trie edges (parent node, UTF-16 unit) → child node in an open-addressing table: one
/// multiply and usually one probe per lookup, several times cheaper than `Dictionary`'s hashing.
struct ChildTable: Sendable {
    private var keys = [UInt64](repeating: .max, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var used = 0

    @inline(__always)
    private func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    @inline(__always)
    func find(_ key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == .max { return nil }
            i = (i + 1) & mask
        }
    }

    /// Read access without per-lookup retain/release of the arrays, for hot loops.
    struct Unsafe {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<Int32>

        @inline(__always)
        func find(_ key: UInt64) -> Int32? {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == .max { return nil }
                i = (i + 1) & mask
            }
        }
    }

    func withTable<R>(_ body: (Unsafe) -> R) -> R {
        keys.withUnsafeBufferPointer { k in values.withUnsafeBufferPointer { v in body(Unsafe(keys: k, values: v)) } }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (used + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key, mask)
        while keys[i] != .max && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == .max { used += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != .max }
        keys = [UInt64](repeating: .max, count: keys.count * 2)
        values = [Int32](repeating: 0, count: values.count * 2)
        used = 0
        for (k, v) in old { insert(k, v) }
    }
}

/// Locates the data files shipped in a module's `Resources/` folder.
public enum ResourceFiles {
    public static func urls(in folder: String, ext: String, bundle: Bundle) throws -> [URL] {
        // Foundation on Linux reports either the bundle or its Resources folder as resourceURL.
        let roots = [bundle.resourceURL, bundle.resourceURL?.appendingPathComponent("Resources"),
                     bundle.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        guard let base = roots.map({ $0.appendingPathComponent(folder) })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw NianbaoError(.unreadable, file: bundle.bundlePath,
                               "the resource folder \(folder) is missing from the build")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: base.path) } catch {
            throw NianbaoError(.unreadable, file: base.path, "the resource folder is missing from the build")
        }
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { base.appendingPathComponent($0) }
    }
}

extension ResourceFiles {
    /// A SHA-256 over every file of a bundle's resources (relative path and content, in path
    /// order): what changes when a cue list or lexicon is edited, so caches can tell.
    public static func digest(bundle: Bundle) -> String {
        let root = bundle.bundleURL
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        var bytes: [UInt8] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            bytes += Array(path.utf8) + [0] + Array(data) + [0]
        }
        return SHA256.hex(bytes)
    }

    /// This module's data files (lexicons, normalisation lists).
    public static let textDigest = digest(bundle: .module)

    /// The non-comment lines of every `*.ext` file in a resource folder, in file-name order.
    /// Comments start with `#`; surrounding white space is trimmed.
    public static func lines(in folder: String, ext: String = "txt", bundle: Bundle) throws -> [String] {
        try lines(of: try urls(in: folder, ext: ext, bundle: bundle))
    }

    /// The non-comment lines of one resource file, e.g. `"cues/problem.txt"`.
    public static func lines(file: String, bundle: Bundle) throws -> [String] {
        let folder = (file as NSString).deletingLastPathComponent
        let name = (file as NSString).lastPathComponent
        let url = try urls(in: folder.isEmpty ? "." : folder, ext: (name as NSString).pathExtension, bundle: bundle)
            .first { $0.lastPathComponent == name }
        guard let url else {
            throw NianbaoError(.unreadable, file: file, "the resource file is missing from the build")
        }
        return try lines(of: [url])
    }

    static func lines(of files: [URL]) throws -> [String] {
        var out: [String] = []
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            for raw in text.split(whereSeparator: \.isNewline) {
                let line = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                    .trimmingCharacters(in: .whitespaces)
                if !line.isEmpty { out.append(line) }
            }
        }
        return out
    }
}
