import Foundation
import Testing

/// End-to-end tests of `graphq query` and the shortcuts that compile to the query language.
@Suite(.serialized) struct QueryCLITests {
    /// The query tests' fixture graph (Tests/SharedFixtures/query-graph.json).
    static let fixture: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SharedFixtures/query-graph.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "{}"
    }()

    /// A fresh store loaded with the fixture graph.
    func store() throws -> (dir: URL, db: String) {
        let dir = try CLI.tempDir()
        let json = dir.appendingPathComponent("fixture.json")
        try Self.fixture.write(to: json, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("g.sqlite").path
        let r = try CLI.run(["import", "--db", db, json.path])
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    @Test func queryArgumentFileAndStdinGiveTheSameRows() throws {
        let (dir, db) = try store()
        let q = "TOP 2 OPPOSED"
        let expected = "name,kind,opponents,stances\r\nAmazon,organization,3,3\r\nfacial recognition sales to police,issue,1,1\r\n"
        let arg = try CLI.run(["query", "--db", db, "--format", "csv", q])
        #expect(arg.status == 0, "\(arg.stderr)")
        #expect(arg.stdout == expected)
        let file = dir.appendingPathComponent("q.graphq")
        try q.write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["query", "--db", db, "--format", "csv", "-f", file.path]).stdout == expected)
        #expect(try CLI.run(["query", "--db", db, "--format", "csv"], stdin: q).stdout == expected)
    }

    @Test func tableOutputIsAligned() throws {
        let (_, db) = try store()
        let r = try CLI.run(["query", "--db", db, "MATCH (a)-[s:OPPOSES]->(x {name:'Amazon'}) RETURN a.name, count(s) AS n ORDER BY n DESC, a.name"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            a.name            n
            ----------------  -
            ACLU              1
            Amazon employees  1
            Ed Markey         1
            (3 rows)

            """)
    }

    @Test func badQueryIsADiagnosticWithCaretAndExit65() throws {
        let (dir, db) = try store()
        let r = try CLI.run(["query", "--db", db, "MATCH (a:Persn) RETURN a"])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("query:1:10: error: unknown label 'Persn'; did you mean 'Person'?"))
        #expect(r.stderr.contains("MATCH (a:Persn) RETURN a\n         ^~~~~"))
        let file = dir.appendingPathComponent("bad.graphq")
        try "MATCH (a)\nRETURN a.nme".write(to: file, atomically: true, encoding: .utf8)
        let f = try CLI.run(["query", "--db", db, "-f", file.path])
        #expect(f.status == 65)
        #expect(f.stderr.hasPrefix("\(file.path):2:10: error: unknown node property 'nme'; did you mean 'name'?"))
        let trailing = try CLI.run(["query", "--db", db, "TOP 3 OPPOSED )"])
        #expect(trailing.status == 65 && trailing.stderr.contains("after the end of the query"))
    }

    @Test func parametersAreBound() throws {
        let (_, db) = try store()
        let r = try CLI.run(["query", "--db", db, "--format", "json", "--param", "who=Amazon", "--param", "c=0.8",
                             "MATCH (a)-[s]->(x {name:$who}) WHERE s.confidence >= $c RETURN a.name AS actor ORDER BY actor"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.compactMap { $0["actor"] as? String } == ["ACLU", "Amazon employees", "Jeff Bezos"])
        let missing = try CLI.run(["query", "--db", db, "MATCH (a {name:$who}) RETURN a"])
        #expect(missing.status == 65 && missing.stderr.contains("pass --param who="))
    }

    @Test func whoOpposesAndWhoSupportsShortcuts() throws {
        let (_, db) = try store()
        let o = try CLI.run(["who-opposes", "--db", db, "--format", "csv", "--dates", "amazon.com"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "actor,stances,first,last\r\nACLU,1,2018-05-22,2018-05-22\r\nAmazon employees,1,2018-06-21,2018-06-21\r\nEd Markey,1,2018-07-26,2018-07-26\r\n")
        let plain = try CLI.run(["who-opposes", "--db", db, "--format", "csv", "amazon.com"])
        #expect(plain.stdout == "actor,stances\r\nACLU,1\r\nAmazon employees,1\r\nEd Markey,1\r\n")
        let s = try CLI.run(["who-supports", "--db", db, "--dates", "--format", "csv", "facial recognition"])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("Andy Jassy,1,2018-11-09,2018-11-09"))
        #expect(s.stderr.contains("note: 'facial recognition' is issue #1"))
        let on = try CLI.run(["who-opposes", "--db", db, "--format", "csv", "--on", "net neutrality", "Amazon"])
        #expect(on.stdout == "actor,stances\r\n")
        let unknown = try CLI.run(["who-opposes", "--db", db, "Amazn"])
        #expect(unknown.status == 65 && unknown.stderr.contains("did you mean 'Amazon'?"))
    }

    @Test func explainShowsTheQueryTheSQLAndThePlan() throws {
        let (_, db) = try store()
        let r = try CLI.run(["who-opposes", "--db", db, "--explain", "Amazon"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("MATCH (a)-[s:OPPOSES]->(x {name:$name})"))
        #expect(r.stdout.contains("sql:") && r.stdout.contains("plan:") && r.stdout.contains("stance_target"))
        let t = try CLI.run(["top", "--db", db, "--explain", "opposed", "-n", "3"])
        #expect(t.stdout.hasPrefix("query:\n  TOP 3 OPPOSED"))
        let p = try CLI.run(["path", "--db", db, "--explain", "ACLU", "Jeff Bezos"])
        #expect(p.stdout.contains("PATH $from TO $to") && p.stdout.contains("adjacency"))
    }

    @Test func pathAndTopShortcuts() throws {
        let (_, db) = try store()
        let p = try CLI.run(["path", "--db", db, "--format", "csv", "ACLU", "Jeff Bezos"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stdout == "step,from,edge,to,stances,date,evidence,article\r\n1,ACLU,opposes →,Amazon,1,2018-05-22,The ACLU criticised Amazon.,a1\r\n2,Amazon,← defends,Jeff Bezos,1,2018-10-15,Bezos defended Amazon.,a4\r\n")
        let none = try CLI.run(["path", "--db", db, "--via", "opposes", "Amazon employees", "Jeff Bezos"])
        #expect(none.status == 0 && none.stderr.contains("no path"))
        let rejected = try CLI.run(["path", "--db", db, "--via", "opposes", "--include-rejected", "--format", "csv", "Amazon employees", "Jeff Bezos"])
        #expect(rejected.stdout.contains("Employees blamed Bezos."))
        let top = try CLI.run(["top", "--db", db, "--format", "csv", "opponents", "-n", "1", "--on", "facial recognition"])
        #expect(top.stdout == "name,kind,targets,stances\r\nACLU,group,3,3\r\n")
    }

    @Test func namedStatementsRunFromTheCLI() throws {
        let (_, db) = try store()
        let t = try CLI.run(["query", "--db", db, "--format", "csv", "TIMELINE 'net neutrality' BY YEAR"])
        #expect(t.stdout == "period,supports,defends,opposes,stances\r\n2017,3,0,1,4\r\n")
        let c = try CLI.run(["query", "--db", db, "--format", "csv", "CONFLICT ON 'net neutrality' NORMALIZE COSINE"])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.hasPrefix("actor_a,actor_b,conflicts,weight\r\nACLU,Amazon,1,1.0\r\n"))
    }

    @Test func usageErrorsExit64AndAMissingStoreExits1() throws {
        let (_, db) = try store()
        #expect(try CLI.run(["query", "--db", db, "--format", "xml", "TOP 1 OPPOSED"]).status == 64)
        #expect(try CLI.run(["query", "--db", db, "--timeout", "-1", "TOP 1 OPPOSED"]).status == 64)
        #expect(try CLI.run(["query", "--db", db, "--param", "novalue", "TOP 1 OPPOSED"]).status == 64)
        #expect(try CLI.run(["top", "--db", db, "sideways"]).status == 64)
        let missing = try CLI.run(["query", "--db", "/nonexistent/x.sqlite", "TOP 1 OPPOSED"])
        #expect(missing.status == 1 && missing.stderr.contains("graphq ingest"))
    }
}
