import Foundation
import GRDB
import Testing
@testable import Graph

@Suite struct TimelineTests {
    func timeline(_ s: Store, about name: String, by: DatePrecision = .month) throws -> Timeline {
        let subject = try s.resolve(name, prefer: .issue)
        var f = StanceFilter.forMaps
        f.about = subject.ref
        return Timeline(graph: try s.subgraph(f), focus: .about(subject.ref), subject: subject.label, by: by)
    }

    @Test func groupsDatedStatementsByPeriodAndKeepsUndatedApart() throws {
        let t = try timeline(try controversyStore(), about: "plant closure")
        #expect(t.periods.map(\.period) == ["2024-01", "2024-03", "2024-06", "2024-07", "2024-08"])
        #expect(t.periods.map(\.entries.count) == [2, 1, 3, 2, 2])
        #expect(t.periods[2].entries.map(\.date) == ["2024-06-01", "2024-06-02", "2024-06-02"])
        #expect(t.undated.map(\.holder) == ["Acme Workers Union", "Green Valley Council"])
        #expect(t.undated.allSatisfy { $0.date == nil })
        let first = t.periods[0].entries[0]
        #expect(first.outlet == "Valley Gazette" && first.url == "https://gazette.example/a1?x=1&y=2" && first.article == "a1")
    }

    @Test func groupsByYearOrDay() throws {
        let s = try controversyStore()
        #expect(try timeline(s, about: "closure", by: .year).periods.map(\.period) == ["2024"])
        #expect(try timeline(s, about: "closure", by: .day).periods.count == 7)
    }

    @Test func followsOneActorHeldOrReceived() throws {
        let s = try controversyStore()
        let acme = try s.resolve("Acme", prefer: .actor)
        var f = StanceFilter.forMaps
        f.around = acme.ref
        let t = Timeline(graph: try s.subgraph(f), focus: .actor(acme.ref), subject: acme.label, by: .month)
        #expect(t.periods.flatMap(\.entries).map(\.polarity) == ["defends"])
        #expect(t.undated.map(\.quote) == ["The Acme Workers Union has long criticised Acme."])
    }

    @Test func rendersMarkdownCSVAndJSON() throws {
        let t = try timeline(try controversyStore(), about: "plant closure")
        let md = t.markdown()
        #expect(md.hasPrefix("# Timeline: plant closure\n\n10 dated statements, 2 undated; grouped by month;"))
        #expect(md.contains("\n## 2024-03\n\n- **2024-03-05** Mayor Zoë Lee **supports** plant closure — “Mayor Zoë Lee 🚀 welcomed"))
        #expect(md.contains("\n## Undated\n"))
        #expect(md.contains("_\\[conditional\\]_") == false && md.contains("_[conditional]_"))
        let csv = t.csv()
        #expect(csv.split(separator: "\n").count == 13)
        #expect(csv.hasPrefix(Timeline.csvColumns.joined(separator: ",") + "\n2024-01,2024-01-08,day,"))
        let decoded = try JSONDecoder().decode(Timeline.self, from: Data(try t.json().utf8))
        #expect(decoded == t)
    }
}

@Suite struct AuditTests {
    func audit(_ s: Store, _ name: String = "plant closure") throws -> AuditReport {
        try s.audit(subject: try s.resolve(name, prefer: .issue), filter: .forMaps).report
    }

    @Test func listsTheSidesWithFirstAndLastEvidence() throws {
        let a = try audit(try controversyStore())
        #expect(a.sides.map(\.polarity) == ["supports", "defends", "opposes"])
        #expect(a.sides[0].actors.map(\.actor) == ["Sen. Ray", "Green Valley Council", "Mayor Zoë Lee"])
        let union = try #require(a.sides[2].actors.first)
        #expect(union.actor == "Acme Workers Union" && union.evidence == 4)
        #expect(union.first.date == "2024-01-08" && union.last.date == "2024-08-02")
        #expect(union.sources == 2)  // Gazette (+ its syndicated copy in the Courier) and the Daily Planet
        #expect(union.targets == ["Acme", "plant closure"])
        #expect(a.stances == 12 && a.actors == 5)
    }

