import Foundation
import Graph

extension ArticleExtraction {
    /// Pass 2: mentions and entities — actors named and referred to (coreference by salience),
    /// roles, and the owners of issues.
    func findMentions() {
        for n in analyses.indices {
            historyAtSentence.append(history.count)
            var mentions = finder.find(in: analyses[n].sentence, text: scalars)
            // A named bill ("Senate Bill 1", "the Student Privacy Act") is an issue, not an actor.
            let bills = analyses[n].issues.filter { issues[$0.issue].head == "bill" }
            mentions.removeAll { m in bills.contains { $0.start < m.end && m.start < $0.end } }
            // A name ending in Act, Law, Amendment … is a law, never an actor.
            let sentenceTokens = analyses[n].tokens
            mentions.removeAll { m in
                m.role == .named && m.end > m.start + 1 && IssueFinder.actWords.contains(sentenceTokens[m.end - 1].text)
            }
            RuleExtractor.distributeGroupHeads(&mentions, sentenceTokens)
            // "company executives", "the firm's employees": the description is the organisation
            // the article has been talking about.
            for k in mentions.indices where mentions[k].role == .group
                && (mentions[k].qualifier == nil || ["company", "firm"].contains(mentions[k].qualifier?.lowercased() ?? "")) {
                let words = mentions[k].name.split(separator: " ")
                guard words.count == 2, ["company", "firm", "company's", "firm's"].contains(words[0].lowercased()),
                      let org = history.last(where: { $0.kind == .organization && !$0.plural })?.entity else { continue }
                mentions[k].qualifier = resolver.entities[org].name
                mentions[k].name = resolver.entities[org].name + " " + words[1]
            }
            for k in mentions.indices {
                switch mentions[k].role {
                case .named, .group:
                    // "The union began a strike, with some 46,000 members walking off the job": bare
                    // "members" acting are the organisation named before them in the sentence.
                    if mentions[k].role == .group, mentions[k].qualifier == nil, ["members", "its members", "their members"].contains(mentions[k].name.lowercased()),
                       let org = mentions[..<k].last(where: { $0.role == .named && $0.kind == .organization && $0.entity != nil })?.entity {
                        mentions[k].entity = org
                        continue
                    }
                    // "the city's residents", "Acme's engineers": a possessor right before a bare
                    // group qualifies it ("Hamburg residents", "Acme engineers").
                    if mentions[k].role == .group, mentions[k].qualifier == nil, k > 0, mentions[k - 1].possessive,
                       mentions[k - 1].end == mentions[k].start, let p = mentions[k - 1].entity,
                       [.organization, .government, .other].contains(resolver.entities[p].kind) {
                        let owner = resolver.entities[p].name
                        mentions[k].qualifier = owner
                        mentions[k].name = owner + " " + mentions[k].name
                        mentions[k].surface = mentions[k].name
                    }
                    let e = resolver.resolve(mentions[k])
                    mentions[k].entity = e
                    // "Makan Delrahim, who leads …": a two- or three-word name taking "who" is a person.
                    let end = mentions[k].end
                    if mentions[k].role == .named, end + 1 < sentenceTokens.count, sentenceTokens[end].text == ",", sentenceTokens[end + 1].lower == "who",
                       [.other, .organization].contains(resolver.entities[e].kind), (2...3).contains(resolver.entities[e].words.count),
                       !resolver.entities[e].words.contains(where: { lexicon.orgWords[$0] != nil || EntityResolver.companySuffixes.contains($0) }) {
                        resolver.setKind(e, .person)
                    }
                    // "employees of Veridian Systems … the company": the qualifier is mentioned too.
                    if mentions[k].qualifier != nil, let q = resolver.lastQualifier, q != e {
                        history.append((q, resolver.entities[q].kind, false))
                    }
                    history.append((e, resolver.entities[e].kind, mentions[k].role == .group))
                case .pronoun, .nominal:
                    mentions[k].entity = RuleExtractor.antecedent(of: mentions[k], history: history, resolver: resolver)

                }
            }
            // "the 737" after "the Boeing 737 MAX": a model number stands for the product.
            let numbered = sentenceTokens.indices.dropLast().filter { sentenceTokens[$0].lower == "the" && sentenceTokens[$0 + 1].kind == .number }
            var coveredTokens = numbered.isEmpty ? [] : Set(mentions.flatMap { Array($0.start..<$0.end) })
            for k in numbered where !coveredTokens.contains(k + 1) {
                let number = sentenceTokens[k + 1].text
                guard let e = resolver.entities.indices.first(where: { resolver.entities[$0].kind == .product && resolver.entities[$0].words.dropFirst().contains(number) }) else { continue }
                var m = Mention(sentence: analyses[n].sentence.index, start: k + 1, end: k + 2, name: resolver.entities[e].name, surface: number, kind: .product, role: .nominal)
                m.entity = e
                mentions.append(m)
                coveredTokens.insert(k + 1)
            }
            mentions.sort { $0.start < $1.start }
            // "AWS head Andy Jassy": a lowercase role links the person to the preceding name.
            for k in mentions.indices where k > 0 && mentions[k].kind == .person && mentions[k].title != nil && mentions[k].qualifier == nil {
                let prev = mentions[k - 1]
                let roleWords = mentions[k].title?.split(separator: " ").count ?? 1
                if prev.end == mentions[k].start - roleWords, prev.role == .named, let pe = prev.entity, mentions[k].entity != nil,
                   resolver.entities[pe].kind != .person {
                    mentions[k].qualifier = resolver.entities[pe].name
                    _ = resolver.resolve(mentions[k])  // records the leads relation
                }
            }
            // Appositions give roles: "Dana Whitfield, chairman of the Harbor Preservation
            // Society," / "Tom Reyes, the union’s lead negotiator," → leads / member_of.
            let toks = analyses[n].tokens
            for k in mentions.indices where mentions[k].kind == .person && mentions[k].role == .named {
                guard let person = mentions[k].entity, mentions[k].end < toks.count, toks[mentions[k].end].text == "," else { continue }
                var role: String?
                // ("Wade Roe, a lobsterman from Vinal Harbor and the alliance's vice president,": a role may come second)
                for other in mentions[(k + 1)...].prefix(3) where other.start - mentions[k].end <= 10 {
                    guard let org = other.entity, [.organization, .government, .group].contains(resolver.entities[org].kind) || other.role == .nominal else { continue }
                    let between = toks[mentions[k].end..<other.start].map(\.lower)
                    let after = other.end < toks.count ? toks[other.end..<min(toks.count, other.end + 3)].map(\.lower) : []
                    // "chairman of the tribe" (role before) or "the union’s lead negotiator" (role after a possessive)
                    role = between.first(where: { lexicon.lowerTitles.contains($0) || ["negotiator", "organizer", "organiser", "member", "founder", "director"].contains($0) })
                    if role == nil, other.possessive {
                        role = after.first(where: { lexicon.lowerTitles.contains($0) || ["negotiator", "organizer", "organiser", "member", "founder", "director"].contains($0) })
                    }
                    if let r = role {
                        // ("the alliance's vice president": a deputy is a member, not the leader)
                        let deputy = (between + after).contains { ["vice", "deputy", "assistant", "associate"].contains($0) }
                        resolver.relate(person, org, StanceFinder.leaderRoles.contains(r) && !deputy ? .leads : .memberOf)
                        if RuleExtractor.spokesRoles.contains(r) { spokespersonFor[person] = org }
                        break
                    }
                }
            }
            // "Acme spokeswoman Jane Doe": a spokesperson named with their organisation.
            for m in mentions where m.kind == .person {
                guard let e = m.entity, let t = m.title?.lowercased(), RuleExtractor.spokesRoles.contains(t) else { continue }
                if let r = resolver.relations.first(where: { $0.from == e && $0.type == .memberOf }) { spokespersonFor[e] = r.to; continue }
                // "Chinese foreign ministry spokeswoman Hua Chunying": a ministry of a nationality speaks
                // for that country's government.
                var b = m.start - 2
                var sawBody = false
                while b >= 0, m.start - b <= 5, toks[b].kind == .word, !toks[b].isCapitalized {
                    if MentionFinder.governingHeads.contains(toks[b].lower) || ["embassy", "office", "department"].contains(toks[b].lower) { sawBody = true }
                    b -= 1
                }
                if sawBody, b >= 0, let country = lexicon.demonyms[toks[b].text] {
                    spokespersonFor[e] = resolver.entity(named: country, kind: .government)
                }
            }
            // A named bill ("Senate Bill 1", "the Student Privacy Act") is an issue, not an actor;
            // so is a name that ends in an issue's head ("the Northshore Pipeline"), which stays
            // known as an entity (a product) without acting as one.
            mentions.removeAll { m in
                guard m.role == .named, let iss = analyses[n].issues.first(where: { $0.start <= m.start && m.end == $0.end }),
                      m.end - 1 < toks.count, lexicon.issueNouns.contains(toks[m.end - 1].lower) else { return false }
                if let e = m.entity, issues[iss.issue].head != "bill" { resolver.setKind(e, .product) }
                return true
            }
            // "RENO, Nev., Feb 8 (Reuters) - A tribe sued …": the dateline's place and agency are no actors.
            if n <= 1, let dash = RuleExtractor.datelineEnd(toks) { mentions.removeAll { $0.end <= dash } }
            analyses[n].mentions = mentions
            analyses[n].indexMentions()
        }

        // A description with nothing before it ("The Dutch firm behind …" in the lead) refers
        // to the article's most mentioned actor of that kind.
        let pendingNominals = analyses.indices.flatMap { n in
            analyses[n].mentions.indices.filter { analyses[n].mentions[$0].role == .nominal && analyses[n].mentions[$0].entity == nil }.map { (n, $0) }
        }
        for (n, k) in pendingNominals {
            let kind = analyses[n].mentions[k].kind
            // The actor named next (in the following sentences) is the one the description introduced.
            let following = n + 1 < analyses.count ? analyses[(n + 1)...min(n + 2, analyses.count - 1)].flatMap { a in
                a.mentions.filter { $0.role == .named }
            }.compactMap(\.entity).first { resolver.entities[$0].kind == kind } : nil
            if let f = following {
                analyses[n].mentions[k].entity = f
            } else if let best = resolver.entities.indices.filter({ resolver.entities[$0].kind == kind }).max(by: { resolver.entities[$0].mentions < resolver.entities[$1].mentions }),
               resolver.entities[best].mentions >= 2 {
                analyses[n].mentions[k].entity = best
            }
        }

        // Issues owned by an actor: "Amazon's contracts", "his company's practice of …".
        var ownerVotes: [Int: [Int: Int]] = [:]
        for a in analyses {
            for iss in a.issues where iss.start > 0 {
                // (only a phrase with the issue's own head: "the Trust's proposal" does not own "the privacy law")
                let head = IssueFinder.singular(issues[iss.issue].head)
                guard a.tokens[iss.start..<iss.end].contains(where: { IssueFinder.singular(MentionFinder.stripPossessive($0.lower).0) == head }) else { continue }
                if let mi = a.mentionAt[iss.start - 1], a.mentions[mi].possessive, let e = a.mentions[mi].entity,
                   [.organization, .government, .person].contains(resolver.entities[e].kind) {
                    ownerVotes[iss.issue, default: [:]][e, default: 0] += 1
                }
            }
        }
        // A possessive in the headline ("Uber's London license") names the owner too.
        for i in issues.indices where ownerVotes[i] == nil {
            // The longest known name at the end of the possessor ("Renew Rideshare Co" in a title → "Rideshare Co").
            guard let words = issues[i].owner?.split(separator: " ") else { continue }
            let known = words.indices.lazy.compactMap { self.resolver.existing(named: words[$0...].joined(separator: " ")) }.first
            if let e = known, [.organization, .government, .person, .other].contains(resolver.entities[e].kind) {
                ownerVotes[i] = [e: 1]
            }
        }
        for (i, votes) in ownerVotes.sorted(by: { $0.key < $1.key }) {
            // Ties go to the actor with the lower index (first mentioned): output must not depend on hashing.
            guard let best = votes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { continue }
            // A person's possession ("his practice") belongs to the organisation they lead.
            var owner = best.key
            if resolver.entities[owner].kind == .person, let org = resolver.relations.first(where: { $0.from == owner && $0.type == .leads })?.to { owner = org }
            issueOwner[i] = owner
            // The owner's shortest name: "OSHA" rather than "Occupational Safety and Health Administration".
            let forms = [resolver.entities[owner].name] + resolver.entities[owner].aliases
            let name = forms.first { $0.count >= 2 && $0.allSatisfy { $0.isUppercase || $0 == "&" } } ?? forms[0]
            // "Uber's London license" is "Uber London license"; a label naming its owner already stays.
            let labelWords = Set(NameKey.make(issues[i].label).split(separator: " "))
            let ownerWords = Set(forms.flatMap { NameKey.make($0).split(separator: " ") })
            if issues[i].head != "bill", labelWords.isDisjoint(with: ownerWords),
               !issues[i].label.contains(where: \.isUppercase) || !name.contains(" ") {
                issues[i].relabel(name + " " + issues[i].label)
            }
        }

        // "…, the head of the CBI said. Carolyn Fairbairn said …": a lead that names only a role
        // is followed by a sentence that opens with the name of its holder.
        if analyses.count > 1, let org = RuleExtractor.leaderRoleOrganisation(analyses[0]),
           let first = analyses[1].mentions.first, first.start == 0, first.role == .named, first.kind == .person, let person = first.entity,
           !resolver.relations.contains(where: { $0.from == person && ($0.type == .leads || $0.type == .memberOf) }),
           !resolver.relations.contains(where: { $0.to == org && $0.type == .leads }) {
            resolver.relate(person, org, .leads)
        }
    }
}
