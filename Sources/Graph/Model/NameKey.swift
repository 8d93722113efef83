import Foundation

/// The normalised lookup key for names: NFKC, Unicode case fold, typographic apostrophes and
/// dashes unified, whitespace collapsed, a leading "the" dropped. `COLLATE NOCASE` folds ASCII only.
public enum NameKey {
    public static func make(_ name: String) -> String {
        var s = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{2013}", with: "-")
            .replacingOccurrences(of: "\u{2014}", with: "-")
        let words = s.split(whereSeparator: { $0.isWhitespace })
        var parts = words.map(String.init)
        if parts.count > 1, parts[0] == "the" { parts.removeFirst() }
        return parts.joined(separator: " ")
    }
}
