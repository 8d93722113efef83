import Graph

/// A reference to an actor in one sentence: a name, a group, a pronoun or a description
/// ("the company"). Token indices are within the sentence, end exclusive.
struct Mention: Sendable {
    enum Role: Sendable, Equatable { case named, group, pronoun, nominal }

    var sentence: Int
    var start: Int
    var end: Int
    /// The name as it should be stored (titles stripped, possessive removed).
    var name: String
    var surface: String
    var kind: EntityKind
    var role: Role
    /// True for "Amazon's" — a determiner, not an argument of the verb.
    var possessive = false
    /// Title or role that came with a name ("CEO" in "Amazon CEO Jeff Bezos").
    var title: String?
    /// The organisation that qualifies a person or group ("Amazon" in "Amazon employees").
    var qualifier: String?
    /// Article entity index, set by resolution.
    var entity: Int?
    /// For pronouns in quotes: "we" refers to the speaker's organisation.
    var lowerSurface: String { surface.lowercased() }
}
