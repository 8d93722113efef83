import Foundation
import GRDB
import Testing
@testable import Graph

struct SQLCase: Sendable, CustomTestStringConvertible {
    var query: String
    var sql: String
    var arguments: [String]
    var testDescription: String { query }
}

/// The SQL each query compiles to, asserted in full: the shape of the compiled SQL (hop CTEs,
/// pre-aggregated middles, bound arguments) is part of the contract.
@Suite struct QuerySQLTests {
    static let cases: [SQLCase] = [
        SQLCase(query: "MATCH (a)-[s:OPPOSES]->(x {name:'Amazon'}) RETURN a.name, count(s) AS n ORDER BY n DESC",
                sql: """
                WITH h1 AS (SELECT s.holder AS v0, s.id AS e2 FROM stance s WHERE s.target_entity = ?1 AND s.polarity = ?2 AND s.modality = 'asserted' AND s.status <> 'rejected'),
                     g AS (SELECT h1.v0 AS v0, count(h1.e2) AS a1 FROM h1 GROUP BY h1.v0 ORDER BY a1 DESC LIMIT ?3)
                SELECT n0.name AS c0, g.a1 AS c1
                FROM g
                JOIN entity n0 ON n0.id = g.v0
                ORDER BY c1 DESC
                LIMIT ?3
                """, arguments: ["2", "'opposes'", "100"]),
        SQLCase(query: "MATCH (x {name:'Amazon'})<-[:OPPOSES]-(o)<-[:OPPOSES]-(oo) RETURN oo.name, count(o) AS n ORDER BY n DESC LIMIT 20",
                sql: """
                WITH h1 AS (SELECT DISTINCT s.holder AS v1 FROM stance s WHERE s.target_entity = ?1 AND s.polarity = ?2 AND s.modality = 'asserted' AND s.status <> 'rejected'),
                     h2 AS (SELECT DISTINCT h1.v1 AS v1, s.holder AS v2 FROM h1 JOIN stance s ON s.target_entity = h1.v1 WHERE s.polarity = ?3 AND s.modality = 'asserted' AND s.status <> 'rejected'),
                     g AS (SELECT h2.v2 AS v2, count(h2.v1) AS a1 FROM h2 GROUP BY h2.v2 ORDER BY a1 DESC LIMIT ?4)
                SELECT n2.name AS c0, g.a1 AS c1
                FROM g
                JOIN entity n2 ON n2.id = g.v2
                ORDER BY c1 DESC
                LIMIT ?4
                """, arguments: ["2", "'opposes'", "'opposes'", "20"]),
        SQLCase(query: "MATCH (a)-[s:OPPOSES ON 'facial recognition']->(b) WHERE s.date >= '2018' RETURN a.name, b.name, s.evidence",
                sql: """
                WITH h1 AS (SELECT s.holder AS v0, COALESCE(s.target_entity, -s.target_issue) AS v1, s.id AS e2, s.date AS e2_date, s.evidence AS e2_evidence FROM stance s WHERE s.polarity = ?1 AND (s.topic = ?2 OR s.target_issue = ?2) AND s.modality = 'asserted' AND s.status <> 'rejected' AND s.date >= ?3)
                SELECT n0.name AS c0, COALESCE(n1.name, i1.label) AS c1, h1.e2_evidence AS c2
                FROM h1
                JOIN entity n0 ON n0.id = h1.v0
                LEFT JOIN entity n1 ON n1.id = h1.v1
                LEFT JOIN issue i1 ON i1.id = -h1.v1
                LIMIT ?4
                """, arguments: ["'opposes'", "1", "'2018'", "100"]),
        SQLCase(query: "MATCH (a:Person)-[s]-(b) RETURN DISTINCT b.name",
                sql: """
                WITH h1 AS (SELECT COALESCE(s.target_entity, -s.target_issue) AS v1 FROM stance s JOIN entity k0 ON k0.id = s.holder AND k0.kind = ?1 WHERE s.modality = 'asserted' AND s.status <> 'rejected' UNION SELECT s.holder AS v1 FROM stance s JOIN entity k0 ON k0.id = s.target_entity AND k0.kind = ?2 WHERE s.target_entity IS NOT NULL AND s.modality = 'asserted' AND s.status <> 'rejected')
                SELECT DISTINCT COALESCE(n1.name, i1.label) AS c0
                FROM h1
                LEFT JOIN entity n1 ON n1.id = h1.v1
                LEFT JOIN issue i1 ON i1.id = -h1.v1
                LIMIT ?3
                """, arguments: ["'person'", "'person'", "100"]),
        SQLCase(query: "MATCH (i:Issue) RETURN i.name",
                sql: """
                WITH h1 AS (SELECT t.id AS v0 FROM issue t)
                SELECT n0.label AS c0
                FROM h1
                JOIN issue n0 ON n0.id = h1.v0
                LIMIT ?1
                """, arguments: ["100"]),
        SQLCase(query: "TIMELINE 'facial recognition' BY MONTH BETWEEN '2018' AND '2020'",
                sql: """
                SELECT substr(t.date, 1, 7) AS period,
                       sum(t.polarity = 'supports') AS supports, sum(t.polarity = 'defends') AS defends,
                       sum(t.polarity = 'opposes') AS opposes, count(*) AS stances
                FROM (SELECT s.date, s.polarity, s.holder FROM stance s WHERE s.topic = ?1 AND s.date >= ?2 AND s.date < ?3 AND s.modality = 'asserted' AND s.status <> 'rejected'
                      UNION ALL
                      SELECT s.date, s.polarity, s.holder FROM stance s WHERE s.target_issue = ?1 AND s.topic IS NOT ?1 AND s.date >= ?2 AND s.date < ?3 AND s.modality = 'asserted' AND s.status <> 'rejected') t
                GROUP BY period
                ORDER BY period
                LIMIT ?4
                """, arguments: ["1", "'2018'", "'2021'", "10000"]),
    ]

