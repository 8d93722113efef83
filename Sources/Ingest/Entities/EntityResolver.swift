import Graph

/// Clusters an article's named and group mentions into entities: exact names, surnames of
/// people, acronyms and their expansions, corporate suffixes, near-spellings; and reads
/// structural relations off qualifiers (member_of, leads, part_of, product_of).
struct EntityResolver {
    let lexicon: Lexicon

    struct Entity {
        var name: String
        var kind: EntityKind
        var aliases: [String]
        var mentions = 0
        /// Name keys of the aliases, kept in step with `aliases` (matching is the hot path).
        var aliasKeys: Set<String> = []
        /// Cached key and words of `name`.
        var key: String = ""
        var words: [String] = []

        init(name: String, kind: EntityKind, aliases: [String]) {
            self.name = name; self.kind = kind; self.aliases = aliases
            key = NameKey.make(name); words = name.split(separator: " ").map(String.init)
        }

        mutating func rename(_ newName: String) {
            aliases.append(name); aliasKeys.insert(key)
            name = newName; key = NameKey.make(newName); words = newName.split(separator: " ").map(String.init)
        }
    }

    private(set) var entities: [Entity] = []
    private var byKey: [String: Int] = [:]
    /// Relations in the order they were found (an array, so that output never depends on hashing).
    private(set) var relations: [Relation] = []
    private var relationSet: Set<Relation> = []

    /// Records a relation the text states outside a name ("X, chairman of the tribe").
    mutating func relate(_ from: Int, _ to: Int, _ type: RelationType) {
        if from != to { addRelation(Relation(from: from, to: to, type: type)) }
    }

    private mutating func addRelation(_ r: Relation) {
        if relationSet.insert(r).inserted { relations.append(r) }
    }

    /// Head nouns of institutions that news names by the head alone once named in full.
    static let institutionHeads: Set<String> = ["commission", "council", "court", "agency", "board", "parliament", "authority",
                                                "ministry", "committee", "tribunal", "legislature", "assembly", "bureau", "administration"]

    struct Relation: Hashable { var from: Int; var to: Int; var type: RelationType }

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the entity index for a named or group mention, creating or merging as needed.
    mutating func resolve(_ m: Mention) -> Int {
        var name = m.name
        var kind = m.kind
        // "the Bureau of Land Management (BLM)": an acronym the article spelled out is that body,
        // whatever else the gazetteer knows by it.
        // (and a name this article already resolved keeps its referent: "BLM", then "the BLM")
        let rawKey = NameKey.make(name)
        if let i = byKey[rawKey]
            ?? (Self.isAcronym(name) ? entities.indices.first { entities[$0].words.count >= 2 && Self.initials(entities[$0].words) == name } : nil) {
            noteAlias(i, m.surface, m.name); byKey[rawKey] = i; return finish(i, m)
        }
        if let g = lexicon.gazetteer[rawKey] { name = g.name; kind = g.kind }
        let key = name == m.name ? rawKey : NameKey.make(name)
        if let i = byKey[key] { noteAlias(i, m.surface, m.name); return finish(i, m) }
        if let i = findMatch(name: name, kind: kind, role: m.role) {
            // A fuller form becomes the name ("Jeff Bezos" after "Bezos").
            if kind == .person, entities[i].kind == .person, name.split(separator: " ").count > entities[i].name.split(separator: " ").count {
                entities[i].rename(name)
            }
            if entities[i].kind == .other, kind != .other { entities[i].kind = kind }
            byKey[key] = i
            noteAlias(i, m.surface, m.name)
            return finish(i, m)
        }
        entities.append(Entity(name: name, kind: kind, aliases: []))
        let i = entities.count - 1
        byKey[key] = i
        noteAlias(i, m.surface, m.name)
        // "Veridian Systems" is also "Veridian": the short form is an alias the store can match.
        if kind == .organization, let last = entities[i].words.last, Self.companySuffixes.contains(last), entities[i].words.count >= 2 {
            let short = entities[i].words.dropLast().joined(separator: " ")
            if lexicon.gazetteer[NameKey.make(short)] == nil, !lexicon.stopCapitals.contains(short) { noteAlias(i, short, short) }
        }
        return finish(i, m)
    }

    /// Corrects an entity's kind when the text shows what it is ("the Northshore Pipeline" is a thing).
    mutating func setKind(_ i: Int, _ kind: EntityKind) {
        if entities[i].mentions <= 1 || entities[i].kind == .other || entities[i].kind == .organization { entities[i].kind = kind }
    }

