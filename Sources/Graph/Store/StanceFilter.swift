import GRDB

/// Which stances an export, timeline or audit looks at. Every exporter uses the same filter so
/// that all formats show the same subgraph.
public struct StanceFilter: Sendable, Equatable {
    public var minConfidence: Double = 0
    public var includeRejected = false
    /// Modalities to keep; empty keeps all.
    public var modalities: Set<Modality> = []
    public var polarities: Set<Polarity> = []
    public var since: String?
    public var until: String?

    public init(minConfidence: Double = 0, includeRejected: Bool = false, modalities: Set<Modality> = [],
                polarities: Set<Polarity> = [], since: String? = nil, until: String? = nil) {
        self.minConfidence = minConfidence; self.includeRejected = includeRejected
        self.modalities = modalities; self.polarities = polarities; self.since = since; self.until = until
    }

    /// SQL conditions over a stance table aliased `s`, with their bound arguments.
    public func sqlConditions() -> (sql: [String], arguments: [DatabaseValue]) {
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
        return (sql, args)
    }
}