    @Test(arguments: cases)
    func queryCompilesToTheExpectedSQL(_ c: SQLCase) throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let compiled = try engine.compile(c.query)
        guard case .sql(let q) = compiled.query else { Issue.record("not SQL"); return }
        #expect(q.sql == c.sql)
        #expect(q.arguments.map(QueryEngine.render) == c.arguments)
    }

    @Test func groupingByAValueKeepsTheValueAsTheKey() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let compiled = try engine.compile("MATCH (a)-[s]->(b) RETURN s.polarity, count(*) AS n ORDER BY n DESC, s.polarity")
        guard case .sql(let q) = compiled.query else { Issue.record("not SQL"); return }
        #expect(q.sql.contains("GROUP BY h1.e2_polarity"))
        #expect(try engine.run("MATCH (a)-[s]->(b) RETURN s.polarity, count(*) AS n ORDER BY n DESC, s.polarity").strings
                == [["opposes", "6"], ["supports", "4"], ["defends", "3"]])
    }

    @Test func orderByOfAnAggregatingQueryMustUseWhatItReturns() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        #expect { _ = try engine.compile("MATCH (a)-[s]->(b) RETURN a.name, count(*) ORDER BY b.name") } throws: {
            "\($0)".contains("can only use what RETURN returns")
        }
        #expect(try engine.run("MATCH (a)-[s]->(b) RETURN a.name, count(s) AS n ORDER BY count(s) DESC, a.id LIMIT 1").strings == [["ACLU", "4"]])
    }

    @Test func pathCompilesToAPlanNotSQL() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let compiled = try engine.compile("PATH 'ACLU' TO 'Jeff Bezos' MAX 4 VIA OPPOSES|DEFENDS SINCE '2018-05'")
        guard case .path(let p) = compiled.query else { Issue.record("not a path"); return }
        #expect(p.from.name == "ACLU" && p.to.name == "Jeff Bezos" && p.maxHops == 4)
        #expect(p.polarities == [.defends, .opposes])
        #expect(p.since == "2018-05" && p.before == nil)
    }

    @Test func includeRejectedDropsTheStatusCondition() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        let compiled = try engine.compile("MATCH (a)-[s]->(b) RETURN a.name", options: QueryOptions(includeRejected: true))
        guard case .sql(let q) = compiled.query else { Issue.record("not SQL"); return }
        #expect(!q.sql.contains("rejected"))
        #expect(q.sql.contains("s.modality = 'asserted'"))
    }
}

