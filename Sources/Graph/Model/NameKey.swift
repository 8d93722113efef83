import Foundation

/// The normalised lookup key for names: NFKC, Unicode case fold, diacritics removed, typographic
/// apostrophes and dashes unified, whitespace collapsed, a leading "the" dropped.
/// `COLLATE NOCASE` folds ASCII only, so the store matches names through this key.
public enum NameKey {
    public static func make(_ name: String) -> String {
        // Fast path for ASCII (most names): lowercase and collapse whitespace byte by byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var ascii = true
        var pendingSpace = false
        for b in name.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
        }
        if ascii {
            if bytes.count > 4, bytes[0] == 0x74, bytes[1] == 0x68, bytes[2] == 0x65, bytes[3] == 0x20 { bytes.removeFirst(4) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return slow(name)
    }

    static func slow(_ name: String) -> String {
        var s = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{2013}", with: "-")
            .replacingOccurrences(of: "\u{2014}", with: "-")
        var parts = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if parts.count > 1, parts[0] == "the" { parts.removeFirst() }
        return parts.joined(separator: " ")
    }
}
