import GRDB

/// Shortest connections between two nodes by bidirectional breadth-first search driven from Swift.
///
/// Without filters the search walks the `adjacency` table (undirected, de-duplicated, kept up to
/// date by triggers), always expanding the side whose frontier has the smaller total degree; the
/// hops of the path found are then checked against the stance filters (asserted, not rejected) and
/// a hop without qualifying evidence is excluded and the search repeated. With `VIA` or a date
/// range the search reads neighbours from the stance table under those filters instead.
/// (A single recursive CTE was measured orders of magnitude slower on hub actors.)
struct PathFinder {
    static let defaultMaxHops = 6
    static let maxHopsLimit = 12
    /// Frontiers up to this size are weighed by total degree; larger ones by size.
    static let degreeProbeLimit = 32

    let db: Database
    let plan: PathPlan
    let deadline: QueryDeadline

    struct Pair: Hashable {
        let a: Int64, b: Int64
        init(_ x: Int64, _ y: Int64) { a = min(x, y); b = max(x, y) }
    }

    /// SQL conditions on a stance aliased `s`, and their arguments, numbered from `first`.
    func stanceConditions(first: Int) -> (sql: String, arguments: [DatabaseValue]) {
        var c: [String] = []
        var args: [DatabaseValue] = []
        func bind(_ v: DatabaseValueConvertible) -> String { args.append(v.databaseValue); return "?\(first + args.count - 1)" }
        // Naming every polarity when none is chosen lets SQLite seek (holder, polarity, target) and
        // (target, polarity, …) indexes on both ends of a hop instead of scanning a hub's stances.
        let polarities = plan.polarities.isEmpty ? Polarity.allCases : plan.polarities
        c.append("s.polarity IN (" + polarities.map { bind($0.rawValue) }.joined(separator: ", ") + ")")
        if let since = plan.since { c.append("s.date >= \(bind(since))") }
        if let before = plan.before { c.append("s.date < \(bind(before))") }
        c.append("s.modality = 'asserted'")
        if !plan.includeRejected { c.append("s.status <> 'rejected'") }
        return (c.joined(separator: " AND "), args)
    }

    /// The SQL that lists the neighbours of an actor (`?1`) in filtered mode.
    var entityNeighbourSQL: String {
        let c = stanceConditions(first: 2).sql
        return """
            SELECT COALESCE(s.target_entity, -s.target_issue) FROM stance s WHERE s.holder = ?1 AND \(c)
            UNION SELECT s.holder FROM stance s WHERE s.target_entity = ?1 AND \(c)
            """
    }

    var issueNeighbourSQL: String {
        "SELECT s.holder FROM stance s WHERE s.target_issue = ?1 AND \(stanceConditions(first: 2).sql)"
    }

    static let adjacencySQL = "SELECT b FROM adjacency WHERE a = ?"

