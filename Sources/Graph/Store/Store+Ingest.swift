import Foundation
import GRDB

/// What happened to one article on ingest.
public enum IngestOutcome: Sendable, Equatable {
    /// Stored, with this many new entities and stances.
    case added(article: Int64, newEntities: Int, stances: Int)
    /// The same content is already stored (by content hash): nothing was written.
    case alreadyKnown(article: Int64)
    /// The key was known with other content; the old version and its stances were replaced.
    case replaced(article: Int64, newEntities: Int, stances: Int)
}

extension Store {
    /// Stores one article and its extracted graph in a single transaction: either everything is
    /// written or nothing is. Content already stored (same SHA-256) is skipped.
    @discardableResult
    public func ingest(_ document: Document, graph: ArticleGraph, extractorVersion: String) throws -> IngestOutcome {
        let hash = ContentHash.sha256Hex(document.text)
        return try writer.write { db in
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE content_sha256 = ?", arguments: [hash]) {
                return .alreadyKnown(article: existing)
            }
            var replaced = false
            var verdicts: [StanceSnapshot] = []
            if let old = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE key = ?", arguments: [document.key]) {
                // Analysts' rejections and confirmations of the old version are re-applied below.
                verdicts = try Self.curatedVerdicts(db, article: old)
                try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [old])
                replaced = true
            }
            let articleID = try Self.insertArticle(db, document, hash: hash, extractorVersion: extractorVersion)
            let (newEntities, stances) = try Self.insertGraph(db, graph, article: articleID)
            if !verdicts.isEmpty { try Self.reapply(db, verdicts, article: articleID, key: document.key) }
            return replaced
                ? .replaced(article: articleID, newEntities: newEntities, stances: stances)
                : .added(article: articleID, newEntities: newEntities, stances: stances)
        }
    }

    /// The stored article with exactly this text, if any (by content hash), so that callers can
    /// skip extracting what is already known.
    public func article(withContent text: String) throws -> Int64? {
        let hash = ContentHash.sha256Hex(text)
        return try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE content_sha256 = ?", arguments: [hash])
        }
    }

    static func insertArticle(_ db: Database, _ d: Document, hash: String, extractorVersion: String) throws -> Int64 {
        let stmt = try db.cachedStatement(sql: """
            INSERT INTO article(key, content_sha256, url, title, source, author, published, text, ingested_at, extractor_version)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """)
        try stmt.execute(arguments: [d.key, hash, d.url, d.title, d.source, d.author, d.published, d.text,
                                     ISO8601DateFormatter().string(from: Date()), extractorVersion])
        return db.lastInsertedRowID
    }

    /// Merges an article graph into the store; returns (new entities, stances written).
    static func insertGraph(_ db: Database, _ g: ArticleGraph, article: Int64) throws -> (Int, Int) {
        var newEntities = 0
        var entityIDs: [Int64] = []
        entityIDs.reserveCapacity(g.entities.count)
        for e in g.entities {
            let (id, isNew) = try resolveOrCreateEntity(db, name: e.name, kind: e.kind, aliases: e.aliases)
            entityIDs.append(id)
            if isNew { newEntities += 1 }
        }
        var issueIDs: [Int64] = []
        for i in g.issues {
            let owner = i.owner.flatMap { $0 < entityIDs.count ? entityIDs[$0] : nil }
            issueIDs.append(try resolveOrCreateIssue(db, label: i.label, aliases: i.aliases, owner: owner))
        }
        let rel = try db.cachedStatement(sql: "INSERT OR IGNORE INTO relation(from_entity, to_entity, type) VALUES (?,?,?)")
        for r in g.relations where r.from < entityIDs.count && r.to < entityIDs.count && entityIDs[r.from] != entityIDs[r.to] {
            try rel.execute(arguments: [entityIDs[r.from], entityIDs[r.to], r.type.rawValue])
        }
        let ins = try db.cachedStatement(sql: """
            INSERT INTO stance(holder, polarity, target_entity, target_issue, topic, article, sentence, start, "end",
                               evidence, cue, date, date_precision, modality, attribution, confidence, rule, status)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'auto')
            """)
        var written = 0
        for s in g.stances {
            guard s.holder < entityIDs.count else { continue }
            var te: Int64? = nil, ti: Int64? = nil
            switch s.target {
            case .entity(let i): guard i < entityIDs.count else { continue }; te = entityIDs[i]
            case .issue(let i): guard i < issueIDs.count else { continue }; ti = issueIDs[i]
            }
            if te == entityIDs[s.holder] { continue }  // a self-stance carries no information
            let topic = s.topic.flatMap { $0 < issueIDs.count ? issueIDs[$0] : nil }
            try ins.execute(arguments: [entityIDs[s.holder], s.polarity.rawValue, te, ti, topic, article, s.sentence,
                                        s.start, s.end, s.evidence, s.cue, s.date, s.datePrecision?.rawValue,
                                        s.modality.rawValue, s.attribution, s.confidence, s.rule])
            written += 1
        }
        return (newEntities, written)
    }

    /// Finds an entity by its name key, then by an unambiguous alias; creates it otherwise.
    static func resolveOrCreateEntity(_ db: Database, name: String, kind: EntityKind, aliases: [String]) throws -> (Int64, Bool) {
        let key = NameKey.make(name)
        var id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE name_key = ?"), arguments: [key])
        var isNew = false
        // A name an analyst tied to an actor (`graphq curate merge/rename`) wins over the rules below.
        if id == nil {
            let owners = try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity FROM alias WHERE surface_key = ? AND curated = 1 LIMIT 2"), arguments: [key])
            if owners.count == 1 { id = owners[0] }
        }
        // Another entity's alias identifies it ("AWS" for Amazon Web Services) — except for groups:
        // "opponents" in one article is not "opponents of the rule" in another.
        if id == nil, kind != .group {
            let owners = try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity FROM alias WHERE surface_key = ? LIMIT 2"), arguments: [key])
            if owners.count == 1 { id = owners[0] }
        }
        if id == nil {
            try db.cachedStatement(sql: "INSERT INTO entity(name, name_key, kind) VALUES (?,?,?)")
                .execute(arguments: [name, key, kind.rawValue])
            id = db.lastInsertedRowID
            isNew = true
        }
        let eid = id!
        let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO alias(entity, surface, surface_key) VALUES (?,?,?)")
        try alias.execute(arguments: [eid, name, key])
        for a in aliases {
            let k = NameKey.make(a)
            if !k.isEmpty { try alias.execute(arguments: [eid, a, k]) }
        }
        return (eid, isNew)
    }

    static func resolveOrCreateIssue(_ db: Database, label: String, aliases: [String], owner: Int64?) throws -> Int64 {
        let key = NameKey.make(label)
        var id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM issue WHERE label_key = ?"), arguments: [key])
        if id == nil {
            let owners = try Int64.fetchAll(db.cachedStatement(sql: "SELECT issue FROM issue_alias WHERE surface_key = ? LIMIT 2"), arguments: [key])
            if owners.count == 1 { id = owners[0] }
        }
        // Another name of the same issue ("Student Privacy Act" for "SB 12") finds it too.
        if id == nil {
            for a in aliases {
                let k = NameKey.make(a)
                let owners = try Int64.fetchAll(db.cachedStatement(sql: "SELECT issue FROM issue_alias WHERE surface_key = ? LIMIT 2"), arguments: [k])
                if owners.count == 1 { id = owners[0]; break }
            }
        }
        if id == nil {
            try db.cachedStatement(sql: "INSERT INTO issue(label, label_key, owner) VALUES (?,?,?)")
                .execute(arguments: [label, key, owner])
            id = db.lastInsertedRowID
        } else if let owner {
            try db.execute(sql: "UPDATE issue SET owner = COALESCE(owner, ?) WHERE id = ?", arguments: [owner, id!])
        }
        let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO issue_alias(issue, surface, surface_key) VALUES (?,?,?)")
        try alias.execute(arguments: [id!, label, key])
        for a in aliases {
            let k = NameKey.make(a)
            if !k.isEmpty { try alias.execute(arguments: [id!, a, k]) }
        }
        return id!
    }
}
