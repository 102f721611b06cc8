import Foundation
import ReportStructure
import ReportText

/// A set of output files committed together: each is written to a staging folder inside the
/// output folder as soon as it is ready (so a large run does not hold its outputs in memory),
/// then all are renamed into place with interrupt signals held back, so an interrupted run
/// leaves either the previous file or the new one — never half a file. Files a previous run
/// wrote that this run does not are removed (the list is kept in `.nianbao-files`).
///
/// ```swift
/// let output = try OutputSet(out: URL(fileURLWithPath: "notebooks-out"))
/// try output.add("index.md", Data("# …".utf8))   // from any thread
/// try output.commit()
/// ```
public final class OutputSet: @unchecked Sendable {
    public let out: URL
    let staging: URL
    /// The staged paths, sorted on disk: a run writes a few files per unit, tens of thousands in all.
    private let paths: SortedSpool<String>

    /// Prepares the output folder: creates it, and clears staging folders an interrupted run left.
    public init(out: URL) throws {
        self.out = out
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        for name in (try? fm.contentsOfDirectory(atPath: out.path)) ?? [] where name.hasPrefix(".staging-") {
            try? fm.removeItem(at: out.appendingPathComponent(name))
        }
        paths = try SortedSpool(by: { $0 < $1 })
        staging = out.appendingPathComponent(".staging-\(getpid())")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        // Files are staged as the run goes: an interrupt must not leave them behind.
        SignalGuard.removeOnInterrupt(staging.path)
    }

    /// Stages one file (`path` relative to the output folder). Safe to call from many threads.
    public func add(_ path: String, _ data: Data) throws {
        let url = staging.appendingPathComponent(path)
        try SignalGuard.holding {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try paths.append(path)
    }

    /// Stages one file whose content comes in pieces (buffered, written as it grows).
    public func add(_ path: String, content: StreamedContent) throws {
        try add(path, content: content, listed: true)
    }

    /// `listed`: a file of the run (renamed into place at the commit), not the run's own list.
    func add(_ path: String, content: StreamedContent, listed: Bool) throws {
        let url = staging.appendingPathComponent(path)
        let handle = try SignalGuard.holding { () throws -> FileHandle in
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
                throw NianbaoError(.unreadable, file: url.path, "cannot create the output file")
            }
            return handle
        }
        defer { try? handle.close() }
        var buffer = Data()
        try content { piece in
            buffer.append(piece)
            if buffer.count >= 1 << 20 { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
        }
        try handle.write(contentsOf: buffer)
        if listed { try paths.append(path) }
    }

    /// Renames every staged file into place; interrupt signals are held back meanwhile.
    public func commit() throws {
        try SignalGuard.holding { try commitHeld() }
    }

    /// Drops what was staged (a run that fails before its commit).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        SignalGuard.keepOnInterrupt(staging.path)
    }

    func commitHeld() throws {
        let fm = FileManager.default
        defer { discard() }
        let listURL = out.appendingPathComponent(".nianbao-files")
        // Files of the previous run that this run does not write: those not staged now.
        let stale = try SpooledRows<String>()
        if let previous = FileHandle(forReadingAtPath: listURL.path) {
            defer { try? previous.close() }
            for line in LineReader(previous) {
                let old = String(decoding: line, as: UTF8.self)
                if !old.isEmpty && !old.contains("..") && !fm.fileExists(atPath: staging.appendingPathComponent(old).path) {
                    try stale.append(old)
                }
            }
        }
        try add(".nianbao-files", content: { write in
            try paths.forEach { path in
                let target = out.appendingPathComponent(path)
                try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                    throw NianbaoError(.unreadable, file: target.path, "cannot move the output into place: \(String(cString: strerror(errno)))")
                }
                try write(Data((path + "\n").utf8))
            }
        }, listed: false)
        _ = rename(staging.appendingPathComponent(".nianbao-files").path, listURL.path)
        try stale.forEach { old in
            let file = out.appendingPathComponent(old)
            try? fm.removeItem(at: file)
            // A unit that is gone leaves no empty folder (rmdir fails, harmlessly, on a full one).
            if old.contains("/") { _ = rmdir(file.deletingLastPathComponent().path) }
        }
    }
}

/// Interrupts (SIGINT, SIGTERM, SIGHUP) for a run that writes outputs. Outside a critical
/// section they end the process at once, after removing the staging folders registered (no
/// output was touched then). Inside one — a commit (milliseconds long), or a staged file or
/// folder being created — they are held and take effect when it ends; sections asked for after
/// that never start, so nothing recreates a staging folder while it goes. Signals are received
/// through dispatch sources, so no thread of the pool can be killed mid-commit.
public enum SignalGuard {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var pending: Int32? = nil
    nonisolated(unsafe) private static var ending = false
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var removable: Set<String> = []

    /// Routes the signals through this guard (call once, early).
    public static func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { received(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// A folder to remove if the process is interrupted.
    public static func removeOnInterrupt(_ path: String) {
        lock.lock(); removable.insert(path); lock.unlock()
    }

    public static func keepOnInterrupt(_ path: String) {
        lock.lock(); removable.remove(path); lock.unlock()
    }

    static func received(_ sig: Int32) {
        lock.lock()
        if depth > 0 { pending = sig; lock.unlock(); return }
        ending = true
        lock.unlock()
        end(sig)
    }

    /// Runs `body` with interrupts held back.
    public static func holding<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        // The process is ending: this section must not start (the exit is moments away).
        while ending { lock.unlock(); pause(); lock.lock() }
        depth += 1
        lock.unlock()
        defer {
            lock.lock()
            depth -= 1
            let sig = depth == 0 ? pending : nil
            if sig != nil { ending = true }
            lock.unlock()
            if let sig { end(sig) }
        }
        return try body()
    }

    private static func end(_ sig: Int32) -> Never {
        lock.lock()
        let folders = removable.sorted()
        lock.unlock()
        for path in folders { try? FileManager.default.removeItem(atPath: path) }
        exit(128 + sig)
    }
}