    /// The last qualifier entity `resolve` created or found (so that "the company" can refer
    /// to "Amazon" in "Amazon employees").
    private(set) var lastQualifier: Int?

    /// The entity already known by exactly this name or alias, if any.
    func existing(named name: String) -> Int? {
        let k = NameKey.make(name)
        return byKey[k] ?? entities.indices.first { entities[$0].aliasKeys.contains(k) }
    }

    /// An entity known by name only (a qualifier such as "Amazon" in "Amazon employees").
    mutating func entity(named name: String, kind: EntityKind) -> Int {
        let m = Mention(sentence: -1, start: 0, end: 0, name: name, surface: name, kind: kind, role: .named)
        return resolve(m)
    }

    private mutating func finish(_ i: Int, _ m: Mention) -> Int {
        entities[i].mentions += 1
        if let q = m.qualifier, NameKey.make(q) != NameKey.make(entities[i].name), !Self.genericQualifiers.contains(q) {
            let qKind = lexicon.gazetteer[NameKey.make(q)]?.kind ?? .organization
            let qi = entity(named: q, kind: qKind == .person ? .organization : qKind)
            lastQualifier = qi
            if qi != i {
                switch m.role {
                case .group: addRelation(Relation(from: i, to: qi, type: .memberOf))
                default:
                    if let t = m.title?.lowercased(), ["spokesman", "spokeswoman", "spokesperson", "official", "representative", "member"].contains(t) {
                        addRelation(Relation(from: i, to: qi, type: .memberOf))
                    } else if m.kind == .person {
                        addRelation(Relation(from: i, to: qi, type: .leads))
                    }
                }
            }
        }
        // "Amazon Web Services" starts with the name of the organisation "Amazon".
        let words = entities[i].words
        if words.count >= 2, entities[i].kind != .person, entities[i].kind != .group, m.role != .group {
            for n in stride(from: words.count - 1, through: 1, by: -1) {
                let prefix = NameKey.make(words[0..<n].joined(separator: " "))
                if let p = byKey[prefix], p != i, entities[p].kind == .organization {
                    addRelation(Relation(from: i, to: p, type: entities[i].kind == .product ? .productOf : .partOf))
                    break
                }
            }
        }
        return i
    }

    private mutating func noteAlias(_ i: Int, _ surface: String, _ name: String) {
        for form in [surface, name] {
            let f = MentionFinder.stripPossessive(form).0
            if f != entities[i].name, !entities[i].aliases.contains(f), !f.isEmpty {
                entities[i].aliases.append(f)
                entities[i].aliasKeys.insert(NameKey.make(f))
            }
        }
    }

