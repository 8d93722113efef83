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
        @OptionGroup var who: WhoOptions

        func run() throws { try who.run(polarities: "OPPOSES", store: store, options: queryOptions) }
    }
}

/// What who-opposes and who-supports share: the name, an optional issue and the dates flag.
struct WhoOptions: ParsableArguments {
    @Option(help: "Only stances on this issue.") var on: String?
    @Flag(help: "Add the first and last date of each actor's stances.") var dates = false
    @Argument(help: "An actor or issue: a name, an alias or #ID.") var name: String

    func run(polarities: String, store: StoreOptions, options: QueryRunOptions) throws {
        let (query, params) = Shortcut.whoQuery(polarities: polarities, name: name, issue: on, dates: dates)
        try QueryRunner.run(query, parameters: params, store: store, options: options)
    }
}

/// The query-language text behind the CLI shortcuts. Names travel as parameters, never spliced
/// into the query text.
enum Shortcut {
    /// Actors by number of stances; ties in id order, so that the top rows are chosen before any
    /// name is looked up.
    static func whoQuery(polarities: String, name: String, issue: String?, dates: Bool) -> (String, [String: String]) {
        var params = ["name": name]
        var on = ""
        if let issue { params["issue"] = issue; on = " ON $issue" }
        let query = "MATCH (a)-[s:\(polarities)\(on)]->(x {name:$name}) "
            + "RETURN a.name AS actor, count(s) AS stances" + (dates ? ", min(s.date) AS first, max(s.date) AS last " : " ")
            + "ORDER BY stances DESC, a.id"
        return (query, params)
    }
}
