import Dispatch
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A time budget, checked by SQLite's progress handler and by the path search.
final class QueryDeadline: Sendable {
    private let end: UInt64
    let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
        end = seconds > 0 ? DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1_000_000_000) : 0
    }

    var isExpired: Bool { end != 0 && DispatchTime.now().uptimeNanoseconds >= end }

    func check() throws {
        if isExpired { throw QueryError.timeout(seconds: seconds) }
    }
}

/// Runs graphq queries against a store: parse, resolve, compile, execute on a read-only
/// connection under a time budget.
public struct QueryEngine: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Compiles without running (for tests and `--explain`).
    public func compile(_ text: String, options: QueryOptions = QueryOptions()) throws(QueryError) -> CompiledStatement {
        try guarded(options) { db, _ in try SQLCompiler.compile(text, db: db, options: options) }
    }

    /// Runs a query and returns its rows.
    public func run(_ text: String, options: QueryOptions = QueryOptions()) throws(QueryError) -> QueryResult {
        try guarded(options) { db, deadline in
            let compiled = try SQLCompiler.compile(text, db: db, options: options)
            var result: QueryResult
            switch compiled.query {
            case .sql(let q): result = try Self.fetch(q, db: db)
            case .path(let plan): result = try PathFinder(db: db, plan: plan, deadline: deadline).run()
            }
            result.notes = compiled.notes + result.notes
            return result
        }
    }

    /// The SQL a query compiles to, with SQLite's plan for it.
    public func explain(_ text: String, options: QueryOptions = QueryOptions()) throws(QueryError) -> QueryExplanation {
        try guarded(options) { db, deadline in
            let compiled = try SQLCompiler.compile(text, db: db, options: options)
            switch compiled.query {
            case .sql(let q):
                return QueryExplanation(query: text, steps: [("sql", q.sql, q.arguments.map(Self.render), try Self.plan(q.sql, q.arguments, db: db))])
            case .path(let plan):
                let finder = PathFinder(db: db, plan: plan, deadline: deadline)
                let mode = plan.isFiltered
                    ? "bidirectional BFS over the stance table (filtered by VIA/dates), expanding the smaller frontier"
                    : "bidirectional BFS over the adjacency table, expanding the frontier with the smaller total degree; hops then checked for qualifying evidence"
                var steps: [(String, String, [String], [String])] = []
                let c = finder.stanceConditions(first: 2)
                if plan.isFiltered {
                    let args = [plan.from.id.databaseValue] + c.arguments
                    steps.append(("neighbours of an actor (\(mode))", finder.entityNeighbourSQL, args.map(Self.render), try Self.plan(finder.entityNeighbourSQL, args, db: db)))
                } else {
                    steps.append(("neighbours (\(mode))", PathFinder.adjacencySQL, [Self.render(plan.from.nodeID.databaseValue)],
                                  try Self.plan(PathFinder.adjacencySQL, [plan.from.nodeID.databaseValue], db: db)))
                }
                return QueryExplanation(query: text, steps: steps)
            }
        }
    }

    static func render(_ v: DatabaseValue) -> String {
        switch v.storage {
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .null: return "NULL"
        default: return v.description
        }
    }

    static func fetch(_ q: SQLQuery, db: Database) throws -> QueryResult {
        var rows: [[QueryValue]] = []
        let cursor = try Row.fetchCursor(db, sql: q.sql, arguments: StatementArguments(q.arguments))
        while let row = try cursor.next() {
            var values: [QueryValue] = []
            values.reserveCapacity(row.count)
            for i in 0..<row.count { values.append(QueryValue(row[i] as DatabaseValue)) }
            rows.append(values)
        }
        return QueryResult(columns: q.columns, rows: rows)
    }

    /// `EXPLAIN QUERY PLAN` as an indented tree.
    static func plan(_ sql: String, _ arguments: [DatabaseValue], db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments))
        var depth: [Int: Int] = [0: -1]
        var out: [String] = []
        for r in rows {
            let id: Int = r[0], parent: Int = r[1], detail: String = r[3]
            let d = (depth[parent] ?? -1) + 1
            depth[id] = d
            out.append(String(repeating: "  ", count: d) + detail)
        }
        return out
    }

    /// Runs `body` in a read-only transaction with the time budget enforced, mapping errors.
    private func guarded<T>(_ options: QueryOptions, _ body: @escaping (Database, QueryDeadline) throws -> T) throws(QueryError) -> T {
        let deadline = QueryDeadline(seconds: options.timeout)
        do {
            return try store.writer.read { db in
                db.add(function: DatabaseFunction("graphq_sqrt", argumentCount: 1, pure: true) { values in
                    Double.fromDatabaseValue(values[0]).map { $0.squareRoot() }
                })
                let connection = db.sqliteConnection
                let context = Unmanaged.passUnretained(deadline).toOpaque()
                sqlite3_progress_handler(connection, 1000, { ctx in
                    guard let ctx else { return 0 }
                    return Unmanaged<QueryDeadline>.fromOpaque(ctx).takeUnretainedValue().isExpired ? 1 : 0
                }, context)
                defer { sqlite3_progress_handler(connection, 0, nil, nil) }
                return try withExtendedLifetime(deadline) { try body(db, deadline) }
            }
        } catch let d as QueryDiagnostic {
            throw .diagnostic(d)
        } catch let e as QueryError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
            throw .timeout(seconds: options.timeout)
        } catch {
            if deadline.isExpired { throw .timeout(seconds: options.timeout) }
            throw .store("\(error)")
        }
    }
}
