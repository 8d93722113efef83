import GRDB

/// SQL text plus its bound arguments (`?1`, `?2` … in the text), and the titles of the result
/// columns. User text only ever appears among the arguments.
public struct SQLQuery: Sendable, Equatable {
    public var sql: String
    public var arguments: [DatabaseValue]
    public var columns: [String]
}

/// A shortest-path search, run by `PathFinder`.
public struct PathPlan: Sendable, Equatable {
    public var from: ResolvedName
    public var to: ResolvedName
    public var maxHops: Int
    /// Polarities a hop may use; empty means any.
    public var polarities: [Polarity]
    public var since: String?
    /// Exclusive upper bound on dates.
    public var before: String?
    public var includeRejected: Bool

    /// True when hops must be checked against the stance table while searching (not only after).
    var isFiltered: Bool { !polarities.isEmpty || since != nil || before != nil }
}

/// What a query compiles to.
public enum CompiledQuery: Sendable, Equatable {
    case sql(SQLQuery)
    case path(PathPlan)
}

/// A compiled query with the notes worth showing the user (fuzzy name resolutions).
public struct CompiledStatement: Sendable, Equatable {
    public var query: CompiledQuery
    public var notes: [String]
    public var statement: Statement
}

/// Options that shape compilation and execution.
public struct QueryOptions: Sendable, Equatable {
    /// `$name` values, as text; the compiler binds them as numbers where compared with numbers.
    public var parameters: [String: String]
    /// The LIMIT when a query gives none.
    public var defaultLimit: Int
    /// The largest LIMIT accepted.
    public var maxLimit: Int
    /// Time budget in seconds; 0 or less disables it.
    public var timeout: Double
    /// Count stances a curator rejected too.
    public var includeRejected: Bool

    public static let hardMaxLimit = 100_000

    public init(parameters: [String: String] = [:], defaultLimit: Int = 100, maxLimit: Int = 10_000,
                timeout: Double = 10, includeRejected: Bool = false) {
        self.parameters = parameters; self.defaultLimit = defaultLimit; self.maxLimit = maxLimit
        self.timeout = timeout; self.includeRejected = includeRejected
    }
}
