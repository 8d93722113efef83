import GRDB

/// A node of the stance graph: an actor (entity) or an issue.
public enum NodeRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    case entity(Int64)
    case issue(Int64)

    /// A synthetic identifier that is safe in every export format (`e12`, `i3`).
    public var syntheticID: String {
        switch self {
        case .entity(let id): return "e\(id)"
        case .issue(let id): return "i\(id)"
        }
    }

    /// The id used by the store's `adjacency` table (issues are negative there).
    var adjacencyID: Int64 {
        switch self {
        case .entity(let id): return id
        case .issue(let id): return -id
        }
    }

    init(adjacencyID: Int64) { self = adjacencyID < 0 ? .issue(-adjacencyID) : .entity(adjacencyID) }

    public var isIssue: Bool { if case .issue = self { return true } else { return false } }

    public var description: String { syntheticID }

    public static func < (a: NodeRef, b: NodeRef) -> Bool {
        switch (a, b) {
        case (.entity(let x), .entity(let y)), (.issue(let x), .issue(let y)): return x < y
        case (.entity, .issue): return true
        case (.issue, .entity): return false
        }
    }
}

/// Which stances an export, timeline or audit looks at. Every exporter uses the same filter so
/// that all formats show the same subgraph.
///
/// The plain `StanceFilter()` keeps every modality (a lossless view, as `graphq import` needs);
/// the command line starts from ``forMaps`` instead, which leaves out negated and questioned
/// statements: "X did not oppose Y" must not be drawn as an *opposes* edge.
public struct StanceFilter: Sendable, Equatable {
    public var minConfidence: Double = 0
    public var includeRejected = false
    /// Modalities to keep; empty keeps all.
    public var modalities: Set<Modality> = []
    public var polarities: Set<Polarity> = []
    /// ISO date bounds (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), inclusive; undated stances are dropped
    /// when either bound is set.
    public var since: String?
    public var until: String?
    /// Only stances about this issue (as target or topic), or aimed at this actor.
    public var about: NodeRef?
    /// Only the neighbourhood of this node, up to `depth` hops over the stances the other
    /// conditions keep (direction ignored).
    public var around: NodeRef?
    public var depth: Int = 1
    /// Only actors of these kinds (issues always stay); a stance stays when its holder and, for an
    /// actor target, its target are kept. Empty keeps all.
    public var kinds: Set<EntityKind> = []

    /// The modalities maps, timelines and audits show unless told otherwise: stated positions,
    /// intentions ("will sue") and conditional ones ("would veto"), but not negated ("did not
    /// oppose") or questioned statements, which do not say where the holder stands.
    public static let positionModalities: Set<Modality> = [.asserted, .intended, .conditional]

    /// The default for maps: non-rejected stances with a position modality.
    public static var forMaps: StanceFilter { StanceFilter(modalities: positionModalities) }

    public init(minConfidence: Double = 0, includeRejected: Bool = false, modalities: Set<Modality> = [],
                polarities: Set<Polarity> = [], since: String? = nil, until: String? = nil,
                about: NodeRef? = nil, around: NodeRef? = nil, depth: Int = 1, kinds: Set<EntityKind> = []) {
        self.minConfidence = minConfidence; self.includeRejected = includeRejected
        self.modalities = modalities; self.polarities = polarities; self.since = since; self.until = until
        self.about = about; self.around = around; self.depth = depth; self.kinds = kinds
    }

    /// SQL conditions over a stance table aliased `s`, with their bound arguments. The
    /// neighbourhood condition (`around`) is not expressible here; ``Store/subgraph(_:)`` applies it.
    /// - Parameter scan: keep SQLite from using an index for `about` (a subject that most stances
    ///   concern is read faster by one table scan than by a random row lookup per stance).
    public func sqlConditions(scan: Bool = false) -> (sql: [String], arguments: [DatabaseValue]) {
        let plus = scan ? "+" : ""
        var sql: [String] = ["s.confidence >= ?"]
        var args: [DatabaseValue] = [minConfidence.databaseValue]
        if !includeRejected { sql.append("s.status <> 'rejected'") }
        if !modalities.isEmpty {
            let ms = modalities.map(\.rawValue).sorted()
            sql.append("s.modality IN (\(ms.map { _ in "?" }.joined(separator: ",")))")
            args.append(contentsOf: ms.map(\.databaseValue))
        }
        if !polarities.isEmpty {
            let ps = polarities.map(\.rawValue).sorted()
            sql.append("s.polarity IN (\(ps.map { _ in "?" }.joined(separator: ",")))")
            args.append(contentsOf: ps.map(\.databaseValue))
        }
        // Dates compare as ISO strings; a period bound is widened to the whole period.
        if let since { sql.append("s.date >= ?"); args.append(since.databaseValue) }
        if let until { sql.append("s.date <= ?"); args.append((until + "\u{FFFF}").databaseValue) }
        switch about {
        case .issue(let id)?:
            sql.append("(\(plus)s.target_issue = ? OR \(plus)s.topic = ?)")
            args += [id.databaseValue, id.databaseValue]
        case .entity(let id)?:
            sql.append("\(plus)s.target_entity = ?")
            args.append(id.databaseValue)
        case nil: break
        }
        if !kinds.isEmpty {
            let ks = kinds.map(\.rawValue).sorted()
            let list = ks.map { _ in "?" }.joined(separator: ",")
            sql.append("s.holder IN (SELECT id FROM entity WHERE kind IN (\(list)))")
            sql.append("(s.target_entity IS NULL OR s.target_entity IN (SELECT id FROM entity WHERE kind IN (\(list))))")
            args.append(contentsOf: ks.map(\.databaseValue))
            args.append(contentsOf: ks.map(\.databaseValue))
        }
        return (sql, args)
    }

    /// A one-line human description of the filter, for report headers; the default filter of
    /// maps (``forMaps``) reads "stated positions …".
    public var summary: String {
        var parts: [String] = []
        if minConfidence > 0 { parts.append("confidence ≥ \(minConfidence)") }
        if includeRejected { parts.append("rejected included") }
        if modalities.isEmpty || modalities == Set(Modality.allCases) {
            parts.append("all modalities")
        } else if modalities != Self.positionModalities {
            parts.append("modality " + Modality.allCases.filter { modalities.contains($0) }.map(\.rawValue).joined(separator: "/"))
        }
        if !polarities.isEmpty { parts.append("polarity " + polarities.map(\.rawValue).sorted().joined(separator: "/")) }
        if let since { parts.append("since \(since)") }
        if let until { parts.append("until \(until)") }
        if !kinds.isEmpty { parts.append("kind " + kinds.map(\.rawValue).sorted().joined(separator: "/")) }
        if around != nil { parts.append("depth \(depth)") }
        return parts.isEmpty ? "stated positions (negated and questioned statements left out)" : parts.joined(separator: ", ")
    }
}
