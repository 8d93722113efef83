import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The most opposed or supported actors and issues, or the most active opponents (TOP n …).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var queryOptions: QueryRunOptions
        @Option(name: .short, help: "How many.") var n: Int = 10
        @Option(help: "Only stances on this issue.") var on: String?
        @Argument(help: "opposed, supported or opponents.") var measure: String

        func run() throws {
            guard TopQuery.Measure(rawValue: measure.lowercased()) != nil else {
                throw ValidationError("expected opposed, supported or opponents, not '\(measure)'")
            }
            guard n >= 1 else { throw ValidationError("-n must be at least 1") }
            var query = "TOP \(n) \(measure.uppercased())"
            var params: [String: String] = [:]
            if let on { query += " ON $issue"; params["issue"] = on }
            try QueryRunner.run(query, parameters: params, store: store, options: queryOptions)
        }
    }
}
