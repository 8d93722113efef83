import Foundation
import GRDB
import Testing
@testable import Graph

@Suite struct DOTWriterTests {
    @Test func escapesEverythingThatCouldBreakTheFile() {
        #expect(DOTWriter.quoted(#"Say "Hi""#) == #""Say \"Hi\"""#)
        #expect(DOTWriter.quoted(#"a\b"#) == #""a\\b""#)
        #expect(DOTWriter.quoted("one\ntwo\r") == #""one\ntwo""#)
        #expect(DOTWriter.quoted("<b>&</b>") == #""&lt;b&gt;&amp;&lt;/b&gt;""#)
        #expect(DOTWriter.quoted("bell\u{7}tab\t") == #""belltab ""#)
        #expect(DOTWriter.quotedURL("https://x.org/?a=1&b=\"<2>\" c") == #""https://x.org/?a=1&amp;b=%22%3C2%3E%22%20c""#)
    }

    @Test func colorsEdgesByPolarityAndScalesWidthByEvidence() throws {
        let g = try controversyStore().subgraph(.forMaps)
        let dot = DOTWriter().write(g)
        let unionID = try #require(g.nodes.first { $0.label == "Acme Workers Union" }).ref.syntheticID
        let acmeID = try #require(g.nodes.first { $0.label == "Acme" }).ref.syntheticID
        let issueID = try #require(g.nodes.first { $0.isIssue }).ref.syntheticID
        let lines = dot.split(separator: "\n").map(String.init)
        let unionEdge = try #require(lines.first { $0.contains("\(unionID) -> \(issueID) ") })
        #expect(unionEdge.contains(##"color="#c0392b""##) && unionEdge.contains("penwidth=3.4") && unionEdge.contains("weight=3"))
        #expect(unionEdge.contains("URL=\"https://gazette.example/a1?x=1&amp;y=2\""))
        #expect(unionEdge.contains("The Acme Workers Union opposed the plant closure at once."))
        let defends = try #require(lines.first { $0.contains("\(acmeID) -> \(issueID) ") })
        #expect(defends.contains(##"color="#2471a3""##) && defends.contains("style=dashed") && defends.contains("penwidth=1.0"))
        #expect(lines.contains { $0.contains("\(unionID) -> \(acmeID) [style=dotted") && $0.contains("member of") })
        #expect(lines.contains { $0.hasPrefix("  \(issueID) [") && $0.contains("shape=note") })
        #expect(lines.contains { $0.contains("[label=\"Mayor Zoë Lee\", shape=ellipse") })
        #expect(dot.contains("subgraph cluster_legend"))
        #expect(!dot.contains("cluster_c0"))
    }

    @Test func clustersDrawOneBoxPerCoalition() throws {
        let g = try controversyStore().subgraph(.forMaps)
        let dot = DOTWriter(options: .init(clusters: true, legend: false)).write(g)
        #expect(dot.contains(#"label="for plant closure (3)""#))
        #expect(dot.contains(#"label="against plant closure (2)""#))
        #expect(!dot.contains("cluster_legend"))
        // Every node is declared exactly once.
        for n in g.nodes {
            #expect(dot.components(separatedBy: "  \(n.ref.syntheticID) [label=").count == 2, "\(n.label)")
        }
    }

    @Test(.enabled(if: ExternalTools.hasDot, "needs Graphviz's dot (apt-get install graphviz)"))
    func graphvizRendersTheMapToWellFormedSVG() throws {
        let g = try controversyStore().subgraph(.forMaps)
        for options in [DOTWriter.Options(), DOTWriter.Options(clusters: true)] {
            let svg = String(decoding: try Graphviz.render(DOTWriter(options: options).write(g), format: .svg), as: UTF8.self)
            let probe = XMLProbe.parse(svg)
            #expect(probe.error == nil, "\(String(describing: probe.error))")
            // One SVG group per node and edge, plus the legend's (6 for polarities, 1 per kind shown).
            let groups = probe.attributes.filter { $0.element == "g" }.map { $0.attributes["class"] ?? "" }
            let legendNodes = 6 + Set(g.nodes.map { $0.kind?.rawValue ?? "issue" }).count
            #expect(groups.filter { $0 == "node" }.count == g.nodes.count + legendNodes)
            #expect(groups.filter { $0 == "edge" }.count == g.edges.count + g.relations.count + 3)
            #expect(probe.text.contains("Mayor Zoë Lee"))
        }
    }

