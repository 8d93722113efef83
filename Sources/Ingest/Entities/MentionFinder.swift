import Graph

/// Finds actor mentions in a sentence: capitalised names (with titles and roles), group phrases
/// ("privacy rights activists", "Amazon employees"), pronouns and descriptions ("the company").
struct MentionFinder {
    let lexicon: Lexicon
    /// Capitalised words seen in the middle of a sentence somewhere in the article: a word
    /// capitalised only at sentence starts ("Quite", "Thus") is not a name.
    var midSentenceCapitals: Set<String> = []

    static let nominalHeads: [String: EntityKind] = [
        "company": .organization, "firm": .organization, "retailer": .organization, "giant": .organization,
        "carrier": .organization, "automaker": .organization, "airline": .organization, "manufacturer": .organization,
        "startup": .organization, "platform": .organization, "conglomerate": .organization, "corporation": .organization,
        "group": .organization, "organization": .organization, "organisation": .organization, "coalition": .organization,
        "alliance": .organization, "union": .organization, "association": .organization, "charity": .organization,
        "agency": .government, "department": .government, "regulator": .government, "administration": .government,
        "government": .government, "ministry": .government, "commission": .government, "authority": .government,
        "watchdog": .government, "city": .government, "state": .government, "county": .government, "council": .government,
        "board": .government, "tribe": .organization, "network": .organization, "utility": .organization, "operator": .organization,
        "president": .person, "governor": .person, "mayor": .person, "senator": .person, "ceo": .person,
        "executive": .person, "chairman": .person, "lawmaker": .person, "minister": .person, "secretary": .person,
        // products referred to by what they are ("the aircraft", "the app")
        "aircraft": .product, "airplane": .product, "plane": .product, "jet": .product, "jetliner": .product, "app": .product,
        "device": .product, "drug": .product, "vehicle": .product, "console": .product,
        // one member of a group named earlier ("the employee" of "Microsoft employees")
        "employee": .group, "worker": .group, "staffer": .group,
    ]
    static let institutionHeads: Set<String> = ["authority", "agency", "department", "commission", "council", "board", "court",
                                                "union", "association", "committee", "ministry", "regulator", "district", "legislature"]
    static let memberNouns: Set<String> = ["employee", "worker", "staffer"]
    static let collectiveHeads: Set<String> = ["group", "coalition", "alliance", "consortium", "network", "collection", "assortment"]
    static let seniority: Set<String> = ["senior", "top", "junior", "former", "high-ranking", "senior-level", "second", "third"]
    static let speakerRoles: Set<String> = ["official", "spokesperson", "spokesman", "spokeswoman", "aide", "representative", "source"]
    /// Heads that name a body by the person or country that leads it ("the Hale administration").
    static let governingHeads: Set<String> = ["administration", "government", "campaign", "ministry", "regime", "cabinet"]
    static let pronounKinds: [String: [EntityKind]] = [
        "he": [.person], "him": [.person], "she": [.person], "her": [.person],
        "they": [.group, .organization, .government], "them": [.group, .organization, .government],
        "it": [.organization, .government, .product], "we": [.organization, .group, .government, .person],
        "i": [.person],  // resolved to the quote's speaker
    ]
    static let ordinals: Set<String> = ["first", "second", "third", "fourth", "fifth", "last", "next", "final"]
    static let honours: Set<String> = ["MP", "OBE", "MBE", "CBE", "KBE", "QC", "KC", "MEP", "MSP", "PhD", "Esq", "Esq."]
    static let connectors: Set<String> = ["of", "for", "&", "de", "du", "von", "van", "der", "la", "le", "del", "da"]

