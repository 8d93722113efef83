import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count what the store holds.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let st = try store.open(readOnly: true).stats()
            if json {
                let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                try emit(String(decoding: enc.encode(st), as: UTF8.self) + "\n", to: nil)
                return
            }
            var out = "articles   \(st.articles)\n"
            out += "entities   \(st.entities)  (" + st.entitiesByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")\n"
            out += "aliases    \(st.aliases)\nissues     \(st.issues)\nrelations  \(st.relations)\n"
            out += "stances    \(st.stances)  (" + st.stancesByPolarity.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")\n"
            if let f = st.firstDate, let l = st.lastDate { out += "dates      \(f) … \(l)\n" }
            try emit(out, to: nil)
        }
    }
}