    @Test(.enabled(if: ExternalTools.hasDot, "needs Graphviz's dot (apt-get install graphviz)"))
    func nastyNamesSurviveGraphvizIntact() throws {
        let g = try nastyStore().subgraph(.forMaps)
        let dot = DOTWriter(options: .init(title: "Title with \"quotes\" & <tags>")).write(g)
        for format in Graphviz.Format.allCases {
            #expect(try Graphviz.render(dot, format: format).count > 100)
        }
        let svg = String(decoding: try Graphviz.render(dot, format: .svg), as: UTF8.self)
        let probe = XMLProbe.parse(svg)
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        #expect(probe.elements["script"] == nil && probe.elements["b"] == nil)
        let texts = Set(probe.textsByElement["text"] ?? [])
        for name in nastyNames {
            for line in name.split(separator: "\n") { #expect(texts.contains(String(line)), "label \(line) not drawn") }
        }
        #expect(texts.contains("Title with \"quotes\" & <tags>"))
        let tooltips = probe.attributes.compactMap { $0.attributes["xlink:title"] }
        #expect(tooltips.contains { $0.hasPrefix(#"Say "Hi" Inc. (organization)"#) })
        let links = probe.attributes.compactMap { $0.attributes["xlink:href"] }
        #expect(links.contains("https://example.org/a?b=1&c=%3C2%3E%22"))
    }
}

@Suite struct GraphMLWriterTests {
    @Test func isWellFormedXMLWithTypedKeys() throws {
        let g = try nastyStore().subgraph(.forMaps)
        let xml = GraphMLWriter().write(g)
        let probe = XMLProbe.parse(xml)
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        #expect(probe.elements["node"] == g.nodes.count && probe.elements["edge"] == g.edges.count)
        #expect(!xml.contains("yfiles") && !xml.contains("y:"))
        let keys = probe.attributes.filter { $0.element == "key" }.map(\.attributes)
        #expect(keys.allSatisfy { ["string", "int", "double"].contains($0["attr.type"] ?? "") })
        #expect(Set(keys.compactMap { $0["id"] }).count == keys.count)
        #expect((probe.textsByElement["data"] ?? []).contains("Line\nBreak Group"))
    }

    static let reader = """
        import json, sys, networkx as nx
        G = nx.read_graphml(sys.argv[1])
        print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "multi": G.is_multigraph(),
            "node": {n: d for n, d in G.nodes(data=True)},
            "edge": [[u, v, {k: [type(x).__name__, x] for k, x in d.items()}] for u, v, d in G.edges(data=True)]}))
        """

    @Test(.enabled(if: ExternalTools.hasNetworkx, "needs Python's networkx"))
    func networkxLoadsNodesEdgesAndAttributes() throws {
        let g = try controversyStore().subgraph(.forMaps)
        let file = try tempDirectory().appendingPathComponent("g.graphml")
        try GraphMLWriter().write(g).write(to: file, atomically: true, encoding: .utf8)
        let r = try #require(try ExternalTools.python(Self.reader, [file.path]) as? [String: Any])
        #expect(r["nodes"] as? Int == 6)
        #expect(r["edges"] as? Int == 9)  // 8 stance edges + 1 member_of
        #expect(r["multi"] as? Bool == true)  // Lee and Ray both support and oppose
        let nodes = try #require(r["node"] as? [String: [String: Any]])
        let union = try #require(nodes.values.first { $0["label"] as? String == "Acme Workers Union" })
        #expect(union["kind"] as? String == "group" && union["type"] as? String == "actor")
        #expect(union["stances_held"] as? Int == 4 && union["first_date"] as? String == "2024-01-08")
        let edges = try #require(r["edge"] as? [[Any]])
        let attrs = edges.compactMap { $0.last as? [String: [Any]] }
        let unionEdge = try #require(attrs.first { ($0["evidence_count"]?.last as? Int) == 3 })
        #expect(unionEdge["polarity"]?.last as? String == "opposes")
        #expect(unionEdge["evidence_count"]?.first as? String == "int")
        #expect(unionEdge["max_confidence"]?.first as? String == "float")
        #expect(unionEdge["issue"]?.last as? String == "plant closure")
        #expect(unionEdge["last_date"]?.last as? String == "2024-08-02")
        #expect(unionEdge["sources"]?.last as? Int == 2)
        #expect(attrs.contains { $0["relation"]?.last as? String == "member_of" && $0["edge_type"]?.last as? String == "relation" })
    }

