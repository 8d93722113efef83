import GRDB

/// Counts of what the store holds.
public struct StoreStats: Sendable, Equatable, Codable {
    public var articles: Int
    public var entities: Int
    public var entitiesByKind: [String: Int]
    public var aliases: Int
    public var issues: Int
    public var relations: Int
    public var stances: Int
    public var stancesByPolarity: [String: Int]
    public var firstDate: String?
    public var lastDate: String?
}

/// One entity with everything the store knows about it.
public struct EntityDetail: Sendable {
    public struct StanceLine: Sendable {
        public var id: Int64
        public var direction: String  // "out" (held by the entity) or "in" (aimed at it)
        public var other: String
        public var polarity: String
        public var date: String?
        public var evidence: String
        public var article: String
        public var modality: String
        /// auto, or an analyst's verdict (confirmed, rejected).
        public var status: String
    }
    public var id: Int64
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var relations: [(type: String, other: String, outgoing: Bool)]
    public var stances: [StanceLine]
}

extension Store {
    public func stats() throws -> StoreStats {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            var byKind: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM entity GROUP BY kind") { byKind[r[0]] = r[1] }
            var byPol: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT polarity, count(*) FROM stance GROUP BY polarity") { byPol[r[0]] = r[1] }
            let dates = try Row.fetchOne(db, sql: "SELECT min(date), max(date) FROM stance WHERE date IS NOT NULL")
            return StoreStats(articles: try count("SELECT count(*) FROM article"),
                              entities: try count("SELECT count(*) FROM entity"), entitiesByKind: byKind,
                              aliases: try count("SELECT count(*) FROM alias"),
                              issues: try count("SELECT count(*) FROM issue"),
                              relations: try count("SELECT count(*) FROM relation"),
                              stances: try count("SELECT count(*) FROM stance"), stancesByPolarity: byPol,
                              firstDate: dates?[0], lastDate: dates?[1])
        }
    }

    /// Entities whose name or alias matches `name` (case- and accent-insensitively), optionally of
    /// one kind; all entities when `name` is nil.
    public func findEntities(name: String?, kind: EntityKind?) throws -> [(id: Int64, name: String, kind: String)] {
        try writer.read { db in
            var sql = "SELECT DISTINCT e.id, e.name, e.kind FROM entity e"
            var args: [DatabaseValue] = []
            var conds: [String] = []
            if let name {
                sql += " LEFT JOIN alias a ON a.entity = e.id"
                conds.append("(e.name_key = ? OR a.surface_key = ?)")
                let k = NameKey.make(name)
                args += [k.databaseValue, k.databaseValue]
            }
            if let kind { conds.append("e.kind = ?"); args.append(kind.rawValue.databaseValue) }
            if !conds.isEmpty { sql += " WHERE " + conds.joined(separator: " AND ") }
            sql += " ORDER BY e.name_key"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { ($0[0], $0[1], $0[2]) }
        }
    }

    public func entityDetail(id: Int64) throws -> EntityDetail? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, kind FROM entity WHERE id = ?", arguments: [id]) else { return nil }
            let aliases = try String.fetchAll(db, sql: "SELECT surface FROM alias WHERE entity = ? ORDER BY surface", arguments: [id])
            var relations: [(String, String, Bool)] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT r.type, e.name, 1 FROM relation r JOIN entity e ON e.id = r.to_entity WHERE r.from_entity = ?
                UNION ALL
                SELECT r.type, e.name, 0 FROM relation r JOIN entity e ON e.id = r.from_entity WHERE r.to_entity = ?
                """, arguments: [id, id]) {
                relations.append((r[0], r[1], (r[2] as Int) == 1))
            }
            let stances = try Row.fetchAll(db, sql: """
                SELECT s.id, CASE WHEN s.holder = ?1 THEN 'out' ELSE 'in' END,
                       CASE WHEN s.holder = ?1 THEN COALESCE(te.name, ti.label) ELSE h.name END,
                       s.polarity, s.date, s.evidence, a.key, s.modality, s.status
                FROM stance s JOIN entity h ON h.id = s.holder JOIN article a ON a.id = s.article
                LEFT JOIN entity te ON te.id = s.target_entity LEFT JOIN issue ti ON ti.id = s.target_issue
                WHERE s.holder = ?1 OR s.target_entity = ?1
                ORDER BY s.date, s.id
                """, arguments: [id]).map {
                EntityDetail.StanceLine(id: $0[0], direction: $0[1], other: $0[2], polarity: $0[3], date: $0[4],
                                        evidence: $0[5], article: $0[6], modality: $0[7], status: $0[8])
            }
            return EntityDetail(id: row[0], name: row[1], kind: row[2], aliases: aliases, relations: relations, stances: stances)
        }
    }
}
