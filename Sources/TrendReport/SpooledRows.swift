import Foundation

/// Rows that grow with the corpus (one per unit and year, one per input) but are only read at
/// the end, in order: kept on disk in chunks (in a `RecordStore`, so an unlinked temporary
/// file), with one chunk in memory while it fills. Appends in order, from one thread.
///
/// ```swift
/// let rows = try SpooledRows<CompareRow>()
/// try rows.append(contentsOf: unitRows)
/// try rows.forEachChunk { chunk in … }   // in append order
/// ```
public final class SpooledRows<Row: Codable & Sendable>: @unchecked Sendable {
    private let store: RecordStore
    private var chunks: [RecordStore.Ref] = []
    private var filling: [Row] = []
    public private(set) var count = 0
    let chunkSize: Int

    public init(chunkSize: Int = 512) throws {
        store = try RecordStore()
        self.chunkSize = chunkSize
    }

    public var isEmpty: Bool { count == 0 }

    public func append(contentsOf rows: some Sequence<Row>) throws {
        for row in rows { try append(row) }
    }

    public func append(_ row: Row) throws {
        filling.append(row)
        count += 1
        if filling.count == chunkSize {
            chunks.append(try store.append(try BinaryRecord.encode(filling)))
            filling.removeAll(keepingCapacity: true)
        }
    }

    /// Every row, a chunk at a time, in append order.
    public func forEachChunk(_ body: ([Row]) throws -> Void) throws {
        for ref in chunks { try body(try BinaryRecord.decode([Row].self, from: try store.load(ref))) }
        if !filling.isEmpty { try body(filling) }
    }

    /// Every row, in append order.
    public func forEach(_ body: (Row) throws -> Void) throws {
        try forEachChunk { try $0.forEach(body) }
    }

    /// Every row, in append order (held whole: for tests and small corpora).
    public func all() throws -> [Row] {
        var out: [Row] = []
        try forEachChunk { out += $0 }
        return out
    }
}

/// Rows appended in any order and read back sorted, with memory bounded by one run, not by
/// the number of rows: an external merge sort. Every `runSize` rows are sorted and spooled as a
/// run; reading merges the runs, a chunk of each at a time. Rows that compare equal come back in
/// append order. Appends are safe from many threads.
///
/// ```swift
/// let paths = try SortedSpool<String>(by: <)
/// try paths.append("b"); try paths.append("a")
/// try paths.forEach { print($0) }   // a, b
/// ```
public final class SortedSpool<Row: Codable & Sendable>: @unchecked Sendable {
    private let store: RecordStore
    /// Each run is its chunks, in order.
    private var runs: [[RecordStore.Ref]] = []
    private var filling: [Row] = []
    private let runSize: Int, chunkSize: Int
    private let before: @Sendable (Row, Row) -> Bool
    private let lock = NSLock()
    private var appended = 0

    public init(runSize: Int = 8192, chunkSize: Int = 256, by areInIncreasingOrder: @escaping @Sendable (Row, Row) -> Bool) throws {
        store = try RecordStore()
        self.runSize = max(1, runSize)
        self.chunkSize = max(1, chunkSize)
        before = areInIncreasingOrder
    }

    public var count: Int { lock.lock(); defer { lock.unlock() }; return appended }

    public func append(_ row: Row) throws {
        lock.lock(); defer { lock.unlock() }
        filling.append(row)
        appended += 1
        if filling.count == runSize { try spill() }
    }

    public func append(contentsOf rows: some Sequence<Row>) throws {
        for row in rows { try append(row) }
    }

    /// Sorts the rows in memory (ties by append order) and writes them out as a run.
    private func spill() throws {
        let sorted = filling.indices.sorted { i, j in
            before(filling[i], filling[j]) || (!before(filling[j], filling[i]) && i < j)
        }
        var chunks: [RecordStore.Ref] = []
        for start in stride(from: 0, to: sorted.count, by: chunkSize) {
            let chunk = sorted[start..<min(start + chunkSize, sorted.count)].map { filling[$0] }
            chunks.append(try store.append(try BinaryRecord.encode(chunk)))
        }
        runs.append(chunks)
        filling.removeAll(keepingCapacity: true)
    }

    /// Every row, in order. Call once all rows are in (not concurrently with `append`).
    public func forEach(_ body: (Row) throws -> Void) throws {
        let pending: [[RecordStore.Ref]] = try {
            lock.lock(); defer { lock.unlock() }
            if !filling.isEmpty { try spill() }
            return runs
        }()
        var heads = try pending.map { try Cursor(store: store, chunks: $0) }
        while true {
            // The smallest head; on ties the earlier run, which holds the earlier appends.
            var best: Int? = nil
            for i in heads.indices {
                guard let row = heads[i].row else { continue }
                if let b = best, !before(row, heads[b].row!) { continue }
                best = i
            }
            guard let b = best else { return }
            try body(heads[b].row!)
            try heads[b].advance()
        }
    }

    /// Reads one run a chunk at a time.
    private struct Cursor {
        let store: RecordStore
        let chunks: [RecordStore.Ref]
        var chunk = -1
        var rows: [Row] = []
        var next = 0
        var row: Row? { next < rows.count ? rows[next] : nil }

        init(store: RecordStore, chunks: [RecordStore.Ref]) throws {
            self.store = store
            self.chunks = chunks
            try load()
        }

        mutating func advance() throws {
            next += 1
            if next == rows.count { try load() }
        }

        private mutating func load() throws {
            chunk += 1
            next = 0
            rows = chunk < chunks.count ? try BinaryRecord.decode([Row].self, from: try store.load(chunks[chunk])) : []
        }
    }
}
