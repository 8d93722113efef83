/// Splits text into tokens over Unicode scalars (grapheme breaking is slow and unnecessary here).
/// Words keep inner apostrophes, hyphens, periods of abbreviations ("U.S.") and ampersands
/// ("AT&T"); curly and straight quotes are classified as opening or closing.
public enum Tokenizer {
    static let pronounsWithS: Set<String> = ["he", "she", "it", "that", "there", "what", "who", "here", "where", "let"]

    /// Where to cut a contraction, in scalars from the start of the word; nil when it is none.
    static func contractionSplit(_ word: String) -> Int? {
        let lower = word.lowercased()
        let u = Array(lower.unicodeScalars)
        guard u.count >= 3 else { return nil }
        for suffix in ["n't", "n’t"] where lower.hasSuffix(suffix) && u.count > 3 {
            return u.count - 3
        }
        for suffix in ["'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"] where lower.hasSuffix(suffix) {
            return u.count - suffix.unicodeScalars.count
        }
        for suffix in ["'s", "’s"] where lower.hasSuffix(suffix) {
            let base = String(lower.dropLast(2))
            if pronounsWithS.contains(base) { return u.count - 2 }
        }
        return nil
    }

    public static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        var newlines = 0
        @inline(__always) func isWordScalar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57)
        }
        while i < n {
            let c = scalars[i]
            if c == "\n" { newlines += 1; i += 1; continue }
            if c.properties.isWhitespace { i += 1; continue }
            let paragraphStart = newlines >= 1 || tokens.isEmpty
            newlines = 0
            if isWordScalar(c) {
                var j = i + 1
                var hasApostrophe = false
                while j < n {
                    let d = scalars[j]
                    if isWordScalar(d) { j += 1; continue }
                    // inner connectors followed by a word character
                    // A period joins only short segments ("U.S", "a.m", "3.5"), not a missing
                    // space after a sentence ("says.Net").
                    var segment = 0
                    var b = j - 1
                    while b >= i, isWordScalar(scalars[b]) { segment += 1; b -= 1 }
                    let periodJoins = d == "." && (segment <= 2 || scalars[j - 1].value >= 48 && scalars[j - 1].value <= 57)
                    if j + 1 < n, isWordScalar(scalars[j + 1]),
                       d == "'" || d == "\u{2019}" || d == "-" || d == "&" || periodJoins || d == "," && scalars[j - 1].value >= 48 && scalars[j - 1].value <= 57 && scalars[j + 1].value >= 48 && scalars[j + 1].value <= 57 {
                        // "U.S" continues; "end.Next" (no space) is rare, accept
                        if d == "'" || d == "\u{2019}" { hasApostrophe = true }
                        j += 2; continue
                    }
                    break
                }
                // Keep a final period of single-letter abbreviations chains like "U.S." / "a.m."
                if j < n, scalars[j] == ".", j - i >= 2, scalars[j - 2] == "." { j += 1 }
                let text = String(String.UnicodeScalarView(scalars[i..<j]))
                let isNumber = scalars[i].value >= 48 && scalars[i].value <= 57
                // Contractions become two tokens: "we’re" → "we" "’re", "didn't" → "did" "n't",
                // "he's" → "he" "'s" (a possessive 's on names stays attached).
                if hasApostrophe, let split = contractionSplit(text) {
                    let cut = i + split
                    tokens.append(Token(text: String(String.UnicodeScalarView(scalars[i..<cut])), start: i, end: cut, kind: .word, startsParagraph: paragraphStart))
                    tokens.append(Token(text: String(String.UnicodeScalarView(scalars[cut..<j])), start: cut, end: j, kind: .word))
                    i = j
                    continue
                }
                tokens.append(Token(text: text, start: i, end: j, kind: isNumber ? .number : .word, startsParagraph: paragraphStart))
                i = j
                continue
            }
            let kind: Token.Kind
            switch c {
            case "\u{201C}", "\u{2018}", "\u{00AB}": kind = .openQuote
            case "\u{201D}", "\u{00BB}": kind = .closeQuote
            case "\u{2019}": kind = .closeQuote
            case "\"":
                // Straight quote: opening if preceded by space/start/open punctuation.
                let prev = i > 0 ? scalars[i - 1] : " "
                kind = (prev.properties.isWhitespace || prev == "(" || prev == "[" || prev == "\u{2014}") ? .openQuote : .closeQuote
            default: kind = .punctuation
            }
            tokens.append(Token(text: String(c), start: i, end: i + 1, kind: kind, startsParagraph: paragraphStart))
            i += 1
        }
        return tokens
    }
}
