import Foundation
import GRDB
import Testing
@testable import Graph

/// User text reaches SQLite only as bound arguments: hostile names, strings and parameters find
/// nothing they should not and change nothing.
@Suite struct QueryInjectionTests {
    static let hostile = [
        "Amazon'); DROP TABLE stance; --",
        "' OR '1'='1",
        "\" OR 1=1 --",
        "%",
        "_",
        "Amazon%",
        "x' UNION SELECT name, name, name FROM sqlite_master --",
        "1; DELETE FROM entity",
        "*/ DROP TABLE entity /*",
    ]

    func snapshot(_ store: Store) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name || ':' || COALESCE(sql, '') FROM sqlite_master ORDER BY name")
                + [try String(Int.fetchOne(db, sql: "SELECT count(*) FROM stance") ?? 0),
                   try String(Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0)]
        }
    }

    @Test(arguments: hostile)
    func hostileTextFindsNothingAndChangesNothing(_ text: String) throws {
        let store = try QueryFixture.store()
        let engine = QueryEngine(store: store)
        let before = try snapshot(store)
        let params = ["x": text]
        // As a name: an unknown-name diagnostic, never a match.
        for q in ["MATCH (a {name:$x})-[s]->(b) RETURN b.name", "PATH $x TO 'ACLU'", "TIMELINE $x", "TOP 3 OPPOSED ON $x",
                  "CONFLICT ON $x", "MATCH (a)-[s ON $x]->(b) RETURN a.name"] {
            #expect(throws: QueryError.self) { try engine.run(q, options: QueryOptions(parameters: params)) }
        }
        // As a value: compared as text, so nothing matches.
        for q in ["MATCH (a)-[s]->(b) WHERE a.name = $x RETURN a.name",
                  "MATCH (a)-[s]->(b) WHERE s.evidence CONTAINS $x RETURN a.name",
                  "MATCH (a)-[s]->(b) WHERE a.name STARTS WITH $x OR b.name ENDS WITH $x RETURN a.name",
                  "MATCH (a)-[s]->(b) WHERE a.name IN [$x] RETURN a.name"] {
            #expect(try engine.run(q, options: QueryOptions(parameters: params)).rows.isEmpty, "\(q) with \(text)")
        }
        // Numbers must be numbers.
        #expect(throws: QueryError.self) {
            try engine.run("MATCH (a)-[s]->(b) WHERE s.confidence > $x RETURN a.name", options: QueryOptions(parameters: params))
        }
        #expect(throws: QueryError.self) { try engine.run("MATCH (a) RETURN a.name LIMIT $x", options: QueryOptions(parameters: params)) }
        // Spelled into the query text as a string literal (quotes doubled), it is still only a value.
        let literal = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        #expect(try engine.run("MATCH (a)-[s]->(b) WHERE a.name = \(literal) OR s.evidence = \(literal) RETURN a.name").rows.isEmpty)
        #expect(try snapshot(store) == before)
    }

    @Test func userTextNeverEntersTheSQLString() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let compiled = try engine.compile("MATCH (zqxj)-[s:OPPOSES ON 'facial recognition']->(b {name:'Amazon'}) WHERE zqxj.name CONTAINS 'ZQXJ' AND s.evidence = $p RETURN zqxj.name AS zqxjcol",
                                          options: QueryOptions(parameters: ["p": "QQQQ"]))
        guard case .sql(let q) = compiled.query else { Issue.record("not SQL"); return }
        for word in ["zqxj", "ZQXJ", "QQQQ", "facial", "Amazon", "zqxjcol"] { #expect(!q.sql.contains(word), "\(word) in SQL") }
        #expect(q.arguments.contains("ZQXJ".databaseValue) && q.arguments.contains("QQQQ".databaseValue))
        #expect(q.columns == ["zqxjcol"])
    }

    @Test func theEngineReadsThroughAReadOnlyConnection() throws {
        let path = tempDB()
        do {
            let store = try Store(path: path)
            try store.importGraph(try InterchangeJSON.decode(Data(QueryFixture.json.utf8), file: "f.json"))
        }
        let readOnly = try Store(path: path, readOnly: true)
        #expect(throws: (any Error).self) { try readOnly.writer.write { try $0.execute(sql: "DELETE FROM stance") } }
        #expect(try QueryEngine(store: readOnly).run("TOP 1 OPPOSED").rows.count == 1)
    }
}
