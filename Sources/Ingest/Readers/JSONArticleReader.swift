import Foundation
import Graph

/// Reads JSON (one object or an array of objects) and JSON Lines with the fields
/// `id, url, title, source, author, published, text`; unknown fields are ignored and `id`
/// becomes the article key. `source_url` and `date` are accepted as `url` and `published`.
enum JSONArticleReader {
    static func read(_ text: String, file: String) -> [Result<Document, ReadError>] {
        let data = Data(text.utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return [.failure(ReadError(file: file, line: jsonErrorLine(error, text: text), "malformed JSON: \(describe(error)); check the syntax near that line"))]
        }
        if let array = object as? [Any] {
            if array.isEmpty { return [.failure(ReadError(file: file, "the JSON array holds no articles"))] }
            return array.enumerated().map { n, item in document(item, file: file, fallbackKey: "\(file)#\(n + 1)", where: "item \(n + 1)", line: nil) }
        }
        return [document(object, file: file, fallbackKey: file, where: nil, line: nil)]
    }

    static func readLines(_ text: String, file: String) -> [Result<Document, ReadError>] {
        var results: [Result<Document, ReadError>] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                let obj = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
                results.append(document(obj, file: file, fallbackKey: "\(file)#\(lineNumber)", where: nil, line: lineNumber))
            } catch {
                results.append(.failure(ReadError(file: file, line: lineNumber, "malformed JSON line: \(describe(error))")))
            }
        }
        if results.isEmpty { results.append(.failure(ReadError(file: file, "the JSON Lines file holds no articles"))) }
        return results
    }

    static func document(_ obj: Any, file: String, fallbackKey: String, where place: String?, line: Int?) -> Result<Document, ReadError> {
        let prefix = place.map { "\($0): " } ?? ""
        guard let o = obj as? [String: Any] else {
            return .failure(ReadError(file: file, line: line, "\(prefix)expected a JSON object with a \"text\" field"))
        }
        func str(_ k: String) -> String? {
            if let s = o[k] as? String { let t = s.trimmingCharacters(in: .whitespacesAndNewlines); return t.isEmpty ? nil : t }
            if let n = o[k] as? NSNumber { return n.stringValue }
            return nil
        }
        guard let text = o["text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(ReadError(file: file, line: line, "\(prefix)no \"text\" field (or it is empty); every article needs its body text in \"text\""))
        }
        let url = str("url") ?? str("source_url") ?? str("link")
        let published = (str("published") ?? str("date")).flatMap(DateNormalizer.normalize)
        return .success(Document(key: str("id") ?? url ?? fallbackKey, url: url, title: str("title"),
                                 source: str("source"), author: str("author"), published: published,
                                 text: text.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }

    /// Foundation reports a character index for syntax errors; turn it into a line number.
    static func jsonErrorLine(_ error: Error, text: String) -> Int? {
        let ns = error as NSError
        var index = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if index == nil, let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String, let r = d.range(of: "character ") {
            index = Int(d[r.upperBound...].prefix(while: \.isNumber))
        }
        if index == nil, "\(ns.userInfo[NSDebugDescriptionErrorKey] ?? "")".contains("end of file") {
            index = text.utf8.count
        }
        guard let index else { return nil }
        var line = 1, n = 0
        for b in text.utf8 { if n >= index { break }; if b == 10 { line += 1 }; n += 1 }
        return line
    }
}
