/// One lexical unit of a query, with the text range it came from.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An identifier or keyword (keywords are not reserved; the parser compares case-insensitively).
        case word(String)
        case string(String)
        case integer(Int)
        case number(Double)
        /// `$name`
        case parameter(String)
        /// `#42`: an entity or issue by id.
        case idRef(Int64)
        /// Punctuation and operators: ( ) [ ] { } : , . - > < = <> <= >= | * !=
        case symbol(String)
        case end
    }

    public var kind: Kind
    public var range: SourceRange
    /// The source text of the token (empty at the end).
    public var text: String

    public var description: String {
        switch kind {
        case .end: return "end of query"
        case .string: return "string \(text)"
        case .word(let w): return "'\(w)'"
        default: return "'\(text)'"
        }
    }

    /// True when this is the word `keyword`, ignoring case.
    public func isKeyword(_ keyword: String) -> Bool {
        if case .word(let w) = kind { return w.caseInsensitiveCompare(keyword) == .orderedSame }
        return false
    }

    public func isSymbol(_ s: String) -> Bool {
        if case .symbol(let x) = kind { return x == s }
        return false
    }

    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }
}
