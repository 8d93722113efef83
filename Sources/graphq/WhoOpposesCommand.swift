import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct WhoOpposes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-opposes",
            abstract: "Who opposes an actor or issue (a shortcut for a MATCH query; --explain shows it).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var queryOptions: QueryRunOptions
        @Option(help: "Only stances on this issue.") var on: String?
        @Argument(help: "An actor or issue: a name, an alias or #ID.") var name: String

        func run() throws {
            let (query, params) = Shortcut.whoQuery(polarities: "OPPOSES", name: name, issue: on)
            try QueryRunner.run(query, parameters: params, store: store, options: queryOptions)
        }
    }
}

/// The query-language text behind the CLI shortcuts. Names travel as parameters, never spliced
/// into the query text.
enum Shortcut {
    static func whoQuery(polarities: String, name: String, issue: String?) -> (String, [String: String]) {
        var params = ["name": name]
        var on = ""
        if let issue { params["issue"] = issue; on = " ON $issue" }
        let query = "MATCH (a)-[s:\(polarities)\(on)]->(x {name:$name}) "
            + "RETURN a.name AS actor, count(s) AS stances, min(s.date) AS first, max(s.date) AS last "
            + "ORDER BY stances DESC, a.id"
        return (query, params)
    }
}
