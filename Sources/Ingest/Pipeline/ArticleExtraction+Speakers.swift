import Foundation
import Graph

extension ArticleExtraction {
    /// Pass 3: quotes and their speakers, and whom each speaker speaks for.
    func attributeSpeakers() {
        stanceFinder = StanceFinder(lexicon: lexicon, mainIssue: mainIssue)
        stanceFinder.issueWords = issues.map(\.words)
        stanceFinder.issueHeads = issues.map(\.head)
        if let t = topicIssue, IssueFinder.protestHeads.contains(IssueFinder.singular(issues[t].head)) {
            stanceFinder.protestIssue = true
            stanceFinder.counterparty = RuleExtractor.namedParty(in: [issues[t].label] + issues[t].aliases, entities: resolver.entities)
                ?? analyses.prefix(2).lazy.compactMap { RuleExtractor.protestVenue($0, finder: self.stanceFinder) }.first
        }
        for r in resolver.relations where r.type == .leads && stanceFinder.leaders[r.to] == nil { stanceFinder.leaders[r.to] = r.from }
        quotes = QuoteAttributor(lexicon: lexicon)
        quotes.markQuotes(&analyses)
        quotes.attribute(&analyses, finder: stanceFinder)

        // "he" inside someone's quote is not the speaker: re-resolve such pronouns.
        for n in analyses.indices {
            guard let sp = analyses[n].speaker else { continue }
            for k in analyses[n].mentions.indices where analyses[n].mentions[k].role == .pronoun && analyses[n].mentions[k].entity == sp {
                let m = analyses[n].mentions[k]
                guard m.start < analyses[n].inQuote.count, analyses[n].inQuote[m.start], ["he", "him", "she", "her", "they", "them"].contains(m.lowerSurface) else { continue }
                let earlier = Array(history[0..<historyAtSentence[n]]).filter { $0.entity != sp }
                analyses[n].mentions[k].entity = RuleExtractor.antecedent(of: m, history: earlier, resolver: resolver)
            }
        }

        let sortedRelations = resolver.relations.sorted { ($0.from, $0.to, $0.type.rawValue) < ($1.from, $1.to, $1.type.rawValue) }
        for r in sortedRelations where r.type == .leads || r.type == .memberOf { orgOf[r.from] = orgOf[r.from] ?? r.to }
        for r in sortedRelations where r.type == .partOf || r.type == .productOf { parentOf[r.from] = parentOf[r.from] ?? r.to }
        // "UAW officials said …": officials and spokespeople of a named organisation speak for it.
        for r in sortedRelations where r.type == .memberOf && spokespersonFor[r.from] == nil {
            if let last = resolver.entities[r.from].name.split(separator: " ").last, RuleExtractor.speakingGroups.contains(last.lowercased()),
               resolver.entities[r.from].kind == .group {
                spokespersonFor[r.from] = r.to
            }
        }

        if ProcessInfo.processInfo.environment["GRAPHQ_TRACE"] != nil { extractor.trace(analyses, issues: issues, main: mainIssue, resolver: resolver) }
    }
}
