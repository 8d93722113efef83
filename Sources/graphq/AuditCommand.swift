import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit a controversy: sides, flips, contradictions, internal dissent, corroboration, weak edges.",
            discussion: """
            ISSUE is an issue's label, alias or some of its words, or an actor that stances aim at. \
            The HTML report embeds the map of the issue when Graphviz is installed.

              graphq audit "SB 12"
              graphq audit "SB 12" --format html -o sb12-audit.html
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

        @OptionGroup var store: StoreOptions
        @Argument(help: "The issue (or targeted actor) to audit.") var issue: String
        @Option(help: "Output format: md, html or json.") var format: Format = .md
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
        @Option(help: "Edges whose best evidence is below this confidence are weak.") var weakConfidence: Double = 0.5
        @OptionGroup var filters: FilterOptions

        func run() throws {
            let s = try store.open(readOnly: true)
            let subject = try s.resolveArgument(issue, prefer: .issue)
            let (report, graph) = try s.audit(subject: subject, filter: try filters.filter(),
                                              options: AuditReport.Options(weakConfidence: weakConfidence))
            switch format {
            case .md: try emit(report.markdown(), to: output)
            case .json: try emit(try report.json(), to: output)
            case .html:
                var svg: String?
                if Graphviz.isInstalled, !graph.edges.isEmpty {
                    let dot = DOTWriter(options: .init(clusters: true, title: "Stances: \(subject.label)")).write(graph)
                    do { svg = String(decoding: try Graphviz.render(dot, format: .svg), as: UTF8.self) } catch {
                        Console.note("graphq: the map could not be rendered: \(error)")
                    }
                } else if !Graphviz.isInstalled {
                    Console.note("graphq: Graphviz is not installed, so the report has no map (apt-get install graphviz)")
                }
                try emit(report.html(svg: svg), to: output)
            }
        }
    }
}
