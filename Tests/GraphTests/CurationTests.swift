import Foundation
import GRDB
import Testing
@testable import Graph

/// Curations (`graphq curate …`): each action, its failures, its ledger row, and that it survives
/// later ingests.
@Suite struct CurationTests {
    /// One stance per line of an article: holder index, polarity, target, evidence.
    static func article(_ entities: [(String, EntityKind)], issues: [ArticleGraph.Issue] = [],
                        relations: [ArticleGraph.Relation] = [],
                        stances: [(Int, Polarity, ArticleGraph.Target, String)]) -> ArticleGraph {
        ArticleGraph(entities: entities.map { .init(name: $0.0, kind: $0.1) }, issues: issues, relations: relations,
                     stances: stances.enumerated().map { n, s in
                         .init(holder: s.0, polarity: s.1, target: s.2, sentence: n, start: 0, end: s.3.unicodeScalars.count,
                               evidence: s.3, cue: "test", confidence: 0.9, rule: "test")
                     })
    }

    /// "Andy Jessy" (a misspelling read as a second actor) leads Acme, owns an issue and opposes
    /// Acme's union; "Andy Jassy" defends Acme.
    static func misspelledStore() throws -> Store {
        let store = try Store()
        try store.ingest(Document(key: "a1", text: "one"), graph: article(
            [("Andy Jessy", .person), ("Acme", .organization), ("Acme union", .group)],
            issues: [.init(label: "warehouse automation", owner: 0)],
            relations: [.init(from: 0, to: 1, type: .leads)],
            stances: [(0, .opposes, .entity(2), "Jessy criticised the union."),
                      (0, .supports, .issue(0), "Jessy backed automation."),
                      (2, .opposes, .entity(0), "The union attacked Jessy.")]), extractorVersion: "t")
        try store.ingest(Document(key: "a2", text: "two"), graph: article(
            [("Andy Jassy", .person), ("Acme", .organization)],
            relations: [.init(from: 0, to: 1, type: .leads)],
            stances: [(0, .defends, .entity(1), "Jassy defended Acme.")]), extractorVersion: "t")
        return store
    }

    static func id(_ store: Store, _ name: String) throws -> Int64? {
        try store.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM entity WHERE name = ?", arguments: [name]) }
    }

    static func count(_ store: Store, _ sql: String) throws -> Int {
        try store.writer.read { try Int.fetchOne($0, sql: sql) } ?? -1
    }

