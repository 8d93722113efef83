import Foundation
import Testing

/// End-to-end tests of `graphq curate` on the built binary, with articles read by the real extractor.
@Suite(.serialized) struct CurateCLITests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func article(_ title: String, _ date: String, _ body: String) -> String {
        "\(title)\n\n\(date) – by Sam Lee\n\n\(body)\n\nSource: Quay News\n"
    }

    @Test func mergeRejectLogAndALaterIngest() throws {
        let dir = try CLI.tempDir()
        let db = dir.appendingPathComponent("g.sqlite").path
        let a = try Self.write(Self.article("Crane Dispute", "May 2, 2022", "Andy Jessy criticized Portline Logistics over its automated cranes."), "a.txt", in: dir)
        let b = try Self.write(Self.article("Cranes Defended", "May 3, 2022", "Andy Jassy defended Portline Logistics."), "b.txt", in: dir)
        #expect(try CLI.run(["ingest", "--db", db, a, b]).status == 0)

        let merge = try CLI.run(["curate", "merge", "--db", db, "Andy Jessy", "--into", "Andy Jassy", "--note", "misspelling"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("into #") && merge.stdout.contains("'Andy Jassy': 1 stance moved") && merge.stdout.contains("(ledger #1)"))
        let list = try CLI.run(["entities", "--db", db])
        #expect(!list.stdout.contains("Andy Jessy"))

        // A later article with the merged name adds no actor.
        let c = try Self.write(Self.article("Cranes Again", "May 9, 2022", "Andy Jessy attacked Portline Logistics again."), "c.txt", in: dir)
        let later = try CLI.run(["ingest", "--db", db, c])
        #expect(later.stderr.contains("0 new entities"), "\(later.stderr)")

        // Reject the stance from a.txt; it leaves the export and stays rejected when a.txt changes.
        let stances = try CLI.run(["export", "--db", db, "--format", "json", "--no-articles"])
        let json = try JSONSerialization.jsonObject(with: Data(stances.stdout.utf8)) as? [String: Any]
        let first = (json?["stances"] as? [[String: Any]])?.first { ($0["article"] as? String) == a }
        let id = try #require(first?["id"] as? Int)
        let reject = try CLI.run(["curate", "reject", "--db", db, "#\(id)", "--note", "sarcastic quote"])
        #expect(reject.status == 0, "\(reject.stderr)")
        #expect(reject.stdout.hasPrefix("rejected stance #\(id): Andy Jassy opposes Portline Logistics"))
        #expect(!(try CLI.run(["export", "--db", db, "--format", "json", "--no-articles"])).stdout.contains("over its automated cranes"))
        _ = try Self.write(Self.article("Crane Dispute", "May 2, 2022",
                                        "Andy Jessy criticized Portline Logistics over its automated cranes.\n\nThe company did not comment."), "a.txt", in: dir)
        #expect(try CLI.run(["ingest", "--db", db, a]).stderr.contains("1 replaced"))
        #expect(!(try CLI.run(["export", "--db", db, "--format", "json", "--no-articles"])).stdout.contains("over its automated cranes"))
        #expect((try CLI.run(["export", "--db", db, "--format", "json", "--no-articles", "--include-rejected"])).stdout.contains("over its automated cranes"))

        let log = try CLI.run(["curate", "log", "--db", db])
        #expect(log.status == 0)
        let actions = log.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
        #expect(actions == ["merge", "reject", "reapply"])
        #expect(log.stdout.contains("— note: misspelling"))
        let logJSON = try JSONSerialization.jsonObject(with: Data(try CLI.run(["curate", "log", "--db", db, "--json"]).stdout.utf8)) as? [[String: Any]]
        #expect((logJSON?.first?["payload"] as? [String: Any])?["source"].flatMap { ($0 as? [String: Any])?["name"] as? String } == "Andy Jessy")
    }

    @Test func errorsExitNonZeroAndSayHowToFixThem() throws {
        let dir = try CLI.tempDir()
        let db = dir.appendingPathComponent("g.sqlite").path
        let a = try Self.write(Self.article("Crane Dispute", "May 2, 2022", "Dockworkers protested Portline Logistics over its automated cranes."), "a.txt", in: dir)
        #expect(try CLI.run(["ingest", "--db", db, a]).status == 0)
        let unknown = try CLI.run(["curate", "merge", "--db", db, "Portline Logistic", "--into", "Dockworkers"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("graphq: no actor named 'Portline Logistic'; did you mean 'Portline Logistics'?"))
        let taken = try CLI.run(["curate", "rename", "--db", db, "Dockworkers", "--to", "Portline Logistics"])
        #expect(taken.status == 65 && taken.stderr.contains("graphq curate merge '#"))
        let stance = try CLI.run(["curate", "confirm", "--db", db, "999"])
        #expect(stance.status == 65 && stance.stderr.contains("no stance #999"))
        let kind = try CLI.run(["curate", "kind", "--db", db, "Dockworkers", "--set", "planet"])
        #expect(kind.status == 64 && kind.stderr.contains("unknown kind 'planet'; use one of organization"))
        #expect(try CLI.run(["curate", "log", "--db", db]).stdout.isEmpty)
    }
}
