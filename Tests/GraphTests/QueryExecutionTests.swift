import Foundation
import GRDB
import Testing
@testable import Graph

struct RowCase: Sendable, CustomTestStringConvertible {
    var query: String
    var rows: [[String]]
    var includeRejected = false
    var parameters: [String: String] = [:]
    var testDescription: String { query }
}

@Suite struct QueryExecutionTests {
    static let cases: [RowCase] = [
        RowCase(query: "MATCH (a)-[s:OPPOSES]->(x {name:'Amazon'}) RETURN a.name, count(s) AS n ORDER BY n DESC, a.name",
                rows: [["ACLU", "1"], ["Amazon employees", "1"], ["Ed Markey", "1"]]),
        // Aliases and case resolve names.
        RowCase(query: "MATCH (a)-[:OPPOSES]->(x {name:'amazon.COM'}) RETURN a.name ORDER BY a.name",
                rows: [["ACLU"], ["Amazon employees"], ["Ed Markey"]]),
        // The negated stance (ACLU → Microsoft) is skipped by default …
        RowCase(query: "MATCH (a {name:'ACLU'})-[s]->(b) RETURN b.name ORDER BY b.name",
                rows: [["Amazon"], ["Orlando Police"], ["facial recognition sales to police"], ["net neutrality"]]),
        // … and found when the query asks about modality.
        RowCase(query: "MATCH (a {name:'ACLU'})-[s]->(b) WHERE s.modality = 'negated' RETURN b.name, s.modality",
                rows: [["Microsoft", "negated"]]),
        // The rejected stance (employees → Bezos) only with --include-rejected.
        RowCase(query: "MATCH (a {name:'Amazon employees'})-[:OPPOSES]->(b) RETURN b.name ORDER BY b.name", rows: [["Amazon"]]),
        RowCase(query: "MATCH (a {name:'Amazon employees'})-[:OPPOSES]->(b) RETURN b.name ORDER BY b.name",
                rows: [["Amazon"], ["Jeff Bezos"]], includeRejected: true),
        // Issues are nodes; a label phrase resolves to the one issue that contains it.
        RowCase(query: "MATCH (a)-[:SUPPORTS|DEFENDS]->(i:Issue {name:'facial recognition'}) RETURN a.name ORDER BY a.name",
                rows: [["Amazon Web Services"], ["Andy Jassy"], ["Orlando Police"]]),
        RowCase(query: "MATCH (a:Person)-[s]->(i:Issue) RETURN a.name, i.name, s.polarity ORDER BY a.name",
                rows: [["Andy Jassy", "facial recognition sales to police", "defends"], ["Ed Markey", "net neutrality", "supports"]]),
        // Two hops: the opponents of Amazon and the issues they support.
        RowCase(query: "MATCH (x {name:'Amazon'})<-[:OPPOSES]-(o)-[:SUPPORTS]->(i:Issue) RETURN o.name, i.name ORDER BY o.name",
                rows: [["ACLU", "net neutrality"], ["Ed Markey", "net neutrality"]]),
        // Three hops, anchored in the middle.
        RowCase(query: "MATCH (a)-[:OPPOSES]->(x {name:'Amazon'})<-[:DEFENDS]-(d)<-[:OPPOSES]-(c) RETURN DISTINCT a.name, d.name, c.name ORDER BY a.name",
                rows: [["ACLU", "Jeff Bezos", "Amazon employees"], ["Amazon employees", "Jeff Bezos", "Amazon employees"], ["Ed Markey", "Jeff Bezos", "Amazon employees"]],
                includeRejected: true),
        // Undirected edges.
        RowCase(query: "MATCH (a {name:'Jeff Bezos'})-[s]-(b) RETURN b.name, s.polarity", rows: [["Amazon", "defends"]]),
        RowCase(query: "MATCH (a {name:'Amazon'})-[s]-(b) RETURN b.name ORDER BY b.name",
                rows: [["ACLU"], ["Amazon employees"], ["Ed Markey"], ["Jeff Bezos"], ["net neutrality"]]),
        // Implicit grouping, YEAR().
        RowCase(query: "MATCH (a)-[s]->(b) RETURN year(s.date) AS y, count(s) AS n ORDER BY y", rows: [["2017", "4"], ["2018", "8"], ["2019", "1"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE year(s.date) = 2018 RETURN month(s.date) AS m, count(*) AS n ORDER BY m",
                rows: [["5", "3"], ["6", "2"], ["7", "1"], ["10", "1"], ["11", "1"]]),
        // Dates are widened to whole periods.
        RowCase(query: "MATCH (a)-[s]->(b) WHERE s.date = '2018-06' RETURN a.name, s.date ORDER BY s.date",
                rows: [["ACLU", "2018-06-01"], ["Amazon employees", "2018-06-21"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE s.date BETWEEN '2018-10' AND '2019' RETURN a.name ORDER BY s.date",
                rows: [["Jeff Bezos"], ["Andy Jassy"], ["Amazon Web Services"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE '2018-11' < s.date RETURN a.name", rows: [["Amazon Web Services"]]),
        // String conditions.
        RowCase(query: "MATCH (a)-[s]->(b) WHERE s.evidence CONTAINS 'Rekognition' RETURN a.name ORDER BY a.name",
                rows: [["Amazon Web Services"], ["Orlando Police"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE a.name STARTS WITH 'Amazon' AND NOT b.kind = 'issue' RETURN DISTINCT a.name ORDER BY a.name",
                rows: [["Amazon employees"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE a.kind IN ['person', 'government'] AND s.polarity <> 'defends' RETURN a.name ORDER BY a.name",
                rows: [["Ed Markey"], ["Ed Markey"], ["Orlando Police"]]),
        RowCase(query: "MATCH (a)-[s]->(b) WHERE s.issue IS NULL OR s.confidence < 0.65 RETURN count(*)", rows: [["2"]]),
        // Parameters are typed by what they are compared with.
        RowCase(query: "MATCH (a)-[s]->(b {name:$who}) WHERE s.confidence >= $c RETURN a.name ORDER BY a.name",
                rows: [["ACLU"], ["Amazon employees"], ["Jeff Bezos"]], parameters: ["who": "Amazon", "c": "0.8"]),
        // min/max, ON.
        RowCase(query: "MATCH (a)-[s:STANCE ON 'Rekognition sales']->(b) RETURN min(s.date), max(s.date), count(DISTINCT a)",
                rows: [["2018-05", "2019", "7"]]),
        // Standalone nodes and several patterns.
        RowCase(query: "MATCH (i:Issue) RETURN i.name ORDER BY i.name", rows: [["facial recognition sales to police"], ["net neutrality"]]),
        RowCase(query: "MATCH (a:Organization) RETURN count(*)", rows: [["3"]]),
        RowCase(query: "MATCH (a)-[:OPPOSES]->(x {name:'Amazon'}), (a)-[:SUPPORTS]->(i) RETURN a.name, i.name ORDER BY a.name",
                rows: [["ACLU", "net neutrality"], ["Ed Markey", "net neutrality"]]),
        // One row per distinct value of the variables the query mentions: s and b are not mentioned.
        RowCase(query: "MATCH (a)-[s]->(b) RETURN a.name ORDER BY a.name LIMIT 2", rows: [["ACLU"], ["Amazon"]]),
        RowCase(query: "MATCH (a)-[s]->(b) RETURN a.name, s.id ORDER BY a.name, s.id LIMIT 2", rows: [["ACLU", "1"], ["ACLU", "2"]]),
        RowCase(query: "MATCH (a)-[s]->(b) RETURN s.article, s.source, s.issue ORDER BY s.date LIMIT 1",
                rows: [["a5", "", "net neutrality"]]),
        // Named statements.
        RowCase(query: "TIMELINE 'facial recognition' BY YEAR", rows: [["2018", "1", "2", "5", "8"], ["2019", "0", "1", "0", "1"]]),
        RowCase(query: "TIMELINE 'facial recognition' BY MONTH BETWEEN '2018-06' AND '2018-07'",
                rows: [["2018-06", "0", "0", "2", "2"], ["2018-07", "0", "0", "1", "1"]]),
        RowCase(query: "TIMELINE 'net neutrality' BY DAY FOR 'ACLU'", rows: [["2017-12-14", "1", "0", "0", "1"]]),
        RowCase(query: "TOP 2 OPPOSED", rows: [["Amazon", "organization", "3", "3"], ["facial recognition sales to police", "issue", "1", "1"]]),
        RowCase(query: "TOP 1 SUPPORTED ON 'net neutrality'", rows: [["net neutrality", "issue", "3", "3"]]),
        RowCase(query: "TOP 1 OPPONENTS UNTIL '2017'", rows: [["Amazon", "organization", "1", "1"]]),
        RowCase(query: "CONFLICT ON 'net neutrality'", rows: [["ACLU", "Amazon", "1"], ["Amazon", "Ed Markey", "1"], ["Amazon", "Microsoft", "1"]]),
        RowCase(query: "CONGRUENCE ON 'net neutrality' NORMALIZE AVERAGE LIMIT 1", rows: [["ACLU", "Ed Markey", "1", "1.0"]]),
        RowCase(query: "CONFLICT ON 'facial recognition' NORMALIZE JACCARD LIMIT 2",
                rows: [["Jeff Bezos", "Amazon employees", "1", "1.0"], ["Jeff Bezos", "Ed Markey", "1", "1.0"]]),
        RowCase(query: "PATH 'ACLU' TO 'Jeff Bezos'",
                rows: [["1", "ACLU", "opposes →", "Amazon", "1", "2018-05-22", "The ACLU criticised Amazon.", "a1"],
                       ["2", "Amazon", "← defends", "Jeff Bezos", "1", "2018-10-15", "Bezos defended Amazon.", "a4"]]),
        RowCase(query: "PATH 'Microsoft' TO 'Andy Jassy' VIA SUPPORTS|DEFENDS|OPPOSES SINCE 2017", rows: [
            ["1", "Microsoft", "supports →", "net neutrality", "1", "2017-12-01", "Microsoft backed net neutrality.", "a5"],
            ["2", "net neutrality", "← supports", "ACLU", "1", "2017-12-14", "The ACLU backed net neutrality.", "a5"],
            ["3", "ACLU", "opposes →", "facial recognition sales to police", "1", "2018-06-01", "The ACLU opposes selling face recognition to police.", "a1"],
            ["4", "facial recognition sales to police", "← defends", "Andy Jassy", "1", "2018-11-09", "Jassy defended the sales.", "a4"]]),
        // The rejected stance is no hop; VIA OPPOSES leaves no path.
        RowCase(query: "PATH 'Amazon employees' TO 'Jeff Bezos' VIA OPPOSES", rows: []),
        RowCase(query: "PATH 'Amazon employees' TO 'Jeff Bezos' VIA OPPOSES", rows: [["1", "Amazon employees", "opposes →", "Jeff Bezos", "1", "2018-06-22", "Employees blamed Bezos.", "a2"]],
                includeRejected: true),
        RowCase(query: "PATH 'Microsoft' TO 'Jeff Bezos' MAX 2", rows: []),
        // The direct ACLU–Microsoft link is only a negated stance: the search routes around it.
        RowCase(query: "PATH 'ACLU' TO 'Microsoft'", rows: [
            ["1", "ACLU", "supports →", "net neutrality", "1", "2017-12-14", "The ACLU backed net neutrality.", "a5"],
            ["2", "net neutrality", "← supports", "Microsoft", "1", "2017-12-01", "Microsoft backed net neutrality.", "a5"]]),
        // Issues can be ends too.
        RowCase(query: "PATH 'ACLU' TO 'net neutrality'", rows: [["1", "ACLU", "supports →", "net neutrality", "1", "2017-12-14", "The ACLU backed net neutrality.", "a5"]]),
    ]

    @Test(arguments: cases)
    func queryReturnsTheExpectedRows(_ c: RowCase) throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let rows = QueryFixture.rows(engine, c.query, options: QueryOptions(parameters: c.parameters, includeRejected: c.includeRejected))
        #expect(rows == c.rows)
    }

    @Test func hashIDPicksOneOfSeveralActorsSharingAnAlias() throws {
        let store = try QueryFixture.store()
        let engine = QueryEngine(store: store)
        #expect(throws: QueryError.self) { try engine.run("MATCH (a {name:'Markey'})-[s]->(b) RETURN b.name") }
        let id = try QueryFixture.id(store, "Ed Markey")
        #expect(QueryFixture.rows(engine, "MATCH (a {name:'#\(id)'})-[s]->(b) RETURN b.name ORDER BY b.name") == [["Amazon"], ["net neutrality"]])
        #expect(QueryFixture.rows(engine, "MATCH (a #\(id))-[s]->(b) RETURN b.name ORDER BY b.name") == [["Amazon"], ["net neutrality"]])
        #expect(QueryFixture.rows(engine, "MATCH (a {id:\(id)})-[s]->(b) RETURN b.name ORDER BY b.name") == [["Amazon"], ["net neutrality"]])
        #expect(QueryFixture.rows(engine, "PATH #\(id) TO 'ACLU'").count == 2)
    }

    @Test func fuzzyIssueResolutionIsReported() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let r = try engine.run("TIMELINE 'facial recognition'")
        #expect(r.notes == ["'facial recognition' is issue #1 'facial recognition sales to police'"])
    }

    @Test func noPathIsANoteNotAnError() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let r = try engine.run("PATH 'Microsoft' TO 'Jeff Bezos' MAX 2")
        #expect(r.rows.isEmpty)
        #expect(r.notes.first?.contains("no path") == true)
    }

    @Test func defaultLimitAndMaximumApply() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        #expect(try engine.run("MATCH (a)-[s]->(b) RETURN s.id", options: QueryOptions(defaultLimit: 3)).rows.count == 3)
        #expect {
            try engine.run("MATCH (a)-[s]->(b) RETURN s.id LIMIT 50", options: QueryOptions(maxLimit: 10))
        } throws: { "\($0)".contains("LIMIT 50 is above the maximum of 10") }
    }

    @Test func timeBudgetInterruptsALongQueryWithAClearError() throws {
        let store = try Store()
        let entities = (0..<400).map { InterchangeGraph.Entity(name: "Actor \($0)", kind: "person", aliases: []) }
        try store.importGraph(InterchangeGraph(entities: entities, stances: []))
        let engine = QueryEngine(store: store)
        let started = Date()
        #expect {
            try engine.run("MATCH (a), (b), (c), (d) RETURN count(*)", options: QueryOptions(timeout: 0.3))
        } throws: { error in
            guard let e = error as? QueryError, case .timeout = e else { return false }
            return "\(e)".contains("ran out of time after 0.3 s")
        }
        #expect(Date().timeIntervalSince(started) < 5)
        // The path search checks the same budget between its queries.
        let fixture = QueryEngine(store: try QueryFixture.store())
        #expect {
            try fixture.run("PATH 'ACLU' TO 'Jeff Bezos'", options: QueryOptions(timeout: 1e-9))
        } throws: { error in
            guard let e = error as? QueryError, case .timeout = e else { return false }
            return true
        }
        #expect(try fixture.run("PATH 'ACLU' TO 'Jeff Bezos'", options: QueryOptions(timeout: 0)).rows.count == 2)
    }

    @Test func resultsRenderAsTableJSONAndCSV() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let r = try engine.run("TOP 2 OPPOSED")
        #expect(ResultFormatter.table(r) == """
            name                                kind          opponents  stances
            ----------------------------------  ------------  ---------  -------
            Amazon                              organization          3        3
            facial recognition sales to police  issue                 1        1
            (2 rows)

            """)
        #expect(ResultFormatter.csv(r) == "name,kind,opponents,stances\r\nAmazon,organization,3,3\r\nfacial recognition sales to police,issue,1,1\r\n")
        let json = try JSONSerialization.jsonObject(with: Data(ResultFormatter.json(r).utf8)) as? [[String: Any]]
        #expect(json?.first?["name"] as? String == "Amazon")
        #expect(json?.first?["opponents"] as? Int == 3)
    }

    @Test func explainShowsSQLArgumentsAndPlan() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let e = try engine.explain("MATCH (a)-[s:OPPOSES]->(x {name:'Amazon'}) RETURN a.name").description
        #expect(e.contains("SELECT"))
        #expect(e.contains("?2 = 'opposes'"))
        #expect(e.contains("stance_target"))
        let p = try engine.explain("PATH 'ACLU' TO 'Amazon'").description
        #expect(p.contains("adjacency"))
    }
}
