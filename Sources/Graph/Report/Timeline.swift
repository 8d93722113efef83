/// A dated account of the stances on one subject (an issue, or an actor they are aimed at) or of
/// one actor (held or received): each statement with holder, polarity, target, quote, outlet and
/// article, in date order, grouped by period. Evidence without a date is listed apart and never
/// given one (not even the article's publication date, which is shown beside it instead).
public struct Timeline: Sendable, Codable, Equatable {
    public enum Focus: Sendable, Equatable {
        /// Stances about an issue (target or topic), or aimed at an actor.
        case about(NodeRef)
        /// Stances an actor holds or receives.
        case actor(NodeRef)
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var stance_id: Int64
        public var date: String?
        public var date_precision: String?
        public var holder: String
        public var polarity: String
        public var target: String
        public var topic: String?
        public var modality: String
        public var quote: String
        public var outlet: String?
        public var title: String?
        public var url: String?
        public var article: String
        public var published: String?
    }

    public struct Period: Sendable, Codable, Equatable {
        public var period: String
        public var entries: [Entry]
    }

    public var subject: String
    /// "issue" or "actor" for `about`; "holder or target" for an actor's timeline.
    public var focus: String
    public var by: String
    public var filter: String
    public var periods: [Period]
    public var undated: [Entry]

    public var count: Int { periods.reduce(0) { $0 + $1.entries.count } + undated.count }

    /// Builds the timeline from a subgraph (loaded with the same filter everything else uses).
    public init(graph g: Subgraph, focus: Focus, subject: String, by: DatePrecision) {
        self.subject = subject
        self.by = by.rawValue
        self.filter = g.filter.summary
        let keep: (Subgraph.Evidence) -> Bool
        switch focus {
        case .about(let ref):
            self.focus = ref.isIssue ? "issue" : "actor"
            keep = { e in e.target == ref || (ref.isIssue && e.topic.map { .issue($0) } == ref) }
        case .actor(let ref):
            self.focus = "holder or target"
            keep = { e in e.holderRef == ref || e.target == ref }
        }
        func entry(_ e: Subgraph.Evidence) -> Entry {
            let a = g.article(of: e)
            return Entry(stance_id: e.stanceID, date: e.date, date_precision: e.datePrecision, holder: g.label(e.holderRef),
                         polarity: e.polarity.rawValue, target: g.label(e.target), topic: e.topic.flatMap { g.issueLabels[$0] },
                         modality: e.modality.rawValue, quote: e.quote, outlet: a?.outlet, title: a?.title, url: a?.url,
                         article: a?.key ?? "", published: a?.published)
        }
        // Sort light keys, not entries: an entry carries a dozen strings.
        var dated: [(period: String, date: String, id: Int64, index: Int)] = []
        var undated: [(id: Int64, index: Int)] = []
        for (i, e) in g.evidence.enumerated() where keep(e) {
            if let d = e.partialDate, let date = e.date { dated.append((d.period(by), date, e.stanceID, i)) } else { undated.append((e.stanceID, i)) }
        }
        dated.sort { $0.date != $1.date ? $0.date < $1.date : $0.id < $1.id }
        var periods: [Period] = []
        for item in dated {
            let e = entry(g.evidence[item.index])
            if periods.last?.period == item.period { periods[periods.count - 1].entries.append(e) } else {
                periods.append(Period(period: item.period, entries: [e]))
            }
        }
        // Periods are prefixes of ISO dates, so date order keeps each period together; merging by
        // key guards that invariant cheaply.
        var merged: [Period] = [], position: [String: Int] = [:]
        for p in periods {
            if let i = position[p.period] { merged[i].entries += p.entries } else { position[p.period] = merged.count; merged.append(p) }
        }
        self.periods = merged.sorted { $0.period < $1.period }
        self.undated = undated.sorted { $0.id < $1.id }.map { entry(g.evidence[$0.index]) }
    }
}
