import Foundation
import Testing
@testable import Graph

/// Golden files for the textual exports of the controversy fixture. A change in output shows up as
/// a diff in review; re-record with `GRAPHQ_RECORD=1 swift test --filter ExportGoldenTests`.
@Suite struct ExportGoldenTests {
    // Kept outside the test target so SwiftPM does not ask to declare them as resources.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    func check(_ actual: String, _ name: String) throws {
        let file = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRAPHQ_RECORD"] != nil {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; re-record with GRAPHQ_RECORD=1 if intended")
    }

    @Test func dotWithClusters() throws {
        try check(DOTWriter(options: .init(clusters: true)).write(try controversyStore().subgraph(.forMaps)), "controversy.dot")
    }

    @Test func graphML() throws {
        try check(GraphMLWriter().write(try controversyStore().subgraph(.forMaps)), "controversy.graphml")
    }

    @Test func gexf() throws {
        try check(GEXFWriter().write(try controversyStore().subgraph(.forMaps)), "controversy.gexf")
    }

    @Test func auditMarkdown() throws {
        let s = try controversyStore()
        try check(try s.audit(subject: try s.resolve("plant closure", prefer: .issue), filter: .forMaps).report.markdown(),
                  "controversy-audit.md")
    }
}
