import Foundation
import ReportStructure
import ReportText
#if canImport(Glibc)
import Glibc
#endif

/// Extracted records between the map and the reduce, kept on disk so that the reduce holds one
/// unit's reports at a time and memory does not grow with the corpus. The records live in one
/// temporary file that is unlinked as soon as it is open: the system reclaims it when the
/// process ends, however it ends. Appends are safe from many workers (each reserves its range
/// under a lock, then writes it on its own).
public final class RecordStore: @unchecked Sendable {
    /// Where one record is.
    public struct Ref: Sendable, Hashable, Codable {
        public let offset: Int
        public let length: Int
    }

    private let fd: Int32
    private var end = 0
    private let lock = NSLock()

    public init(directory: String = NSTemporaryDirectory()) throws {
        var template = Array((directory + "/nianbao-records-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw NianbaoError(.unreadable, file: directory, "cannot create a temporary file for records: \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Bytes written so far.
    public var size: Int { lock.lock(); defer { lock.unlock() }; return end }

    public func append(_ data: Data) throws -> Ref {
        lock.lock()
        let ref = Ref(offset: end, length: data.count)
        end += data.count
        lock.unlock()
        try data.withUnsafeBytes { buffer in
            try whole(ref, "write a record to") { done in pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(ref.offset + done)) }
        }
        return ref
    }

    public func load(_ ref: Ref) throws -> Data {
        var data = Data(count: ref.length)
        try data.withUnsafeMutableBytes { buffer in
            try whole(ref, "read a record back from") { done in pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(ref.offset + done)) }
        }
        return data
    }

    /// Repeats `io` (given the bytes done so far, it returns how many more it moved) until the
    /// record's bytes are all moved: pread and pwrite may stop short or be interrupted.
    private func whole(_ ref: Ref, _ what: String, _ io: (Int) -> Int) throws {
        var done = 0
        while done < ref.length {
            let n = io(done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw NianbaoError(.unreadable, "cannot \(what) the temporary store: \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// Stores what the reduce reads of a report (see `ExtractedReport.forReduce`), in the
    /// binary form only `report(_:)` reads.
    public func append(_ report: ExtractedReport) throws -> Ref {
        try append(try BinaryRecord.encode(report.forReduce))
    }

    public func report(_ ref: Ref) throws -> ExtractedReport {
        try BinaryRecord.decode(ExtractedReport.self, from: try load(ref))
    }
}

extension ExtractedReport {
    /// The record without what the reduce never reads, so that storing and loading it is cheap:
    /// the numbers inside items (passages parse their own) and the evidence of checks that
    /// passed (the trend lists failed checks only). The outline stays: text reuse leaves an OGI
    /// report's headings and tables out.
    public var forReduce: ExtractedReport {
        var r = self
        for i in r.items.indices { r.items[i].numbers = [] }
        r.checks = r.checks.filter { $0.status != .pass }
        return r
    }
}
