/// Writes a subgraph as dynamic GEXF 1.3 for Gephi: each stance edge lives from the day of its
/// first piece of evidence to the day of its last (a month- or year-only date covers the whole
/// period), so Gephi's timeline plays the controversy; each actor lives from its first to its last
/// evidence. Edges and nodes without any dated evidence are present throughout.
///
/// Parallel edges carry `kind` (the polarity or relation type), as GEXF 1.3 requires for
/// multigraphs; colours follow the DOT palette through the viz module.
public struct GEXFWriter: Sendable {
    public init() {}

    public func write(_ g: Subgraph) -> String {
        let table = AttributeTable(g)
        // A node's lifetime: the hull of its stance edges' spells, unless one of them is undated.
        var life: [String: (start: String, end: String)?] = [:]
        for e in table.edges where e.id.hasPrefix("s") {
            for n in [e.source, e.target] {
                guard let start = e.start, let end = e.end else { life[n] = .some(nil); continue }
                switch life[n] {
                case .none: life[n] = (start, end)
                case .some(.none): break
                case .some(.some(let old)): life[n] = (min(old.start, start), max(old.end, end))
                }
            }
        }
        var out = TextBuffer()
        out.bytes.reserveCapacity(1024 + table.nodes.count * 400 + table.edges.count * 800)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>graphq</creator>\n"
        out += "    <description>\(XMLText.text("Stakeholder stances — " + g.filter.summary))</description>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
        out += "    <attributes class=\"node\">\n"
        for c in AttributeTable.nodeColumns where c.name != "label" {
            out += "      <attribute id=\"\(c.name)\" title=\"\(c.name)\" type=\"\(Self.type(c.type))\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for c in AttributeTable.edgeColumns {
            out += "      <attribute id=\"\(c.name)\" title=\"\(c.name)\" type=\"\(Self.type(c.type))\"/>\n"
        }
        out += "    </attributes>\n"
        out += "    <nodes count=\"\(table.nodes.count)\">\n"
        for n in table.nodes {
            out += "      <node id=\"\(n.id)\" label=\"\(XMLText.attribute(XMLText.token(n.label)))\">\n"
            out += "        <attvalues>"
            for (c, v) in zip(AttributeTable.nodeColumns, n.values) where c.name != "label" {
                guard let v else { continue }
                out += "<attvalue for=\"\(c.name)\" value=\""
                out.xml(v, attribute: true)
                out += "\"/>"
            }
            out += "</attvalues>\n"
            if case .some(.some(let span)) = life[n.id] {
                out += "        <spells><spell start=\"\(span.start)\" end=\"\(span.end)\"/></spells>\n"
            }
            out += "        \(Self.color(DOTWriter.shape(n.isIssue ? nil : EntityKind(rawValue: n.kind)).fill))\n"
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges count=\"\(table.edges.count)\">\n"
        for e in table.edges {
            out += "      <edge id=\"\(e.id)\" source=\"\(e.source)\" target=\"\(e.target)\" kind=\"\(e.kind)\" "
            out += "label=\"\(e.kind)\" weight=\"\(e.weight)\">\n        <attvalues>"
            for (c, v) in zip(AttributeTable.edgeColumns, e.values) {
                guard let v else { continue }
                out += "<attvalue for=\"\(c.name)\" value=\""
                out.xml(v, attribute: true)
                out += "\"/>"
            }
            out += "</attvalues>\n"
            if let start = e.start, let end = e.end {
                out += "        <spells><spell start=\"\(start)\" end=\"\(end)\"/></spells>\n"
            }
            let hex = Polarity(rawValue: e.kind).map { DOTWriter.style($0).color } ?? "#888888"
            out += "        \(Self.color(hex))\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out.string
    }

    static func type(_ t: AttributeTable.ValueType) -> String {
        switch t {
        case .string: return "string"
        case .int: return "integer"
        case .double: return "double"
        }
    }

    /// A `viz:color` element from `#rrggbb`.
    static func color(_ hex: String) -> String {
        let digits = Array(hex.dropFirst())
        func channel(_ i: Int) -> Int {
            guard digits.count == 6 else { return 128 }
            return Int(String(digits[i * 2..<i * 2 + 2]), radix: 16) ?? 128
        }
        return "<viz:color r=\"\(channel(0))\" g=\"\(channel(1))\" b=\"\(channel(2))\"/>"
    }
}
