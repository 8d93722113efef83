import Foundation
import GRDB
import Testing
@testable import Graph

/// Builds stores by hand for the export, timeline and audit tests: articles with real text, and
/// stances whose offsets are computed from where their evidence sits in that text.
struct FixtureBuilder {
    struct Stance {
        var holder: String
        var polarity: Polarity
        var target: String
        var onIssue: Bool
        var evidence: String
        var date: String?
        var modality: Modality
        var confidence: Double
        var topic: String?
        var attribution: String?
    }

    let store: Store
    var kinds: [String: EntityKind] = [:]
    var relations: [(String, String, RelationType)] = []

    init() throws { store = try Store() }

    static func stance(_ holder: String, _ polarity: Polarity, _ target: String, issue: Bool = false, _ evidence: String,
                       date: String? = nil, modality: Modality = .asserted, confidence: Double = 0.8, topic: String? = nil,
                       attribution: String? = nil) -> Stance {
        Stance(holder: holder, polarity: polarity, target: target, onIssue: issue, evidence: evidence, date: date,
               modality: modality, confidence: confidence, topic: topic, attribution: attribution)
    }

    /// Ingests one article; every stance's evidence must occur in `text`.
    func article(_ key: String, source: String? = nil, url: String? = nil, title: String? = nil, published: String? = nil,
                 text: String, stances: [Stance], relations: [(String, String, RelationType)] = []) throws {
        var g = ArticleGraph()
        var entityIndex: [String: Int] = [:], issueIndex: [String: Int] = [:]
        func entity(_ name: String) -> Int {
            if let i = entityIndex[name] { return i }
            g.entities.append(.init(name: name, kind: kinds[name] ?? .organization))
            entityIndex[name] = g.entities.count - 1
            return g.entities.count - 1
        }
        func issue(_ label: String) -> Int {
            if let i = issueIndex[label] { return i }
            g.issues.append(.init(label: label))
            issueIndex[label] = g.issues.count - 1
            return g.issues.count - 1
        }
        for (n, s) in stances.enumerated() {
            let (start, end) = try #require(Self.scalarRange(of: s.evidence, in: text), "evidence not in text: \(s.evidence)")
            let target: ArticleGraph.Target = s.onIssue ? .issue(issue(s.target)) : .entity(entity(s.target))
            g.stances.append(.init(holder: entity(s.holder), polarity: s.polarity, target: target,
                                   topic: s.topic.map(issue) ?? (s.onIssue ? issue(s.target) : nil), sentence: n,
                                   start: start, end: end, evidence: s.evidence, cue: "cue", date: s.date,
                                   datePrecision: s.date.flatMap(PartialDate.init)?.precision, modality: s.modality,
                                   attribution: s.attribution, confidence: s.confidence, rule: "fixture"))
        }
        for (a, b, t) in relations { g.relations.append(.init(from: entity(a), to: entity(b), type: t)) }
        try store.ingest(Document(key: key, url: url, title: title ?? key, source: source, published: published, text: text),
                         graph: g, extractorVersion: "fixture")
    }

    /// Unicode-scalar offsets of the first occurrence of `needle` (like Python string indices).
    static func scalarRange(of needle: String, in text: String) -> (Int, Int)? {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= hay.count else { return nil }
        for i in 0...(hay.count - n.count) where hay[i..<i + n.count].elementsEqual(n) { return (i, i + n.count) }
        return nil
    }
}

