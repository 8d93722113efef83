import Foundation

/// Writes a subgraph as Graphviz DOT: one node per actor (shape by kind) and per issue, one edge
/// per (holder, target, polarity) coloured by polarity, with the strongest quote as tooltip and
/// the source article as link.
///
/// Node ids are synthetic (`e12`, `i3`), and every string goes through ``quoted(_:)``, so no name
/// can break the file or inject DOT, HTML or SVG.
public struct DOTWriter: Sendable {
    public struct Options: Sendable, Equatable {
        /// Draw a box around each coalition (see ``Coalition``).
        public var clusters = false
        public var legend = true
        /// Draw structural relations (member_of, part_of, …) as grey dotted arrows.
        public var relations = true
        public var title: String?
        /// Longest quote shown in a tooltip, in characters.
        public var maxQuote = 300
        public init(clusters: Bool = false, legend: Bool = true, relations: Bool = true, title: String? = nil) {
            self.clusters = clusters; self.legend = legend; self.relations = relations; self.title = title
        }
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    public static func style(_ p: Polarity) -> (color: String, style: String) {
        switch p {
        case .opposes: return ("#c0392b", "solid")
        case .supports: return ("#1e8449", "solid")
        case .defends: return ("#2471a3", "dashed")
        }
    }

    public static func shape(_ kind: EntityKind?) -> (shape: String, fill: String) {
        switch kind {
        case nil: return ("note", "#fff4c2")
        case .organization?: return ("box", "#dbe9f6")
        case .person?: return ("ellipse", "#fde2c8")
        case .group?: return ("hexagon", "#e3f1dd")
        case .government?: return ("house", "#e8def3")
        case .product?: return ("component", "#eeeeee")
        case .media?: return ("tab", "#f9e0e6")
        case .other?: return ("octagon", "#f4f4f4")
        }
    }

    public func write(_ g: Subgraph) -> String {
        var out = TextBuffer()
        out.bytes.reserveCapacity(256 + g.nodes.count * 160 + g.edges.count * 420)
        var plain = g.filter
        plain.about = nil; plain.around = nil; plain.depth = StanceFilter.forMaps.depth
        let title = options.title ?? (plain == .forMaps ? "Stakeholder map" : "Stakeholder map — \(g.filter.summary)")
        out += "digraph graphq {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label="
        out.dotQuoted(title)
        out += ", tooltip="
        out.dotQuoted(title)
        out += ", nodesep=0.25, ranksep=0.7, splines=true];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=\"filled\", color=\"#555555\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n"

        var clustered = Set<NodeRef>()
        if options.clusters {
            for (n, c) in Coalition.find(in: g).enumerated() {
                out += "  subgraph cluster_c\(n) {\n    label="
                out.dotQuoted(c.label(in: g) + " (\(c.members.count))")
                out += "; style=\"rounded,dashed\"; color=\"\(c.side > 0 ? "#1e8449" : "#c0392b")\"; fontcolor=\"#444444\";\n"
                for m in c.members {
                    guard let node = g.node(m) else { continue }
                    out += "  "
                    writeNode(node, g, into: &out)
                    clustered.insert(m)
                }
                out += "  }\n"
            }
        }
        for node in g.nodes where !clustered.contains(node.ref) { writeNode(node, g, into: &out) }
        for edge in g.edges { writeEdge(edge, g, into: &out) }
        if options.relations {
            for r in g.relations {
                out += "  e\(r.from) -> e\(r.to) [style=dotted, color=\"#888888\", arrowhead=empty, fontcolor=\"#666666\", label="
                out.dotQuoted(r.type.rawValue.replacingOccurrences(of: "_", with: " "))
                out += ", tooltip="
                out.dotQuoted(r.type.rawValue)
                out += "];\n"
            }
        }
        if options.legend { writeLegend(g, into: &out) }
        out += "}\n"
        return out.string
    }

    func writeNode(_ node: Subgraph.Node, _ g: Subgraph, into out: inout TextBuffer) {
        let (shape, fill) = Self.shape(node.kind)
        var tip = node.label + " (" + (node.kind?.rawValue ?? "issue") + ")"
        if !node.aliases.isEmpty { tip += "\naliases: " + node.aliases.joined(separator: ", ") }
        if let owner = node.owner { tip += "\nof: " + g.label(.entity(owner)) }
        out += "  \(node.ref.syntheticID) [label="
        out.dotQuoted(node.label)
        out += ", shape=\(shape), fillcolor=\"\(fill)\", tooltip="
        out.dotQuoted(tip)
        out += "];\n"
    }

