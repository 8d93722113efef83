import Foundation
import GRDB

/// One value in a result row.
public enum QueryValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ dbValue: DatabaseValue) {
        switch dbValue.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .text(b.base64EncodedString())
        }
    }

    public var description: String {
        switch self {
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
            return String(format: "%.4g", d)
        case .text(let s): return s
        }
    }
}

/// The rows a query produced, with column titles and notes for the user.
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[QueryValue]]
    /// Things worth telling the user on stderr (fuzzy name resolutions, no path found …).
    public var notes: [String]

    public init(columns: [String], rows: [[QueryValue]], notes: [String] = []) {
        self.columns = columns; self.rows = rows; self.notes = notes
    }

    /// The rows as plain strings (for tests and simple callers).
    public var strings: [[String]] { rows.map { $0.map(\.description) } }
}

/// What `--explain` shows: the graphq query, the SQL with its arguments, and SQLite's plan.
public struct QueryExplanation: Sendable {
    public var query: String
    public var steps: [(title: String, sql: String, arguments: [String], plan: [String])]

    public var description: String {
        var out = "query:\n  " + query.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "\n"
        for step in steps {
            out += "\n\(step.title):\n" + step.sql.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
            if !step.arguments.isEmpty {
                out += "arguments:\n" + step.arguments.enumerated().map { "  ?\($0.offset + 1) = \($0.element)" }.joined(separator: "\n") + "\n"
            }
            out += "plan:\n" + step.plan.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
