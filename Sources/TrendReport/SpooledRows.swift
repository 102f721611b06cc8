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
        for row in rows {
            filling.append(row)
            count += 1
            if filling.count == chunkSize {
                chunks.append(try store.append(try BinaryRecord.encode(filling)))
                filling.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Every row, a chunk at a time, in append order.
    public func forEachChunk(_ body: ([Row]) throws -> Void) throws {
        for ref in chunks { try body(try BinaryRecord.decode([Row].self, from: try store.load(ref))) }
        if !filling.isEmpty { try body(filling) }
    }

    /// Every row, in append order (held whole: for tests and small corpora).
    public func all() throws -> [Row] {
        var out: [Row] = []
        try forEachChunk { out += $0 }
        return out
    }
}
