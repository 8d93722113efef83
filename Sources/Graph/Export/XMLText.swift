/// Escaping for the XML exporters (GraphML, GEXF, the audit's HTML).
public enum XMLText {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids are dropped.
    public static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// An attribute value for a double-quoted attribute: also `"`, `'`, and newlines/tabs as
    /// character references so that attribute-value normalisation keeps them.
    public static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    static func escape(_ s: String, attribute: Bool) -> String {
        var b = TextBuffer()
        b.xml(s, attribute: attribute)
        return b.string
    }

    /// Whitespace (including newlines) collapsed to single spaces, for `xsd:token` values such as
    /// GEXF labels.
    public static func token(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
