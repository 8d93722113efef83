import Foundation
import GRDB
import Testing
@testable import Graph

func sampleGraph(evidence: String = "Workers opposed Acme.") -> ArticleGraph {
    ArticleGraph(
        entities: [.init(name: "Acme Workers Union", kind: .group, aliases: ["the union"]),
                   .init(name: "Acme", kind: .organization, aliases: ["Acme Corp."])],
        issues: [.init(label: "plant closure", aliases: ["the closure"], owner: 1)],
        relations: [.init(from: 0, to: 1, type: .memberOf)],
        stances: [.init(holder: 0, polarity: .opposes, target: .entity(1), topic: 0, sentence: 0, start: 0,
                        end: evidence.unicodeScalars.count, evidence: evidence, cue: "opposed", date: "2020-01-02",
                        datePrecision: .day, confidence: 0.8, rule: "test"),
                  .init(holder: 1, polarity: .defends, target: .issue(0), sentence: 0, start: 0,
                        end: evidence.unicodeScalars.count, evidence: evidence, cue: "defended", confidence: 0.7, rule: "test")])
}

func tempDB() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("graphq-test-\(UUID().uuidString).sqlite").path
}

@Suite struct StoreTests {
    @Test func ingestStoresArticleEntitiesAndStances() throws {
        let store = try Store()
        let doc = Document(key: "a1", text: "Workers opposed Acme.")
        let outcome = try store.ingest(doc, graph: sampleGraph(), extractorVersion: "t")
        guard case .added(_, let entities, let stances) = outcome else { Issue.record("not added: \(outcome)"); return }
        #expect(entities == 2 && stances == 2)
        let st = try store.stats()
        #expect(st.articles == 1 && st.entities == 2 && st.stances == 2 && st.issues == 1 && st.relations == 1)
    }

    @Test func sameContentTwiceAddsNothing() throws {
        let store = try Store()
        let doc = Document(key: "a1", text: "Workers opposed Acme.")
        try store.ingest(doc, graph: sampleGraph(), extractorVersion: "t")
        let before = try store.stats()
        let again = try store.ingest(Document(key: "other-key", text: doc.text), graph: sampleGraph(), extractorVersion: "t")
        guard case .alreadyKnown = again else { Issue.record("expected alreadyKnown, got \(again)"); return }
        #expect(try store.stats() == before)
    }

    @Test func changedContentUnderTheSameKeyReplacesTheOldVersion() throws {
        let store = try Store()
        try store.ingest(Document(key: "a1", text: "Workers opposed Acme."), graph: sampleGraph(), extractorVersion: "t")
        let outcome = try store.ingest(Document(key: "a1", text: "Workers opposed Acme again."),
                                       graph: sampleGraph(evidence: "Workers opposed Acme again."), extractorVersion: "t")
        guard case .replaced = outcome else { Issue.record("expected replaced, got \(outcome)"); return }
        let st = try store.stats()
        #expect(st.articles == 1 && st.stances == 2)
    }

