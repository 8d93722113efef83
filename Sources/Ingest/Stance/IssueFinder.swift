import Graph

/// Finds the issues an article is about: named bills ("AB 5" = "Assembly Bill 5") and noun
/// phrases headed by an issue noun ("facial recognition sales to police", "the proposed ban on
/// flavored e-cigarettes"), weighted by where they occur (title, lead, body). Anaphoric
/// references ("the practice", "such contracts", "the bill") resolve to them.
struct IssueFinder {
    let lexicon: Lexicon
    /// Every word of the article body, lowercased: a headline modifier the body never uses is
    /// more likely a verb ("Regulators weigh vaccine mandate") than part of the issue's name.
    var bodyWords: Set<String> = []
    /// Heads of the headline's issues that no lexicon lists ("the rezoning" in the body after
    /// "… advances Depot Street rezoning"): issue nouns for this article.
    var articleHeads: Set<String> = []

    func isIssueNoun(_ w: String) -> Bool { lexicon.issueNouns.contains(w) || articleHeads.contains(w) }

    struct Issue {
        var label: String
        var aliases: [String] = []
        var head: String
        var score: Double
        var words: Set<String>
        var owner: String?

        /// Takes a better label; the old one stays an alias, so every phrasing keeps matching.
        mutating func relabel(_ newLabel: String) {
            aliases.append(label)
            label = newLabel
        }

        /// Puts a qualifier that belongs to the name in front of it ("New York" bill, "Project
        /// Maven" deal).
        mutating func qualify(with prefix: String) {
            relabel(prefix + " " + label)
            words.formUnion(IssueFinder.contentWords(prefix))
        }
    }

    static let billPrefixes: [String: String] = ["ab": "Assembly Bill", "sb": "Senate Bill", "hb": "House Bill",
                                                  "hr": "House Resolution", "h.r": "House Resolution", "h.r.": "House Resolution",
                                                  "prop": "Proposition", "prop.": "Proposition"]
    static let billWords: [String: String] = ["assembly": "AB", "senate": "SB", "house": "HB"]

    /// A named bill starting at token i: returns (canonical label, aliases, tokens consumed).
    func namedBill(_ toks: [Token], _ i: Int) -> (String, [String], Int)? {
        let w = toks[i].lower
        // "AB 5", "SB12", "H.R. 1"
        if let full = Self.billPrefixes[w], i + 1 < toks.count, toks[i + 1].kind == .number, toks[i].isCapitalized {
            let short = full == "Proposition" ? "Prop. \(toks[i + 1].text)" : "\(toks[i].text.uppercased().replacingOccurrences(of: ".", with: "")) \(toks[i + 1].text)"
            return label(short: short, long: "\(full) \(toks[i + 1].text)", consumed: 2)
        }
        if toks[i].kind == .word, toks[i].text.count >= 3, toks[i].isCapitalized {
            let letters = toks[i].text.prefix(while: { $0.isLetter })
            let digits = toks[i].text.dropFirst(letters.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber), let full = Self.billPrefixes[letters.lowercased()] {
                return label(short: "\(letters.uppercased()) \(digits)", long: "\(full) \(digits)", consumed: 1)
            }
        }
        // "Assembly Bill 5", "Proposition 22"
        if let abbr = Self.billWords[w], i + 2 < toks.count, toks[i + 1].lower == "bill", toks[i + 2].kind == .number, toks[i].isCapitalized {
            let n = toks[i + 2].text
            return label(short: "\(abbr) \(n)", long: "\(toks[i].text) Bill \(n)", consumed: 3)
        }
        // "Measure D", "Measure 97", "Question 1": ballot measures.
        if w == "measure" || w == "question", toks[i].isCapitalized, i + 1 < toks.count,
           toks[i + 1].kind == .number || toks[i + 1].text.count <= 2 && toks[i + 1].isCapitalized && toks[i + 1].text.allSatisfy(\.isLetter) {
            let name = "\(toks[i].text) \(toks[i + 1].text)"
            return (name, [], 2)
        }
        if w == "proposition", i + 1 < toks.count, toks[i + 1].kind == .number, toks[i].isCapitalized {
            return label(short: "Prop. \(toks[i + 1].text)", long: "Proposition \(toks[i + 1].text)", consumed: 2)
        }
        return nil
    }

