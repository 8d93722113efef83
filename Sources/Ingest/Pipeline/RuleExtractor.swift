import Foundation
import Graph

/// The graphq extractor: shallow, lexicon- and pattern-driven analysis in the tradition of
/// TABARI/PETRARCH, aimed at positions on issues. See docs/EXTRACTION.md for the design.
public struct RuleExtractor: Extractor {
    public let version = "rules-1"
    static let spokesRoles: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople"]
    static let speechThreshold = 0.8

    static let businessWords: Set<String> = ["company", "firm", "retailer", "carrier", "automaker", "airline", "manufacturer",
                                             "startup", "conglomerate", "corporation", "giant", "operator", "utility"]
    static let speakingGroups: Set<String> = ["officials", "spokespeople", "spokesmen", "spokeswomen", "representatives"]

    static let employerWords: Set<String> = ["employers", "employer", "bosses", "boss", "management", "their employers"]
    static let sideWindow = 3
    static let evaluationThreshold = 0.3
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .bundled) { self.lexicon = lexicon }

    public func extract(_ document: Document) -> ArticleGraph {
        let scalars = Array(document.text.unicodeScalars)
        let sentences = SentenceSplitter.split(Tokenizer.tokenize(scalars))
        var analyses = sentences.map { SentenceAnalysis(sentence: $0) }
        var resolver = EntityResolver(lexicon: lexicon)
        var finder = MentionFinder(lexicon: lexicon)
        for s in sentences {
            for (k, t) in s.tokens.enumerated() where k > 0 && t.kind == .word && t.isCapitalized && s.tokens[k - 1].kind != .openQuote {
                finder.midSentenceCapitals.insert(MentionFinder.stripPossessive(t.text).0)
            }
        }

        // Words seen in lowercase in the body: used to de-capitalise title-case issue labels.
        var bodyLower = Set<String>()
        for s in sentences { for t in s.tokens where t.kind == .word && !t.isCapitalized { bodyLower.insert(t.lower) } }

        // 1. Issues: title first (it names what the article is about), then the body.
        var issueFinder = IssueFinder(lexicon: lexicon)
        for s in sentences { for t in s.tokens where t.kind == .word || t.kind == .number { issueFinder.bodyWords.insert(MentionFinder.stripPossessive(t.lower).0) } }
        var issues: [IssueFinder.Issue] = []
        // Sentence where each issue was last named, for anaphora ("the pipeline" after "the Dakota Access pipeline").
        var lastNamed: [Int: Int] = [:]
        var sentenceNow = -1
        /// The known issue a phrase names again: a shared name, the same head with nested words,
        /// or a procedural step of a project ("a permit for the pipeline").
        func matchingIssue(_ cand: IssueFinder.Issue) -> Int? {
            let cNames = Set(([cand.label] + cand.aliases).map(NameKey.make))
            return issues.indices.first { i in
                let e = issues[i]
                let nested = cand.words.count >= 2 && e.words.count >= 2 && (cand.words.isSubset(of: e.words) || e.words.isSubset(of: cand.words))
                return !Set(([e.label] + e.aliases).map(NameKey.make)).isDisjoint(with: cNames) || nested && e.head == cand.head
                    || Self.isProcedural(e, cand)
            }
        }
        func issueIndex(for cand: IssueFinder.Issue, anaphoric: Bool) -> Int? {
            if anaphoric {
                // "the bill" → an issue with that head named in the last two sentences, else the
                // most salient one with that head, else the main issue.
                let sameHead = issues.indices.filter { IssueFinder.sameReferent(issues[$0].head, cand.head) }
                if let recent = sameHead.filter({ (lastNamed[$0] ?? -9) >= sentenceNow - 2 }).max(by: { (lastNamed[$0] ?? 0, $1) < (lastNamed[$1] ?? 0, $0) }) {
                    return recent
                }
                if let i = sameHead.max(by: { issues[$0].score < issues[$1].score }) { return i }
                // Only a head that can describe anything ("the practice", "the business practices")
                // falls back to the article's issue; "the soda tax" is not "the law" (it is new).
                if cand.words.count < 2 || IssueFinder.genericHeads.contains(IssueFinder.singular(cand.head)) {
                    return issues.indices.max(by: { issues[$0].score < issues[$1].score })
                }
            }
            if let i = matchingIssue(cand) {
                let e = issues[i]
                // "a permit for the Keystone XL pipeline" is about the pipeline: the issue keeps the project's name.
                if IssueFinder.proceduralHeads.contains(e.head), !IssueFinder.proceduralHeads.contains(cand.head), Self.isProcedural(e, cand) {
                    issues[i].aliases.append(issues[i].label)
                    issues[i].label = cand.label
                    issues[i].head = cand.head
                    issues[i].words = cand.words
                }
                // The numbered bill is the better label ("SB 12 (Senate Bill 12)").
                if cand.head == "bill", e.head != "bill" || cand.label.contains("(") && !e.label.contains("(") {
                    issues[i].aliases.append(issues[i].label)
                    issues[i].label = cand.label
                    issues[i].head = "bill"
                }
                for a in cand.aliases where !issues[i].aliases.contains(a) && a != issues[i].label { issues[i].aliases.append(a) }
                if issues[i].owner == nil { issues[i].owner = cand.owner }
                return i
            }
            guard !cand.words.isEmpty else { return nil }
            issues.append(cand)
            return issues.count - 1
        }
        // The issue the headline names is the controversy the article covers: every stance's topic.
        var titleIssues: [Int] = []
        var repealOf: (repeal: Int, of: Int)?
        if let title = document.title.map(Self.strippingWireSlug) {
            let tScalars = Array(title.unicodeScalars)
            let tToks = Tokenizer.tokenize(tScalars)
            for p in issueFinder.phrases(in: tToks, titleCase: true, bodyLowercase: bodyLower) where !p.issue.words.isEmpty {
                // A bare noun after a named issue ("… signs bill banning X … moves to block law") refers back to it.
                if let i = issueIndex(for: p.issue, anaphoric: p.issue.words.count <= 1 && !issues.isEmpty) {
                    issues[i].score += 3
                    if !titleIssues.contains(i) { titleIssues.append(i) }
                    // "FCC repeals net neutrality rules": the controversy is the repeal, an issue of its own
                    // (supporting the repeal is opposing the rules).
                    if let noun = Self.undoingNoun(tToks, before: p.start), issues[i].words.count >= 2 {
                        var r = IssueFinder.Issue(label: issues[i].label + " " + noun, head: noun, score: issues[i].score + 1,
                                                  words: issues[i].words.union([noun]))
                        r.aliases = []
                        issues.append(r)
                        repealOf = (issues.count - 1, i)
                        titleIssues.append(issues.count - 1)
                    }
                }
            }
        }
        // "… signed a bill that would prohibit X in New York": the lead's place is the jurisdiction
        // of the headline's law, and belongs to its name.
        func qualifyByPlace(_ t: Int, _ n: Int, _ end: Int) {
            guard n == 0, titleIssues.contains(t), IssueFinder.legislativeHeads.contains(IssueFinder.singular(issues[t].head)),
                  !Self.isNamed(issues[t].label), let place = jurisdiction(analyses[n].tokens, after: end),
                  !issues[t].label.lowercased().contains(place.lowercased()) else { return }
            issues[t].aliases.append(issues[t].label)
            issues[t].label = place + " " + issues[t].label
            issues[t].words.formUnion(IssueFinder.contentWords(place))
        }
        var introducedAsNew = Set<Int>()
        var issueMembers: [Int: [Int]] = [:]
        for n in analyses.indices {
            let toks = analyses[n].tokens
            for p in issueFinder.phrases(in: toks, titleCase: false, bodyLowercase: []) {
                // Bare and definite references ("the bill", "the business practices") are given
                // information: they point back at an issue unless they name a new one.
                let sharesWords = issues.contains { !$0.words.intersection(p.issue.words).isEmpty }
                let salient = issues.contains { $0.score >= 3 }
                let anaphoric = issueFinder.isAnaphoric(toks, p.start, p.end) || p.issue.words.count <= 1 && !issues.isEmpty
                    || issueFinder.isDefiniteDescription(toks, p.start, p.end) && !sharesWords && salient
                sentenceNow = n
                // "two projects", "both pipelines": a plural description of the two issues named just before.
                if p.end - p.start == 2, ["two", "both"].contains(toks[p.start].lower), p.issue.head.hasSuffix("s") {
                    let recent = lastNamed.filter { $0.value >= n - 1 && issues[$0.key].words.count >= 2 }
                        .sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map(\.key)
                    if recent.count >= 2, let i = issueIndex(for: p.issue, anaphoric: false) {
                        issueMembers[i] = Array(recent.prefix(2)).sorted()
                        analyses[n].issues.append((p.start, p.end, i))
                        continue
                    }
                }
                // The lead restates the headline: "a first-in-the-nation bill" in the first sentence
                // is the headline's bill, however differently it is described (legislation only:
                // "a strike against GM" and "GM auto workers strike" differ in what they name).
                if n == 0, !anaphoric, IssueFinder.legislativeHeads.contains(IssueFinder.singular(p.issue.head))
                    || IssueFinder.transactionHeads.contains(IssueFinder.singular(p.issue.head)),
                   let t = titleIssues.first(where: { IssueFinder.sameReferent(issues[$0].head, p.issue.head) && issues[$0].words.count >= 2 }),
                   !Self.isNamed(issues[t].label), !p.issue.words.isSubset(of: issues[t].words), !p.issue.words.isEmpty, matchingIssue(p.issue) == nil,
                   !issues.indices.contains(where: { $0 != t && IssueFinder.sameReferent(issues[$0].head, p.issue.head) }) {
                    // A proper name ("the Student Privacy Act", "SB 12") is the better label.
                    if Self.isNamed(p.issue.label) {
                        issues[t].aliases.append(issues[t].label)
                        issues[t].label = p.issue.label
                        issues[t].head = p.issue.head
                        issues[t].words = p.issue.words
                        for a in p.issue.aliases where !issues[t].aliases.contains(a) { issues[t].aliases.append(a) }
                    } else if !issues[t].aliases.contains(p.issue.label) { issues[t].aliases.append(p.issue.label) }
                    qualifyByPlace(t, n, p.end)
                    issues[t].score += 2
                    lastNamed[t] = n
                    analyses[n].issues.append((p.start, p.end, t))
                    continue
                }
                guard let i = issueIndex(for: p.issue, anaphoric: anaphoric) else { continue }
                qualifyByPlace(i, n, p.end)
                if !anaphoric { lastNamed[i] = n }
                // "lawmakers should pass a bipartisan infrastructure plan": an indefinite description
                // introduces something new, never just a rewording of the article's issue.
                // ("a flawed law" only judges a known one: its modifiers must say more than a verdict)
                if !anaphoric, p.start > 0, ["a", "an"].contains(toks[p.start - 1].lower), p.issue.words.count >= 2,
                   p.issue.words.contains(where: { $0 != p.issue.head && lexicon.evaluative[$0] == nil && lexicon.sentiment[$0] == nil }) {
                    introducedAsNew.insert(i)
                }
                issues[i].score += n < 2 ? 2 : 1
                if !anaphoric, p.issue.label != issues[i].label, !issues[i].aliases.contains(p.issue.label) { issues[i].aliases.append(p.issue.label) }
                analyses[n].issues.append((p.start, p.end, i))
            }
        }
        // "its subcontract on Project Maven": a deal the headline names generically is the deal
        // about the program the body names; the program's name joins its label.
        if let t = titleIssues.first(where: { IssueFinder.dealHeads.contains(issues[$0].head) && !Self.isNamed(issues[$0].label) }),
           let program = analyses.lazy.compactMap({ self.dealSubject($0.tokens) }).first,
           !issues[t].label.lowercased().contains(program.lowercased()) {
            issues[t].aliases.append(issues[t].label)
            issues[t].label = program + " " + issues[t].label
            issues[t].words.formUnion(IssueFinder.contentWords(program))
        }
        // Bare-noun issues ("the practice" with nothing earlier) are not worth a node.
        // A bare noun ("the campaign", "law") names no issue well enough to be the article's
        // issue while a described one exists.
        let described = issues.indices.filter { issues[$0].words.count >= 2 }
        let mainIssue = repealOf?.repeal ?? (described.isEmpty ? Array(issues.indices) : described).max { issues[$0].score < issues[$1].score }
        let topicIssue = repealOf?.repeal ?? titleIssues.filter { issues[$0].words.count >= 2 }.max { issues[$0].score < issues[$1].score } ?? mainIssue
        if let t = topicIssue { Self.addNamedModifiers(&issues, to: t) }

        // 2. Mentions and entities, with coreference by salience.
        var history: [(entity: Int, kind: EntityKind, plural: Bool)] = []
        var historyAtSentence: [Int] = []
        // People who speak for an organisation ("a spokesman for Acme"): their words are its stance.
        var spokespersonFor: [Int: Int] = [:]
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
            Self.distributeGroupHeads(&mentions, sentenceTokens)
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
                    mentions[k].entity = Self.antecedent(of: mentions[k], history: history, resolver: resolver)

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
                for other in mentions[(k + 1)...].prefix(2) where other.start - mentions[k].end <= 6 {
                    guard let org = other.entity, [.organization, .government, .group].contains(resolver.entities[org].kind) || other.role == .nominal else { continue }
                    let between = toks[mentions[k].end..<other.start].map(\.lower)
                    let after = other.end < toks.count ? toks[other.end..<min(toks.count, other.end + 3)].map(\.lower) : []
                    // "chairman of the tribe" (role before) or "the union’s lead negotiator" (role after a possessive)
                    role = between.first(where: { lexicon.lowerTitles.contains($0) || ["negotiator", "organizer", "organiser", "member", "founder", "director"].contains($0) })
                    if role == nil, other.possessive {
                        role = after.first(where: { lexicon.lowerTitles.contains($0) || ["negotiator", "organizer", "organiser", "member", "founder", "director"].contains($0) })
                    }
                    if let r = role {
                        resolver.relate(person, org, StanceFinder.leaderRoles.contains(r) ? .leads : .memberOf)
                        if Self.spokesRoles.contains(r) { spokespersonFor[person] = org }
                    }
                    break
                }
            }
            // "Acme spokeswoman Jane Doe": a spokesperson named with their organisation.
            for m in mentions where m.kind == .person {
                guard let e = m.entity, let t = m.title?.lowercased(), Self.spokesRoles.contains(t) else { continue }
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
            let known = words.indices.lazy.compactMap { resolver.existing(named: words[$0...].joined(separator: " ")) }.first
            if let e = known, [.organization, .government, .person, .other].contains(resolver.entities[e].kind) {
                ownerVotes[i] = [e: 1]
            }
        }
        var issueOwner: [Int: Int] = [:]
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
                issues[i].aliases.append(issues[i].label)
                issues[i].label = name + " " + issues[i].label
            }
        }

        // "…, the head of the CBI said. Carolyn Fairbairn said …": a lead that names only a role
        // is followed by a sentence that opens with the name of its holder.
        if analyses.count > 1, let org = Self.leaderRoleOrganisation(analyses[0]),
           let first = analyses[1].mentions.first, first.start == 0, first.role == .named, first.kind == .person, let person = first.entity,
           !resolver.relations.contains(where: { $0.from == person && ($0.type == .leads || $0.type == .memberOf) }),
           !resolver.relations.contains(where: { $0.to == org && $0.type == .leads }) {
            resolver.relate(person, org, .leads)
        }

        // 3. Quotes and speakers.
        var stanceFinder = StanceFinder(lexicon: lexicon, mainIssue: mainIssue)
        stanceFinder.issueWords = issues.map(\.words)
        if let t = topicIssue, IssueFinder.protestHeads.contains(IssueFinder.singular(issues[t].head)) {
            stanceFinder.protestIssue = true
            stanceFinder.counterparty = Self.namedParty(in: [issues[t].label] + issues[t].aliases, entities: resolver.entities)
        }
        for r in resolver.relations where r.type == .leads && stanceFinder.leaders[r.to] == nil { stanceFinder.leaders[r.to] = r.from }
        let quotes = QuoteAttributor(lexicon: lexicon)
        quotes.markQuotes(&analyses)
        quotes.attribute(&analyses, finder: stanceFinder)

        // "he" inside someone's quote is not the speaker: re-resolve such pronouns.
        for n in analyses.indices {
            guard let sp = analyses[n].speaker else { continue }
            for k in analyses[n].mentions.indices where analyses[n].mentions[k].role == .pronoun && analyses[n].mentions[k].entity == sp {
                let m = analyses[n].mentions[k]
                guard m.start < analyses[n].inQuote.count, analyses[n].inQuote[m.start], ["he", "him", "she", "her", "they", "them"].contains(m.lowerSurface) else { continue }
                let earlier = Array(history[0..<historyAtSentence[n]]).filter { $0.entity != sp }
                analyses[n].mentions[k].entity = Self.antecedent(of: m, history: earlier, resolver: resolver)
            }
        }

        // Organisations people speak for (leads / member_of), for "we" in quotes.
        var orgOf: [Int: Int] = [:]
        let sortedRelations = resolver.relations.sorted { ($0.from, $0.to, $0.type.rawValue) < ($1.from, $1.to, $1.type.rawValue) }
        for r in sortedRelations where r.type == .leads || r.type == .memberOf { orgOf[r.from] = orgOf[r.from] ?? r.to }
        var parentOf: [Int: Int] = [:]
        for r in sortedRelations where r.type == .partOf || r.type == .productOf { parentOf[r.from] = parentOf[r.from] ?? r.to }
        let speakerOrg: (Int) -> Int? = { orgOf[$0] }
        // "UAW officials said …": officials and spokespeople of a named organisation speak for it.
        for r in sortedRelations where r.type == .memberOf && spokespersonFor[r.from] == nil {
            if let last = resolver.entities[r.from].name.split(separator: " ").last, Self.speakingGroups.contains(last.lowercased()),
               resolver.entities[r.from].kind == .group {
                spokespersonFor[r.from] = r.to
            }
        }

        if ProcessInfo.processInfo.environment["GRAPHQ_TRACE"] != nil { trace(analyses, issues: issues, main: mainIssue, resolver: resolver) }

        // 4. Stances.
        let dates = DateResolver(published: document.published)
        var graph = ArticleGraph()
        var seen = Set<String>()
        // Pass 1: cue-based stances. Pass 2 (below) reads quotes and reported speech, using the
        // sides speakers took in pass 1 when a quote carries no clear evaluation.
        var perSentence = analyses.map { stanceFinder.find(in: $0, speakerOrg: speakerOrg) }
        Self.addOutcomeStances(&perSentence, analyses, finder: stanceFinder)
        // Actors criticised in the article by cue-based stances (for rebuttals below).
        let criticisedEarly = Set(perSentence.flatMap { $0 }.filter { $0.polarity == .opposes }.compactMap { f -> Int? in
            if case .entity(let e)? = f.target { return e } else { return nil }
        })
        var side: [Int: [Polarity: Int]] = [:]
        func noteSide(_ f: FoundStance) { side[f.holder, default: [:]][f.polarity, default: 0] += 1 }
        for list in perSentence { for f in list where f.modality != .negated { noteSide(f) } }
        var sideTarget: [Int: ArticleGraph.Target] = [:]
        for list in perSentence { for f in list where f.modality != .negated && sideTarget[f.holder] == nil { sideTarget[f.holder] = f.target } }
        // The side a speaker took nearby (within a few sentences): positions can change within
        // an article ("would veto" in January, signed in April), so distant evidence is not used.
        func priorSide(_ e: Int, near n: Int) -> (Polarity, ArticleGraph.Target?)? {
            let window = max(0, n - Self.sideWindow)...min(perSentence.count - 1, n + Self.sideWindow)
            for who in [e, orgOf[e]].compactMap({ $0 }) {
                var counts: [Polarity: Int] = [:]
                var target: ArticleGraph.Target?
                for m in window where m != n {
                    for f in perSentence[m] where f.holder == who && f.modality != .negated {
                        counts[f.polarity, default: 0] += 1
                        if target == nil { target = f.target }
                    }
                }
                if let best = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) { return (best.key, target) }
            }
            return nil
        }
        for (n, a) in analyses.enumerated() {
            // (a named member's own words count besides the organisation's stance: "said Jane Roe of
            // Consumers Union, which opposes the bill"; a spokesperson's are the organisation's)
            guard let sp = a.speaker, !perSentence[n].contains(where: { $0.holder == sp || $0.holder == speakerOrg(sp) && spokespersonFor[sp] != nil }) else { continue }
            guard resolver.entities[sp].kind != .media else { continue }
            let quoted = a.tokens.indices.filter { a.inQuote[$0] }
            let span: ArraySlice<Token>
            // A quoted word or two ("would not be a “catastrophe”") is read with the words before it.
            if let f = quoted.first, let l = quoted.last { span = a.tokens[(l - f < 4 ? max(0, f - 5) : f)...l] }
            else if let v = a.speechVerb, v + 1 < a.tokens.count {
                // "A full-speed rollout would be disastrous, the farm leader said on Monday": the
                // statement comes before an attribution that ends the sentence.
                let after = a.tokens[(v + 1)...].filter { $0.kind == .word && !IssueFinder.isTemporal($0) && !WordClasses.prepositions.contains($0.lower) }
                if after.count < 2, let comma = a.tokens.indices[..<v].last(where: { a.tokens[$0].text == "," }), comma >= 4 {
                    span = a.tokens[..<comma]
                } else { span = a.tokens[(v + 1)...] }
            } else { continue }
            let score = quotes.evaluate(span)
            var polarity: Polarity?
            var confidence = min(0.75, 0.45 + 0.1 * abs(score))
            var rule = quoted.isEmpty ? "speech.evaluative" : "quote.evaluative"
            var target: ArticleGraph.Target? = nil
            // Reported speech without quotation marks mixes the reporter's words in: ask for more.
            let threshold = quoted.isEmpty ? Self.speechThreshold : Self.evaluationThreshold
            if abs(score) >= threshold {
                polarity = score < 0 ? .opposes : .supports
                // What the statement is about: an issue, or an actor that can hold a position
                // (groups and places named in a quote are usually those affected, not targets).
                // A person or organisation (also by description: "this president") comes before a
                // country or government named in passing ("… make America great again").
                var place: ArticleGraph.Target?
                // "… the facility is incredibly dangerous": a judgement with a copula is about its subject.
                if let subject = Self.evaluatedSubject(a, span, negative: score < 0, lexicon: lexicon, resolver: resolver,
                                                       excluding: [sp, speakerOrg(sp)].compactMap { $0 }, main: stanceFinder.mainTarget) {
                    target = subject
                }
                var placeEnd = -1
                for k in span.startIndex..<span.endIndex where target == nil {
                    if let iss = a.issueAt(k) { target = .issue(iss.issue); break }
                    // ("must now go to Washington, D.C.": a place where something happens is no target,
                    // nor the place in apposition to it)
                    let locative = k > 0 && ["in", "at", "to", "into", "from", "across", "throughout"].contains(a.tokens[k - 1].lower)
                        || k > 0 && k == placeEnd + 1 && a.tokens[k - 1].text == ","
                    if locative, let mi = a.mentionAt[k], a.mentions[mi].start == k { placeEnd = a.mentions[mi].end }
                    if let mi = a.mentionAt[k], let e = a.mentions[mi].entity, e != sp, e != speakerOrg(sp),
                       !(locative && [.government, .other, .organization].contains(resolver.entities[e].kind) && !a.mentions[mi].possessive),
                       a.mentions[mi].role == .named || a.mentions[mi].role == .nominal && resolver.entities[e].kind == .person {
                        switch resolver.entities[e].kind {
                        case .organization, .person, .product: target = .entity(e)
                        case .government:
                            // a country or state is a target as an actor: a subject or a possessor
                            // ("the UK has made the wrong decision", "the UK's promises"), not a place named
                            let m = a.mentions[mi]
                            let acting = m.possessive || m.end < a.tokens.count && a.tokens[m.end].kind == .word && !a.tokens[m.end].isCapitalized
                                && !WordClasses.prepositions.contains(a.tokens[m.end].lower) && !WordClasses.coordinators.contains(a.tokens[m.end].lower)
                            if place == nil, acting { place = .entity(e) }
                        default: break
                        }
                        if target != nil { break }
                    }
                }
                if target == nil { target = place }
                // Nothing named in the quote: what the speaker took a side on nearby, if anything.
                if target == nil, let (prior, priorTarget) = priorSide(sp, near: n), prior.side == polarity?.side { target = priorTarget }
            } else if let (prior, priorTarget) = priorSide(sp, near: n) {
                polarity = prior; confidence = 0.4; target = priorTarget
                rule = quoted.isEmpty ? "speech.side" : "quote.side"
            }
            guard let pol = polarity else { continue }
            // A criticised actor speaking negatively about its own issue is rebutting its critics,
            // not opposing the issue: leave such quotes out.
            let speakerSide = [sp, orgOf[sp], orgOf[sp].flatMap { parentOf[$0] }].compactMap { $0 }
            if pol == .opposes, target == nil, speakerSide.contains(where: { criticisedEarly.contains($0) }) { continue }
            let f = FoundStance(holder: spokespersonFor[sp] ?? sp, polarity: pol, target: target ?? stanceFinder.mainTarget, modality: .asserted,
                                cue: quoted.isEmpty ? "reported speech" : "quote", rule: rule,
                                confidence: confidence * (target == nil ? 0.85 : 1))
            perSentence[n].append(f)
            noteSide(f)
        }
        // Who opposes the article's issue (or a given actor): those a continuing statement answers.
        let opposingHolders = Set(perSentence.flatMap { $0 }.filter { $0.polarity == .opposes && $0.target == stanceFinder.mainTarget }.map(\.holder))
        let opposedActors = Set(perSentence.flatMap { $0 }.filter { $0.polarity == .opposes }.compactMap { f -> Int? in
            if case .entity(let e)? = f.target { return e } else { return nil }
        })
        for (n, a) in analyses.enumerated() {
            var found = perSentence[n]
            // A specific target beats the article-issue default for the same holder and sentence.
            let explicitHolders = Set(found.filter { !$0.rule.contains(".default") && ($0.target != stanceFinder.mainTarget || !$0.rule.hasPrefix("quote") && !$0.rule.hasPrefix("speech")) }.map(\.holder))
            found.removeAll { $0.rule.contains(".default") && explicitHolders.contains($0.holder) }
            // Insisting that something will continue, while under criticism, defends it.
            // So does a reassurance: "promises that the experience isn't going to change", "insisted
            // a no-deal scenario would not be a catastrophe".
            // The reading overrides a quote's word balance ("would not be a “catastrophe”" is not
            // against anything). Only an actor under criticism defends; anyone else supports.
            if let v = a.speechVerb, let sp = a.speaker, Self.insistVerbs.contains(a.tokens[v].lower),
               !found.contains(where: { $0.holder == sp && !$0.rule.hasPrefix("quote") && !$0.rule.hasPrefix("speech") }),
               a.tokens[(v + 1)...].contains(where: { ["continue", "proceed", "persist", "remain"].contains($0.lower) }) || Self.isReassurance(a.tokens[(v + 1)...]) {
                found.removeAll { $0.holder == sp }
                // (under criticism: the article reports opposition by someone else)
                let underFire = !opposingHolders.subtracting([sp, orgOf[sp]].compactMap { $0 }).isEmpty
                    || [sp, orgOf[sp]].compactMap { $0 }.contains(where: opposedActors.contains)
                // "said the fight will continue": what goes on is the speaker's own opposition.
                let ownFight = a.tokens[(v + 1)...].prefix(4).contains { Self.fightNouns.contains($0.lower) }
                // (the fight is against what the speaker opposed nearby, if anything)
                let fought = ownFight ? priorSide(sp, near: n).flatMap { $0.0 == .opposes ? $0.1 : nil } : nil
                found.append(FoundStance(holder: sp, polarity: ownFight ? .opposes : underFire ? .defends : .supports, target: fought ?? stanceFinder.mainTarget,
                                         modality: .asserted, cue: a.tokens[v].text, rule: ownFight ? "speech.fight" : "speech.continue", confidence: 0.6))
            }
            let date = dates.resolve(a.tokens)
            // A stance on "the two projects" is a stance on each; one on "X and Y" (issues joined
            // in the object) is one on both.
            found = found.flatMap { f -> [FoundStance] in
                guard case .issue(let i)? = f.target else { return [f] }
                if let members = issueMembers[i] { return members.map { var g = f; g.target = .issue($0); return g } }
                guard !f.rule.hasPrefix("quote"), !f.rule.hasPrefix("speech"), !f.rule.contains(".default") else { return [f] }
                return [f] + Self.coordinatedIssues(a, after: i, issues: issues).map { var g = f; g.target = .issue($0); return g }
            }
            for var f in found {
                // A spokesperson's position is their organisation's.
                if let org = spokespersonFor[f.holder] { f.holder = org }
                guard var target = f.target else { continue }
                // "workers … objected to their employers": each holder's own organisation.
                if case .entity(let t) = target, Self.employerWords.contains(NameKey.make(resolver.entities[t].name)), let org = orgOf[f.holder] {
                    target = .entity(org)
                }
                // A weak issue (mentioned once, outside title and lead, not named) is folded
                // into the article's issue rather than becoming a node of its own. A named one
                // ("the Dakota Access pipeline", "SB 12") is specific enough to stand.
                if case .issue(let i) = target, let main = mainIssue, i != main, issues[i].score < 3, issues[i].head != "bill",
                   !Self.isNamed(issues[i].label), !introducedAsNew.contains(i) {
                    target = .issue(main)
                }
                // Undoing the repealed rules ("voted to repeal net neutrality rules") is a stance on the repeal.
                if let (r, x) = repealOf, target == .issue(x), f.rule.contains(".undo") || StanceFinder.undoing.contains(f.cue.lowercased())
                    || f.cue.split(separator: " ").first.map({ Self.repealForms.contains(String($0).lowercased()) }) == true {
                    target = .issue(r)
                    if f.polarity == .opposes { f.polarity = .supports } else if f.polarity == .supports { f.polarity = .opposes }
                }
                let key = "\(f.holder)|\(f.polarity)|\(target)|\(a.sentence.index)"
                guard seen.insert(key).inserted else { continue }
                var topic: Int? = topicIssue
                if case .issue(let i) = target, topicIssue == nil { topic = i }
                let evidence = String(String.UnicodeScalarView(scalars[a.sentence.start..<a.sentence.end]))
                graph.stances.append(.init(holder: f.holder, polarity: f.polarity, target: target, topic: topic, sentence: a.sentence.index,
                                           start: a.sentence.start, end: a.sentence.end, evidence: evidence, cue: f.cue,
                                           date: date?.0 ?? document.published, datePrecision: date?.1,
                                           modality: f.modality, confidence: RuleReliability.confidence(rule: f.rule, local: f.confidence), rule: f.rule))
            }
        }

        // 5. Defence: an actor under criticism in this article who speaks for what it is criticised for.
        let criticised = Set(graph.stances.filter { $0.polarity == .opposes }.compactMap { s -> Int? in
            if case .entity(let e) = s.target { return e } else { return nil }
        })
        for k in graph.stances.indices where graph.stances[k].polarity == .supports {
            let h = graph.stances[k].holder
            // "Responding to critics, the agency said …": a statement framed as an answer to critics.
            if Self.answersCritics(analyses[graph.stances[k].sentence].tokens) { graph.stances[k].polarity = .defends; continue }
            let org = orgOf[h]
            let parent = org.flatMap { parentOf[$0] }
            if criticised.contains(h) || org.map(criticised.contains) == true || parent.map(criticised.contains) == true,
               graph.stances[k].rule.hasPrefix("quote") || graph.stances[k].rule.hasPrefix("speech") {
                graph.stances[k].polarity = .defends
            }
        }

        // "pushes back" with nothing named: a criticised actor rebuts (defends); anyone else resists
        // what the article is about (opposes).
        for k in graph.stances.indices where graph.stances[k].rule == "svo.default:push back" && !criticised.contains(graph.stances[k].holder) {
            graph.stances[k].polarity = .opposes
        }

        graph.entities = resolver.entities.map { .init(name: $0.name, kind: $0.kind, aliases: $0.aliases) }
        graph.issues = issues.enumerated().map { .init(label: $0.element.label, aliases: $0.element.aliases, owner: issueOwner[$0.offset]) }
        graph.relations = resolver.relations.sorted { ($0.from, $0.to, $0.type.rawValue) < ($1.from, $1.to, $1.type.rawValue) }
            .map { .init(from: $0.from, to: $0.to, type: $0.type) }
        return graph
    }

    /// Prints the analysis of each sentence to stderr (set GRAPHQ_TRACE=1), for rule debugging.
    func trace(_ analyses: [SentenceAnalysis], issues: [IssueFinder.Issue], main: Int?, resolver: EntityResolver) {
        var out = "issues: " + issues.enumerated().map { "\($0.offset):\($0.element.label)(\($0.element.score))" }.joined(separator: "; ")
        out += "  main=\(main.map(String.init) ?? "-")\n"
        let sf = StanceFinder(lexicon: lexicon, mainIssue: main)
        for a in analyses {
            out += "[\(a.sentence.index)/p\(a.sentence.paragraph)] " + a.tokens.enumerated().map { k, t in
                var w = t.text
                if let mi = a.mentionAt[k], a.mentions[mi].start == k { w = "[" + w }
                if let mi = a.mentionAt[k], a.mentions[mi].end == k + 1 {
                    let m = a.mentions[mi]
                    w += "]\(m.entity.map { "→" + resolver.entities[$0].name } ?? "→?")"
                }
                if a.inQuote[k] { w = "‹" + w + "›" }
                return w
            }.joined(separator: " ")
            out += "\n    speaker=\(a.speaker.map { resolver.entities[$0].name } ?? "-") cues=\(sf.cues(in: a).map { $0.cue.label + "/" + $0.cue.frame.rawValue })"
            out += " issues=\(a.issues.map { issues[$0.issue].label })\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }

}
