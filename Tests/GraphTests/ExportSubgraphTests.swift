import Foundation
import GRDB
import Testing
@testable import Graph

@Suite struct SubgraphTests {
    func issueRef(_ s: Store, _ label: String = "plant closure") throws -> NodeRef {
        try s.resolve(label, prefer: .issue).ref
    }

    @Test func mapsLeaveOutNegatedQuestionedAndRejectedStances() throws {
        let s = try controversyStore()
        let maps = try s.subgraph(.forMaps)
        #expect(maps.evidence.count == 12)
        #expect(!maps.evidence.contains { $0.modality == .negated || $0.modality == .question || $0.status == "rejected" })
        let everything = try s.subgraph(StanceFilter())
        #expect(everything.evidence.count == 14)
        var withRejected = StanceFilter(); withRejected.includeRejected = true
        #expect(try s.subgraph(withRejected).evidence.count == 15)
    }

    @Test func edgesAggregateEvidencePerHolderTargetAndPolarity() throws {
        let s = try controversyStore()
        let g = try s.subgraph(.forMaps)
        #expect(g.edges.count == 8)
        #expect(g.nodes.count == 6)
        #expect(g.relations.count == 1)
        let union = try #require(g.edges.first { g.label($0.holder) == "Acme Workers Union" && $0.target.isIssue })
        #expect(union.count == 3)
        #expect(union.polarity == .opposes)
        #expect(union.firstDate == "2024-01-08" && union.lastDate == "2024-08-02")
        #expect(g.outlets(union) == ["Riverside Courier", "Valley Gazette"])
        #expect(g.evidence[union.evidence[0]].date == "2024-01-08")
        // Ray both supports and opposes: two edges, one per polarity.
        #expect(g.edges.filter { g.label($0.holder) == "Sen. Ray" }.map(\.polarity).sorted() == [.opposes, .supports])
    }

    @Test func strongestQuotePrefersConfidenceThenAssertedStatements() throws {
        let f = try FixtureBuilder()
        try f.article("x", text: "A might oppose B. A opposed B loudly. A opposed B again.",
                      stances: [FixtureBuilder.stance("A", .opposes, "B", "A might oppose B.", modality: .conditional, confidence: 0.9),
                                FixtureBuilder.stance("A", .opposes, "B", "A opposed B loudly.", confidence: 0.9),
                                FixtureBuilder.stance("A", .opposes, "B", "A opposed B again.", confidence: 0.5)])
        let g = try f.store.subgraph(.forMaps)
        let edge = try #require(g.edges.first)
        #expect(g.evidence[edge.strongest].quote == "A opposed B loudly.")
    }

    @Test func issueFilterKeepsStancesOnTheIssueAsTargetOrTopic() throws {
        let s = try controversyStore()
        var f = StanceFilter.forMaps
        f.about = try issueRef(s)
        let g = try s.subgraph(f)
        #expect(g.evidence.count == 12)  // union → Acme is about the closure (topic)
        f.about = try s.resolve("Acme", prefer: .actor).ref
        let aimedAtAcme = try s.subgraph(f)
        #expect(aimedAtAcme.evidence.map(\.quote) == ["The Acme Workers Union has long criticised Acme."])
    }

    @Test func aroundKeepsTheNeighbourhoodUpToDepth() throws {
        let s = try controversyStore()
        var f = StanceFilter.forMaps
        f.around = try s.resolve("Mayor Zoë Lee", prefer: .actor).ref
        f.depth = 1
        let one = try s.subgraph(f)
        #expect(one.nodes.map(\.label).sorted() == ["Mayor Zoë Lee", "plant closure"])
        #expect(one.edges.count == 2)
        f.depth = 2
        let two = try s.subgraph(f)
        #expect(two.edges.count == 8)
        f.depth = 0
        let zero = try s.subgraph(f)
        #expect(zero.edges.isEmpty && zero.nodes.map(\.label) == ["Mayor Zoë Lee"])
    }

    @Test func aroundFollowsOnlyTheStancesTheOtherFiltersKeep() throws {
        let s = try controversyStore()
        var f = StanceFilter.forMaps
        f.around = try s.resolve("Mayor Zoë Lee", prefer: .actor).ref
        f.depth = 2
        f.polarities = [.supports]
        let g = try s.subgraph(f)
        // Lee supports the closure; from there only supporters are reachable.
        #expect(Set(g.edges.map(\.polarity)) == [.supports])
        #expect(g.nodes.map(\.label).sorted() == ["Green Valley Council", "Mayor Zoë Lee", "Sen. Ray", "plant closure"])
    }

