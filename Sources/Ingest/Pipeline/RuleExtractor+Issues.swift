import Graph

/// Issue labels and structure: named labels, headline modifiers, coordinated issues, wire slugs.
extension RuleExtractor {
    /// "a permit for the Keystone XL pipeline" ~ "the Keystone XL pipeline": one phrase is a
    /// procedural step (permit, approval, construction …) of the project the other names.
    static func isProcedural(_ e: IssueFinder.Issue, _ cand: IssueFinder.Issue) -> Bool {
        guard e.words.count >= 2, cand.words.count >= 2 else { return false }
        return IssueFinder.proceduralHeads.contains(cand.head) && cand.words.isSuperset(of: e.words)
            || IssueFinder.proceduralHeads.contains(e.head) && e.words.isSuperset(of: cand.words)
    }

    /// The noun for a headline's undoing verb right before an issue: "repeals" → "repeal",
    /// "rolls back" → "rollback"; nil when the headline does not undo the issue.
    static func undoingNoun(_ toks: [Token], before start: Int) -> String? {
        guard start > 0 else { return nil }
        let w = toks[start - 1].lower
        if w == "back", start > 1, ["roll", "rolls", "rolled", "rolling"].contains(toks[start - 2].lower) { return "rollback" }
        return undoingVerbForms.contains(w) ? "repeal" : nil
    }
    static let undoingVerbForms = Set(["repeal", "rescind", "scrap", "overturn", "abolish", "revoke"].flatMap(Inflector.forms(of:)))
    static let repealForms = Set(Inflector.forms(of: "repeal"))

    /// The place a clause ends in ("… on home-sharing sites in New York."): a state or country
    /// the gazetteer knows, after "in", closing the clause.
    func jurisdiction(_ toks: [Token], after k: Int) -> String? {
        guard k < toks.count, let clauseEnd = toks.indices[k...].first(where: { [".", ";", ","].contains(toks[$0].text) }) ?? Optional(toks.count),
              clauseEnd - k <= 16 else { return nil }
        var s = clauseEnd
        while s > k, toks[s - 1].kind == .word, toks[s - 1].isCapitalized { s -= 1 }
        guard s < clauseEnd, s > k, toks[s - 1].lower == "in" else { return nil }
        let name = toks[s..<clauseEnd].map(\.text).joined(separator: " ")
        guard lexicon.gazetteer[NameKey.make(name)]?.kind == .government else { return nil }
        return name
    }

    /// The organisation or government an issue's name mentions ("GM" in "GM auto workers strike",
    /// "General Motors" in "strike against General Motors"), the one after "against" first.
    static func namedParty(in labels: [String], entities: [EntityResolver.Entity]) -> Int? {
        let keyed = labels.map { " " + NameKey.make($0) + " " }
        let ordered = keyed.filter { $0.contains(" against ") } + keyed
        for label in ordered {
            let focus = label.components(separatedBy: " against ").last ?? label
            if let e = entities.indices.first(where: { i in
                [.organization, .government].contains(entities[i].kind)
                    && ([entities[i].name] + entities[i].aliases).contains { focus.contains(" " + NameKey.make($0) + " ") }
            }) { return e }
        }
        return nil
    }

    /// The program a deal is about: "a subcontract on Project Maven", "the contract for JEDI" — a
    /// capitalised name after on/for that is no organisation, place or date (those are parties).
    func dealSubject(_ toks: [Token]) -> String? {
        for k in toks.indices.dropLast(2) where IssueFinder.dealHeads.contains(toks[k].lower) || ["subcontract", "subcontracts"].contains(toks[k].lower) {
            guard ["on", "for"].contains(toks[k + 1].lower) else { continue }
            var e = k + 2
            while e < toks.count, toks[e].kind == .word, toks[e].isCapitalized, !IssueFinder.isTemporal(toks[e]) { e += 1 }
            guard e > k + 2 else { continue }
            let name = toks[(k + 2)..<e].map(\.text).joined(separator: " ")
            guard lexicon.gazetteer[NameKey.make(name)] == nil, !lexicon.orgWords.keys.contains(toks[e - 1].lower),
                  !lexicon.firstNames.contains(toks[k + 2].text) else { continue }
            return name
        }
        return nil
    }

    /// Where a protest in the lead is aimed: "nurses walked off the job Monday at Mercy Hospital",
    /// "a strike against Acme" — the organisation after at/against near a protest cue.
    static func protestVenue(_ a: SentenceAnalysis, finder: StanceFinder) -> Int? {
        for m in finder.cues(in: a) where StanceFinder.protestCues.contains(m.cue.label) || m.cue.label == "strike" {
            var j = m.end
            while j < min(a.tokens.count, m.end + 5) {
                if ["at", "against"].contains(a.tokens[j].lower), let mi = a.mentionAt[j + 1 < a.tokens.count ? j + 1 : j] ?? (j + 2 < a.tokens.count ? a.mentionAt[j + 2] : nil),
                   let e = a.mentions[mi].entity, a.mentions[mi].kind == .organization || a.mentions[mi].kind == .government {
                    return e
                }
                j += 1
            }
        }
        return nil
    }

    /// Headline verbs of an act against the thing in dispute.
    static let negativeActs: Set<String> = Set(["block", "veto", "reject", "halt", "scrap", "cancel", "revoke", "suspend", "kill",
                                                "shelve", "deny", "overturn", "thwart", "bar", "pause"].flatMap(Inflector.forms(of:)))

