import Foundation
import Graph

/// The formats graphq reads.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, jsonl, feed

    static func byExtension(_ ext: String) -> ArticleFormat? {
        switch ext.lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "xml", "rss", "atom": return .feed
        default: return nil
        }
    }

    /// Guesses the format from the first bytes of a text.
    static func sniff(_ text: String) -> ArticleFormat {
        let head = String(text.prefix(2048)).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") {
            return head.contains("<html") ? .html : .feed
        }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<") { return .html }
        if head.hasPrefix("[") { return .json }
        if head.hasPrefix("{") {
            let lines = text.split(separator: "\n", maxSplits: 3).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return lines.count > 1 && lines.allSatisfy({ $0.hasPrefix("{") }) ? .jsonl : .json
        }
        if head.hasPrefix("---\n") || head.hasPrefix("# ") { return .markdown }
        return .text
    }
}

/// Reads files, directories and standard input into documents. Nothing here throws for bad
/// content: each bad file or record becomes a `ReadError` and the rest is still read.
public struct ArticleReader: Sendable {
    /// Largest file read (a bigger one is refused with a message, never loaded).
    public var maxFileBytes = 256 << 20
    /// Largest single article body; larger ones are almost certainly not one article.
    public var maxArticleBytes = 8 << 20

    /// When set, files found under a directory are keyed `rootLabel/relative/path` instead of
    /// by their full path (the demo uses it so keys do not depend on where graphq is installed).
    public var rootLabel: String?

    public init() {}

    public struct Item: Sendable {
        public var origin: String
        public var result: Result<Document, ReadError>
    }

    /// Expands the given paths (files, directories recursively, "-" for stdin) and reads them all.
    public func read(paths: [String]) -> [Item] {
        var items: [Item] = []
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                items += read(data: data, name: "<stdin>", keyBase: "stdin", format: nil)
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                items.append(Item(origin: path, result: .failure(ReadError(file: path, "no such file or directory"))))
                continue
            }
            if isDir.boolValue {
                for file in filesUnder(path) {
                    let ext = (file as NSString).pathExtension
                    if ArticleFormat.byExtension(ext) == nil, !ext.isEmpty, !Self.sniffableExtensions.contains(ext.lowercased()) { continue }
                    var fileItems = read(file: file, quietIfBinary: ArticleFormat.byExtension(ext) == nil)
                    if let rootLabel {
                        let relative = String(file.dropFirst(path.count).drop(while: { $0 == "/" }))
                        fileItems = fileItems.map { item in
                            guard case .success(var d) = item.result, d.key.hasPrefix(file) else { return item }
                            d.key = rootLabel + "/" + relative + d.key.dropFirst(file.count)
                            return Item(origin: item.origin, result: .success(d))
                        }
                    }
                    items += fileItems
                }
            } else {
                items += read(file: path, quietIfBinary: false)
            }
        }
        return items
    }

    /// Extensions worth sniffing in a directory walk (content decides the format).
    static let sniffableExtensions: Set<String> = ["", "article", "story", "htm5", "dat", "out"]

    func filesUnder(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var files: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = (dir as NSString).appendingPathComponent(rel)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { files.append(full) }
        }
        return files.sorted()
    }

    public func read(file: String, quietIfBinary: Bool = false) -> [Item] {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxFileBytes {
            return [Item(origin: file, result: .failure(ReadError(file: file, "file is \(size >> 20) MB, over the \(maxFileBytes >> 20) MB limit; split it into smaller files")))]
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return [Item(origin: file, result: .failure(ReadError(file: file, "cannot read the file (permissions?)")))]
        }
        let items = read(data: data, name: file, keyBase: file, format: ArticleFormat.byExtension((file as NSString).pathExtension))
        if quietIfBinary, items.count == 1, case .failure(let e) = items[0].result, e.message.hasPrefix("not UTF-8") { return [] }
        return items
    }

    /// Reads one blob of bytes in the given (or sniffed) format.
    public func read(data: Data, name: String, keyBase: String, format: ArticleFormat?) -> [Item] {
        func fail(_ msg: String, line: Int? = nil) -> [Item] { [Item(origin: name, result: .failure(ReadError(file: name, line: line, msg)))] }
        if data.isEmpty { return fail("empty file: nothing to read") }
        if data.prefix(8192).contains(0) { return fail("not UTF-8 text: the file looks binary (it contains NUL bytes)") }
        guard var text = String(validating: data, as: UTF8.self) else {
            return fail("not UTF-8 text: convert it first, e.g. `iconv -f latin1 -t utf-8 \(name)`")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return fail("empty file: only whitespace") }
        let fmt = format ?? ArticleFormat.sniff(text)
        var results: [Result<Document, ReadError>]
        switch fmt {
        case .text: results = [.success(PlainTextReader.read(text, key: keyBase))]
        case .markdown: results = [.success(MarkdownReader.read(text, key: keyBase))]
        case .html: results = [.success(HTMLReader.read(text, key: keyBase))]
        case .json: results = JSONArticleReader.read(text, file: name)
        case .jsonl: results = JSONArticleReader.readLines(text, file: name)
        case .feed: results = FeedReader.read(text, file: name)
        }
        return results.map { r in
            guard case .success(let d) = r else { return Item(origin: name, result: r) }
            if d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return Item(origin: name, result: .failure(ReadError(file: name, "no article text found (\(fmt.rawValue) format)")))
            }
            if d.text.utf8.count > maxArticleBytes {
                return Item(origin: name, result: .failure(ReadError(file: name, "article '\(d.key.prefix(60))' is \(d.text.utf8.count >> 20) MB of text, over the \(maxArticleBytes >> 20) MB per-article limit; is it really one article?")))
            }
            return Item(origin: name, result: .success(d))
        }
    }
}
