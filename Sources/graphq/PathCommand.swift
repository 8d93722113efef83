import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The shortest connection between two actors, with the evidence of each hop (PATH a TO b).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var queryOptions: QueryRunOptions
        @Option(help: "At most this many hops.") var max: Int?
        @Option(help: "Only hops of these polarities, e.g. opposes or supports,defends.") var via: String?
        @Argument(help: "Where the path starts: a name, an alias or #ID.") var from: String
        @Argument(help: "Where it ends.") var to: String

        func run() throws {
            var query = "PATH $from TO $to"
            if let max { query += " MAX \(max)" }
            if let via {
                let types = via.split(whereSeparator: { $0 == "," || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
                guard !types.isEmpty, types.allSatisfy({ t in t.allSatisfy { $0.isLetter } }) else {
                    throw ValidationError("--via takes polarities such as opposes or supports,defends")
                }
                query += " VIA " + types.map { $0.uppercased() }.joined(separator: "|")
            }
            try QueryRunner.run(query, parameters: ["from": from, "to": to], store: store, options: queryOptions)
        }
    }
}
