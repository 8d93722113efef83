/// Attributes the file exporters share, computed once per node and edge.
extension Subgraph {
    /// Per-node counts of evidence held and received, with the dates of first and last evidence.
    public struct NodeStats: Sendable, Equatable {
        public var held = 0
        public var received = 0
        public var firstDate: String?
        public var lastDate: String?
    }

    public func nodeStats() -> [NodeRef: NodeStats] {
        var stats: [NodeRef: NodeStats] = [:]
        func touch(_ r: NodeRef, _ edge: Edge, holder: Bool) {
            var s = stats[r, default: NodeStats()]
            if holder { s.held += edge.count } else { s.received += edge.count }
            if let f = edge.firstDate, s.firstDate.map({ f < $0 }) ?? true { s.firstDate = f }
            if let l = edge.lastDate, s.lastDate.map({ l > $0 }) ?? true { s.lastDate = l }
            stats[r] = s
        }
        for e in edges {
            touch(e.holder, e, holder: true)
            touch(e.target, e, holder: false)
        }
        return stats
    }

    /// The number of distinct articles behind an edge.
    public func articleCount(_ edge: Edge) -> Int {
        Set(edge.evidence.map { evidence[$0].article }).count
    }

    /// The distinct outlets behind an edge (an article without a known outlet counts as its own).
    public func outlets(_ edge: Edge) -> [String] {
        Set(edge.evidence.map { i -> String in
            let e = evidence[i]
            return articles[e.article]?.outlet ?? "article:\(e.article)"
        }).sorted()
    }

    /// Labels of the issues the edge's evidence is about.
    public func topicLabels(_ edge: Edge) -> [String] {
        edge.topics.compactMap { issueLabels[$0] }
    }

    /// The link for an edge: the strongest quote's article URL, else any evidence's.
    public func url(_ edge: Edge) -> String? {
        if let u = articles[evidence[edge.strongest].article]?.url, !u.isEmpty { return u }
        for i in edge.evidence { if let u = articles[evidence[i].article]?.url, !u.isEmpty { return u } }
        return nil
    }

    /// The stance ids behind an edge, in evidence order.
    public func stanceIDs(_ edge: Edge) -> [Int64] { edge.evidence.map { evidence[$0].stanceID } }
}
