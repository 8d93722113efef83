import Foundation
import GRDB

/// Why a curation could not be applied; each says what is wrong and how to fix it.
public enum CurationError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    case unknownEntity(name: String, suggestions: [String])
    case notAnActor(name: String, issue: String)
    /// Candidates as "#id name (kind)".
    case ambiguousEntity(name: String, candidates: [String])
    case unknownStance(Int64)
    case mergeIntoItself(name: String, id: Int64)
    case nameTaken(name: String, ownerID: Int64, owner: String, entityID: Int64)
    case emptyName
    case unknownKind(String)

    public var description: String {
        switch self {
        case .unknownEntity(let name, let suggestions):
            var s = "no actor named '\(name)'"
            if !suggestions.isEmpty { s += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?" }
            return s + " (`graphq entities` lists actors with their #id)"
        case .notAnActor(let name, let issue):
            return "'\(name)' is the issue '\(issue)', not an actor; curate merge, rename and kind change actors only"
        case .ambiguousEntity(let name, let candidates):
            return "'\(name)' names several actors: " + candidates.joined(separator: ", ")
                + "; pick one by its id, e.g. '\(candidates.first?.split(separator: " ").first ?? "#1")'"
        case .unknownStance(let id):
            return "no stance #\(id); stance ids appear in `graphq entities NAME`, `graphq explain` and exports"
        case .mergeIntoItself(let name, let id):
            return "cannot merge '\(name)' (#\(id)) into itself; name two different actors"
        case .nameTaken(let name, let ownerID, let owner, let entityID):
            return "'\(name)' is already the name of actor #\(ownerID) '\(owner)'; names must be unique. "
                + "If they are the same actor, merge them: graphq curate merge '#\(entityID)' --into '#\(ownerID)'"
        case .emptyName:
            return "the new name is empty; give the name to show, e.g. --to 'Andy Jassy'"
        case .unknownKind(let kind):
            return "unknown kind '\(kind)'; use one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
    public var errorDescription: String? { description }
}

/// One row of the curation ledger.
public struct CurationRecord: Sendable, Equatable {
    public var id: Int64
    /// ISO 8601 time of the change.
    public var at: String
    /// merge, rename, kind, reject, confirm, or reapply (verdicts carried over by a re-ingest).
    public var action: String
    /// One line for people; the payload's `summary`.
    public var summary: String
    /// The analyst's note, if one was given.
    public var note: String?
    /// A JSON object with ids and names/keys, enough to understand and replay the change.
    public var payload: String
}

/// An entity as a curation payload records it.
struct EntitySnapshot: Codable, Sendable, Equatable {
    var id: Int64
    var name: String
    var name_key: String
    var kind: String
    var aliases: [String]?
}

/// A stance as a curation payload records it; also what a re-ingest matches verdicts on.
struct StanceSnapshot: Codable, Sendable, Equatable {
    var id: Int64
    var article: String
    var holder: String
    var holder_id: Int64
    var polarity: String
    var target: String
    var target_id: Int64
    var target_kind: String
    var evidence: String
    var start: Int
    var status: String

    var line: String { "\(holder) \(polarity) \(target) (“\(evidence)”, \(article))" }
}

protocol CurationPayload: Encodable {
    var summary: String { get }
    var note: String? { get }
}

extension CurationPayload {
    var note: String? { nil }
}

struct MergePayload: CurationPayload {
    var summary: String
    var source: EntitySnapshot
    var target: EntitySnapshot
    /// Kept their ids; only holder or target changed.
    var stances_moved: [Int64]
    /// Stances between the two actors: after the merge they would point at their own holder.
    var self_stances_dropped: [StanceSnapshot]
    /// Moved stances identical to one the target already had (same article, offsets, evidence).
    var duplicate_stances_dropped: [Int64]
    var relations_moved: Int
    var issues_reowned: [Int64]
    var note: String?
}

struct StatusPayload: CurationPayload {
    var summary: String
    var stance: StanceSnapshot
    var from: String
    var to: String
    var note: String?
}

struct RenamePayload: CurationPayload {
    var summary: String
    var entity: Int64
    var from: String
    var from_key: String
    var to: String
    var to_key: String
    var note: String?
}

struct KindPayload: CurationPayload {
    var summary: String
    var entity: Int64
    var name: String
    var from: String
    var to: String
    var note: String?
}

struct ReapplyPayload: CurationPayload {
    struct Carried: Codable { var from: Int64; var to: [Int64]; var status: String }
    var summary: String
    var article: String
    var reapplied: [Carried]
    /// Verdicts on stances the new version no longer has.
    var unmatched: [StanceSnapshot]
}

extension Store {
    // MARK: - Curations

    /// Merges actor `source` into `target`: its aliases (its name becomes a curated alias, so later
    /// articles naming it land on `target`), stances as holder and as target, relations and owned
    /// issues move over; stances between the two and exact duplicates are dropped; `source` is
    /// deleted. Names resolve like `graphq entities` (name, alias, `#id`).
    @discardableResult
    public func merge(_ source: String, into target: String, note: String? = nil) throws -> CurationRecord {
        try writer.write { db in
            let s = try Self.curationEntity(db, source), t = try Self.curationEntity(db, target)
            guard s.id != t.id else { throw CurationError.mergeIntoItself(name: s.name, id: s.id) }

            let selfStances = try Self.stanceSnapshots(db, "(s.holder = ?1 AND s.target_entity = ?2) OR (s.holder = ?2 AND s.target_entity = ?1)", [s.id, t.id])
            try db.execute(sql: "DELETE FROM stance WHERE id IN (SELECT value FROM json_each(?))", arguments: [jsonArray(selfStances.map(\.id))])
            // Stances are updated in place (ids, and so verdicts and ledger references, stay valid);
            // no trigger follows an UPDATE, so the adjacency of both nodes is rebuilt below.
            let moved = try Int64.fetchAll(db, sql: "SELECT id FROM stance WHERE holder = ?1 OR target_entity = ?1 ORDER BY id", arguments: [s.id])
            try db.execute(sql: "UPDATE stance SET holder = ?2 WHERE holder = ?1", arguments: [s.id, t.id])
            try db.execute(sql: "UPDATE stance SET target_entity = ?2 WHERE target_entity = ?1", arguments: [s.id, t.id])
            let duplicates = try Self.dropDuplicateStances(db, of: t.id, moved: Set(moved))
            try db.execute(sql: "DELETE FROM adjacency WHERE a IN (?1, ?2) OR b IN (?1, ?2)", arguments: [s.id, t.id])
            try db.execute(sql: """
                INSERT OR IGNORE INTO adjacency(a, b)
                SELECT holder, COALESCE(target_entity, -target_issue) FROM stance WHERE holder = ?1 OR target_entity = ?1
                UNION SELECT COALESCE(target_entity, -target_issue), holder FROM stance WHERE holder = ?1 OR target_entity = ?1
                """, arguments: [t.id])

            try db.execute(sql: """
                INSERT INTO alias(entity, surface, surface_key, curated)
                SELECT ?2, surface, surface_key, curated FROM alias WHERE entity = ?1
                ON CONFLICT(surface_key, entity) DO UPDATE SET curated = max(curated, excluded.curated)
                """, arguments: [s.id, t.id])
            try Self.curateAlias(db, entity: t.id, surface: s.name, key: s.name_key)

            // A relation between the two would become a self-relation; one the target already has, a duplicate.
            try db.execute(sql: """
                INSERT OR IGNORE INTO relation(from_entity, to_entity, type)
                SELECT f, t, type FROM (
                  SELECT CASE from_entity WHEN ?1 THEN ?2 ELSE from_entity END AS f,
                         CASE to_entity WHEN ?1 THEN ?2 ELSE to_entity END AS t, type
                  FROM relation WHERE from_entity = ?1 OR to_entity = ?1)
                WHERE f <> t
                """, arguments: [s.id, t.id])
            let relationsMoved = db.changesCount
            let issues = try Int64.fetchAll(db, sql: "SELECT id FROM issue WHERE owner = ? ORDER BY id", arguments: [s.id])
            try db.execute(sql: "UPDATE issue SET owner = ?2 WHERE owner = ?1", arguments: [s.id, t.id])
            try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [s.id])

            let stancesMoved = moved.filter { !duplicates.contains($0) }
            var parts = ["\(plural(stancesMoved.count, "stance")) moved", "\(plural(s.aliases?.count ?? 0, "alias")) moved"]
            if relationsMoved > 0 { parts.append("\(plural(relationsMoved, "relation")) moved") }
            if !issues.isEmpty { parts.append("\(plural(issues.count, "owned issue")) moved") }
            if !selfStances.isEmpty { parts.append("\(plural(selfStances.count, "stance")) between them dropped") }
            if !duplicates.isEmpty { parts.append("\(plural(duplicates.count, "duplicate stance")) dropped") }
            let summary = "merged #\(s.id) '\(s.name)' into #\(t.id) '\(t.name)': " + parts.joined(separator: ", ")
            return try Self.record(db, action: "merge", MergePayload(
                summary: summary, source: s, target: t, stances_moved: stancesMoved, self_stances_dropped: selfStances,
                duplicate_stances_dropped: duplicates, relations_moved: relationsMoved, issues_reowned: issues, note: note))
        }
    }

    /// Sets a stance's curation status (`graphq curate reject|confirm`). Rejected stances are
    /// left out of queries, exports and reports unless rejected ones are asked for.
    /// - Returns: the ledger row, or nil when the stance already had that status.
    @discardableResult
    public func setStatus(stance id: Int64, to status: StanceStatus, note: String? = nil) throws -> CurationRecord? {
        try writer.write { db in
            guard let st = try Self.stanceSnapshots(db, "s.id = ?1", [id]).first else { throw CurationError.unknownStance(id) }
            if st.status == status.rawValue { return nil }
            try db.execute(sql: "UPDATE stance SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
            let (action, verb): (String, String) = switch status {
            case .rejected: ("reject", "rejected")
            case .confirmed: ("confirm", "confirmed")
            case .auto: ("unreview", "reset to auto")
            }
            return try Self.record(db, action: action, StatusPayload(
                summary: "\(verb) stance #\(id): \(st.line)", stance: st, from: st.status, to: status.rawValue, note: note))
        }
    }

    /// Renames an actor. Its old name stays as a curated alias, so later articles using it still
    /// land here. A name that is another actor's is refused (merge them instead).
    /// - Returns: the ledger row, or nil when the name is unchanged.
    @discardableResult
    public func rename(_ entity: String, to newName: String, note: String? = nil) throws -> CurationRecord? {
        let name = newName.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = NameKey.make(name)
        guard !key.isEmpty else { throw CurationError.emptyName }
        return try writer.write { db in
            let e = try Self.curationEntity(db, entity)
            if e.name == name { return nil }
            if key != e.name_key, let other = try Row.fetchOne(db, sql: "SELECT id, name FROM entity WHERE name_key = ?", arguments: [key]) {
                throw CurationError.nameTaken(name: name, ownerID: other[0], owner: other[1], entityID: e.id)
            }
            try db.execute(sql: "UPDATE entity SET name = ?, name_key = ? WHERE id = ?", arguments: [name, key, e.id])
            try db.execute(sql: "INSERT OR IGNORE INTO alias(entity, surface, surface_key) VALUES (?,?,?)", arguments: [e.id, name, key])
            if key != e.name_key { try Self.curateAlias(db, entity: e.id, surface: e.name, key: e.name_key) }
            return try Self.record(db, action: "rename", RenamePayload(
                summary: "renamed #\(e.id) '\(e.name)' to '\(name)'", entity: e.id, from: e.name, from_key: e.name_key,
                to: name, to_key: key, note: note))
        }
    }

    /// Sets an actor's kind (`organization`, `person` … or a lenient spelling such as "org").
    /// Ingest never changes the kind of a known actor, so the correction holds.
    /// - Returns: the ledger row, or nil when the kind is unchanged.
    @discardableResult
    public func setKind(_ entity: String, to kind: String, note: String? = nil) throws -> CurationRecord? {
        guard let k = EntityKind(lenient: kind.trimmingCharacters(in: .whitespaces)) else { throw CurationError.unknownKind(kind) }
        return try writer.write { db in
            let e = try Self.curationEntity(db, entity)
            if e.kind == k.rawValue { return nil }
            try db.execute(sql: "UPDATE entity SET kind = ? WHERE id = ?", arguments: [k.rawValue, e.id])
            return try Self.record(db, action: "kind", KindPayload(
                summary: "set the kind of #\(e.id) '\(e.name)' from \(e.kind) to \(k.rawValue)", entity: e.id, name: e.name,
                from: e.kind, to: k.rawValue, note: note))
        }
    }

    /// The curation ledger, oldest first.
    public func curationLog() throws -> [CurationRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, at, action, payload FROM curation ORDER BY id").map { r in
                let payload: String = r[3]
                let fields = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
                return CurationRecord(id: r[0], at: r[1], action: r[2], summary: fields["summary"] as? String ?? r[2],
                                      note: fields["note"] as? String, payload: payload)
            }
        }
    }

    // MARK: - Re-ingest

    /// The stances of an article that an analyst rejected or confirmed, read before a re-ingest
    /// replaces the article.
    static func curatedVerdicts(_ db: Database, article: Int64) throws -> [StanceSnapshot] {
        try stanceSnapshots(db, "s.article = ?1 AND s.status <> 'auto'", [article])
    }

    /// Re-applies verdicts to the new version of an article: a new stance with the same holder,
    /// polarity, target and evidence sentence (the article key is the same by construction) gets
    /// the old stance's status. Verdicts without a match are listed in the ledger row.
    static func reapply(_ db: Database, _ verdicts: [StanceSnapshot], article: Int64, key: String) throws {
        var carried: [ReapplyPayload.Carried] = []
        var unmatched: [StanceSnapshot] = []
        for v in verdicts {
            let targetEntity: Int64? = v.target_kind == "entity" ? v.target_id : nil
            let targetIssue: Int64? = v.target_kind == "issue" ? v.target_id : nil
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM stance WHERE article = ? AND holder = ? AND polarity = ? AND target_entity IS ?
                AND target_issue IS ? AND evidence = ? AND status = 'auto' ORDER BY id
                """, arguments: [article, v.holder_id, v.polarity, targetEntity, targetIssue, v.evidence])
            if ids.isEmpty { unmatched.append(v); continue }
            try db.execute(sql: "UPDATE stance SET status = ? WHERE id IN (SELECT value FROM json_each(?))", arguments: [v.status, jsonArray(ids)])
            carried.append(.init(from: v.id, to: ids, status: v.status))
        }
        var summary = "re-ingest of '\(key)': \(carried.count) of \(plural(verdicts.count, "reviewed stance")) carried over"
        if !unmatched.isEmpty { summary += "; no longer extracted: " + unmatched.map { "#\($0.id) (\($0.status))" }.joined(separator: ", ") }
        _ = try record(db, action: "reapply", ReapplyPayload(summary: summary, article: key, reapplied: carried, unmatched: unmatched))
    }

    // MARK: - Helpers

    /// Resolves a name typed by an analyst to exactly one actor: `#12`/`#e12`, the name or an alias.
    static func curationEntity(_ db: Database, _ name: String) throws -> EntitySnapshot {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#") {
            if let n = try node(db, id: trimmed) {
                switch n.ref {
                case .issue: throw CurationError.notAnActor(name: name, issue: n.label)
                case .entity(let id): if let e = try entitySnapshot(db, id) { return e }
                }
            }
            throw CurationError.unknownEntity(name: name, suggestions: [])
        }
        let key = NameKey.make(trimmed)
        let found = try exactEntities(db, key)
        if found.count == 1, case .entity(let id) = found[0].ref, let e = try entitySnapshot(db, id) { return e }
        if found.count > 1 {
            let candidates = try found.compactMap { n -> String? in
                guard case .entity(let id) = n.ref, let e = try entitySnapshot(db, id) else { return nil }
                return "#\(e.id) \(e.name) (\(e.kind))"
            }
            throw CurationError.ambiguousEntity(name: name, candidates: candidates)
        }
        if let issue = try exactIssues(db, key).first { throw CurationError.notAnActor(name: name, issue: issue.label) }
        let names = Set(try String.fetchAll(db, sql: "SELECT name FROM entity"))
        throw CurationError.unknownEntity(name: name, suggestions: try suggestions(db, key).filter(names.contains))
    }

    static func entitySnapshot(_ db: Database, _ id: Int64) throws -> EntitySnapshot? {
        guard let r = try Row.fetchOne(db, sql: "SELECT id, name, name_key, kind FROM entity WHERE id = ?", arguments: [id]) else { return nil }
        let aliases = try String.fetchAll(db, sql: "SELECT surface FROM alias WHERE entity = ? ORDER BY surface_key", arguments: [id])
        return EntitySnapshot(id: r[0], name: r[1], name_key: r[2], kind: r[3], aliases: aliases)
    }

    /// Stances matching a condition on `s` (arguments bound as ?1, ?2 …), with names and keys.
    static func stanceSnapshots(_ db: Database, _ condition: String, _ arguments: StatementArguments) throws -> [StanceSnapshot] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, a.key, h.name, s.holder, s.polarity, COALESCE(te.name, ti.label), COALESCE(s.target_entity, s.target_issue),
                   CASE WHEN s.target_entity IS NULL THEN 'issue' ELSE 'entity' END, s.evidence, s.start, s.status
            FROM stance s JOIN entity h ON h.id = s.holder JOIN article a ON a.id = s.article
            LEFT JOIN entity te ON te.id = s.target_entity LEFT JOIN issue ti ON ti.id = s.target_issue
            WHERE \(condition) ORDER BY s.id
            """, arguments: arguments).map {
            StanceSnapshot(id: $0[0], article: $0[1], holder: $0[2], holder_id: $0[3], polarity: $0[4], target: $0[5],
                           target_id: $0[6], target_kind: $0[7], evidence: $0[8], start: $0[9], status: $0[10])
        }
    }

    /// After a merge, drops moved stances that repeat one of the actor's stances exactly (two
    /// mentions of one actor read as two actors yield the same edge twice). The actor's own copy
    /// stays and inherits an analyst's verdict from a dropped copy when it has none.
    /// - Returns: the ids dropped (all among `moved`).
    static func dropDuplicateStances(_ db: Database, of entity: Int64, moved: Set<Int64>) throws -> [Int64] {
        var groups: [[DatabaseValue]: [(id: Int64, status: String)]] = [:]
        var order: [[DatabaseValue]] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT id, status, holder, polarity, target_entity, target_issue, article, start, "end", evidence, modality
            FROM stance WHERE holder = ?1 OR target_entity = ?1 ORDER BY id
            """, arguments: [entity]) {
            let key = (2..<11).map { r[$0] as DatabaseValue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((r[0], r[1]))
        }
        var dropped: [Int64] = []
        for key in order {
            // Only copies the merge created: a moved stance repeating one the actor already had.
            guard let copies = groups[key], let kept = copies.first(where: { !moved.contains($0.id) }) else { continue }
            let extra = copies.filter { moved.contains($0.id) }
            if extra.isEmpty { continue }
            if kept.status == StanceStatus.auto.rawValue, let verdict = extra.first(where: { $0.status != StanceStatus.auto.rawValue }) {
                try db.execute(sql: "UPDATE stance SET status = ? WHERE id = ?", arguments: [verdict.status, kept.id])
            }
            dropped += extra.map(\.id)
        }
        try db.execute(sql: "DELETE FROM stance WHERE id IN (SELECT value FROM json_each(?))", arguments: [jsonArray(dropped)])
        return dropped.sorted()
    }

    /// Ties a name to one actor for later ingests (see `resolveOrCreateEntity`); the latest
    /// curation of a name wins.
    static func curateAlias(_ db: Database, entity: Int64, surface: String, key: String) throws {
        try db.execute(sql: "UPDATE alias SET curated = 0 WHERE surface_key = ? AND entity <> ?", arguments: [key, entity])
        try db.execute(sql: """
            INSERT INTO alias(entity, surface, surface_key, curated) VALUES (?,?,?,1)
            ON CONFLICT(surface_key, entity) DO UPDATE SET curated = 1
            """, arguments: [entity, surface, key])
    }

    /// Appends a ledger row in the caller's transaction.
    static func record<P: CurationPayload>(_ db: Database, action: String, _ payload: P) throws -> CurationRecord {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try enc.encode(payload), as: UTF8.self)
        let at = ISO8601DateFormatter().string(from: Date())
        try db.execute(sql: "INSERT INTO curation(at, action, payload) VALUES (?,?,?)", arguments: [at, action, json])
        return CurationRecord(id: db.lastInsertedRowID, at: at, action: action, summary: payload.summary, note: payload.note, payload: json)
    }
}

private func plural(_ n: Int, _ word: String) -> String {
    n == 1 ? "1 \(word)" : "\(n) \(word == "alias" ? "aliases" : word + "s")"
}
