extension String {
    /// A string from UTF-16 code units, transcoded by hand into UTF-8: the standard library's
    /// `String(decoding:as: UTF16.self)` takes a slow, repairing path on Linux, and building the
    /// word strings of every sentence through it cost a tenth of a corpus run. Lone surrogates
    /// become U+FFFD, as there.
    public init<C: Collection>(utf16Units units: C) where C.Element == UInt16 {
        var it = units.makeIterator()
        var pending: UInt16? = nil
        self.init(unsafeUninitializedCapacity: units.count * 3) { out in
            var n = 0
            func put(_ scalar: UInt32) {
                switch scalar {
                case ..<0x80:
                    out[n] = UInt8(scalar); n += 1
                case ..<0x800:
                    out[n] = UInt8(0xC0 | scalar >> 6); out[n + 1] = UInt8(0x80 | scalar & 0x3F); n += 2
                case ..<0x10000:
                    out[n] = UInt8(0xE0 | scalar >> 12); out[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[n + 2] = UInt8(0x80 | scalar & 0x3F); n += 3
                default:
                    out[n] = UInt8(0xF0 | scalar >> 18); out[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    out[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F); out[n + 3] = UInt8(0x80 | scalar & 0x3F); n += 4
                }
            }
            while let u = pending ?? it.next() {
                pending = nil
                switch u {
                case 0xD800...0xDBFF:
                    if let low = it.next() {
                        if (0xDC00...0xDFFF).contains(low) {
                            put(0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(low - 0xDC00))
                        } else {
                            put(0xFFFD); pending = low
                        }
                    } else {
                        put(0xFFFD)
                    }
                case 0xDC00...0xDFFF: put(0xFFFD)
                default: put(UInt32(u))
                }
            }
            return n
        }
    }
}
