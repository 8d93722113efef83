import Foundation
import Testing
@testable import Graph

/// A query with `‸` marking where the diagnostic must point, and a fragment of its message.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var message: String
    var testDescription: String { marked }

    init(_ marked: String, _ message: String) { self.marked = marked; self.message = message }

    var query: String { marked.replacingOccurrences(of: "‸", with: "") }

    /// 1-based line and column of the marker.
    var position: (line: Int, column: Int) {
        var line = 1, column = 1
        for c in marked {
            if c == "‸" { break }
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

@Suite struct QueryDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        // Lexer
        .init("MATCH (a {name:‸'Amazon}) RETURN a", "unterminated string"),
        .init("MATCH (a) RETURN a ‸@", "unexpected character '@'"),
        .init("TOP ‸10x OPPOSED", "a number cannot run into a word"),
        .init("MATCH (a {name:‸$}) RETURN a", "expected a parameter name after '$'"),
        .init("PATH ‸# TO 'ACLU'", "expected an id after '#'"),
        .init("MATCH (a) WHERE ‸! a.name RETURN a", "use NOT or <>"),
        // Parser
        .init("‸", "empty query"),
        .init("‸MTCH (a) RETURN a", "did you mean 'MATCH'?"),
        .init("MATCH (a) ‸RETRN a", "did you mean 'RETURN'?"),
        .init("MATCH (a:‸Persn) RETURN a", "unknown label 'Persn'; did you mean 'Person'?"),
        .init("MATCH (a)-[:‸OPOSES]->(b) RETURN a", "unknown edge type 'OPOSES'; did you mean 'OPPOSES'?"),
        .init("MATCH (a ‸RETURN a", "expected ':' or ')' in node pattern"),
        .init("MATCH (a)-->(b)-->(c)-->(d)‸-->(e) RETURN a", "at most 3 edges"),
        .init("MATCH (a)<-[s]-‸>(b) RETURN a", "an edge points one way"),
        .init("PATH 'ACLU' TO 'Amazon' ‸)", "unexpected ')' after the end of the query"),
        .init("MATCH (a) RETURN a ‸ORDR BY a", "did you mean 'ORDER'?"),
        .init("TIMELINE 'x' ‸BYY MONTH", "did you mean 'BY'?"),
        .init("TIMELINE 'x' BY ‸WEEK", "expected DAY, MONTH or YEAR"),
        .init("TOP 5 OPPOSED SINCE ‸'2018-13'", "invalid date '2018-13'"),
        .init("TIMELINE 'x' BETWEEN ‸'2020' AND '2019'", "the range is empty"),
        .init("PATH 'a' TO 'b' MAX 2 ‸MAX 3", "MAX appears twice"),
        .init("PATH 'ACLU' TO 'Amazon' MAX ‸99", "MAX must be between 1 and 12"),
        .init("TOP 3 ‸OPOSED", "did you mean 'OPPOSED'?"),
        .init("CONFLICT ON 'x' NORMALIZE ‸jacard", "did you mean 'JACCARD'?"),
        .init("PATH ‸ACLU TO 'Amazon'", "write 'ACLU'"),
        .init("MATCH (a) WHERE a.name = ‸RETURN a", "expected a value, found 'RETURN'"),
        .init("MATCH (a) WHERE a.name IS ‸NUL RETURN a", "expected NULL after IS"),
        // Names
        .init("MATCH (a)-[s]->(b {name:‸'Amazn'}) RETURN a", "unknown actor or issue 'Amazn'; did you mean 'Amazon'?"),
        .init("MATCH (a:Person {name:‸'Jef Bezos'}) RETURN a", "unknown actor 'Jef Bezos'; did you mean 'Jeff Bezos'?"),
        .init("PATH ‸'Markey' TO 'ACLU'", "'Markey' names several actors: #8 Ed Markey, #9 Orlando Police; write '#id' to pick one"),
        .init("TIMELINE ‸'net neutralty'", "unknown issue 'net neutralty'; did you mean 'net neutrality'?"),
        .init("PATH ‸#999 TO 'ACLU'", "no actor with id #999"),
        .init("TIMELINE ‸#999", "no issue with id #999"),
        // Variables, properties, values
        .init("MATCH (a)-[s]->(b) RETURN ‸aa.name", "unknown variable 'aa'; did you mean 'a'?"),
        .init("MATCH (a) RETURN a.‸nme", "unknown node property 'nme'; did you mean 'name'?"),
        .init("MATCH (a)-[s]->(b) RETURN a.‸date", "'date' is a property of stances"),
        .init("MATCH (a)-[s]->(b) RETURN s.‸evidnce", "unknown stance property 'evidnce'; did you mean 'evidence'?"),
        .init("MATCH (a)-[s]->(b) WHERE s.polarity = ‸'oposes' RETURN a", "unknown polarity 'oposes'; did you mean 'opposes'?"),
        .init("MATCH (a)-[s]->(b) WHERE s.modality IN ['negated', ‸'hypothetical'] RETURN a", "unknown modality 'hypothetical'"),
        .init("MATCH (a)-[s]->(b) WHERE a.kind = ‸'persn' RETURN a", "unknown kind 'persn'; did you mean 'person'?"),
        .init("MATCH (a)-[s]->(b) WHERE ‸count(s) > 1 RETURN a", "belong in RETURN, not WHERE"),
        .init("MATCH (a)-[s]->(b) RETURN ‸yeer(s.date)", "unknown function yeer(); did you mean 'year'?"),
        .init("MATCH (a {name:‸$who}) RETURN a", "no value for parameter $who; pass --param who=…"),
        .init("MATCH (a) RETURN a LIMIT ‸999999", "LIMIT 999999 is above the maximum of 10000"),
        .init("MATCH (i:‸Issue)-[s]->(b) RETURN i", "an issue cannot hold a stance"),
        .init("MATCH (a)-[s]->(b) WHERE s.date >= ‸'2018-1' RETURN a", "invalid date '2018-1'"),
        .init("MATCH (a)-[s]->(b)-[‸s]->(c) RETURN a", "stance variable 's' is used twice"),
        .init("MATCH (a)-[s]->(b) RETURN s.‸name", "unknown stance property 'name'"),
        .init("MATCH (a {‸colour:'red'}) RETURN a", "unknown node property 'colour' in { }"),
        .init("MATCH (a)\nWHERE a.‸nam = 'x'\nRETURN a", "did you mean 'name'?"),
    ]

    @Test(arguments: cases)
    func diagnosticPointsAtTheOffendingText(_ c: DiagnosticCase) throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        do {
            _ = try engine.compile(c.query)
            Issue.record("expected a diagnostic for \(c.query)")
        } catch {
            guard case .diagnostic(let d) = error else { Issue.record("not a diagnostic: \(error)"); return }
            #expect(d.message.contains(c.message), "message was: \(d.message)")
            #expect(d.line == c.position.line && d.column == c.position.column,
                    "pointed at \(d.line):\(d.column), expected \(c.position.line):\(c.position.column)\n\(d)")
            // The rendered caret sits under the same column.
            let lines = d.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("query:\(c.position.line):\(c.position.column): error: ") == true)
            #expect(lines.count == 3 && lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } == c.position.column - 1)
        }
    }

    @Test func renderedDiagnosticShowsLineAndCaret() throws {
        let engine = QueryEngine(store: try QueryFixture.store())
        #expect {
            _ = try engine.compile("MATCH (a:Persn) RETURN a")
        } throws: { error in
            "\(error)" == """
                query:1:10: error: unknown label 'Persn'; did you mean 'Person'? (labels: Issue, Actor, Entity, Organization, Person, Group, Government, Product, Media, Other)
                MATCH (a:Persn) RETURN a
                         ^~~~~
                """
        }
    }

    @Test func severalIssuesMatchingAPhraseAreListed() throws {
        let store = try Store()
        try store.importGraph(InterchangeGraph(entities: [], issues: [.init(label: "facial recognition sales to police"), .init(label: "facial recognition ban")], stances: []))
        let engine = QueryEngine(store: store)
        #expect {
            _ = try engine.compile("TIMELINE 'Facial Recognition'")
        } throws: { "\($0)".contains("'Facial Recognition' matches several issues: #1 'facial recognition sales to police', #2 'facial recognition ban'") }
        #expect(throws: Never.self) { _ = try engine.compile("TIMELINE 'facial recognition ban'") }
    }

    @Test func suggestionsUseEditDistance() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("MATCH", "match") == 0)
        #expect(Suggestion.closest(to: "Amazn", in: ["Amazon", "Microsoft", "Amazing"]) == ["Amazon", "Amazing"])
        #expect(Suggestion.didYouMean("zzzzzz", in: ["MATCH"]) == "")
    }
}