    func find(in s: Sentence, text: [Unicode.Scalar]) -> [Mention] {
        var mentions: [Mention] = []
        let toks = s.tokens
        var covered = [Bool](repeating: false, count: toks.count)
        func surface(_ a: Int, _ b: Int) -> String {
            String(String.UnicodeScalarView(text[toks[a].start..<toks[b - 1].end]))
        }

        // 0. Unnamed collectives: "a group of politicians, environmentalists and businesses", "a new
        // coalition of unions and tenants" act as one actor, named by their members.
        for k in toks.indices where !covered[k] && ["a", "an"].contains(toks[k].lower) {
            var h = k + 1
            while h < toks.count, h - k <= 3, toks[h].kind == .word, !toks[h].isCapitalized, !Self.collectiveHeads.contains(toks[h].lower),
                  !WordClasses.prepositions.contains(toks[h].lower), lexicon.cues[toks[h].lower] == nil { h += 1 }
            guard h + 2 < toks.count, Self.collectiveHeads.contains(toks[h].lower), toks[h + 1].lower == "of" else { continue }
            // a member: a group noun, with at most one lowercase modifier ("shop owners")
            func memberEnd(_ j: Int) -> Int? {
                func isHead(_ i: Int) -> Bool {
                    i < toks.count && toks[i].kind == .word && !toks[i].isCapitalized && (lexicon.groupHeads[toks[i].lower] != nil || Self.isAgentPlural(toks[i].lower))
                }
                if isHead(j) { return j + 1 }
                if j < toks.count, toks[j].kind == .word, !toks[j].isCapitalized, !WordClasses.determiners.contains(toks[j].lower), isHead(j + 1) { return j + 2 }
                return nil
            }
            var j = h + 2
            var members = 0
            while j < toks.count {
                if ["mostly", "mainly", "largely"].contains(toks[j].lower) { j += 1; continue }
                guard let e = memberEnd(j) else { break }
                members += 1; j = e
                if j + 1 < toks.count, [",", "and"].contains(toks[j].lower) {
                    let next = toks[j].lower == "," && toks[j + 1].lower == "and" ? j + 2 : j + 1
                    if memberEnd(next) != nil { j = next; continue }
                }
                break
            }
            guard members >= 2 else { continue }
            mentions.append(Mention(sentence: s.index, start: k, end: j, name: surface(h, j), surface: surface(k, j),
                                    kind: .organization, role: .named, possessive: false))
            for x in k..<j { covered[x] = true }
        }

        // 1. Groups first, so that "Amazon employees" is one mention, not "Amazon" + "employees".
        for i in toks.indices where toks[i].kind == .word && !covered[i] {
            let (base, poss) = Self.stripPossessive(toks[i].lower)
            // Plural agent nouns are groups even when no lexicon lists them ("dockworkers",
            // "pharmacists", "ranchers").
            // Demonym plurals are groups too ("everyday Americans", "angry Californians").
            let demonym = toks[i].isCapitalized && toks[i].text.count >= 6 && (base.hasSuffix("ans") || base.hasSuffix("ers"))
                && (i == 0 || !toks[i - 1].isCapitalized) && (i + 1 >= toks.count || !toks[i + 1].isCapitalized)
                && lexicon.gazetteer[NameKey.make(toks[i].text)] == nil
            let heads = lexicon.groupHeads[base] ?? (Self.isAgentPlural(base) || demonym ? [([base], EntityKind.group)] : nil)
            guard let heads else { continue }
            // Longest multi-word head that matches ("law enforcement agencies").
            var headStart = i, kind = EntityKind.group, matched = false
            for h in heads.sorted(by: { $0.words.count > $1.words.count }) {
                let n = h.words.count
                guard i - n + 1 >= 0 else { continue }
                let ws = (i - n + 1...i).map { Self.stripPossessive(toks[$0].lower).0 }
                if ws == h.words { headStart = i - n + 1; kind = h.kind; matched = true; break }
            }
            guard matched else { continue }
            // "an industry association", "the teachers union": a modifier of another actor noun.
            if i + 1 < toks.count, toks[i + 1].kind == .word, !toks[i + 1].isCapitalized,
               Self.nominalHeads[toks[i + 1].lower] != nil || lexicon.groupHeads[toks[i + 1].lower] != nil { continue }
            // "Tech Workers Coalition": a capitalised head inside a name is not a group.
            if toks[i].isCapitalized, i > 0, i + 1 < toks.count, toks[i + 1].isCapitalized, toks[i + 1].kind == .word { continue }
            if toks[i].isCapitalized, i > 0, toks[i - 1].isCapitalized, toks[i - 1].kind == .word,
               !(i - 1 == 0 && lexicon.stopCapitals.contains(toks[i - 1].text)) { continue }
            // Pre-modifiers: lowercase content words or capitalised names, up to three.
            var m = headStart
            var qualifier: String?
            while m > 0, headStart - m < 3 {
                let t = toks[m - 1]
                guard t.kind == .word else { break }
                let w = t.lower
                if WordClasses.determiners.contains(w) || WordClasses.prepositions.contains(w) || WordClasses.auxiliaries.contains(w)
                    || WordClasses.isAdverb(w) || WordClasses.coordinators.contains(w) || WordClasses.subjectPronouns.contains(w)
                    || WordClasses.relativePronouns.contains(w) || lexicon.cues[w] != nil || lexicon.speechVerbs.contains(w)
                    || Self.stripPossessive(w).1 || lexicon.stopCapitals.contains(t.text) && m - 1 == 0 || w.hasSuffix("ed") && !w.contains("-")
                    || (w.hasSuffix("ing") && !w.contains("-")) || Int(w) != nil || lexicon.issueNouns.contains(w) && !t.isCapitalized
                    // "although services firms", "the second time German voters"
                    || WordClasses.subordinators.contains(w) || Self.ordinals.contains(w) || IssueFinder.temporalWords.contains(w) || w == "time" || w == "times" {
                    break
                }
                // A lowercase word after a modal or a subject is a verb taking the group as its
                // object: "can reach students", "Sentinel benefits students" (but "German sports
                // chiefs", "a victory to green activists", "are union critics" keep their modifiers).
                if !t.isCapitalized, m >= 2 {
                    let b = toks[m - 2]
                    if b.lower == "own" || WordClasses.conditionalModals.contains(b.lower) || ["can", "will", "must"].contains(b.lower)
                        // (a verb after a singular name ends in -s; "Amazon warehouse workers" keeps its noun)
                        || b.kind == .word && b.isCapitalized && m - 2 > 0 && !Self.isDemonymLike(b.text) && w.hasSuffix("s") && !w.hasSuffix("ss")
                        || b.kind == .openQuote && m - 2 > 0  // said Sentinel "helps counsellors …"
                        || lexicon.groupHeads[b.lower] != nil || Self.isAgentPlural(b.lower) { break }
                }
                if w == "own" || lexicon.transitiveVerbs.contains(w) { break }
                if t.isCapitalized && m - 1 > 0 || t.isCapitalized && !lexicon.stopCapitals.contains(t.text) {
                    qualifier = qualifier == nil ? t.text : t.text + " " + qualifier!
                }
                m -= 1
            }
            // "software that analyses students' faces": after a relative pronoun the first word is
            // the clause's verb, not a modifier.
            if m < headStart, m > 0, WordClasses.relativePronouns.contains(toks[m - 1].lower), !toks[m].isCapitalized {
                m += 1
                if qualifier != nil, !toks[m..<headStart].contains(where: \.isCapitalized) { qualifier = nil }
            }
            // A capitalised qualifier is kept only if it reads as a name (not "Republican").
            var name = surface(m, i + 1)
            // "Groups such as …" at a sentence start is the common noun "groups".
            if m == 0 || toks[m - 1].kind == .openQuote, qualifier == nil, toks[m].isCapitalized, !toks[m].text.dropFirst().contains(where: \.isUppercase) {
                name = name.prefix(1).lowercased() + name.dropFirst()
            }
            var mention = Mention(sentence: s.index, start: m, end: i + 1, name: Self.stripPossessive(name).0,
                                  surface: name, kind: kind, role: .group, possessive: poss)
            if let q = qualifier, lexicon.gazetteer[NameKey.make(q)] != nil || q.split(separator: " ").count >= 1 && !Self.isDemonymLike(q) {
                mention.qualifier = q
            }
            // "employees at Acme" / "workers of GM" → qualifier after the head.
            if i + 2 < toks.count, ["at", "of", "from", "in"].contains(toks[i + 1].lower), toks[i + 2].isCapitalized,
               !lexicon.stopCapitals.contains(toks[i + 2].text) {
                var j = i + 2
                while j < toks.count, toks[j].kind == .word, toks[j].isCapitalized { j += 1 }
                // "members of Parents for Classroom Transparency": connectors inside the name
                while j + 1 < toks.count, Self.connectors.contains(toks[j].lower) || toks[j].lower == "and" && joinsOrgName(toks, j),
                      toks[j + 1].kind == .word, toks[j + 1].isCapitalized {
                    j += 1
                    while j < toks.count, toks[j].kind == .word, toks[j].isCapitalized { j += 1 }
                }
                let org = surface(i + 2, j)
                let place = toks[i + 1].lower == "in"
                if !place && (base == "employees" || base == "workers" || base == "staff" || base == "members" || base == "shareholders"
                    || base == "investors" || base == "engineers" || base == "pilots" || base == "drivers"
                    || ["students", "teachers", "nurses", "doctors", "parents"].contains(base)) {
                    mention.qualifier = Self.stripPossessive(org).0
                    mention.name = Self.stripPossessive(org).0 + " " + base
                    mention.end = j
                } else if place, mention.end == i + 1, kind != .organization {
                    // "regulators in Ohio" → "Ohio regulators" (no membership implied); the text's
                    // own form stays an alias ("Republicans in Congress")
                    mention.name = Self.stripPossessive(org).0 + " " + mention.name
                    mention.surface = Self.stripPossessive(surface(m, j)).0
                    mention.end = j
                }
            }
            // "the largest unions representing flight attendants": who a body represents names it
            // (size words do not).
            if ["unions", "groups", "associations", "organizations", "organisations", "lobbies", "coalitions"].contains(base),
               mention.end == i + 1, i + 2 < toks.count, toks[i + 1].lower == "representing" {
                var j = i + 2
                while j < toks.count, j - i < 6, toks[j].kind == .word, !WordClasses.determiners.contains(toks[j].lower),
                      !WordClasses.prepositions.contains(toks[j].lower), !WordClasses.auxiliaries.contains(toks[j].lower),
                      !WordClasses.relativePronouns.contains(toks[j].lower), !WordClasses.coordinators.contains(toks[j].lower),
                      lexicon.cues[toks[j].lower] == nil, !lexicon.speechVerbs.contains(toks[j].lower) { j += 1 }
                if j > i + 2 {
                    mention.name = surface(i, j)
                    mention.end = j
                }
            }
            // "the governors of Ohio, Utah, and Maine": officials of named places are one group.
            if ["governors", "mayors", "leaders", "officials", "residents", "citizens", "people", "voters", "lawmakers", "legislators"].contains(base),
               mention.end == i + 1, i + 2 < toks.count, toks[i + 1].lower == "of", toks[i + 2].isCapitalized {
                var j = i + 2
                var last = j
                while j < toks.count, j - i < 14 {
                    if toks[j].isCapitalized && toks[j].kind == .word { last = j; j += 1; continue }
                    if [",", "and", "&"].contains(toks[j].lower), j + 1 < toks.count,
                       toks[j + 1].isCapitalized || toks[j + 1].lower == "and" { j += 1; continue }
                    break
                }
                mention.name = surface(m, last + 1)
                mention.name = mention.name.prefix(1).lowercased() + mention.name.dropFirst()
                mention.end = last + 1
            }
            // "opponents of the rule", "supporters of the tax": the complement names the group.
            if ["critics", "opponents", "supporters", "proponents", "backers", "detractors", "foes"].contains(base), mention.end == i + 1,
               i + 2 < toks.count, toks[i + 1].lower == "of" {
                var j = i + 2
                while j < toks.count, j - i <= 5, toks[j].kind == .word, !WordClasses.auxiliaries.contains(toks[j].lower),
                      !WordClasses.relativePronouns.contains(toks[j].lower), lexicon.speechVerbs.contains(toks[j].lower) == false,
                      lexicon.cues[toks[j].lower] == nil || WordClasses.determiners.contains(toks[j].lower) {
                    j += 1
                    if lexicon.issueNouns.contains(toks[j - 1].lower) || toks[j - 1].isCapitalized { break }
                }
                if j > i + 2 {
                    mention.name = surface(m, j).lowercased() == surface(m, j) ? surface(m, j) : surface(m, i + 1) + " " + surface(i + 1, j)
                    mention.name = mention.name.prefix(1).lowercased() + mention.name.dropFirst()
                }
            }
            // "the drivers' union", "the nurses' association": the organisation of a group.
            // (a plural possessive may be tokenised as the word and a separate apostrophe)
            let apostrophe = i + 2 < toks.count && (toks[i + 1].text == "'" || toks[i + 1].text == "\u{2019}") && toks[i + 1].start == toks[i].end
            let orgAt = apostrophe ? i + 2 : i + 1
            if poss || apostrophe, mention.end == i + 1, orgAt < toks.count,
               let k = Self.nominalHeads[Self.stripPossessive(toks[orgAt].lower).0], k == .organization {
                mention.name = surface(m, orgAt + 1)
                mention.surface = mention.name
                mention.kind = .organization
                mention.end = orgAt + 1
                mention.possessive = Self.stripPossessive(toks[orgAt].lower).1
            }
            for k in mention.start..<mention.end { covered[k] = true }
            mentions.append(mention)
        }

        // Descriptions that refer back to an actor, with any modifiers ("the San Francisco
        // company", "the Dutch firm", "the tech giant").
        for k in toks.indices where !covered[k] && ["the", "this", "that", "its", "his", "her", "their"].contains(toks[k].lower) {
            var h = k + 1
            // ("the city council", "the state board": a place word before an institution is its modifier)
            while h < toks.count, h - k <= 4, toks[h].kind == .word, Self.nominalHeads[Self.stripPossessive(toks[h].lower).0] == nil || toks[h].isCapitalized
                    || h + 1 < toks.count && ["city", "state", "county"].contains(toks[h].lower) && Self.institutionHeads.contains(Self.stripPossessive(toks[h + 1].lower).0),
                  !WordClasses.prepositions.contains(toks[h].lower), !WordClasses.auxiliaries.contains(toks[h].lower),
                  !WordClasses.determiners.contains(toks[h].lower),  // "that the Biden administration": the description starts at "the"
                  lexicon.cues[toks[h].lower] == nil, !covered[h] {
                h += 1
            }
            guard h < toks.count, !covered[h], !toks[h].isCapitalized, let kind = Self.nominalHeads[Self.stripPossessive(toks[h].lower).0] else { continue }
            // "has the authority to act": the power, not an agency.
            if toks[h].lower == "authority", h + 1 < toks.count, toks[h + 1].lower == "to" { continue }
            // "the company's" is possessive; "the union members" is not a description of an actor.
            if h + 1 < toks.count, lexicon.groupHeads[toks[h + 1].lower] != nil, !Self.stripPossessive(toks[h].lower).1 { continue }
            let poss = Self.stripPossessive(toks[h].lower).1
            // "the Hale administration", "the Dutch government": a capitalised modifier with a
            // governing head names an actor rather than describing one.
            if Self.governingHeads.contains(Self.stripPossessive(toks[h].lower).0), h > k + 1, toks[k + 1].isCapitalized {
                let name = Self.stripPossessive(surface(k + 1, h + 1)).0
                mentions.append(Mention(sentence: s.index, start: k, end: h + 1, name: name, surface: surface(k + 1, h + 1),
                                        kind: .government, role: .named, possessive: poss))
                for x in k...h { covered[x] = true }
                continue
            }
            // "the port authority", "the school board", "the city council": an institution named by
            // its lowercase modifier is an actor of its own, not a reference back.
            if Self.institutionHeads.contains(Self.stripPossessive(toks[h].lower).0), h > k + 1,
               (k + 1..<h).allSatisfy({ toks[$0].kind == .word && !WordClasses.determiners.contains(toks[$0].lower) }),
               !(k + 1..<h).contains(where: { ["same", "new", "federal", "state", "local", "powerful", "independent", "national", "only",
                                               "first", "last", "other", "main", "top", "global", "largest", "biggest"].contains(toks[$0].lower) }) {
                let name = Self.stripPossessive(surface(k + 1, h + 1)).0
                mentions.append(Mention(sentence: s.index, start: k, end: h + 1, name: name, surface: name,
                                        kind: kind, role: .named, possessive: poss))
                for x in k...h { covered[x] = true }
                continue
            }
            mentions.append(Mention(sentence: s.index, start: k, end: h + 1, name: toks[h].text, surface: surface(k, h + 1),
                                    kind: kind, role: .nominal, possessive: poss))
            for x in k...h { covered[x] = true }
        }

        // "RENO (Reuters) - A Native American tribe sued …", "A technology industry group sued …": a
        // lead that introduces its actor by description; the name follows (resolved to the actor
        // named next).
        for k in toks.indices where !covered[k] && ["a", "an"].contains(toks[k].lower) && (k == 0 || WordClasses.dashes.contains(toks[k - 1].text)) {
            var h = k + 1
            while h < toks.count, h - k <= 4, toks[h].kind == .word, !toks[h].isCapitalized || h == k + 1 || toks[h - 1].isCapitalized,
                  Self.nominalHeads[toks[h].lower] == nil, !covered[h], lexicon.cues[toks[h].lower] == nil, !WordClasses.prepositions.contains(toks[h].lower) {
                h += 1
            }
            guard h < toks.count, !covered[h], let kind = Self.nominalHeads[toks[h].lower], kind == .organization || kind == .government,
                  !(h + 1 < toks.count && toks[h + 1].lower == "of") else { continue }
            // (names inside the description are its modifiers: "A Native American tribe")
            mentions.removeAll { $0.start > k && $0.end <= h + 1 }
            mentions.append(Mention(sentence: s.index, start: k, end: h + 1, name: toks[h].text, surface: surface(k, h + 1),
                                    kind: kind, role: .nominal, possessive: false))
            for x in k...h { covered[x] = true }
        }

        // "a senior administration official", "a company spokeswoman": an unnamed person speaking
        // for a body the article already named; the body is the actor (resolved like "the administration").
        for k in toks.indices where !covered[k] && ["a", "an", "one"].contains(toks[k].lower) {
            var h = k + 1
            while h < toks.count, h - k <= 3, toks[h].kind == .word, !toks[h].isCapitalized, Self.nominalHeads[toks[h].lower] == nil,
                  WordClasses.isAdverb(toks[h].lower) || Self.seniority.contains(toks[h].lower) { h += 1 }
            guard h + 1 < toks.count, !covered[h], !toks[h].isCapitalized, let kind = Self.nominalHeads[toks[h].lower], kind != .person, kind != .product,
                  Self.speakerRoles.contains(toks[h + 1].lower) else { continue }
            mentions.append(Mention(sentence: s.index, start: k, end: h + 2, name: toks[h].text, surface: surface(k, h + 2),
                                    kind: kind, role: .nominal, possessive: false))
            for x in k...(h + 1) { covered[x] = true }
        }

        // Party-and-state tags ("Reyes, D-Northshore,") and datelines ("RIVERBEND —") are not actors.
        for (k, t) in toks.enumerated() where t.kind == .word && t.text.count > 2 && ["D-", "R-", "I-"].contains(String(t.text.prefix(2))) {
            var j = k
            while j < toks.count, toks[j].text != "," && toks[j].text != ")" { covered[j] = true; j += 1 }
        }
        if s.tokens.first?.startsParagraph == true {
            var j = 0
            while j < toks.count, toks[j].kind == .word, toks[j].text == toks[j].text.uppercased(), toks[j].text.count >= 3 || j > 0 { j += 1 }
            if j > 0, j < toks.count, ["—", "–", "-", "(", ",", ":"].contains(toks[j].text), toks[0..<j].map(\.text).joined().count >= 5 {
                for x in 0..<j { covered[x] = true }
            }
        }

        // 2. Capitalised names with titles.
        var i = 0
        while i < toks.count {
            if covered[i] || toks[i].kind != .word || !toks[i].isCapitalized && !isNameNumber(toks, i) {
                i += 1; continue
            }
            // Extend a run of capitalised words, abbreviation periods after titles, and connectors.
            var j = i
            var parts: [Int] = []
            while j < toks.count, !covered[j] {
                let t = toks[j]
                if t.kind == .word && (t.isCapitalized || isNameNumber(toks, j) && !parts.isEmpty) {
                    // Weekdays and months end a name ("Hale Wednesday").
                    if !parts.isEmpty, WordClasses.weekdays.contains(t.lower) || DateNormalizer.month(t.text) != nil && t.text.count > 2 { break }
                    // Party-and-state tags ("D-San Diego", "R-Texas") are not names.
                    if t.text.count > 2, ["D-", "R-", "I-"].contains(String(t.text.prefix(2))) { break }
                    parts.append(j); j += 1
                    // ("Penobscot Bay Fishermen's Alliance": a possessive inside an organisation's name)
                    // (j is now the token after t)
                    if Self.stripPossessive(t.text).1 {
                        guard j < toks.count, toks[j].kind == .word, lexicon.orgWords[toks[j].text] != nil else { break }
                        continue
                    }
                    // "European Rail Operators' Forum": the plural possessive's apostrophe split off
                    if j + 1 < toks.count, ["'", "’"].contains(toks[j].text), toks[j].start == t.end, t.lower.hasSuffix("s"),
                       toks[j + 1].kind == .word, lexicon.orgWords[toks[j + 1].text] != nil {
                        j += 1; continue
                    }
                    continue
                }
                if t.kind == .number, !parts.isEmpty, j + 1 <= toks.count, isNameNumber(toks, j) { parts.append(j); j += 1; continue }
                if t.text == ".", let p = parts.last, p == j - 1, lexicon.titles.contains(toks[p].text + ".") { j += 1; continue }
                // A middle initial: "Matthew L. Myers".
                if t.text == ".", let p = parts.last, p == j - 1, parts.count >= 2, toks[p].text.count == 1, toks[p].isCapitalized,
                   j + 1 < toks.count, toks[j + 1].kind == .word, toks[j + 1].isCapitalized { j += 1; continue }
                // Connectors join institution names ("Council for Education Technology",
                // "Safety and Health Administration") but not a finished company name and what
                // follows ("Veridian Systems for Sentinel", "Teachers Union and Students First").
                let finished = parts.last.map { EntityResolver.companySuffixes.contains(toks[$0].text)
                    || t.lower == "and" && lexicon.orgWords[toks[$0].text] != nil } ?? false
                // ("Procter & Gamble": a free-standing ampersand joins; "A & B and C LLC" is two names)
                let hasAmpersand = parts.first.map { f in toks[f..<j].contains { $0.text == "&" } } ?? false
                if t.kind == .word || t.text == "&", !finished,
                   Self.connectors.contains(t.lower) || t.lower == "and" && !hasAmpersand && joinsOrgName(toks, j),
                   !parts.isEmpty, j + 1 < toks.count, toks[j + 1].isCapitalized, toks[j + 1].kind == .word {
                    j += 1; continue
                }
                break
            }
            if parts.isEmpty { i += 1; continue }
            // Dates are not actors: "January 2024", "2026".
            if parts.allSatisfy({ toks[$0].kind == .number || DateNormalizer.month(toks[$0].text) != nil || WordClasses.weekdays.contains(toks[$0].lower) }) {
                i = j; continue
            }
            // A lone capitalised word at a sentence (or quotation) start is a name only if the
            // article also capitalises it mid-sentence or a lexicon knows it.
            let atStart = parts[0] == 0 || toks[parts[0] - 1].kind == .openQuote
            if parts.count == 1, atStart {
                let w = Self.stripPossessive(toks[parts[0]].text).0
                if !midSentenceCapitals.contains(w), lexicon.gazetteer[NameKey.make(w)] == nil, !lexicon.firstNames.contains(w),
                   !EntityResolver.isAcronym(w), lexicon.groupHeads[w.lowercased()] == nil {
                    i = j; continue
                }
            }
            var first = parts[0]
            let last = parts[parts.count - 1]
            // Drop sentence-initial function words and stop capitals ("The", "After", "But").
            while first <= last, lexicon.stopCapitals.contains(Self.stripPossessive(toks[first].text).0)
                    || (first == 0 || toks[first - 1].kind == .openQuote) && Self.looksLikeSentenceInitialWord(toks[first].lower) && (first == last || !toks[first + 1].isCapitalized)
                        // ("Boeing", "Reading" and "Ely" are names when the article capitalises them mid-sentence)
                        && !midSentenceCapitals.contains(Self.stripPossessive(toks[first].text).0)
                        && lexicon.gazetteer[NameKey.make(Self.stripPossessive(toks[first].text).0)] == nil
                    || toks[first].text.count > 2 && ["D-", "R-", "I-"].contains(String(toks[first].text.prefix(2))) {
                // Keep a leading "The" only when the whole thing is a known name ("The Daily Wire").
                if first == parts[0], lexicon.gazetteer[NameKey.make(surface(first, last + 1))] != nil, toks[first].lower == "the" { break }
                first += 1
                while first <= last, !parts.contains(first) { first += 1 }
            }
            if first > last { i = j; continue }
            // Honours after a name are not part of it ("Wes Streeting MP", "Jennette Arnold OBE").
            var lastPart = last
            while lastPart > first, Self.honours.contains(toks[lastPart].text) { lastPart -= 1 }
            // "Dana Whitfield of the Harbor Trust": a person of an organisation is two mentions.
            if let ofIndex = (first...lastPart).first(where: { toks[$0].lower == "of" }), ofIndex > first, ofIndex < lastPart,
               looksLikePersonName(surface(first, ofIndex)) {
                var person = Mention(sentence: s.index, start: first, end: ofIndex, name: surface(first, ofIndex), surface: surface(first, ofIndex),
                                     kind: .person, role: .named)
                let orgName = Self.stripPossessive(surface(ofIndex + 1, lastPart + 1))
                person.qualifier = orgName.0
                person.title = "member"
                var org = Mention(sentence: s.index, start: ofIndex + 1, end: lastPart + 1, name: orgName.0, surface: surface(ofIndex + 1, lastPart + 1),
                                  kind: classify(orgName.0, tokens: Array(toks[(ofIndex + 1)...lastPart]), sentenceInitial: false), role: .named, possessive: orgName.1)
                if org.kind == .other || org.kind == .person { org.kind = .organization }
                for m in [person, org] {
                    for k in m.start..<m.end { covered[k] = true }
                    mentions.append(m)
                }
                for k in first...last { covered[k] = true }
                i = j; continue
            }
            let mentionsHere = splitTitles(toks, first, lastPart + 1, sentence: s, text: text)
            for m in mentionsHere {
                for k in m.start..<m.end { covered[k] = true }
                mentions.append(m)
            }
            i = j
        }

        // 3. Pronouns and descriptions.
        for (k, t) in toks.enumerated() where !covered[k] && t.kind == .word {
            if let kinds = Self.pronounKinds[t.lower] {
                // "her" as a possessive determiner is not an actor mention.
                if t.lower == "her", k + 1 < toks.count, toks[k + 1].kind == .word, !WordClasses.prepositions.contains(toks[k + 1].lower),
                   !WordClasses.auxiliaries.contains(toks[k + 1].lower) { continue }
                if t.lower == "it", k + 1 < toks.count, ["is", "was", "'s", "’s", "would", "will", "has", "seems", "appears", "remains"].contains(toks[k + 1].lower) {
                    // Mostly expletive ("it is unclear"); only a subject of a stance verb matters, handled by the matcher.
                }
                mentions.append(Mention(sentence: s.index, start: k, end: k + 1, name: t.text, surface: t.text, kind: kinds[0], role: .pronoun))
                continue
            }
        }
        return mentions.sorted { $0.start < $1.start }
    }

