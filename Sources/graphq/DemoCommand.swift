import ArgumentParser
import Foundation
import Graph
import Ingest

extension GraphQ {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest the bundled example articles into a fresh store and show what graphq found.")
        @Option(help: "Where to write the demo store.") var db: String = "graphq-demo.sqlite"

        func run() throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            let store = try Store(path: db)
            var ingestor = Ingestor(store: store, extractor: ExtractorFactory.make())
            ingestor.reader.rootLabel = "examples"
            let summary = ingestor.ingest(paths: [BundledResources.examples.path])
            for e in summary.errors { Console.note(e) }
            let g = try store.interchange(includeArticles: false)
            var out = "Ingested \(summary.new) example articles into \(db): \(g.entities.count) entities, \(g.stances.count) stances.\n\n"
            for st in g.stances {
                let mod = st.modality == "asserted" ? "" : " [\(st.modality ?? "")]"
                out += "\(st.holder) —\(st.polarity)→ \(st.target)\(mod)   (\(st.date ?? "undated"), \(st.article ?? ""))\n"
            }
            out += "\nTry: graphq entities --db \(db)\n     graphq export --db \(db) --format json\n"
            try emit(out, to: nil)
        }
    }
}
