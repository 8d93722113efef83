import ArgumentParser
import Foundation
import Graph
import Ingest

extension GraphQ {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure extraction on gold-annotated articles (precision, recall, F1 per class, entity recall).",
            discussion: """
            GOLD_DIR holds one JSON file per article: {id, source_url, title, published, text,
            gold: {entities: [{name, kind, aliases}], stances: [{holder, polarity, target, topic, alt_targets}]}}.
            The articles are extracted into a throw-away in-memory store (gold ignored) and scored
            like shared/eval/score.py: unique (holder, polarity, target) triples per article.
            """)
        @Argument(help: "Directory of gold-annotated JSON articles.") var goldDir: String
        @Option(help: "Keep only stances with at least this confidence (0–1).") var minConfidence: Double = 0
        @Option(name: .customLong("lexicon"), help: "Extra lexicon file (repeatable), named like the file it extends.")
        var lexicons: [String] = []
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "Also write the predicted graph (interchange JSON) to this file.") var predictions: String?

        func run() throws {
            let gold: [GoldScorer.GoldArticle]
            let lexicon: Lexicon
            do {
                gold = try GoldSet.load(directory: goldDir)
                lexicon = try Lexicon.with(userFiles: lexicons)
            } catch {
                Console.error("\(error)"); throw ExitCode(65)
            }
            let store = try Store()
            let ingestor = Ingestor(store: store, extractor: ExtractorFactory.make(lexicon: lexicon))
            var summary = Ingestor.Summary()
            for g in gold { try ingestor.ingest(g.document, summary: &summary) }
            let predicted = try store.interchange(filter: StanceFilter(minConfidence: minConfidence, modalities: StanceFilter.positionModalities),
                                                  includeArticles: false)
            if let predictions { try emit(try InterchangeJSON.encode(predicted), to: predictions) }
            let r = GoldScorer().score(gold: gold, predicted: predicted)
            if json {
                let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                try emit(String(decoding: try enc.encode(r), as: UTF8.self) + "\n", to: nil)
                return
            }
            var out = "article".padding(toLength: 40, withPad: " ", startingAt: 0) + " tp pred gold\n"
            for a in r.articles {
                out += String(a.article.prefix(40)).padding(toLength: 40, withPad: " ", startingAt: 0)
                    + String(format: " %2d %4d %4d\n", a.tp, a.predicted, a.gold)
            }
            for (name, v) in [("lenient", r.lenient), ("strict", r.strict), ("pair", r.pair)] {
                out += name.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(format: " P=%.3f R=%.3f F1=%.3f  (tp %d, predicted %d, gold %d)\n", v.precision, v.recall, v.f1, v.tp, v.predicted, v.gold)
            }
            for c in ["supports", "opposes", "defends"] {
                if let v = r.perClassStrict[c] {
                    out += "  " + c.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: " P=%.3f R=%.3f F1=%.3f\n", v.precision, v.recall, v.f1)
                }
            }
            out += String(format: "entity recall %.3f\n", r.entityRecall)
            try emit(out, to: nil)
        }
    }
}