    static let votingBodies: Set<String> = ["Senate", "House", "Assembly", "Council", "Board", "Commission", "Legislature", "Committee",
                                            "Court", "Parliament", "Congress", "Chamber"]

    /// "SB 12", "Model 9X": numbers inside names.
    /// ("About 1,100 nurses", "Some 400 drivers": a count after a capitalised quantifier is no name)
    func isNameNumber(_ toks: [Token], _ i: Int) -> Bool {
        toks[i].kind == .number && i > 0 && toks[i - 1].isCapitalized && toks[i - 1].kind == .word
            && !toks[i].text.contains(",") && !lexicon.stopCapitals.contains(toks[i - 1].text)
            && !["About", "Some", "Nearly", "Almost", "Over", "More", "Fewer", "Around", "Roughly", "Only", "Just", "At", "By", "Than"].contains(toks[i - 1].text)
            // ("passed the Senate 14-10": a vote's tally after a body is no part of its name)
            && !(toks[i].text.contains(where: { $0 == "-" || $0 == "–" }) && Self.votingBodies.contains(toks[i - 1].text))
    }

    /// "and" inside an organisation's name: "Occupational Safety and Health Administration".
    func joinsOrgName(_ toks: [Token], _ j: Int) -> Bool {
        var k = j + 1
        while k < toks.count, toks[k].kind == .word, toks[k].isCapitalized {
            if lexicon.orgWords[toks[k].text] != nil, lexicon.orgWords[toks[k].text] != .media { return true }
            k += 1
        }
        return false
    }

