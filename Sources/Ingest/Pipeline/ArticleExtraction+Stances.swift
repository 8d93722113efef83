import Foundation
import Graph

extension ArticleExtraction {
    /// Pass 4: stances from cues, then from quotes and reported speech, into the graph.
    func findStances() {
        let dates = DateResolver(published: document.published)
        var seen = Set<String>()
        // Pass 1: cue-based stances. Pass 2 (below) reads quotes and reported speech, using the
        // sides speakers took in pass 1 when a quote carries no clear evaluation.
        var perSentence = analyses.map { stanceFinder.find(in: $0, speakerOrg: speakerOrg) }
        RuleExtractor.addOutcomeStances(&perSentence, analyses, finder: stanceFinder)
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
            let window = max(0, n - RuleExtractor.sideWindow)...min(perSentence.count - 1, n + RuleExtractor.sideWindow)
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
            let threshold = quoted.isEmpty ? RuleExtractor.speechThreshold : RuleExtractor.evaluationThreshold
            if abs(score) >= threshold {
                polarity = score < 0 ? .opposes : .supports
                // What the statement is about: an issue, or an actor that can hold a position
                // (groups and places named in a quote are usually those affected, not targets).
                // A person or organisation (also by description: "this president") comes before a
                // country or government named in passing ("… make America great again").
                var place: ArticleGraph.Target?
                // "… the facility is incredibly dangerous": a judgement with a copula is about its subject.
                if let subject = RuleExtractor.evaluatedSubject(a, span, negative: score < 0, lexicon: lexicon, resolver: resolver,
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
            // (in an article about a strike or protest, what goes on — "all units would remain open" — is not the protest)
            if !stanceFinder.protestIssue, let v = a.speechVerb, let sp = a.speaker, RuleExtractor.insistVerbs.contains(a.tokens[v].lower),
               !found.contains(where: { $0.holder == sp && !$0.rule.hasPrefix("quote") && !$0.rule.hasPrefix("speech") }),
               a.tokens[(v + 1)...].contains(where: { ["continue", "proceed", "persist", "remain"].contains($0.lower) }) || RuleExtractor.isReassurance(a.tokens[(v + 1)...]) {
                found.removeAll { $0.holder == sp }
                // (under criticism: the article reports opposition by someone else)
                let underFire = !opposingHolders.subtracting([sp, orgOf[sp]].compactMap { $0 }).isEmpty
                    || [sp, orgOf[sp]].compactMap { $0 }.contains(where: opposedActors.contains)
                // "said the fight will continue": what goes on is the speaker's own opposition.
                let ownFight = a.tokens[(v + 1)...].prefix(4).contains { RuleExtractor.fightNouns.contains($0.lower) }
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
                return [f] + RuleExtractor.coordinatedIssues(a, after: i, issues: issues).map { var g = f; g.target = .issue($0); return g }
            }
            for var f in found {
                // A spokesperson's position is their organisation's.
                if let org = spokespersonFor[f.holder] { f.holder = org }
                guard var target = f.target else { continue }
                // "The ruling was welcomed by X" after "EU blocks the takeover": a side on the act
                // against the issue is the other side on the issue.
                // (outcome rules — "the decision is a loss for X" — already read the act; quotes name no act)
                if headlineActAgainst, case .issue(let i) = target, i == topicIssue || i == mainIssue, !["outcome", "quote", "speech"].contains(where: { f.rule.hasPrefix($0) }),
                   RuleExtractor.refersToTheAct(a, issue: i) {
                    f.polarity = f.polarity == .supports ? .opposes : .supports
                }
                // "workers … objected to their employers": each holder's own organisation.
                if case .entity(let t) = target, RuleExtractor.employerWords.contains(NameKey.make(resolver.entities[t].name)), let org = orgOf[f.holder] {
                    target = .entity(org)
                }
                // A weak issue (mentioned once, outside title and lead, not named) is folded
                // into the article's issue rather than becoming a node of its own. A named one
                // ("the Dakota Access pipeline", "SB 12") is specific enough to stand.
                if case .issue(let i) = target, let main = mainIssue, i != main, issues[i].score < 3, issues[i].head != "bill",
                   !RuleExtractor.isNamed(issues[i].label), !introducedAsNew.contains(i) {
                    target = .issue(main)
                }
                // Undoing the repealed rules ("voted to repeal net neutrality rules") is a stance on the repeal.
                if let (r, x) = repealOf, target == .issue(x), f.rule.contains(".undo") || StanceFinder.undoing.contains(f.cue.lowercased())
                    || f.cue.split(separator: " ").first.map({ RuleExtractor.repealForms.contains(String($0).lowercased()) }) == true {
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
    }

    /// Pass 5: defence — an actor under criticism who speaks for what it is criticised for — and the graph's nodes.
    func markDefences() {
        let criticised = Set(graph.stances.filter { $0.polarity == .opposes }.compactMap { s -> Int? in
            if case .entity(let e) = s.target { return e } else { return nil }
        })
        for k in graph.stances.indices where graph.stances[k].polarity == .supports {
            let h = graph.stances[k].holder
            // "Responding to critics, the agency said …": a statement framed as an answer to critics.
            if RuleExtractor.answersCritics(analyses[graph.stances[k].sentence].tokens) { graph.stances[k].polarity = .defends; continue }
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
    }
}
