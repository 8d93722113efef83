import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// End-to-end runs of export, timeline, audit, explain and verify on a store loaded through
/// `graphq import` from a hand-made graph (so the tests do not depend on the extractor).
@Suite(.serialized) struct ExportCLITests {
    static func tool(_ name: String, _ args: [String]) -> Int32? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [name] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus
    }
    static let hasDot = tool("dot", ["-V"]) == 0
    static let hasPython = tool("python3", ["-c", "import sqlite3"]) == 0

    /// Scalar offsets of `needle` in `text` (what graphq stores).
    static func offsets(_ needle: String, in text: String) -> (Int, Int) {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        for i in 0...(hay.count - n.count) where hay[i..<i + n.count].elementsEqual(n) { return (i, i + n.count) }
        return (0, 0)
    }

    /// A store with a small controversy: a flip, a contradiction, internal dissent.
    static func makeStore() throws -> (dir: URL, db: String) {
        let dir = try CLI.tempDir()
        let t1 = "Harbor Union opposed the port expansion. Port Authority defended the port expansion."
        let t2 = "Mayor Ana Ruiz backed the port expansion on Monday."
        let t3 = "Mayor Ana Ruiz opposed the port expansion after the floods."
        func stance(_ h: String, _ p: String, _ target: String, kind: String, _ ev: String, _ article: String, _ text: String, _ date: String?) -> [String: Any] {
            let (s, e) = offsets(ev, in: text)
            var d: [String: Any] = ["holder": h, "polarity": p, "target": target, "target_kind": kind, "evidence": ev,
                                    "article": article, "start": s, "end": e, "confidence": 0.8, "topic": "port expansion"]
            if let date { d["date"] = date }
            return d
        }
        let graph: [String: Any] = [
            "entities": [["name": "Harbor Union", "kind": "group"], ["name": "Port Authority", "kind": "government"],
                         ["name": "Mayor Ana Ruiz", "kind": "person", "aliases": ["Ana Ruiz"]]],
            "issues": [["label": "port expansion", "aliases": ["the expansion"]]],
            "relations": [["from": "Harbor Union", "to": "Port Authority", "type": "member_of"]],
            "articles": [["key": "k1", "url": "https://news.example/1?a=1&b=2", "title": "Union vs port", "source": "Bay Times", "published": "2024-02-01", "text": t1],
                         ["key": "k2", "url": "https://news.example/2", "source": "Coast Herald", "published": "2024-03-04", "text": t2],
                         ["key": "k3", "url": "https://news.example/3", "source": "Bay Times", "published": "2024-09-10", "text": t3]],
            "stances": [stance("Harbor Union", "opposes", "port expansion", kind: "issue", "Harbor Union opposed the port expansion.", "k1", t1, "2024-02-01"),
                        stance("Port Authority", "defends", "port expansion", kind: "issue", "Port Authority defended the port expansion.", "k1", t1, "2024-02-01"),
                        stance("Mayor Ana Ruiz", "supports", "port expansion", kind: "issue", t2, "k2", t2, "2024-03-04"),
                        stance("Mayor Ana Ruiz", "opposes", "port expansion", kind: "issue", t3, "k3", t3, "2024-09-10")],
        ]
        let file = dir.appendingPathComponent("graph.json")
        try JSONSerialization.data(withJSONObject: graph).write(to: file)
        let db = dir.appendingPathComponent("g.sqlite").path
        let r = try CLI.run(["import", "--db", db, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    @Test func everyFormatIsWrittenAndReadable() throws {
        let (dir, db) = try Self.makeStore()
        for format in ["graphml", "gexf"] {
            let out = dir.appendingPathComponent("g.\(format)").path
            let r = try CLI.run(["export", "--db", db, "--format", format, "--issue", "expansion", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: out)))
            #expect(parser.parse(), "\(format) is not well-formed: \(String(describing: parser.parserError))")
        }
        let dot = try CLI.run(["export", "--db", db, "--format", "dot", "--clusters"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph graphq {"))
        #expect(dot.stdout.contains("Mayor Ana Ruiz") && dot.stdout.contains("cluster_legend"))
        let csv = try CLI.run(["export", "--db", db, "--format", "csv", "-o", dir.appendingPathComponent("csv").path + "/"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let events = try String(contentsOf: dir.appendingPathComponent("csv/events.csv"), encoding: .utf8)
        #expect(events.split(separator: "\n").count == 5)
        let prefixed = try CLI.run(["export", "--db", db, "--format", "csv", "-o", dir.appendingPathComponent("port").path])
        #expect(prefixed.status == 0 && FileManager.default.fileExists(atPath: dir.appendingPathComponent("port-nodes.csv").path))
        let json = try CLI.run(["export", "--db", db, "--format", "json", "--around", "Ana Ruiz", "--polarity", "opposes"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((parsed?["stances"] as? [[String: Any]])?.map { $0["holder"] as? String } == ["Mayor Ana Ruiz"])
        #expect((parsed?["entities"] as? [[String: Any]])?.count == 1)
    }

    @Test(.enabled(if: hasDot, "needs Graphviz's dot"))
    func renderWritesAPictureAndTheAuditEmbedsIt() throws {
        let (dir, db) = try Self.makeStore()
        let svg = dir.appendingPathComponent("map.svg").path
        let r = try CLI.run(["export", "--db", db, "--render", "svg", "-o", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        #expect(parser.parse())
        let png = try CLI.run(["export", "--db", db, "--format", "dot", "--render", "png"])
        #expect(png.status == 0 && png.stdout.contains("PNG"))
        let html = try CLI.run(["audit", "--db", db, "port expansion", "--format", "html"])
        #expect(html.status == 0 && html.stdout.contains("<svg") && html.stdout.contains("<h2>Flips</h2>"))
    }

    @Test func renderWithoutGraphvizSaysHowToInstallIt() throws {
        let (_, db) = try Self.makeStore()
        let r = try CLI.run(["export", "--db", db, "--render", "svg"], env: ["PATH": "/nonexistent", "GRAPHVIZ_DOT": ""])
        #expect(r.status == 1)
        #expect(r.stderr.contains("apt-get install graphviz"))
        let bad = try CLI.run(["export", "--db", db, "--format", "gexf", "--render", "svg"])
        #expect(bad.status == 64)
        let csv = try CLI.run(["export", "--db", db, "--format", "csv"])
        #expect(csv.status == 64 && csv.stderr.contains("-o DIR/"))
    }

    @Test func timelineGroupsByPeriodInEveryFormat() throws {
        let (_, db) = try Self.makeStore()
        let md = try CLI.run(["timeline", "--db", db, "the expansion", "--by", "month"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("# Timeline: port expansion") && md.stdout.contains("## 2024-02") && md.stdout.contains("## 2024-09"))
        let csv = try CLI.run(["timeline", "--db", db, "--actor", "Ana Ruiz", "--format", "csv", "--by", "year"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == 3 && csv.stdout.contains("\n2024,2024-03-04,"))
        let json = try CLI.run(["timeline", "--db", db, "port expansion", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["periods"] != nil)
        let neither = try CLI.run(["timeline", "--db", db])
        #expect(neither.status == 64)
    }

    @Test func auditReportsFlipsAndDissent() throws {
        let (_, db) = try Self.makeStore()
        let md = try CLI.run(["audit", "--db", db, "port expansion"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("**Mayor Ana Ruiz** on port expansion: supports → opposes"))
        #expect(md.stdout.contains("**Harbor Union** (member_of Port Authority) opposes port expansion while Port Authority defends it"))
        let json = try CLI.run(["audit", "--db", db, "port expansion", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["flips"] as? [Any])?.count == 1 && (report?["dissent"] as? [Any])?.count == 1)
    }

    @Test func unknownNamesAreBadInputWithSuggestions() throws {
        let (_, db) = try Self.makeStore()
        let r = try CLI.run(["audit", "--db", db, "port expansoin"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("did you mean 'port expansion'"))
        let around = try CLI.run(["export", "--db", db, "--around", "Nobody At All"])
        #expect(around.status == 65 && around.stderr.contains("no actor or issue named 'Nobody At All'"))
    }

    @Test func explainAndVerifyTraceEvidenceToTheText() throws {
        let (dir, db) = try Self.makeStore()
        let x = try CLI.run(["explain", "--db", db, "#1"])
        #expect(x.status == 0, "\(x.stderr)")
        #expect(x.stdout.contains("stance #1: Harbor Union opposes port expansion (issue)"))
        #expect(x.stdout.contains("0..<40 in Unicode scalars") && x.stdout.contains("they yield the quote exactly"))
        #expect(x.stdout.contains("Bay Times") && x.stdout.contains("https://news.example/1?a=1&b=2"))
        #expect(try CLI.run(["explain", "--db", db, "42"]).status == 65)
        #expect(try CLI.run(["explain", "--db", db, "abc"]).status == 64)
        let ok = try CLI.run(["verify", "--db", db])
        #expect(ok.status == 0 && ok.stdout.contains("verified 3 articles and 4 of 4 stances: no problems"))

        // A hand-coded graph whose offsets do not point at the quote.
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"entities":[],"articles":[{"key":"z","text":"Alpha opposed Beta. Gamma backed Delta."}],"stances":[{"holder":"Gamma","polarity":"supports","target":"Delta","article":"z","evidence":"Gamma backed Delta.","start":3,"end":22}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "--db", db, bad.path]).status == 0)
        let r = try CLI.run(["verify", "--db", db])
        #expect(r.status == 65)
        #expect(r.stdout.contains("offsets 3..<22 yield") && r.stdout.contains(": 1 problem"))
    }

    @Test(.enabled(if: hasPython, "needs python3 to edit the store behind graphq's back"))
    func verifyCatchesATamperedArticleText() throws {
        let (_, db) = try Self.makeStore()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE article SET text = 'Rewritten ' || text WHERE key = 'k2'"); c.commit()
            """, db]
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let r = try CLI.run(["verify", "--db", db, "--format", "json"])
        #expect(r.status == 65)
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let kinds = (report?["problems"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["hash_mismatch", "evidence_mismatch"])
    }
}