/// A small controversy over the "plant closure" with every pattern the audit looks for:
/// - Acme Workers Union (member_of Acme) opposes the closure Acme defends, and opposes Acme itself;
/// - Mayor Zoë Lee supports the closure in March and opposes it in June (a flip);
/// - Sen. Ray both supports and opposes it in one article, and again on one day in two papers;
/// - a wire story printed by two outlets (near-identical copies) backs the union's opposition;
/// - one hedged, low-confidence edge; one negated and one rejected stance (hidden by default);
/// - one undated statement.
func controversyStore() throws -> Store {
    var f = try FixtureBuilder()
    f.kinds = ["Acme": .organization, "Acme Workers Union": .group, "Mayor Zoë Lee": .person, "Sen. Ray": .person,
               "Green Valley Council": .government, "Daily Planet": .media]
    typealias F = FixtureBuilder
    let closure = "plant closure"
    try f.article("a1", source: "Valley Gazette", url: "https://gazette.example/a1?x=1&y=2", published: "2024-01-10",
                  text: "Acme announced the plant closure on Monday. The Acme Workers Union opposed the plant closure at once. "
                      + "Acme defended the plant closure as necessary.",
                  stances: [F.stance("Acme Workers Union", .opposes, closure, issue: true, "The Acme Workers Union opposed the plant closure at once.", date: "2024-01-08"),
                            F.stance("Acme", .defends, closure, issue: true, "Acme defended the plant closure as necessary.", date: "2024-01-08")],
                  relations: [("Acme Workers Union", "Acme", .memberOf)])
    try f.article("a2", source: "Valley Tribune", url: "https://tribune.example/a2", published: "2024-03-05",
                  text: "Mayor Zoë Lee 🚀 welcomed the plant closure, saying the site could become a park.",
                  stances: [F.stance("Mayor Zoë Lee", .supports, closure, issue: true, "Mayor Zoë Lee 🚀 welcomed the plant closure, saying the site could become a park.", date: "2024-03-05")])
    try f.article("a3", source: "Valley Herald", url: "https://herald.example/a3", published: "2024-06-01",
                  text: "Mayor Zoë Lee now opposes the plant closure after meeting workers.",
                  stances: [F.stance("Mayor Zoë Lee", .opposes, closure, issue: true, "Mayor Zoë Lee now opposes the plant closure after meeting workers.", date: "2024-06-01")])
    try f.article("a4", source: "Capitol Post", url: "https://post.example/a4", published: "2024-06-02",
                  text: "Sen. Ray said he supports the plant closure. Later Sen. Ray said he opposes the plant closure.",
                  stances: [F.stance("Sen. Ray", .supports, closure, issue: true, "Sen. Ray said he supports the plant closure.", date: "2024-06-02"),
                            F.stance("Sen. Ray", .opposes, closure, issue: true, "Later Sen. Ray said he opposes the plant closure.", date: "2024-06-02")])
    try f.article("a5", source: "Morning Star", url: "https://star.example/a5", published: "2024-07-01",
                  text: "Sen. Ray backed the plant closure in a radio interview.",
                  stances: [F.stance("Sen. Ray", .supports, closure, issue: true, "Sen. Ray backed the plant closure in a radio interview.", date: "2024-07-01")])
    try f.article("a6", source: "Evening Star", url: "https://evening.example/a6", published: "2024-07-01",
                  text: "Sen. Ray attacked the plant closure at a town hall.",
                  stances: [F.stance("Sen. Ray", .opposes, closure, issue: true, "Sen. Ray attacked the plant closure at a town hall.", date: "2024-07-01")])
    let wire = "GREEN VALLEY (Wire) — Union leaders vowed to fight the plant closure in court, saying the decision would cost "
        + "four hundred jobs in a town that has already lost its mill and its rail depot. The union said the Acme Workers Union "
        + "rejected the plant closure and would appeal to the state labour board next month. Acme did not respond to requests for comment."
    try f.article("w1", source: "Valley Gazette", url: "https://gazette.example/w1", published: "2024-08-01",
                  text: wire + " Copyright Valley Gazette.",
                  stances: [F.stance("Acme Workers Union", .opposes, closure, issue: true, "The union said the Acme Workers Union rejected the plant closure and would appeal to the state labour board next month.", date: "2024-08-01")])
    try f.article("w2", source: "Riverside Courier", url: "https://courier.example/w2", published: "2024-08-02",
                  text: "From the wires. " + wire + " Reprinted by the Riverside Courier.",
                  stances: [F.stance("Acme Workers Union", .opposes, closure, issue: true, "The union said the Acme Workers Union rejected the plant closure and would appeal to the state labour board next month.", date: "2024-08-02")])
    try f.article("u1", source: "Daily Planet", text: "The Acme Workers Union has long criticised Acme. The Green Valley Council might support the plant closure. "
                      + "The council did not oppose Acme. Was Acme against the council?",
                  stances: [F.stance("Acme Workers Union", .opposes, "Acme", "The Acme Workers Union has long criticised Acme.", topic: closure),
                            F.stance("Green Valley Council", .supports, closure, issue: true, "The Green Valley Council might support the plant closure.", modality: .conditional, confidence: 0.3),
                            F.stance("Green Valley Council", .opposes, "Acme", "The council did not oppose Acme.", modality: .negated),
                            F.stance("Acme", .opposes, "Green Valley Council", "Was Acme against the council?", modality: .question)])
    try f.article("r1", source: "Daily Planet", published: "2024-09-01",
                  text: "Daily Planet supports Acme, a reader claimed.",
                  stances: [F.stance("Daily Planet", .supports, "Acme", "Daily Planet supports Acme, a reader claimed.", date: "2024-09-01")])
    try f.store.writer.write { db in
        try db.execute(sql: "UPDATE stance SET status = 'rejected' WHERE evidence LIKE 'Daily Planet supports%'")
    }
    return f.store
}

/// Names that break naive writers: quotes, backslashes, newlines, markup, list delimiters.
let nastyNames = [
    #"Say "Hi" Inc."#,
    #"Back\slash & Sons <b>bold</b>"#,
    "Line\nBreak Group",
    "</text><script>alert(1)</script>",
    "semi;colon, comma Ltd",
    "Zoë Ünïcödé 🚀 \\N \\l",
]

func nastyStore() throws -> Store {
    let f = try FixtureBuilder()
    var text = ""
    var stances: [FixtureBuilder.Stance] = []
    for (n, name) in nastyNames.enumerated() {
        let next = nastyNames[(n + 1) % nastyNames.count]
        let sentence = "Sentence \(n): \(name) opposed \(next) & more. "
        text += sentence
        stances.append(FixtureBuilder.stance(name, n % 2 == 0 ? .opposes : .supports, next, sentence.trimmingCharacters(in: .whitespaces),
                                             date: "2024-0\(n + 1)-15"))
    }
    try f.article("nasty", source: #"The "Quote" & <Co>"#, url: "https://example.org/a?b=1&c=<2>\"", published: "2024-01-01",
                  text: text, stances: stances)
    return f.store
}

func tempDirectory() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}
