import Graph

/// Turns one document into the actors, issues and stances it states.
public protocol Extractor: Sendable {
    /// Recorded on every stored article, so a store says which extractor produced its edges.
    var version: String { get }
    func extract(_ document: Document) -> ArticleGraph
}
