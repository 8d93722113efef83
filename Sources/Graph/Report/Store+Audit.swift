import GRDB

extension Store {
    /// Loads what an audit needs and builds it: the subgraph about `subject` under `filter`, the
    /// texts of its articles and the store's member_of/part_of structure.
    /// - Returns: the report and the subgraph it was computed from (to draw it).
    public func audit(subject: ResolvedNode, filter: StanceFilter,
                      options: AuditReport.Options = AuditReport.Options()) throws -> (report: AuditReport, graph: Subgraph) {
        var f = filter
        f.about = subject.ref
        return try writer.read { db in
            let g = try Self.loadSubgraph(db, f)
            var texts: [Int64: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, text FROM article WHERE id IN (SELECT value FROM json_each(?))",
                                      arguments: [jsonArray(Array(g.articles.keys))]) {
                texts[r[0]] = r[1]
            }
            let structure = try Row.fetchAll(db, sql: """
                SELECT r.from_entity, f.name, r.to_entity, t.name, r.type FROM relation r
                JOIN entity f ON f.id = r.from_entity JOIN entity t ON t.id = r.to_entity
                WHERE r.type IN ('member_of', 'part_of') ORDER BY r.from_entity, r.to_entity
                """).compactMap { r -> StructuralLink? in
                guard let type = RelationType(rawValue: r[4]) else { return nil }
                return StructuralLink(from: r[0], fromName: r[1], to: r[2], toName: r[3], type: type)
            }
            return (AuditReport(graph: g, subject: subject, texts: texts, structure: structure, options: options), g)
        }
    }
}