    static let actWords: Set<String> = ["Act", "Law", "Amendment", "Ordinance", "Resolution", "Treaty", "Accord", "Directive", "Initiative"]

    /// A named act: capitalised words ending in Act/Law/Amendment … ("the Student Privacy Act").
    func namedAct(_ toks: [Token], _ i: Int) -> (String, [String], Int)? {
        guard toks[i].isCapitalized, toks[i].kind == .word, !lexicon.stopCapitals.contains(toks[i].text) else { return nil }
        var j = i
        while j < toks.count, j - i < 8 {
            let t = toks[j]
            if t.kind == .word && t.isCapitalized {
                // ("the Harvest Justice Law Center": a name that runs on past the act word is no act)
                if Self.actWords.contains(t.text) && j > i && !(j + 1 < toks.count && toks[j + 1].kind == .word && toks[j + 1].isCapitalized) {
                    return (toks[i...j].map(\.text).joined(separator: " "), [], j - i + 1)
                }
                j += 1; continue
            }
            if ["of", "and", "for", "the", "on", "to"].contains(t.lower) || t.kind == .number { j += 1; continue }
            break
        }
        return nil
    }

    /// A named bill or act, with an apposition naming it again ("SB 12, the Student Privacy Act",
    /// "the Student Privacy Act (SB 12)") folded into one issue.
    func namedIssue(_ toks: [Token], _ i: Int, allowActs: Bool) -> (String, [String], Int)? {
        // In a title every word is capitalised, so only numbered bills are recognisable there.
        guard var (lab, aliases, n) = namedBill(toks, i) ?? (allowActs ? namedAct(toks, i) : nil) else { return nil }
        var j = i + n
        var skipped = 0
        while j < toks.count, skipped < 4, [",", "(", "the", "known", "as", "or", "called"].contains(toks[j].lower) { j += 1; skipped += 1 }
        if skipped > 0, j < toks.count, let (lab2, al2, n2) = namedBill(toks, j) ?? (allowActs ? namedAct(toks, j) : nil) {
            // The bill number is the canonical label; the other name becomes an alias.
            let billFirst = namedBill(toks, i) != nil
            let (main, mainAliases, other, otherAliases) = billFirst ? (lab, aliases, lab2, al2) : (lab2, al2, lab, aliases)
            lab = main
            aliases = mainAliases + [other] + otherAliases
            n = j + n2 - i
            if j + n2 < toks.count, toks[j + n2].text == ")" { n += 1 }
        }
        return (lab, aliases, n)
    }

    private func label(short: String, long: String, consumed: Int) -> (String, [String], Int) {
        ("\(short) (\(long))", [short, long, short.replacingOccurrences(of: " ", with: "")], consumed)
    }

