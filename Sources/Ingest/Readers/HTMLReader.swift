import Foundation
import Graph

/// Reads an HTML page: `<title>`, `<meta>` published time / site name / author / canonical URL,
/// and the body text (from `<article>` when there is one) without scripts, styles, navigation,
/// headers, footers or asides; entities decoded; block elements become paragraph breaks.
enum HTMLReader {
    static let skipped: Set<String> = ["script", "style", "nav", "footer", "header", "aside", "noscript",
                                       "form", "svg", "iframe", "template", "button", "select", "figcaption"]
    static let blocks: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                      "blockquote", "article", "section", "tr", "table", "main", "body", "hr", "pre", "dd", "dt"]

    struct Tag { var name: String; var closing: Bool; var attributes: [String: String] }

    static func read(_ html: String, key: String) -> Document {
        let scalars = Array(html.unicodeScalars)
        var meta: [String: String] = [:]
        var title = ""
        var inTitle = false
        var skipDepth: [String] = []
        var all = ParagraphBuilder(), article = ParagraphBuilder()
        var articleDepth = 0
        var sawArticle = false
        var canonical: String?
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                // Comments and doctype
                if i + 3 < scalars.count, scalars[i + 1] == "!", scalars[i + 2] == "-", scalars[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < scalars.count, !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
                    i = j + 3; continue
                }
                guard let (tag, next) = parseTag(scalars, at: i) else {
                    if skipDepth.isEmpty { all.append(c); if articleDepth > 0 { article.append(c) } }
                    i += 1; continue
                }
                i = next
                let name = tag.name
                if !skipDepth.isEmpty {
                    if tag.closing, name == skipDepth.last { skipDepth.removeLast() }
                    else if !tag.closing, skipped.contains(name), name != "br" { skipDepth.append(name) }
                    continue
                }
                if !tag.closing && skipped.contains(name) { skipDepth.append(name); continue }
                switch name {
                case "title": inTitle = !tag.closing
                case "meta":
                    let k = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"] ?? "").lowercased()
                    if let v = tag.attributes["content"], !k.isEmpty { meta[k] = meta[k] ?? decodeEntities(v) }
                case "link":
                    if tag.attributes["rel"]?.lowercased() == "canonical" { canonical = tag.attributes["href"] }
                case "time":
                    if let d = tag.attributes["datetime"], meta["time"] == nil { meta["time"] = d }
                case "article":
                    if tag.closing { articleDepth = max(0, articleDepth - 1) } else { articleDepth += 1; sawArticle = true }
                    all.breakParagraph(); article.breakParagraph()
                default:
                    if blocks.contains(name) { all.breakParagraph(); if articleDepth > 0 { article.breakParagraph() } }
                }
                continue
            }
            if !skipDepth.isEmpty { i += 1; continue }
            if inTitle { title.unicodeScalars.append(c) }
            else {
                all.append(c)
                if articleDepth > 0 { article.append(c) }
            }
            i += 1
        }
        let body = (sawArticle ? article : all).paragraphs()
        var seen = Set<String>()
        let paragraphs = body.map(decodeEntities).map { collapse($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        let published = meta["article:published_time"] ?? meta["datepublished"] ?? meta["date"] ?? meta["pubdate"]
            ?? meta["dc.date"] ?? meta["og:published_time"] ?? meta["time"]
        let t = collapse(decodeEntities(title))
        return Document(key: key, url: meta["og:url"] ?? canonical,
                        title: meta["og:title"] ?? (t.isEmpty ? nil : t),
                        source: meta["og:site_name"] ?? meta["application-name"] ?? meta["publisher"],
                        author: meta["author"] ?? meta["article:author"] ?? meta["dc.creator"],
                        published: published.flatMap(DateNormalizer.normalize),
                        text: paragraphs.joined(separator: "\n\n"))
    }

    /// Plain text of an HTML fragment (feed descriptions).
    static func text(ofFragment html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        return read("<body>" + html + "</body>", key: "").text
    }

    static func parseTag(_ s: [Unicode.Scalar], at start: Int) -> (Tag, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        var closing = false
        if s[i] == "/" { closing = true; i += 1 }
        if i < s.count, s[i] == "!" || s[i] == "?" {
            while i < s.count, s[i] != ">" { i += 1 }
            return (Tag(name: "!", closing: false, attributes: [:]), i + 1)
        }
        var name = ""
        while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" || s[i] == ":" {
            name.unicodeScalars.append(s[i]); i += 1
        }
        guard !name.isEmpty else { return nil }
        var attrs: [String: String] = [:]
        while i < s.count, s[i] != ">" {
            if s[i] == " " || s[i] == "\n" || s[i] == "\t" || s[i] == "/" || s[i] == "\r" { i += 1; continue }
            var an = ""
            while i < s.count, !" =>\t\n\r/".unicodeScalars.contains(s[i]) { an.unicodeScalars.append(s[i]); i += 1 }
            while i < s.count, s[i] == " " { i += 1 }
            var value = ""
            if i < s.count, s[i] == "=" {
                i += 1
                while i < s.count, s[i] == " " { i += 1 }
                if i < s.count, s[i] == "\"" || s[i] == "'" {
                    let q = s[i]; i += 1
                    while i < s.count, s[i] != q { value.unicodeScalars.append(s[i]); i += 1 }
                    i += 1
                } else {
                    while i < s.count, !" >\t\n".unicodeScalars.contains(s[i]) { value.unicodeScalars.append(s[i]); i += 1 }
                }
            }
            if !an.isEmpty { attrs[an.lowercased()] = value }
            if an.isEmpty { i += 1 }
        }
        return (Tag(name: name.lowercased(), closing: closing, attributes: attrs), min(i + 1, s.count))
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }).joined(separator: " ")
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "eacute": "é", "egrave": "è", "aacute": "á", "oacute": "ó", "uacute": "ú",
        "iacute": "í", "ntilde": "ñ", "ouml": "ö", "uuml": "ü", "auml": "ä", "ccedil": "ç", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "pound": "£", "laquo": "«", "raquo": "»", "middot": "·",
        "bull": "•", "shy": "",
    ]

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = String(s[s.index(after: i)..<semi])
                var rep: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    rep = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    rep = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    rep = named[name]
                }
                if let rep { out += rep; i = s.index(after: semi); continue }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}

/// Accumulates text into paragraphs, breaking at block elements.
struct ParagraphBuilder {
    private var done: [String] = []
    private var current = String.UnicodeScalarView()
    mutating func append(_ c: Unicode.Scalar) { current.append(c) }
    mutating func breakParagraph() {
        let s = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { done.append(s) }
        current = String.UnicodeScalarView()
    }
    func paragraphs() -> [String] {
        var copy = self
        copy.breakParagraph()
        return copy.done
    }
}
