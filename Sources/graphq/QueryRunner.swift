import ArgumentParser
import Foundation
import Graph

/// Options shared by `query` and the shortcuts that compile to the query language.
struct QueryRunOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.") var format: String = "table"
    @Flag(help: "Print the graphq query, the SQL with its arguments and SQLite's plan instead of running it.") var explain = false
    @Option(help: "Time budget in seconds (0: none).") var timeout: Double = 10
    @Option(help: "Rows to return when the query gives no LIMIT.") var limit: Int = 100
    @Option(help: "The largest LIMIT a query may ask for.") var maxLimit: Int = 10_000
    @Flag(help: "Count stances a curator rejected too.") var includeRejected = false

    func validate() throws {
        guard ResultFormat(rawValue: format) != nil else { throw ValidationError("unknown format '\(format)'; use table, json or csv") }
        guard limit >= 0, maxLimit >= 1, maxLimit <= QueryOptions.hardMaxLimit else {
            throw ValidationError("--limit must be ≥ 0 and --max-limit between 1 and \(QueryOptions.hardMaxLimit)")
        }
        guard limit <= maxLimit else { throw ValidationError("--limit \(limit) is above --max-limit \(maxLimit)") }
        guard timeout >= 0 else { throw ValidationError("--timeout cannot be negative") }
    }

    func queryOptions(parameters: [String: String]) -> QueryOptions {
        QueryOptions(parameters: parameters, defaultLimit: limit, maxLimit: maxLimit, timeout: timeout, includeRejected: includeRejected)
    }
}

/// Runs a query against the store and prints its result (or its explanation), mapping failures to
/// exit codes: 65 for a bad query, 1 for a timeout or store failure.
enum QueryRunner {
    static func run(_ text: String, origin: String = "query", parameters: [String: String], store: StoreOptions, options: QueryRunOptions) throws {
        let engine = QueryEngine(store: try store.open(readOnly: true))
        let opts = options.queryOptions(parameters: parameters)
        do {
            if options.explain {
                try emit(try engine.explain(text, options: opts).description, to: nil)
                return
            }
            let result = try engine.run(text, options: opts)
            for note in result.notes { Console.note("note: " + note) }
            let format = ResultFormat(rawValue: options.format) ?? .table
            let width: Int? = Console.stdoutIsTerminal ? 72 : nil
            try emit(ResultFormatter.render(result, as: format, maxCellWidth: width), to: nil)
        } catch let error as QueryError {
            switch error {
            case .diagnostic(var d):
                d.origin = origin
                Console.note(d.description)
                throw ExitCode(65)
            default:
                Console.error(error.description)
                throw ExitCode(1)
            }
        }
    }

    /// `k=v` pairs from `--param`.
    static func parameters(_ pairs: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for p in pairs {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("--param needs NAME=VALUE, got '\(p)'")
            }
            out[String(p[..<eq]).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "")] = String(p[p.index(after: eq)...])
        }
        return out
    }
}