    private func findMatch(name: String, kind: EntityKind, role: Mention.Role) -> Int? {
        let words = name.split(separator: " ").map(String.init)
        let key = NameKey.make(name)
        // Groups: "employees" → the article's "Amazon employees".
        if role == .group {
            // "Google workers" and "Google employees" are one group.
            if words.count >= 2, let last = words.last, Self.staffHeads.contains(last.lowercased()) {
                let stem = words.dropLast().joined(separator: " ")
                if let i = entities.indices.first(where: { e in
                    entities[e].kind == .group && entities[e].words.count == words.count
                        && entities[e].words.dropLast().joined(separator: " ") == stem
                        && Self.staffHeads.contains(entities[e].words.last?.lowercased() ?? "")
                }) { return i }
            }
            if words.count == 1 {
                let cands = entities.indices.filter { entities[$0].kind == .group || entities[$0].kind == kind }
                    .filter { entities[$0].key.hasSuffix(" " + key) }
                if cands.count == 1 { return cands[0] }
            }
            return nil
        }
        let nameWords = words
        let nameIsAcronym = nameWords.count == 1 && Self.isAcronym(nameWords[0])
        for (i, e) in entities.enumerated() {
            let ekey = e.key
            if e.aliasKeys.contains(key) { return i }
            let ew = e.words
            // Cheap rejection: most entities share no word and no first letter with the name.
            if ekey.first != key.first, !nameIsAcronym, !(ew.count == 1 && Self.isAcronym(ew[0])),
               !(nameWords.last.map { ew.contains($0) } ?? false), !(ew.last.map { nameWords.contains($0) } ?? false) {
                continue
            }
            if e.aliasKeys.contains(key) { return i }
            // Surname or first+last of a person.
            if e.kind == .person, words.count == 1, ew.count >= 2, ew.last == words[0] || ew.dropLast().last == words[0] && ew.last?.count ?? 0 <= 3 { return i }
            // ("Delrahim" after "Makan Delrahim", a name whose first word no lexicon knows)
            if e.kind == .other, kind == .other || kind == .person, words.count == 1, ew.count == 2, ew.last == words[0], words[0].count >= 4 { return i }
            if kind == .person, ew.count == 1, words.count >= 2, words.last == ew[0], e.kind == .person || e.kind == .other { return i }
            // "Acme" after "Acme Logistics": a company's first word alone is its short name (unless the
            // lexicons know that word as an organisation of its own: "Amazon" vs "Amazon Web Services").
            if e.kind == .organization, kind == .organization || kind == .other, words.count == 1, ew.count >= 2, ew[0] == words[0],
               words[0].count >= 3, lexicon.gazetteer[key] == nil, !Self.isAcronym(words[0]) { return i }
            // "the Commission" after "the European Commission": an institution's head noun alone names it.
            if words.count == 1, kind != .person, [.government, .organization].contains(e.kind), ew.count >= 2, ew.last == words[0],
               Self.institutionHeads.contains(words[0].lowercased()) { return i }
            // "MAX" for a known "Boeing 737 MAX": a later word of a product's name stands for it.
            if e.kind == .product, words.count == 1, ew.count >= 2, ew.dropFirst().contains(words[0]), words[0].count >= 2 { return i }
            // Acronym ↔ expansion.
            if words.count == 1, Self.isAcronym(words[0]), ew.count >= 2, Self.initials(ew) == words[0] { return i }
            if ew.count == 1, Self.isAcronym(ew[0]), words.count >= 2, Self.initials(words) == ew[0] { return i }
            // Corporate suffixes and generic lowercase tails: "Acme Corp." = "Acme", "Lakeview Ojibwe tribe".
            // (never between an organisation and a group of its people: "Acme" ≠ "Acme employees")
            if e.kind != .person, kind != .person, e.kind != .group, kind != .group {
                let (short, long) = ew.count < words.count ? (ew, words) : (words, ew)
                // ("Biden" is not "the Biden administration": a governing body is led by, not named as, the person)
                if short.count >= 1, long.count > short.count, Array(long[0..<short.count]) == short,
                   long[short.count...].allSatisfy({ Self.companySuffixes.contains($0) || $0.first?.isLowercase == true }),
                   !long[short.count...].contains(where: { MentionFinder.governingHeads.contains($0) }) {
                    return i
                }
            }
            // Near-spellings of single long words or full names of the same kind.
            if (e.kind == kind || kind == .other || e.kind == .other), key.count >= 6, ekey.count >= 6,
               key.first == ekey.first, Suggestion.distance(key, ekey, limit: key.count >= 10 ? 2 : 1) <= (key.count >= 10 ? 2 : 1) {
                return i
            }
            // Person surname misspelt ("Jessy" for a known "Andy Jessy" is exact; "Jassy" vs "Jessy").
            if e.kind == .person, words.count == 1, let last = ew.last, last.count >= 5, words[0].count >= 5,
               last.first == words[0].first, Suggestion.distance(last, words[0], limit: 1) <= 1 {
                return i
            }
        }
        return nil
    }

    /// Capitalised words before a title that are not organisations ("State Sen.", "Former Gov.").
    static let genericQualifiers: Set<String> = ["State", "Federal", "National", "Former", "Then", "Local", "City", "County",
                                                 "Republican", "Democratic", "Democrat", "Senate", "House", "Deputy", "Acting",
                                                 "Assistant", "Vice", "Interim", "Chief", "Senior", "The"]

    static let companySuffixes: Set<String> = ["Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "LLC", "Ltd", "Ltd.", "plc", "PLC", "Company",
                                               "Corporation", "Systems", "Technologies", "Holdings", "Group", "Industries",
                                               "Incorporated", "Limited", "Labs", "Enterprises"]

    static let staffHeads: Set<String> = ["workers", "employees", "staff", "staffers", "personnel"]

    static func isAcronym(_ w: String) -> Bool {
        w.count >= 2 && w.count <= 7 && w.allSatisfy { $0.isUppercase || $0 == "&" || $0 == "." }
    }

    static func initials(_ words: [String]) -> String {
        let skip: Set<String> = ["of", "and", "for", "the", "&", "on", "de", "in", "to"]
        return String(words.filter { !skip.contains($0.lowercased()) }.compactMap(\.first)).uppercased()
    }
}
