/// A word, number or punctuation mark with its place in the document text.
/// Offsets count Unicode scalars (as Python string indices do), end exclusive.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punctuation, openQuote, closeQuote }
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// The lowercase form, precomputed because every lexicon lookup needs it.
    public var lower: String
    public var isCapitalized: Bool
    /// True when a paragraph break precedes this token.
    public var startsParagraph: Bool

    public init(text: String, start: Int, end: Int, kind: Kind, startsParagraph: Bool = false) {
        self.text = text; self.start = start; self.end = end; self.kind = kind
        self.lower = text.lowercased()
        self.isCapitalized = text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        self.startsParagraph = startsParagraph
    }
}

/// A sentence: a run of tokens and its span in the text.
public struct Sentence: Sendable, Equatable {
    public var index: Int
    public var tokens: [Token]
    public var start: Int
    public var end: Int
    public var paragraph: Int
}