    /// Splits "Amazon CEO Jeff Bezos" / "Northshore Gov. Hale" / "AWS head Andy Jassy" into
    /// the person (with title and qualifier) and the qualifying organisation.
    func splitTitles(_ toks: [Token], _ a: Int, _ b: Int, sentence s: Sentence, text: [Unicode.Scalar]) -> [Mention] {
        func surface(_ x: Int, _ y: Int) -> String { String(String.UnicodeScalarView(text[toks[x].start..<toks[y - 1].end])) }
        // Find the last title inside the span (multi-word titles first).
        var titleStart = -1, titleEnd = -1
        var k = a
        while k < b {
            var matchedEnd: Int?
            for len in stride(from: 3, through: 1, by: -1) where k + len <= b {
                var words = (k..<k + len).map { toks[$0].text }
                var end = k + len
                if end < toks.count, toks[end].text == ".", len == 1 { words[0] += "."; end += 1 }
                let phrase = words.joined(separator: " ")
                // ("Chief Executive Anders Roe": a role of several words is a title in capitals too)
                if lexicon.titles.contains(phrase) || lexicon.titles.contains(words.joined(separator: " ") + ".")
                    || len >= 2 && lexicon.lowerTitles.contains(phrase.lowercased()) && words.allSatisfy({ $0.first?.isUppercase == true }) {
                    titleStart = k; titleEnd = min(end, b); matchedEnd = k + len
                    break
                }
            }
            // "Attorney General": the longest title wins; its last word is not a title of its own.
            k = matchedEnd ?? k + 1
        }
        let (nameText, poss) = Self.stripPossessive(surface(a, b))
        var kind = classify(nameText, tokens: Array(toks[a..<b]), sentenceInitial: a == 0)
        // ("Harvest Justice Law Center": a name ending in an organisation word has no person in it)
        if titleStart >= 0, titleEnd < b, lexicon.orgWords[toks[b - 1].text] != nil { titleStart = -1 }
        if titleStart >= 0, titleEnd < b {
            // title + person name after it
            let personStart = titleEnd
            let (person, p2) = Self.stripPossessive(surface(personStart, b))
            var mention = Mention(sentence: s.index, start: a, end: b, name: person, surface: surface(a, b), kind: .person, role: .named, possessive: p2)
            mention.title = surface(titleStart, titleEnd).replacingOccurrences(of: ".", with: "")
            if titleStart > a {
                let q = surface(a, titleStart)
                mention.qualifier = q
            }
            return [mention]
        }
        // "Clearview CEO and founder Jane Roe": a run ending in a title names the organisation
        // before it; the person follows.
        // ("Department of Justice" ends in a title word too, but after a connector: a name)
        if titleStart > a, titleEnd == b, !Self.connectors.contains(toks[titleStart - 1].lower) {
            let (org, p3) = Self.stripPossessive(surface(a, titleStart))
            var m = Mention(sentence: s.index, start: a, end: titleStart, name: org, surface: surface(a, titleStart), kind: .organization, role: .named, possessive: p3)
            let k = classify(org, tokens: Array(toks[a..<titleStart]), sentenceInitial: a == 0)
            if k != .person, k != .other { m.kind = k }
            return [m]
        }
        // Lowercase role right before the name: "AWS head Andy Jassy" (role outside the span).
        var mention = Mention(sentence: s.index, start: a, end: b, name: nameText, surface: surface(a, b), kind: kind, role: .named, possessive: poss)
        // ("Acme chief executive Tom Reyes": two-word roles too)
        let twoWordRole = a >= 3 && toks[a - 2].kind == .word && !toks[a - 2].isCapitalized && toks[a - 1].kind == .word && !toks[a - 1].isCapitalized
            && lexicon.lowerTitles.contains(toks[a - 2].lower + " " + toks[a - 1].lower)
        if a >= 2, toks[a - 1].kind == .word, !toks[a - 1].isCapitalized, lexicon.lowerTitles.contains(toks[a - 1].lower) || twoWordRole {
            // "head Andy Jassy": the qualifier precedes the role.
            mention.title = twoWordRole ? toks[a - 2].text + " " + toks[a - 1].text : toks[a - 1].text
            // A role word before a two- or three-word name makes it a person ("head Andy Jassy").
            let n = nameText.split(separator: " ").count
            if kind == .other || kind == .organization, lexicon.gazetteer[NameKey.make(nameText)] == nil, n >= 1, n <= 3,
               lexicon.orgWords[String(nameText.split(separator: " ").last ?? "")] == nil {
                kind = .person; mention.kind = .person
            }
        }
        // "Acme spokesman" → the organisation speaks; keep the org as the mention.
        if b < toks.count, ["spokesman", "spokeswoman", "spokesperson", "representative", "official", "officials"].contains(toks[b].lower) {
            mention.end = b + 1
        }
        return [mention]
    }

