/// The closed vocabularies of the graph: kinds of actors, stance polarities, modalities,
/// relation types and curation statuses. Raw values are what the store and JSON hold.
public enum EntityKind: String, Sendable, Codable, CaseIterable, Comparable {
    case organization, person, group, government, product, media, other

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.rawValue < b.rawValue }

    /// Parses a kind leniently ("org", "Organisation", "gov" …); nil when unknown.
    public init?(lenient text: String) {
        let t = text.lowercased()
        if let k = EntityKind(rawValue: t) { self = k; return }
        switch t {
        case "org", "organisation", "company", "ngo": self = .organization
        case "gov", "agency", "state": self = .government
        case "people", "per": self = .person
        default: return nil
        }
    }
}

public enum Polarity: String, Sendable, Codable, CaseIterable, Comparable {
    case supports, opposes, defends
    public static func < (a: Polarity, b: Polarity) -> Bool { a.rawValue < b.rawValue }
    /// supports and defends are one side of an issue; opposes the other.
    public var side: Int { self == .opposes ? -1 : 1 }
}

public enum Modality: String, Sendable, Codable, CaseIterable {
    /// A position stated as held ("criticised", "supports").
    case asserted
    /// Explicitly denied ("did not oppose").
    case negated
    /// Announced for the future or intended ("will sue", "plans to vote against").
    case intended
    /// Hypothetical or hedged ("would veto", "may challenge").
    case conditional
    /// Asked, not stated.
    case question
}

public enum RelationType: String, Sendable, Codable, CaseIterable {
    case memberOf = "member_of", partOf = "part_of", leads, productOf = "product_of"
}

public enum StanceStatus: String, Sendable, Codable, CaseIterable {
    case auto, confirmed, rejected
}

public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, year
}
