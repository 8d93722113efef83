import Graph

/// A stance found in one sentence, before it becomes an edge of the article graph.
struct FoundStance {
    var holder: Int
    var polarity: Polarity
    var target: ArticleGraph.Target?
    var modality: Modality
    var cue: String
    var rule: String
    var confidence: Double
}

/// Matches stance cues in a sentence and reads their arguments off the shallow structure:
/// subjects (with coordinated lists and relative clauses), objects, passive agents, addressees
/// of requests, holders in object position, nominal and prepositional stance phrases.
struct StanceFinder {
    let lexicon: Lexicon
    let mainIssue: Int?
    /// The person who leads each organisation, when the article says so ("Harbor Trust chief Dana
    /// Whitfield"): "the head of the trust said" is that person speaking.
    var leaders: [Int: Int] = [:]
    /// Content words of each issue of the article ("Net-neutrality supporters" names its issue).
    var issueWords: [Set<String>] = []
    /// The head noun of each issue of the article.
    var issueHeads: [String] = []

    struct CueMatch { var start: Int; var end: Int; var cue: Lexicon.Cue }

    /// Cue occurrences in the sentence, longest match at each position.
    func cues(in a: SentenceAnalysis) -> [CueMatch] {
        let toks = a.tokens
        var out: [CueMatch] = []
        var i = 0
        while i < toks.count {
            let t = toks[i]
            guard t.kind == .word, let cands = lexicon.cues[t.lower] else { i += 1; continue }
            // A capitalised cue mid-sentence is a name ("Support Network"), except inside groups.
            if t.isCapitalized && i > 0 && !(a.mentionAt[i].map { a.mentions[$0].role == .group } ?? false) { i += 1; continue }
            var best: CueMatch?
            // "burial grounds", "legal challenges": an -s form after a plain modifier is a plural noun.
            let pluralNoun = i > 0 && t.lower.hasSuffix("s") && !t.lower.hasSuffix("ss") && toks[i - 1].kind == .word && !toks[i - 1].isCapitalized
                && a.mentionAt[i - 1] == nil && !Self.closedClass(toks[i - 1].lower)
            for c in cands {
                if pluralNoun, c.isVerb, c.label.split(separator: " ").first.map({ String($0) != t.lower }) == true { continue }
                var k = i + 1
                var ok = true
                for w in c.words {
                    // allow up to two filler words: "raised serious concerns", "filed a federal lawsuit"
                    var gap = 0
                    // ("voted 6-1 to approve": a tally may stand in between)
                    while k < toks.count, toks[k].lower != w, gap < 2, toks[k].kind == .word || toks[k].kind == .number, !toks[k].isCapitalized,
                          lexicon.cues[toks[k].lower] == nil || WordClasses.determiners.contains(toks[k].lower) {
                        k += 1; gap += 1
                    }
                    if k < toks.count, toks[k].lower == w { k += 1 } else { ok = false; break }
                }
                guard ok else { continue }
                // ("a strike against": after a determiner the noun reading of a word wins)
                // ("drew support from X": a noun before "from")
                let nounContext = i > 0 && WordClasses.determiners.contains(toks[i - 1].lower) || k < toks.count && ["from", "among"].contains(toks[k].lower)
                if best == nil || k - i > best!.end - best!.start || k - i == best!.end - best!.start && !c.isVerb && nounContext {
                    best = CueMatch(start: i, end: k, cue: c)
                }
            }
            if var b = best {
                // Participles used as adjectives ("the proposed ban", "a protesting crowd") are not cues,
                // except group/nominal frames.
                if b.cue.isVerb, b.end - b.start == 1, i > 0, t.lower.hasSuffix("ed") || t.lower.hasSuffix("ing"),
                   WordClasses.determiners.contains(toks[i - 1].lower) || MentionFinder.stripPossessive(toks[i - 1].text).1 {
                    i += 1; continue
                }
                // "reviewing proposed software fixes": a participle between a gerund and its noun is an adjective.
                if b.cue.isVerb, b.end - b.start == 1, i > 0, i + 1 < toks.count, t.lower.hasSuffix("ed"), toks[i - 1].lower.hasSuffix("ing"),
                   toks[i - 1].kind == .word, a.mentionAt[i - 1] == nil, lexicon.cues[toks[i - 1].lower] == nil,
                   toks[i + 1].kind == .word, !toks[i + 1].isCapitalized, !WordClasses.determiners.contains(toks[i + 1].lower),
                   !WordClasses.prepositions.contains(toks[i + 1].lower), !WordClasses.objectPronouns.contains(toks[i + 1].lower) {
                    i += 1; continue
                }
                // A bare single-word verb lemma ("back", "protest", "fight") is often a noun or
                // adverb: accept it only when an object follows.
                let afterToOrModal = i > 0 && (toks[i - 1].lower == "to" || WordClasses.conditionalModals.contains(toks[i - 1].lower)
                    || WordClasses.futureMarkers.contains(toks[i - 1].lower))
                if b.cue.isVerb, b.end - b.start == 1, b.cue.words.isEmpty, Inflector.isLemma(t.lower, of: b.cue.label), !afterToOrModal {
                    let next = i + 1 < toks.count ? toks[i + 1] : nil
                    let objectFollows = next.map { n in WordClasses.determiners.contains(n.lower) || a.mentionAt[i + 1] != nil
                        || WordClasses.objectPronouns.contains(n.lower) || a.issueAt(i + 1) != nil } ?? false
                    if !objectFollows { i += 1; continue }
                }
                // A verb cue right after a preposition is a noun ("over concerns", "a wave of protests").
                if b.cue.isVerb, i > 0, WordClasses.prepositions.contains(toks[i - 1].lower), toks[i - 1].lower != "to",
                   !(toks[i - 1].lower == "from" && t.lower.hasSuffix("ing")) {
                    i += 1; continue
                }
                // A verb cue after a determiner or number is a noun ("the fight", "one question").
                if b.cue.isVerb, i > 0, WordClasses.determiners.contains(toks[i - 1].lower) || toks[i - 1].kind == .number
                    || ["one", "two", "three"].contains(toks[i - 1].lower) {
                    i += 1; continue
                }
                // Verb lemmas that are also nouns ("support for", "protest over") keep their verb frame.
                if b.cue.frame == .urge, b.cue.words.isEmpty, ["tell", "told", "tells", "ask", "asked", "asks"].contains(t.lower) {
                    b.cue.confidence -= 0.05
                }
                out.append(b)
                i = b.end
            } else {
                i += 1
            }
        }
        return out
    }

    func find(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?) -> [FoundStance] {
        var found: [FoundStance] = []
        var consumedUntil = -1
        for m in cues(in: a) {
            // "stopped short of criticizing": the idiom refrains; the act after it is negated there.
            if m.end + 1 < a.tokens.count, a.tokens[m.end].lower == "short", a.tokens[m.end + 1].lower == "of" { continue }
            // The verb of a request ("urged X to cancel …") is part of the request, not a stance of X.
            if m.start < consumedUntil { continue }
            var objectEnd = -1
            let results = apply(m, a, speakerOrg: speakerOrg, lastObjectEnd: &objectEnd)
            // (a request verb with no addressee after it — "demands by workers, who …", "issued
            // executive orders or enacted laws" — is a noun and frames no request)
            let addressed = m.end < a.tokens.count && !["by", "from", "of"].contains(a.tokens[m.end].lower) && firstMention(a, from: m.end, within: 3) != nil
            if m.cue.frame == .urge && addressed || results.contains(where: { $0.rule.hasPrefix("urge") }) { consumedUntil = m.end + 9 }
            // Cues inside the object of a stance ("fight efforts to repeal the ban") belong to it.
            if !results.isEmpty, objectEnd > consumedUntil { consumedUntil = objectEnd }
            found += results
        }
        found += funding(in: a, speakerOrg: speakerOrg, taken: Set(found.map(\.holder)))
        found += legalActions(in: a, taken: Set(found.map(\.holder)))
        found += licensing(in: a, speakerOrg: speakerOrg, taken: Set(found.map(\.holder)))
        found += votes(in: a, speakerOrg: speakerOrg, taken: Set(found.map(\.holder)))
        found += passages(in: a, taken: Set(found.map(\.holder)))
        found += failures(in: a, taken: Set(found.map(\.holder)))
        found += authorship(in: a, taken: Set(found.map(\.holder)))
        found += efforts(in: a, speakerOrg: speakerOrg, taken: Set(found.map(\.holder)))
        found += labelling(in: a, speakerOrg: speakerOrg, taken: Set(found.map(\.holder)))
        return found
    }

    static let labellingVerbs: Set<String> = ["call", "calls", "called", "calling", "describe", "describes", "described", "describing",
                                              "label", "labels", "labeled", "labelled", "brand", "brands", "branded", "branding", "dub", "dubbed"]

    /// "called the water bill a disaster", "described the merger as reckless": a verdict on what
    /// is named, read from the evaluative words of the verdict.
    func labelling(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.labellingVerbs.contains(toks[k].lower) {
            guard k + 1 < toks.count, !["for", "on", "upon", "off", "it", "out", "up"].contains(toks[k + 1].lower),
                  let span = objectSpan(a, after: k + 1, excluding: []), span.end < toks.count else { continue }
            var v = span.end
            if v < toks.count, toks[v].lower == "as" { v += 1 }
            let end = toks[v...].prefix(8).firstIndex { [",", ".", ";", ":"].contains($0.text) || WordClasses.subordinators.contains($0.lower) } ?? min(toks.count, v + 8)
            guard end > v else { continue }
            let score = QuoteAttributor(lexicon: lexicon).evaluate(toks[v..<end])
            guard abs(score) >= 0.3 else { continue }
            let holders = subjects(a, before: k, speakerOrg: speakerOrg).filter { !taken.contains($0) }
            for h in holders where span.target != .entity(h) {
                out.append(FoundStance(holder: h, polarity: score < 0 ? .opposes : .supports, target: span.target, modality: modality(a, k).0 == .negated ? .negated : .asserted,
                                       cue: toks[k].text, rule: "label:\(toks[k].lower)", confidence: 0.6))
            }
        }
        return out
    }

    /// Verbs of effort whose infinitive states a goal: "has been trying to close the plant".
    static let effortVerbs: Set<String> = Set(["try", "seek", "attempt", "strive", "push", "work", "move", "want", "aim", "fight", "scramble"].flatMap(Inflector.forms(of:)))
    /// Request verbs too vague to make a goal a stance ("trying to keep prices low", "moved to cut costs").
    static let vagueGoals: Set<String> = ["vote", "strike", "fire", "cut", "quit", "pull", "join", "remove", "allow", "keep", "limit", "restrict",
                                          "delay", "pause", "investigate", "reconsider", "rethink", "refrain", "resign", "divest", "delete",
                                          "sever", "cease", "end", "continue", "expand", "accept", "grant"]

