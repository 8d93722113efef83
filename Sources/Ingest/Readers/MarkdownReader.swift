import Foundation
import Graph

/// Reads Markdown with optional YAML-style front matter (`title`, `date`/`published`, `source`,
/// `url`, `author`, `id`). Markup is reduced to plain text so that offsets point at words.
enum MarkdownReader {
    static func read(_ raw: String, key: String) -> Document {
        var text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        var meta: [String: String] = [:]
        if text.hasPrefix("---\n") {
            let rest = text.dropFirst(4)
            if let end = rest.range(of: "\n---") {
                for line in rest[..<end.lowerBound].split(separator: "\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let k = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    var v = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if v.count >= 2, let f = v.first, f == v.last, f == "\"" || f == "'" { v = String(v.dropFirst().dropLast()) }
                    meta[k] = v
                }
                let after = rest[end.upperBound...]
                text = String(after.drop(while: { $0 != "\n" }))
            }
        }
        var paragraphs: [String] = []
        var inFence = false
        var titleFromHeading: String?
        for block in text.components(separatedBy: "\n\n") {
            var lines: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                var l = line.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("```") { inFence.toggle(); continue }
                if inFence { continue }
                if l.hasPrefix("#") {
                    l = String(l.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces)
                    if titleFromHeading == nil && paragraphs.isEmpty && lines.isEmpty {
                        // The first heading is the title (or repeats the front matter's title).
                        if meta["title"] == nil { titleFromHeading = l; continue }
                        if NameKey.make(meta["title"]!) == NameKey.make(l) { continue }
                    }
                }
                if l.hasPrefix("> ") { l = String(l.dropFirst(2)) }
                if l.hasPrefix("- ") || l.hasPrefix("* ") || l.hasPrefix("+ ") { l = String(l.dropFirst(2)) }
                lines.append(stripInline(l))
            }
            let p = lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !p.isEmpty && !paragraphs.contains(p) { paragraphs.append(p) }
        }
        return Document(key: meta["id"] ?? meta["url"] ?? key, url: meta["url"],
                        title: meta["title"] ?? titleFromHeading, source: meta["source"] ?? meta["publisher"],
                        author: meta["author"], published: (meta["date"] ?? meta["published"]).flatMap(DateNormalizer.normalize),
                        text: paragraphs.joined(separator: "\n\n"))
    }

    /// Removes links' URLs, images, emphasis and inline code markers.
    static func stripInline(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "!" , s.index(after: i) < s.endIndex, s[s.index(after: i)] == "[" {
                // image: drop entirely
                if let close = s[i...].firstIndex(of: ")") { i = s.index(after: close); continue }
            }
            if c == "[", let close = s[i...].firstIndex(of: "]"), s.index(after: close) < s.endIndex, s[s.index(after: close)] == "(",
               let paren = s[close...].firstIndex(of: ")") {
                out += s[s.index(after: i)..<close]
                i = s.index(after: paren); continue
            }
            if c == "*" || c == "`" || (c == "_" && (i == s.startIndex || s[s.index(before: i)] == " " || s.index(after: i) == s.endIndex || s[s.index(after: i)] == " ")) {
                i = s.index(after: i); continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}
