import Foundation
import Graph

/// Reads plain text, including the web-clipping shape: a title line, body paragraphs, a
/// `Source: <outlet>` line and a byline such as `November 9, 2018 – by Alex Perala`; those become
/// metadata, not body text. A paragraph repeated verbatim is kept once.
enum PlainTextReader {
    static func read(_ text: String, key: String) -> Document {
        var doc = Document(key: key, text: "")
        let paragraphs = splitParagraphs(text)
        var body: [String] = []
        var seen = Set<String>()
        for (i, p) in paragraphs.enumerated() {
            let line = p.trimmingCharacters(in: .whitespaces)
            if !line.contains("\n"), let meta = metadataLine(line) {
                switch meta {
                case .source(let s): if doc.source == nil { doc.source = s; continue }
                case .byline(let date, let author):
                    if doc.published == nil && doc.author == nil {
                        doc.published = date; doc.author = author; continue
                    }
                case .url(let u): if doc.url == nil { doc.url = u; continue }
                }
            }
            // The first short line without final punctuation is the title.
            if i == 0, doc.title == nil, looksLikeTitle(line), paragraphs.count > 1 {
                doc.title = line; continue
            }
            if seen.insert(line).inserted { body.append(line) }
        }
        doc.text = body.joined(separator: "\n\n")
        return doc
    }

    enum Meta { case source(String), byline(date: String?, author: String?), url(String) }

    static func metadataLine(_ line: String) -> Meta? {
        guard line.count < 200 else { return nil }
        let lower = line.lowercased()
        for prefix in ["source:", "via:", "publisher:", "published by:"] where lower.hasPrefix(prefix) {
            let v = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if !v.isEmpty { return .source(v) }
        }
        for prefix in ["url:", "link:"] where lower.hasPrefix(prefix) {
            return .url(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        for prefix in ["date:", "published:"] where lower.hasPrefix(prefix) {
            if let d = DateNormalizer.normalize(String(line.dropFirst(prefix.count))) { return .byline(date: d, author: nil) }
        }
        // "November 9, 2018 – by Alex Perala", "By Alex Perala | Nov 9, 2018", "by Alex Perala"
        let separators = ["–", "—", " - ", "|", "·"]
        var pieces = [line]
        for sep in separators where line.contains(sep) {
            pieces = line.components(separatedBy: sep).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            break
        }
        var date: String?, author: String?
        for p in pieces {
            if p.lowercased().hasPrefix("by ") {
                let name = String(p.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                if name.split(separator: " ").count <= 5 { author = name } else { return nil }
            } else if let d = DateNormalizer.normalize(p), p.count <= 40, p.rangeOfCharacter(from: .decimalDigits) != nil {
                date = d
            } else {
                return nil
            }
        }
        if date == nil && author == nil { return nil }
        return .byline(date: date, author: author)
    }

    static func looksLikeTitle(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 180, !line.contains("\n") else { return false }
        guard let last = line.last else { return false }
        return !".:;,".contains(last) || line.split(separator: " ").count <= 12 && last != "."
    }

    /// Paragraphs separated by blank lines; single newlines inside a paragraph are kept when the
    /// text is line-per-paragraph (each non-empty line a paragraph) as web clippings often are.
    static func splitParagraphs(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hasBlankLines = normalized.contains("\n\n")
        if !hasBlankLines {
            return normalized.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var out: [String] = []
        for block in normalized.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.isEmpty { continue }
            // Metadata lines glued to a paragraph (no blank line) are split off.
            var current: [String] = []
            for l in lines {
                if metadataLine(l) != nil {
                    if !current.isEmpty { out.append(current.joined(separator: " ")); current = [] }
                    out.append(l)
                } else {
                    current.append(l)
                }
            }
            if !current.isEmpty { out.append(current.joined(separator: " ")) }
        }
        return out
    }
}
