import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the graph in an interchange format.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Output format: json.") var format: String = "json"
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
        @Option(help: "Keep only stances with at least this confidence (0–1).") var minConfidence: Double = 0
        @Flag(help: "Leave article texts out of the JSON export.") var noArticles = false

        func run() throws {
            guard format == "json" else {
                throw ValidationError("unknown format '\(format)'; use json")
            }
            let s = try store.open(readOnly: true)
            let g = try s.interchange(filter: StanceFilter(minConfidence: minConfidence), includeArticles: !noArticles)
            try emit(try InterchangeJSON.encode(g), to: output)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a graph in interchange JSON (from graphq export or coded by hand).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The JSON file; - reads standard input.") var file: String

        func run() throws {
            let data: Data
            if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
                guard let d = FileManager.default.contents(atPath: file) else {
                    Console.error("\(file): no such file"); throw ExitCode(65)
                }
                data = d
            }
            let s = try store.open()
            do {
                let g = try InterchangeJSON.decode(data, file: file)
                let n = try s.importGraph(g)
                Console.note("imported \(g.entities.count) entities, \(n) new stances from \(file)")
            } catch let e as StoreError {
                Console.error("\(e)"); throw ExitCode(65)
            }
        }
    }
}
