import Foundation
import ReportText

/// A PDF → its text layer, through poppler's `pdftotext -layout` when it is installed.
public enum PDFText {
    public static func extract(path: String, bytes: [UInt8]) throws -> String {
        guard let tool = executable("pdftotext") else {
            throw NianbaoError(.missingTool, "reading PDF needs pdftotext: install poppler-utils (apt-get install -y poppler-utils)")
        }
        // Standard input or any other non-file source goes through a temporary copy.
        var input = path
        var temporary: URL?
        if path == "-" || !FileManager.default.fileExists(atPath: path) {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).pdf")
            try Data(bytes).write(to: url)
            input = url.path
            temporary = url
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + InputLimits.pdfTimeoutSeconds
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw NianbaoError(.malformedDocument, "pdftotext did not finish within \(Int(InputLimits.pdfTimeoutSeconds)) s")
        }
        if process.terminationStatus != 0 {
            throw NianbaoError(.malformedDocument, "pdftotext failed (exit \(process.terminationStatus)): damaged or encrypted PDF")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw NianbaoError(.noText, "the PDF has no text layer (a scan? run OCR first)")
        }
        return text
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