    @Test func datesKindsPolaritiesAndConfidenceFilter() throws {
        let s = try controversyStore()
        var f = StanceFilter.forMaps
        f.since = "2024-06"
        #expect(try s.subgraph(f).evidence.count == 7)
        f = .forMaps; f.until = "2024-06"
        #expect(try s.subgraph(f).evidence.count == 6)
        f = .forMaps; f.kinds = [.person]
        let people = try s.subgraph(f)
        #expect(Set(people.edges.map { people.label($0.holder) }) == ["Mayor Zoë Lee", "Sen. Ray"])
        #expect(people.nodes.count == 3)
        f = .forMaps; f.polarities = [.opposes]
        #expect(try s.subgraph(f).evidence.count == 7)
        f = .forMaps; f.minConfidence = 0.5
        #expect(try s.subgraph(f).evidence.count == 11)
    }

    @Test func coalitionsGroupActorsByTheirMainPosition() throws {
        let s = try controversyStore()
        let g = try s.subgraph(.forMaps)
        let coalitions = Coalition.find(in: g)
        let labels = coalitions.map { "\($0.label(in: g)): " + $0.members.map(g.label).sorted().joined(separator: ", ") }
        // Lee: one statement each way, the most recent against. Ray: two each way on the same
        // last day, so the tie goes to "for". Acme defends the closure: the same side.
        #expect(labels == ["for plant closure: Acme, Green Valley Council, Sen. Ray",
                           "against plant closure: Acme Workers Union, Mayor Zoë Lee"])
    }

    @Test func interchangeWithAStructuralFilterNarrowsEntitiesToo() throws {
        let s = try controversyStore()
        var f = StanceFilter.forMaps
        f.around = try s.resolve("Mayor Zoë Lee", prefer: .actor).ref
        let g = try s.interchange(filter: f, includeArticles: true)
        #expect(g.entities.map(\.name) == ["Mayor Zoë Lee"])
        #expect(g.issues?.map(\.label) == ["plant closure"])
        #expect(g.stances.count == 2)
        #expect(g.articles?.map(\.key).sorted() == ["a2", "a3"])
        let all = try s.interchange()
        #expect(all.entities.count == 6 && all.stances.count == 14)
    }
}

@Suite struct PartialDateTests {
    @Test(arguments: [("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
                      ("2023-02", "2023-02-01", "2023-02-28"), ("2024-03-04", "2024-03-04", "2024-03-04")])
    func spansCoverThePeriod(_ input: String, _ first: String, _ last: String) throws {
        let d = try #require(PartialDate(input))
        #expect(d.firstDay == first && d.lastDay == last && d.description == input)
    }

    @Test(arguments: ["", "24", "2024-13", "2024-02-30", "May 2024", "2024-1-2"])
    func rejectsWhatIsNotAnISODate(_ input: String) {
        #expect(PartialDate(input) == nil)
    }

    @Test func periodsKeepTheirOwnPrecision() throws {
        #expect(PartialDate("2024-03-04")?.period(.month) == "2024-03")
        #expect(PartialDate("2024-03")?.period(.day) == "2024-03")
        #expect(PartialDate("2024-03-04")?.period(.year) == "2024")
    }
}

@Suite struct ResolveTests {
    @Test func resolvesNamesAliasesIdsAndIssueWords() throws {
        let s = try controversyStore()
        #expect(try s.resolve("acme workers union", prefer: .actor).label == "Acme Workers Union")
        #expect(try s.resolve("Plant Closure", prefer: .issue).ref.isIssue)
        #expect(try s.resolve("closure", prefer: .issue).label == "plant closure")
        #expect(try s.resolve("MAYOR ZOË LEE", prefer: .actor).label == "Mayor Zoë Lee")
        let acme = try s.resolve("Acme", prefer: .actor)
        #expect(try s.resolve("#\(acme.ref.syntheticID)", prefer: .issue) == acme)
        let issue = try s.resolve("plant closure", prefer: .issue)
        #expect(try s.resolve("#\(issue.ref.syntheticID)", prefer: .actor) == issue)
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let s = try controversyStore()
        #expect {
            _ = try s.resolve("Acme Worker Onion", prefer: .actor)
        } throws: { error in
            guard case ResolveError.unknown(_, let suggestions) = error else { return false }
            return suggestions.first == "Acme Workers Union" && "\(error)".contains("did you mean 'Acme Workers Union'")
        }
        #expect(throws: ResolveError.self) { _ = try s.resolve("#e999", prefer: .actor) }
    }

    @Test func ambiguousWordsListTheCandidates() throws {
        let f = try FixtureBuilder()
        try f.article("x", text: "A opposed the plant closure. B opposed the school closure.",
                      stances: [FixtureBuilder.stance("A", .opposes, "plant closure", issue: true, "A opposed the plant closure."),
                                FixtureBuilder.stance("B", .opposes, "school closure", issue: true, "B opposed the school closure.")])
        #expect(throws: ResolveError.ambiguous(name: "closure", candidates: ["plant closure", "school closure"])) {
            _ = try f.store.resolve("closure", prefer: .issue)
        }
    }
}
