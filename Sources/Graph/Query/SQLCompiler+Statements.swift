import GRDB

extension SQLCompiler {
    /// Stances about an issue: those whose topic it is, or that target it directly.
    mutating func onIssue(_ issue: ResolvedName, alias s: String) -> String {
        let p = bind(issue.id)
        return "(\(s).topic = \(p) OR \(s).target_issue = \(p))"
    }

    // MARK: PATH

    mutating func compilePath(_ q: PathQuery) throws -> PathPlan {
        let from = try resolver.node(q.from)
        let to = try resolver.node(q.to)
        var polarities: [Polarity] = []
        if !q.via.contains(where: { $0.text == "STANCE" }) {
            polarities = q.via.compactMap { Polarity(rawValue: $0.text.lowercased()) }
        }
        var since: String?, before: String?
        if let d = q.during {
            if let a = d.since { since = try date(a).text }
            if let b = d.until { before = try date(b).next.text }
        }
        return PathPlan(from: from, to: to, maxHops: q.maxHops ?? PathFinder.defaultMaxHops,
                        polarities: Array(Set(polarities)).sorted(), since: since, before: before,
                        includeRejected: options.includeRejected)
    }

    // MARK: TIMELINE

    mutating func compileTimeline(_ q: TimelineQuery) throws -> SQLQuery {
        let issue = try resolver.issue(q.issue)
        let width = q.bucket == .day ? 10 : q.bucket == .month ? 7 : 4
        // Two branches instead of `topic = ? OR target_issue = ?`: each reads one covering index,
        // where SQLite's multi-index OR would look every row up in the table.
        let id = bind(issue.id)
        var conds: [String] = []
        if let actor = q.actor { conds.append("s.holder = \(bind(try resolver.entity(actor).id))") }
        let during = try duringConditions(q.during, alias: "s")
        conds.append(contentsOf: during.isEmpty ? ["s.date IS NOT NULL"] : during)
        conds.append(contentsOf: defaultFilters("s"))
        let rest = conds.joined(separator: " AND ")
        let sql = """
            SELECT substr(t.date, 1, \(width)) AS period,
                   sum(t.polarity = 'supports') AS supports, sum(t.polarity = 'defends') AS defends,
                   sum(t.polarity = 'opposes') AS opposes, count(*) AS stances
            FROM (SELECT s.date, s.polarity, s.holder FROM stance s WHERE s.topic = \(id) AND \(rest)
                  UNION ALL
                  SELECT s.date, s.polarity, s.holder FROM stance s WHERE s.target_issue = \(id) AND s.topic IS NOT \(id) AND \(rest)) t
            GROUP BY period
            ORDER BY period
            LIMIT \(bind(options.maxLimit))
            """
        return SQLQuery(sql: sql, arguments: arguments, columns: ["period", "supports", "defends", "opposes", "stances"])
    }

    // MARK: TOP

    mutating func compileTop(_ q: TopQuery) throws -> SQLQuery {
        guard q.count <= options.maxLimit else {
            throw QueryDiagnostic("TOP \(q.count) is above the maximum of \(options.maxLimit)", at: SourceRange(.start, .start), in: source)
        }
        var conds: [String] = []
        switch q.measure {
        case .opposed, .opponents: conds.append("s.polarity = 'opposes'")
        case .supported: conds.append("s.polarity IN ('supports', 'defends')")
        }
        if let i = q.issue { conds.append(onIssue(try resolver.issue(i), alias: "s")) }
        conds.append(contentsOf: try duringConditions(q.during, alias: "s"))
        conds.append(contentsOf: defaultFilters("s"))
        let n = bind(q.count)
        let sql: String
        let columns: [String]
        switch q.measure {
        case .opposed, .supported:
            let who = q.measure == .opposed ? "opponents" : "supporters"
            columns = ["name", "kind", who, "stances"]
            sql = """
                SELECT COALESCE(e.name, i.label) AS name, COALESCE(e.kind, 'issue') AS kind, t.actors AS \(who), t.stances
                FROM (SELECT s.target_entity AS te, s.target_issue AS ti, count(DISTINCT s.holder) AS actors, count(*) AS stances
                      FROM stance s
                      WHERE \(conds.joined(separator: " AND "))
                      GROUP BY s.target_entity, s.target_issue
                      ORDER BY actors DESC, stances DESC, te, ti
                      LIMIT \(n)) t
                LEFT JOIN entity e ON e.id = t.te
                LEFT JOIN issue i ON i.id = t.ti
                ORDER BY t.actors DESC, t.stances DESC, name
                """
        case .opponents:
            columns = ["name", "kind", "targets", "stances"]
            sql = """
                SELECT e.name AS name, e.kind AS kind, t.targets, t.stances
                FROM (SELECT s.holder AS h, count(DISTINCT COALESCE(s.target_entity, -s.target_issue)) AS targets, count(*) AS stances
                      FROM stance s
                      WHERE \(conds.joined(separator: " AND "))
                      GROUP BY s.holder
                      ORDER BY targets DESC, stances DESC, h
                      LIMIT \(n)) t
                JOIN entity e ON e.id = t.h
                ORDER BY t.targets DESC, t.stances DESC, name
                """
        }
        return SQLQuery(sql: sql, arguments: arguments, columns: columns)
    }

