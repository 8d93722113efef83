import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Graph

/// Reads RSS 2.0 and Atom feeds: one document per `<item>` / `<entry>`; the feed's title is
/// the source; HTML in descriptions is reduced to text.
enum FeedReader {
    static func read(_ text: String, file: String) -> [Result<Document, ReadError>] {
        let delegate = FeedParserDelegate()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        // Foundation on Linux may report success and still set parserError.
        if !parser.parse() || parser.parserError != nil {
            let why = parser.parserError.map { e -> String in
                let ns = e as NSError
                return ns.code == 5 ? "premature end of document or mismatched tags (error \(ns.code))" : "XML error \(ns.code)"
            } ?? "unknown error"
            return [.failure(ReadError(file: file, line: parser.lineNumber, "malformed XML feed: \(why)"))]
        }
        if delegate.items.isEmpty {
            return [.failure(ReadError(file: file, "no <item> or <entry> found: not an RSS 2.0 or Atom feed"))]
        }
        return delegate.items.enumerated().map { n, item in
            let body = HTMLReader.text(ofFragment: item["content:encoded"] ?? item["content"] ?? item["description"] ?? item["summary"] ?? "")
            guard !body.isEmpty else {
                return .failure(ReadError(file: file, "item \(n + 1) has no description or content"))
            }
            let url = item["link"]
            let key = item["guid"] ?? item["id"] ?? url ?? "\(file)#\(n + 1)"
            let date = (item["pubdate"] ?? item["published"] ?? item["updated"] ?? item["dc:date"]).flatMap(DateNormalizer.normalize)
            return .success(Document(key: key, url: url, title: item["title"].map { HTMLReader.text(ofFragment: $0) },
                                     source: delegate.feedTitle, author: item["dc:creator"] ?? item["author"] ?? item["name"],
                                     published: date, text: body))
        }
    }
}

private final class FeedParserDelegate: NSObject, XMLParserDelegate {
    var items: [[String: String]] = []
    var feedTitle: String?
    private var current: [String: String]?
    private var path: [String] = []
    private var buffer = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let n = name.lowercased()
        path.append(n)
        buffer = ""
        if n == "item" || n == "entry" { current = [:] }
        if n == "link", current != nil, let href = attributes["href"] {
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate" && current?["link"] == nil { current?["link"] = href }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        buffer += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let n = name.lowercased()
        let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if n == "item" || n == "entry" {
            if let c = current { items.append(c) }
            current = nil
        } else if current != nil {
            if !value.isEmpty && current?[n] == nil { current?[n] = value }
        } else if n == "title", feedTitle == nil, path.count >= 2, ["channel", "feed"].contains(path[path.count - 2]) {
            feedTitle = value
        }
        path.removeLast()
        buffer = ""
    }
}
