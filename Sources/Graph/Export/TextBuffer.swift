/// Export text under construction, as UTF-8 bytes. Escaping byte by byte is several times faster
/// than appending `Unicode.Scalar`s or `Character`s to a `String`, which matters for maps with
/// tens of thousands of edges. Every escape replaces ASCII bytes only, so multi-byte UTF-8
/// sequences pass through intact.
struct TextBuffer {
    var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func += (b: inout TextBuffer, s: String) { b.bytes.append(contentsOf: s.utf8) }

    /// Calls `body` with each byte of `s`, dropping the C0/C1 control characters that no export
    /// format wants (tab, newline and carriage return are passed on).
    private func forEachByte(_ s: String, _ body: (UInt8) -> Void) {
        var s = s
        s.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let c = utf8[i]
                if c == 0xC2, i + 1 < utf8.count, (0x80...0x9F).contains(utf8[i + 1]) {
                    i += 2
                    continue
                }
                if c >= 0x20 && c != 0x7F || c == 0x09 || c == 0x0A || c == 0x0D { body(c) }
                i += 1
            }
        }
    }

    /// A DOT double-quoted string (see ``DOTWriter/quoted(_:)``).
    mutating func dotQuoted(_ s: String) {
        bytes.append(0x22)
        forEachByte(s) { c in
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x09: bytes.append(0x20)
            case 0x0D: break
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            default: bytes.append(c)
            }
        }
        bytes.append(0x22)
    }

    /// A URL as a DOT string (see ``DOTWriter/quotedURL(_:)``).
    mutating func dotURL(_ url: String) {
        bytes.append(0x22)
        forEachByte(url) { c in
            switch c {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22, 0x3C, 0x3E, 0x5C, 0x20, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x09, 0x0A, 0x0D:
                bytes.append(0x25)
                if c < 0x10 { bytes.append(0x30) }
                bytes.append(contentsOf: String(c, radix: 16, uppercase: true).utf8)
            default: bytes.append(c)
            }
        }
        bytes.append(0x22)
    }

    /// XML character data, or (with `attribute`) a double-quoted attribute value with quotes and
    /// whitespace as character references. Characters XML 1.0 forbids are dropped.
    mutating func xml(_ s: String, attribute: Bool = false) {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        forEachByte(s) { c in
            defer { beforePrevious = previous; previous = c }
            switch c {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22 where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27 where attribute: bytes.append(contentsOf: "&apos;".utf8)
            case 0x0A where attribute: bytes.append(contentsOf: "&#10;".utf8)
            case 0x0D: if attribute { bytes.append(contentsOf: "&#13;".utf8) } else { bytes.append(c) }
            case 0x09 where attribute: bytes.append(contentsOf: "&#9;".utf8)
            case 0xBE, 0xBF:
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                if previous == 0xBF, beforePrevious == 0xEF {
                    bytes.removeLast(2)
                } else {
                    bytes.append(c)
                }
            default: bytes.append(c)
            }
        }
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote, line break or edge space.
    mutating func csvField(_ s: String, flattenNewlines: Bool) {
        var utf8 = Array(s.utf8)
        if flattenNewlines, utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            utf8 = Array(s.split(whereSeparator: { $0.isNewline }).joined(separator: " ").utf8)
        }
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else { bytes.append(contentsOf: utf8); return }
        bytes.append(0x22)
        for c in utf8 {
            if c == 0x22 { bytes.append(0x22) }
            bytes.append(c)
        }
        bytes.append(0x22)
    }

    /// One CSV line of fields, with its newline.
    mutating func csvRow(_ fields: [String], flattenNewlines: Bool = false) {
        for (n, f) in fields.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            csvField(f, flattenNewlines: flattenNewlines)
        }
        bytes.append(0x0A)
    }
}
