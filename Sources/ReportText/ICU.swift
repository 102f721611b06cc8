import CICU

/// Turns an ICU status into a thrown `NianbaoError` carrying ICU's error name.
@inline(__always)
func checkICU(_ status: Int32, _ what: String) throws {
    if nb_failed(status) != 0 {
        throw NianbaoError(.icu, "\(what) failed: \(String(cString: nb_error_name(status)))")
    }
}

/// An ICU break iterator (word or sentence) that hands over a text's boundaries in batches.
/// Not thread-safe: each worker owns its own.
final class ICUBreaker {
    enum Kind: Int32 { case word = 0, sentence = 1 }
    private let handle: OpaquePointer
    /// Boundaries a batch: small enough to stay in cache, whatever the text's length.
    private static let batch = 4096
    private var bounds = [Int32](repeating: 0, count: batch)
    private var rules = [Int32](repeating: 0, count: batch)

    init(_ kind: Kind, locale: String = "zh") throws {
        var status: Int32 = 0
        let h = nb_breaker_open(kind.rawValue, locale, &status)
        try checkICU(status, "ubrk_open")
        guard let h else { throw NianbaoError(.icu, "ubrk_open returned no iterator") }
        handle = h
    }

    deinit { nb_breaker_close(handle) }

    /// Calls `body` with each batch of boundaries after 0, in order (the last is `units.count`),
    /// and each one's rule status (ICU's UBRK_WORD_* ranges: <100 none, <200 number, <300 letter,
    /// <400 kana, <500 ideographic).
    func forEachBatch<C: ContiguousCollection>(
        _ units: C, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) throws -> Void
    ) throws where C.Element == UInt16 {
        try units.withContiguousStorage { text in
            var resume: Int32 = 0
            while true {
                var status: Int32 = 0
                let n = bounds.withUnsafeMutableBufferPointer { b in
                    rules.withUnsafeMutableBufferPointer { r in
                        nb_breaker_fill(handle, text.baseAddress, Int32(text.count), resume, b.baseAddress,
                                        r.baseAddress, Int32(b.count), &status)
                    }
                }
                try checkICU(status, "ubrk_setText")
                try bounds.withUnsafeBufferPointer { b in
                    try rules.withUnsafeBufferPointer { r in
                        try body(UnsafeBufferPointer(rebasing: b[0..<Int(n)]), UnsafeBufferPointer(rebasing: r[0..<Int(n)]))
                    }
                }
                if Int(n) < Self.batch { return }
                resume = 1
            }
        }
    }

    /// All boundaries after 0 of a short text (a line).
    func boundaries<C: ContiguousCollection>(_ units: C) throws -> [Int32] where C.Element == UInt16 {
        var all: [Int32] = []
        try forEachBatch(units) { b, _ in all.append(contentsOf: b) }
        return all
    }
}

/// `withContiguousStorageIfAvailable` that always succeeds, for arrays and array slices.
protocol ContiguousCollection: Collection {
    func withContiguousStorage<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R
}
extension Array: ContiguousCollection {
    func withContiguousStorage<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer(body)
    }
}
extension ArraySlice: ContiguousCollection {
    func withContiguousStorage<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer(body)
    }
}

/// An ICU transliterator such as `Traditional-Simplified`. Not thread-safe.
final class ICUTransliterator {
    private let handle: OpaquePointer

    init(_ id: String) throws {
        var status: Int32 = 0
        let h = nb_translit_open(id, &status)
        try checkICU(status, "utrans_open(\(id))")
        guard let h else { throw NianbaoError(.icu, "utrans_open(\(id)) returned nothing") }
        handle = h
    }

    deinit { nb_translit_close(handle) }

    func apply(_ units: [UInt16]) throws -> [UInt16] {
        if units.isEmpty { return units }
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let n = buffer.withUnsafeMutableBufferPointer {
                nb_translit_apply(handle, $0.baseAddress, Int32(units.count), Int32(capacity), &status)
            }
            if Int(n) > capacity { capacity = Int(n) + 16; continue }
            try checkICU(status, "utrans_transUChars")
            return Array(buffer[0..<Int(n)])
        }
    }
}

enum ICUCharset {
    /// Candidate charsets with ICU's confidence (0-100), best first.
    static func detect(_ bytes: ArraySlice<UInt8>) -> [(name: String, confidence: Int)] {
        let maxCandidates = 16
        var names = [CChar](repeating: 0, count: maxCandidates * Int(NB_CHARSET_NAME_LEN))
        var conf = [Int32](repeating: 0, count: maxCandidates)
        var status: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                nb_detect_charsets(c.baseAddress, Int32(c.count), &names, &conf, Int32(maxCandidates), &status)
            }
        }
        return (0..<Int(n)).map { i in
            let start = i * Int(NB_CHARSET_NAME_LEN)
            let name = names[start..<start + Int(NB_CHARSET_NAME_LEN)].withUnsafeBufferPointer {
                String(cString: $0.baseAddress!)
            }
            return (name, Int(conf[i]))
        }
    }

    /// Converts bytes to UTF-16; returns the units and how many sequences were malformed.
    static func convert(_ bytes: ArraySlice<UInt8>, from charset: String) throws -> (units: [UInt16], bad: Int) {
        var capacity = bytes.count * 2 + 16
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            var bad: Int32 = 0
            var status: Int32 = 0
            let n = bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { c in
                    out.withUnsafeMutableBufferPointer { o in
                        nb_convert_to_utf16(charset, c.baseAddress, Int32(c.count), o.baseAddress,
                                            Int32(capacity), &bad, &status)
                    }
                }
            }
            try checkICU(status, "ucnv_toUChars(\(charset))")
            if Int(n) > capacity { capacity = Int(n) + 16; continue }
            out.removeSubrange(Int(n)...)
            return (out, Int(bad))
        }
    }
}

extension TextDecoder {
    /// Encodes text in a charset ICU knows (GB18030, Big5, UTF-16LE …): the inverse of decoding,
    /// for writing legacy-encoded files.
    public static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        while true {
            var out = [CChar](repeating: 0, count: capacity)
            var status: Int32 = 0
            let n = nb_convert_from_utf16(charset, units, Int32(units.count), &out, Int32(capacity), &status)
            try checkICU(status, "ucnv_fromUChars(\(charset))")
            if Int(n) > capacity { capacity = Int(n) + 16; continue }
            return out[0..<Int(n)].map { UInt8(bitPattern: $0) }
        }
    }
}

enum ICUNormalizer {
    static func isNFKCInert(_ scalar: Unicode.Scalar) -> Bool {
        nb_nfkc_is_inert(Int32(scalar.value)) != 0
    }

    /// NFKC of one scalar (as UTF-16).
    static func nfkc(_ scalar: Unicode.Scalar) -> [UInt16] {
        let src = Array(String(scalar).utf16)
        var dst = [UInt16](repeating: 0, count: 32)
        var status: Int32 = 0
        let n = nb_nfkc(src, Int32(src.count), &dst, 32, &status)
        if nb_failed(status) != 0 || n > 32 { return src }
        return Array(dst[0..<Int(n)])
    }
}
