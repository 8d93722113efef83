import Foundation

/// A recursive-descent parser for graphq, one function per grammar production (see docs/QUERY.md).
/// It stops at the first error and reports it as a `QueryDiagnostic` pointing at the offending token.
public struct Parser {
    public static let statementKeywords = ["MATCH", "PATH", "TIMELINE", "TOP", "CONFLICT", "CONGRUENCE"]
    /// Edge types: stance polarities, plus `STANCE` for any of them.
    public static let edgeTypes = ["OPPOSES", "SUPPORTS", "DEFENDS", "STANCE"]
    /// Node labels: `Issue`, `Actor`/`Entity` (any actor) and the actor kinds.
    public static let nodeLabels = ["Issue", "Actor", "Entity"] + EntityKind.allCases.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }
    public static let maxEdgesPerPattern = 3
    /// Clause words that cannot be variables, so that a missing value is reported where it is missing.
    static let reservedInExpressions: Set<String> = ["MATCH", "WHERE", "RETURN", "ORDER", "LIMIT", "AND", "OR", "IN", "IS",
                                                     "BETWEEN", "CONTAINS", "AS", "DISTINCT", "STARTS", "ENDS", "BY"]

    private var tokens: [Token]
    private var position = 0
    private let source: String
    private let chars: [Character]

    public init(_ source: String) throws(QueryDiagnostic) {
        self.source = source
        self.chars = Array(source)
        self.tokens = try Lexer.tokenize(source)
    }

    /// Parses one whole query; trailing input is an error.
    public static func parse(_ source: String) throws(QueryDiagnostic) -> Statement {
        var p = try Parser(source)
        return try p.parseQuery()
    }

    // MARK: token helpers

    private var current: Token { tokens[min(position, tokens.count - 1)] }
    private var previous: Token { tokens[max(0, min(position, tokens.count) - 1)] }
    private func peek(_ n: Int) -> Token { tokens[min(position + n, tokens.count - 1)] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func error(_ message: String, at token: Token? = nil) -> QueryDiagnostic {
        let t = token ?? current
        return QueryDiagnostic(message, at: t.range, in: source)
    }

    private func error(_ message: String, range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(message, at: range, in: source)
    }

    private mutating func accept(keyword: String) -> Bool {
        if current.isKeyword(keyword) { advance(); return true }
        return false
    }

    private mutating func accept(symbol: String) -> Bool {
        if current.isSymbol(symbol) { advance(); return true }
        return false
    }

    private mutating func expect(symbol: String, _ context: String) throws(QueryDiagnostic) -> Token {
        guard current.isSymbol(symbol) else { throw error("expected '\(symbol)' \(context), found \(current)") }
        let t = current
        advance()
        return t
    }

    /// Expects one keyword; a near miss gets a "did you mean".
    private mutating func expect(keyword: String, _ context: String) throws(QueryDiagnostic) {
        guard accept(keyword: keyword) else {
            throw error("expected \(keyword) \(context), found \(current)" + suggestion(for: current, among: [keyword]))
        }
    }

    private func suggestion(for token: Token, among keywords: [String]) -> String {
        guard let w = token.word else { return "" }
        return Suggestion.didYouMean(w, in: keywords)
    }

    private func text(_ range: SourceRange) -> String {
        guard range.start.offset <= range.end.offset, range.end.offset <= chars.count else { return "" }
        return String(chars[range.start.offset..<range.end.offset])
    }

    private mutating func identifier(_ what: String) throws(QueryDiagnostic) -> Name {
        guard let w = current.word else { throw error("expected \(what), found \(current)") }
        let t = current
        advance()
        return Name(w, t.range)
    }

    private mutating func integer(_ what: String) throws(QueryDiagnostic) -> (Int, SourceRange) {
        guard case .integer(let n) = current.kind else { throw error("expected \(what), found \(current)") }
        let r = current.range
        advance()
        return (n, r)
    }

    // MARK: query

    /// query := statement [';'] EOF
    public mutating func parseQuery() throws(QueryDiagnostic) -> Statement {
        let statement = try parseStatement()
        _ = accept(symbol: ";")
        guard current.kind == .end else {
            throw error("unexpected \(current) after the end of the query")
        }
        return statement
    }

    /// statement := match | path | timeline | top | network
    mutating func parseStatement() throws(QueryDiagnostic) -> Statement {
        let t = current
        if t.isKeyword("MATCH") { return .match(try parseMatch()) }
        if t.isKeyword("PATH") { return .path(try parsePath()) }
        if t.isKeyword("TIMELINE") { return .timeline(try parseTimeline()) }
        if t.isKeyword("TOP") { return .top(try parseTop()) }
        if t.isKeyword("CONFLICT") || t.isKeyword("CONGRUENCE") { return .network(try parseNetwork()) }
        if t.kind == .end { throw error("empty query; start with MATCH, PATH, TIMELINE, TOP, CONFLICT or CONGRUENCE") }
        throw error("expected MATCH, PATH, TIMELINE, TOP, CONFLICT or CONGRUENCE, found \(t)"
                    + suggestion(for: t, among: Self.statementKeywords))
    }

    // MARK: MATCH

    /// match := MATCH pattern (',' pattern)* [WHERE expression] RETURN returnBody
    mutating func parseMatch() throws(QueryDiagnostic) -> MatchQuery {
        try expect(keyword: "MATCH", "")
        var patterns = [try parsePattern()]
        while accept(symbol: ",") { patterns.append(try parsePattern()) }
        var condition: Expression?
        if accept(keyword: "WHERE") { condition = try parseExpression() }
        guard accept(keyword: "RETURN") else {
            let expected = condition == nil ? "WHERE or RETURN" : "RETURN"
            throw error("expected \(expected), found \(current)" + suggestion(for: current, among: condition == nil ? ["WHERE", "RETURN"] : ["RETURN"]))
        }
        let ret = try parseReturnBody()
        return MatchQuery(patterns: patterns, condition: condition, returnClause: ret)
    }

    /// pattern := node (edge node){0,3}
    mutating func parsePattern() throws(QueryDiagnostic) -> Pattern {
        var nodes = [try parseNode()]
        var edges: [EdgePattern] = []
        while current.isSymbol("-") || current.isSymbol("<") {
            let edge = try parseEdge()
            if edges.count == Self.maxEdgesPerPattern {
                throw error("a pattern has at most \(Self.maxEdgesPerPattern) edges; split it into patterns separated by commas", range: edge.range)
            }
            edges.append(edge)
            nodes.append(try parseNode())
        }
        return Pattern(nodes: nodes, edges: edges)
    }

    /// node := '(' [variable] [':' label] [#id] ['{' property (',' property)* '}'] ')'
    mutating func parseNode() throws(QueryDiagnostic) -> NodePattern {
        let open = current
        guard open.isSymbol("(") else { throw error("expected '(' to start a node, found \(current)") }
        advance()
        var variable: Name?
        var label: Name?
        var id: NameReference?
        var properties: [(key: Name, value: Expression)] = []
        if current.word != nil { variable = try identifier("a variable") }
        if accept(symbol: ":") {
            let l = try identifier("a label after ':'")
            guard let canonical = Self.nodeLabels.first(where: { $0.caseInsensitiveCompare(l.text) == .orderedSame }) else {
                throw error("unknown label '\(l.text)'" + Suggestion.didYouMean(l.text, in: Self.nodeLabels)
                            + " (labels: \(Self.nodeLabels.joined(separator: ", ")))", range: l.range)
            }
            label = Name(canonical, l.range)
        }
        if case .idRef(let n) = current.kind {
            id = NameReference(kind: .id(n), range: current.range)
            advance()
        }
        if accept(symbol: "{") {
            if !current.isSymbol("}") {
                repeat {
                    let key = try identifier("a property name")
                    _ = try expect(symbol: ":", "after property name '\(key.text)'")
                    properties.append((key, try parseAdditive()))
                } while accept(symbol: ",")
            }
            _ = try expect(symbol: "}", "to close the property map")
        }
        guard current.isSymbol(")") else {
            if current.word != nil, variable != nil, label == nil {
                throw error("expected ':' or ')' in node pattern, found \(current)")
            }
            throw error("expected ')' to close the node, found \(current)")
        }
        let close = current
        advance()
        return NodePattern(variable: variable, label: label, properties: properties, id: id, range: open.range.union(close.range))
    }

    /// edge := '-' ['[' edgeBody ']'] '-' ['>'] | '<' '-' ['[' edgeBody ']'] '-'
    mutating func parseEdge() throws(QueryDiagnostic) -> EdgePattern {
        let start = current
        let leftArrow = accept(symbol: "<")
        _ = try expect(symbol: "-", leftArrow ? "after '<' in an edge (write <-[…]-)" : "")
        var variable: Name?
        var types: [Name] = []
        var topic: NameReference?
        if accept(symbol: "[") {
            if current.word != nil, !current.isKeyword("ON") { variable = try identifier("a variable") }
            if accept(symbol: ":") {
                repeat {
                    let t = try identifier("an edge type")
                    guard let canonical = Self.edgeTypes.first(where: { $0.caseInsensitiveCompare(t.text) == .orderedSame }) else {
                        throw error("unknown edge type '\(t.text)'" + Suggestion.didYouMean(t.text, in: Self.edgeTypes)
                                    + " (types: \(Self.edgeTypes.joined(separator: ", ")))", range: t.range)
                    }
                    types.append(Name(canonical, t.range))
                } while accept(symbol: "|")
            }
            if accept(keyword: "ON") { topic = try parseNameReference("an issue after ON") }
            guard current.isSymbol("]") else {
                if let w = current.word, Suggestion.distance(w, "ON", limit: 1) <= 1 || w.count > 1 && Suggestion.didYouMean(w, in: ["ON"]) != "" {
                    throw error("expected ']' or ON, found \(current)" + Suggestion.didYouMean(w, in: ["ON"]))
                }
                throw error("expected ']' to close the edge, found \(current)")
            }
            advance()
        }
        let endDash = try expect(symbol: "-", "to continue the edge")
        var end = endDash
        var direction: EdgePattern.Direction = leftArrow ? .left : .both
        if current.isSymbol(">") {
            if leftArrow { throw error("an edge points one way: use <-[…]- or -[…]->, not both") }
            end = current
            advance()
            direction = .right
        }
        return EdgePattern(variable: variable, types: types, topic: topic, direction: direction, range: start.range.union(end.range))
    }

    /// returnBody := [DISTINCT] item (',' item)* [ORDER BY order (',' order)*] [LIMIT limit]
    mutating func parseReturnBody() throws(QueryDiagnostic) -> ReturnClause {
        let distinct = accept(keyword: "DISTINCT")
        var items: [ReturnItem] = []
        repeat { items.append(try parseReturnItem()) } while accept(symbol: ",")
        var order: [OrderItem] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY", "after ORDER")
            repeat {
                let e = try parseExpression()
                var desc = false
                if accept(keyword: "DESC") || accept(keyword: "DESCENDING") { desc = true } else { _ = accept(keyword: "ASC") || accept(keyword: "ASCENDING") }
                order.append(OrderItem(expression: e, descending: desc))
            } while accept(symbol: ",")
        }
        var limit: LimitValue?
        if accept(keyword: "LIMIT") { limit = try parseLimit() }
        if current.kind != .end, !current.isSymbol(";"), let w = current.word {
            let options = order.isEmpty && limit == nil ? ["ORDER", "LIMIT", "AS"] : ["LIMIT"]
            throw error("unexpected \(current) after RETURN items" + Suggestion.didYouMean(w, in: options))
        }
        return ReturnClause(distinct: distinct, items: items, orderBy: order, limit: limit)
    }

    /// item := expression [AS name]
    mutating func parseReturnItem() throws(QueryDiagnostic) -> ReturnItem {
        let e = try parseExpression()
        var alias: Name?
        if accept(keyword: "AS") { alias = try identifier("a column name after AS") }
        return ReturnItem(expression: e, alias: alias, title: alias?.text ?? text(e.range))
    }

    /// limit := integer | parameter
    mutating func parseLimit() throws(QueryDiagnostic) -> LimitValue {
        switch current.kind {
        case .integer(let n):
            let r = current.range
            advance()
            return LimitValue(kind: .literal(n), range: r)
        case .parameter(let p):
            let r = current.range
            advance()
            return LimitValue(kind: .parameter(p), range: r)
        default:
            throw error("expected a number after LIMIT, found \(current)")
        }
    }

    // MARK: expressions

    /// expression := orExpression
    mutating func parseExpression() throws(QueryDiagnostic) -> Expression { try parseOr() }

    /// or := and (OR and)*
    mutating func parseOr() throws(QueryDiagnostic) -> Expression {
        var left = try parseAnd()
        while accept(keyword: "OR") {
            let right = try parseAnd()
            left = Expression(.binary("OR", left, right), left.range.union(right.range))
        }
        return left
    }

    /// and := not (AND not)*
    mutating func parseAnd() throws(QueryDiagnostic) -> Expression {
        var left = try parseNot()
        while accept(keyword: "AND") {
            let right = try parseNot()
            left = Expression(.binary("AND", left, right), left.range.union(right.range))
        }
        return left
    }

    /// not := NOT not | comparison
    mutating func parseNot() throws(QueryDiagnostic) -> Expression {
        let t = current
        if accept(keyword: "NOT") {
            let e = try parseNot()
            return Expression(.unary("NOT", e), t.range.union(e.range))
        }
        return try parseComparison()
    }

    /// comparison := additive [op additive | IS [NOT] NULL | [NOT] IN list | BETWEEN additive AND additive
    ///               | CONTAINS additive | STARTS WITH additive | ENDS WITH additive]
    mutating func parseComparison() throws(QueryDiagnostic) -> Expression {
        let left = try parseAdditive()
        if case .symbol(let op) = current.kind, ["=", "<>", "!=", "<", "<=", ">", ">="].contains(op) {
            advance()
            let right = try parseAdditive()
            return Expression(.binary(op == "!=" ? "<>" : op, left, right), left.range.union(right.range))
        }
        if accept(keyword: "IS") {
            let negated = accept(keyword: "NOT")
            let nullToken = current
            try expect(keyword: "NULL", negated ? "after IS NOT" : "after IS")
            return Expression(.isNull(left, negated: negated), left.range.union(nullToken.range))
        }
        if current.isKeyword("NOT") && peek(1).isKeyword("IN") {
            advance(); advance()
            let (list, r) = try parseList()
            let inner = Expression(.inList(left, list), left.range.union(r))
            return Expression(.unary("NOT", inner), inner.range)
        }
        if accept(keyword: "IN") {
            let (list, r) = try parseList()
            return Expression(.inList(left, list), left.range.union(r))
        }
        if accept(keyword: "BETWEEN") {
            let low = try parseAdditive()
            try expect(keyword: "AND", "between the bounds of BETWEEN")
            let high = try parseAdditive()
            return Expression(.between(left, low, high), left.range.union(high.range))
        }
        if accept(keyword: "CONTAINS") {
            let right = try parseAdditive()
            return Expression(.binary("CONTAINS", left, right), left.range.union(right.range))
        }
        for (first, op) in [("STARTS", "STARTS WITH"), ("ENDS", "ENDS WITH")] where current.isKeyword(first) {
            advance()
            try expect(keyword: "WITH", "after \(first)")
            let right = try parseAdditive()
            return Expression(.binary(op, left, right), left.range.union(right.range))
        }
        return left
    }

    /// list := '[' [expression (',' expression)*] ']'
    mutating func parseList() throws(QueryDiagnostic) -> ([Expression], SourceRange) {
        let open = try expect(symbol: "[", "to start a list after IN")
        var items: [Expression] = []
        if !current.isSymbol("]") {
            repeat { items.append(try parseAdditive()) } while accept(symbol: ",")
        }
        let close = try expect(symbol: "]", "to close the list")
        return (items, open.range.union(close.range))
    }

    /// additive := ['-'] primary   (graphq has no arithmetic; '-' negates a number)
    mutating func parseAdditive() throws(QueryDiagnostic) -> Expression {
        let t = current
        if t.isSymbol("-") {
            advance()
            switch current.kind {
            case .integer(let n):
                let r = t.range.union(current.range); advance()
                return Expression(.integer(-n), r)
            case .number(let d):
                let r = t.range.union(current.range); advance()
                return Expression(.number(-d), r)
            default:
                throw error("expected a number after '-', found \(current)")
            }
        }
        return try parsePrimary()
    }

    /// primary := literal | parameter | '(' expression ')' | name '(' arguments ')' | name ['.' name]
    mutating func parsePrimary() throws(QueryDiagnostic) -> Expression {
        let t = current
        switch t.kind {
        case .string(let s): advance(); return Expression(.string(s), t.range)
        case .integer(let n): advance(); return Expression(.integer(n), t.range)
        case .number(let d): advance(); return Expression(.number(d), t.range)
        case .parameter(let p): advance(); return Expression(.parameter(p), t.range)
        case .symbol("("):
            advance()
            let e = try parseExpression()
            let close = try expect(symbol: ")", "to close the parenthesis")
            return Expression(e.kind, t.range.union(close.range))
        case .word(let w):
            if t.isKeyword("TRUE") { advance(); return Expression(.boolean(true), t.range) }
            if t.isKeyword("FALSE") { advance(); return Expression(.boolean(false), t.range) }
            if t.isKeyword("NULL") { advance(); return Expression(.null, t.range) }
            if Self.reservedInExpressions.contains(w.uppercased()) && !peek(1).isSymbol("(") && !peek(1).isSymbol(".") {
                throw error("expected a value, found \(t)")
            }
            advance()
            if current.isSymbol("(") { return try parseCall(Name(w, t.range)) }
            if accept(symbol: ".") {
                let prop = try identifier("a property name after '.'")
                return Expression(.property(Name(w, t.range), prop), t.range.union(prop.range))
            }
            return Expression(.variable(Name(w, t.range)), t.range)
        case .end:
            throw error("unexpected end of query; expected a value")
        default:
            throw error("expected a value, found \(t)")
        }
    }

    /// call := name '(' ['*' | [DISTINCT] expression (',' expression)*] ')'
    mutating func parseCall(_ name: Name) throws(QueryDiagnostic) -> Expression {
        advance()  // '('
        var args: [Expression] = []
        var distinct = false
        if accept(symbol: "*") {
            // count(*): no argument
        } else if !current.isSymbol(")") {
            distinct = accept(keyword: "DISTINCT")
            repeat { args.append(try parseExpression()) } while accept(symbol: ",")
        }
        let close = try expect(symbol: ")", "to close the call of \(name.text)()")
        return Expression(.call(name, args, distinct: distinct), name.range.union(close.range))
    }

    // MARK: named statements

    /// nameReference := string | '#' id | parameter
    mutating func parseNameReference(_ what: String) throws(QueryDiagnostic) -> NameReference {
        let t = current
        switch t.kind {
        case .string(let s):
            advance()
            if s.trimmingCharacters(in: .whitespaces).isEmpty { throw error("a name cannot be empty", at: t) }
            return NameReference(kind: .text(s), range: t.range)
        case .idRef(let n): advance(); return NameReference(kind: .id(n), range: t.range)
        case .parameter(let p): advance(); return NameReference(kind: .parameter(p), range: t.range)
        case .word(let w):
            throw error("expected \(what) in quotes, found \(t); write '\(w)'")
        default:
            throw error("expected \(what) (a quoted name, #id or $parameter), found \(t)")
        }
    }

    /// path := PATH nameReference TO nameReference {MAX integer | VIA type ('|' type)* | during}
    mutating func parsePath() throws(QueryDiagnostic) -> PathQuery {
        try expect(keyword: "PATH", "")
        let from = try parseNameReference("an actor")
        try expect(keyword: "TO", "between the two ends of PATH")
        let to = try parseNameReference("an actor")
        var q = PathQuery(from: from, to: to, maxHops: nil, via: [], during: nil)
        var seen = Set<String>()
        while let w = current.word {
            let clause = w.uppercased()
            switch clause {
            case "MAX":
                try once(clause, &seen)
                advance()
                let (n, r) = try integer("a number of hops after MAX")
                guard (1...PathFinder.maxHopsLimit).contains(n) else {
                    throw error("MAX must be between 1 and \(PathFinder.maxHopsLimit)", range: r)
                }
                q.maxHops = n
            case "VIA":
                try once(clause, &seen)
                advance()
                repeat {
                    let t = try identifier("a polarity after VIA")
                    guard let canonical = Self.edgeTypes.first(where: { $0.caseInsensitiveCompare(t.text) == .orderedSame }) else {
                        throw error("unknown polarity '\(t.text)'" + Suggestion.didYouMean(t.text, in: Self.edgeTypes), range: t.range)
                    }
                    q.via.append(Name(canonical, t.range))
                } while accept(symbol: "|") || accept(symbol: ",")
            case "BETWEEN", "SINCE", "UNTIL":
                try once("during", &seen)
                q.during = try parseDuring()
            default:
                throw error("unexpected \(current) in PATH" + Suggestion.didYouMean(w, in: ["MAX", "VIA", "BETWEEN", "SINCE", "UNTIL"]))
            }
        }
        return q
    }

    private mutating func once(_ clause: String, _ seen: inout Set<String>) throws(QueryDiagnostic) {
        if seen.contains(clause) { throw error(clause == "during" ? "only one date range (BETWEEN, SINCE, UNTIL) is allowed" : "\(clause) appears twice") }
        seen.insert(clause)
    }

    /// timeline := TIMELINE nameReference {BY (DAY|MONTH|YEAR) | FOR nameReference | during}
    mutating func parseTimeline() throws(QueryDiagnostic) -> TimelineQuery {
        try expect(keyword: "TIMELINE", "")
        let issue = try parseNameReference("an issue")
        var q = TimelineQuery(issue: issue, bucket: .month, actor: nil, during: nil)
        var seen = Set<String>()
        while let w = current.word {
            let clause = w.uppercased()
            switch clause {
            case "BY":
                try once(clause, &seen)
                advance()
                let b = try identifier("DAY, MONTH or YEAR after BY")
                guard let bucket = TimelineBucket(rawValue: b.text.lowercased()) else {
                    throw error("expected DAY, MONTH or YEAR after BY, found '\(b.text)'" + Suggestion.didYouMean(b.text, in: ["DAY", "MONTH", "YEAR"]), range: b.range)
                }
                q.bucket = bucket
            case "FOR":
                try once(clause, &seen)
                advance()
                q.actor = try parseNameReference("an actor after FOR")
            case "BETWEEN", "SINCE", "UNTIL":
                try once("during", &seen)
                q.during = try parseDuring()
            default:
                throw error("unexpected \(current) in TIMELINE" + Suggestion.didYouMean(w, in: ["BY", "FOR", "BETWEEN", "SINCE", "UNTIL"]))
            }
        }
        return q
    }

    /// top := TOP integer (OPPOSED | SUPPORTED | OPPONENTS) {ON nameReference | during}
    mutating func parseTop() throws(QueryDiagnostic) -> TopQuery {
        try expect(keyword: "TOP", "")
        var n = 10
        if case .integer(let v) = current.kind {
            guard v >= 1 else { throw error("TOP needs a positive number") }
            n = v
            advance()
        }
        let m = try identifier("OPPOSED, SUPPORTED or OPPONENTS after TOP")
        guard let measure = TopQuery.Measure(rawValue: m.text.lowercased()) else {
            throw error("expected OPPOSED, SUPPORTED or OPPONENTS, found '\(m.text)'"
                        + Suggestion.didYouMean(m.text, in: ["OPPOSED", "SUPPORTED", "OPPONENTS"]), range: m.range)
        }
        var q = TopQuery(count: n, measure: measure, issue: nil, during: nil)
        var seen = Set<String>()
        while let w = current.word {
            let clause = w.uppercased()
            switch clause {
            case "ON":
                try once(clause, &seen)
                advance()
                q.issue = try parseNameReference("an issue after ON")
            case "BETWEEN", "SINCE", "UNTIL":
                try once("during", &seen)
                q.during = try parseDuring()
            default:
                throw error("unexpected \(current) in TOP" + Suggestion.didYouMean(w, in: ["ON", "BETWEEN", "SINCE", "UNTIL"]))
            }
        }
        return q
    }

    /// network := (CONFLICT | CONGRUENCE) ON nameReference {NORMALIZE (AVERAGE|JACCARD|COSINE|NONE) | during | LIMIT limit}
    mutating func parseNetwork() throws(QueryDiagnostic) -> NetworkQuery {
        let kind: NetworkQuery.Kind = current.isKeyword("CONFLICT") ? .conflict : .congruence
        advance()
        try expect(keyword: "ON", "after \(kind.rawValue.uppercased())")
        let issue = try parseNameReference("an issue after ON")
        var q = NetworkQuery(kind: kind, issue: issue, normalization: .none, during: nil, limit: nil)
        var seen = Set<String>()
        while let w = current.word {
            let clause = w.uppercased()
            switch clause {
            case "NORMALIZE", "NORMALISE":
                try once("NORMALIZE", &seen)
                advance()
                let n = try identifier("AVERAGE, JACCARD, COSINE or NONE after NORMALIZE")
                guard let norm = NetworkQuery.Normalization(rawValue: n.text.lowercased()) else {
                    throw error("expected AVERAGE, JACCARD, COSINE or NONE, found '\(n.text)'"
                                + Suggestion.didYouMean(n.text, in: ["AVERAGE", "JACCARD", "COSINE", "NONE"]), range: n.range)
                }
                q.normalization = norm
            case "LIMIT":
                try once(clause, &seen)
                advance()
                q.limit = try parseLimit()
            case "BETWEEN", "SINCE", "UNTIL":
                try once("during", &seen)
                q.during = try parseDuring()
            default:
                throw error("unexpected \(current) in \(kind.rawValue.uppercased())" + Suggestion.didYouMean(w, in: ["NORMALIZE", "LIMIT", "BETWEEN", "SINCE", "UNTIL"]))
            }
        }
        return q
    }

    /// during := BETWEEN date AND date | SINCE date [UNTIL date] | UNTIL date
    mutating func parseDuring() throws(QueryDiagnostic) -> During {
        if accept(keyword: "BETWEEN") {
            let a = try parseDate()
            try expect(keyword: "AND", "between the dates of BETWEEN")
            let b = try parseDate()
            if case .literal(let x) = a.kind, case .literal(let y) = b.kind, x > y, !y.hasPrefix(x) {
                throw error("the range is empty: \(x) is after \(y)", range: a.range.union(b.range))
            }
            return During(since: a, until: b)
        }
        if accept(keyword: "SINCE") {
            let a = try parseDate()
            var b: DateValue?
            if accept(keyword: "UNTIL") { b = try parseDate() }
            return During(since: a, until: b)
        }
        try expect(keyword: "UNTIL", "")
        return During(since: nil, until: try parseDate())
    }

    /// date := 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' | YYYY | parameter
    mutating func parseDate() throws(QueryDiagnostic) -> DateValue {
        let t = current
        switch t.kind {
        case .string(let s):
            guard let d = DatePeriod(s) else {
                throw error("invalid date '\(s)'; write YYYY, YYYY-MM or YYYY-MM-DD", at: t)
            }
            advance()
            return DateValue(kind: .literal(d.text), range: t.range)
        case .integer(let n):
            guard let d = DatePeriod(String(n)) else { throw error("invalid year \(n); write YYYY, YYYY-MM or YYYY-MM-DD", at: t) }
            advance()
            return DateValue(kind: .literal(d.text), range: t.range)
        case .parameter(let p):
            advance()
            return DateValue(kind: .parameter(p), range: t.range)
        default:
            throw error("expected a date ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'), found \(t)")
        }
    }
}
