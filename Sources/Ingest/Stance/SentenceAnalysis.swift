import Graph

/// One sentence with everything the stance rules need: its tokens, resolved actor mentions,
/// issue phrases, quotation state and the speaker of its quotes.
struct SentenceAnalysis {
    var sentence: Sentence
    var mentions: [Mention] = []
    /// For each token, the index of the mention covering it.
    var mentionAt: [Int?] = []
    var issues: [(start: Int, end: Int, issue: Int)] = []
    /// For each token, whether it is inside double quotation marks.
    var inQuote: [Bool] = []
    /// Entity speaking this sentence's quotes, when attributed.
    var speaker: Int?
    /// Token index of the speech verb that attributes the sentence, if any.
    var speechVerb: Int?

    var tokens: [Token] { sentence.tokens }

    var hasQuote: Bool { inQuote.contains(true) }

    mutating func indexMentions() {
        mentionAt = [Int?](repeating: nil, count: sentence.tokens.count)
        for (n, m) in mentions.enumerated() { for k in m.start..<m.end where k < mentionAt.count { mentionAt[k] = n } }
    }

    func issueAt(_ k: Int) -> (start: Int, end: Int, issue: Int)? {
        issues.first { $0.start <= k && k < $0.end }
    }
}
