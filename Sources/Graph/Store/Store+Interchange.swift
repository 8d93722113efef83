import Foundation
import GRDB

extension Store {
    /// Reads the whole graph (or the part a filter keeps) in the interchange shape.
    ///
    /// A filter that narrows the graph itself (`about`, `around`, `kinds`) also narrows the
    /// entities, issues, relations and articles to those its stances touch; otherwise they are
    /// all written, so that a round trip through `graphq import` is lossless.
    public func interchange(filter: StanceFilter = StanceFilter(), includeArticles: Bool = true) throws -> InterchangeGraph {
        try writer.read { db in
            let narrowed = filter.about != nil || filter.around != nil || !filter.kinds.isEmpty
            let sub = narrowed ? try Self.loadSubgraph(db, filter) : nil
            let keepEntities = sub.map { g in Set(g.nodes.compactMap { n -> Int64? in
                if case .entity(let id) = n.ref { return id } else { return nil } }) }
            let keepIssues = sub.map { g in Set(g.issueLabels.keys) }
            let keepArticles = sub.map { g in Set(g.articles.keys) }
            var aliases: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity, surface FROM alias ORDER BY entity, surface") {
                aliases[row[0], default: []].append(row[1])
            }
            let entities = try Row.fetchAll(db, sql: "SELECT id, name, kind FROM entity ORDER BY id").compactMap { row -> InterchangeGraph.Entity? in
                let id: Int64 = row[0]
                if let keepEntities, !keepEntities.contains(id) { return nil }
                return InterchangeGraph.Entity(id: id, name: row[1], kind: row[2], aliases: aliases[id] ?? [])
            }
            var issueAliases: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT issue, surface FROM issue_alias ORDER BY issue, surface") {
                issueAliases[row[0], default: []].append(row[1])
            }
            let issues = try Row.fetchAll(db, sql: """
                SELECT i.id, i.label, e.name FROM issue i LEFT JOIN entity e ON e.id = i.owner ORDER BY i.id
                """).compactMap { row -> InterchangeGraph.Issue? in
                let id: Int64 = row[0]
                if let keepIssues, !keepIssues.contains(id) { return nil }
                return InterchangeGraph.Issue(id: id, label: row[1], aliases: issueAliases[id] ?? [], owner: row[2])
            }
            let relations = try Row.fetchAll(db, sql: """
                SELECT f.name, t.name, r.type, r.from_entity, r.to_entity FROM relation r JOIN entity f ON f.id = r.from_entity
                JOIN entity t ON t.id = r.to_entity ORDER BY r.from_entity, r.type, r.to_entity
                """).compactMap { r -> InterchangeGraph.Relation? in
                if let keepEntities, !keepEntities.contains(r[3]) || !keepEntities.contains(r[4]) { return nil }
                return InterchangeGraph.Relation(from: r[0], to: r[1], type: r[2])
            }
            let articles: [InterchangeGraph.Article]? = includeArticles ? try Row.fetchAll(db, sql: """
                SELECT key, url, title, source, author, published, text, id FROM article ORDER BY id
                """).compactMap { r -> InterchangeGraph.Article? in
                if let keepArticles, !keepArticles.contains(r[7]) { return nil }
                return InterchangeGraph.Article(key: r[0], url: r[1], title: r[2], source: r[3], author: r[4], published: r[5], text: r[6])
            } : nil
            var (conds, args) = filter.sqlConditions()
            if let sub {
                // The subgraph already applied every condition.
                conds = ["s.id IN (SELECT value FROM json_each(?))"]
                args = [jsonArray(sub.evidence.map(\.stanceID)).databaseValue]
            }
            let stances = try Row.fetchAll(db, sql: """
                SELECT s.id, h.name, s.polarity, COALESCE(te.name, ti.label), CASE WHEN s.target_entity IS NULL THEN 'issue' ELSE 'entity' END,
                       tp.label, a.key, a.source, s.evidence, s.start, s."end", s.sentence, s.date, s.date_precision,
                       s.modality, s.attribution, s.cue, s.rule, s.confidence, s.status
                FROM stance s JOIN entity h ON h.id = s.holder JOIN article a ON a.id = s.article
                LEFT JOIN entity te ON te.id = s.target_entity LEFT JOIN issue ti ON ti.id = s.target_issue
                LEFT JOIN issue tp ON tp.id = s.topic
                WHERE \(conds.joined(separator: " AND "))
                ORDER BY s.id
                """, arguments: StatementArguments(args)).map { r in
                InterchangeGraph.Stance(id: r[0], holder: r[1], polarity: r[2], target: r[3], target_kind: r[4], topic: r[5],
                                        article: r[6], source: r[7], evidence: r[8], start: r[9], end: r[10], sentence: r[11],
                                        date: r[12], date_precision: r[13], modality: r[14], attribution: r[15], cue: r[16],
                                        rule: r[17], confidence: r[18], status: r[19])
            }
            return InterchangeGraph(entities: entities, issues: issues, relations: relations, articles: articles, stances: stances)
        }
    }

    /// Loads an interchange graph (from graphq or coded by hand) in one transaction.
    /// Stances name their holder and target by entity name or alias; unknown names are created.
    /// Stances whose article is not in the file or store are attached to a stub article keyed
    /// by the given `article` (or "imported").
    /// - Returns: the number of stances added (stances already present are not duplicated).
    @discardableResult
    public func importGraph(_ g: InterchangeGraph) throws -> Int {
        try writer.write { db in
            var kinds: [String: EntityKind] = [:]
            for (n, e) in g.entities.enumerated() {
                guard !e.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw StoreError.invalidImport("entities[\(n)] has an empty name")
                }
                let kind = e.kind.flatMap(EntityKind.init(lenient:)) ?? .other
                kinds[NameKey.make(e.name)] = kind
                _ = try Self.resolveOrCreateEntity(db, name: e.name, kind: kind, aliases: e.aliases ?? [])
            }
            for i in g.issues ?? [] {
                let owner = try i.owner.map { try Self.resolveOrCreateEntity(db, name: $0, kind: kinds[NameKey.make($0)] ?? .other, aliases: []).0 }
                _ = try Self.resolveOrCreateIssue(db, label: i.label, aliases: i.aliases ?? [], owner: owner)
            }
            for r in g.relations ?? [] {
                guard let type = RelationType(rawValue: r.type) else {
                    throw StoreError.invalidImport("unknown relation type '\(r.type)'; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let f = try Self.resolveOrCreateEntity(db, name: r.from, kind: kinds[NameKey.make(r.from)] ?? .other, aliases: []).0
                let t = try Self.resolveOrCreateEntity(db, name: r.to, kind: kinds[NameKey.make(r.to)] ?? .other, aliases: []).0
                try db.execute(sql: "INSERT OR IGNORE INTO relation(from_entity, to_entity, type) VALUES (?,?,?)", arguments: [f, t, type.rawValue])
            }
            var articleIDs: [String: Int64] = [:]
            for a in g.articles ?? [] {
                articleIDs[a.key] = try Self.importArticle(db, a)
            }
            var added = 0
            for (n, s) in g.stances.enumerated() {
                guard let polarity = Polarity(rawValue: s.polarity.lowercased()) else {
                    throw StoreError.invalidImport("stances[\(n)]: unknown polarity '\(s.polarity)'; use supports, opposes or defends")
                }
                let modality = s.modality.flatMap { Modality(rawValue: $0) } ?? .asserted
                let holder = try Self.resolveOrCreateEntity(db, name: s.holder, kind: kinds[NameKey.make(s.holder)] ?? .other, aliases: []).0
                var te: Int64? = nil, ti: Int64? = nil
                if s.target_kind == "issue" {
                    ti = try Self.resolveOrCreateIssue(db, label: s.target, aliases: [], owner: nil)
                } else {
                    te = try Self.resolveOrCreateEntity(db, name: s.target, kind: kinds[NameKey.make(s.target)] ?? .other, aliases: []).0
                }
                let topic = try s.topic.map { try Self.resolveOrCreateIssue(db, label: $0, aliases: [], owner: nil) }
                let key = s.article ?? "imported"
                let article: Int64
                if let id = articleIDs[key] { article = id } else {
                    article = try Self.importArticle(db, .init(key: key, url: nil, title: nil, source: s.source, author: nil, published: nil, text: nil))
                    articleIDs[key] = article
                }
                let evidence = s.evidence ?? ""
                let exists = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS(SELECT 1 FROM stance WHERE holder = ? AND polarity = ? AND target_entity IS ? AND target_issue IS ?
                                  AND article = ? AND start = ? AND evidence = ?)
                    """, arguments: [holder, polarity.rawValue, te, ti, article, s.start ?? 0, evidence]) ?? false
                if exists { continue }
                try db.execute(sql: """
                    INSERT INTO stance(holder, polarity, target_entity, target_issue, topic, article, sentence, start, "end",
                                       evidence, cue, date, date_precision, modality, attribution, confidence, rule, status)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                    """, arguments: [holder, polarity.rawValue, te, ti, topic, article, s.sentence ?? 0, s.start ?? 0,
                                     s.end ?? (s.start ?? 0) + evidence.unicodeScalars.count, evidence, s.cue ?? "",
                                     s.date, s.date_precision, modality.rawValue, s.attribution, s.confidence ?? 1.0,
                                     s.rule ?? "import", StanceStatus(rawValue: s.status ?? "") == nil ? "auto" : s.status!])
                added += 1
            }
            return added
        }
    }

    private static func importArticle(_ db: Database, _ a: InterchangeGraph.Article) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE key = ?", arguments: [a.key]) { return id }
        let text = a.text ?? ""
        // A stub article (no text) still needs a unique hash: hash the key instead.
        let hash = a.text == nil ? "stub:" + ContentHash.sha256Hex(a.key) : ContentHash.sha256Hex(text)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE content_sha256 = ?", arguments: [hash]) { return id }
        try db.execute(sql: """
            INSERT INTO article(key, content_sha256, url, title, source, author, published, text, ingested_at, extractor_version)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """, arguments: [a.key, hash, a.url, a.title, a.source, a.author, a.published, text,
                             ISO8601DateFormatter().string(from: Date()), "import"])
        return db.lastInsertedRowID
    }
}
