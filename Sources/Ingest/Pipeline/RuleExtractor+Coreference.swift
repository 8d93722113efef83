import Graph

/// Coreference: which actor a pronoun or description refers to, and group heads shared by
/// coordinated names.
extension RuleExtractor {
    /// "Google and Microsoft workers": a group head after coordinated organisation names belongs
    /// to each of them ("Google workers", "Microsoft workers"). A determiner before a name marks
    /// a separate actor ("the ACLU and Amazon employees"), so such names are left alone.
    static func distributeGroupHeads(_ mentions: inout [Mention], _ toks: [Token]) {
        for k in mentions.indices.reversed() {
            guard mentions[k].role == .group, let q = mentions[k].qualifier, mentions[k].name.hasPrefix(q + " ") else { continue }
            let head = String(mentions[k].name.dropFirst(q.count + 1))
            var right = mentions[k].start
            var j = k - 1
            while j >= 0, mentions[j].role == .named, [.organization, .other].contains(mentions[j].kind), !mentions[j].possessive, mentions[j].end <= right {
                let between = toks[mentions[j].end..<right].map(\.lower)
                guard !between.isEmpty, between.allSatisfy({ ["and", ",", "or"].contains($0) }),
                      mentions[j].start == 0 || !WordClasses.determiners.contains(toks[mentions[j].start - 1].lower) else { break }
                mentions[j].qualifier = mentions[j].name
                mentions[j].name += " " + head
                mentions[j].surface = mentions[j].name  // "Google" alone is not an alias of "Google workers"
                mentions[j].role = .group
                mentions[j].kind = mentions[k].kind
                right = mentions[j].start
                j -= 1
            }
        }
    }

    /// The antecedent of a pronoun or description: the most recent compatible actor.
    static func antecedent(of m: Mention, history: [(entity: Int, kind: EntityKind, plural: Bool)], resolver: EntityResolver) -> Int? {
        let w = m.lowerSurface
        let kinds: [EntityKind]
        switch m.role {
        case .pronoun: kinds = MentionFinder.pronounKinds[w] ?? []
        // ("the city" may be a place the lexicons do not know: kind other)
        default:
            // "the state", "the city" is a place's government, never a company or a plant.
            let head = MentionFinder.stripPossessive(m.name.lowercased()).0
            let placeHead = ["state", "city", "county", "town"].contains(head)
            kinds = [m.kind] + (m.kind == .organization ? [] : m.kind == .government ? (placeHead ? [] : [.organization]) + (["city", "town"].contains(head) ? [.other] : []) : [])
        }
        if w == "we" || w == "i" { return nil }  // resolved against the quote's speaker
        // "the council" after "the Council for Education Technology", "the union" after "the
        // Northshore Teachers Union": a description whose head is a word of a recent name.
        if m.role == .nominal {
            let head = NameKey.make(MentionFinder.stripPossessive(m.name).0)
            // "his office", "her campaign": the person's own (an attorney general's office acts for them).
            let words = m.lowerSurface.split(separator: " ")
            if words.count == 2, ["his", "her"].contains(words[0]), ["office", "team", "campaign", "staff"].contains(words[1]) {
                return history.reversed().first(where: { $0.kind == .person })?.entity
            }
            // "its members", "their members": the organisation's.
            if words.count == 2, ["its", "their"].contains(words[0]), ["members", "membership"].contains(words[1]) {
                return history.reversed().first(where: { [.organization, .government].contains($0.kind) })?.entity
            }
            // "the administration" is the one named by its leader ("the Biden administration") before
            // an agency whose name happens to end in the word.
            // "the federal government" is the national one: an administration or the country, never
            // the state or city last named.
            if MentionFinder.governingHeads.contains(head), m.lowerSurface.split(separator: " ").contains(where: { ["federal", "national", "central"].contains($0) }) {
                return history.reversed().first(where: {
                    let name = resolver.entities[$0.entity].name
                    return MentionFinder.governingHeads.contains(where: { name.hasSuffix(" " + $0) }) || name == "United States"
                })?.entity
            }
            if MentionFinder.governingHeads.contains(head),
               let h = history.reversed().first(where: { resolver.entities[$0.entity].name.hasSuffix(" " + head) }) {
                return h.entity
            }
            // "his administration" with no administration named: not whatever government came last
            // (a foreign one, a state); the leader's body is unknown here.
            if head.split(separator: " ").last == "administration" { return nil }
            // "the new coalition", "the alliance": a body of a particular form refers back only to a
            // name of that form (checked below); any other actor would be a guess.
            if ["coalition", "alliance", "union", "association", "federation", "council", "committee"].contains(head) {
                // (such a name may lie further back than the last dozen mentions)
                return history.reversed().first(where: { NameKey.make(resolver.entities[$0.entity].name).split(separator: " ").contains { $0 == head } })?.entity
            }
            if let h = history.reversed().prefix(12).first(where: { NameKey.make(resolver.entities[$0.entity].name).split(separator: " ").contains { $0 == head } }) {
                return h.entity
            }
            // "the employee" is one of the "Microsoft employees" named before, and nobody else.
            if MentionFinder.memberNouns.contains(head) {
                return history.reversed().first(where: { NameKey.make(resolver.entities[$0.entity].name).split(separator: " ").last.map { IssueFinder.singular(String($0)) } == head })?.entity
            }
        }
        // The kind the word names first ("the agency" → a government body), then the others.
        for pass in 0..<2 {
            for h in history.reversed() {
                // Pronouns accept any of their kinds at once; descriptions prefer the kind they name.
                guard pass == 0 && m.role != .pronoun ? h.kind == kinds.first : kinds.contains(h.kind) else { continue }
                if w == "they" || w == "them", h.kind == .person { continue }
                if (w == "it"), h.plural { continue }
                if m.role == .nominal, h.kind == .media { continue }
                // "the agency", "the department" is a body, not the state or country last named.
                if m.role == .nominal, ["agency", "bureau", "department", "regulator", "commission", "ministry", "office", "board"].contains(NameKey.make(MentionFinder.stripPossessive(m.name).0)),
                   resolver.lexicon.places.contains(resolver.entities[h.entity].key) { continue }
                // an unknown name standing for a city is one word, and not a plural ("Olympics")
                if m.role == .nominal, h.kind == .other, resolver.entities[h.entity].name.contains(" ") || resolver.entities[h.entity].name.hasSuffix("s") { continue }
                // "the company" is not "Harbor Union": a business description skips names ending
                // in another kind of organisation noun ("union", "council", "coalition").
                if m.role == .nominal, Self.businessWords.contains(NameKey.make(MentionFinder.stripPossessive(m.name).0)),
                   let last = NameKey.make(resolver.entities[h.entity].name).split(separator: " ").last.map(String.init),
                   MentionFinder.nominalHeads[last] != nil, !Self.businessWords.contains(last) { continue }
                return h.entity
            }
            if m.role == .pronoun { break }
        }
        return nil
    }
}
