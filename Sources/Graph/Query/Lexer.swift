/// Turns query text into tokens. Comments run from `//`, or from `--` followed by a space or the
/// end of the line, to the end of the line (`-->` and `--(` stay edge syntax).
public struct Lexer {
    private let chars: [Character]
    private let source: String
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ source: String) {
        self.source = source
        self.chars = Array(source)
    }

    /// All tokens, ending with `.end`.
    /// - Throws: `QueryDiagnostic` for an unterminated string, a stray character or a bad number.
    public static func tokenize(_ source: String) throws(QueryDiagnostic) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(offset: index, line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < chars.count ? chars[index + ahead] : nil
    }

    private mutating func advance() {
        guard index < chars.count else { return }
        if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private func error(_ message: String, _ start: SourceLocation, _ end: SourceLocation? = nil) -> QueryDiagnostic {
        QueryDiagnostic(message, at: SourceRange(start, end ?? SourceLocation(offset: start.offset + 1, line: start.line, column: start.column + 1)), in: source)
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c.isWhitespace { advance(); continue }
            let isSlashComment = c == "/" && peek(1) == "/"
            let isDashComment = c == "-" && peek(1) == "-" && (peek(2) == nil || peek(2) == " " || peek(2) == "\t" || peek(2) == "\n" || peek(2) == "\r")
            if isSlashComment || isDashComment {
                while let d = peek(), d != "\n" { advance() }
                continue
            }
            return
        }
    }

    public mutating func next() throws(QueryDiagnostic) -> Token {
        skipTrivia()
        let start = location
        guard let c = peek() else { return Token(kind: .end, range: SourceRange(start, start), text: "") }
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, range: SourceRange(start, location), text: String(chars[start.offset..<index]))
        }
        if c.isLetter || c == "_" {
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { advance() }
            return token(.word(String(chars[start.offset..<index])))
        }
        if c.isASCII && c.isNumber {
            while let d = peek(), d.isASCII && d.isNumber { advance() }
            var isFloat = false
            if peek() == ".", let d = peek(1), d.isASCII && d.isNumber {
                isFloat = true
                advance()
                while let d = peek(), d.isASCII && d.isNumber { advance() }
            }
            if let d = peek(), d.isLetter || d == "_" {
                throw error("a number cannot run into a word; put a space after it", start, location)
            }
            let text = String(chars[start.offset..<index])
            if isFloat {
                guard let v = Double(text) else { throw error("invalid number '\(text)'", start, location) }
                return token(.number(v))
            }
            guard let v = Int(text) else { throw error("number '\(text)' is too large", start, location) }
            return token(.integer(v))
        }
        if c == "'" || c == "\"" {
            return try string(quote: c, start: start)
        }
        if c == "$" {
            advance()
            let nameStart = index
            while let d = peek(), d.isLetter || d.isNumber || d == "_" { advance() }
            guard index > nameStart else { throw error("expected a parameter name after '$'", start) }
            return token(.parameter(String(chars[nameStart..<index])))
        }
        if c == "#" {
            advance()
            let digitsStart = index
            while let d = peek(), d.isASCII && d.isNumber { advance() }
            guard index > digitsStart, let id = Int64(String(chars[digitsStart..<index])) else {
                throw error("expected an id after '#', as in #42", start)
            }
            return token(.idRef(id))
        }
        advance()
        switch c {
        case "<":
            if peek() == "=" || peek() == ">" { advance() }
        case ">":
            if peek() == "=" { advance() }
        case "!":
            guard peek() == "=" else { throw error("unexpected character '!'; use NOT or <>", start) }
            advance()
        case "(", ")", "[", "]", "{", "}", ":", ",", ".", "-", "=", "|", "*", ";":
            break
        default:
            throw error("unexpected character '\(c)'", start)
        }
        return token(.symbol(String(chars[start.offset..<index])))
    }

    private mutating func string(quote: Character, start: SourceLocation) throws(QueryDiagnostic) -> Token {
        advance()
        var value = ""
        while true {
            guard let c = peek() else {
                throw error("unterminated string; add the closing \(quote)", start)
            }
            if c == quote {
                if peek(1) == quote { value.append(quote); advance(); advance(); continue }
                advance()
                break
            }
            if c == "\\", let n = peek(1) {
                switch n {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "\\", "'", "\"": value.append(n)
                default: value.append("\\"); value.append(n)
                }
                advance(); advance()
                continue
            }
            value.append(c)
            advance()
        }
        return Token(kind: .string(value), range: SourceRange(start, location), text: String(chars[start.offset..<index]))
    }
}