    /// True when the headline's words before its issue report an act against it — not a refusal
    /// of one ("Judge refuses to pause privacy law", "Senate won't block merger").
    static func reportsActAgainst(_ toks: ArraySlice<Token>) -> Bool {
        guard let k = toks.indices.last(where: { negativeActs.contains(toks[$0].lower) }) else { return false }
        let before = toks[max(toks.startIndex, k - 3)..<k].map(\.lower)
        return !before.contains(where: { ["refuses", "refused", "refuse", "declines", "declined", "decline", "won't", "not", "rejects", "fails"].contains($0) || WordClasses.isNegator($0) })
    }

    /// True when the sentence names issue `i` only by a noun for the act on it ("the ruling was
    /// welcomed", "praised the veto"), not by the issue's own name.
    static func refersToTheAct(_ a: SentenceAnalysis, issue i: Int) -> Bool {
        let spans = a.issues.filter { $0.issue == i }
        if spans.isEmpty {
            // ("the ruling", "the veto": no issue noun, the issue only by default)
            return a.tokens.indices.dropFirst().contains { IssueFinder.actNouns.contains(a.tokens[$0].lower) && ["the", "this", "that", "its", "her", "his"].contains(a.tokens[$0 - 1].lower) }
        }
        return spans.allSatisfy { IssueFinder.actNouns.contains(a.tokens[$0.end - 1].lower) && $0.end - $0.start <= 2 }
    }

    /// A label with a capitalised word after its first ("Dakota Access pipeline", "Biden vaccine mandate").
    static func isNamed(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        return words.count > 1 && words.contains { $0.first?.isUppercase == true }
    }

    /// The headline names the controversy briefly ("Biden vaccine mandate"); the body may name the
    /// same thing with a proper or numbered modifier the headline left out ("COVID-19 vaccine
    /// mandates"). Such modifiers join the label ("Biden COVID-19 vaccine mandate"); common words
    /// do not, so different issues with the same head ("a state ban") are not blended in.
    static func addNamedModifiers(_ issues: inout [IssueFinder.Issue], to t: Int) {
        let tokens = issues[t].label.split(separator: " ").map(String.init)
        guard tokens.count >= 2, !issues[t].label.contains("(") else { return }
        let key = { (w: String) in IssueFinder.singular(w.lowercased()) }
        let own = Set(tokens.map(key))
        var extras: [String] = []
        for j in issues.indices where j != t && IssueFinder.sameReferent(issues[j].head, issues[t].head) {
            let other = issues[j].label.split(separator: " ").map(String.init)
            let shared = other.filter { own.contains(key($0)) }
            guard shared.count >= 2 else { continue }  // the head and at least one modifier
            for w in other where !own.contains(key(w)) && (w.contains(where: \.isNumber) || w.first?.isUppercase == true) && !extras.contains(w) {
                extras.append(w)
            }
        }
        guard !extras.isEmpty, let at = tokens.firstIndex(where: { $0.first?.isLowercase == true }) else { return }
        issues[t].relabel((tokens[..<at] + extras + tokens[at...]).joined(separator: " "))
    }

    /// Issues coordinated with issue `i` in a sentence: "revive the Keystone XL pipeline and
    /// complete the Dakota Access pipeline", "the ban and the tax".
    static func coordinatedIssues(_ a: SentenceAnalysis, after i: Int, issues: [IssueFinder.Issue]) -> [Int] {
        guard let first = a.issues.first(where: { $0.issue == i }) else { return [] }
        var out: [Int] = []
        var end = first.end
        while end < a.tokens.count {
            var j = end
            guard j < a.tokens.count, ["and", "or", ","].contains(a.tokens[j].lower) else { break }
            j += 1
            // an optional verb and determiner: "and complete the …"
            var skipped = 0
            while j < a.tokens.count, skipped < 3, a.issueAt(j) == nil, a.mentionAt[j] == nil, a.tokens[j].kind == .word,
                  !a.tokens[j].isCapitalized || WordClasses.determiners.contains(a.tokens[j].lower) { j += 1; skipped += 1 }
            guard let next = a.issueAt(j), next.start == j, next.issue != i, !out.contains(next.issue) else { break }
            // (the span must name the issue, not refer back to one: "and its blocking order")
            let spanWords = Set(a.tokens[next.start..<next.end].map { IssueFinder.singular($0.lower) })
            guard !spanWords.subtracting([issues[next.issue].head]).isDisjoint(with: issues[next.issue].words) else { break }
            out.append(next.issue)
            end = next.end
        }
        return out
    }

    /// Wire-service headlines carry a slug: "UPDATE 3-Olympics-Hamburg 2024 Games bid collapses"
    /// is "Hamburg 2024 Games bid collapses".
    static func strippingWireSlug(_ title: String) -> String {
        var t = Substring(title)
        if let r = t.range(of: #"^(UPDATE|WRAPUP|REFILE|CORRECTED|EXCLUSIVE|RPT|INSIGHT|ANALYSIS)\s*\d*\s*-\s*"#, options: .regularExpression) {
            t = t[r.upperBound...]
            // topic slugs glued to the headline: "Olympics-", "Autos-"
            while let r2 = t.range(of: #"^[A-Z][A-Za-z]+-(?=[A-Z0-9])"#, options: .regularExpression) { t = t[r2.upperBound...] }
        }
        return String(t)
    }
}