    @Test func findsFlipsWithBothQuotes() throws {
        let a = try audit(try controversyStore())
        #expect(a.flips.map { "\($0.actor): \($0.before.polarity) → \($0.after.polarity)" }
                == ["Mayor Zoë Lee: supports → opposes", "Sen. Ray: opposes → supports"])
        let lee = a.flips[0]
        #expect(lee.before.quote.hasPrefix("Mayor Zoë Lee 🚀 welcomed") && lee.before.date == "2024-03-05")
        #expect(lee.after.quote.hasPrefix("Mayor Zoë Lee now opposes") && lee.after.outlet == "Valley Herald")
    }

    @Test func findsContradictionsInOneArticleAndOnOneDay() throws {
        let a = try audit(try controversyStore())
        #expect(a.contradictions.map { "\($0.actor) \($0.reason)" } == ["Sen. Ray same article", "Sen. Ray same day"])
        #expect(a.contradictions[0].one.article == "a4" && a.contradictions[0].other.article == "a4")
        #expect(Set([a.contradictions[1].one.article, a.contradictions[1].other.article]) == ["a5", "a6"])
    }

    @Test func findsInternalDissent() throws {
        let a = try audit(try controversyStore())
        #expect(a.dissent.count == 2)
        let direct = try #require(a.dissent.first { $0.parent_stance == nil })
        #expect(direct.member == "Acme Workers Union" && direct.parent == "Acme" && direct.target == "Acme" && direct.relation == "member_of")
        let onIssue = try #require(a.dissent.first { $0.parent_stance != nil })
        #expect(onIssue.target == "plant closure" && onIssue.member_stance.polarity == "opposes" && onIssue.parent_stance?.polarity == "defends")
    }

    @Test func dissentFollowsChainsOfParts() throws {
        var f = try FixtureBuilder()
        f.kinds = ["Cloud Staff": .group, "Cloud Unit": .organization, "MegaCorp": .organization]
        try f.article("c", text: "Cloud Staff protested the deal. MegaCorp defended the deal.",
                      stances: [FixtureBuilder.stance("Cloud Staff", .opposes, "the deal", issue: true, "Cloud Staff protested the deal."),
                                FixtureBuilder.stance("MegaCorp", .defends, "the deal", issue: true, "MegaCorp defended the deal.")],
                      relations: [("Cloud Staff", "Cloud Unit", .memberOf), ("Cloud Unit", "MegaCorp", .partOf)])
        let a = try audit(f.store, "the deal")
        #expect(a.dissent.map(\.relation) == ["member_of → part_of"])
    }

    @Test func syndicatedCopiesCountAsOneSource() throws {
        let a = try audit(try controversyStore())
        let union = try #require(a.corroboration.first { $0.holder == "Acme Workers Union" && $0.target == "plant closure" })
        #expect(union.evidence == 3 && union.articles == 3)
        #expect(union.outlets == ["Riverside Courier", "Valley Gazette"])
        #expect(union.independent_sources == 1)
        #expect(union.copies == [["Riverside Courier", "Valley Gazette"]])
    }

    @Test func reprintedQuotesInRewrittenArticlesCountOnce() throws {
        let f = try FixtureBuilder()
        let quote = "\"We will fight this ban in every court in the land,\" said the Farmers League on Tuesday."
        try f.article("p1", source: "Paper One", text: "A short report. " + quote,
                      stances: [FixtureBuilder.stance("Farmers League", .opposes, "the ban", issue: true, quote)])
        try f.article("p2", source: "Paper Two", text: "An entirely different article about the weather and markets. " + quote + " More text follows here.",
                      stances: [FixtureBuilder.stance("Farmers League", .opposes, "the ban", issue: true, quote)])
        try f.article("p3", source: "Paper Three", text: "The Farmers League also criticised the ban in a letter to the minister.",
                      stances: [FixtureBuilder.stance("Farmers League", .opposes, "the ban", issue: true, "The Farmers League also criticised the ban in a letter to the minister.")])
        let c = try #require(try audit(f.store, "the ban").corroboration.first)
        #expect(c.articles == 3 && c.independent_sources == 2 && c.copies == [["Paper One", "Paper Two"]])
    }

    @Test func flagsWeakEdgesWithReasons() throws {
        let a = try audit(try controversyStore())
        let council = try #require(a.weak.first { $0.holder == "Green Valley Council" })
        #expect(council.reasons == ["one source", "low confidence (best 0.30)", "hedged (conditional only)"])
        // The union's edge rests on one source too: its second outlet only reprinted the wire story.
        #expect(a.weak.contains { $0.holder == "Acme Workers Union" && $0.target == "plant closure" && $0.reasons == ["one source"] })
        #expect(!a.weak.contains { $0.holder == "Acme Workers Union" && $0.target == "Acme" && $0.reasons.count > 1 })
    }

    @Test func rendersMarkdownHTMLAndJSON() throws {
        let a = try audit(try controversyStore())
        let md = a.markdown()
        for heading in ["# Audit: plant closure (issue)", "## Sides", "### Supports (3)", "## Flips", "## Contradictions",
                        "## Internal dissent", "## Corroboration", "## Weak edges"] {
            #expect(md.contains(heading), "\(heading)")
        }
        #expect(md.contains("| Acme Workers Union | opposes | plant closure | 3 | 3 | 1 | Riverside Courier = Valley Gazette |"))
        let html = a.html(svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>")
        #expect(html.contains("<figure>\n<svg xmlns") && !html.contains("<!DOCTYPE svg>"))
        let body = try #require(html.range(of: "<body>")).upperBound
        let probe = XMLProbe.parse("<div>" + String(html[body...]).replacingOccurrences(of: "</body></html>", with: "") + "</div>")
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        #expect(a.html(svg: nil).contains("apt-get install graphviz"))
        #expect(try JSONDecoder().decode(AuditReport.self, from: Data(try a.json().utf8)) == a)
    }
}

