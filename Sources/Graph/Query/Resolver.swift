import Foundation
import GRDB

/// An actor or issue a name resolved to.
public struct ResolvedName: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case entity, issue }
    public var kind: Kind
    public var id: Int64
    public var name: String
    /// The id in the adjacency table's encoding: entities positive, issues negative.
    public var nodeID: Int64 { kind == .entity ? id : -id }
}

/// Resolves names to ids before any SQL is generated.
///
/// Actors: the normalised name (`NameKey`) of an entity, else an alias; several entities sharing an
/// alias is an ambiguity (listed with ids); `#id` picks one. Issues: the label, else an alias, else —
/// because analysts type "facial recognition" for "facial recognition sales to police" — the one
/// issue whose label or alias contains the words as a phrase; several such issues are an ambiguity.
struct Resolver {
    let db: Database
    let source: String
    let parameters: [String: String]
    /// Notes about fuzzy resolutions, shown to the user.
    var notes: [String] = []

    init(db: Database, source: String, parameters: [String: String]) {
        self.db = db; self.source = source; self.parameters = parameters
    }

    private func fail(_ message: String, _ range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(message, at: range, in: source)
    }

    /// The text of a `$param`, or a diagnostic naming the missing parameter.
    func parameter(_ name: String, _ range: SourceRange) throws -> String {
        guard let v = parameters[name] else {
            let known = parameters.keys.sorted()
            throw fail("no value for parameter $\(name); pass --param \(name)=…" + Suggestion.didYouMean(name, in: known), range)
        }
        return v
    }

    /// A reference as text or id.
    private func spelled(_ ref: NameReference) throws -> (text: String?, id: Int64?) {
        switch ref.kind {
        case .id(let n): return (nil, n)
        case .text(let t): return Self.idSyntax(t).map { (nil, $0) } ?? (t, nil)
        case .parameter(let p):
            let t = try parameter(p, ref.range)
            return Self.idSyntax(t).map { (nil, $0) } ?? (t, nil)
        }
    }

    /// `#42` written inside a string or parameter.
    static func idSyntax(_ text: String) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("#") else { return nil }
        return Int64(t.dropFirst())
    }

    // MARK: actors

    mutating func entity(_ ref: NameReference) throws -> ResolvedName {
        let (text, id) = try spelled(ref)
        if let id {
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM entity WHERE id = ?", arguments: [id]) else {
                throw fail("no actor with id #\(id)", ref.range)
            }
            return ResolvedName(kind: .entity, id: id, name: name)
        }
        let name = text ?? ""
        let candidates = try entityCandidates(name)
        if let hit = candidates.single { return hit }
        if candidates.count > 1 { throw ambiguous("actor", name, candidates, ref.range) }
        throw fail("unknown actor '\(name)'" + (try entitySuggestions(name)), ref.range)
    }

    /// An actor if one has the name, else an issue.
    mutating func node(_ ref: NameReference) throws -> ResolvedName {
        let (text, id) = try spelled(ref)
        if id != nil { return try entity(ref) }
        let name = text ?? ""
        let candidates = try entityCandidates(name)
        if let hit = candidates.single { return hit }
        if candidates.count > 1 { throw ambiguous("actor", name, candidates, ref.range) }
        if let issue = try? issue(ref) { return issue }
        let hint = try entitySuggestions(name)
        throw fail("unknown actor or issue '\(name)'" + hint, ref.range)
    }

    private func entityCandidates(_ name: String) throws -> [ResolvedName] {
        let key = NameKey.make(name)
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name FROM entity WHERE name_key = ?"), arguments: [key]) {
            return [ResolvedName(kind: .entity, id: row[0], name: row[1])]
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT e.id, e.name FROM alias a JOIN entity e ON e.id = a.entity WHERE a.surface_key = ? ORDER BY e.id
            """), arguments: [key]).map { ResolvedName(kind: .entity, id: $0[0], name: $0[1]) }
    }

    private func entitySuggestions(_ name: String) throws -> String {
        let key = NameKey.make(name)
        var names = try String.fetchAll(db, sql: "SELECT name FROM entity UNION SELECT surface FROM alias")
        var close = Suggestion.closest(to: name, in: names)
        if close.isEmpty, !key.isEmpty {
            names = try String.fetchAll(db, sql: "SELECT name FROM entity WHERE instr(name_key, ?) > 0 ORDER BY length(name) LIMIT 3", arguments: [key])
            close = names
        }
        return close.isEmpty ? "; `graphq entities` lists the actors" : Suggestion.phrase(close)
    }

    private func ambiguous(_ what: String, _ name: String, _ c: [ResolvedName], _ range: SourceRange) -> QueryDiagnostic {
        let list = c.prefix(8).map { "#\($0.id) \($0.name)" }.joined(separator: ", ")
        let more = c.count > 8 ? " and \(c.count - 8) more" : ""
        return fail("'\(name)' names several \(what)s: \(list)\(more); write '#id' to pick one", range)
    }

    // MARK: issues

    mutating func issue(_ ref: NameReference) throws -> ResolvedName {
        let (text, id) = try spelled(ref)
        if let id {
            guard let label = try String.fetchOne(db, sql: "SELECT label FROM issue WHERE id = ?", arguments: [id]) else {
                throw fail("no issue with id #\(id)", ref.range)
            }
            return ResolvedName(kind: .issue, id: id, name: label)
        }
        let name = text ?? ""
        let key = NameKey.make(name)
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, label FROM issue WHERE label_key = ?"), arguments: [key]) {
            return ResolvedName(kind: .issue, id: row[0], name: row[1])
        }
        let byAlias = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT i.id, i.label FROM issue_alias a JOIN issue i ON i.id = a.issue WHERE a.surface_key = ? ORDER BY i.id
            """), arguments: [key]).map { ResolvedName(kind: .issue, id: $0[0], name: $0[1]) }
        if byAlias.count == 1 { return byAlias[0] }
        if byAlias.count > 1 { throw ambiguous("issue", name, byAlias, ref.range) }
        guard !key.isEmpty else { throw fail("an issue name cannot be empty", ref.range) }
        // The words as a phrase inside a label or alias (padded with spaces: whole words only).
        let phrase = try Row.fetchAll(db, sql: """
            SELECT DISTINCT i.id, i.label FROM issue i
            WHERE instr(' ' || i.label_key || ' ', ?1) > 0
               OR i.id IN (SELECT issue FROM issue_alias WHERE instr(' ' || surface_key || ' ', ?1) > 0)
            ORDER BY i.id LIMIT 20
            """, arguments: [" " + key + " "]).map { ResolvedName(kind: .issue, id: $0[0], name: $0[1]) }
        if phrase.count == 1 {
            notes.append("'\(name)' is issue #\(phrase[0].id) '\(phrase[0].name)'")
            return phrase[0]
        }
        if phrase.count > 1 {
            let list = phrase.prefix(8).map { "#\($0.id) '\($0.name)'" }.joined(separator: ", ")
            throw fail("'\(name)' matches several issues: \(list); write more of the label or '#id'", ref.range)
        }
        let labels = try String.fetchAll(db, sql: "SELECT label FROM issue UNION SELECT surface FROM issue_alias")
        let close = Suggestion.closest(to: name, in: labels)
        throw fail("unknown issue '\(name)'" + (close.isEmpty ? "; `graphq query \"MATCH (i:Issue) RETURN i.name\"` lists the issues" : Suggestion.phrase(close)), ref.range)
    }
}

private extension Array {
    var single: Element? { count == 1 ? first : nil }
}
