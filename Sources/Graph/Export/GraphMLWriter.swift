/// Writes a subgraph as GraphML with plain, typed `<key>` declarations (no yFiles or visone
/// extensions), which Gephi, networkx, igraph and Cytoscape read as is.
///
/// Key ids are prefixed by their domain (`n_first_date`, `e_first_date`) because GraphML needs
/// them unique; readers use the `attr.name` (`first_date`). Parallel edges (one holder both
/// supporting and opposing a target) are allowed, as GraphML permits.
public struct GraphMLWriter: Sendable {
    public init() {}

    public func write(_ g: Subgraph) -> String {
        let table = AttributeTable(g)
        var out = TextBuffer()
        out.bytes.reserveCapacity(1024 + table.nodes.count * 300 + table.edges.count * 700)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for c in AttributeTable.nodeColumns {
            out += "  <key id=\"n_\(c.name)\" for=\"node\" attr.name=\"\(c.name)\" attr.type=\"\(c.type.rawValue)\"/>\n"
        }
        for c in AttributeTable.edgeColumns {
            out += "  <key id=\"e_\(c.name)\" for=\"edge\" attr.name=\"\(c.name)\" attr.type=\"\(c.type.rawValue)\"/>\n"
        }
        out += "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        out += "  <graph id=\"graphq\" edgedefault=\"directed\">\n"
        out += "    <desc>\(XMLText.text(g.filter.summary))</desc>\n"
        for n in table.nodes {
            out += "    <node id=\"\(n.id)\">"
            for (c, v) in zip(AttributeTable.nodeColumns, n.values) {
                guard let v else { continue }
                out += "<data key=\"n_\(c.name)\">"
                out.xml(v)
                out += "</data>"
            }
            out += "</node>\n"
        }
        for e in table.edges {
            out += "    <edge id=\"\(e.id)\" source=\"\(e.source)\" target=\"\(e.target)\">"
            for (c, v) in zip(AttributeTable.edgeColumns, e.values) {
                guard let v else { continue }
                out += "<data key=\"e_\(c.name)\">"
                out.xml(v)
                out += "</data>"
            }
            out += "<data key=\"e_weight\">\(e.weight)</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out.string
    }
}