    /// Issue noun phrases in a token list. `titleCase` says capitals carry no information.
    func phrases(in toks: [Token], titleCase: Bool, bodyLowercase: Set<String>) -> [(start: Int, end: Int, issue: Issue)] {
        var out: [(Int, Int, Issue)] = []
        var i = 0
        while i < toks.count {
            if let (lab, aliases, n) = namedIssue(toks, i, allowActs: !titleCase) {
                out.append((i, i + n, Issue(label: lab, aliases: aliases, head: "bill", score: 0, words: Self.contentWords(lab))))
                i += n; continue
            }
            let t = toks[i]
            let (base, _) = MentionFinder.stripPossessive(t.lower)
            guard t.kind == .word, isIssueNoun(base), titleCase || !t.isCapitalized || i == 0 else { i += 1; continue }
            // "efforts to repeal …", "a bid to host …": an action noun's content is its complement.
            if StanceFinder.actionNouns.contains(base), i + 1 < toks.count, toks[i + 1].lower == "to" { i += 1; continue }
            // "repeal the ban", "repeal of the ban": the undoing word takes the issue as its object.
            if StanceFinder.undoing.contains(base), i + 1 < toks.count, WordClasses.determiners.contains(toks[i + 1].lower) || toks[i + 1].lower == "of" {
                i += 1; continue
            }
            // "Acme plans not to renew …", "plans to": a plural head followed by "to"/"not" is a verb,
            // unless "to" introduces a noun phrase ("Sales to Police").
            if i + 1 < toks.count, ["to", "not"].contains(toks[i + 1].lower), base.hasSuffix("s"), i > 0, toks[i - 1].isCapitalized || titleCase,
               !(toks[i + 1].lower == "to" && i + 2 < toks.count && isNounStart(toks[i + 2])) {
                i += 1; continue
            }
            // "to order grounding the jet", "to ban flavored e-cigarettes": after "to", an issue noun
            // with an object is the verb of an infinitive.
            if i > 0, toks[i - 1].lower == "to", i + 1 < toks.count, toks[i + 1].kind == .word,
               WordClasses.determiners.contains(toks[i + 1].lower) || toks[i + 1].lower.hasSuffix("ing") || toks[i + 1].isCapitalized && !titleCase
                || !lexicon.issueNouns.contains(toks[i + 1].lower) && !WordClasses.prepositions.contains(toks[i + 1].lower)
                    && !WordClasses.coordinators.contains(toks[i + 1].lower) && !WordClasses.auxiliaries.contains(toks[i + 1].lower) && !titleCase {
                i += 1; continue
            }
            // "Britain bans Huawei", "the union vows a fight": a plural-looking head between a
            // name and a name or determiner is the verb of the clause.
            if base.hasSuffix("s"), !t.isCapitalized, i > 0, i + 1 < toks.count, toks[i - 1].isCapitalized || lexicon.groupHeads[toks[i - 1].lower] != nil,
               toks[i + 1].kind == .word, toks[i + 1].isCapitalized || WordClasses.determiners.contains(toks[i + 1].lower) {
                i += 1; continue
            }
            // "farm leader", "mining company", "strike organizers": an issue noun modifying a word for
            // people or an organisation is part of an actor's name, not an issue.
            if i + 1 < toks.count, toks[i + 1].kind == .word, lexicon.groupHeads[toks[i + 1].lower] != nil || lexicon.lowerTitles.contains(toks[i + 1].lower)
                || lexicon.orgWords[toks[i + 1].lower] != nil {
                i += 1; continue
            }
            // Compounds take the last noun as head: "pipeline projects", "sales tax".
            if i + 1 < toks.count, toks[i + 1].kind == .word, isIssueNoun(toks[i + 1].lower),
               titleCase || !toks[i + 1].isCapitalized { i += 1; continue }
            // Left modifiers.
            var a = i
            var owner: String?
            // (a name may run longer: "Indian Point nuclear power plant shutdown")
            while a > 0, i - a < 4 || i - a < 6 && toks[a - 1].isCapitalized && toks[a].isCapitalized {
                let p = toks[a - 1]
                guard p.kind == .word || p.kind == .number && p.text.count <= 4 else { break }
                let (pb, poss) = MentionFinder.stripPossessive(p.text)
                if poss { owner = Self.capitalisedRun(toks, endingAt: a - 2, last: pb); break }
                // "Acme Co.'s plan": the possessive split off after an abbreviation.
                if ["'s", "’s", "s"].contains(p.text), a >= 2, toks[a - 2].kind != .word {
                    var o = a - 2
                    while o > 0, ["'", "’", "."].contains(toks[o].text) { o -= 1 }
                    if toks[o].kind == .word { owner = Self.capitalisedRun(toks, endingAt: o - 1, last: toks[o].text) }
                    break
                }
                // "to renew military deal": an infinitive verb is not a modifier; nor is a
                // participle after an auxiliary ("have introduced bills").
                if a >= 2, toks[a - 2].lower == "to" || p.lower.hasSuffix("ed") && WordClasses.auxiliaries.contains(toks[a - 2].lower) { break }
                // A participle modifies only after a determiner ("the proposed ban", "a newly revised
                // plan"); elsewhere it is a verb ("states enacted laws", "a rarely used rule").
                if p.lower.hasSuffix("ed"), !titleCase, a >= 2 {
                    let before = toks[a - 2].lower
                    let determined = WordClasses.determiners.contains(before)
                        || WordClasses.isAdverb(before) && a >= 3 && WordClasses.determiners.contains(toks[a - 3].lower)
                    if !determined { break }
                }
                // Amounts are not part of an issue's name ("$1.9 billion", "£52bn").
                // ("COVID-19" and "5G" are names, not amounts)
                let amount = p.text.first.map { "$£€¥".contains($0) || $0.isNumber && !p.text.contains(where: \.isUppercase) } ?? false
                if amount && !p.text.allSatisfy(\.isNumber) || ["billion", "million", "bn", "trillion"].contains(p.lower) { break }
                let w = p.lower
                // ("straw" in "Plastic Straw Ban" is the body's "straws")
                if titleCase, !bodyWords.isEmpty, !bodyWords.contains(w), !bodyWords.contains(w + "s"), !bodyWords.contains(w + "es") { break }
                if lexicon.transitiveVerbs.contains(w), !(w.hasSuffix("ed") && a >= 2 && WordClasses.determiners.contains(toks[a - 2].lower)) { break }
                // "a better bill", "a terrible deal": a judgement, not part of the issue's name.
                // (judgements only: "eviction ordinance" and "surveillance program" keep their toned nouns)
                if ["better", "best", "worse", "worst", "good", "bad", "great", "terrible"].contains(w) { break }
                if WordClasses.determiners.contains(w) || WordClasses.prepositions.contains(w) || WordClasses.auxiliaries.contains(w)
                    || WordClasses.coordinators.contains(w) || WordClasses.subjectPronouns.contains(w) || WordClasses.relativePronouns.contains(w)
                    || WordClasses.intentionVerbs.contains(w)
                    || lexicon.cues[w] != nil && !w.hasSuffix("ed") && !(w.hasSuffix("ing") && a == i) || lexicon.speechVerbs.contains(w) || WordClasses.isAdverb(w) {
                    break
                }
                a -= 1
            }
            // One prepositional tail: "sales to police", "ban on flavored e-cigarettes".
            var b = i + 1
            // "to" introduces a noun phrase ("sales to police"), not a verb ("bill to climb").
            let toNoun = b + 1 < toks.count && toks[b].lower == "to" && (WordClasses.determiners.contains(toks[b + 1].lower)
                || toks[b + 1].isCapitalized && !titleCase || lexicon.groupHeads[toks[b + 1].lower] != nil || lexicon.issueNouns.contains(toks[b + 1].lower)
                || titleCase && lexicon.groupHeads[toks[b + 1].lower] != nil)
            // "contracts with Acme": a deal is named by its other party.
            let withParty = b + 1 < toks.count && toks[b].lower == "with" && Self.dealHeads.contains(base)
            if b + 1 < toks.count, ["on", "of", "for", "against", "over"].contains(toks[b].lower) || toNoun || withParty {
                var c = b + 1
                var taken = 0
                while c < toks.count, taken < 4 {
                    let w = toks[c].lower
                    if toks[c].kind != .word && toks[c].kind != .number || Self.isTemporal(toks[c]) { break }
                    // "strike against Northwind Energy entered its second week": a past verb ends it.
                    if taken > 0, w.hasSuffix("ed"), !toks[c].isCapitalized, !WordClasses.determiners.contains(toks[c - 1].lower) { break }
                    // "and" inside a name ("Immigration and Customs Enforcement") does not end the tail.
                    let inName = c > 0 && c + 1 < toks.count && toks[c - 1].isCapitalized && toks[c + 1].isCapitalized && !titleCase
                    if WordClasses.prepositions.contains(w) && w != "of" || WordClasses.auxiliaries.contains(w) || WordClasses.relativePronouns.contains(w)
                        || lexicon.cues[w] != nil || lexicon.speechVerbs.contains(w) || WordClasses.coordinators.contains(w) && w != "&" && !(w == "and" && inName) {
                        break
                    }
                    if !(taken == 0 && WordClasses.determiners.contains(w)) { taken += 1 }
                    c += 1
                }
                if taken > 0 { b = trimTrailingFunctionWords(toks, from: b, to: c) }
            }
            // "a bill banning ads for illegal rentals", "the law requiring masks": what the law does
            // belongs to its name.
            let lawHeads: Set<String> = ["bill", "law", "measure", "ordinance", "rule", "order", "proposal", "legislation", "regulation", "mandate"]
            if b == i + 1, lawHeads.contains(base), b < toks.count, toks[b].kind == .word, toks[b].lower.hasSuffix("ing"),
               lexicon.cues[toks[b].lower] == nil || ["banning", "blocking", "requiring", "allowing", "prohibiting"].contains(toks[b].lower) {
                var c = b + 1
                var taken = 0
                while c < toks.count, taken < 4, toks[c].kind == .word || toks[c].kind == .number {
                    let w = toks[c].lower
                    if WordClasses.auxiliaries.contains(w) || WordClasses.relativePronouns.contains(w) || WordClasses.subordinators.contains(w)
                        || w == "and" || w == "or" || Self.isTemporal(toks[c]) { break }
                    if !WordClasses.determiners.contains(w) { taken += 1 }
                    c += 1
                }
                if taken > 0 { b = trimTrailingFunctionWords(toks, from: b, to: c) }
            }
            let surface = { (k: Int) in Self.labelWord(toks, k, titleCase: titleCase, bodyLowercase: bodyLowercase) }
            let content = { (r: Range<Int>) in r.map(surface).filter { !WordClasses.determiners.contains($0.lowercased()) } }
            var lab = content(a..<b).joined(separator: " ")
            var aliases: [String] = []
            // "a ban on plastic bags" is the "plastic bag ban": the compact form is the one news
            // uses as a name, and it makes both phrasings one issue.
            if Self.compoundingHeads.contains(base), b > i + 2, toks[i + 1].lower == "on" {
                var tail = content((i + 2)..<b)
                if let last = tail.last, last == last.lowercased(), !Self.pluralOnly.contains(last) { tail[tail.count - 1] = Self.singular(last) }
                let compact = (content(a..<i) + tail + [surface(i)]).joined(separator: " ")
                aliases = [lab]
                lab = compact
            }
            out.append((a, b, Issue(label: lab, aliases: aliases, head: base, score: 0, words: Self.contentWords(lab), owner: owner)))
            i = b
        }
        for p in judgedPhrases(in: toks, titleCase: titleCase, bodyLowercase: bodyLowercase)
        where !out.contains(where: { $0.0 < p.end && p.start < $0.1 }) {
            out.append(p)
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Verbs by which a headline reports an act on the thing in dispute ("Council advances Depot
    /// Street rezoning", "EPA renews insecticide X", "Feds approve Gulf wind farm").
    static let headlineActs: Set<String> = Set(["advance", "approve", "pass", "reject", "block", "veto", "sign", "renew", "defend",
                                                "pull", "ban", "halt", "scrap", "back", "oppose", "overturn", "challenge", "clear",
                                                "greenlight", "okay", "endorse", "unveil", "propose", "delay", "suspend", "revoke",
                                                "fight", "protest", "condemn", "slam", "criticize", "criticise", "reinstate", "extend",
                                                "expand", "adopt", "enact", "strike", "uphold", "shelve", "kill", "drop", "cancel"]
        .flatMap(Inflector.forms(of:)))

    /// The object of the headline's act, when no issue noun heads it: "advances Depot Street
    /// rezoning" → "Depot Street rezoning". The phrase runs to a preposition that starts an
    /// adjunct ("over neighbors' objections", "amid", "in 4-3 vote") or the end of the clause;
    /// an actor's possessive ("Serrano's bid") is left out of it.
    func headlineObject(in toks: [Token], bodyLowercase: Set<String>) -> (start: Int, end: Int, issue: Issue)? {
        guard let v = toks.indices.dropFirst().first(where: { Self.headlineActs.contains(toks[$0].lower) && !toks[$0].isCapitalized || Self.headlineActs.contains(toks[$0].lower) && toks.count > 2 }) else { return nil }
        var s = v + 1
        // "to overturn approval of X", "sues U.S. to block X": the act's own object comes after "to VERB".
        // determiners and amounts are no part of a name ("a", "38%", "€4.8 billion")
        while s < toks.count, WordClasses.determiners.contains(toks[s].lower) || toks[s].kind == .number || toks[s].kind == .punctuation
                || ["billion", "million", "bn", "percent", "per", "cent"].contains(toks[s].lower) || toks[s].text.first.map({ "$£€¥".contains($0) || $0.isNumber }) == true { s += 1 }
        // "approval of the Nevada lithium mine" is about the mine
        if s + 1 < toks.count, Self.proceduralHeads.contains(toks[s].lower), ["of", "for"].contains(toks[s + 1].lower) { s += 2 }
        var e = s
        let stops: Set<String> = ["over", "amid", "as", "after", "despite", "in", "at", "on", "with", "to", "by", "from", "against", "while", "but",
                                  "citing", "saying", "amid", "before", "until", "following", "into", "and", "or", "for"]
        while e < toks.count, e - s < 7, toks[e].kind == .word || toks[e].kind == .number, !stops.contains(toks[e].lower) {
            // an actor's possessive starts the phrase over ("Serrano's €4.8 billion bid")
            if MentionFinder.stripPossessive(toks[e].text).1 { s = e + 1 }
            e += 1
        }
        // "bid for signalling maker X", "price rise for hemophilia drug": one "for"/"of" tail
        if e + 1 < toks.count, ["for", "of"].contains(toks[e].lower), toks[e + 1].kind == .word, !Self.isTemporal(toks[e + 1]) {
            e += 1
            while e < toks.count, e - s < 10, toks[e].kind == .word, !stops.contains(toks[e].lower) { e += 1 }
        }
        while s < e, toks[s].kind != .word || ["billion", "million", "bn", "percent"].contains(toks[s].lower) || toks[s].text.first.map({ "$£€¥".contains($0) || $0.isNumber }) == true { s += 1 }
        guard e - s >= 2 || e - s == 1 && !toks[s].isCapitalized else { return nil }
        let words = (s..<e).map { Self.labelWord(toks, $0, titleCase: true, bodyLowercase: bodyLowercase) }
        // (a bare name — "sues U.S.", "backs Acme" — is an actor, not an issue)
        guard words.contains(where: { $0.first?.isLowercase == true }) else { return nil }
        let head = words.last!.lowercased()
        let lab = words.joined(separator: " ")
        return (s, e, Issue(label: lab, head: head, score: 0, words: Self.contentWords(lab)))
    }

    /// "warns a no-deal Brexit would be a catastrophe", "the levy will be devastating": what a
    /// strong judgement is passed on is at issue, even when its head is no issue noun. The phrase
    /// must hold a common word (a name alone — "Trump would be a disaster" — is an actor).
    func judgedPhrases(in toks: [Token], titleCase: Bool, bodyLowercase: Set<String>) -> [(start: Int, end: Int, issue: Issue)] {
        var out: [(Int, Int, Issue)] = []
        for m in toks.indices.dropFirst() where ["would", "will", "could"].contains(toks[m].lower) {
            var j = m + 1
            var sawBe = false
            while j < toks.count, toks[j].lower == "be" || WordClasses.isNegator(toks[j].lower) || ["a", "an"].contains(toks[j].lower)
                    || toks[j].kind == .punctuation && "\"“'‘".contains(toks[j].text) {
                if toks[j].lower == "be" { sawBe = true }
                j += 1
            }
            guard sawBe else { continue }
            guard j < toks.count, let (_, weight) = lexicon.evaluative[toks[j].lower], weight >= 0.8 else { continue }
            // the phrase before the modal: words back to a determiner, a verb of saying or "that"
            var s = m
            while s > 0, m - s < 4 {
                let p = toks[s - 1]
                let w = p.lower
                guard p.kind == .word, !WordClasses.determiners.contains(w), !WordClasses.prepositions.contains(w), !WordClasses.auxiliaries.contains(w),
                      !WordClasses.coordinators.contains(w), !WordClasses.subjectPronouns.contains(w), !WordClasses.relativePronouns.contains(w),
                      !lexicon.speechVerbs.contains(w), lexicon.cues[w] == nil, !WordClasses.isAdverb(w) else { break }
                s -= 1
            }
            let head = toks[m - 1].lower
            guard s < m, lexicon.groupHeads[head] == nil,
                  !lexicon.issueNouns.contains(head) else { continue }
            // (a capitalised first word after a determiner or a speech verb is fine: "warns No-Deal …" in a title)
            let common = (s..<m).contains { k in
                let w = toks[k].lower
                return titleCase ? bodyLowercase.contains(w) : !toks[k].isCapitalized || k == 0 && bodyLowercase.contains(w)
            }
            guard common, s == 0 || toks[s - 1].kind == .word || toks[s - 1].kind == .punctuation else { continue }
            let words = (s..<m).map { Self.labelWord(toks, $0, titleCase: titleCase, bodyLowercase: bodyLowercase) }
            let lab = words.joined(separator: " ")
            out.append((s, m, Issue(label: lab, head: head, score: 0, words: Self.contentWords(lab))))
        }
        return out
    }

    /// A word as an issue label spells it: a headline's capitalised word lowercase when the body
    /// writes it so ("Plastic Straw Ban" → "plastic straw ban"), as is a body sentence's first word.
    static func labelWord(_ toks: [Token], _ k: Int, titleCase: Bool, bodyLowercase: Set<String>) -> String {
        let tx = MentionFinder.stripPossessive(toks[k].text).0
        if titleCase, tx == tx.capitalized, bodyLowercase.contains(tx.lowercased()) || WordClasses.prepositions.contains(tx.lowercased()) { return tx.lowercased() }
        if !titleCase, k == 0, !bodyLowercase.isEmpty, bodyLowercase.contains(tx.lowercased()) { return tx.lowercased() }
        return tx
    }

    /// A possessor's whole name: "Rideshare" + "Co" in "Rideshare Co.'s licence".
    static func capitalisedRun(_ toks: [Token], endingAt k: Int, last: String) -> String {
        var words = [last]
        var j = k
        while j >= 0, words.count < 5, toks[j].kind == .word, toks[j].isCapitalized { words.insert(toks[j].text, at: 0); j -= 1 }
        return words.joined(separator: " ")
    }

    /// Words that date a phrase rather than name it: "… to police earlier this year", "… on Friday".
    static let temporalWords: Set<String> = ["earlier", "later", "last", "next", "today", "yesterday", "tomorrow", "tonight", "ago",
                                             "year", "years", "week", "weeks", "month", "months", "morning", "afternoon", "evening", "night"]

    static func isTemporal(_ t: Token) -> Bool {
        let w = t.lower
        return temporalWords.contains(w) || WordClasses.weekdays.contains(w) || t.isCapitalized && w.count > 2 && DateNormalizer.month(t.text) != nil
    }

    /// True when a token can begin a noun phrase after "to": "sales to police", "sales to the army".
    func isNounStart(_ t: Token) -> Bool {
        WordClasses.determiners.contains(t.lower) || lexicon.groupHeads[t.lower] != nil || lexicon.issueNouns.contains(t.lower)
    }

    /// A tail ends on a content word: "ads on" → "ads".
    func trimTrailingFunctionWords(_ toks: [Token], from start: Int, to end: Int) -> Int {
        var e = end
        while e > start, WordClasses.prepositions.contains(toks[e - 1].lower) || WordClasses.determiners.contains(toks[e - 1].lower)
                || WordClasses.coordinators.contains(toks[e - 1].lower) { e -= 1 }
        return e
    }

    /// Heads whose "HEAD on X" phrasing compacts to "X HEAD" ("tax on sugary drinks" → "sugary drink tax").
    static let compoundingHeads: Set<String> = ["ban", "bans", "tax", "taxes", "cap", "caps", "limit", "limits", "moratorium",
                                                "tariff", "tariffs", "levy", "restrictions", "embargo", "sanctions", "crackdown"]
    /// Heads of a step in a project's life ("a permit for the pipeline", "approval of the merger"):
    /// the step names no issue apart from the project.
    static let proceduralHeads: Set<String> = ["permit", "permits", "approval", "approvals", "construction", "completion"]
    static let dealHeads: Set<String> = ["contract", "contracts", "deal", "deals", "agreement", "agreements", "partnership",
                                         "partnerships", "ties", "relationship", "merger", "alliance"]
    static let pluralOnly: Set<String> = ["sales", "arms", "goods", "news", "species", "series", "means", "data", "media", "emissions"]

    /// Crude noun singular for matching ("bags" = "bag", "policies" = "policy"); labels keep their form.
    static func singular(_ w: String) -> String {
        guard w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") else { return w }
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes") || w.hasSuffix("sses") { return String(w.dropLast(2)) }
        return String(w.dropLast())
    }

    static let stop: Set<String> = ["the", "a", "an", "of", "to", "on", "in", "for", "and", "its", "their", "by", "with", "at",
                                    "from", "s", "it", "this", "that", "use", "over", "such", "proposed", "new", "controversial"]

    static func contentWords(_ s: String) -> Set<String> {
        Set(NameKey.make(s).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !stop.contains($0) }.map(singular))
    }

    /// Heads that name one legislative text at different stages: a bill becomes a law.
    static let legislativeHeads: Set<String> = ["bill", "law", "legislation", "measure", "act", "proposal", "ordinance", "proposition"]

    /// True when an anaphor with head `b` may refer to an issue with head `a` ("the law" → the bill).
    static func sameReferent(_ a: String, _ b: String) -> Bool {
        let (sa, sb) = (singular(a), singular(b))
        return sa == sb || legislativeHeads.contains(sa) && legislativeHeads.contains(sb)
            || transactionHeads.contains(sa) && transactionHeads.contains(sb)
            || undoHeads.contains(sa) && undoHeads.contains(sb)
    }

    /// Nouns that name an act on the issue ("the ruling", "the decision", "the veto").
    static let actNouns: Set<String> = ["ruling", "decision", "veto", "rejection", "block", "blocking", "move", "denial", "refusal",
                                        "verdict", "order", "vetoes", "decisions", "rulings"]

    /// Heads of an issue that is itself a protest ("the teachers' strike", "a boycott of X").
    static let protestHeads: Set<String> = ["strike", "walkout", "protest", "boycott", "picket", "sit-in", "stoppage"]

    /// Heads that name one undoing of a rule ("the repeal", "the rollback").
    static let undoHeads: Set<String> = ["repeal", "rollback", "reversal", "rescission"]

    /// Heads general enough to describe any issue ("the practice", "such contracts", "the move").
    static let genericHeads: Set<String> = ["practice", "policy", "move", "plan", "decision", "program", "programme", "effort",
                                            "initiative", "proposal", "measure", "scheme", "project", "deal", "business", "contract",
                                            "agreement", "step", "change", "action", "idea", "approach", "effort", "arrangement"]

    /// Heads that name one corporate transaction ("the deal", "the takeover", "the merger").
    static let transactionHeads: Set<String> = ["deal", "takeover", "merger", "acquisition", "buyout"]

    static let definite: Set<String> = ["the", "such", "this", "that", "these", "those", "its", "their", "his", "her", "both", "two"]

    /// True for "the practice", "such contracts", "this bill": a bare reference to an issue.
    func isAnaphoric(_ toks: [Token], _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 3 else { return false }
        let first = start > 0 ? toks[start - 1].lower : ""
        return end - start == 1 && Self.definite.contains(first)
    }

    /// True for a definite description without a complement ("the business practices"): it
    /// refers to something already given, so it may corefer with the article's issue.
    func isDefiniteDescription(_ toks: [Token], _ start: Int, _ end: Int) -> Bool {
        guard start > 0, Self.definite.contains(toks[start - 1].lower), end - start <= 3 else { return false }
        let head = toks[end - 1].lower
        return isIssueNoun(MentionFinder.stripPossessive(head).0)
    }
}
