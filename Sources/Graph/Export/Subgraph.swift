/// The part of the graph a ``StanceFilter`` keeps, in the shape every exporter, the timeline and
/// the audit read: nodes, every piece of evidence, and edges aggregated per
/// (holder, target, polarity).
public struct Subgraph: Sendable {
    /// An actor or an issue.
    public struct Node: Sendable, Equatable {
        public var ref: NodeRef
        public var label: String
        /// The actor's kind; nil for an issue.
        public var kind: EntityKind?
        /// Other surface forms (the label itself left out).
        public var aliases: [String]
        /// For an issue, the actor it belongs to, when known.
        public var owner: Int64?
        public var isIssue: Bool { kind == nil }
    }

    /// Article metadata (without the text).
    public struct Article: Sendable, Equatable {
        public var id: Int64
        public var key: String
        public var url: String?
        public var title: String?
        public var source: String?
        public var author: String?
        public var published: String?

        /// The outlet: the source name, else the URL's host, else nil.
        public var outlet: String? {
            if let source, !source.isEmpty { return source }
            guard let url, let range = url.range(of: "://") else { return nil }
            let rest = url[range.upperBound...]
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.isEmpty ? nil : String(host)
        }
    }

    /// One stance: a piece of evidence with its provenance.
    public struct Evidence: Sendable, Equatable {
        public var stanceID: Int64
        public var holder: Int64
        public var target: NodeRef
        public var polarity: Polarity
        public var topic: Int64?
        public var article: Int64
        public var sentence: Int
        /// Offsets in Unicode scalars into the article text, end exclusive.
        public var start: Int
        public var end: Int
        public var quote: String
        public var cue: String
        public var date: String?
        public var datePrecision: String?
        public var modality: Modality
        public var attribution: String?
        public var confidence: Double
        public var rule: String
        public var status: String

        public var holderRef: NodeRef { .entity(holder) }
        public var partialDate: PartialDate? { date.flatMap(PartialDate.init) }
    }

    /// Evidence aggregated per (holder, target, polarity).
    public struct Edge: Sendable, Equatable {
        public var holder: NodeRef
        public var target: NodeRef
        public var polarity: Polarity
        /// Indices into ``Subgraph/evidence``, dated ones first in date order, then undated.
        public var evidence: [Int]
        public var firstDate: String?
        public var lastDate: String?
        public var maxConfidence: Double
        /// The index (into ``Subgraph/evidence``) of the strongest quote: highest confidence,
        /// then asserted before hedged, then earliest.
        public var strongest: Int
        /// Topic issue ids mentioned by the evidence.
        public var topics: [Int64]
        public var count: Int { evidence.count }
    }

    /// A structural relation between two actors of the subgraph (member_of, part_of, …).
    public struct Relation: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
        public var type: RelationType
    }

    public var filter: StanceFilter
    /// Nodes in a stable order: actors by id, then issues by id.
    public var nodes: [Node]
    public var evidence: [Evidence]
    public var edges: [Edge]
    public var relations: [Relation]
    public var articles: [Int64: Article]
    /// Labels of every issue referenced as target or topic (topics need not be nodes).
    public var issueLabels: [Int64: String]
    private var index: [NodeRef: Int]

    public init(filter: StanceFilter, nodes: [Node], evidence: [Evidence], relations: [Relation],
                articles: [Int64: Article], issueLabels: [Int64: String]) {
        self.filter = filter
        self.nodes = nodes.sorted { $0.ref < $1.ref }
        self.evidence = evidence
        self.relations = relations
        self.articles = articles
        self.issueLabels = issueLabels
        var index: [NodeRef: Int] = [:]
        for (i, n) in self.nodes.enumerated() { index[n.ref] = i }
        self.index = index
        self.edges = Self.aggregate(evidence)
    }

    public func node(_ ref: NodeRef) -> Node? { index[ref].map { nodes[$0] } }

    /// The display name of a node (falls back to the synthetic id).
    public func label(_ ref: NodeRef) -> String {
        if let n = node(ref) { return n.label }
        if case .issue(let id) = ref, let l = issueLabels[id] { return l }
        return ref.syntheticID
    }

    public func article(of e: Evidence) -> Article? { articles[e.article] }

    /// Builds the edges: one per (holder, target, polarity), in holder, target, polarity order.
    static func aggregate(_ evidence: [Evidence]) -> [Edge] {
        struct Key: Hashable { var holder: Int64; var target: NodeRef; var polarity: Polarity }
        var groups: [Key: [Int]] = [:]
        for (i, e) in evidence.enumerated() {
            groups[Key(holder: e.holder, target: e.target, polarity: e.polarity), default: []].append(i)
        }
        var edges: [Edge] = []
        edges.reserveCapacity(groups.count)
        for (key, members) in groups {
            let ordered = members.sorted { a, b in
                let ea = evidence[a], eb = evidence[b]
                switch (ea.date, eb.date) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return ea.stanceID < eb.stanceID
                }
            }
            var strongest = ordered[0]
            var maxConfidence = -Double.infinity
            var first: String?, last: String?
            var topics: [Int64] = []
            for i in ordered {
                let e = evidence[i]
                let s = evidence[strongest]
                if e.confidence > s.confidence || (e.confidence == s.confidence && e.modality == .asserted && s.modality != .asserted) {
                    strongest = i
                }
                maxConfidence = max(maxConfidence, e.confidence)
                if let d = e.date {
                    if first.map({ d < $0 }) ?? true { first = d }
                    if last.map({ d > $0 }) ?? true { last = d }
                }
                if let t = e.topic, !topics.contains(t) { topics.append(t) }
            }
            edges.append(Edge(holder: .entity(key.holder), target: key.target, polarity: key.polarity, evidence: ordered,
                              firstDate: first, lastDate: last, maxConfidence: maxConfidence, strongest: strongest,
                              topics: topics.sorted()))
        }
        edges.sort { a, b in
            if a.holder != b.holder { return a.holder < b.holder }
            if a.target != b.target { return a.target < b.target }
            return a.polarity < b.polarity
        }
        return edges
    }
}