    func writeEdge(_ edge: Subgraph.Edge, _ g: Subgraph, into out: inout TextBuffer) {
        let (color, style) = Self.style(edge.polarity)
        let best = g.evidence[edge.strongest]
        let article = g.article(of: best)
        var tip = g.label(edge.holder) + " " + edge.polarity.rawValue + " " + g.label(edge.target)
        tip += " — \(edge.count) piece\(edge.count == 1 ? "" : "s") of evidence"
        if let f = edge.firstDate, let l = edge.lastDate { tip += f == l ? ", \(f)" : ", \(f) … \(l)" }
        tip += "\n“" + Self.truncate(best.quote, options.maxQuote) + "”"
        if let o = article?.outlet {
            tip += "\n— " + o + (best.date.map { ", " + $0 } ?? "")
        } else if let d = best.date {
            tip += "\n— " + d
        }
        let width = min(8.0, 1.0 + 1.5 * log2(Double(max(1, edge.count))))
        out += "  \(edge.holder.syntheticID) -> \(edge.target.syntheticID) [color=\"\(color)\", style=\(style), "
        out += "penwidth=\(Self.decimal(width)), weight=\(edge.count), tooltip="
        out.dotQuoted(tip)
        if let url = g.url(edge) {
            out += ", URL="
            out.dotURL(url)
            out += ", target=\"_blank\""
        }
        out += "];\n"
    }

    func writeLegend(_ g: Subgraph, into out: inout TextBuffer) {
        out += "  subgraph cluster_legend {\n"
        out += "    label=\"Legend\"; fontsize=10; style=\"rounded\"; color=\"#bbbbbb\"; fontcolor=\"#444444\";\n"
        out += "    node [fontsize=9, height=0.2, style=\"filled\"];\n"
        for (n, p) in [Polarity.supports, .opposes, .defends].enumerated() {
            let (color, style) = Self.style(p)
            out += "    lg_p\(n)a [label=\"\", shape=point, width=0.05, color=\"#777777\"];\n"
            out += "    lg_p\(n)b [label=\"\(p.rawValue)\", shape=plaintext, style=\"\"];\n"
            out += "    lg_p\(n)a -> lg_p\(n)b [color=\"\(color)\", style=\(style), penwidth=2];\n"
        }
        var kinds: [EntityKind?] = EntityKind.allCases.filter { k in g.nodes.contains { $0.kind == k } }
        if g.nodes.contains(where: \.isIssue) { kinds.append(nil) }
        for (n, k) in kinds.enumerated() {
            let (shape, fill) = Self.shape(k)
            out += "    lg_k\(n) [label=\"\(k?.rawValue ?? "issue")\", shape=\(shape), fillcolor=\"\(fill)\"];\n"
        }
        // Invisible links lay the kinds out in a row instead of a tall column.
        if kinds.count > 1 {
            out += "    " + kinds.indices.map { "lg_k\($0)" }.joined(separator: " -> ") + " [style=invis];\n"
        }
        out += "  }\n"
    }

    /// A DOT double-quoted string. Quotes and backslashes are escaped, newlines become `\n`,
    /// other control characters are dropped, and `&`, `<`, `>` become character entities, which
    /// Graphviz decodes in labels and tooltips, so SVG output stays well-formed and shows the
    /// original text.
    public static func quoted(_ s: String) -> String {
        var b = TextBuffer()
        b.dotQuoted(s)
        return b.string
    }

    /// A URL as a DOT string: characters that are unsafe in a URL or in Graphviz's SVG output are
    /// percent-encoded, and `&` is written as `&amp;` (Graphviz copies URLs into SVG attributes
    /// without escaping them).
    public static func quotedURL(_ url: String) -> String {
        var b = TextBuffer()
        b.dotURL(url)
        return b.string
    }

    /// At most `limit` Unicode scalars on one line, with an ellipsis when cut.
    static func truncate(_ s: String, _ limit: Int) -> String {
        var flat = s
        if s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            flat = s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        }
        // UTF-8 length bounds the scalar count: only long quotes need counting.
        guard flat.utf8.count > limit, flat.unicodeScalars.count > limit else { return flat }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: flat.unicodeScalars.prefix(limit))
        return String(cut) + "…"
    }

    /// One decimal, without Foundation's formatter (hot on large exports).
    static func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
