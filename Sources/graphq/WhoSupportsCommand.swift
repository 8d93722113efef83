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
        @OptionGroup var who: WhoOptions

        func run() throws { try who.run(polarities: "SUPPORTS|DEFENDS", store: store, options: queryOptions) }
    }
}
