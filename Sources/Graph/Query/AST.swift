/// The syntax tree of a graphq query. Every node keeps the source range it was parsed from so that
/// later stages (resolution, compilation) can point at it.
public enum Statement: Sendable, Equatable {
    case match(MatchQuery)
    case path(PathQuery)
    case timeline(TimelineQuery)
    case top(TopQuery)
    case network(NetworkQuery)
}

/// An identifier with its location.
public struct Name: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var range: SourceRange
    public init(_ text: String, _ range: SourceRange) { self.text = text; self.range = range }
    public var description: String { text }
}

/// Something that names an actor or issue: a string, `#id`, or a `$param`.
public struct NameReference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text(String)
        case id(Int64)
        case parameter(String)
    }
    public var kind: Kind
    public var range: SourceRange
}

// MARK: MATCH

public struct MatchQuery: Sendable, Equatable {
    public var patterns: [Pattern]
    public var condition: Expression?
    public var returnClause: ReturnClause
}

/// `(a)-[s]->(b)…`: nodes and the edges between them (`nodes.count == edges.count + 1`).
public struct Pattern: Sendable, Equatable {
    public var nodes: [NodePattern]
    public var edges: [EdgePattern]
}

public struct NodePattern: Sendable, Equatable {
    public var variable: Name?
    /// `:Person`, `:Issue` …
    public var label: Name?
    /// `{name:'…', kind:'…'}`
    public var properties: [(key: Name, value: Expression)]
    /// `(#42)` or `(v #42)`: a node fixed by id.
    public var id: NameReference?
    public var range: SourceRange

    public static func == (a: NodePattern, b: NodePattern) -> Bool {
        a.variable == b.variable && a.label == b.label && a.id == b.id && a.range == b.range
            && a.properties.map(\.key) == b.properties.map(\.key) && a.properties.map(\.value) == b.properties.map(\.value)
    }
}

public struct EdgePattern: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        /// `-[]->`: from the left node (holder) to the right node (target).
        case right
        /// `<-[]-`: from the right node (holder) to the left node (target).
        case left
        /// `-[]-`: either way.
        case both
    }
    public var variable: Name?
    /// `OPPOSES|SUPPORTS|DEFENDS|STANCE`; empty means any stance.
    public var types: [Name]
    /// `ON 'issue'`
    public var topic: NameReference?
    public var direction: Direction
    public var range: SourceRange
}

// MARK: expressions

public indirect enum ExpressionKind: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null
    case parameter(String)
    /// A bare variable: `a`
    case variable(Name)
    /// `a.name`
    case property(Name, Name)
    case unary(String, Expression)
    case binary(String, Expression, Expression)
    case isNull(Expression, negated: Bool)
    case inList(Expression, [Expression])
    case between(Expression, Expression, Expression)
    /// `count(s)`, `count(*)` (no argument), `count(DISTINCT a)`, `year(s.date)` …
    case call(Name, [Expression], distinct: Bool)
}

public struct Expression: Sendable, Equatable {
    public var kind: ExpressionKind
    public var range: SourceRange
    public init(_ kind: ExpressionKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

public struct ReturnItem: Sendable, Equatable {
    public var expression: Expression
    public var alias: Name?
    /// The column title: the alias, else the expression's source text.
    public var title: String
}

public struct OrderItem: Sendable, Equatable {
    public var expression: Expression
    public var descending: Bool
}

public struct ReturnClause: Sendable, Equatable {
    public var distinct: Bool
    public var items: [ReturnItem]
    public var orderBy: [OrderItem]
    public var limit: LimitValue?
}

public struct LimitValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case literal(Int), parameter(String) }
    public var kind: Kind
    public var range: SourceRange
}

// MARK: named statements

/// `BETWEEN d AND d | SINCE d | UNTIL d`, dates as written (validated by the parser).
public struct During: Sendable, Equatable {
    public var since: DateValue?
    public var until: DateValue?
}

/// A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (or a `$param` holding one).
public struct DateValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case literal(String), parameter(String) }
    public var kind: Kind
    public var range: SourceRange
}

public struct PathQuery: Sendable, Equatable {
    public var from: NameReference
    public var to: NameReference
    public var maxHops: Int?
    public var via: [Name]
    public var during: During?
}

public enum TimelineBucket: String, Sendable, Equatable, CaseIterable { case day, month, year }

public struct TimelineQuery: Sendable, Equatable {
    public var issue: NameReference
    public var bucket: TimelineBucket
    public var actor: NameReference?
    public var during: During?
}

public struct TopQuery: Sendable, Equatable {
    public enum Measure: String, Sendable, Equatable, CaseIterable { case opposed, supported, opponents }
    public var count: Int
    public var measure: Measure
    public var issue: NameReference?
    public var during: During?
}

public struct NetworkQuery: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case conflict, congruence }
    public enum Normalization: String, Sendable, Equatable, CaseIterable { case none, average, jaccard, cosine }
    public var kind: Kind
    public var issue: NameReference
    public var normalization: Normalization
    public var during: During?
    public var limit: LimitValue?
}
