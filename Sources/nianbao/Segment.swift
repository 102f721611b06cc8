import ArgumentParser
import Foundation
import ReportText

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split Chinese text into words: one output line per input line, tokens separated by spaces.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(help: "Text files in any Chinese encoding; - or none for standard input.")
    var files: [String] = []

    @Option(help: "text: tokens per line; jsonl: one JSON object per sentence with offsets.")
    var format: Format = .text

    @OptionGroup var text: TextOptions

    func run() throws {
        let segmenter = try WordSegmenter(lexicon: try text.lexicon())
        let sentences = format == .jsonl ? try SentenceSplitter() : nil
        let out = BufferedOutput()
        var failed = 0
        for path in files.isEmpty ? ["-"] : files {
            do {
                let plain = try PlainText.read(path: path, normalizer: Normalizer(traditional: text.traditional))
                let tokens = try segmenter.tokens(plain.normalized)
                if let sentences {
                    try SegmentJSONL.write(plain, tokens, try sentences.sentences(plain.normalized), file: path, to: out)
                } else {
                    SegmentLines.write(plain, tokens, to: out)
                }
            } catch {
                report(error, file: path)
                failed += 1
            }
        }
        out.flush()
        if failed > 0 { throw ExitStatus.someInputsFailed }
    }
}

/// Default output: the original surface of each token, one output line per input line.
enum SegmentLines {
    /// One pass over the original: scalars inside tokens are copied as UTF-8, a space goes
    /// before each token that does not start its line, everything else (white space) is skipped.
    /// Bytes go out through a small buffer, flushed whenever a scalar might not fit.
    static func write(_ plain: PlainText, _ tokens: [Token], to out: BufferedOutput) {
        let original = plain.decoded.scalars
        let norm = plain.normalized
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        bytes.withUnsafeMutableBufferPointer { buf in
            var o = 0
            func room(_ n: Int) {
                if o + n > buf.count { out.append(bytes: UnsafeBufferPointer(rebasing: buf[0..<o])); o = 0 }
            }
            var t = 0
            var lineHasToken = false
            var i = 0
            while i < original.count {
                if original[i] == "\n" {
                    room(1)
                    buf[o] = 0x0A; o += 1
                    lineHasToken = false
                    i += 1
                    continue
                }
                while t < tokens.count && Int(norm.origin[Int(tokens[t].end) - 1]) < i { t += 1 }
                guard t < tokens.count else { i += 1; continue }
                let span = norm.originalSpan(of: tokens[t].range)
                if i < span.lowerBound { i += 1; continue }
                room(1)
                if lineHasToken { buf[o] = 0x20; o += 1 }
                lineHasToken = true
                for k in span {
                    room(4)
                    let v = original[k].value
                    if v < 0x80 {
                        buf[o] = UInt8(v); o += 1
                    } else if v < 0x800 {
                        buf[o] = UInt8(0xC0 | v >> 6); buf[o + 1] = UInt8(0x80 | v & 0x3F); o += 2
                    } else if v < 0x10000 {
                        buf[o] = UInt8(0xE0 | v >> 12); buf[o + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                        buf[o + 2] = UInt8(0x80 | v & 0x3F); o += 3
                    } else {
                        buf[o] = UInt8(0xF0 | v >> 18); buf[o + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                        buf[o + 2] = UInt8(0x80 | v >> 6 & 0x3F); buf[o + 3] = UInt8(0x80 | v & 0x3F); o += 4
                    }
                }
                i = span.upperBound
                t += 1
            }
            // A last line without a line break still ends with one in the output.
            room(1)
            if !original.isEmpty && original.last != "\n" { buf[o] = 0x0A; o += 1 }
            out.append(bytes: UnsafeBufferPointer(rebasing: buf[0..<o]))
        }
    }
}

/// `--format jsonl`: one object per sentence, offsets in Unicode scalars of the decoded original.
enum SegmentJSONL {
    static func write(_ plain: PlainText, _ tokens: [Token], _ sentences: [Range<Int>], file: String,
                      to out: BufferedOutput) throws {
        let norm = plain.normalized
        var t = 0
        for s in sentences {
            while t < tokens.count && Int(tokens[t].end) <= s.lowerBound { t += 1 }
            var items: [String] = []
            var k = t
            while k < tokens.count && Int(tokens[k].start) < s.upperBound {
                let span = norm.originalSpan(of: tokens[k].range)
                items.append("{\"end\":\(span.upperBound),\"kind\":\"\(tokens[k].kind)\",\"start\":\(span.lowerBound),\"text\":\(JSONText.quote(plain.decoded.text(span)))}")
                k += 1
            }
            let span = norm.originalSpan(of: s)
            out.append("{\"end\":\(span.upperBound),\"file\":\(JSONText.quote(file)),\"start\":\(span.lowerBound),\"text\":\(JSONText.quote(plain.decoded.text(span))),\"tokens\":[\(items.joined(separator: ","))]}\n")
        }
    }
}

/// Stdout in large writes: `print` per token is far too slow for a segmenter.
final class BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func append(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func append(bytes: UnsafeBufferPointer<UInt8>) {
        flush()
        FileHandle.standardOutput.write(Data(buffer: bytes))
    }

    func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
