import Graph

/// Reading statements: what a judgement is about, rebuttals and reassurances, outcomes ("a blow
/// to X") that place actors on a side.
extension RuleExtractor {
    static let insistVerbs: Set<String> = ["insisted", "insists", "maintained", "maintains", "argued", "argues", "said", "says",
                                           "promised", "promises", "assured", "assures"]

    static let harmWords: Set<String> = ["change", "fall", "falling", "catastrophe", "disaster", "harm", "hurt", "suffer", "collapse", "end"]

    /// A negated harm ("isn't going to change", "would not be a catastrophe", "is not falling").
    static func isReassurance(_ toks: ArraySlice<Token>) -> Bool {
        let t = Array(toks)
        for (i, w) in t.enumerated() where WordClasses.isNegator(w.lower) {
            // ("did not say the company would end it" denies a statement, not a harm)
            if t[(i + 1)..<min(t.count, i + 3)].contains(where: { ["say", "said", "says", "confirm", "comment", "indicate"].contains($0.lower) }) { continue }
            if t[(i + 1)..<min(t.count, i + 6)].contains(where: { harmWords.contains($0.lower) }) { return true }
        }
        return false
    }

    static let copulas: Set<String> = ["is", "are", "was", "were", "be", "been", "remains", "remain", "seems", "looks"]

    /// The subject of a judgement "X is (adverbs) JUDGEMENT" whose polarity agrees with the quote's:
    /// the nearest issue or named actor before the copula, within its clause.
    static func evaluatedSubject(_ a: SentenceAnalysis, _ span: ArraySlice<Token>, negative: Bool, lexicon: Lexicon,
                                 resolver: EntityResolver, excluding: [Int], main: ArticleGraph.Target?) -> ArticleGraph.Target? {
        let toks = a.tokens
        for c in span.indices where copulas.contains(toks[c].lower) {
            var j = c + 1
            while j < span.endIndex, j - c <= 4, WordClasses.isAdverb(toks[j].lower) || WordClasses.isNegator(toks[j].lower)
                    || WordClasses.determiners.contains(toks[j].lower) { j += 1 }
            guard j < span.endIndex else { continue }
            let w = toks[j].lower
            let valence: Double? = lexicon.evaluative[w].map { $0.0 == .opposes ? -$0.1 : $0.1 } ?? lexicon.sentiment[w]
            guard let v = valence, v != 0 else { continue }
            let negated = toks[(c + 1)..<j].contains { WordClasses.isNegator($0.lower) }
            guard ((v < 0) != negated) == negative else { continue }
            var k = c - 1
            var inModifier = false
            while k >= span.startIndex, c - k <= 8, ![",", ";", ":"].contains(toks[k].text), !["that", "because", "and", "but"].contains(toks[k].lower) {
                if let iss = a.issueAt(k) { return .issue(iss.issue) }
                if let mi = a.mentionAt[k] {
                    let men = a.mentions[mi]
                    // "the combination with Time Warner is unlawful": a name inside the subject's
                    // prepositional modifier is not what is judged.
                    if men.start > 0, ["with", "of", "for", "to", "in", "on", "over", "against", "between"].contains(toks[men.start - 1].lower) {
                        inModifier = true; k = men.start - 2; continue
                    }
                    if let e = men.entity, !excluding.contains(e), men.role == .named, [.organization, .product, .other, .person].contains(resolver.entities[e].kind) {
                        return .entity(e)
                    }
                    k = men.start - 1; continue
                }
                // the subject's head is a common noun: the judgement is about the matter at hand
                if inModifier, toks[k].kind == .word, !toks[k].isCapitalized, !WordClasses.determiners.contains(toks[k].lower) { return main }
                k -= 1
            }
        }
        return nil
    }

    /// "Responding to opponents of the rule", "in response to criticism", "rebutting critics",
    /// "despite the criticism".
    static func answersCritics(_ toks: [Token]) -> Bool {
        for (k, t) in toks.enumerated() where t.lower.hasPrefix("respond") || t.lower == "response" || t.lower.hasPrefix("rebut") || t.lower == "despite" {
            if toks[(k + 1)..<min(toks.count, k + 5)].contains(where: { Self.criticWords.contains($0.lower) }) { return true }
        }
        return false
    }

    static let criticWords: Set<String> = ["critics", "criticism", "criticisms", "opponents", "opposition", "detractors", "complaints", "concerns", "backlash"]