    /// "Governor Hale has been trying to close the plant", "the city sought to preserve the
    /// park": an effort to stop something opposes it, an effort to adopt or keep it supports it.
    /// Goals that are stance cues themselves ("sought to block") are read by their cue.
    func efforts(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.effortVerbs.contains(toks[k].lower) && !a.inQuote[k] {
            guard k + 2 < toks.count, toks[k + 1].lower == "to" else { continue }
            let v = k + 2
            let verb = toks[v].lower
            guard let polarity = lexicon.urgeComplements[verb], lexicon.cues[verb] == nil, !Self.vagueGoals.contains(verb) else { continue }
            let holders = subjects(a, before: k, speakerOrg: speakerOrg).filter { !taken.contains($0) }
            guard !holders.isEmpty, let target = object(a, after: v + 1, excluding: Set(holders)) else { continue }
            for h in holders {
                if case .entity(let t) = target, t == h { continue }
                out.append(FoundStance(holder: h, polarity: polarity, target: target, modality: modality(a, k).0 == .negated ? .negated : .intended,
                                       cue: "\(toks[k].text) to \(toks[v].text)", rule: "effort:\(verb)", confidence: 0.6))
            }
        }
        return out
    }

    static let authorRoles: Set<String> = ["sponsor", "sponsors", "co-sponsor", "co-sponsors", "cosponsor", "cosponsors", "author",
                                           "authors", "architect", "architects", "champion", "champions", "backer", "backers"]

    /// "the bill's authors, Pat Roberts and Debbie Stabenow", "Paul Reyes, the law's sponsor,":
    /// the author or sponsor of a measure, in apposition, supports it.
    func authorship(in a: SentenceAnalysis, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices.dropFirst() where Self.authorRoles.contains(toks[k].lower) {
            guard let iss = a.issueAt(k - 1), iss.end == k, MentionFinder.stripPossessive(toks[k - 1].text).1 else { continue }
            var holders: [Int] = []
            if k + 2 < toks.count, toks[k + 1].text == "," {
                // "the bill's authors, committee chairman A and Sen. B, the senior Democrat, were …":
                // the people named in the apposition (up to its verb).
                var j = k + 2
                var named: [Int] = []
                while j < toks.count, !WordClasses.auxiliaries.contains(toks[j].lower), lexicon.speechVerbs.contains(toks[j].lower) == false,
                      toks[j].text != "." || j + 1 < toks.count && toks[j + 1].isCapitalized {  // "Sen. B" is not the end
                    if let mi = a.mentionAt[j], a.mentions[mi].role == .named, a.mentions[mi].entity != nil { named.append(mi); j = a.mentions[mi].end; continue }
                    j += 1
                }
                let people = named.filter { a.mentions[$0].kind == .person }
                holders = (people.isEmpty ? named : people).compactMap { a.mentions[$0].entity }
            }
            var s = iss.start - 1
            while s >= 0, WordClasses.determiners.contains(toks[s].lower) { s -= 1 }
            if holders.isEmpty, s >= 1, toks[s].text == ",", let mi = a.mentionAt[s - 1], let e = a.mentions[mi].entity {
                holders = [e]  // "Paul Reyes, the law's sponsor,"
            }
            for h in holders where !taken.contains(h) {
                out.append(FoundStance(holder: h, polarity: .supports, target: .issue(iss.issue), modality: .asserted,
                                       cue: toks[k].text, rule: "act:\(toks[k].lower)", confidence: 0.7))
            }
        }
        return out
    }

    static let legalActionNouns: Set<String> = ["lawsuit", "lawsuits", "suit", "suits", "challenge", "challenges", "complaint",
                                                "complaints", "petition", "petitions", "appeal", "appeals", "motion", "motions"]

    /// "Two lawsuits were filed against the rule, one by A and B and the other by C", "a suit
    /// brought by ten states against the merger": the parties named with "by" around a legal
    /// action against something oppose it. (Its subject — "A filed a lawsuit against X" — is the
    /// cue's business.)
    func legalActions(in a: SentenceAnalysis, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.legalActionNouns.contains(toks[k].lower) && a.mentionAt[k] == nil {
            let clauseEnd = toks.indices[k...].first { [";", "."].contains(toks[$0].text) && !Self.isAbbreviationPeriod(toks, $0) } ?? toks.count
            // the agents: every "by LIST" in the clause after the noun
            var holders: [Int] = []
            var lastAgentEnd = k
            var j = k + 1
            while j < clauseEnd {
                if toks[j].lower == "by" {
                    let list = coordinatedList(a, j + 1)
                    for e in list.entities where !holders.contains(e) { holders.append(e) }
                    if let end = list.end { lastAgentEnd = end; j = end; continue }
                }
                j += 1
            }
            guard !holders.isEmpty else { continue }
            // "against" right after the noun and its verb ("were initiated against"), or after the agents
            // ("filed by ten states against the merger")
            let near = (k + 1)..<min(clauseEnd, k + 5)
            let against = near.first { toks[$0].lower == "against" && toks[(k + 1)..<$0].allSatisfy { $0.kind == .word && !$0.isCapitalized } }
                ?? (lastAgentEnd < clauseEnd && toks[lastAgentEnd].lower == "against" ? lastAgentEnd : nil)
            guard let ag = against, let target = object(a, after: ag + 1, excluding: Set(holders)) else { continue }
            for h in holders where !taken.contains(h) {
                if case .entity(let t) = target, t == h { continue }
                out.append(FoundStance(holder: h, polarity: .opposes, target: target, modality: modality(a, k).0 == .negated ? .negated : .asserted,
                                       cue: toks[k].text, rule: "act:legal action by", confidence: 0.75))
            }
        }
        return out
    }

    /// "The council voted 5-2 on Tuesday to rezone the rail yard", "voted unanimously last year to
    /// endorse it": a vote to do something takes the side of what it does — the complement verb's
    /// side, or support for the issue the verb names ("rezone" → "rezoning").
    func votes(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.voteWords.contains(toks[k].lower) && k > 0 {
            var j = k + 1
            while j < toks.count, j - k <= 9, Self.isTallyOrTime(toks[j]) { j += 1 }
            // ("to" right after the vote is the cue lexicon's business: "voted to approve")
            guard j > k + 1, j + 1 < toks.count, toks[j].lower == "to", toks[j + 1].kind == .word, !toks[j + 1].isCapitalized else { continue }
            let verb = toks[j + 1].lower
            var polarity = lexicon.urgeComplements[verb]
            var target: ArticleGraph.Target?
            if polarity == nil {
                // "voted to rezone" when the article is about a rezoning
                let nominals = [verb + "ing", String(verb.dropLast()) + "ing"]
                if let iss = issueNamed(by: nominals) { polarity = .supports; target = .issue(iss) }
            }
            guard let pol = polarity else { continue }
            let holders = subjects(a, before: k, speakerOrg: speakerOrg).filter { !taken.contains($0) }
            guard !holders.isEmpty else { continue }
            if target == nil { target = object(a, after: j + 2, excluding: Set(holders)) ?? mainTarget }
            guard let t = target else { continue }
            for h in holders {
                if case .entity(let e) = t, e == h { continue }
                out.append(FoundStance(holder: h, polarity: pol, target: t, modality: modality(a, k).0 == .negated ? .negated : .asserted,
                                       cue: "voted to \(verb)", rule: "act:vote to", confidence: 0.8))
            }
        }
        return out
    }

    static let voteWords: Set<String> = ["voted", "votes", "vote"]

    /// A word of a vote's tally, time or manner: "5-2", "unanimously", "on Tuesday night", "last year".
    static func isTallyOrTime(_ t: Token) -> Bool {
        t.kind == .number || ["-", "–"].contains(t.text)
            || t.kind == .word && (WordClasses.isAdverb(t.lower) || IssueFinder.isTemporal(t) || ["on", "in", "at", "late", "early"].contains(t.lower))
    }

    /// True when the words before `to` are a vote and its tally or time: "voted 5-2 on Tuesday to".
    static func isVoteTally(_ toks: [Token], before to: Int) -> Bool {
        var j = to - 1
        while j >= 0, to - j <= 10 {
            if voteWords.contains(toks[j].lower) { return true }
            guard isTallyOrTime(toks[j]) else { return false }
            j -= 1
        }
        return false
    }

    /// Function words, adverbs and the like: a word before a verb that is no noun modifier.
    static func closedClass(_ w: String) -> Bool {
        WordClasses.determiners.contains(w) || WordClasses.isAdverb(w) || WordClasses.auxiliaries.contains(w) || WordClasses.isNegator(w)
            || WordClasses.subjectPronouns.contains(w) || WordClasses.relativePronouns.contains(w) || WordClasses.coordinators.contains(w)
            || WordClasses.prepositions.contains(w) || WordClasses.subordinators.contains(w) || WordClasses.intentionVerbs.contains(w)
    }

    /// "Senate Bill 412 … passed the Senate 14-10 and the House 201-163", "It passed the state
    /// House 112-41": the chambers a measure passed voted for it.
    func passages(in a: SentenceAnalysis, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where ["passed", "cleared"].contains(toks[k].lower) && k > 0 {
            // the measure: an issue ending right before (an apposition may stand between) or "it"
            var measure: Int?
            if let mi = a.mentionAt[k - 1], a.mentions[mi].role == .pronoun, a.mentions[mi].lowerSurface == "it" {
                measure = a.issues.last(where: { $0.end <= k })?.issue ?? mainIssue
            } else if let iss = a.issues.last(where: { $0.end <= k && k - $0.end <= 10 }),
                      toks[iss.end..<k].allSatisfy({ $0.text != ";" && $0.text != "." }),
                      iss.end == k || toks[iss.end].text == "," {
                measure = iss.issue
            }
            guard let m = measure else { continue }
            // the chambers: government bodies named after the verb, tallies and "and" between
            var holders: [Int] = []
            var j = k + 1
            while j < toks.count, toks[j].text != ";", toks[j].text != "." || j + 1 < toks.count && toks[j + 1].kind == .number {
                if let mi = a.mentionAt[j] {
                    let men = a.mentions[mi]
                    // ("the state Assembly": a description right before a name modifies it)
                    if men.role == .nominal, men.end < toks.count, a.mentionAt[men.end] != nil { j = men.end; continue }
                    let chamber = men.role == .named && MentionFinder.votingBodies.contains(toks[men.end - 1].text)
                    guard men.kind == .government || chamber, let e = men.entity else { break }
                    if !holders.contains(e), !taken.contains(e) { holders.append(e) }
                    j = men.end; continue
                }
                let t = toks[j]
                guard t.kind == .number || ["-", "–", "the", "and", "state", ","].contains(t.lower) || t.lower == "by" else { break }
                j += 1
            }
            for h in holders {
                out.append(FoundStance(holder: h, polarity: .supports, target: .issue(m), modality: .asserted,
                                       cue: toks[k].text, rule: "enact:passed", confidence: 0.8))
            }
        }
        return out
    }

