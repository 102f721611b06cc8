/// The one public error of Nianbao: a stable code, the file it concerns and a plain reason.
///
/// ```swift
/// throw NianbaoError(.binaryInput, file: "a.txt", "looks like a PDF (starts with %PDF-)")
/// ```
/// The CLI prints it as one line: `a.txt: binary-input: looks like a PDF (starts with %PDF-)`.
public struct NianbaoError: Error, CustomStringConvertible, Sendable, Hashable, Codable {
    /// Stable, documented error codes (kebab-case in output).
    public enum Code: String, Sendable, Codable, CaseIterable {
        case emptyInput = "empty-input"
        case binaryInput = "binary-input"
        case undecodable = "undecodable"
        case tooLarge = "too-large"
        case unsupportedFormat = "unsupported-format"
        case malformedDocument = "malformed-document"
        case missingTool = "missing-tool"
        case unreadable = "unreadable"
        case noText = "no-text"
        case icu = "icu"
        case badArgument = "bad-argument"
        case duplicateReport = "duplicate-report"
    }

    public var code: Code
    public var file: String
    public var reason: String

    public init(_ code: Code, file: String = "", _ reason: String) {
        self.code = code
        self.file = file
        self.reason = reason
    }

    /// The same error, attributed to `file` when it has none yet.
    public func at(_ file: String) -> NianbaoError {
        var e = self
        if e.file.isEmpty { e.file = file }
        return e
    }

    public var description: String {
        file.isEmpty ? "\(code.rawValue): \(reason)" : "\(file): \(code.rawValue): \(reason)"
    }
}