    static let fightNouns: Set<String> = ["fight", "battle", "struggle", "opposition", "resistance", "protest", "protests", "boycott"]

    static let winWords: Set<String> = ["victory", "win", "boost", "triumph", "vindication"]

    static let lossWords: Set<String> = ["loss", "blow", "defeat", "setback", "rebuke", "slap", "disappointment", "embarrassment"]

    /// "…, handing a major victory to green activists", "In a major blow to Airbnb, the governor
    /// signed …", "The decision is a huge loss for the oil industry": an act that is a victory for
    /// X puts X on the actor's side of it; a blow to X puts X on the other side. The act is a
    /// cue-based stance in the same sentence, else the last one in the two sentences before.
    static func addOutcomeStances(_ perSentence: inout [[FoundStance]], _ analyses: [SentenceAnalysis], finder: StanceFinder) {
        // Acts come from the cue-based stances found before any outcome is added.
        let cueStances = perSentence.map { list in
            list.filter { $0.modality != .negated && !$0.rule.hasPrefix("quote") && !$0.rule.hasPrefix("speech") && $0.target != nil }
        }
        for n in analyses.indices {
            let toks = analyses[n].tokens
            for k in toks.indices where winWords.contains(toks[k].lower) || lossWords.contains(toks[k].lower) {
                guard k + 1 < toks.count, ["for", "to"].contains(toks[k + 1].lower), !analyses[n].inQuote[k] else { continue }
                let beneficiaries = finder.coordinatedAfter(analyses[n], k + 2)
                guard !beneficiaries.isEmpty else { continue }
                // (an act by one of the beneficiaries — "a blow to the FTC, which sought to block
                // the merger" — is what they lost with, not the act that hurt them)
                func acts(_ m: Int) -> [FoundStance] { cueStances[m].filter { !beneficiaries.contains($0.holder) } }
                // An earlier act only when this sentence points back at it ("The decision is a huge loss for …").
                let pointsBack = toks[..<k].contains { ["decision", "move", "vote", "announcement", "veto", "approval", "rejection"].contains($0.lower) }
                // ("the decision" with no act nearby is the one the lead reports)
                let earlier = pointsBack ? (max(0, n - 2)..<n).reversed().compactMap({ acts($0).last }).first
                    ?? (0..<min(2, n)).compactMap({ acts($0).first }).first : nil
                guard let act = acts(n).first ?? earlier, let target = act.target else { continue }
                let same = winWords.contains(toks[k].lower)
                let side: Polarity = act.polarity == .opposes ? (same ? .opposes : .supports) : (same ? .supports : .opposes)
                for b in beneficiaries where b != act.holder && ArticleGraph.Target.entity(b) != target {
                    perSentence[n].append(FoundStance(holder: b, polarity: side, target: target, modality: .asserted, cue: toks[k].text,
                                                      rule: "outcome:\(toks[k].lower)", confidence: 0.5))
                }
            }
        }
    }

    /// The organisation of a role named without its holder ("the head of the CBI said"), when the
    /// sentence names no person at all.
    static func leaderRoleOrganisation(_ a: SentenceAnalysis) -> Int? {
        guard !a.mentions.contains(where: { $0.kind == .person }) else { return nil }
        let toks = a.tokens
        for m in a.mentions where m.role == .named && (m.kind == .organization || m.kind == .government) && m.start >= 2 {
            var k = m.start - 1
            if WordClasses.determiners.contains(toks[k].lower) { k -= 1 }
            guard k >= 1, toks[k].lower == "of", StanceFinder.leaderRoles.contains(toks[k - 1].lower),
                  k >= 2 && toks[k - 2].lower == "the" else { continue }
            return m.entity
        }
        return nil
    }

    /// The dash that ends a dateline ("RENO, Nev., Feb 8 (Reuters) -", "BRANNOCK, Wis. (AP) —"):
    /// a city in capitals opens the sentence and a dash follows within a few words.
    static func datelineEnd(_ toks: [Token]) -> Int? {
        guard let first = toks.first, first.kind == .word, first.text.count >= 3, first.text == first.text.uppercased(),
              first.text.contains(where: \.isLetter) else { return nil }
        return toks.indices.prefix(16).first { WordClasses.dashes.contains(toks[$0].text) }
    }
}
