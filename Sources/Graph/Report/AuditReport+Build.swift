extension AuditReport {
    /// Audits the stances of a subgraph loaded for one subject.
    /// - Parameters:
    ///   - texts: article texts by article id, for recognising syndicated copies.
    ///   - structure: every member_of/part_of link, for internal dissent through chains.
    public init(graph g: Subgraph, subject: ResolvedNode, texts: [Int64: String], structure: [StructuralLink],
                options: Options = Options()) {
        let sources = SourceCounter(graph: g, texts: texts, options: options)
        func quote(_ i: Int) -> Quote {
            let e = g.evidence[i]
            let a = g.article(of: e)
            return Quote(stance_id: e.stanceID, polarity: e.polarity.rawValue, date: e.date, quote: e.quote,
                         outlet: a?.outlet, title: a?.title, url: a?.url, article: a?.key ?? "")
        }
        func chronological(_ a: Int, _ b: Int) -> Bool {
            let x = g.evidence[a], y = g.evidence[b]
            switch (x.date, y.date) {
            case let (p?, q?) where p != q: return p < q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return x.stanceID < y.stanceID
            }
        }

        self.subject = subject.label
        self.subject_kind = subject.ref.isIssue ? "issue" : "actor"
        self.filter = g.filter.summary
        self.stances = g.evidence.count
        self.actors = Set(g.evidence.map(\.holder)).count
        self.articles = g.articles.count

        // Sides.
        var bySide: [Polarity: [Int64: [Int]]] = [:]
        for (i, e) in g.evidence.enumerated() { bySide[e.polarity, default: [:]][e.holder, default: []].append(i) }
        var sides: [Side] = []
        for p in [Polarity.supports, .defends, .opposes] {
            guard let holders = bySide[p] else { continue }
            var actors: [SideActor] = []
            for (holder, items) in holders {
                let ordered = items.sorted(by: chronological)
                guard let first = ordered.first else { continue }
                let last = ordered.last { g.evidence[$0].date != nil } ?? first
                let targets = Set(items.map { g.label(g.evidence[$0].target) }).sorted()
                actors.append(SideActor(actor: g.label(.entity(holder)), kind: g.node(.entity(holder))?.kind?.rawValue ?? "other",
                                        evidence: items.count, sources: sources.independent(items).count, targets: targets,
                                        first: quote(first), last: quote(last)))
            }
            actors.sort { $0.evidence != $1.evidence ? $0.evidence > $1.evidence : $0.actor < $1.actor }
            sides.append(Side(polarity: p.rawValue, actors: actors))
        }
        self.sides = sides

        // Flips and contradictions, per (holder, target).
        struct Pair: Hashable { var holder: Int64; var target: NodeRef }
        var byPair: [Pair: [Int]] = [:]
        for (i, e) in g.evidence.enumerated() { byPair[Pair(holder: e.holder, target: e.target), default: []].append(i) }
        var flips: [Flip] = [], contradictions: [Contradiction] = []
        for (pair, items) in byPair.sorted(by: { ($0.key.holder, $0.key.target) < ($1.key.holder, $1.key.target) }) {
            guard Set(items.map { g.evidence[$0].polarity.side }).count == 2 else { continue }
            let actor = g.label(.entity(pair.holder)), target = g.label(pair.target)
            // Both sides in one article.
            var articlesReported = Set<Int64>()
            for (article, members) in Dictionary(grouping: items, by: { g.evidence[$0].article }).sorted(by: { $0.key < $1.key }) {
                let ordered = members.sorted { g.evidence[$0].start < g.evidence[$1].start }
                guard let a = ordered.first, let b = ordered.first(where: { g.evidence[$0].polarity.side != g.evidence[a].polarity.side }) else { continue }
                contradictions.append(Contradiction(actor: actor, target: target, reason: "same article", one: quote(a), other: quote(b)))
                articlesReported.insert(article)
            }
            // Both sides on one day, in different articles.
            let daily = Dictionary(grouping: items.filter { g.evidence[$0].partialDate?.precision == .day }, by: { g.evidence[$0].date ?? "" })
            for (_, members) in daily.sorted(by: { $0.key < $1.key }) {
                let ordered = members.sorted(by: chronological)
                guard let a = ordered.first,
                      let b = ordered.first(where: { g.evidence[$0].polarity.side != g.evidence[a].polarity.side
                                                    && g.evidence[$0].article != g.evidence[a].article }),
                      !(articlesReported.contains(g.evidence[a].article) && articlesReported.contains(g.evidence[b].article))
                else { continue }
                contradictions.append(Contradiction(actor: actor, target: target, reason: "same day", one: quote(a), other: quote(b)))
            }
            // Changes of side over time: only between dates that are strictly ordered.
            let dated = items.filter { g.evidence[$0].partialDate != nil }.sorted(by: chronological)
            var previous: Int?
            for i in dated {
                defer { previous = i }
                guard let p = previous, g.evidence[p].polarity.side != g.evidence[i].polarity.side,
                      let dp = g.evidence[p].partialDate, let di = g.evidence[i].partialDate, dp.lastDay < di.firstDay
                else { continue }
                flips.append(Flip(actor: actor, target: target, before: quote(p), after: quote(i)))
            }
        }
        self.flips = flips
        self.contradictions = contradictions

        // Internal dissent: a member (or part) on the other side from its parent organisation.
        var parents: [Int64: [StructuralLink]] = [:]
        for link in structure where link.type == .memberOf || link.type == .partOf { parents[link.from, default: []].append(link) }
        func ancestors(_ id: Int64) -> [(id: Int64, name: String, path: String)] {
            var out: [(Int64, String, String)] = []
            var seen: Set<Int64> = [id]
            var frontier: [(Int64, String)] = [(id, "")]
            for _ in 0..<4 where !frontier.isEmpty {
                var next: [(Int64, String)] = []
                for (node, path) in frontier {
                    for link in parents[node] ?? [] where seen.insert(link.to).inserted {
                        let p = path.isEmpty ? link.type.rawValue : path + " → " + link.type.rawValue
                        out.append((link.to, link.toName, p)); next.append((link.to, p))
                    }
                }
                frontier = next
            }
            return out
        }
        var edgesByPair: [Pair: [Int]] = [:]
        for (n, e) in g.edges.enumerated() {
            if case .entity(let h) = e.holder { edgesByPair[Pair(holder: h, target: e.target), default: []].append(n) }
        }
        var dissent: [Dissent] = []
        var reported = Set<String>()
        for e in g.edges {
            guard case .entity(let member) = e.holder else { continue }
            for (parent, name, path) in ancestors(member) {
                let key = "\(member)|\(parent)|\(e.target)"
                if e.target == .entity(parent), e.polarity == .opposes, reported.insert(key).inserted {
                    dissent.append(Dissent(member: g.label(e.holder), relation: path, parent: name, target: name,
                                           member_stance: quote(e.strongest), parent_stance: nil))
                    continue
                }
                for other in edgesByPair[Pair(holder: parent, target: e.target)] ?? [] {
                    let pe = g.edges[other]
                    guard pe.polarity.side != e.polarity.side, reported.insert(key).inserted else { continue }
                    dissent.append(Dissent(member: g.label(e.holder), relation: path, parent: name, target: g.label(e.target),
                                           member_stance: quote(e.strongest), parent_stance: quote(pe.strongest)))
                }
            }
        }
        self.dissent = dissent

        // Corroboration and weak edges.
        var corroboration: [Corroboration] = [], weak: [WeakEdge] = []
        for e in g.edges {
            let independent = sources.independent(e.evidence)
            let c = Corroboration(holder: g.label(e.holder), polarity: e.polarity.rawValue, target: g.label(e.target),
                                  evidence: e.count, articles: g.articleCount(e), outlets: g.outlets(e),
                                  independent_sources: independent.count, copies: independent.copies)
            corroboration.append(c)
            var reasons: [String] = []
            if c.independent_sources <= 1 { reasons.append("one source") }
            if e.maxConfidence < options.weakConfidence {
                reasons.append("low confidence (best \(Self.twoDecimals(e.maxConfidence)))")
            }
            if e.evidence.allSatisfy({ g.evidence[$0].modality == .conditional }) { reasons.append("hedged (conditional only)") }
            if e.evidence.allSatisfy({ g.evidence[$0].attribution != nil }) { reasons.append("second-hand only (attributed)") }
            if !reasons.isEmpty {
                weak.append(WeakEdge(holder: c.holder, polarity: c.polarity, target: c.target, reasons: reasons, quote: quote(e.strongest)))
            }
        }
        self.corroboration = corroboration.sorted {
            $0.independent_sources != $1.independent_sources ? $0.independent_sources > $1.independent_sources
                : ($0.holder, $0.target, $0.polarity) < ($1.holder, $1.target, $1.polarity)
        }
        self.weak = weak
    }

    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// Counts independent sources behind a set of evidence: one outlet counts once, and outlets that
/// printed near-identical articles (syndication) or near-identical quotes count once together.
struct SourceCounter {
    let graph: Subgraph
    let options: AuditReport.Options
    /// Copy group per article id.
    let articleGroup: [Int64: Int]
    let quoteDetector: NearDuplicates

    init(graph: Subgraph, texts: [Int64: String], options: AuditReport.Options) {
        self.graph = graph
        self.options = options
        let detector = NearDuplicates(threshold: options.articleSimilarity)
        let ids = graph.articles.keys.sorted()
        let groups = detector.groups(ids.map { detector.sketch(texts[$0] ?? "") })
        var articleGroup: [Int64: Int] = [:]
        for (n, id) in ids.enumerated() { articleGroup[id] = groups[n] }
        self.articleGroup = articleGroup
        self.quoteDetector = NearDuplicates(shingleSize: 3, threshold: options.quoteSimilarity)
    }

    func independent(_ items: [Int]) -> (count: Int, copies: [[String]]) {
        var parent = Array(items.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) { let (ra, rb) = (find(a), find(b)); if ra != rb { parent[ra] = rb } }
        var byOutlet: [String: Int] = [:], byCopy: [Int: Int] = [:]
        var outlet: [String] = []
        for (n, i) in items.enumerated() {
            let e = graph.evidence[i]
            let name = graph.articles[e.article]?.outlet ?? "article \(e.article)"
            outlet.append(name)
            let key = name.lowercased()
            if let m = byOutlet[key] { union(n, m) } else { byOutlet[key] = n }
            if let group = articleGroup[e.article] {
                if let m = byCopy[group] { union(n, m) } else { byCopy[group] = n }
            }
        }
        // Reprinted quotes: compare pairwise, bounded to keep hub edges cheap.
        if items.count <= 300 {
            let sketches = items.map { quoteDetector.sketch(graph.evidence[$0].quote) }
            for a in 0..<items.count {
                for b in (a + 1)..<items.count where outlet[a].lowercased() != outlet[b].lowercased() && find(a) != find(b) {
                    if quoteDetector.similarity(sketches[a], sketches[b]) >= options.quoteSimilarity {
                        union(a, b)
                    }
                }
            }
        }
        var members: [Int: Set<String>] = [:]
        for n in items.indices { members[find(n), default: []].insert(outlet[n]) }
        let copies = members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0.joined() < $1.joined() }
        return (members.count, copies)
    }
}
