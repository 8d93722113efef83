import Foundation
import Graph

/// The graphq extractor: shallow, lexicon- and pattern-driven analysis in the tradition of
/// TABARI/PETRARCH, aimed at positions on issues. See docs/EXTRACTION.md for the design.
/// Each article runs through the passes of `ArticleExtraction`; the rules those passes share
/// live here and in the `RuleExtractor+…` files (coreference, issues, speech).
public struct RuleExtractor: Extractor {
    public let version = "rules-1"
    static let spokesRoles: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople"]
    static let speechThreshold = 0.8

    static let businessWords: Set<String> = ["company", "firm", "retailer", "carrier", "automaker", "airline", "manufacturer",
                                             "startup", "conglomerate", "corporation", "giant", "operator", "utility"]
    static let speakingGroups: Set<String> = ["officials", "spokespeople", "spokesmen", "spokeswomen", "representatives"]

    static let employerWords: Set<String> = ["employers", "employer", "bosses", "boss", "management", "their employers"]
    static let sideWindow = 3
    static let evaluationThreshold = 0.3
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .bundled) { self.lexicon = lexicon }

    public func extract(_ document: Document) -> ArticleGraph {
        ArticleExtraction(document, extractor: self).run()
    }

    /// Prints the analysis of each sentence to stderr (set GRAPHQ_TRACE=1), for rule debugging.
    func trace(_ analyses: [SentenceAnalysis], issues: [IssueFinder.Issue], main: Int?, resolver: EntityResolver) {
        var out = "issues: " + issues.enumerated().map { "\($0.offset):\($0.element.label)(\($0.element.score))" }.joined(separator: "; ")
        out += "  main=\(main.map(String.init) ?? "-")\n"
        let sf = StanceFinder(lexicon: lexicon, mainIssue: main)
        for a in analyses {
            out += "[\(a.sentence.index)/p\(a.sentence.paragraph)] " + a.tokens.enumerated().map { k, t in
                var w = t.text
                if let mi = a.mentionAt[k], a.mentions[mi].start == k { w = "[" + w }
                if let mi = a.mentionAt[k], a.mentions[mi].end == k + 1 {
                    let m = a.mentions[mi]
                    w += "]\(m.entity.map { "→" + resolver.entities[$0].name } ?? "→?")"
                }
                if a.inQuote[k] { w = "‹" + w + "›" }
                return w
            }.joined(separator: " ")
            out += "\n    speaker=\(a.speaker.map { resolver.entities[$0].name } ?? "-") cues=\(sf.cues(in: a).map { $0.cue.label + "/" + $0.cue.frame.rawValue })"
            out += " issues=\(a.issues.map { issues[$0.issue].label })\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