@Suite struct LexerParserTests {
    @Test func lexesEveryKindOfToken() throws {
        let tokens = try Lexer.tokenize("MATCH (a:Person {name:'O''Brien'})-[s]->(#12) WHERE s.confidence >= 0.5 AND $p <> \"x\\\"y\" // comment\nRETURN a")
        let kinds = tokens.map(\.kind)
        #expect(kinds.contains(.string("O'Brien")))
        #expect(kinds.contains(.idRef(12)))
        #expect(kinds.contains(.number(0.5)))
        #expect(kinds.contains(.parameter("p")))
        #expect(kinds.contains(.string("x\"y")))
        #expect(kinds.contains(.symbol(">=")))
        #expect(kinds.contains(.symbol("<>")))
        #expect(!kinds.contains(.word("comment")))
        #expect(tokens.last?.kind == .end)
        let ret = tokens.first { $0.isKeyword("return") }
        #expect(ret?.range.start.line == 2 && ret?.range.start.column == 1)
    }

    @Test func dashDashSpaceIsACommentButArrowsAreNot() throws {
        let s = try Parser.parse("CONFLICT ON 'facial recognition'          -- actor × actor network")
        guard case .network(let n) = s else { Issue.record("not a network"); return }
        #expect(n.kind == .conflict)
        guard case .match(let m) = try Parser.parse("MATCH (a)-->(b)<--(c)--(d) RETURN a") else { Issue.record("not a match"); return }
        #expect(m.patterns[0].edges.map(\.direction) == [.right, .left, .both])
    }

    @Test func parsesPatternsWithEdgesTypesAndTopics() throws {
        guard case .match(let m) = try Parser.parse("MATCH (me {name:'ACLU'})<-[:OPPOSES]-(enemy)<-[x:SUPPORTS|DEFENDS ON 'AB 5']-(ally:Person) RETURN ally.name") else {
            Issue.record("not a match"); return
        }
        let p = m.patterns[0]
        #expect(p.nodes.map { $0.variable?.text } == ["me", "enemy", "ally"])
        #expect(p.edges[1].types.map(\.text) == ["SUPPORTS", "DEFENDS"])
        #expect(p.edges[1].topic?.kind == .text("AB 5"))
        #expect(p.nodes[2].label?.text == "Person")
        #expect(m.returnClause.items[0].title == "ally.name")
    }

    @Test func parsesOperatorPrecedence() throws {
        guard case .match(let m) = try Parser.parse("MATCH (a) WHERE NOT a.kind = 'x' OR a.name CONTAINS 'y' AND a.id IN [1, 2] RETURN a") else {
            Issue.record("not a match"); return
        }
        guard case .binary("OR", let l, let r)? = m.condition?.kind else { Issue.record("OR should bind loosest"); return }
        guard case .unary("NOT", _) = l.kind, case .binary("AND", _, _) = r.kind else { Issue.record("wrong precedence"); return }
    }

    @Test func parsesNamedStatementsWithClausesInAnyOrder() throws {
        guard case .timeline(let t) = try Parser.parse("TIMELINE 'x' SINCE 2018 UNTIL '2019-06' FOR #3 BY DAY") else { Issue.record("not a timeline"); return }
        #expect(t.bucket == .day && t.actor?.kind == .id(3))
        #expect(t.during?.since?.kind == .literal("2018") && t.during?.until?.kind == .literal("2019-06"))
        guard case .top(let top) = try Parser.parse("top 5 opponents on $issue") else { Issue.record("not top"); return }
        #expect(top.count == 5 && top.measure == .opponents && top.issue?.kind == .parameter("issue"))
        guard case .path(let p) = try Parser.parse("PATH 'a' TO 'b' VIA opposes, supports MAX 3;") else { Issue.record("not path"); return }
        #expect(p.via.map(\.text) == ["OPPOSES", "SUPPORTS"] && p.maxHops == 3)
    }

    @Test func datePeriodsWidenToTheirWholeLength() {
        #expect(DatePeriod("2019")?.next.text == "2020")
        #expect(DatePeriod("2019-12")?.next.text == "2020-01")
        #expect(DatePeriod("2019-02-28")?.next.text == "2019-03-01")
        #expect(DatePeriod("2020-02-28")?.next.text == "2020-02-29")
        #expect(DatePeriod("2019-12-31")?.next.text == "2020-01-01")
        #expect(DatePeriod("2019-02-29") == nil)
        #expect(DatePeriod("2019-13") == nil)
        #expect(DatePeriod("19") == nil)
        #expect(DatePeriod("2019-1-01") == nil)
    }
}
