import GRDB

extension Store {
    /// Loads the part of the graph that `filter` keeps: the stances, the nodes they touch (plus
    /// the `around` centre), the metadata of their articles and the relations among their actors.
    public func subgraph(_ filter: StanceFilter) throws -> Subgraph {
        try writer.read { db in try Self.loadSubgraph(db, filter) }
    }

    static func loadSubgraph(_ db: Database, _ filter: StanceFilter) throws -> Subgraph {
        let tableSize = try Int.fetchOne(db, sql: "SELECT max(id) FROM stance") ?? 0
        var (conds, args) = filter.sqlConditions(scan: try mostStancesConcern(db, filter.about, tableSize: tableSize))
        if let centre = filter.around {
            // The unfiltered adjacency table gives a superset of the neighbourhood cheaply; the
            // exact neighbourhood over the kept stances is computed below.
            let candidates = try neighbourhood(db, of: centre, depth: max(0, filter.depth))
            let list = jsonArray(candidates.map(\.adjacencyID))
            conds.append("s.holder IN (SELECT value FROM json_each(?))")
            conds.append("COALESCE(s.target_entity, -s.target_issue) IN (SELECT value FROM json_each(?))")
            args += [list.databaseValue, list.databaseValue]
        }
        var evidence: [Subgraph.Evidence] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT s.id, s.holder, s.target_entity, s.target_issue, s.polarity, s.topic, s.article, s.sentence,
                   s.start, s."end", s.evidence, s.cue, s.date, s.date_precision, s.modality, s.attribution,
                   s.confidence, s.rule, s.status
            FROM stance s WHERE \(conds.joined(separator: " AND ")) ORDER BY s.id
            """, arguments: StatementArguments(args))
        while let r = try cursor.next() {
            let te: Int64? = r[2]
            let ti: Int64? = r[3]
            let target: NodeRef
            if let te { target = .entity(te) } else if let ti { target = .issue(ti) } else { continue }
            let polarity = Polarity(rawValue: r[4]) ?? .supports
            evidence.append(Subgraph.Evidence(
                stanceID: r[0], holder: r[1], target: target, polarity: polarity, topic: r[5], article: r[6],
                sentence: r[7], start: r[8], end: r[9], quote: r[10], cue: r[11], date: r[12], datePrecision: r[13],
                modality: Modality(rawValue: r[14]) ?? .asserted, attribution: r[15], confidence: r[16],
                rule: r[17], status: r[18]))
        }
        if let centre = filter.around {
            let reach = neighbourhood(of: centre, depth: max(0, filter.depth), over: evidence)
            evidence.removeAll { !reach.contains($0.holderRef) || !reach.contains($0.target) }
        }

        var refs = Set<NodeRef>()
        var articleIDs = Set<Int64>()
        var issueIDs = Set<Int64>()
        for e in evidence {
            refs.insert(e.holderRef); refs.insert(e.target)
            articleIDs.insert(e.article)
            if case .issue(let i) = e.target { issueIDs.insert(i) }
            if let t = e.topic { issueIDs.insert(t) }
        }
        if let centre = filter.around {
            refs.insert(centre)
            if case .issue(let i) = centre { issueIDs.insert(i) }
        }
        var entityIDs: [Int64] = []
        var nodeIssueIDs: [Int64] = []
        for r in refs {
            switch r {
            case .entity(let id): entityIDs.append(id)
            case .issue(let id): nodeIssueIDs.append(id)
            }
        }
        let entityList = jsonArray(entityIDs)

        var aliases: [Int64: [String]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT a.entity, a.surface FROM alias a JOIN entity e ON e.id = a.entity
            WHERE a.entity IN (SELECT value FROM json_each(?)) AND a.surface <> e.name ORDER BY a.entity, a.surface
            """, arguments: [entityList]) {
            aliases[r[0], default: []].append(r[1])
        }
        var nodes: [Subgraph.Node] = []
        nodes.reserveCapacity(refs.count)
        for r in try Row.fetchAll(db, sql: "SELECT id, name, kind FROM entity WHERE id IN (SELECT value FROM json_each(?))",
                                  arguments: [entityList]) {
            let id: Int64 = r[0]
            nodes.append(Subgraph.Node(ref: .entity(id), label: r[1], kind: EntityKind(rawValue: r[2]) ?? .other,
                                       aliases: aliases[id] ?? [], owner: nil))
        }
        var issueLabels: [Int64: String] = [:]
        var owners: [Int64: Int64] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, label, owner FROM issue WHERE id IN (SELECT value FROM json_each(?))",
                                  arguments: [jsonArray(Array(issueIDs))]) {
            issueLabels[r[0]] = r[1]
            if let o: Int64 = r[2] { owners[r[0]] = o }
        }
        var issueAliases: [Int64: [String]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT a.issue, a.surface FROM issue_alias a JOIN issue i ON i.id = a.issue
            WHERE a.issue IN (SELECT value FROM json_each(?)) AND a.surface <> i.label ORDER BY a.issue, a.surface
            """, arguments: [jsonArray(nodeIssueIDs)]) {
            issueAliases[r[0], default: []].append(r[1])
        }
        for id in nodeIssueIDs {
            nodes.append(Subgraph.Node(ref: .issue(id), label: issueLabels[id] ?? "issue \(id)", kind: nil,
                                       aliases: issueAliases[id] ?? [], owner: owners[id]))
        }
        var articles: [Int64: Subgraph.Article] = [:]
        articles.reserveCapacity(articleIDs.count)
        // Many articles: one scan beats a lookup per id (the columns read come before the text).
        let articleTable = try Int.fetchOne(db, sql: "SELECT max(id) FROM article") ?? 0
        let scanArticles = articleIDs.count * 8 > articleTable
        let articleRows = try Row.fetchCursor(db, sql: """
            SELECT id, key, url, title, source, author, published FROM article
            \(scanArticles ? "" : "WHERE id IN (SELECT value FROM json_each(?))")
            """, arguments: scanArticles ? [] : [jsonArray(Array(articleIDs))])
        while let r = try articleRows.next() {
            let id: Int64 = r[0]
            guard articleIDs.contains(id) else { continue }
            articles[id] = Subgraph.Article(id: id, key: r[1], url: r[2], title: r[3], source: r[4], author: r[5], published: r[6])
        }
        let relations = try Row.fetchAll(db, sql: """
            SELECT from_entity, to_entity, type FROM relation
            WHERE from_entity IN (SELECT value FROM json_each(?1)) AND to_entity IN (SELECT value FROM json_each(?1))
            ORDER BY from_entity, type, to_entity
            """, arguments: [entityList]).compactMap { r -> Subgraph.Relation? in
            guard let type = RelationType(rawValue: r[2]) else { return nil }
            return Subgraph.Relation(from: r[0], to: r[1], type: type)
        }
        return Subgraph(filter: filter, nodes: nodes, evidence: evidence, relations: relations,
                        articles: articles, issueLabels: issueLabels)
    }

    /// Whether more than an eighth of all stances concern `about` (counted on the covering
    /// indexes), in which case one table scan is cheaper than a row lookup per matching stance.
    static func mostStancesConcern(_ db: Database, _ about: NodeRef?, tableSize: Int) throws -> Bool {
        guard let about, tableSize > 0 else { return false }
        let hits: Int
        switch about {
        case .issue(let id):
            hits = (try Int.fetchOne(db, sql: "SELECT count(*) FROM stance WHERE target_issue = ?", arguments: [id]) ?? 0)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM stance WHERE topic = ?", arguments: [id]) ?? 0)
        case .entity(let id):
            hits = try Int.fetchOne(db, sql: "SELECT count(*) FROM stance WHERE target_entity = ?", arguments: [id]) ?? 0
        }
        return hits * 8 > tableSize
    }

    /// Nodes within `depth` hops of `centre` over the adjacency table (every stance, unfiltered).
    static func neighbourhood(_ db: Database, of centre: NodeRef, depth: Int) throws -> Set<NodeRef> {
        var seen: Set<Int64> = [centre.adjacencyID]
        var frontier: [Int64] = [centre.adjacencyID]
        for _ in 0..<depth where !frontier.isEmpty {
            let next = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT b FROM adjacency WHERE a IN (SELECT value FROM json_each(?))
                """, arguments: [jsonArray(frontier)])
            frontier = next.filter { seen.insert($0).inserted }
        }
        return Set(seen.map(NodeRef.init(adjacencyID:)))
    }

    /// Nodes within `depth` hops of `centre` over the given stances, direction ignored.
    static func neighbourhood(of centre: NodeRef, depth: Int, over evidence: [Subgraph.Evidence]) -> Set<NodeRef> {
        var adjacent: [NodeRef: Set<NodeRef>] = [:]
        for e in evidence {
            adjacent[e.holderRef, default: []].insert(e.target)
            adjacent[e.target, default: []].insert(e.holderRef)
        }
        var seen: Set<NodeRef> = [centre]
        var frontier: [NodeRef] = [centre]
        for _ in 0..<depth where !frontier.isEmpty {
            var next: [NodeRef] = []
            for n in frontier { for m in adjacent[n] ?? [] where seen.insert(m).inserted { next.append(m) } }
            frontier = next
        }
        return seen
    }
}

/// A JSON array of integers, bound as one argument and expanded with `json_each` so that id
/// lists never enter the SQL text.
func jsonArray(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
}