    /// "The alliance argues that BOEM failed to study …", "said the company had failed to …": a
    /// speaker reporting someone's failure opposes them.
    func failures(in a: SentenceAnalysis, taken: Set<Int>) -> [FoundStance] {
        guard let sp = a.speaker, let v = a.speechVerb else { return [] }
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where k > v + 1 && ["failed", "fails", "failing"].contains(toks[k].lower) && k + 1 < toks.count && toks[k + 1].lower == "to" {
            var j = k - 1
            while j > v, WordClasses.auxiliaries.contains(toks[j].lower) || WordClasses.isAdverb(toks[j].lower) { j -= 1 }
            guard let mi = a.mentionAt[j], let e = a.mentions[mi].entity, e != sp, !taken.contains(sp),
                  [.organization, .government, .person].contains(a.mentions[mi].kind) else { continue }
            out.append(FoundStance(holder: sp, polarity: .opposes, target: .entity(e), modality: .asserted,
                                   cue: "failed to", rule: "speech.failed", confidence: 0.65))
        }
        return out
    }

    /// The article's issue whose head is one of these nouns, if any.
    func issueNamed(by nouns: [String]) -> Int? {
        issueHeads.indices.first { nouns.contains(issueHeads[$0]) }
    }

    static let licenceNouns: Set<String> = ["license", "licence", "licenses", "licences", "permit", "permits", "accreditation", "franchise"]
    static let grantParticiples: Set<String> = ["issued", "granted", "given", "renewed", "awarded", "extended"]
    static let withdrawingVerbs: Set<String> = Set(["revoke", "suspend", "strip", "deny", "cancel", "withdraw", "pull"].flatMap(Inflector.forms(of:)))
        .union(["withdrew", "withdrawn"])

    /// A licensing authority that refuses or withdraws someone's licence opposes the licensee:
    /// "informed Acme that it will not be issued a licence", "revoked Acme's permit", "refused to
    /// renew Acme's licence". (The licensee is the passive subject or the licence's possessor.)
    func licensing(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.licenceNouns.contains(toks[k].lower) {
            var licensee: Int?
            var holders: [Int] = []
            var verbAt = -1
            // "… that it will not be issued with a licence"
            if let g = (max(0, k - 8)..<k).last(where: { Self.grantParticiples.contains(toks[$0].lower) }), g >= 2,
               (max(0, g - 4)..<g).contains(where: { WordClasses.isNegator(toks[$0].lower) }),
               (max(0, g - 3)..<g).contains(where: { ["be", "been", "is", "was", "are", "were"].contains(toks[$0].lower) }) {
                let before = (max(0, g - 6)..<g).last { a.mentionAt[$0] != nil }
                licensee = before.flatMap { a.mentionAt[$0] }.flatMap { a.mentions[$0].entity }
                verbAt = before.map { a.mentions[a.mentionAt[$0]!].start } ?? g
                // the authority: the subject of the verb that tells it ("TfL informed Acme that …")
                let telling: Set<String> = ["informed", "informs", "told", "tells", "notified", "notifies", "warned", "advised", "said", "says", "announced", "confirmed"]
                guard let tv = (max(0, verbAt - 8)..<verbAt).last(where: { telling.contains(toks[$0].lower) }) else { continue }
                holders = subjects(a, before: tv, speakerOrg: speakerOrg)
            } else if let (owner, v) = licenceOwner(a, k) {
                // "revoked Acme's licence", "refused to renew Acme's London licence", "revoked the permit of Acme"
                guard v >= 1 else { continue }
                let renewRefused = toks[v].lower == "renew" && v >= 2 && toks[v - 1].lower == "to"
                    && (max(0, v - 4)..<(v - 1)).contains { ["refuse", "refused", "refuses", "refusing", "decline", "declined", "declines", "not"].contains(toks[$0].lower) }
                guard Self.withdrawingVerbs.contains(toks[v].lower) || renewRefused else { continue }
                licensee = owner
                verbAt = v
                holders = subjects(a, before: renewRefused ? v - 1 : v, speakerOrg: speakerOrg)
            }
            guard let lic = licensee else { continue }
            for h in holders where h != lic && !taken.contains(h) {
                out.append(FoundStance(holder: h, polarity: .opposes, target: .entity(lic), modality: .asserted,
                                       cue: toks[k].text, rule: "act:refuse licence", confidence: 0.75))
            }
        }
        return out
    }

    /// Whose licence the noun at k is, and the token before the phrase (the verb acting on it):
    /// "Acme's licence", "Skyline Tours' permit" (the apostrophe split off), "the permit of Acme".
    func licenceOwner(_ a: SentenceAnalysis, _ k: Int) -> (Int, Int)? {
        let toks = a.tokens
        if k >= 2, let mi = a.mentionAt[k - 1] ?? a.mentionAt[k - 2], let owner = a.mentions[mi].entity,
           a.mentions[mi].possessive || ["'", "’"].contains(toks[k - 1].text) && a.mentions[mi].end == k - 1 {
            return (owner, a.mentions[mi].start - 1)
        }
        if k + 1 < toks.count, ["of", "for"].contains(toks[k + 1].lower), let mi = a.mentionAt[k + 2] ?? (k + 3 < toks.count ? a.mentionAt[k + 3] : nil),
           let owner = a.mentions[mi].entity, a.mentions[mi].start <= k + 3 {
            var v = k - 1
            while v >= 0, WordClasses.determiners.contains(toks[v].lower) { v -= 1 }
            return (owner, v)
        }
        return nil
    }

    static let fundingVerbs: Set<String> = ["pledged", "pledges", "committed", "commits", "contributed", "contributes", "donated",
                                            "donates", "invested", "invests", "spent", "spends", "poured", "pours"]

    /// "Adelson has pledged $650 million", "the team committed $500 million to the stadium":
    /// putting money into something supports it (what it goes "to"/"for", else the article's
    /// issue). Money spent "to defeat" something is left to the cue that says so.
    func funding(in a: SentenceAnalysis, speakerOrg: (Int) -> Int?, taken: Set<Int>) -> [FoundStance] {
        let toks = a.tokens
        var out: [FoundStance] = []
        for k in toks.indices where Self.fundingVerbs.contains(toks[k].lower) {
            var j = k + 1
            while j < toks.count, j - k <= 3, toks[j].kind == .word, WordClasses.isAdverb(toks[j].lower) || ["about", "nearly", "almost", "over", "more", "than", "some", "roughly", "up", "to"].contains(toks[j].lower) { j += 1 }
            guard j < toks.count, ["$", "£", "€", "¥"].contains(toks[j].text) || toks[j].kind == .number && j + 1 < toks.count && ["million", "billion", "dollars", "euros", "pounds"].contains(toks[j + 1].lower) else { continue }
            // the rest of the clause: a purpose with a stance cue decides instead
            let clauseEnd = toks[k...].firstIndex { [";", "."].contains($0.text) } ?? toks.count
            if toks[(k + 1)..<clauseEnd].contains(where: { lexicon.cues[$0.lower]?.contains { $0.polarity == .opposes } == true }) { continue }
            let holders = subjects(a, before: k, speakerOrg: speakerOrg).filter { !taken.contains($0) }
            guard !holders.isEmpty else { continue }
            var target: ArticleGraph.Target? = nil
            if let to = toks[j..<clauseEnd].firstIndex(where: { ["to", "for", "toward", "towards"].contains($0.lower) }) {
                target = object(a, after: to + 1, excluding: Set(holders))
            }
            // ("pledged $1 million towards helping families": the people money helps are beneficiaries, not a side)
            if case .entity(let e)? = target, a.mentions.contains(where: { $0.entity == e && $0.kind == .group }) { continue }
            guard let t = target ?? mainTarget else { continue }
            for h in holders {
                out.append(FoundStance(holder: h, polarity: .supports, target: t, modality: modality(a, k).0 == .negated ? .negated : .asserted,
                                       cue: toks[k].text, rule: target == nil ? "act.default:fund" : "act:fund", confidence: 0.6))
            }
        }
        return out
    }

    // MARK: frames

