import Foundation
import Testing

/// Runs the built `graphq` binary (it sits next to the test bundle) and captures its output.
struct CLI {
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("graphq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/graphq")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GRAPHQ_DB")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }
}

@Suite(.serialized) struct CLIEndToEndTests {
    @Test func ingestExportImportRoundTrip() throws {
        let dir = try CLI.tempDir()
        let article = dir.appendingPathComponent("a.txt")
        try "Dockworkers Protest Automation\n\nMay 2, 2022 – by Sam Lee\n\nDockworkers protested Portline Logistics over its automated cranes.\n\nSource: Quay News\n".write(to: article, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("g.sqlite").path
        let ingest = try CLI.run(["ingest", "--db", db, article.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("1 new, 0 already known"))
        let again = try CLI.run(["ingest", "--db", db, article.path])
        #expect(again.stderr.contains("0 new, 1 already known"))

        let export = try CLI.run(["export", "--db", db, "--format", "json"])
        #expect(export.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        let stances = json?["stances"] as? [[String: Any]] ?? []
        #expect(stances.contains { ($0["holder"] as? String)?.lowercased() == "dockworkers" && ($0["polarity"] as? String) == "opposes" })
        #expect(stances.first?["article"] as? String == article.path)

        let file = dir.appendingPathComponent("g.json")
        try export.stdout.write(to: file, atomically: true, encoding: .utf8)
        let db2 = dir.appendingPathComponent("g2.sqlite").path
        let imp = try CLI.run(["import", "--db", db2, file.path])
        #expect(imp.status == 0, "\(imp.stderr)")
        let export2 = try CLI.run(["export", "--db", db2, "--format", "json"])
        let json2 = try JSONSerialization.jsonObject(with: Data(export2.stdout.utf8)) as? [String: Any]
        #expect((json2?["stances"] as? [Any])?.count == stances.count)
    }

    @Test func badFilesAreReportedOthersIngestedAndExitIsNonZero() throws {
        let dir = try CLI.tempDir()
        try "Title\n\nNurses criticized Mercy Health.".write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try "{\"id\": 1, \"text\": ".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let db = dir.appendingPathComponent("g.sqlite").path
        let r = try CLI.run(["ingest", "--db", db, dir.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.json:1: error: malformed JSON"))
        #expect(r.stderr.contains("empty.txt: error: empty file"))
        #expect(r.stderr.contains("1 new, 0 already known, 0 replaced, 2 failed"))
        let stats = try CLI.run(["stats", "--db", db, "--json"])
        #expect(stats.stdout.contains("\"articles\" : 1"))
    }

    @Test func readsStandardInputAndHonoursGRAPHQ_DB() throws {
        let dir = try CLI.tempDir()
        let db = dir.appendingPathComponent("env.sqlite").path
        let r = try CLI.run(["ingest", "-"], stdin: "{\"id\": \"s1\", \"text\": \"Farmers opposed the Delta Canal.\"}", env: ["GRAPHQ_DB": db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func demoRunsEndToEnd() throws {
        let dir = try CLI.tempDir()
        let r = try CLI.run(["demo", "--db", dir.appendingPathComponent("demo.sqlite").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Ingested 8 example articles") || r.stdout.contains("example articles"))
        #expect(r.stdout.contains("stances"))
    }

    @Test func unknownEntityIsAnErrorWithAHint() throws {
        let dir = try CLI.tempDir()
        let db = dir.appendingPathComponent("g.sqlite").path
        _ = try CLI.run(["ingest", "--db", db, "-"], stdin: "Title\n\nNurses criticized Mercy Health.")
        let r = try CLI.run(["entities", "--db", db, "Nobody Known"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no entity named 'Nobody Known'"))
        let bad = try CLI.run(["entities", "--db", db, "--kind", "planet"])
        #expect(bad.status == 64)
    }

    @Test func missingStoreIsAClearError() throws {
        let r = try CLI.run(["stats", "--db", "/nonexistent/x.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("graphq ingest"))
    }
}

/// `graphq eval`: extraction scored against gold-annotated articles, the way shared/eval/score.py does.
@Suite(.serialized) struct EvalCLITests {
    static let article = """
    {"id": "dock-1", "title": "Dockworkers protest Portline automation", "published": "2024-05-02",
     "source_url": "https://example.org/quay/1",
     "text": "Dockworkers protested Portline Logistics over its automated cranes on Monday.\\n\\nMayor Ann Park praised the automated cranes. The Harbor Guild said nothing.",
     "gold": {"entities": [{"name": "dockworkers", "kind": "group", "aliases": ["Dockworkers"]},
                           {"name": "Portline Logistics", "kind": "organization", "aliases": ["Portline Logistics"]},
                           {"name": "Ann Park", "kind": "person", "aliases": ["Mayor Ann Park"]},
                           {"name": "Harbor Guild", "kind": "organization", "aliases": ["Harbor Guild"]}],
              "stances": [{"holder": "dockworkers", "polarity": "opposes", "target": "Portline Logistics", "topic": "port automation"},
                          {"holder": "Ann Park", "polarity": "supports", "target": "automated cranes", "topic": "port automation"},
                          {"holder": "Harbor Guild", "polarity": "opposes", "target": "automated cranes", "topic": "port automation"}]}}
    """

    @Test func scoresAGoldDirectoryPerClassAndArticle() throws {
        let dir = try CLI.tempDir()
        try Self.article.write(to: dir.appendingPathComponent("dock-1.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["eval", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        // the one stance the text states is found; the mayor's praise of an unnamed thing and the
        // guild's silence are not stances graphq reads, so recall is 1 of 3
        #expect(r.stdout.contains("dock-1                                    1    1    3"), "\(r.stdout)")
        #expect(r.stdout.contains("lenient  P=1.000 R=0.333 F1=0.500  (tp 1, predicted 1, gold 3)"), "\(r.stdout)")
        #expect(r.stdout.contains("  opposes   P=1.000 R=0.500 F1=0.667"), "\(r.stdout)")
        #expect(r.stdout.contains("entity recall 1.000"), "\(r.stdout)")

        let preds = try CLI.tempDir().appendingPathComponent("pred.json")  // (outside the gold directory)
        let j = try CLI.run(["eval", dir.path, "--json", "--predictions", preds.path])
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        let lenient = obj?["lenient"] as? [String: Any]
        #expect(lenient?["tp"] as? Int == 1 && lenient?["gold"] as? Int == 3, "\(j.stdout)")
        // the predictions file is what score.py reads: entities and stances with article ids
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: preds)) as? [String: Any]
        let stances = written?["stances"] as? [[String: Any]] ?? []
        #expect(stances.contains { $0["holder"] as? String == "dockworkers" && $0["article"] as? String == "dock-1" }, "\(stances)")

        // a confidence above every stance's leaves nothing predicted
        let strict = try CLI.run(["eval", dir.path, "--min-confidence", "0.99"])
        #expect(strict.stdout.contains("(tp 0, predicted 0, gold 3)"), "\(strict.stdout)")
    }

    @Test func badGoldInputIsAClearErrorWithThePath() throws {
        let missing = try CLI.run(["eval", "/nonexistent/gold"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("/nonexistent/gold: not a directory"), "\(missing.stderr)")

        let dir = try CLI.tempDir()
        try "{ not json".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["eval", dir.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.json: not valid JSON"), "\(bad.stderr)")

        let empty = try CLI.tempDir()
        let none = try CLI.run(["eval", empty.path])
        #expect(none.status == 65)
        #expect(none.stderr.contains("no .json gold files"), "\(none.stderr)")
    }
}
