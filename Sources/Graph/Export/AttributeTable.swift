/// The flat node and edge attribute rows that GraphML, GEXF and CSV write, so that every file
/// format carries the same attributes under the same names.
///
/// Stance edges (one per holder, target and polarity) come first, then structural relations
/// among the subgraph's actors (`edge_type` tells them apart).
struct AttributeTable {
    enum ValueType: String { case string, int, double }
    struct Column { var name: String; var type: ValueType }
    struct NodeRow { var id: String; var label: String; var values: [String?]; var isIssue: Bool; var kind: String }
    struct EdgeRow {
        var id: String
        var source: String
        var target: String
        /// The polarity, or the relation type.
        var kind: String
        var weight: Double
        var values: [String?]
        /// First and last day of the evidence, for GEXF spells.
        var start: String?
        var end: String?
    }

    static let nodeColumns: [Column] = [
        Column(name: "label", type: .string), Column(name: "type", type: .string), Column(name: "kind", type: .string),
        Column(name: "aliases", type: .string), Column(name: "owner", type: .string),
        Column(name: "stances_held", type: .int), Column(name: "stances_received", type: .int),
        Column(name: "first_date", type: .string), Column(name: "last_date", type: .string),
    ]
    static let edgeColumns: [Column] = [
        Column(name: "edge_type", type: .string), Column(name: "polarity", type: .string), Column(name: "relation", type: .string),
        Column(name: "evidence_count", type: .int), Column(name: "articles", type: .int), Column(name: "sources", type: .int),
        Column(name: "first_date", type: .string), Column(name: "last_date", type: .string),
        Column(name: "max_confidence", type: .double), Column(name: "issue", type: .string),
        Column(name: "quote", type: .string), Column(name: "url", type: .string), Column(name: "stance_ids", type: .string),
    ]
    /// Separator inside list-valued attributes (aliases, issues); `;` is also neo4j-admin's
    /// default array delimiter.
    static let listSeparator = ";"

    var nodes: [NodeRow] = []
    var edges: [EdgeRow] = []

    init(_ g: Subgraph) {
        let stats = g.nodeStats()
        nodes.reserveCapacity(g.nodes.count)
        for n in g.nodes {
            let s = stats[n.ref] ?? Subgraph.NodeStats()
            let kind = n.kind?.rawValue ?? "issue"
            nodes.append(NodeRow(
                id: n.ref.syntheticID, label: n.label,
                values: [n.label, n.isIssue ? "issue" : "actor", kind, Self.list(n.aliases),
                         n.owner.map { g.label(.entity($0)) }, String(s.held), String(s.received), s.firstDate, s.lastDate],
                isIssue: n.isIssue, kind: kind))
        }
        edges.reserveCapacity(g.edges.count + g.relations.count)
        for (n, e) in g.edges.enumerated() {
            let best = g.evidence[e.strongest]
            edges.append(EdgeRow(
                id: "s\(n + 1)", source: e.holder.syntheticID, target: e.target.syntheticID, kind: e.polarity.rawValue,
                weight: Double(e.count),
                values: ["stance", e.polarity.rawValue, nil, String(e.count), String(g.articleCount(e)), String(g.outlets(e).count),
                         e.firstDate, e.lastDate, String(e.maxConfidence), Self.list(g.topicLabels(e)), best.quote, g.url(e),
                         g.stanceIDs(e).map(String.init).joined(separator: " ")],
                start: e.firstDate.flatMap(PartialDate.init)?.firstDay,
                end: e.lastDate.flatMap(PartialDate.init)?.lastDay))
        }
        for (n, r) in g.relations.enumerated() {
            edges.append(EdgeRow(
                id: "r\(n + 1)", source: "e\(r.from)", target: "e\(r.to)", kind: r.type.rawValue, weight: 1,
                values: ["relation", nil, r.type.rawValue, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil],
                start: nil, end: nil))
        }
    }

    /// A list attribute; the separator inside an element becomes a comma.
    static func list(_ items: [String]) -> String? {
        if items.isEmpty { return nil }
        if items.count == 1, !items[0].utf8.contains(0x3B) { return items[0] }
        return items.map { $0.utf8.contains(0x3B) ? $0.replacingOccurrences(of: listSeparator, with: ",") : $0 }
            .joined(separator: listSeparator)
    }
}
