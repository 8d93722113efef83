import Foundation
import Graph

/// One article's way through the rule extractor: the working state that the passes fill in,
/// in order — issues (`+Issues`), mentions and entities (`+Mentions`), speakers (`+Speakers`),
/// stances and defences (`+Stances`). Each pass reads what the earlier ones left.
final class ArticleExtraction {
    let extractor: RuleExtractor
    let lexicon: Lexicon
    let document: Document
    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    var analyses: [SentenceAnalysis]
    var resolver: EntityResolver
    var finder: MentionFinder

    // Issues (pass 1).
    var issueFinder: IssueFinder
    var issues: [IssueFinder.Issue] = []
    /// Sentence where each issue was last named, for anaphora ("the pipeline" after "the Dakota Access pipeline").
    var lastNamed: [Int: Int] = [:]
    var sentenceNow = -1
    /// The issues the headline names: the controversy the article covers.
    var titleIssues: [Int] = []
    /// "FCC repeals net neutrality rules": the repeal and the rules it undoes.
    var repealOf: (repeal: Int, of: Int)?
    /// Issues introduced by an indefinite description ("a bipartisan plan"): never folded into the main one.
    var introducedAsNew = Set<Int>()
    /// "two projects": the issues a plural description stands for.
    var issueMembers: [Int: [Int]] = [:]
    /// The headline reports an act against its issue ("EU blocks X", "vetoes bill"): welcoming
    /// "the ruling" is then opposing the issue.
    var headlineActAgainst = false
    var mainIssue: Int?
    /// The issue every stance's topic names (the headline's, else the main one).
    var topicIssue: Int?

    // Mentions and entities (pass 2).
    var history: [(entity: Int, kind: EntityKind, plural: Bool)] = []
    var historyAtSentence: [Int] = []
    /// People who speak for an organisation ("a spokesman for Acme"): their words are its stance.
    var spokespersonFor: [Int: Int] = [:]
    var issueOwner: [Int: Int] = [:]

    // Speakers (pass 3).
    var stanceFinder: StanceFinder
    var quotes: QuoteAttributor
    /// Organisations people speak for (leads / member_of), for "we" in quotes.
    var orgOf: [Int: Int] = [:]
    var parentOf: [Int: Int] = [:]

    // Stances (pass 4).
    var graph = ArticleGraph()

    init(_ document: Document, extractor: RuleExtractor) {
        self.extractor = extractor
        self.lexicon = extractor.lexicon
        self.document = document
        scalars = Array(document.text.unicodeScalars)
        sentences = SentenceSplitter.split(Tokenizer.tokenize(scalars))
        analyses = sentences.map { SentenceAnalysis(sentence: $0) }
        resolver = EntityResolver(lexicon: lexicon)
        finder = MentionFinder(lexicon: lexicon)
        for s in sentences {
            for (k, t) in s.tokens.enumerated() where k > 0 && t.kind == .word && t.isCapitalized && s.tokens[k - 1].kind != .openQuote {
                finder.midSentenceCapitals.insert(MentionFinder.stripPossessive(t.text).0)
            }
        }
        issueFinder = IssueFinder(lexicon: lexicon)
        stanceFinder = StanceFinder(lexicon: lexicon, mainIssue: nil)
        quotes = QuoteAttributor(lexicon: lexicon)
    }

    func run() -> ArticleGraph {
        findIssues()
        findMentions()
        attributeSpeakers()
        findStances()
        markDefences()
        return graph
    }

    func speakerOrg(_ e: Int) -> Int? { orgOf[e] }
}