@Suite struct NearDuplicatesTests {
    @Test func recognisesSyndicatedCopiesButNotDifferentStories() {
        let d = NearDuplicates()
        let story = (0..<80).map { "word\($0 % 37) w\($0)" }.joined(separator: " ")
        let copy = "Reprinted from the wires. " + story + " All rights reserved."
        let other = (0..<80).map { "other\($0) text\($0 % 11)" }.joined(separator: " ")
        #expect(d.similarity(d.sketch(story), d.sketch(copy)) >= 0.7)
        #expect(d.similarity(d.sketch(story), d.sketch(other)) < 0.1)
        let g = d.groups([d.sketch(story), d.sketch(other), d.sketch(copy), d.sketch(""), d.sketch("")])
        #expect(g[0] == g[2] && g[0] != g[1] && g[3] != g[4] && g[3] != g[0])
    }
}

@Suite struct ProvenanceTests {
    @Test func verifyPassesOnAnIntactStore() throws {
        let r = try controversyStore().verify()
        #expect(r.ok && r.articles == 10 && r.stances == 15 && r.stances_checked == 15)
    }

    @Test func verifyCatchesATamperedOffset() throws {
        let s = try controversyStore()
        try s.writer.write { db in
            try db.execute(sql: "UPDATE stance SET start = start + 1 WHERE evidence LIKE 'Mayor Zoë Lee now%'")
            try db.execute(sql: #"UPDATE stance SET "end" = 100000 WHERE evidence LIKE 'Sen. Ray backed%'"#)
        }
        let r = try s.verify()
        #expect(r.problems.map(\.kind).sorted() == ["evidence_mismatch", "offsets_out_of_range"])
        #expect(r.problems.contains { $0.message.contains("yield “ayor Zoë Lee now opposes") })
    }

    @Test func verifyCatchesATamperedText() throws {
        let s = try controversyStore()
        try s.writer.write { db in
            try db.execute(sql: "UPDATE article SET text = replace(text, 'opposed', 'backed!') WHERE key = 'a1'")
        }
        let r = try s.verify()
        #expect(r.problems.map(\.kind) == ["hash_mismatch", "evidence_mismatch"])  // same length: the later stance still lines up
        #expect(r.problems[0].article == "a1")
    }

    @Test func articlesImportedWithoutTextAreCountedNotFlagged() throws {
        let s = try Store()
        let json = #"{"entities":[],"stances":[{"holder":"A","polarity":"opposes","target":"B","evidence":"A opposed B."}]}"#
        try s.importGraph(try InterchangeJSON.decode(Data(json.utf8), file: "h.json"))
        let r = try s.verify()
        #expect(r.ok && r.articles_without_text == 1 && r.stances == 1 && r.stances_checked == 0)
        let x = try #require(try s.explain(stance: 1))
        #expect(x.offsets_verified == nil)
    }

    @Test func explainShowsTheEvidenceAndItsProvenance() throws {
        let s = try controversyStore()
        let id = try #require(try s.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM stance WHERE evidence LIKE 'Mayor Zoë Lee now%'")
        })
        let x = try #require(try s.explain(stance: id))
        #expect(x.holder == "Mayor Zoë Lee" && x.polarity == "opposes" && x.target == "plant closure" && x.target_kind == "issue")
        #expect(x.start == 0 && x.end == "Mayor Zoë Lee now opposes the plant closure after meeting workers.".unicodeScalars.count)
        #expect(x.offsets_verified == true && x.context_before == "")
        #expect(x.article == "a3" && x.source == "Valley Herald" && x.url == "https://herald.example/a3")
        #expect(x.date == "2024-06-01" && x.date_precision == "day" && x.rule == "fixture" && x.confidence == 0.8)
        #expect(try s.explain(stance: 99_999) == nil)
    }

    @Test func offsetsCountUnicodeScalarsNotUTF16() throws {
        let s = try controversyStore()
        // "🚀" is one scalar but two UTF-16 units: the sentence after it must still line up.
        let f = try FixtureBuilder()
        try f.article("emoji", text: "🚀🚀 Zoë backed the plan.", stances: [FixtureBuilder.stance("Zoë", .supports, "the plan", issue: true, "Zoë backed the plan.")])
        let x = try #require(try f.store.explain(stance: 1))
        #expect(x.start == 3 && x.offsets_verified == true)
        #expect(try s.verify().ok)
    }
}
