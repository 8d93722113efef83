/// Escaping for the XML exporters (GraphML, GEXF, the audit's HTML).
public enum XMLText {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids are dropped.
    public static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// An attribute value for a double-quoted attribute: also `"`, `'`, and newlines/tabs as
    /// character references so that attribute-value normalisation keeps them.
    public static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                guard isAllowed(c) else { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// XML 1.0's Char production.
    static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whitespace (including newlines) collapsed to single spaces, for `xsd:token` values such as
    /// GEXF labels.
    public static func token(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
