import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a graphq query (MATCH, PATH, TIMELINE, TOP, CONFLICT, CONGRUENCE).",
            discussion: """
            The query comes as an argument, from -f FILE, or from standard input. See docs/QUERY.md.
              graphq query "MATCH (a)-[s:OPPOSES]->(x {name:'Amazon'}) RETURN a.name, count(s) AS n ORDER BY n DESC"
              graphq query "PATH 'ACLU' TO 'Jeff Bezos' MAX 4"
              graphq query "TIMELINE 'facial recognition' BY MONTH SINCE '2018'"
              graphq query 'MATCH (a)-[:OPPOSES]->(x {name:$who}) RETURN a.name' --param who=Amazon
            """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var queryOptions: QueryRunOptions
        @Option(name: .shortAndLong, help: "Read the query from this file.") var file: String?
        @Option(name: .customLong("param"), help: "A query parameter, NAME=VALUE (repeatable); use it as $NAME.") var params: [String] = []
        @Argument(help: "The query; omit it to read -f FILE or standard input.") var query: String?

        func validate() throws {
            if query != nil && file != nil { throw ValidationError("give the query as an argument or with -f, not both") }
        }

        func run() throws {
            var origin = "query"
            let text: String
            if let query {
                text = query
            } else if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    Console.error("\(file): no such file"); throw ExitCode(65)
                }
                text = String(decoding: data, as: UTF8.self)
                origin = file
            } else {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
            try QueryRunner.run(text, origin: origin, parameters: try QueryRunner.parameters(params), store: store, options: queryOptions)
        }
    }
}
