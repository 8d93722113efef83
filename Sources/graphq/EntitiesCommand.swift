import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List entities, or show one with its aliases, relations and stances.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only entities of this kind (\(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))).")
        var kind: String?
        @Argument(help: "A name or alias; #ID selects by id.") var name: String?

        func run() throws {
            var k: EntityKind?
            if let kind {
                guard let parsed = EntityKind(lenient: kind) else {
                    throw ValidationError("unknown kind '\(kind)'; use one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                k = parsed
            }
            let s = try store.open(readOnly: true)
            var matches: [(id: Int64, name: String, kind: String)]
            if let name, name.hasPrefix("#"), let id = Int64(name.dropFirst()) {
                matches = try s.entityDetail(id: id).map { [($0.id, $0.name, $0.kind)] } ?? []
            } else {
                matches = try s.findEntities(name: name, kind: k)
            }
            guard let name else {
                try emit(matches.map { "#\($0.id)\t\($0.kind)\t\($0.name)" }.joined(separator: "\n") + (matches.isEmpty ? "" : "\n"), to: nil)
                return
            }
            if matches.isEmpty {
                Console.error("no entity named '\(name)'; `graphq entities` lists them all")
                throw ExitCode(65)
            }
            var out = ""
            for m in matches {
                guard let d = try s.entityDetail(id: m.id) else { continue }
                out += "#\(d.id) \(d.name) (\(d.kind))\n"
                out += "  aliases: \(d.aliases.joined(separator: ", "))\n"
                for r in d.relations { out += r.outgoing ? "  \(r.type) → \(r.other)\n" : "  ← \(r.type) \(r.other)\n" }
                for st in d.stances {
                    let who = st.direction == "out" ? "\(d.name) \(st.polarity) \(st.other)" : "\(st.other) \(st.polarity) \(d.name)"
                    var mod = st.modality == "asserted" ? "" : " [\(st.modality)]"
                    if st.status != "auto" { mod += " [\(st.status)]" }
                    out += "  [\(st.id)] \(st.date ?? "undated")  \(who)\(mod)\n      “\(st.evidence)” (\(st.article))\n"
                }
            }
            try emit(out, to: nil)
        }
    }
}
