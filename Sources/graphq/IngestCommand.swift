import ArgumentParser
import Foundation
import Graph
import Ingest

extension GraphQ {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles (files, directories, - for stdin) and add their stances to the store.",
            discussion: "Formats: plain text, Markdown, HTML, JSON, JSON Lines, RSS and Atom. Re-ingesting the same content adds nothing.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Files or directories to read; - reads standard input.")
        var paths: [String]
        @Option(name: .customLong("lexicon"), help: "Extra lexicon file (repeatable), named like the bundled file it extends (cues.tsv, groups.txt, gazetteer.tsv, …).")
        var lexicons: [String] = []
        @Option(help: "Store only stances with at least this confidence (0–1).") var minConfidence: Double = 0

        func run() throws {
            let lexicon: Lexicon
            do { lexicon = try Lexicon.with(userFiles: lexicons) } catch {
                Console.error("\(error)"); throw ExitCode(65)
            }
            let s = try store.open()
            var ingestor = Ingestor(store: s, extractor: ExtractorFactory.make(lexicon: lexicon))
            ingestor.minConfidence = minConfidence
            let started = Date()
            let showProgress = Console.stderrIsTerminal
            let summary = ingestor.ingest(paths: paths) { done, total in
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[Kingesting \(done)/\(total)".utf8)) }
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            for e in summary.errors { Console.note(e) }
            let seconds = Date().timeIntervalSince(started)
            Console.note(String(format: "articles: %d new, %d already known, %d replaced, %d failed; %d new entities, %d stances; %.2f s",
                                summary.new, summary.known, summary.replaced, summary.failed, summary.newEntities, summary.stances, seconds))
            if summary.failed > 0 { throw ExitCode(65) }
        }
    }
}
