import Foundation
import GRDB
import Testing
@testable import Graph

/// A small deterministic generator (SplitMix64), so that every run feeds the same queries.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct QueryRobustnessTests {
    static let seeds = QueryExecutionTests.cases.map(\.query) + [
        "MATCH (me {name:'ACLU'})<-[:OPPOSES]-(enemy)<-[:SUPPORTS|DEFENDS]-(ally) RETURN ally.name",
        "MATCH (a)-[s:OPPOSES]->(x {name:$p}) RETURN a.name, count(s) AS n ORDER BY n DESC LIMIT $n",
        "MATCH (a)-[s]-(b)-[t]-(c) WHERE s.date < t.date AND a.name <> c.name RETURN a.name, c.name, count(*)",
        "MATCH (a)-[s]->(b), (c)-[t]->(b) WHERE s.polarity <> t.polarity RETURN a.name, c.name, b.name",
        "TOP 3 OPPONENTS ON $issue SINCE $since",
        "CONGRUENCE ON 'net neutrality' NORMALIZE COSINE BETWEEN 2017 AND 2019 LIMIT 5",
    ]
    static let vocabulary = ["MATCH", "RETURN", "WHERE", "PATH", "TO", "TIMELINE", "TOP", "CONFLICT", "CONGRUENCE", "ON", "BY",
                             "MONTH", "FOR", "SINCE", "UNTIL", "BETWEEN", "AND", "OR", "NOT", "IN", "IS", "NULL", "DISTINCT",
                             "ORDER", "LIMIT", "COUNT", "count(*)", "year(", "(", ")", "[", "]", "{", "}", ":", ",", ".", "-",
                             "->", "<-", "--", "<", ">", "=", "<>", "|", "*", ";", "'Amazon'", "'ACLU'", "'facial recognition'",
                             "'", "\"", "$p", "$missing", "#1", "#999999999999", "0", "-1", "3.5", "99999999999999999999",
                             "a", "s", "b", "a.name", "s.date", "s.polarity", "OPPOSES", "SUPPORTS", ":Issue", ":Person",
                             "\n", " ", "é", "🙂", "\u{0}", "\u{301}", "//", "-- ", "\\"]

    static func mutate(_ s: String, _ rng: inout SeededGenerator) -> String {
        var chars = Array(s)
        let n = Bool.random(using: &rng) ? 1 : Int.random(in: 2...3, using: &rng)
        for _ in 0..<n {
            let pos = chars.isEmpty ? 0 : Int.random(in: 0...chars.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !chars.isEmpty:  // delete a run
                let len = Int.random(in: 1...4, using: &rng)
                let start = min(pos, chars.count - 1)
                chars.removeSubrange(start..<min(chars.count, start + len))
            case 1:  // insert a token
                chars.insert(contentsOf: Array(" " + (vocabulary.randomElement(using: &rng) ?? "") + " "), at: pos)
            case 2 where chars.count > 1:  // swap two characters
                let a = Int.random(in: 0..<chars.count, using: &rng), b = Int.random(in: 0..<chars.count, using: &rng)
                chars.swapAt(a, b)
            case 3:  // truncate
                chars = Array(chars.prefix(pos))
            case 4 where !chars.isEmpty:  // duplicate a slice
                let start = min(pos, chars.count - 1)
                let slice = chars[start..<min(chars.count, start + Int.random(in: 1...12, using: &rng))]
                chars.insert(contentsOf: slice, at: start)
            default:  // replace one character
                if !chars.isEmpty { chars[min(pos, chars.count - 1)] = Character(vocabulary.randomElement(using: &rng)?.first.map(String.init) ?? "x") }
            }
        }
        return String(chars)
    }

    static func soup(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...16, using: &rng)).map { _ in vocabulary.randomElement(using: &rng) ?? "" }.joined(separator: Bool.random(using: &rng) ? " " : "")
    }

    @Test func thousandsOfRandomAndMutatedQueriesNeverCrashAndFailOnlyWithDiagnostics() throws {
        let store = try QueryFixture.store()
        let engine = QueryEngine(store: store)
        let before = try store.stats()
        var rng = SeededGenerator(state: 20_181_109)
        let options = QueryOptions(parameters: ["p": "Amazon", "n": "5", "issue": "net neutrality", "since": "2017"], timeout: 5)
        var succeeded = 0, diagnosed = 0
        for i in 0..<4000 {
            let seed = Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &rng)]
            let query = i % 10 == 1 ? seed : i % 4 == 0 ? Self.soup(&rng) : Self.mutate(seed, &rng)
            do {
                _ = try engine.run(query, options: options)
                succeeded += 1
            } catch {
                switch error {
                case .diagnostic(let d):
                    diagnosed += 1
                    let lines = query.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(d.line >= 1 && d.line <= max(1, lines.count), "bad line in \(d) for \(query.debugDescription)")
                    #expect(d.column >= 1, "bad column for \(query.debugDescription)")
                    #expect(d.description.hasPrefix("query:\(d.line):\(d.column): error: "))
                case .timeout:
                    Issue.record("timed out: \(query.debugDescription)")
                case .store(let m):
                    Issue.record("compiled to SQL the store refused (\(m)): \(query.debugDescription)")
                }
            }
        }
        #expect(succeeded > 100 && diagnosed > 1000, "\(succeeded) ran, \(diagnosed) diagnosed")
        #expect(try store.stats() == before)
    }
}
