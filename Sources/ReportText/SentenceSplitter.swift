/// Sentences: ICU's sentence break iterator, plus the breaks Chinese reports need that it does
/// not make: after ；/; and at every line break (headings end at the line).
///
/// Not thread-safe (it owns an ICU iterator): give each worker its own.
public final class SentenceSplitter {
    private let breaker: ICUBreaker

    public init() throws {
        breaker = try ICUBreaker(.sentence)
    }

    /// Sentence ranges (UTF-16 offsets into `text.units`), trimmed of spaces, never empty.
    public func sentences(_ text: NormalizedText) throws -> [Range<Int>] {
        try sentences(text.units[...])
    }

    public func sentences(_ units: ArraySlice<UInt16>) throws -> [Range<Int>] {
        var out: [Range<Int>] = []
        let base = units.startIndex
        var lineStart = base
        func add(_ a: Int, _ b: Int) {
            var a = a, b = b
            while a < b && Self.isSpace(units[a]) { a += 1 }
            while b > a && Self.isSpace(units[b - 1]) { b -= 1 }
            if a < b { out.append(a..<b) }
        }
        // Lines first (cheap), then ICU within each line, then semicolons.
        for i in base...units.endIndex where i == units.endIndex || units[i] == 0x0A {
            let line = units[lineStart..<i]
            if !line.isEmpty {
                var prev = 0
                for b in try breaker.boundaries(line) {
                    var a = lineStart + prev
                    let end = lineStart + Int(b)
                    var k = a
                    while k < end {
                        if units[k] == 0xFF1B || units[k] == 0x3B {  // ； ;
                            add(a, k + 1)
                            a = k + 1
                        }
                        k += 1
                    }
                    add(a, end)
                    prev = Int(b)
                }
            }
            lineStart = i + 1
        }
        return out
    }

    static func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x0A || u == 0x09 || u == 0x3000 }
}
