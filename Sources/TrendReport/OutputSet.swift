import Foundation
import ReportStructure

/// A set of output files committed together: each is written to a staging folder inside the
/// output folder, then renamed into place with interrupt signals held back, so an interrupted
/// run leaves either the previous file or the new one — never half a file. Files a previous run
/// wrote that this run does not are removed (the list is kept in `.nianbao-files`).
public struct OutputSet {
    public var files: [(path: String, data: Data)] = []

    public init() {}

    public mutating func add(_ path: String, _ data: Data) { files.append((path, data)) }

    /// Writes the set; interrupt signals are held back for the whole commit (it takes
    /// milliseconds), so an interrupted run leaves the previous outputs and no staging files.
    public func commit(to out: URL) throws {
        var failure: Error?
        SignalGuard.hold {
            do { try commitHeld(to: out) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func commitHeld(to out: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        // Leftovers of an interrupted run are only ever staging folders: clear them.
        for name in (try? fm.contentsOfDirectory(atPath: out.path)) ?? [] where name.hasPrefix(".staging-") {
            try? fm.removeItem(at: out.appendingPathComponent(name))
        }
        let staging = out.appendingPathComponent(".staging-\(getpid())")
        defer { try? fm.removeItem(at: staging) }
        for (i, f) in files.enumerated() {
            let url = staging.appendingPathComponent(String(i))
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try f.data.write(to: url)
        }
        let listURL = out.appendingPathComponent(".nianbao-files")
        let previous = ((try? String(contentsOf: listURL, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        let current = files.map(\.path)
        let list = current.sorted().joined(separator: "\n") + "\n"
        try Data(list.utf8).write(to: staging.appendingPathComponent("list"))

        do {
            for (i, f) in files.enumerated() {
                let target = out.appendingPathComponent(f.path)
                try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                _ = rename(staging.appendingPathComponent(String(i)).path, target.path)
            }
            _ = rename(staging.appendingPathComponent("list").path, listURL.path)
            for old in Set(previous).subtracting(current) where !old.contains("..") {
                try? fm.removeItem(at: out.appendingPathComponent(old))
            }
        }
    }
}

/// Interrupts (SIGINT, SIGTERM, SIGHUP) for a run that writes outputs: outside a critical
/// section they end the process at once (nothing half-written exists then); inside one (a
/// commit, milliseconds long) they are held and take effect when it ends. Signals are received
/// through dispatch sources, so no thread of the pool can be killed mid-commit.
public enum SignalGuard {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var pending: Int32? = nil
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

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

    static func received(_ sig: Int32) {
        lock.lock()
        if depth > 0 { pending = sig; lock.unlock(); return }
        lock.unlock()
        exit(128 + sig)
    }

    public static func hold(_ body: () -> Void) {
        lock.lock(); depth += 1; lock.unlock()
        body()
        lock.lock()
        depth -= 1
        let sig = depth == 0 ? pending : nil
        lock.unlock()
        if let sig { exit(128 + sig) }
    }
}
