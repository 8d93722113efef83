import Foundation

extension AuditReport {
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    var headline: String {
        "\(stances) stance\(stances == 1 ? "" : "s") by \(actors) actor\(actors == 1 ? "" : "s") in \(articles) article\(articles == 1 ? "" : "s"); \(filter)."
    }

    // MARK: Markdown

    public func markdown() -> String {
        typealias M = Markdown
        func cite(_ q: Quote) -> String {
            var s = (q.date.map { "\($0) " } ?? "undated ") + "“\(M.escape(M.oneLine(q.quote)))”"
            var parts: [String] = []
            if let o = q.outlet { parts.append("_\(M.escape(o))_") }
            let title = M.escape(q.title ?? q.article)
            parts.append(q.url.map { "[\(title)](\(M.url($0)))" } ?? title)
            s += " — " + parts.joined(separator: ", ") + " · #\(q.stance_id)"
            return s
        }
        var out = "# Audit: \(M.escape(subject)) (\(subject_kind))\n\n\(headline)\n"
        out += "\n## Sides\n"
        if sides.isEmpty { out += "\nNo stances match.\n" }
        for side in sides {
            out += "\n### \(side.polarity.capitalized) (\(side.actors.count))\n\n"
            for a in side.actors {
                out += "- **\(M.escape(a.actor))** (\(a.kind)) — \(a.evidence) piece\(a.evidence == 1 ? "" : "s") of evidence, "
                out += "\(a.sources) independent source\(a.sources == 1 ? "" : "s")"
                if a.targets != [subject] { out += "; on " + a.targets.map(M.escape).joined(separator: ", ") }
                out += "\n  - first: \(cite(a.first))\n"
                if a.last != a.first { out += "  - last: \(cite(a.last))\n" }
            }
        }
        out += "\n## Flips\n\nActors who took one side and later the other.\n\n"
        if flips.isEmpty { out += "None found.\n" }
        for f in flips {
            out += "- **\(M.escape(f.actor))** on \(M.escape(f.target)): \(f.before.polarity) → \(f.after.polarity)\n"
            out += "  - before: \(cite(f.before))\n  - after: \(cite(f.after))\n"
        }
        out += "\n## Contradictions\n\nBoth sides in the same article or on the same day.\n\n"
        if contradictions.isEmpty { out += "None found.\n" }
        for c in contradictions {
            out += "- **\(M.escape(c.actor))** on \(M.escape(c.target)) (\(c.reason))\n"
            out += "  - \(c.one.polarity): \(cite(c.one))\n  - \(c.other.polarity): \(cite(c.other))\n"
        }
        out += "\n## Internal dissent\n\nMembers or parts of an organisation on the other side from it.\n\n"
        if dissent.isEmpty { out += "None found.\n" }
        for d in dissent {
            out += "- **\(M.escape(d.member))** (\(d.relation) \(M.escape(d.parent))) \(d.member_stance.polarity) \(M.escape(d.target))"
            out += d.parent_stance.map { " while \(M.escape(d.parent)) \($0.polarity) it\n" } ?? "\n"
            out += "  - \(M.escape(d.member)): \(cite(d.member_stance))\n"
            if let p = d.parent_stance { out += "  - \(M.escape(d.parent)): \(cite(p))\n" }
        }
        out += "\n## Corroboration\n\nIndependent sources per edge: each outlet once, near-identical (syndicated) articles or quotes once.\n\n"
        if corroboration.isEmpty { out += "None.\n" } else {
            out += "| holder | polarity | target | evidence | articles | independent sources | counted once |\n|---|---|---|---|---|---|---|\n"
            for c in corroboration {
                let copies = c.copies.map { $0.map(M.escape).joined(separator: " = ") }.joined(separator: "; ")
                out += "| \(M.escape(c.holder)) | \(c.polarity) | \(M.escape(c.target)) | \(c.evidence) | \(c.articles) | \(c.independent_sources) | \(copies) |\n"
            }
        }
        out += "\n## Weak edges\n\nOne source, low confidence, hedged or only reported second-hand.\n\n"
        if weak.isEmpty { out += "None found.\n" }
        for w in weak {
            out += "- \(M.escape(w.holder)) \(w.polarity) \(M.escape(w.target)): \(w.reasons.joined(separator: "; "))\n"
            out += "  - \(cite(w.quote))\n"
        }
        return out
    }

    // MARK: HTML