    @Test(.enabled(if: ExternalTools.hasNetworkx, "needs Python's networkx"))
    func networkxReadsNastyNamesBack() throws {
        let g = try nastyStore().subgraph(.forMaps)
        let file = try tempDirectory().appendingPathComponent("n.graphml")
        try GraphMLWriter().write(g).write(to: file, atomically: true, encoding: .utf8)
        let r = try #require(try ExternalTools.python(Self.reader, [file.path]) as? [String: Any])
        let nodes = try #require(r["node"] as? [String: [String: Any]])
        #expect(Set(nodes.values.compactMap { $0["label"] as? String }) == Set(nastyNames))
    }
}

@Suite struct GEXFWriterTests {
    static let reader = """
        import json, sys, networkx as nx
        G = nx.read_gexf(sys.argv[1], version="1.3")
        print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "mode": G.graph.get("mode"),
            "node": {n: d for n, d in G.nodes(data=True)},
            "edge": [[u, v, d] for u, v, d in G.edges(data=True)]}, default=str))
        """

    @Test func isWellFormedDynamicGEXF13() throws {
        let g = try nastyStore().subgraph(.forMaps)
        let xml = GEXFWriter().write(g)
        let probe = XMLProbe.parse(xml)
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        let root = try #require(probe.attributes.first { $0.element == "gexf" })
        #expect(root.attributes["version"] == "1.3" && root.attributes["xmlns"] == "http://gexf.net/1.3")
        #expect(probe.attributes.first { $0.element == "graph" }?.attributes["mode"] == "dynamic")
        #expect(probe.elements["edge"] == g.edges.count && probe.elements["spell"] == g.edges.count + g.nodes.count)
        let labels = probe.attributes.filter { $0.element == "node" }.compactMap { $0.attributes["label"] }
        #expect(labels.contains("Line Break Group"))  // xsd:token: whitespace collapsed
        #expect(labels.contains(#"Back\slash & Sons <b>bold</b>"#))
    }

