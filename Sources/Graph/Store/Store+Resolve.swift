import Foundation
import GRDB

/// A name on the command line that does not pick out exactly one actor or issue.
public enum ResolveError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    case unknown(name: String, suggestions: [String])
    case ambiguous(name: String, candidates: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let suggestions):
            var s = "no actor or issue named '\(name)'"
            if !suggestions.isEmpty { s += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?" }
            return s + " (`graphq entities` lists actors)"
        case .ambiguous(let name, let candidates):
            return "'\(name)' matches several: " + candidates.map { "'\($0)'" }.joined(separator: ", ")
                + "; use the full name or its id (#e12 for an actor, #i3 for an issue)"
        }
    }
    public var errorDescription: String? { description }
}

/// What a name resolved to.
public struct ResolvedNode: Sendable, Equatable {
    public var ref: NodeRef
    public var label: String
}

extension Store {
    /// Which kind of node a name should be looked up as first.
    public enum NamePreference: Sendable { case issue, actor }

    /// Resolves a name typed by a user to one actor or issue.
    ///
    /// Tried in order: an id (`#e12` or `#12` for an actor, `#i3` for an issue); the exact name or
    /// alias (through ``NameKey``) of the preferred kind, then of the other; for issues, the label
    /// or an alias containing every word of the name ("recognition sales" finds "facial
    /// recognition sales to police").
    /// - Throws: ``ResolveError`` with the closest names when nothing or several things match.
    public func resolve(_ name: String, prefer: NamePreference) throws -> ResolvedNode {
        try writer.read { db in try Self.resolve(db, name, prefer: prefer) }
    }

    static func resolve(_ db: Database, _ name: String, prefer: NamePreference) throws -> ResolvedNode {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#") {
            if let node = try node(db, id: trimmed) { return node }
            throw ResolveError.unknown(name: name, suggestions: [])
        }
        let key = NameKey.make(trimmed)
        let lookups: [(Database, String) throws -> [ResolvedNode]] =
            prefer == .issue ? [exactIssues, exactEntities] : [exactEntities, exactIssues]
        for lookup in lookups {
            let found = try lookup(db, key)
            if found.count == 1 { return found[0] }
            if found.count > 1 { throw ResolveError.ambiguous(name: name, candidates: found.map(\.label)) }
        }
        let byWords = try issuesByWords(db, key)
        if byWords.count == 1 { return byWords[0] }
        if byWords.count > 1 { throw ResolveError.ambiguous(name: name, candidates: Array(byWords.map(\.label).prefix(8))) }
        throw ResolveError.unknown(name: name, suggestions: try suggestions(db, key))
    }

    /// The node an id reference names: `#i3` an issue, `#e12` or `#12` an actor; nil when none has it.
    static func node(_ db: Database, id reference: String) throws -> ResolvedNode? {
        let body = reference.dropFirst()
        if body.first == "i", let id = Int64(body.dropFirst()),
           let label = try String.fetchOne(db, sql: "SELECT label FROM issue WHERE id = ?", arguments: [id]) {
            return ResolvedNode(ref: .issue(id), label: label)
        }
        let digits = body.first == "e" ? body.dropFirst() : body
        if let id = Int64(digits), let label = try String.fetchOne(db, sql: "SELECT name FROM entity WHERE id = ?", arguments: [id]) {
            return ResolvedNode(ref: .entity(id), label: label)
        }
        return nil
    }

    static func exactEntities(_ db: Database, _ key: String) throws -> [ResolvedNode] {
        if let row = try Row.fetchOne(db, sql: "SELECT id, name FROM entity WHERE name_key = ?", arguments: [key]) {
            return [ResolvedNode(ref: .entity(row[0]), label: row[1])]
        }
        return try Row.fetchAll(db, sql: """
            SELECT DISTINCT e.id, e.name FROM alias a JOIN entity e ON e.id = a.entity WHERE a.surface_key = ? ORDER BY e.id
            """, arguments: [key]).map { ResolvedNode(ref: .entity($0[0]), label: $0[1]) }
    }

    static func exactIssues(_ db: Database, _ key: String) throws -> [ResolvedNode] {
        if let row = try Row.fetchOne(db, sql: "SELECT id, label FROM issue WHERE label_key = ?", arguments: [key]) {
            return [ResolvedNode(ref: .issue(row[0]), label: row[1])]
        }
        return try Row.fetchAll(db, sql: """
            SELECT DISTINCT i.id, i.label FROM issue_alias a JOIN issue i ON i.id = a.issue WHERE a.surface_key = ? ORDER BY i.id
            """, arguments: [key]).map { ResolvedNode(ref: .issue($0[0]), label: $0[1]) }
    }

    static let stopWords: Set<String> = ["the", "a", "an", "of", "to", "on", "in", "for", "and", "by", "with", "at", "from"]

    static func words(_ key: String) -> Set<String> {
        Set(key.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)).subtracting(stopWords)
    }

    static func issuesByWords(_ db: Database, _ key: String) throws -> [ResolvedNode] {
        let wanted = words(key)
        guard !wanted.isEmpty else { return [] }
        var found: [Int64: String] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT i.id, i.label, i.label_key FROM issue i
            UNION ALL SELECT i.id, i.label, a.surface_key FROM issue_alias a JOIN issue i ON i.id = a.issue
            """) where wanted.isSubset(of: words(r[2])) {
            found[r[0]] = r[1]
        }
        return found.sorted { $0.key < $1.key }.map { ResolvedNode(ref: .issue($0.key), label: $0.value) }
    }

    /// Up to five known names closest to `key`: sharing a word or within a small edit distance.
    static func suggestions(_ db: Database, _ key: String) throws -> [String] {
        let wanted = words(key)
        var scored: [(score: Int, label: String)] = []
        var seen = Set<String>()
        for r in try Row.fetchAll(db, sql: """
            SELECT name, name_key FROM entity UNION ALL SELECT label, label_key FROM issue
            UNION ALL SELECT e.name, a.surface_key FROM alias a JOIN entity e ON e.id = a.entity
            """) {
            let label: String = r[0], candidate: String = r[1]
            let limit = max(2, key.count / 3)
            var score = Int.max
            if abs(candidate.count - key.count) <= limit {
                let d = Suggestion.distance(key, candidate, limit: limit)
                if d <= limit { score = d }
            }
            if score == Int.max, !wanted.isDisjoint(with: words(candidate)) { score = limit + 1 }
            if score == Int.max, candidate.contains(key) || (candidate.count >= 3 && key.contains(candidate)) { score = limit + 2 }
            if score < Int.max, seen.insert(label).inserted { scored.append((score, label)) }
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.label < $1.label }.prefix(5).map(\.label)
    }

}