    @Test func aFailureMidArticleLeavesNoTrace() throws {
        let store = try Store()
        try store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON stance WHEN NEW.cue = 'defended' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        #expect(throws: (any Error).self) {
            try store.ingest(Document(key: "a1", text: "Workers opposed Acme."), graph: sampleGraph(), extractorVersion: "t")
        }
        let st = try store.stats()
        #expect(st.articles == 0 && st.entities == 0 && st.stances == 0)
    }

    @Test func aliasesResolveAcrossArticles() throws {
        let store = try Store()
        try store.ingest(Document(key: "a1", text: "one"), graph: sampleGraph(), extractorVersion: "t")
        var g = sampleGraph()
        g.entities[1] = .init(name: "Acme Corp.", kind: .organization)
        try store.ingest(Document(key: "a2", text: "two"), graph: g, extractorVersion: "t")
        #expect(try store.stats().entities == 2)
        #expect(try store.findEntities(name: "ACME corp.", kind: nil).map(\.name) == ["Acme"])
    }

    @Test func genericGroupsDoNotMergeThroughAliases() throws {
        let store = try Store()
        let critics = ArticleGraph(entities: [.init(name: "critics of the bill", kind: .group, aliases: ["critics"])])
        try store.ingest(Document(key: "a1", text: "one"), graph: critics, extractorVersion: "t")
        try store.ingest(Document(key: "a2", text: "two"), graph: ArticleGraph(entities: [.init(name: "critics", kind: .group)]), extractorVersion: "t")
        #expect(try store.stats().entities == 2)
        // An organisation's alias still finds it.
        try store.ingest(Document(key: "a3", text: "three"), graph: ArticleGraph(entities: [.init(name: "Acme Corporation", kind: .organization, aliases: ["Acme"])]), extractorVersion: "t")
        try store.ingest(Document(key: "a4", text: "four"), graph: ArticleGraph(entities: [.init(name: "Acme", kind: .organization)]), extractorVersion: "t")
        #expect(try store.stats().entities == 3)
    }

    @Test func fileStoreUsesWALAndRefusesANewerSchema() throws {
        let path = tempDB()
        do {
            let store = try Store(path: path)
            let mode = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
            try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v999-from-the-future')") }
        }
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            "\(error)".contains("newer version of graphq")
        }
    }

    @Test func readOnlyOpenOfAMissingFileExplainsWhatToDo() {
        #expect {
            _ = try Store(path: "/nonexistent/dir/x.sqlite", readOnly: true)
        } throws: { "\($0)".contains("graphq ingest") }
    }

    @Test func adjacencyFollowsStanceInsertsAndDeletes() throws {
        let store = try Store()
        try store.ingest(Document(key: "a1", text: "Workers opposed Acme."), graph: sampleGraph(), extractorVersion: "t")
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM adjacency") } == 4)
        try store.writer.write { try $0.execute(sql: "DELETE FROM article") }
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM adjacency") } == 0)
    }
}

@Suite struct InterchangeTests {
    @Test func roundTripIsLossless() throws {
        let a = try Store()
        try a.ingest(Document(key: "a1", url: "https://x.org/1", title: "T", source: "S", author: "Au", published: "2020-01-02",
                              text: "Workers opposed Acme."), graph: sampleGraph(), extractorVersion: "t")
        let exported = try a.interchange()
        let json = try InterchangeJSON.encode(exported)
        let b = try Store()
        let added = try b.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "x.json"))
        #expect(added == 2)
        var again = try b.interchange()
        // ids are store-local; everything else must survive.
        func strip(_ g: InterchangeGraph) -> InterchangeGraph {
            var g = g
            g.entities = g.entities.map { var e = $0; e.id = nil; return e }
            g.issues = g.issues?.map { var i = $0; i.id = nil; return i }
            g.stances = g.stances.map { var s = $0; s.id = nil; return s }
            return g
        }
        again = strip(again)
        #expect(again == strip(exported))
        // Importing the same file again adds nothing.
        #expect(try b.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "x.json")) == 0)
    }

    @Test func handCodedGraphWithoutArticlesImports() throws {
        let json = #"{"entities":[{"name":"Acme","kind":"organization"}],"stances":[{"holder":"Union","polarity":"opposes","target":"Acme","evidence":"The union opposed Acme."}]}"#
        let s = try Store()
        #expect(try s.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "h.json")) == 1)
        #expect(try s.stats().entities == 2)
    }

    @Test func badPolarityIsRejectedWholesale() throws {
        let json = #"{"entities":[],"stances":[{"holder":"A","polarity":"hates","target":"B"}]}"#
        let s = try Store()
        #expect { try s.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "h.json")) } throws: { "\($0)".contains("unknown polarity 'hates'") }
        #expect(try s.stats().entities == 0)
    }

    @Test func missingFieldIsNamed() {
        #expect { try InterchangeJSON.decode(Data(#"{"stances":[]}"#.utf8), file: "h.json") } throws: { "\($0)".contains("missing field 'entities'") }
    }
}

@Suite struct ContentHashTests {
    @Test func matchesKnownVectors() {
        #expect(ContentHash.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256Hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
