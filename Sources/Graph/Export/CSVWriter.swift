/// Writes a subgraph as CSV: `nodes.csv` and `relationships.csv` with the headers
/// `neo4j-admin database import` expects (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed
/// properties), and `events.csv`, a stance event list in the spirit of discourse-network
/// analysis: one row per piece of evidence with its offsets, article metadata and quote.
///
/// Fields are RFC 4180 (quoted when needed, quotes doubled). In the two Neo4j files newlines
/// inside values become spaces, because neo4j-admin rejects multi-line fields unless told
/// otherwise; the event list keeps quotes exactly (its offsets point into the stored text).
public struct CSVWriter: Sendable {
    public struct Files: Sendable, Equatable {
        public var nodes: String
        public var relationships: String
        public var events: String
        /// File name and content, in the order written.
        public var named: [(name: String, text: String)] {
            [("nodes.csv", nodes), ("relationships.csv", relationships), ("events.csv", events)]
        }
        public static func == (a: Files, b: Files) -> Bool {
            a.nodes == b.nodes && a.relationships == b.relationships && a.events == b.events
        }
    }

    public static let eventColumns = [
        "stance_id", "date", "date_precision", "holder_id", "holder", "holder_kind", "polarity", "target_id", "target",
        "target_type", "topic", "modality", "attribution", "confidence", "cue", "rule", "status", "article", "url",
        "title", "source", "author", "published", "sentence", "start", "end", "quote",
    ]

    public init() {}

    public func write(_ g: Subgraph) -> Files {
        let table = AttributeTable(g)
        var nodes = TextBuffer()
        nodes += "id:ID,name,type,kind,aliases:string[],owner,stances_held:int,stances_received:int,first_date,last_date,:LABEL\n"
        for n in table.nodes {
            // values: label, type, kind, aliases, owner, held, received, first, last
            var fields = [n.id] + n.values.map { $0 ?? "" }
            fields.append(n.isIssue ? "Issue" : "Actor;" + n.kind.prefix(1).uppercased() + n.kind.dropFirst())
            nodes.csvRow(fields, flattenNewlines: true)
        }
        var rels = TextBuffer()
        rels += ":START_ID,:END_ID,:TYPE,edge_type,evidence_count:int,articles:int,sources:int,first_date,last_date,"
        rels += "max_confidence:float,issue:string[],quote,url,stance_ids\n"
        for e in table.edges {
            // values: edge_type, polarity, relation, count, articles, sources, first, last, conf, issue, quote, url, ids
            var v = e.values.map { $0 ?? "" }
            v.remove(at: 1); v.remove(at: 1)  // polarity and relation are the :TYPE
            rels.csvRow([e.source, e.target, e.kind.uppercased()] + v, flattenNewlines: true)
        }
        var events = TextBuffer()
        events += Self.eventColumns.joined(separator: ",") + "\n"
        let order = g.evidence.indices.sorted { a, b in
            let ea = g.evidence[a], eb = g.evidence[b]
            switch (ea.date, eb.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return ea.stanceID < eb.stanceID
            }
        }
        for i in order {
            let e = g.evidence[i]
            let a = g.article(of: e)
            let holderKind = g.node(e.holderRef)?.kind?.rawValue ?? ""
            events.csvRow([
                String(e.stanceID), e.date ?? "", e.datePrecision ?? "", e.holderRef.syntheticID, g.label(e.holderRef), holderKind,
                e.polarity.rawValue, e.target.syntheticID, g.label(e.target), e.target.isIssue ? "issue" : "actor",
                e.topic.flatMap { g.issueLabels[$0] } ?? "", e.modality.rawValue, e.attribution ?? "", String(e.confidence),
                e.cue, e.rule, e.status, a?.key ?? "", a?.url ?? "", a?.title ?? "", a?.source ?? "", a?.author ?? "",
                a?.published ?? "", String(e.sentence), String(e.start), String(e.end), e.quote,
            ])
        }
        return Files(nodes: nodes.string, relationships: rels.string, events: events.string)
    }

    /// One CSV line (with its newline).
    static func row(_ fields: [String]) -> String {
        var b = TextBuffer()
        b.csvRow(fields)
        return b.string
    }
}
