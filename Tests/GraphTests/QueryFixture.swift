import Foundation
import GRDB
import Testing
@testable import Graph

/// A small hand-built store for query tests: the Amazon/Rekognition controversy and net neutrality,
/// with one negated and one rejected stance (which queries must skip by default) and an alias
/// ("Markey") shared by two actors.
enum QueryFixture {
    static let json = #"""
{"entities":[
 {"name":"ACLU","kind":"group","aliases":["American Civil Liberties Union"]},
 {"name":"Amazon","kind":"organization","aliases":["Amazon.com"]},
 {"name":"Amazon Web Services","kind":"organization","aliases":["AWS"]},
 {"name":"Jeff Bezos","kind":"person"},
 {"name":"Andy Jassy","kind":"person"},
 {"name":"Amazon employees","kind":"group"},
 {"name":"Microsoft","kind":"organization"},
 {"name":"Ed Markey","kind":"person","aliases":["Sen. Markey","Markey"]},
 {"name":"Orlando Police","kind":"government","aliases":["Markey"]}
],
"issues":[{"label":"facial recognition sales to police","aliases":["Rekognition sales"]},{"label":"net neutrality"}],
"stances":[
 {"holder":"ACLU","polarity":"opposes","target":"Amazon","topic":"facial recognition sales to police","article":"a1","evidence":"The ACLU criticised Amazon.","date":"2018-05-22","confidence":0.9},
 {"holder":"ACLU","polarity":"opposes","target":"facial recognition sales to police","target_kind":"issue","topic":"facial recognition sales to police","article":"a1","evidence":"The ACLU opposes selling face recognition to police.","date":"2018-06-01","confidence":0.8},
 {"holder":"Amazon employees","polarity":"opposes","target":"Amazon","topic":"facial recognition sales to police","article":"a2","evidence":"Employees protested Amazon.","date":"2018-06-21","confidence":0.85},
 {"holder":"Ed Markey","polarity":"opposes","target":"Amazon","topic":"facial recognition sales to police","article":"a3","evidence":"Sen. Markey questioned Amazon.","date":"2018-07-26","confidence":0.7},
 {"holder":"Andy Jassy","polarity":"defends","target":"facial recognition sales to police","target_kind":"issue","article":"a4","evidence":"Jassy defended the sales.","date":"2018-11-09","confidence":0.9},
 {"holder":"Jeff Bezos","polarity":"defends","target":"Amazon","topic":"facial recognition sales to police","article":"a4","evidence":"Bezos defended Amazon.","date":"2018-10-15","confidence":0.8},
 {"holder":"Microsoft","polarity":"supports","target":"net neutrality","target_kind":"issue","article":"a5","evidence":"Microsoft backed net neutrality.","date":"2017-12-01","confidence":0.9},
 {"holder":"ACLU","polarity":"supports","target":"net neutrality","target_kind":"issue","article":"a5","evidence":"The ACLU backed net neutrality.","date":"2017-12-14","confidence":0.9},
 {"holder":"Amazon","polarity":"opposes","target":"net neutrality","target_kind":"issue","article":"a5","evidence":"Amazon lobbied against the rules.","date":"2017-11-30","confidence":0.6},
 {"holder":"Ed Markey","polarity":"supports","target":"net neutrality","target_kind":"issue","article":"a6","evidence":"Markey championed net neutrality.","date":"2017-12-14","confidence":0.9},
 {"holder":"ACLU","polarity":"opposes","target":"Microsoft","article":"a6","evidence":"The ACLU did not oppose Microsoft.","date":"2019-01-01","modality":"negated","confidence":0.5},
 {"holder":"Amazon employees","polarity":"opposes","target":"Jeff Bezos","article":"a2","evidence":"Employees blamed Bezos.","date":"2018-06-22","status":"rejected","confidence":0.4},
 {"holder":"Orlando Police","polarity":"supports","target":"facial recognition sales to police","target_kind":"issue","article":"a7","evidence":"Orlando police piloted Rekognition.","date":"2018-05-23","confidence":0.8},
 {"holder":"ACLU","polarity":"opposes","target":"Orlando Police","topic":"facial recognition sales to police","article":"a7","evidence":"The ACLU urged Orlando to stop.","date":"2018-05","confidence":0.7},
 {"holder":"Amazon Web Services","polarity":"defends","target":"facial recognition sales to police","target_kind":"issue","article":"a8","evidence":"AWS defended Rekognition.","date":"2019","confidence":0.6}
]}
"""#

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
