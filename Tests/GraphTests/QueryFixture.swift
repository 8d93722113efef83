import Foundation
import GRDB
import Testing
@testable import Graph

/// A small hand-built store for query tests: the Amazon/Rekognition controversy and net neutrality,
/// with one negated and one rejected stance (which queries must skip by default) and an alias
/// ("Markey") shared by two actors.
enum QueryFixture {
    /// The fixture graph, shared with the CLI tests (Tests/SharedFixtures/query-graph.json).
    static let json: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SharedFixtures/query-graph.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "{}"
    }()

    static func store() throws -> Store {
        let store = try Store()
        try store.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "fixture.json"))
        return store
    }

    static func id(_ store: Store, _ name: String) throws -> Int64 {
        try store.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM entity WHERE name = ?", arguments: [name]) } ?? -1
    }

    /// Runs a query and returns its rows as strings; records the error when it fails.
    static func rows(_ engine: QueryEngine, _ query: String, options: QueryOptions = QueryOptions()) -> [[String]] {
        do { return try engine.run(query, options: options).strings } catch {
            Issue.record("\(query) failed: \(error)")
            return []
        }
    }
}
