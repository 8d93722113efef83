import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the graph, or a filtered part of it, as DOT, GraphML, GEXF, JSON or CSV.",
            discussion: """
            Every format shows the same subgraph: the filters apply to all of them. By default \
            rejected, negated and questioned stances are left out (--modality all keeps them).

              graphq export --format dot --issue "SB 12" --render svg -o sb12.svg
              graphq export --format graphml --around Veridian --depth 2 -o v.graphml
              graphq export --format gexf --since 2024 -o timeline.gexf
              graphq export --format csv -o neo4j/    # neo4j/nodes.csv, …
              graphq export --format csv -o out/sb12  # out/sb12-nodes.csv, …
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case json, dot, graphml, gexf, csv }
        enum Picture: String, ExpressibleByArgument, CaseIterable { case svg, png, pdf }

        @OptionGroup var store: StoreOptions
        @Option(help: "Output format: json, dot, graphml, gexf or csv (default json; dot with --render).")
        var format: Format?
        @Option(name: .shortAndLong, help: "Write to this file (csv: a directory ending in / or a file-name prefix).")
        var output: String?
        @Option(help: ArgumentHelp("Only stances about this issue (as target or topic), or aimed at this actor.", valueName: "name"))
        var issue: String?
        @Option(help: ArgumentHelp("Only the neighbourhood of this actor or issue.", valueName: "name"))
        var around: String?
        @Option(help: "Hops from --around (default 1).")
        var depth: Int = 1
        @OptionGroup var filters: FilterOptions
        @Flag(help: "Leave article texts out of the JSON export.")
        var noArticles = false
        @Flag(help: "DOT: draw a box around each coalition (actors whose main position is the same side of the same target).")
        var clusters = false
        @Flag(help: "DOT: leave out the legend.")
        var noLegend = false
        @Option(help: "DOT: the picture's title.")
        var title: String?
        @Option(help: ArgumentHelp("Render the DOT with Graphviz to svg, png or pdf.", valueName: "format"))
        var render: Picture?
        @Option(help: ArgumentHelp("Graphviz layout engine for --render (dot, neato, fdp, sfdp, circo).", valueName: "engine"))
        var layout: String?

        func validate() throws {
            if render != nil, let format, format != .dot { throw ValidationError("--render needs --format dot") }
            if depth < 0 { throw ValidationError("--depth must be 0 or more") }
            if let layout, !["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"].contains(layout) {
                throw ValidationError("unknown layout '\(layout)'; use dot, neato, fdp, sfdp or circo")
            }
            if (format ?? .json) == .csv, output == nil || output == "-" {
                throw ValidationError("--format csv writes three files; give -o DIR/ or -o PREFIX")
            }
        }

        func run() throws {
            let format = self.format ?? (render != nil ? .dot : .json)
            let s = try store.open(readOnly: true)
            var filter = try filters.filter()
            var subjectLabel: String?
            if let issue {
                let r = try s.resolveArgument(issue, prefer: .issue)
                filter.about = r.ref
                subjectLabel = r.label
            }
            if let around {
                let r = try s.resolveArgument(around, prefer: .actor)
                filter.around = r.ref
                filter.depth = depth
                subjectLabel = subjectLabel.map { "\($0), around \(r.label)" } ?? "around \(r.label)"
            }
            switch format {
            case .json:
                let g = try s.interchange(filter: filter, includeArticles: !noArticles)
                try emit(try InterchangeJSON.encode(g), to: output)
            case .dot:
                let g = try s.subgraph(filter)
                let options = DOTWriter.Options(clusters: clusters, legend: !noLegend,
                                                title: title ?? subjectLabel.map { "Stances: \($0)" })
                let dot = DOTWriter(options: options).write(g)
                guard let render else { try emit(dot, to: output); return }
                if render != .svg, output == nil || output == "-", Console.stdoutIsTerminal {
                    Console.error("not writing \(render.rawValue.uppercased()) to a terminal; give -o FILE or redirect stdout")
                    throw ExitCode(64)
                }
                do {
                    try emit(try Graphviz.render(dot, format: Graphviz.Format(rawValue: render.rawValue) ?? .svg, layout: layout), to: output)
                } catch let e as Graphviz.Failure {
                    Console.error(e.description)
                    throw ExitCode(1)
                }
            case .graphml:
                try emit(GraphMLWriter().write(try s.subgraph(filter)), to: output)
            case .gexf:
                try emit(GEXFWriter().write(try s.subgraph(filter)), to: output)
            case .csv:
                let files = CSVWriter().write(try s.subgraph(filter))
                for (name, text) in files.named {
                    let path = try Self.csvPath(output ?? ".", name)
                    try emit(text, to: path)
                    Console.note("wrote \(path)")
                }
            }
        }

        /// `DIR/` or an existing directory → `DIR/name`; anything else is a prefix → `PREFIX-name`
    /// (a trailing `.csv` on the prefix is dropped: `-o sb12.csv` → `sb12-nodes.csv`).
        static func csvPath(_ output: String, _ name: String) throws -> String {
            var isDir: ObjCBool = false
            if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDir) && isDir.boolValue) {
                do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
                    Console.error("cannot create \(output): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                return (output as NSString).appendingPathComponent(name)
            }
            let prefix = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
            return prefix + "-" + name
        }
    }
}
