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

    public func commit(to out: URL) throws {
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

        SignalGuard.hold {
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

/// Holds SIGINT and SIGTERM back while a short critical section runs; a signal that arrives
/// meanwhile is delivered right after.
public enum SignalGuard {
    public static func hold(_ body: () -> Void) {
        var block = sigset_t(), old = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGINT)
        sigaddset(&block, SIGTERM)
        sigaddset(&block, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &block, &old)
        body()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}
