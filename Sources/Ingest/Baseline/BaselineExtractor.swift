import Graph

/// The first, deliberately simple extractor: capitalised spans are actors; a small stance-verb
/// lexicon links the nearest actor before the verb to the first actor after it.
/// Kept as a reference point for measuring the real extractor against.
public struct BaselineExtractor: Extractor {
    public let version = "baseline-1"
    public init() {}

    static let cues: [String: Polarity] = [
        "criticized": .opposes, "criticised": .opposes, "opposed": .opposes, "opposes": .opposes,
        "condemned": .opposes, "decried": .opposes, "protested": .opposes, "sued": .opposes,
        "attacked": .opposes, "slammed": .opposes, "blasted": .opposes,
        "supported": .supports, "supports": .supports, "backed": .supports, "praised": .supports,
        "welcomed": .supports, "endorsed": .supports, "applauded": .supports,
        "defended": .defends, "defends": .defends,
    ]
    static let functionWords: Set<String> = ["the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they",
                                             "this", "that", "after", "when", "while", "as", "if", "we", "i", "its", "their"]

    public func extract(_ document: Document) -> ArticleGraph {
        let scalars = Array(document.text.unicodeScalars)
        let sentences = SentenceSplitter.split(Tokenizer.tokenize(scalars))
        var graph = ArticleGraph()
        var index: [String: Int] = [:]
        func entity(_ name: String) -> Int {
            let key = NameKey.make(name)
            if let i = index[key] { return i }
            graph.entities.append(.init(name: name, kind: .organization))
            index[key] = graph.entities.count - 1
            return graph.entities.count - 1
        }
        for s in sentences {
            // Actor spans: runs of capitalised words (not a lone sentence-initial function word).
            var spans: [(start: Int, end: Int, name: String)] = []
            var run: [Token] = []
            func close() {
                defer { run = [] }
                guard !run.isEmpty else { return }
                if run.count == 1, Self.functionWords.contains(run[0].lower) { return }
                spans.append((run.first!.start, run.last!.end, run.map(\.text).joined(separator: " ")))
            }
            var cue: (Int, Token, Polarity)?
            for (k, t) in s.tokens.enumerated() {
                if t.kind == .word, t.isCapitalized { run.append(t) } else { close() }
                if cue == nil, let p = Self.cues[t.lower] { cue = (k, t, p) }
            }
            close()
            guard let (_, cueToken, polarity) = cue else { continue }
            guard let holder = spans.last(where: { $0.end <= cueToken.start }),
                  let target = spans.first(where: { $0.start >= cueToken.end }) else { continue }
            let evidence = String(String.UnicodeScalarView(scalars[s.start..<s.end]))
            graph.stances.append(.init(holder: entity(holder.name), polarity: polarity, target: .entity(entity(target.name)),
                                       sentence: s.index, start: s.start, end: s.end, evidence: evidence,
                                       cue: cueToken.text, date: document.published, confidence: 0.5, rule: "baseline.verb"))
        }
        return graph
    }
}
