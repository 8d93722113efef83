import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct WhoSupports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-supports",
            abstract: "Who supports or defends an actor or issue (a shortcut for a MATCH query; --explain shows it).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var queryOptions: QueryRunOptions
        @Option(help: "Only stances on this issue.") var on: String?
        @Flag(help: "Add the first and last date of each actor's stances.") var dates = false
        @Argument(help: "An actor or issue: a name, an alias or #ID.") var name: String

        func run() throws {
            let (query, params) = Shortcut.whoQuery(polarities: "SUPPORTS|DEFENDS", name: name, issue: on, dates: dates)
            try QueryRunner.run(query, parameters: params, store: store, options: queryOptions)
        }
    }
}