    // MARK: CONFLICT / CONGRUENCE

    /// Discourse-network analysis on one issue: the "concepts" are the targets of the issue's
    /// stances; two actors are congruent on a target when they take the same side (supports and
    /// defends are one side, opposes the other) and in conflict when they take opposite sides.
    /// `count` is the number of such targets; normalisation divides it by the actors' numbers of
    /// targets (average: their mean, jaccard: the size of their union, cosine: the geometric mean).
    mutating func compileNetwork(_ q: NetworkQuery) throws -> SQLQuery {
        let issue = try resolver.issue(q.issue)
        var conds = [onIssue(issue, alias: "s")]
        conds.append(contentsOf: try duringConditions(q.during, alias: "s"))
        conds.append(contentsOf: defaultFilters("s"))
        let countColumn = q.kind == .conflict ? "opposite" : "same"
        let weight: String
        switch q.normalization {
        case .none: weight = "pairs.\(countColumn)"
        case .average: weight = "round(pairs.\(countColumn) * 2.0 / (da.n + db.n), 4)"
        case .jaccard: weight = "round(pairs.\(countColumn) * 1.0 / (da.n + db.n - pairs.common), 4)"
        case .cosine: weight = "round(pairs.\(countColumn) / graphq_sqrt(da.n * db.n), 4)"
        }
        let n = bind(try limit(q.limit))
        let title = q.kind == .conflict ? "conflicts" : "agreements"
        var columns = ["actor_a", "actor_b", title]
        if q.normalization != .none { columns.append("weight") }
        let sql = """
            WITH p AS (SELECT DISTINCT s.holder AS actor, COALESCE(s.target_entity, -s.target_issue) AS target,
                              CASE s.polarity WHEN 'opposes' THEN -1 ELSE 1 END AS side
                       FROM stance s
                       WHERE \(conds.joined(separator: " AND "))),
                 d AS (SELECT actor, count(DISTINCT target) AS n FROM p GROUP BY actor),
                 pairs AS (SELECT x.actor AS a, y.actor AS b,
                                  count(DISTINCT CASE WHEN x.side = y.side THEN x.target END) AS same,
                                  count(DISTINCT CASE WHEN x.side <> y.side THEN x.target END) AS opposite,
                                  count(DISTINCT x.target) AS common
                           FROM p x JOIN p y ON y.target = x.target AND y.actor > x.actor
                           GROUP BY x.actor, y.actor)
            SELECT ea.name, eb.name, pairs.\(countColumn)\(q.normalization == .none ? "" : ", \(weight) AS weight")
            FROM pairs
            JOIN d da ON da.actor = pairs.a
            JOIN d db ON db.actor = pairs.b
            JOIN entity ea ON ea.id = pairs.a
            JOIN entity eb ON eb.id = pairs.b
            WHERE pairs.\(countColumn) > 0
            ORDER BY \(weight) DESC, pairs.\(countColumn) DESC, ea.name, eb.name
            LIMIT \(n)
            """
        return SQLQuery(sql: sql, arguments: arguments, columns: columns)
    }
}