    func apply(_ m: CueMatch, _ a: SentenceAnalysis, speakerOrg: (Int) -> Int?, lastObjectEnd: inout Int) -> [FoundStance] {
        let toks = a.tokens
        let cue = m.cue
        let (modality, negatedCue) = self.modality(a, m.start)
        var results: [FoundStance] = []
        func emit(_ holders: [Int], _ target: ArticleGraph.Target?, polarity: Polarity = cue.polarity, conf: Double, rule: String, mod: Modality? = nil) {
            for h in holders {
                if case .entity(let t)? = target, t == h { continue }
                results.append(FoundStance(holder: h, polarity: polarity, target: target, modality: mod ?? modality,
                                           cue: toks[m.start..<m.end].map(\.text).joined(separator: " "), rule: rule, confidence: conf))
            }
        }
        switch cue.frame {
        case .svo, .act, .enact, .neg:
            if cue.frame == .neg {
                guard negatedCue else { return [] }
            }
            // "call for the company to cancel …": a request with a stop-verb opposes its addressee.
            if cue.frame == .svo, cue.polarity == .supports, let (addr, addrEnd) = firstMention(a, from: m.end, within: 4),
               addrEnd + 1 < toks.count, toks[addrEnd].lower == "to", let p = lexicon.urgeComplements[toks[addrEnd + 1].lower], p == .opposes {
                let holders = subjects(a, before: m.start, speakerOrg: speakerOrg)
                emit(holders, addr, polarity: .opposes, conf: cue.confidence, rule: "urge:\(cue.label)")
                return results
            }
            let mod: Modality = cue.frame == .neg ? .asserted : modality
            if isPassive(a, m) {
                let agents = byAgents(a, after: m.end)
                guard !agents.isEmpty else { return [] }
                let target = subjectTarget(a, before: m.start)
                // "That effort to repeal the ban will be fought by …" supports the ban.
                var polarity = cue.polarity
                if case .issue(let i)? = target, cue.polarity == .opposes, let at = a.issues.last(where: { $0.issue == i && $0.start < m.start }),
                   a.tokens[max(0, at.start - 6)..<at.start].contains(where: { Self.undoing.contains($0.lower) }) {
                    polarity = .supports
                }
                emit(agents, target ?? mainTarget, polarity: polarity, conf: cue.confidence * (target == nil ? 0.8 : 1),
                     rule: "\(cue.frame.rawValue).passive:\(cue.label)", mod: mod)
                return results
            }
            // "the new coalition supporting the ban": a participle describing an actor the article never
            // named holds the stance itself; nobody else does.
            if toks[m.start].lower.hasSuffix("ing"), m.start > 0, let mi = a.mentionAt[m.start - 1], a.mentions[mi].entity == nil,
               a.mentions[mi].role == .nominal {
                return []
            }
            // "an open letter from Acme employees urging …": a participle right after a noun
            // describes that noun (a reduced relative clause), preposition or not.
            if toks[m.start].lower.hasSuffix("ing"), m.start > 0, let mi = a.mentionAt[m.start - 1], a.mentions[mi].entity != nil,
               !a.mentions[mi].possessive, a.mentions[mi].role != .pronoun {
                // "signed a letter to CEO Jane Roe protesting …": the addressee of a letter does not
                // hold what the letter says; its senders (the clause's subject) do.
                let addressed = a.mentions[mi].start > 0 && toks[a.mentions[mi].start - 1].lower == "to"
                let holders = addressed ? clauseSubject(a, before: m.start, speakerOrg: speakerOrg) : expandCoordination(a, mi, speakerOrg: speakerOrg)
                guard !holders.isEmpty else { return [] }
                let span = objectSpan(a, after: m.end, excluding: Set(holders))
                lastObjectEnd = span?.end ?? -1
                if cue.frame == .enact, span.map({ if case .issue = $0.target { return false } else { return true } }) ?? true { return [] }
                guard let t = span?.target ?? defaultTarget(for: cue) else { return [] }
                emit(holders, t, conf: cue.confidence * (span == nil ? 0.8 : 1),
                     rule: "\(cue.frame.rawValue)\(span == nil ? ".default" : ""):\(cue.label)", mod: mod)
                return results
            }
            // "… established a camp to resist the project": the infinitive's holder is the clause subject.
            // ("planned to sue": the verb group of an intention is the subject's own, not an infinitive clause)
            let infinitive = m.start > 0 && toks[m.start - 1].lower == "to" && !(m.start > 1 && lexicon.cues[toks[m.start - 2].lower] != nil)
                && !(m.start > 1 && WordClasses.intentionVerbs.contains(toks[m.start - 2].lower))
                // ", warning that …" / ", calling for …": a participle clause shares the main subject
                || m.start > 0 && toks[m.start - 1].text == "," && toks[m.start].lower.hasSuffix("ing")
            var holders = infinitive ? clauseSubject(a, before: m.start, speakerOrg: speakerOrg) : subjects(a, before: m.start, speakerOrg: speakerOrg)
            // "The Senate must pass the bill", "lawmakers should reject it": a demand — the position
            // is the speaker's, not the subject's; with no speaker there is no holder to credit.
            if m.start > 0, ["must", "should", "ought"].contains(toks[m.start - 1].lower)
                || m.start > 1 && ["must", "should"].contains(toks[m.start - 2].lower) && WordClasses.isAdverb(toks[m.start - 1].lower) {
                guard let sp = a.speaker else { return [] }
                holders = [sp]
            }
            guard !holders.isEmpty else { return [] }
            // "will bring suit alongside the governors of A and B": those the holder acts with share the act.
            for j in m.end..<min(toks.count, m.end + 6) {
                if [",", ";", "."].contains(toks[j].text) || a.mentionAt[j] != nil && toks[j - 1].lower != "alongside" && toks[j - 1].lower != "with" { break }
                let after = toks[j].lower == "alongside" ? j + 1
                    : j + 1 < toks.count && ["along", "together"].contains(toks[j].lower) && toks[j + 1].lower == "with" ? j + 2 : nil
                if let start = after {
                    for e in coordinatedList(a, start).entities where !holders.contains(e) { holders.append(e) }
                    break
                }
            }
            // "protested and held rallies": used intransitively, the cue has no object.
            let intransitive = m.end < toks.count && ["and", "or", ","].contains(toks[m.end].lower)
            // "will stop selling Sentinel": an act's gerund object is what the act is about.
            var span = intransitive ? nil : objectSpan(a, after: m.end, excluding: Set(holders), practiceGerunds: cue.frame != .act)
            // "walking out for our patients": whom a protest is for is not what it is against.
            if Self.protestCues.contains(cue.label), m.end < toks.count, toks[m.end].lower == "for" { span = nil }
            // "supports Southwest adopting a non-Boeing aircraft": supporting what an actor does is
            // not supporting the actor; only an issue named in that clause is a target.
            if cue.polarity == .supports, case .entity? = span?.target, let end = span?.end, end < toks.count,
               toks[end].kind == .word, !toks[end].isCapitalized, toks[end].lower.hasSuffix("ing"), lexicon.cues[toks[end].lower] == nil {
                if let iss = (end..<min(toks.count, end + 8)).lazy.compactMap({ a.issueAt($0) }).first {
                    span = ObjectSpan(target: .issue(iss.issue), end: iss.end, undone: false)
                } else { return [] }
            }
            var target = span?.target
            // "worry that cable companies will …": a fear about what an actor may do under the
            // issue is a stance on the issue, unless the clause names another issue.
            if cue.label.hasSuffix(" that"), case .entity? = target {
                target = (m.end..<min(toks.count, m.end + 12)).lazy.compactMap({ a.issueAt($0) }).first.map { .issue($0.issue) } ?? mainTarget
            }
            // "will defend the state against the lawsuit": defending a party in a dispute is a
            // position on what the dispute is about.
            if cue.polarity == .defends, case .entity? = target, let end = span?.end, end < toks.count, toks[end].lower == "against", let main = mainTarget {
                target = main
            }
            // An object the analysis cannot name ("to fight climate change") is something else than
            // the article's issue: no default target then. Intransitive uses and pronouns keep it.
            if target == nil, !intransitive, hasUnknownObject(a, after: m.end) { return [] }
            lastObjectEnd = span?.end ?? -1
            // "fight efforts to repeal the ban" supports the ban.
            // "enacted laws that ban vaccine mandates", "backs repealing the tax" opposes what is undone.
            if let sp = span, sp.undone, cue.polarity != .defends, case .issue = sp.target {
                emit(holders, target, polarity: cue.polarity == .opposes ? .supports : .opposes, conf: cue.confidence,
                     rule: "\(cue.frame.rawValue).undo:\(cue.label)", mod: mod)
                return results
            }
            // Signing, passing or introducing is a stance only on a law or proposal.
            if cue.frame == .enact {
                guard case .issue? = target else { return [] }
            }
            // "declined to ground the jet", "refused to sign the bill": refusing an act against
            // something, under pressure to take it, defends it; refusing an act for it opposes it.
            if m.start >= 2, toks[m.start - 1].lower == "to",
               ["refused", "refuses", "refuse", "refusing", "declined", "declines", "decline", "declining"].contains(toks[m.start - 2].lower),
               cue.frame != .neg {
                emit(holders, target ?? mainTarget, polarity: cue.polarity == .opposes ? .defends : .opposes, conf: cue.confidence * 0.9,
                     rule: "\(cue.frame.rawValue).refusal:\(cue.label)", mod: .asserted)
                return results
            }
            guard let finalTarget = target ?? defaultTarget(for: cue) else { return results }
            emit(holders, finalTarget, conf: cue.confidence * (target == nil ? 0.8 : 1),
                 rule: "\(cue.frame.rawValue)\(target == nil ? ".default" : ""):\(cue.label)", mod: mod)
            // "thanked President Trump for keeping the project alive", "criticized the mayor for
            // approving the tower": the deed praised or blamed is the object's own stance.
            if cue.frame == .svo, case .entity(let doer)? = target, let end = span?.end, end + 1 < toks.count, toks[end].lower == "for",
               let p = gerundLemma(toks[end + 1].lower).flatMap({ lexicon.urgeComplements[$0] }),
               let thing = object(a, after: end + 2, excluding: [doer]), thing != .entity(doer) {
                results.append(FoundStance(holder: doer, polarity: p, target: thing, modality: .asserted, cue: toks[end + 1].text,
                                           rule: "deed:\(toks[end + 1].lower)", confidence: cue.confidence * 0.8))
            }
        case .prep:
            let holders = clauseSubject(a, before: m.start, speakerOrg: speakerOrg)
            guard !holders.isEmpty else { return [] }
            let target = object(a, after: m.end, excluding: Set(holders))
            emit(holders, target ?? mainTarget, conf: cue.confidence, rule: "prep:\(cue.label)")
        case .urge:
            // "joined calls to ground the jet": a request with no addressee; its side is the verb's.
            if m.end + 1 < toks.count, toks[m.end].lower == "to", let p = lexicon.urgeComplements[toks[m.end + 1].lower] {
                let holders = subjects(a, before: m.start, speakerOrg: speakerOrg)
                guard !holders.isEmpty else { return [] }
                let thing = object(a, after: m.end + 2, excluding: Set(holders))
                emit(holders, thing ?? mainTarget, polarity: p, conf: cue.confidence * (thing == nil ? 0.85 : 1), rule: "urge.request:\(cue.label)")
                return results
            }
            // "demanding that the company stop …": the request in a that-clause, verb without "to".
            let thatClause = m.end < toks.count && toks[m.end].lower == "that"
            guard let (addressee, addresseeEnd) = firstMention(a, from: thatClause ? m.end + 1 : m.end, within: 6) else {
                // "asked a federal judge to halt the law": an addressee no actor names (a court, a
                // judge) decides nothing itself; the request's side is the requested act's.
                guard let to = (m.end..<min(toks.count, m.end + 6)).first(where: { toks[$0].lower == "to" }), to > m.end, to + 1 < toks.count,
                      toks[m.end..<to].allSatisfy({ $0.kind == .word && !$0.isCapitalized }),
                      toks[m.end..<to].contains(where: { ["judge", "court", "justices", "panel", "magistrate", "tribunal", "arbitrator"].contains($0.lower) })
                else { return [] }
                var v = to + 1
                if v < toks.count, WordClasses.isAdverb(toks[v].lower) { v += 1 }
                guard v < toks.count, let p = lexicon.urgeComplements[toks[v].lower] else { return [] }
                let holders = participleHolders(a, m, speakerOrg: speakerOrg) ?? subjects(a, before: m.start, speakerOrg: speakerOrg)
                guard !holders.isEmpty, let thing = object(a, after: v + 1, excluding: Set(holders)) ?? mainTarget else { return [] }
                emit(holders, thing, polarity: p, conf: cue.confidence * 0.9, rule: "urge.request:\(cue.label)")
                lastObjectEnd = v + 1
                return results
            }
            // "to VERB" after the addressee.
            var k = addresseeEnd
            var complement: Polarity?
            var verbEnd = k
            if thatClause, k < toks.count, let p = lexicon.urgeComplements[toks[k].lower] { complement = p; verbEnd = k + 1 }
            while k < min(toks.count, addresseeEnd + 4) {
                if toks[k].lower == "to", k + 1 < toks.count {
                    var v = k + 1
                    if v < toks.count, WordClasses.isAdverb(toks[v].lower) || toks[v].lower == "not" { v += 1 }
                    if v < toks.count, let p = lexicon.urgeComplements[toks[v].lower] {
                        complement = toks[v - 1].lower == "not" ? (p == .opposes ? .supports : .opposes) : p
                        verbEnd = v + 1
                    }
                    break
                }
                k += 1
            }
            guard let pol = complement else { return [] }
            let holders = participleHolders(a, m, speakerOrg: speakerOrg) ?? subjects(a, before: m.start, speakerOrg: speakerOrg)
            guard !holders.isEmpty else { return [] }
            // "to stop selling …": a practice of the addressee; the addressee is the target.
            let gerund = verbEnd < toks.count && toks[verbEnd].lower.hasSuffix("ing") && a.mentionAt[verbEnd] == nil
            // "to cut ties with X", "to end its relationship with X": the addressee's own dealings.
            let dealings = toks[verbEnd..<min(toks.count, verbEnd + 3)].contains { ["ties", "relationship", "relationships", "relations", "links"].contains($0.lower) }
            let thing = gerund || dealings ? nil : object(a, after: verbEnd, excluding: Set(holders))
            if pol == .opposes {
                // Asking a company to stop an unnamed practice opposes the company; a named thing is the target.
                emit(holders, thing ?? addressee, polarity: .opposes, conf: cue.confidence, rule: "urge:\(cue.label)")
            } else {
                emit(holders, thing ?? mainTarget, polarity: .supports, conf: cue.confidence * 0.95, rule: "urge:\(cue.label)")
            }
            // "urging Microsoft to end its contract and adopt a human-rights policy": a second request
            // in the same breath, with its own side and object.
            var c = verbEnd
            while !results.isEmpty, c < min(toks.count, verbEnd + 12), ![".", ";", ":"].contains(toks[c].text) {
                if toks[c].lower == "and", c + 1 < toks.count {
                    let v = toks[c + 1].lower == "to" ? c + 2 : c + 1
                    if v < toks.count, let p2 = lexicon.urgeComplements[toks[v].lower], let second = object(a, after: v + 1, excluding: Set(holders)) {
                        if case .issue = second { emit(holders, second, polarity: p2, conf: cue.confidence * 0.9, rule: "urge:\(cue.label)") }
                    }
                    break
                }
                c += 1
            }
        case .psych:
            // "Farmers are worried about the canal": adjectival use, holder is the subject.
            if m.start > 0, ["is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "grew", "became", "feel", "felt", "left"].contains(toks[m.start - 1].lower)
                || m.start > 1 && WordClasses.isAdverb(toks[m.start - 1].lower) && ["is", "are", "was", "were"].contains(toks[m.start - 2].lower) {
                if m.end < toks.count, toks[m.end].lower == "by" {
                    let target = object(a, after: m.end + 1, excluding: [])
                    let holders = subjects(a, before: m.start, speakerOrg: speakerOrg)
                    emit(holders, target ?? mainTarget, conf: cue.confidence, rule: "psych.adjective:\(cue.label)")
                    return results
                }
                let holders = subjects(a, before: m.start, speakerOrg: speakerOrg)
                let target = m.end < toks.count && ["about", "over", "with", "that", "at"].contains(toks[m.end].lower)
                    ? object(a, after: m.end + 1, excluding: Set(holders)) : nil
                emit(holders, target ?? mainTarget, conf: cue.confidence * (target == nil ? 0.85 : 1), rule: "psych.adjective:\(cue.label)")
                return results
            }
            let holders = coordinatedAfter(a, m.end)  // object position: "alarmed lawmakers and unions"
            guard !holders.isEmpty else { return [] }
            let target = subjectTarget(a, before: m.start)
            emit(holders, target ?? mainTarget, conf: cue.confidence * (target == nil ? 0.8 : 1), rule: "psych:\(cue.label)")
        case .from:
            // "joined calls to ground the jet", "demands to scrap the tax": a request made as a
            // noun; its side comes from the requested act, its holder is the clause's subject.
            if m.end + 1 < toks.count, toks[m.end].lower == "to", let p = lexicon.urgeComplements[toks[m.end + 1].lower] {
                var holders = clauseSubject(a, before: m.start, speakerOrg: speakerOrg)
                if holders.isEmpty { holders = subjects(a, before: m.start, speakerOrg: speakerOrg) }
                guard !holders.isEmpty else { return [] }
                let thing = object(a, after: m.end + 2, excluding: Set(holders))
                emit(holders, thing ?? mainTarget, polarity: p, conf: cue.confidence * (thing == nil ? 0.85 : 1), rule: "from.request:\(cue.label)")
                return results
            }
            // "faces opposition from X", "criticism from X and Y"; or "X's opposition to Y".
            var holders: [Int] = []
            var k = m.end
            while k < min(toks.count, m.end + 3) {
                if ["from", "by", "among"].contains(toks[k].lower) {
                    holders = coordinatedAfter(a, k + 1)
                    // "protests from Google and Microsoft workers, who objected to …": the relative
                    // clause says what the protests were about; it is read on its own.
                    // (only when nothing names what the protests were against: "The proposal has faced
                    // opposition from X, which collected signatures" is about the proposal)
                    if let end = coordinatedList(a, k + 1).end, end + 1 < toks.count, toks[end].text == ",",
                       ["who", "which"].contains(toks[end + 1].lower), !["to", "against", "over"].contains(toks[m.end].lower),
                       subjectTarget(a, before: m.start) == nil { return [] }
                    break
                }
                // "over the objections of tribes": an actor after "of" holds the position.
                if toks[k].lower == "of", !["criticism", "condemnation"].contains(cue.label) {
                    holders = coordinatedAfter(a, k + 1)
                    break
                }
                k += 1
            }
            if holders.isEmpty, m.start > 0, let mi = a.mentionAt[m.start - 1], a.mentions[mi].possessive, let e = a.mentions[mi].entity {
                holders = [e]
            }
            guard !holders.isEmpty else { return [] }
            var target: ArticleGraph.Target?
            if m.end < toks.count, ["to", "against", "over"].contains(toks[m.end].lower) {
                target = object(a, after: m.end + 1, excluding: Set(holders))
            }
            if target == nil { target = subjectTarget(a, before: m.start) }
            emit(holders, target ?? mainTarget, conf: cue.confidence * (target == nil ? 0.85 : 1), rule: "from:\(cue.label)")
        case .group:
            // The cue word heads a group: "critics of the bill", "supporters of AB 5".
            guard let mi = a.mentionAt[m.start], let g = a.mentions[mi].entity else { return [] }
            var target: ArticleGraph.Target?
            let end = a.mentions[mi].end
            if end < toks.count, ["of", "for"].contains(toks[end].lower) {
                target = object(a, after: end + 1, excluding: [g])
            } else if m.end < toks.count, ["of", "for"].contains(toks[m.end].lower) {
                target = object(a, after: m.end + 1, excluding: [g])
            }
            // "Net-neutrality supporters": a modifier of the group names what it is for or against.
            if target == nil, m.start > a.mentions[mi].start {
                let mods = Set(toks[a.mentions[mi].start..<m.start].flatMap { $0.lower.split(separator: "-").map { IssueFinder.singular(String($0)) } })
                    .subtracting(IssueFinder.stop)
                // (the issue sharing most of the modifier's words; the shorter label on a tie)
                let fits = issueWords.indices.filter { !mods.isDisjoint(with: issueWords[$0]) }
                if let best = fits.max(by: { (mods.intersection(issueWords[$0]).count, -issueWords[$0].count) < (mods.intersection(issueWords[$1]).count, -issueWords[$1].count) }) {
                    target = .issue(best)
                }
            }
            emit([g], target ?? mainTarget, conf: cue.confidence * (target == nil ? 0.8 : 1), rule: "group:\(cue.label)", mod: .asserted)
        }
        return results
    }

    var mainTarget: ArticleGraph.Target? { mainIssue.map { .issue($0) } }

    /// Set when the article's issue is itself a protest ("GM auto workers strike"): the party the
    /// protest is against, if the issue names it.
    var protestIssue = false
    var counterparty: Int?
    static let protestCues: Set<String> = ["strike against", "go on strike", "walk out", "walk off the job", "protest", "picket", "boycott", "opt to strike",
                                           "vote to strike", "threaten to strike", "decide to strike", "prepare to strike"]

    /// What a cue with no object is about: the article's issue, except that striking or
    /// protesting in an article about that strike or protest is a stance against its counterparty
    /// (nil when the article does not name one).
    func defaultTarget(for cue: Lexicon.Cue) -> ArticleGraph.Target? {
        guard protestIssue, Self.protestCues.contains(cue.label) else { return mainTarget }
        return counterparty.map { .entity($0) }
    }

    // MARK: arguments

    /// True when a noun phrase follows the cue directly ("fight climate change"), as opposed to
    /// nothing, a pronoun, a preposition or a clause.
    func hasUnknownObject(_ a: SentenceAnalysis, after k: Int) -> Bool {
        let toks = a.tokens
        var j = k
        // ("walked out Monday at the plant": when is no object)
        while j < toks.count, WordClasses.isAdverb(toks[j].lower) || IssueFinder.isTemporal(toks[j]) { j += 1 }
        guard j < toks.count, toks[j].kind == .word else { return false }
        let w = toks[j].lower
        // A gerund names a practice ("defended scraping"): the article's issue, usually.
        if w.hasSuffix("ing") { return false }
        // "challenge the approval", "appeal the ruling": the act the article reports, by its noun.
        if ["the", "this", "that", "its", "their"].contains(w), j + 1 < toks.count,
           IssueFinder.actNouns.contains(toks[j + 1].lower) || ["approval", "approvals"].contains(toks[j + 1].lower) { return false }
        // "contests this interpretation": a demonstrative with a noun is an object of its own.
        if ["this", "these", "those"].contains(w), j + 1 < toks.count, toks[j + 1].kind == .word, a.mentionAt[j + 1] == nil, a.issueAt(j + 1) == nil,
           !WordClasses.determiners.contains(toks[j + 1].lower),
           !WordClasses.auxiliaries.contains(toks[j + 1].lower), !WordClasses.prepositions.contains(toks[j + 1].lower), lexicon.cues[toks[j + 1].lower] == nil {
            return true
        }
        if WordClasses.prepositions.contains(w) || WordClasses.subordinators.contains(w) || WordClasses.objectPronouns.contains(w)
            || WordClasses.relativePronouns.contains(w) || ["and", "or", "but", "it", "them", "this", "these", "those"].contains(w) {
            return false
        }
        return true
    }

    /// "employees urging …": the noun a participle directly follows holds it.
    func participleHolders(_ a: SentenceAnalysis, _ m: CueMatch, speakerOrg: (Int) -> Int?) -> [Int]? {
        guard a.tokens[m.start].lower.hasSuffix("ing"), m.start > 0, let mi = a.mentionAt[m.start - 1], a.mentions[mi].entity != nil,
              !a.mentions[mi].possessive, a.mentions[mi].role != .pronoun else { return nil }
        return expandCoordination(a, mi, speakerOrg: speakerOrg)
    }

    /// Modality of the verb group ending at the cue, and whether it is negated.
    func modality(_ a: SentenceAnalysis, _ cueStart: Int) -> (Modality, Bool) {
        let toks = a.tokens
        var k = cueStart - 1
        var negated = false, conditional = false, intended = false
        var steps = 0
        while k >= 0, steps < 6 {
            let w = toks[k].lower
            if a.mentionAt[k] != nil || toks[k].kind == .punctuation && w != "-" { break }
            if WordClasses.isNegator(w) { negated = true }
            if w == "no" || w == "without" || w == "refused" || w == "refuses" || w == "declined" { negated = true }
            if WordClasses.conditionalModals.contains(w) { conditional = true }
            // "will", or an intention verb followed by "to" ("plans to sue", "vowed to fight").
            if WordClasses.futureMarkers.contains(w) || WordClasses.intentionVerbs.contains(w) && k + 1 < toks.count && toks[k + 1].lower == "to" { intended = true }
            k -= 1; steps += 1
        }
        // "faced pressure to justify …", "was asked to resign": a demand on the subject, not its act.
        if cueStart >= 2, toks[cueStart - 1].lower == "to",
           ["pressure", "pressured", "asked", "urged", "told", "called", "forced", "expected", "ordered", "required"].contains(toks[cueStart - 2].lower) {
            negated = true
        }
        // "stopped short of criticizing the company": the act did not happen.
        if cueStart >= 2, toks[cueStart - 1].lower == "of", toks[cueStart - 2].lower == "short" { negated = true }
        // "prevent providers from favoring …": the action is kept from happening.
        if cueStart > 0, toks[cueStart - 1].lower == "from", toks[cueStart].lower.hasSuffix("ing") { negated = true }
        // "no sign of backing off", "no plans to"
        if !negated, cueStart >= 3 {
            let window = toks[max(0, cueStart - 4)..<cueStart].map(\.lower)
            if window.contains("no") || window.contains("not") { negated = true }
        }
        // "will sue, along with others, to stop the mandate": an act in a purpose infinitive has not happened yet.
        // ("voted 4-1 last year to reject the plan": what a vote is to do, it does)
        if cueStart >= 1, toks[cueStart - 1].lower == "to", !(cueStart >= 2 && ["have", "has", "had", "used", "going", "due", "able"].contains(toks[cueStart - 2].lower)),
           !Self.isVoteTally(toks, before: cueStart - 1) {
            intended = true
        }
        if let last = toks.last, last.text == "?" { return (.question, negated) }
        if negated { return (.negated, true) }
        if conditional { return (.conditional, false) }
        if intended { return (.intended, false) }
        return (.asserted, false)
    }

    func isPassive(_ a: SentenceAnalysis, _ m: CueMatch) -> Bool {
        let toks = a.tokens
        let w = toks[m.start].lower
        guard m.cue.isVerb, w.hasSuffix("ed") || ["fought", "held", "sued", "vetoed", "told", "barred", "brought"].contains(w) else { return false }
        var k = m.start - 1
        while k >= 0, WordClasses.isAdverb(toks[k].lower) { k -= 1 }
        let be: Set<String> = ["was", "were", "is", "are", "been", "be", "being", "got", "gets", "get"]
        if k >= 0, be.contains(toks[k].lower) { return true }
        // Reduced relative: "projects assailed by environmentalists"
        if m.end < toks.count, toks[m.end].lower == "by" { return true }
        return false
    }

    /// Holders after "by" in a passive: "was condemned by the union and parents".
    func byAgents(_ a: SentenceAnalysis, after k: Int) -> [Int] {
        let toks = a.tokens
        var j = k
        while j < min(toks.count, k + 4) {
            if toks[j].lower == "by" { return coordinatedAfter(a, j + 1) }
            j += 1
        }
        return []
    }

    /// The holder(s) of a verb: the nearest suitable mention to the left within the clause,
    /// with everything coordinated with it ("activists, shareholders and even employees").
    func subjects(_ a: SentenceAnalysis, before cueStart: Int, speakerOrg: (Int) -> Int?) -> [Int] {
        let toks = a.tokens
        let cueInQuote = a.inQuote.indices.contains(cueStart) ? a.inQuote[cueStart] : false
        var k = cueStart - 1
        var head: Int?
        var companions: [Int] = []
        // Skip the verb group, then a relative clause or appositive that ends right before it:
        // "The company, which has offered …, said" / "Reyes, former chairman of the board, said".
        while k >= 0, WordClasses.auxiliaries.contains(toks[k].lower) || WordClasses.isAdverb(toks[k].lower)
                || WordClasses.negators.contains(toks[k].lower) || toks[k].lower == "to" || WordClasses.intentionVerbs.contains(toks[k].lower) && toks[k].lower != "set" {
            k -= 1
        }
        // "Dana Whitfield of the Harbor Trust, which opposes …": the relative pronoun's antecedent
        // is the noun right before it, whatever preposition governs that noun.
        if k >= 2, ["which", "who"].contains(toks[k].lower), toks[k - 1].text == ",", let mi = a.mentionAt[k - 2],
           a.mentions[mi].entity != nil, !a.mentions[mi].possessive {
            return expandCoordination(a, mi, speakerOrg: speakerOrg)
        }
        // ", all Republicans, have pledged": a quantified apposition is about the subject, not it.
        if let c = Self.openingComma(toks, closedAt: k, within: 8), c + 1 < k,
           ["all", "both", "each", "most", "many", "some", "a", "an", "one"].contains(toks[c + 1].lower) {
            k = c
        }
        // "Jane Roe, president of the Acme Foundation, said": the person in front of a role
        // apposition speaks, not the organisation that ends it.
        if let c = Self.openingComma(toks, closedAt: k, within: 15), c + 1 < k, let mi = a.mentionAt[c - 1],
           a.mentions[mi].kind == .person, a.mentions[mi].role == .named, suitableSubject(a, mi),
           toks[c + 1].kind == .word, !toks[c + 1].isCapitalized || lexicon.titles.contains(toks[c + 1].text),
           !WordClasses.relativePronouns.contains(toks[c + 1].lower), !["joined", "along", "together", "all", "both", "each"].contains(toks[c + 1].lower),
           toks[(c + 1)..<k].contains(where: { ["of", "at", "for", "with"].contains($0.lower) }) {
            return expandCoordination(a, mi, speakerOrg: speakerOrg)
        }
        // "The company, which has … negotiated with the governor, said": the relative clause ends at
        // the comma before the verb; the name at its end ("the governor") is not the subject.
        // (a clause with commas of its own is taken only when the name before the verb cannot be the subject)
        let beforeVerbUnsuitable = k > 0 && (a.mentionAt[k - 1].map { !suitableSubject(a, $0) } ?? true)
        if k > 0, toks[k].text == "," {
            var r = k - 1
            while r > 0, k - r < 40, !(toks[r].text == "," && ["which", "who", "whose"].contains(toks[r + 1].lower)) { r -= 1 }
            if r > 0, toks[r].text == ",", r + 1 < toks.count, ["which", "who", "whose"].contains(toks[r + 1].lower),
               !toks[(r + 1)..<k].contains(where: { $0.text == "," }) || beforeVerbUnsuitable {
                k = r - 1
            } else if beforeVerbUnsuitable, let c = Self.openingComma(toks, closedAt: k, within: 15), let mi = a.mentionAt[c - 1], suitableSubject(a, mi) {
                // appositive: ", title of Org," → continue before its opening comma
                // ", joined by other tribes," / ", along with Acme,": co-holders.
                if c + 2 < k, ["joined", "along", "together"].contains(toks[c + 1].lower), ["by", "with"].contains(toks[c + 2].lower) {
                    // ("hundreds of other tribes": the list may start a few words in)
                    if let start = (c + 3..<min(k, c + 7)).first(where: { a.mentionAt[$0] != nil }) { companions = coordinatedAfter(a, start) }
                }
                k = c - 1
            }
        }
        while k >= 0 {
            let t = toks[k]
            // "The Harbor Preservation Society (HPS) held …": skip a parenthesis.
            if t.text == ")" {
                var o = k - 1
                while o >= 0, toks[o].text != "(", k - o < 12 { o -= 1 }
                if o >= 0, toks[o].text == "(" { k = o - 1; continue }
            }
            if WordClasses.clauseBreakers.contains(t.text) && t.text != "—" && t.text != "–" { break }
            if a.inQuote[k] != cueInQuote && t.kind != .openQuote && t.kind != .closeQuote { break }
            // "the Republican-led states which have enacted …": a restrictive relative clause's
            // subject is the noun right before the pronoun, whatever governs that noun; "Texas is
            // among the states which …" makes Texas one of them.
            // ("Ajit Pai, a Republican who says": an indefinite description is predicated of someone else)
            // ("Rep. Jerome Bakari, a St. Louis Democrat who voted …": the description's person votes)
            if ["which", "who", "that"].contains(t.lower), k > 0, let mi = a.mentionAt[k - 1],
               let art = (max(0, a.mentions[mi].start - 5)..<a.mentions[mi].start).last(where: { ["a", "an"].contains(toks[$0].lower) }),
               art >= 2, toks[art - 1].text == ",", let pi = a.mentionAt[art - 2], a.mentions[pi].kind == .person, a.mentions[pi].entity != nil {
                return expandCoordination(a, pi, speakerOrg: speakerOrg) + companions
            }
            if ["which", "who", "that"].contains(t.lower), k > 0, let mi = a.mentionAt[k - 1], a.mentions[mi].entity != nil,
               a.mentions[mi].role != .pronoun, !a.mentions[mi].possessive,
               !(a.mentions[mi].start > 0 && ["a", "an"].contains(toks[a.mentions[mi].start - 1].lower) && a.mentions[mi].role != .group) {
                var found = expandCoordination(a, mi, speakerOrg: speakerOrg)
                var p = a.mentions[mi].start - 1
                while p >= 0, WordClasses.determiners.contains(toks[p].lower) { p -= 1 }
                if p >= 1, toks[p].lower == "among", ["is", "are", "was", "were"].contains(toks[p - 1].lower),
                   p >= 2, let si = a.mentionAt[p - 2], let e = a.mentions[si].entity, !found.contains(e) {
                    found.insert(e, at: 0)
                }
                return found + companions.filter { !found.contains($0) }
            }
            if let mi = a.mentionAt[k] {
                let men = a.mentions[mi]
                k = men.start
                if suitableSubject(a, mi) { head = mi; break }
            }
            k -= 1
        }
        guard let h = head else { return [] }
        let holders = expandCoordination(a, h, speakerOrg: speakerOrg)
        return holders + companions.filter { !holders.contains($0) }
    }

    /// The comma that opens an aside closed by the comma at k ("X, president of Y, said"), if
    /// one stands within `within` tokens (and not at the sentence start).
    static func openingComma(_ toks: [Token], closedAt k: Int, within: Int) -> Int? {
        guard k > 0, toks[k].text == "," else { return nil }
        var c = k - 1
        while c > 0, toks[c].text != ",", k - c < within { c -= 1 }
        return c > 0 && toks[c].text == "," ? c : nil
    }

    /// A head mention plus the mentions coordinated with it on its left.
    func expandCoordination(_ a: SentenceAnalysis, _ h: Int, speakerOrg: (Int) -> Int?) -> [Int] {
        let toks = a.tokens
        var result: [Int] = []
        func add(_ mi: Int) {
            let men = a.mentions[mi]
            var e = men.entity
            if let org = e, let leader = leaders[org], men.start >= 2, a.tokens[men.start - 1].lower == "of" || a.tokens[men.start - 2].lower == "of",
               let roleAt = [men.start - 2, men.start - 3].first(where: { $0 >= 0 && Self.leaderRoles.contains(a.tokens[$0].lower) }), roleAt >= 0 {
                e = leader
            }
            // "we" and "I" in a quote are the speaker: a named official or activist holds the
            // position they state (a spokesperson's words go to the organisation later on).
            if men.role == .pronoun, ["we", "i"].contains(men.lowerSurface), let sp = a.speaker { e = sp }
            if let e, !result.contains(e) { result.append(e) }
        }
        add(h)
        // Coordinated mentions to the left: a list needs a real conjunction somewhere
        // ("X, Y and Z"), otherwise "for workers, Gov. Hale signed" would coordinate.
        var cur = a.mentions[h].start
        var n = h - 1
        var conjuncts: [Int] = []
        var sawConjunction = false
        while n >= 0 {
            var prev = a.mentions[n]
            guard prev.end <= cur else { break }  // overlapping mentions are not a list
            // "Sen. Mary Toll, a Minnesota Democrat, and Sen. Curt Beale": a person's indefinite
            // apposition stands between the conjuncts; the person is the conjunct.
            let gapStart = prev.end
            if prev.start >= 3, ["a", "an"].contains(toks[prev.start - 1].lower), toks[prev.start - 2].text == ",",
               let pi = a.mentionAt[prev.start - 3], a.mentions[pi].kind == .person, pi < n {
                n = pi; prev = a.mentions[pi]
            }
            // (abbreviated titles between the conjuncts: "and Sen. Curt Beale"; "Clearview CEO and
            // founder X" stays one person)
            let between = (gapStart..<cur).filter { !Self.isAbbreviationPeriod(toks, $0) && !(toks[$0].text == "." && $0 > 0 && lexicon.titles.contains(toks[$0 - 1].text + "."))
                && !lexicon.titles.contains(toks[$0].text + ".") }.map { toks[$0].lower }
            if !between.isEmpty, between.allSatisfy({ WordClasses.coordinators.contains($0) || $0 == "such" || $0 == "including" || WordClasses.determiners.contains($0) }),
               between.contains(where: { !WordClasses.determiners.contains($0) }), !prev.possessive {
                if between.contains(where: { ["and", "or", "&", "well", "along", "plus", "including", "such"].contains($0) }) { sawConjunction = true }
                conjuncts.append(n); cur = prev.start; n -= 1
            } else { break }
        }
        // "catastrophic for businesses and company bosses were left frustrated": a list that opens
        // after a preposition is that preposition's object; only its last member starts a clause.
        var before = cur - 1
        while before >= 0, WordClasses.determiners.contains(toks[before].lower) { before -= 1 }
        // (a relative clause after the list is about all of it: "from A and B workers, who objected")
        let headEnd = a.mentions[h].end
        let opensClause = headEnd < toks.count && WordClasses.auxiliaries.contains(toks[headEnd].lower)
        let prepositional = opensClause && before >= 0 && (["for", "to", "with", "about", "against", "from", "on", "at", "over"].contains(toks[before].lower)
                                                            || lexicon.transitiveVerbs.contains(toks[before].lower))
        if sawConjunction, !prepositional { for c in conjuncts { add(c) } }
        return result
    }

    /// The subject of the clause's main verb: the leftmost suitable mention of the clause, for
    /// phrases that modify the whole clause ("… held rallies in support of X").
    func clauseSubject(_ a: SentenceAnalysis, before k: Int, speakerOrg: (Int) -> Int?) -> [Int] {
        let toks = a.tokens
        var j = k - 1
        var leftmost: Int?
        while j >= 0 {
            if WordClasses.clauseBreakers.contains(toks[j].text) && toks[j].text != "—" { break }
            // "The Times reported that the association spent … to stop …": the report's subject
            // is not the subject of the reported clause.
            if toks[j].lower == "that", j > 0, lexicon.speechVerbs.contains(toks[j - 1].lower) || ["reported", "reports", "found", "shows", "showed"].contains(toks[j - 1].lower) { break }
            if let mi = a.mentionAt[j] {
                if suitableSubject(a, mi), followedByVerbGroup(a, a.mentions[mi].end, loose: true) { leftmost = mi }
                j = a.mentions[mi].start
            }
            j -= 1
        }
        guard let l = leftmost else { return subjects(a, before: k, speakerOrg: speakerOrg) }
        return expandCoordination(a, l, speakerOrg: speakerOrg)
    }

    /// The period of "Assn." or "Inc." inside a list of names.
    static func isAbbreviationPeriod(_ toks: [Token], _ k: Int) -> Bool {
        k > 0 && toks[k].text == "." && toks[k - 1].end == toks[k].start
            && SentenceSplitter.abbreviations.contains(toks[k - 1].lower)
    }

    static let leaderRoles: Set<String> = ["head", "chief", "president", "chairman", "chairwoman", "chair", "leader", "director", "boss"]

    static let actionNouns: Set<String> = ["attempt", "attempts", "bid", "effort", "efforts", "move", "decision", "push", "plan",
                                           "plans", "campaign", "call", "calls", "threat", "vow", "refusal", "pledge", "promise", "request"]

    func suitableSubject(_ a: SentenceAnalysis, _ mi: Int) -> Bool {
        let men = a.mentions[mi]
        guard men.entity != nil || men.role == .pronoun && ["we", "i"].contains(men.lowerSurface) else { return false }
        // "the regulator's attempt to block the deal": the possessor acts.
        if men.possessive {
            let t = a.tokens
            return men.end + 1 < t.count && Self.actionNouns.contains(t[men.end].lower) && t[men.end + 1].lower == "to"
        }
        // "a Republican who says": an indefinite description is predicated of someone else —
        // except where a lead introduces its actor ("RENO (Reuters) - A Native American tribe sued …").
        if men.start > 0, ["a", "an"].contains(a.tokens[men.start - 1].lower), men.role != .group,
           !(men.start == 1 || men.start >= 2 && WordClasses.dashes.contains(a.tokens[men.start - 2].text)) { return false }
        if men.role == .pronoun, ["him", "them", "her", "us", "me"].contains(men.lowerSurface) { return false }
        let toks = a.tokens
        var p = men.start - 1
        while p >= 0, WordClasses.determiners.contains(toks[p].lower) || WordClasses.isAdverb(toks[p].lower) && toks[p].lower != "even" { p -= 1 }
        // "lawmakers in two neighbouring states": up to two modifiers (numbers, plain lowercase
        // words) may stand between a preposition and its noun.
        var q = p, skipped = 0
        while q >= 0, skipped < 2, toks[q].kind == .number || toks[q].kind == .word && !toks[q].isCapitalized && a.mentionAt[q] == nil
                && lexicon.cues[toks[q].lower] == nil && !lexicon.speechVerbs.contains(toks[q].lower) && !WordClasses.auxiliaries.contains(toks[q].lower)
                && !WordClasses.prepositions.contains(toks[q].lower) && !WordClasses.coordinators.contains(toks[q].lower)
                && !WordClasses.subordinators.contains(toks[q].lower) && !WordClasses.relativePronouns.contains(toks[q].lower) {
            q -= 1; skipped += 1
        }
        if skipped > 0, q >= 0, ["in", "at", "from", "across", "of"].contains(toks[q].lower) { p = q }
        // "reached by phone in Portland, Oregon, said": the state of a place named after "in" is no subject.
        if p >= 2, toks[p].text == ",", toks[p - 1].isCapitalized, ["in", "at", "from", "near", "outside"].contains(toks[p - 2].lower) { return false }
        // "a spokesperson for Acme defended …": the organisation speaks.
        if p >= 1, ["for", "of", "at"].contains(toks[p].lower),
           ["spokesperson", "spokesman", "spokeswoman", "representative", "official", "officials", "executive", "executives",
            "lawyer", "lawyers", "attorney", "attorneys", "leaders", "leader", "head"].contains(toks[p - 1].lower) {
            return true
        }
        // "after regulators approved …": a conjunction, not a preposition, when a verb follows.
        if p >= 0, ["after", "before", "since", "until", "as"].contains(toks[p].lower), followedByVerbGroup(a, men.end, loose: true) {
            return true
        }
        if p >= 0, WordClasses.prepositions.contains(toks[p].lower), !["like"].contains(toks[p].lower) {
            guard toks[p].lower == "of" else { return false }
            // "Two of the largest unions …", "some of the employees": the quantity is the subject.
            if p >= 1, ["one", "two", "three", "four", "five", "some", "many", "most", "several", "hundreds", "thousands", "dozens",
                        "majority", "all", "none", "each", "both"].contains(toks[p - 1].lower),
               p < 2 || WordClasses.clauseBreakers.contains(toks[p - 2].text) || toks[p - 2].text == "," || ["the", "a"].contains(toks[p - 2].lower) || p == 1 {
                return true
            }
            // "of the union" is not a subject — unless a coordinated list follows the preposition
            // ("an assortment of activists, shareholders and employees decried"): accept when the
            // mention is directly followed by the verb group.
            return followedByVerbGroup(a, men.end)
        }
        return true
    }

    func followedByVerbGroup(_ a: SentenceAnalysis, _ k: Int, loose: Bool = false) -> Bool {
        let toks = a.tokens
        var j = k
        while j < toks.count {
            let w = toks[j].lower
            if WordClasses.auxiliaries.contains(w) || WordClasses.isAdverb(w) || WordClasses.negators.contains(w) {
                if loose { return true }
                j += 1; continue
            }
            if loose, w.hasSuffix("ed") || w.hasSuffix("s") && !w.hasSuffix("ss") && toks[j].kind == .word && a.mentionAt[j] == nil { return true }
            return lexicon.cues[w] != nil || lexicon.speechVerbs.contains(w)
        }
        return false
    }

    /// Mentions coordinated starting at token k: "X, Y and Z".
    func coordinatedAfter(_ a: SentenceAnalysis, _ k: Int) -> [Int] {
        let list = coordinatedList(a, k)
        var result = list.entities
        // "by a new coalition that includes A, B and C": an unnamed collective stands for its members.
        var start: Int? = result.isEmpty ? nil : list.end
        if result.isEmpty {
            var j = k
            while j < a.tokens.count, j - k < 4, a.mentionAt[j] == nil {
                if ["coalition", "group", "alliance", "network", "consortium", "campaign", "collection", "assortment"].contains(a.tokens[j].lower) {
                    start = j + 1; break
                }
                j += 1
            }
        }
        // "a new coalition that includes A, B and C", "groups including A and B": members share it.
        if let lastMention = start {
            var j = lastMention
            let toks = a.tokens
            var sawInclude = false
            while j < toks.count, j - lastMention < 4 {
                let w = toks[j].lower
                if ["includes", "include", "included", "including"].contains(w) || w == "as" && j > 0 && toks[j - 1].lower == "such" { sawInclude = true; j += 1; break }
                if ["that", "which", ",", "such"].contains(w) { j += 1; continue }
                break
            }
            if sawInclude { for e in coordinatedList(a, j).entities where !result.contains(e) { result.append(e) } }
        }
        return result
    }

    /// The entities of the list of mentions starting at token k ("X, Y and Z"), and the token
    /// index after its last mention.
    func coordinatedList(_ a: SentenceAnalysis, _ k: Int) -> (entities: [Int], end: Int?) {
        let toks = a.tokens
        var j = k
        // (a title left outside the name: "from Sen. Ruth Hale", "from state Rep. Tom Reyes")
        while j < toks.count, a.mentionAt[j] == nil, WordClasses.determiners.contains(toks[j].lower) || WordClasses.isAdverb(toks[j].lower)
                || lexicon.titles.contains(toks[j].text) || lexicon.titles.contains(toks[j].text + ".") || toks[j].text == "." && j > k && lexicon.titles.contains(toks[j - 1].text + ".")
                || toks[j].lower == "state" && j + 1 < toks.count && lexicon.titles.contains(toks[j + 1].text + ".") { j += 1 }
        guard j < toks.count, let first = a.mentionAt[j] else { return ([], nil) }
        var result: [Int] = []
        var cur = first
        while true {
            let men = a.mentions[cur]
            if let e = men.entity, !result.contains(e) { result.append(e) }
            // "the FTC and its chairman Lina Khan": a role description names the person after it.
            if men.role == .nominal, men.end < toks.count, let named = a.mentionAt[men.end], named != cur, a.mentions[named].role == .named {
                cur = named; continue
            }
            var n = men.end
            var sawCoordinator = false
            // "Sen. Lorraine Maddox, a Democrat whose …": an apposition describes, it does not add.
            if n + 1 < toks.count, toks[n].text == ",", ["a", "an"].contains(toks[n + 1].lower) { break }
            while n < toks.count, WordClasses.coordinators.contains(toks[n].lower) || WordClasses.determiners.contains(toks[n].lower)
                    || Self.isAbbreviationPeriod(toks, n) {
                if toks[n].text != "." { sawCoordinator = true }
                n += 1
            }
            // ", as well as private plaintiffs"
            if n + 2 < toks.count, toks[n].lower == "as", toks[n + 1].lower == "well", toks[n + 2].lower == "as" { sawCoordinator = true; n += 3 }
            guard sawCoordinator, n < toks.count, let next = a.mentionAt[n], next != cur else { break }
            cur = next
        }
        return (result, a.mentions[cur].end)
    }


    /// The first mention within `within` tokens after k.
    func firstMention(_ a: SentenceAnalysis, from k: Int, within: Int) -> (ArticleGraph.Target, Int)? {
        var j = k
        while j < min(a.tokens.count, k + within) {
            if let mi = a.mentionAt[j] {
                if let e = a.mentions[mi].entity { return (.entity(e), a.mentions[mi].end) }
                j = a.mentions[mi].end; continue
            }
            if a.tokens[j].kind == .punctuation { return nil }
            j += 1
        }
        return nil
    }

    /// What a verb is aimed at: the first actor or issue phrase to its right within the clause.
    func object(_ a: SentenceAnalysis, after k: Int, excluding: Set<Int>) -> ArticleGraph.Target? {
        objectSpan(a, after: k, excluding: excluding)?.target
    }

    /// Words that undo what follows them: opposing "the repeal of X" or "efforts to scrap X"
    /// supports X.
    static let undoing: Set<String> = ["repeal", "repealing", "rollback", "rescind", "rescinding", "overturn", "overturning",
                                       "abolish", "abolishing", "scrap", "scrapping", "undo", "undoing", "weaken", "weakening",
                                       "gut", "gutting", "dismantle", "dismantling", "end", "ending"]

    /// The verb of a gerund: "keeping" → "keep", "approving" → "approve", "stopping" → "stop".
    func gerundLemma(_ w: String) -> String? {
        guard w.hasSuffix("ing"), w.count > 5 else { return nil }
        let stem = String(w.dropLast(3))
        var cands = [stem, stem + "e"]
        if let l = stem.last, stem.count >= 3, stem.dropLast().last == l { cands.insert(String(stem.dropLast()), at: 0) }
        return cands.first { lexicon.urgeComplements[$0] != nil } ?? stem
    }

    /// Verbs that stop what follows them ("legislation to suspend X").
    static let stopping: Set<String> = ["suspend", "halt", "stop", "block", "revoke", "cancel", "end", "prevent"]
    static let banning: Set<String> = ["ban", "bans", "banned", "prohibit", "prohibits", "prohibited", "outlaw", "outlaws", "outlawed", "forbid", "forbids"]

    struct ObjectSpan { var target: ArticleGraph.Target; var end: Int; var undone: Bool }

    /// The object with where it ends and whether an undoing word came before it.
    func objectSpan(_ a: SentenceAnalysis, after k: Int, excluding: Set<Int>, practiceGerunds: Bool = true) -> ObjectSpan? {
        let toks = a.tokens
        var j = k
        var seenContent = 0
        var undone = false
        // "opposed to separating children from their families": a gerund object is a practice;
        // the actors inside it are not what the stance is aimed at (an issue inside it may be).
        let gerund = practiceGerunds && j < toks.count && toks[j].kind == .word && toks[j].lower.hasSuffix("ing") && toks[j].lower.count > 5
            && a.mentionAt[j] == nil && a.issueAt(j) == nil && !Self.undoing.contains(toks[j].lower)
        while j < toks.count, seenContent < 14 {
            let t = toks[j]
            if t.text == ";" || t.text == ":" || t.text == "." { break }
            if t.text == ",", seenContent > 0 { break }
            if Self.undoing.contains(t.lower) {
                // "the repeal of the ban", "efforts to repeal the ban": what is undone comes next.
                undone = true
                if let iss = a.issueAt(j), iss.end > j + 1 { return ObjectSpan(target: .issue(iss.issue), end: iss.end, undone: true) }
                j += 1; continue
            }
            // ("strike against General Motors": an issue phrase that began with the cue itself is not its object)
            if let iss = a.issueAt(j), iss.start >= k {
                // "efforts to repeal the ban", "a bid to block the merger": the aim is the object.
                if iss.end + 1 < toks.count, toks[iss.end].lower == "to", Self.actionNouns.contains(toks[iss.end - 1].lower) {
                    j = iss.end + 1; seenContent += 1; continue
                }
                // "reintroduce legislation to suspend all uses of X": a measure to stop X is against X.
                if iss.end + 2 < toks.count, toks[iss.end].lower == "to", Self.stopping.contains(toks[iss.end + 1].lower),
                   IssueFinder.legislativeHeads.contains(IssueFinder.singular(toks[iss.end - 1].lower)),
                   let stopped = objectSpan(a, after: iss.end + 2, excluding: excluding, practiceGerunds: false) {
                    return ObjectSpan(target: stopped.target, end: stopped.end, undone: !stopped.undone)
                }
                // "enacted laws that ban vaccine mandates": the law's content is the object, undone.
                if iss.end + 1 < toks.count, ["that", "which"].contains(toks[iss.end].lower), Self.banning.contains(toks[iss.end + 1].lower) {
                    undone = true; j = iss.end + 2; seenContent += 1; continue
                }
                return ObjectSpan(target: .issue(iss.issue), end: iss.end, undone: undone)
            }
            if let mi = a.mentionAt[j] {
                let men = a.mentions[mi]
                // "cheered Trump's vow to ban flavored e-cigarettes": the aim of the possessor's act is the object.
                if men.possessive, men.end + 1 < toks.count, Self.actionNouns.contains(toks[men.end].lower), toks[men.end + 1].lower == "to" {
                    // (an aim the analysis cannot name is the article's issue: "vow to ban flavored e-cigarettes")
                    let aim = objectSpan(a, after: men.end + 2, excluding: excluding, practiceGerunds: practiceGerunds)
                    // ("denied the FTC's attempt to block the deal": acting against an attempt to stop X is for X)
                    if var aim {
                        if men.end + 2 < toks.count, lexicon.urgeComplements[toks[men.end + 2].lower] == .opposes { aim.undone.toggle() }
                        return aim
                    }
                    if let main = mainIssue { return ObjectSpan(target: .issue(main), end: men.end + 2, undone: undone) }
                    j = men.end + 2; seenContent += 1; continue
                }
                // "blocking Microsoft's $69bn takeover of Activision": the possessor's thing is the object.
                // (a bare head is a reference back that may name something else: "the Trust's proposal")
                if men.possessive, let iss = (men.end..<min(toks.count, men.end + 4)).lazy.compactMap({ a.issueAt($0) }).first, iss.start >= men.end,
                   iss.end - iss.start >= 2 {
                    return ObjectSpan(target: .issue(iss.issue), end: iss.end, undone: undone)
                }
                // "voted for it", "will veto it": an object "it" is nearly always the measure at issue.
                if men.role == .pronoun, men.lowerSurface == "it" {
                    if let iss = a.issues.last(where: { $0.end <= men.start }) ?? a.issues.first { return ObjectSpan(target: .issue(iss.issue), end: men.end, undone: undone) }
                    if let main = mainIssue { return ObjectSpan(target: .issue(main), end: men.end, undone: undone) }
                }
                // "sue alongside the governors", "together with X": company, not target; "in
                // Manhattan federal court": a place or time, not target either.
                let locative: Set<String> = ["in", "at", "on", "from", "during", "near", "outside", "inside", "throughout", "across"]
                // (a "with" that ends the cue itself — "sided with", "agrees with" — introduces the target)
                let companion = men.start > k && (["alongside", "with"].contains(toks[men.start - 1].lower) || locative.contains(toks[men.start - 1].lower))
                    || men.start > k + 1 && ["alongside", "with"].contains(toks[men.start - 2].lower) && WordClasses.determiners.contains(toks[men.start - 1].lower)
                if let e = men.entity, !excluding.contains(e), !companion, !gerund, men.role != .pronoun || !["we", "i"].contains(men.lowerSurface) {
                    return ObjectSpan(target: .entity(e), end: men.end, undone: undone)
                }
                j = men.end; seenContent += 1; continue
            }
            if Self.undoing.contains(t.lower) { undone = true }
            // "laws that ban X", "an order to prohibit X": what the object does to X is undoing it.
            if j > k, ["that", "which", "to"].contains(toks[j - 1].lower), Self.banning.contains(t.lower) { undone = true; j += 1; seenContent += 1; continue }
            if seenContent > 0, WordClasses.subordinators.contains(t.lower) && t.lower != "as" { break }
            if t.lower == "and" || t.lower == "or", j + 1 < toks.count, a.mentionAt[j + 1] == nil, a.issueAt(j + 1) == nil,
               !WordClasses.determiners.contains(toks[j + 1].lower) { break }
            if t.kind == .word { seenContent += 1 }
            j += 1
        }
        return nil
    }

    /// The thing before a passive or psych verb: "the deal alarmed …", "projects assailed by …".
    func subjectTarget(_ a: SentenceAnalysis, before k: Int) -> ArticleGraph.Target? {
        var j = k - 1
        while j >= 0 {
            let t = a.tokens[j]
            if t.text == ";" || t.text == ":" { break }
            if let iss = a.issueAt(j) { return .issue(iss.issue) }
            if let mi = a.mentionAt[j], let e = a.mentions[mi].entity { return .entity(e) }
            j -= 1
        }
        return nil
    }
}