    static func payload(_ record: CurationRecord) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(record.payload.utf8)) as? [String: Any]) ?? [:]
    }

    // MARK: merge

    @Test func mergeMovesAliasesStancesRelationsAndIssuesThenDeletesTheSource() throws {
        let store = try Self.misspelledStore()
        let jessy = try #require(try Self.id(store, "Andy Jessy")), jassy = try #require(try Self.id(store, "Andy Jassy"))
        let record = try store.merge("Andy Jessy", into: "Andy Jassy", note: "same person")
        #expect(try Self.id(store, "Andy Jessy") == nil)
        #expect(try store.stats().entities == 3)
        let detail = try #require(try store.entityDetail(id: jassy))
        #expect(detail.aliases.contains("Andy Jessy"))
        #expect(detail.stances.count == 4)
        // Both had "leads Acme": one relation remains.
        #expect(detail.relations.map(\.type) == ["leads"])
        #expect(try Self.count(store, "SELECT count(*) FROM issue WHERE owner = \(jassy)") == 1)
        #expect(try Self.count(store, "SELECT count(*) FROM stance WHERE holder = \(jessy) OR target_entity = \(jessy)") == 0)
        #expect(try Self.count(store, "SELECT count(*) FROM alias WHERE entity = \(jessy)") == 0)

        #expect(record.action == "merge")
        #expect(record.summary.hasPrefix("merged #\(jessy) 'Andy Jessy' into #\(jassy) 'Andy Jassy': 3 stances moved"))
        let p = Self.payload(record)
        let source = p["source"] as? [String: Any], target = p["target"] as? [String: Any]
        #expect(source?["id"] as? Int64 == jessy && source?["name"] as? String == "Andy Jessy" && source?["name_key"] as? String == "andy jessy")
        #expect(target?["id"] as? Int64 == jassy && target?["name"] as? String == "Andy Jassy")
        #expect((p["stances_moved"] as? [Int64])?.count == 3)
        #expect(p["note"] as? String == "same person")
        #expect(try store.curationLog().map(\.action) == ["merge"])
    }

    @Test func mergeDropsStancesBetweenTheTwoAndExactDuplicates() throws {
        let store = try Store()
        let ev = "Jessy and Jassy opposed the union."
        try store.ingest(Document(key: "a1", text: "one"), graph: Self.article(
            [("Andy Jessy", .person), ("Andy Jassy", .person), ("Acme union", .group)],
            relations: [.init(from: 0, to: 1, type: .memberOf)],
            stances: [(0, .opposes, .entity(2), ev), (1, .opposes, .entity(2), ev),
                      (0, .supports, .entity(1), "Jessy backed Jassy.")]), extractorVersion: "t")
        // The copy that goes away carries the analyst's verdict: the kept copy inherits it.
        let dup = try #require(try store.writer.read { try Int64.fetchOne($0, sql: "SELECT min(id) FROM stance") })
        try store.setStatus(stance: dup, to: .confirmed)
        let record = try store.merge("Andy Jessy", into: "Andy Jassy")
        #expect(try Self.count(store, "SELECT count(*) FROM stance") == 1)
        #expect(try Self.count(store, "SELECT count(*) FROM stance WHERE status = 'confirmed'") == 1)
        #expect(try Self.count(store, "SELECT count(*) FROM relation") == 0)
        let p = Self.payload(record)
        #expect((p["self_stances_dropped"] as? [[String: Any]])?.first?["evidence"] as? String == "Jessy backed Jassy.")
        #expect(p["duplicate_stances_dropped"] as? [Int64] == [dup])
        #expect(record.summary.contains("1 stance between them dropped") && record.summary.contains("1 duplicate stance dropped"))
    }

    @Test func adjacencyAndPathsAreRightAfterAMerge() throws {
        let store = try QueryFixture.store()
        let engine = QueryEngine(store: store)
        // Before: Amazon reaches the issue only through another actor.
        #expect(QueryFixture.rows(engine, "PATH 'Amazon' TO 'facial recognition sales to police'").count == 2)
        let aws = try QueryFixture.id(store, "Amazon Web Services")
        try store.merge("AWS", into: "Amazon")
        // The adjacency table equals one rebuilt from scratch, and the merged node is gone from it.
        let (kept, rebuilt) = try store.writer.read { db in
            (Set(try Row.fetchAll(db, sql: "SELECT a, b FROM adjacency").map { [$0[0] as Int64, $0[1] as Int64] }),
             Set(try Row.fetchAll(db, sql: """
                 SELECT holder, COALESCE(target_entity, -target_issue) FROM stance
                 UNION SELECT COALESCE(target_entity, -target_issue), holder FROM stance
                 """).map { [$0[0] as Int64, $0[1] as Int64] }))
        }
        #expect(kept == rebuilt)
        #expect(!kept.contains { $0.contains(aws) })
        #expect(QueryFixture.rows(engine, "PATH 'Amazon' TO 'facial recognition sales to police'") ==
                [["1", "Amazon", "defends →", "facial recognition sales to police", "1", "2019", "AWS defended Rekognition.", "a8"]])
        // The merged name still finds the actor, and neighbour queries see the moved stance.
        #expect(QueryFixture.rows(engine, "PATH 'Amazon Web Services' TO 'ACLU'").count == 1)
        #expect(QueryFixture.rows(engine, "MATCH (a {name:'Amazon'})-[:DEFENDS]->(x) RETURN x.name") == [["facial recognition sales to police"]])
        #expect(QueryFixture.rows(engine, "MATCH (a)-[:DEFENDS]->(x {name:'facial recognition sales to police'}) RETURN a.name ORDER BY a.name")
                == [["Amazon"], ["Andy Jassy"]])
    }

    @Test func aLaterArticleNamingTheMergedActorLandsOnTheTarget() throws {
        let store = try Self.misspelledStore()
        // "Acme union" is a group (ingest never merges groups through aliases) and "Jessy" also
        // becomes another actor's alias: the curated name must still win.
        try store.ingest(Document(key: "a0", text: "zero"), graph: ArticleGraph(entities: [
            .init(name: "Amazon workers", kind: .group), .init(name: "Amazon employees", kind: .group),
            .init(name: "Jessy Smith", kind: .person, aliases: ["Andy Jessy"])]), extractorVersion: "t")
        try store.merge("#\(try #require(try Self.id(store, "Andy Jessy")))", into: "Andy Jassy")
        try store.merge("Amazon workers", into: "Amazon employees")
        let before = try store.stats().entities
        let outcome = try store.ingest(Document(key: "a3", text: "three"), graph: Self.article(
            [("Andy Jessy", .person), ("Amazon workers", .group)],
            stances: [(1, .opposes, .entity(0), "Workers booed Jessy.")]), extractorVersion: "t")
        guard case .added(_, let newEntities, _) = outcome else { Issue.record("not added: \(outcome)"); return }
        #expect(newEntities == 0)
        #expect(try store.stats().entities == before)
        let jassy = try #require(try Self.id(store, "Andy Jassy")), employees = try #require(try Self.id(store, "Amazon employees"))
        #expect(try Self.count(store, "SELECT count(*) FROM stance WHERE holder = \(employees) AND target_entity = \(jassy)") == 1)
        // Import resolves names the same way.
        try store.importGraph(InterchangeGraph(entities: [.init(name: "Amazon workers", kind: "group", aliases: nil)], stances: []))
        #expect(try store.stats().entities == before)
    }

    @Test func mergeFailuresSayWhatIsWrongAndChangeNothing() throws {
        let store = try QueryFixture.store()
        let before = try store.stats()
        #expect(throws: CurationError.mergeIntoItself(name: "Amazon", id: try QueryFixture.id(store, "Amazon"))) {
            try store.merge("Amazon.com", into: "Amazon")
        }
        #expect { try store.merge("Markey", into: "Amazon") } throws: { e in
            let m = "\(e)"
            return m.contains("'Markey' names several actors: #") && m.contains("Ed Markey (person)") && m.contains("Orlando Police (government)")
        }
        #expect { try store.merge("Amazn", into: "Amazon") } throws: { "\($0)".contains("no actor named 'Amazn'; did you mean 'Amazon'") }
        #expect { try store.merge("Jeff Bezos", into: "#999") } throws: { "\($0)".contains("no actor named '#999'") }
        #expect { try store.merge("net neutrality", into: "Amazon") } throws: { "\($0)".contains("is the issue 'net neutrality', not an actor") }
        #expect(try store.stats() == before)
        #expect(try store.curationLog().isEmpty)
    }

    // MARK: reject / confirm

    @Test func rejectHidesAStanceAndConfirmBringsItBack() throws {
        let store = try QueryFixture.store()
        let engine = QueryEngine(store: store)
        let id = try #require(try store.writer.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM stance WHERE evidence = 'Bezos defended Amazon.'")
        })
        let rejected = try #require(try store.setStatus(stance: id, to: .rejected, note: "sarcasm"))
        #expect(rejected.action == "reject")
        #expect(rejected.summary == "rejected stance #\(id): Jeff Bezos defends Amazon (“Bezos defended Amazon.”, a4)")
        let p = Self.payload(rejected)
        #expect(p["from"] as? String == "auto" && p["to"] as? String == "rejected" && p["note"] as? String == "sarcasm")
        #expect((p["stance"] as? [String: Any])?["holder"] as? String == "Jeff Bezos")
        #expect(QueryFixture.rows(engine, "MATCH (a {name:'Jeff Bezos'})-[:DEFENDS]->(x) RETURN x.name").isEmpty)
        #expect(try store.interchange(filter: .forMaps).stances.allSatisfy { $0.evidence != "Bezos defended Amazon." })
        #expect(try store.interchange(filter: StanceFilter(includeRejected: true)).stances.contains { $0.evidence == "Bezos defended Amazon." })
        // Rejecting twice changes nothing and writes nothing.
        #expect(try store.setStatus(stance: id, to: .rejected) == nil)
        let confirmed = try #require(try store.setStatus(stance: id, to: .confirmed))
        #expect(confirmed.action == "confirm")
        #expect(QueryFixture.rows(engine, "MATCH (a {name:'Jeff Bezos'})-[:DEFENDS]->(x) RETURN x.name") == [["Amazon"]])
        #expect(try store.curationLog().map(\.action) == ["reject", "confirm"])
    }

    @Test func anUnknownStanceIdIsAnError() throws {
        let store = try QueryFixture.store()
        #expect(throws: CurationError.unknownStance(4242)) { try store.setStatus(stance: 4242, to: .rejected) }
        #expect("\(CurationError.unknownStance(4242))".contains("graphq entities NAME"))
        #expect(try store.curationLog().isEmpty)
    }

    // MARK: rename / kind

    @Test func renameKeepsTheOldNameAsACuratedAlias() throws {
        let store = try Store()
        try store.ingest(Document(key: "a1", text: "one"), graph: Self.article(
            [("workers at Acme", .group), ("Acme", .organization)],
            stances: [(0, .opposes, .entity(1), "Workers at Acme walked out.")]), extractorVersion: "t")
        let id = try #require(try Self.id(store, "workers at Acme"))
        let record = try #require(try store.rename("workers at Acme", to: "Acme workers", note: "house style"))
        #expect(record.summary == "renamed #\(id) 'workers at Acme' to 'Acme workers'")
        let p = Self.payload(record)
        #expect(p["from_key"] as? String == "workers at acme" && p["to_key"] as? String == "acme workers" && p["entity"] as? Int64 == id)
        #expect(try Self.id(store, "Acme workers") == id)
        #expect(try store.resolve("workers at Acme", prefer: .actor).ref == .entity(id))
        // A group under its old name in a later article is the same group.
        try store.ingest(Document(key: "a2", text: "two"), graph: Self.article([("workers at Acme", .group)], stances: []), extractorVersion: "t")
        #expect(try store.stats().entities == 2)
        // Same name: nothing to do.
        #expect(try store.rename("#\(id)", to: "Acme workers") == nil)
    }

    @Test func renameToAnotherActorsNameSuggestsMerge() throws {
        let store = try Self.misspelledStore()
        let jessy = try #require(try Self.id(store, "Andy Jessy")), jassy = try #require(try Self.id(store, "Andy Jassy"))
        #expect(throws: CurationError.nameTaken(name: "andy JASSY", ownerID: jassy, owner: "Andy Jassy", entityID: jessy)) {
            try store.rename("Andy Jessy", to: "andy JASSY")
        }
        #expect("\(CurationError.nameTaken(name: "x", ownerID: jassy, owner: "Andy Jassy", entityID: jessy))"
                    .contains("graphq curate merge '#\(jessy)' --into '#\(jassy)'"))
        #expect(throws: CurationError.emptyName) { try store.rename("Andy Jessy", to: "  ") }
        // Changing only the spelling of an actor's own name is fine.
        #expect(try store.rename("Andy Jassy", to: "ANDY JASSY") != nil)
        #expect(try store.curationLog().map(\.action) == ["rename"])
    }

    @Test func kindIsValidatedAndSurvivesIngest() throws {
        let store = try Self.misspelledStore()
        #expect { try store.setKind("Acme union", to: "planet") } throws: { e in
            "\(e)" == "unknown kind 'planet'; use one of organization, person, group, government, product, media, other"
        }
        #expect { try store.setKind("Nobody", to: "person") } throws: { "\($0)".contains("no actor named 'Nobody'") }
        let record = try #require(try store.setKind("Acme union", to: "org", note: "a registered union"))
        #expect(record.action == "kind" && record.summary.hasSuffix("from group to organization"))
        #expect(try store.setKind("Acme union", to: "organization") == nil)
        try store.ingest(Document(key: "a3", text: "three"), graph: Self.article([("Acme union", .group)], stances: []), extractorVersion: "t")
        #expect(try store.findEntities(name: "Acme union", kind: nil).map(\.kind) == ["organization"])
        #expect(try store.curationLog().count == 1)
    }

    // MARK: ledger and durability

    @Test func everyCurationIsOneLedgerRowInItsTransaction() throws {
        let store = try Self.misspelledStore()
        let stance = try #require(try store.writer.read { try Int64.fetchOne($0, sql: "SELECT min(id) FROM stance") })
        try store.setStatus(stance: stance, to: .rejected)
        try store.rename("Acme union", to: "Acme Workers Union")
        try store.setKind("Acme Workers Union", to: "organization")
        try store.merge("Andy Jessy", into: "Andy Jassy")
        let log = try store.curationLog()
        #expect(log.map(\.action) == ["reject", "rename", "kind", "merge"])
        #expect(log.map(\.id) == log.map(\.id).sorted())
        #expect(log.allSatisfy { !$0.at.isEmpty && Self.payload($0)["summary"] as? String == $0.summary })
        // A write that fails after the change rolls the change back with its ledger row.
        try store.writer.write { try $0.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON curation BEGIN SELECT RAISE(ABORT, 'boom'); END") }
        #expect(throws: (any Error).self) { try store.rename("Andy Jassy", to: "Andrew Jassy") }
        #expect(try Self.id(store, "Andy Jassy") != nil)
    }

    @Test func reIngestCarriesVerdictsOverToMatchingStances() throws {
        let store = try Store()
        let first = Self.article([("Acme union", .group), ("Acme", .organization)], stances: [
            (0, .opposes, .entity(1), "The union opposed Acme."),
            (1, .supports, .entity(0), "Acme praised the union."),
            (1, .defends, .entity(0), "Acme defended the union.")])
        try store.ingest(Document(key: "a1", text: "v1"), graph: first, extractorVersion: "t")
        let ids = try store.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM stance ORDER BY id") }
        try store.setStatus(stance: ids[0], to: .rejected)
        try store.setStatus(stance: ids[1], to: .confirmed)
        try store.setStatus(stance: ids[2], to: .rejected)
        // The new version keeps the first two sentences and rewrites the third.
        let second = Self.article([("Acme union", .group), ("Acme", .organization)], stances: [
            (0, .opposes, .entity(1), "The union opposed Acme."),
            (1, .supports, .entity(0), "Acme praised the union."),
            (1, .defends, .entity(0), "Acme stood up for the union.")])
        let outcome = try store.ingest(Document(key: "a1", text: "v2"), graph: second, extractorVersion: "t")
        guard case .replaced = outcome else { Issue.record("expected replaced, got \(outcome)"); return }
        let statuses = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT evidence, status FROM stance ORDER BY id").map { "\($0[0] as String) \($0[1] as String)" }
        }
        #expect(statuses == ["The union opposed Acme. rejected", "Acme praised the union. confirmed", "Acme stood up for the union. auto"])
        #expect(try store.interchange(filter: .forMaps).stances.map(\.evidence) == ["Acme praised the union.", "Acme stood up for the union."])
        let log = try store.curationLog()
        #expect(log.last?.action == "reapply")
        #expect(log.last?.summary == "re-ingest of 'a1': 2 of 3 reviewed stances carried over; no longer extracted: #\(ids[2]) (rejected)")
        let carried = Self.payload(try #require(log.last))["reapplied"] as? [[String: Any]]
        #expect(carried?.map { $0["from"] as? Int64 } == [ids[0], ids[1]])
        // A re-ingest with no verdicts to carry writes no ledger row.
        try store.ingest(Document(key: "b1", text: "b1"), graph: first, extractorVersion: "t")
        try store.ingest(Document(key: "b1", text: "b2"), graph: first, extractorVersion: "t")
        #expect(try store.curationLog().count == log.count)
    }
}