    func neighbours(_ node: Int64, filtered: Bool) throws -> [Int64] {
        if !filtered {
            return try Int64.fetchAll(db.cachedStatement(sql: Self.adjacencySQL), arguments: [node])
        }
        let extra = stanceConditions(first: 2).arguments
        let sql = node > 0 ? entityNeighbourSQL : issueNeighbourSQL
        let id = node > 0 ? node : -node
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments([id.databaseValue] + extra))
    }

    func degree(_ node: Int64, cache: inout [Int64: Int]) throws -> Int {
        if let d = cache[node] { return d }
        // Capped: the comparison only needs to know which side is cheaper, not a hub's exact degree.
        let d = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM adjacency WHERE a = ? LIMIT 5000)"), arguments: [node]) ?? 0
        cache[node] = d
        return d
    }

    /// The node ids of a shortest path (adjacency encoding), or nil within `maxHops`.
    func search(filtered: Bool, excluded: Set<Pair>) throws -> [Int64]? {
        let source = plan.from.nodeID, target = plan.to.nodeID
        if source == target { return [source] }
        var dist: [[Int64: Int]] = [[source: 0], [target: 0]]
        var parent: [[Int64: Int64]] = [[:], [:]]
        var frontier: [[Int64]] = [[source], [target]]
        var depth = [0, 0]
        var degrees: [Int64: Int] = [:]
        while !frontier[0].isEmpty && !frontier[1].isEmpty && depth[0] + depth[1] < plan.maxHops {
            try deadline.check()
            var side = frontier[0].count <= frontier[1].count ? 0 : 1
            if !filtered, frontier[0].count <= Self.degreeProbeLimit, frontier[1].count <= Self.degreeProbeLimit {
                var cost = [0, 0]
                for s in 0..<2 { for n in frontier[s] { cost[s] += try degree(n, cache: &degrees) } }
                side = cost[0] <= cost[1] ? 0 : 1
            }
            let other = 1 - side
            var next: [Int64] = []
            var best: (node: Int64, length: Int)?
            let newDepth = depth[side] + 1
            for (k, u) in frontier[side].enumerated() {
                if k & 63 == 63 { try deadline.check() }
                for v in try neighbours(u, filtered: filtered) where dist[side][v] == nil {
                    if !excluded.isEmpty && excluded.contains(Pair(u, v)) { continue }
                    dist[side][v] = newDepth
                    parent[side][v] = u
                    next.append(v)
                    if let d = dist[other][v], best.map({ newDepth + d < $0.length }) ?? true { best = (v, newDepth + d) }
                }
            }
            depth[side] = newDepth
            frontier[side] = next
            if let meet = best?.node {
                var left: [Int64] = [meet]
                while let p = parent[0][left[left.count - 1]] { left.append(p) }
                var right: [Int64] = []
                var cur = meet
                while let p = parent[1][cur] { right.append(p); cur = p }
                return left.reversed() + right
            }
        }
        return nil
    }

    struct Hop { var holder: String; var polarity: String; var target: String; var holderID: Int64; var date: String?; var evidence: String; var article: String; var count: Int }

    /// The best evidence for the hop between two nodes (by confidence, then latest), with the
    /// number of qualifying stances; nil when no stance passes the filters.
    func evidence(_ u: Int64, _ v: Int64) throws -> Hop? {
        var branches: [String] = []
        func side(_ holder: Int64, _ target: Int64) {
            guard holder > 0 else { return }
            branches.append(target > 0 ? "(s.holder = \(holder == u ? "?1" : "?2") AND s.target_entity = \(target == u ? "?1" : "?2"))"
                                       : "(s.holder = \(holder == u ? "?1" : "?2") AND s.target_issue = -\(target == u ? "?1" : "?2"))")
        }
        side(u, v)
        side(v, u)
        guard !branches.isEmpty else { return nil }
        let c = stanceConditions(first: 3)
        let sql = """
            SELECT h.name, s.polarity, COALESCE(te.name, ti.label), s.holder, s.date, s.evidence, a.key, count(*) OVER ()
            FROM stance s JOIN entity h ON h.id = s.holder JOIN article a ON a.id = s.article
            LEFT JOIN entity te ON te.id = s.target_entity LEFT JOIN issue ti ON ti.id = s.target_issue
            WHERE (\(branches.joined(separator: " OR "))) AND \(c.sql)
            ORDER BY s.confidence DESC, s.date DESC, s.id
            LIMIT 1
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments([u.databaseValue, v.databaseValue] + c.arguments)) else { return nil }
        return Hop(holder: row[0], polarity: row[1], target: row[2], holderID: row[3], date: row[4], evidence: row[5], article: row[6], count: row[7])
    }

    static let columns = ["step", "from", "edge", "to", "stances", "date", "evidence", "article"]

    func run() throws -> QueryResult {
        var excluded = Set<Pair>()
        var filtered = plan.isFiltered
        for attempt in 0..<40 {
            try deadline.check()
            if attempt == 39 { filtered = true }
            guard let nodes = try search(filtered: filtered, excluded: excluded) else {
                return QueryResult(columns: Self.columns, rows: [],
                                   notes: ["no path between '\(plan.from.name)' and '\(plan.to.name)' within \(plan.maxHops) hops"])
            }
            var rows: [[QueryValue]] = []
            var failed = false
            for k in 0..<max(0, nodes.count - 1) {
                guard let hop = try evidence(nodes[k], nodes[k + 1]) else {
                    excluded.insert(Pair(nodes[k], nodes[k + 1]))
                    failed = true
                    break
                }
                let forward = hop.holderID == nodes[k]
                rows.append([.integer(Int64(k + 1)), .text(forward ? hop.holder : hop.target),
                             .text(forward ? "\(hop.polarity) →" : "← \(hop.polarity)"),
                             .text(forward ? hop.target : hop.holder), .integer(Int64(hop.count)),
                             hop.date.map(QueryValue.text) ?? .null, .text(hop.evidence), .text(hop.article)])
            }
            if !failed { return QueryResult(columns: Self.columns, rows: rows) }
        }
        return QueryResult(columns: Self.columns, rows: [], notes: ["no path with qualifying evidence found"])
    }
}