    func looksLikePersonName(_ name: String) -> Bool {
        let parts = name.split(separator: " ")
        guard parts.count >= 2, parts.count <= 4 else { return false }
        return lexicon.firstNames.contains(String(parts[0])) || lexicon.ambiguousFirstNames.contains(String(parts[0]))
    }

    /// Guesses the kind of a capitalised name.
    func classify(_ name: String, tokens: [Token], sentenceInitial: Bool) -> EntityKind {
        if let g = lexicon.gazetteer[NameKey.make(name)] { return g.kind }
        let words = name.split(separator: " ").map(String.init)
        if let last = words.last, let k = lexicon.orgWords[last] { return k }
        for w in words { if let k = lexicon.orgWords[w], k != .media { return k } }
        if looksLikePersonName(name) && words.count <= 4 { return .person }
        // "New Yorkers", "South Koreans": people of a place are a group.
        if words.count >= 2, let last = words.last, last.hasSuffix("ers") || last.hasSuffix("ans"), lexicon.orgWords[last] == nil,
           lexicon.gazetteer[NameKey.make(name)] == nil { return .group }
        // A model designation after a name ("Skyline 300", "Galaxy S10") makes a product.
        if words.count >= 2, words.dropFirst().contains(where: { $0.first?.isNumber == true || $0.count <= 4 && $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) }) {
            return .product
        }
        if words.count == 1, let w = words.first, w.count >= 2, w.count <= 6, w == w.uppercased(), w.contains(where: \.isLetter) {
            return .organization
        }
        if words.count >= 2 { return .organization }
        return .other
    }

    static func stripPossessive(_ s: String) -> (String, Bool) {
        if s.hasSuffix("'s") || s.hasSuffix("’s") { return (String(s.dropLast(2)), true) }
        if s.hasSuffix("s'") || s.hasSuffix("s’") { return (String(s.dropLast(1)), true) }
        return (s, false)
    }

    static func looksLikeSentenceInitialWord(_ w: String) -> Bool {
        w.hasSuffix("ing") || w.hasSuffix("ly") || w.hasSuffix("ed")
    }

    static let nonAgentPlurals: Set<String> = ["others", "numbers", "papers", "orders", "matters", "letters", "offers", "centers",
        "centres", "computers", "headquarters", "layers", "borders", "waters", "quarters", "powers", "members", "towers", "filters",
        "chapters", "registers", "barriers", "disorders", "characters", "corners", "answers", "brothers", "sisters", "mothers",
        "fathers", "daughters", "letters", "meters", "metres", "dollars", "transfers", "headers", "covers", "lovers", "whispers",
        "rumors", "rumours", "powers", "shelters", "containers", "printers", "monsters", "flowers", "hours", "years", "users",
        "lists", "twists", "mists", "wrists", "fists", "tourists", "waivers", "banners", "passengers", "markers", "posters", "stickers",
        "fibers", "servers", "routers", "rivers", "weathers", "leftovers", "suppers", "dinners", "manners", "cancers", "copiers",
        "answers", "tigers", "chambers", "corners", "sectors", "factors", "motors", "cheers", "gears", "careers", "frontiers", "tiers",
        "scanners", "trackers", "speakers", "stickers", "readers", "boosters", "chargers", "thrusters", "adapters", "lasers", "burgers",
        "stickers", "trailers", "tankers", "freighters", "boulders", "ledgers", "dealers", "headliners", "fingers", "shoulders", "waters"]

    /// A plural agent noun: "-ers"/"-ists"/"-ians" words of some length, minus common things.
    /// "-ors" plurals that name things, not people ("counsellors" and "legislators" do).
    static let nonAgentOrs: Set<String> = ["factors", "sectors", "mirrors", "motors", "vectors", "tractors", "corridors", "monitors",
        "behaviors", "behaviours", "colours", "flavors", "flavours", "favours", "honours", "terrors", "horrors", "interiors", "exteriors",
        "sensors", "reactors", "indicators", "elevators", "calculators", "generators", "radiators", "ventilators", "detectors",
        "connectors", "processors", "escalators", "accelerators", "incubators", "simulators", "errors", "anchors", "meteors"]

    static func isAgentPlural(_ w: String) -> Bool {
        guard w.count >= 7, w.allSatisfy({ $0.isLetter || $0 == "-" }), !nonAgentPlurals.contains(w) else { return false }
        return w.hasSuffix("ers") || w.hasSuffix("ists") || w.hasSuffix("ians") || w.hasSuffix("ors") && !nonAgentOrs.contains(w)
    }

    static func isDemonymLike(_ q: String) -> Bool {
        q.hasSuffix("an") || q.hasSuffix("ese") || q.hasSuffix("ish") || q.hasSuffix("ic")
    }
}
