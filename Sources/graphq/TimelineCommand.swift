import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A dated account of the stances on an issue, or of one actor, grouped by period.",
            discussion: """
            ISSUE is an issue's label, alias or some of its words, or an actor that stances aim at. \
            Undated statements are listed apart, never given a date.

              graphq timeline "SB 12" --by month
              graphq timeline --actor "Veridian Systems" --format csv -o veridian.csv
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, csv }
        enum Period: String, ExpressibleByArgument, CaseIterable { case day, month, year }

        @OptionGroup var store: StoreOptions
        @Argument(help: "The issue (or targeted actor) to follow.") var issue: String?
        @Option(help: ArgumentHelp("Follow this actor's stances, held or received, instead of an issue.", valueName: "name"))
        var actor: String?
        @Option(help: "Group by day, month or year.") var by: Period = .month
        @Option(help: "Output format: md, json or csv.") var format: Format = .md
        @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
        @OptionGroup var filters: FilterOptions

        func validate() throws {
            if (issue == nil) == (actor == nil) { throw ValidationError("give either an ISSUE or --actor NAME") }
        }

        func run() throws {
            let s = try store.open(readOnly: true)
            var filter = try filters.filter()
            let focus: Graph.Timeline.Focus
            let subject: ResolvedNode
            if let actor {
                subject = try s.resolveArgument(actor, prefer: .actor)
                filter.around = subject.ref
                filter.depth = 1
                focus = .actor(subject.ref)
            } else {
                subject = try s.resolveArgument(issue ?? "", prefer: .issue)
                filter.about = subject.ref
                focus = .about(subject.ref)
            }
            let timeline = Graph.Timeline(graph: try s.subgraph(filter), focus: focus, subject: subject.label,
                                          by: DatePrecision(rawValue: by.rawValue) ?? .month)
            switch format {
            case .md: try emit(timeline.markdown(), to: output)
            case .json: try emit(try timeline.json(), to: output)
            case .csv: try emit(timeline.csv(), to: output)
            }
        }
    }
}
