/// One article as the readers deliver it: metadata plus the body text that every evidence
/// offset points into.
public struct Document: Sendable, Equatable, Codable {
    /// Stable identity: the id given in JSON input, else the URL, else the file path (+ item index).
    public var key: String
    public var url: String?
    public var title: String?
    public var source: String?
    public var author: String?
    /// ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when known.
    public var published: String?
    public var text: String

    public init(key: String, url: String? = nil, title: String? = nil, source: String? = nil,
                author: String? = nil, published: String? = nil, text: String) {
        self.key = key; self.url = url; self.title = title; self.source = source
        self.author = author; self.published = published; self.text = text
    }
}
