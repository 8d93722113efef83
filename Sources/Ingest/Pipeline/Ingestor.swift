import Foundation
import Graph

/// Reads, extracts and stores articles: the one path from files to the store.
public struct Ingestor: Sendable {
    public var store: Store
    public var extractor: any Extractor
    public var reader = ArticleReader()
    /// Stances below this confidence are not stored.
    public var minConfidence = 0.0

    public init(store: Store, extractor: any Extractor) {
        self.store = store; self.extractor = extractor
    }

    public struct Summary: Sendable, Equatable {
        public var new = 0
        public var known = 0
        public var replaced = 0
        public var failed = 0
        public var newEntities = 0
        public var stances = 0
        public var sentences = 0
        public var errors: [String] = []
        public init() {}
    }

    /// Ingests every document found under `paths`. Bad files are reported in the summary and
    /// do not stop the others; each article is stored in its own transaction.
    public func ingest(paths: [String], progress: ((Int, Int) -> Void)? = nil) -> Summary {
        var summary = Summary()
        let items = reader.read(paths: paths)
        for (n, item) in items.enumerated() {
            progress?(n + 1, items.count)
            switch item.result {
            case .failure(let e):
                summary.failed += 1
                summary.errors.append(e.description)
            case .success(let doc):
                do {
                    try ingest(doc, summary: &summary)
                } catch {
                    summary.failed += 1
                    summary.errors.append("\(item.origin): error: could not store '\(doc.key)': \(error)")
                }
            }
        }
        return summary
    }

    @discardableResult
    public func ingest(_ doc: Document, summary: inout Summary) throws -> IngestOutcome {
        // Content already stored is not extracted again (re-running an ingest over a folder is common).
        if let known = try store.article(withContent: doc.text) {
            summary.known += 1
            return .alreadyKnown(article: known)
        }
        var graph = extractor.extract(doc)
        if minConfidence > 0 { graph.stances.removeAll { $0.confidence < minConfidence } }
        let outcome = try store.ingest(doc, graph: graph, extractorVersion: extractor.version)
        switch outcome {
        case .added(_, let e, let s): summary.new += 1; summary.newEntities += e; summary.stances += s
        case .replaced(_, let e, let s): summary.replaced += 1; summary.newEntities += e; summary.stances += s
        case .alreadyKnown: summary.known += 1
        }
        return outcome
    }
}
