import ArgumentParser
import Foundation
import Graph

extension GraphQ {
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
