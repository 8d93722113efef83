import Foundation
import Graph

/// Reads a directory of gold-annotated articles (the format of `shared/eval`: one JSON file per
/// article with `id, source_url, title, published, text, gold{entities, stances}`).
public enum GoldSet {
    public struct LoadError: Error, CustomStringConvertible, LocalizedError {
        public var description: String
        public var errorDescription: String? { description }
    }

    public static func load(directory: String) throws -> [GoldScorer.GoldArticle] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw LoadError(description: "\(directory): not a directory of gold-annotated JSON articles")
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { throw LoadError(description: "\(directory): no .json gold files found") }
        var out: [GoldScorer.GoldArticle] = []
        for f in files {
            let path = (directory as NSString).appendingPathComponent(f)
            guard let data = FileManager.default.contents(atPath: path),
                  let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw LoadError(description: "\(path): not valid JSON")
            }
            guard let text = obj["text"] as? String, let gold = obj["gold"] as? [String: Any] else {
                throw LoadError(description: "\(path): needs \"text\" and a \"gold\" object with entities and stances")
            }
            let id = (obj["id"] as? String) ?? (obj["id"] as? NSNumber)?.stringValue ?? f
            let doc = Document(key: id, url: obj["source_url"] as? String ?? obj["url"] as? String, title: obj["title"] as? String,
                               source: obj["source"] as? String, author: nil,
                               published: (obj["published"] as? String).flatMap(DateNormalizer.normalize), text: text)
            let entities = (gold["entities"] as? [[String: Any]] ?? []).map { e in
                ((e["name"] as? String) ?? "", (e["aliases"] as? [String]) ?? [])
            }
            var stances: [GoldScorer.Triple] = []
            for (n, s) in (gold["stances"] as? [[String: Any]] ?? []).enumerated() {
                guard let h = s["holder"] as? String, let p = s["polarity"] as? String, let t = s["target"] as? String else {
                    throw LoadError(description: "\(path): gold stance \(n + 1) needs holder, polarity and target")
                }
                stances.append(GoldScorer.Triple(holder: h, polarity: p, target: t, topic: s["topic"] as? String,
                                                 altTargets: s["alt_targets"] as? [String] ?? []))
            }
            out.append(GoldScorer.GoldArticle(id: id, document: doc, entities: entities, stances: stances))
        }
        return out
    }
}