    /// A self-contained HTML page; `svg` (Graphviz output) is embedded inline when given.
    public func html(svg: String?) -> String {
        func h(_ s: String) -> String { XMLText.text(s) }
        func cite(_ q: Quote) -> String {
            var s = "<span class=\"date\">\(h(q.date ?? "undated"))</span> <q>\(h(q.quote))</q> — "
            if let o = q.outlet { s += "<em>\(h(o))</em>, " }
            let title = h(q.title ?? q.article)
            if let u = q.url, u.lowercased().hasPrefix("http") {
                s += "<a href=\"\(XMLText.attribute(u))\">\(title)</a>"
            } else { s += title }
            return s + " <span class=\"id\">#\(q.stance_id)</span>"
        }
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Audit: \(h(subject))</title>
        <style>
        body{font-family:system-ui,Helvetica,Arial,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
        h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
        .supports{color:#1e8449}.opposes{color:#c0392b}.defends{color:#2471a3}
        table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        q{font-style:italic}.date{font-variant-numeric:tabular-nums;color:#555}.id{color:#999;font-size:.8rem}
        .note{color:#666}figure{margin:1rem 0;overflow:auto;border:1px solid #eee}figure svg{max-width:100%;height:auto}
        li{margin:.3rem 0}
        </style></head><body>

        """
        out += "<h1>Audit: \(h(subject)) <small class=\"note\">(\(subject_kind))</small></h1>\n<p>\(h(headline))</p>\n"
        if let svg {
            out += "<figure>\n\(Self.inlineSVG(svg))\n</figure>\n"
        } else {
            out += "<p class=\"note\">Install Graphviz (<code>apt-get install graphviz</code>) to embed the map of this issue.</p>\n"
        }
        out += "<h2>Sides</h2>\n"
        if sides.isEmpty { out += "<p>No stances match.</p>\n" }
        for side in sides {
            out += "<h3 class=\"\(side.polarity)\">\(h(side.polarity.capitalized)) (\(side.actors.count))</h3>\n<ul>\n"
            for a in side.actors {
                out += "<li><strong>\(h(a.actor))</strong> (\(h(a.kind))) — \(a.evidence) piece\(a.evidence == 1 ? "" : "s") of evidence, "
                out += "\(a.sources) independent source\(a.sources == 1 ? "" : "s")"
                if a.targets != [subject] { out += "; on " + h(a.targets.joined(separator: ", ")) }
                out += "<ul><li>first: \(cite(a.first))</li>"
                if a.last != a.first { out += "<li>last: \(cite(a.last))</li>" }
                out += "</ul></li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h2>Flips</h2>\n<p class=\"note\">Actors who took one side and later the other.</p>\n"
        out += flips.isEmpty ? "<p>None found.</p>\n" : "<ul>\n" + flips.map { f in
            "<li><strong>\(h(f.actor))</strong> on \(h(f.target)): <span class=\"\(f.before.polarity)\">\(f.before.polarity)</span> → "
                + "<span class=\"\(f.after.polarity)\">\(f.after.polarity)</span><ul><li>before: \(cite(f.before))</li>"
                + "<li>after: \(cite(f.after))</li></ul></li>\n"
        }.joined() + "</ul>\n"
        out += "<h2>Contradictions</h2>\n<p class=\"note\">Both sides in the same article or on the same day.</p>\n"
        out += contradictions.isEmpty ? "<p>None found.</p>\n" : "<ul>\n" + contradictions.map { c in
            "<li><strong>\(h(c.actor))</strong> on \(h(c.target)) (\(h(c.reason)))<ul><li>\(c.one.polarity): \(cite(c.one))</li>"
                + "<li>\(c.other.polarity): \(cite(c.other))</li></ul></li>\n"
        }.joined() + "</ul>\n"
        out += "<h2>Internal dissent</h2>\n<p class=\"note\">Members or parts of an organisation on the other side from it.</p>\n"
        out += dissent.isEmpty ? "<p>None found.</p>\n" : "<ul>\n" + dissent.map { d in
            var s = "<li><strong>\(h(d.member))</strong> (\(h(d.relation)) \(h(d.parent))) "
            s += "<span class=\"\(d.member_stance.polarity)\">\(d.member_stance.polarity)</span> \(h(d.target))"
            if let p = d.parent_stance { s += " while \(h(d.parent)) <span class=\"\(p.polarity)\">\(p.polarity)</span> it" }
            s += "<ul><li>\(h(d.member)): \(cite(d.member_stance))</li>"
            if let p = d.parent_stance { s += "<li>\(h(d.parent)): \(cite(p))</li>" }
            return s + "</ul></li>\n"
        }.joined() + "</ul>\n"
        out += "<h2>Corroboration</h2>\n<p class=\"note\">Independent sources per edge: each outlet once, near-identical (syndicated) articles or quotes once.</p>\n"
        if corroboration.isEmpty { out += "<p>None.</p>\n" } else {
            out += "<table><tr><th>holder</th><th>polarity</th><th>target</th><th>evidence</th><th>articles</th><th>independent sources</th><th>counted once</th></tr>\n"
            for c in corroboration {
                let copies = c.copies.map { $0.joined(separator: " = ") }.joined(separator: "; ")
                out += "<tr><td>\(h(c.holder))</td><td class=\"\(c.polarity)\">\(c.polarity)</td><td>\(h(c.target))</td><td>\(c.evidence)</td>"
                out += "<td>\(c.articles)</td><td>\(c.independent_sources)</td><td>\(h(copies))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h2>Weak edges</h2>\n<p class=\"note\">One source, low confidence, hedged or only reported second-hand.</p>\n"
        out += weak.isEmpty ? "<p>None found.</p>\n" : "<ul>\n" + weak.map { w in
            "<li>\(h(w.holder)) <span class=\"\(w.polarity)\">\(w.polarity)</span> \(h(w.target)): \(h(w.reasons.joined(separator: "; ")))"
                + "<ul><li>\(cite(w.quote))</li></ul></li>\n"
        }.joined() + "</ul>\n"
        out += "</body></html>\n"
        return out
    }

    /// Graphviz's SVG without its XML declaration, DOCTYPE and comments, ready to inline in HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