    @Test(.enabled(if: ExternalTools.hasNetworkx, "needs Python's networkx"))
    func networkxLoadsSpellsFromFirstToLastEvidence() throws {
        let g = try controversyStore().subgraph(.forMaps)
        let file = try tempDirectory().appendingPathComponent("g.gexf")
        try GEXFWriter().write(g).write(to: file, atomically: true, encoding: .utf8)
        let r = try #require(try ExternalTools.python(Self.reader, [file.path]) as? [String: Any])
        #expect(r["nodes"] as? Int == 6 && r["edges"] as? Int == 9 && r["mode"] as? String == "dynamic")
        let edges = try #require(r["edge"] as? [[Any]]).compactMap { $0.last as? [String: Any] }
        let union = try #require(edges.first { $0["evidence_count"] as? Int == 3 })
        #expect((union["spells"] as? [[String]]) == [["2024-01-08", "2024-08-02"]])
        #expect(union["kind"] as? String == "opposes" || union["polarity"] as? String == "opposes")
        #expect(union["weight"] as? Double == 3)
        // The council's only (hedged, undated) edge has no spell: present throughout.
        let council = try #require(edges.first { ($0["quote"] as? String)?.hasPrefix("The Green Valley Council") == true })
        #expect(council["spells"] == nil)
        let nodes = try #require(r["node"] as? [String: [String: Any]])
        let lee = try #require(nodes.values.first { $0["label"] as? String == "Mayor Zoë Lee" })
        #expect((lee["spells"] as? [[String]]) == [["2024-03-05", "2024-06-01"]])
        #expect(lee["kind"] as? String == "person")
    }
}

@Suite struct CSVWriterTests {
    @Test func writesNeo4jHeadersAndOneEventPerPieceOfEvidence() throws {
        let g = try controversyStore().subgraph(.forMaps)
        let files = CSVWriter().write(g)
        #expect(files.nodes.hasPrefix("id:ID,name,type,kind,aliases:string[],owner,stances_held:int,stances_received:int,first_date,last_date,:LABEL\n"))
        #expect(files.relationships.hasPrefix(":START_ID,:END_ID,:TYPE,edge_type,evidence_count:int,"))
        #expect(files.nodes.contains(",Actor;Group\n") && files.nodes.contains(",Issue\n"))
        #expect(files.relationships.contains(",OPPOSES,stance,3,3,2,2024-01-08,2024-08-02,"))
        #expect(files.relationships.contains(",MEMBER_OF,relation,"))
        #expect(files.events.split(separator: "\n").count == 1 + g.evidence.count)
        #expect(files.events.hasPrefix(CSVWriter.eventColumns.joined(separator: ",") + "\n"))
    }

    static let reader = """
        import csv, json, sys
        out = {}
        for name in ["nodes", "relationships", "events"]:
            with open(sys.argv[1] + "/" + name + ".csv", newline="", encoding="utf-8") as f:
                out[name] = list(csv.DictReader(f))
        texts = json.load(open(sys.argv[2], encoding="utf-8"))
        out["offset_mismatches"] = [r["stance_id"] for r in out["events"]
                                    if texts[r["article"]][int(r["start"]):int(r["end"])] != r["quote"]]
        print(json.dumps(out))
        """

    @Test(.enabled(if: ExternalTools.hasPython, "needs python3"))
    func pythonReadsTheFilesAndOffsetsIndexTheArticleText() throws {
        for store in [try controversyStore(), try nastyStore()] {
            let g = try store.subgraph(.forMaps)
            let dir = try tempDirectory()
            for (name, text) in CSVWriter().write(g).named {
                try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let texts = try store.writer.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, text FROM article").map { ($0[0] as String, $0[1] as String) })
            }
            let textFile = dir.appendingPathComponent("texts.json")
            try JSONSerialization.data(withJSONObject: texts).write(to: textFile)
            let r = try #require(try ExternalTools.python(Self.reader, [dir.path, textFile.path]) as? [String: Any])
            let nodes = try #require(r["nodes"] as? [[String: String]])
            let rels = try #require(r["relationships"] as? [[String: String]])
            let events = try #require(r["events"] as? [[String: String]])
            #expect(nodes.count == g.nodes.count)
            #expect(rels.count == g.edges.count + g.relations.count)
            #expect(events.count == g.evidence.count)
            #expect((r["offset_mismatches"] as? [Any])?.isEmpty == true, "\(r["offset_mismatches"] ?? "")")
            // Every relationship end is a node id.
            let ids = Set(nodes.compactMap { $0["id:ID"] })
            #expect(rels.allSatisfy { ids.contains($0[":START_ID"] ?? "") && ids.contains($0[":END_ID"] ?? "") })
            #expect(events.allSatisfy { ids.contains($0["holder_id"] ?? "") && ids.contains($0["target_id"] ?? "") })
        }
    }

    @Test func nastyNamesAreQuotedAndFlattenedForNeo4j() throws {
        let files = CSVWriter().write(try nastyStore().subgraph(.forMaps))
        #expect(files.nodes.contains(#","Say ""Hi"" Inc.","#))
        #expect(files.nodes.contains(",Line Break Group,"))
        #expect(files.nodes.contains(#","semi;colon, comma Ltd","#))
        #expect(files.events.contains("Line\nBreak Group"))  // the event list keeps quotes exact
    }
}
