import Foundation
import Graph

/// Everything the extractor knows about words, loaded from resource files (Resources/Lexicons)
/// so that it can be read, reviewed and extended without touching code. Users add entries with
/// their own files of the same names (`graphq ingest --lexicon my/cues.tsv`).
public struct Lexicon: Sendable {
    public enum Frame: String, Sendable { case svo, urge, psych, from, group, prep, act, enact, neg }

    /// A stance cue: its words after the first, polarity, argument frame and prior confidence.
    public struct Cue: Sendable {
        public var words: [String]
        public var polarity: Polarity
        public var frame: Frame
        public var confidence: Double
        public var isVerb: Bool
        public var label: String
    }

    public struct GazetteerEntry: Sendable {
        public var name: String
        public var kind: EntityKind
    }

    /// Cues keyed by the lowercase form of their first word (all inflections of verb lemmas).
    var cues: [String: [Cue]] = [:]
    var urgeComplements: [String: Polarity] = [:]
    var evaluative: [String: (Polarity, Double)] = [:]
    var evaluativePhrases: [[String]: (Polarity, Double)] = [:]
    /// General sentiment valences (VADER), a weaker fallback for words not in `evaluative`.
    var sentiment: [String: Double] = [:]
    /// Group heads by their last word, with the full head and kind ("law enforcement agencies").
    var groupHeads: [String: [(words: [String], kind: EntityKind)]] = [:]
    var titles: Set<String> = []
    /// Nationality adjective → country ("Chinese" → "China").
    var demonyms: [String: String] = [:]
    var lowerTitles: Set<String> = []
    var orgWords: [String: EntityKind] = [:]
    var issueNouns: Set<String> = []
    /// Inflected forms of transitive verbs that are rarely noun modifiers (`verbs.txt`).
    var transitiveVerbs: Set<String> = []
    var speechVerbs: Set<String> = []
    var stopCapitals: Set<String> = []
    var firstNames: Set<String> = []
    var ambiguousFirstNames: Set<String> = []
    var gazetteer: [String: GazetteerEntry] = [:]
    /// Name keys of the countries and states (`places.tsv`).
    var places: Set<String> = []

    /// The lexicons shipped with graphq.
    public static let bundled: Lexicon = {
        var lex = Lexicon()
        let dir = BundledResources.root.appendingPathComponent("Lexicons")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for f in files.sorted() { try? lex.add(contentsOf: dir.appendingPathComponent(f)) }
        return lex
    }()

    /// The bundled lexicons extended by user files, each named like the file it extends.
    public static func with(userFiles: [String]) throws -> Lexicon {
        var lex = bundled
        for f in userFiles { try lex.add(contentsOf: URL(fileURLWithPath: f)) }
        return lex
    }

    public struct LoadError: Error, CustomStringConvertible, LocalizedError {
        public var description: String
        public var errorDescription: String? { description }
    }

    static let knownFiles = ["cues.tsv", "urge-complements.tsv", "evaluative.tsv", "groups.txt", "titles.txt", "org-words.tsv",
                             "issue-nouns.txt", "speech-verbs.txt", "stop-capitals.txt", "first-names.txt",
                             "first-names-ambiguous.txt", "gazetteer.tsv", "places.tsv", "sentiment.tsv", "verbs.txt", "demonyms.tsv"]

    /// Adds the entries of one lexicon file; its name says which lexicon it extends.
    mutating func add(contentsOf url: URL) throws {
        let name = url.lastPathComponent
        if name.hasSuffix(".md") { return }
        guard Self.knownFiles.contains(name) else {
            throw LoadError(description: "\(url.path): unknown lexicon file name; name it after the lexicon it extends: \(Self.knownFiles.joined(separator: ", "))")
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError(description: "\(url.path): cannot read the lexicon (missing or not UTF-8)")
        }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            func bad(_ why: String) -> LoadError { LoadError(description: "\(url.path):\(n + 1): error: \(why)") }
            switch name {
            case "cues.tsv":
                guard cols.count >= 3, let pol = Polarity(rawValue: cols[1]), let frame = Frame(rawValue: cols[2]) else {
                    throw bad("expected: cue<TAB>supports|opposes|defends<TAB>\(["svo", "urge", "psych", "from", "group", "prep", "act", "enact", "neg"].joined(separator: "|"))[<TAB>confidence]")
                }
                addCue(cols[0], polarity: pol, frame: frame, confidence: cols.count > 3 ? Double(cols[3]) ?? 0.6 : 0.6)
            case "urge-complements.tsv":
                guard cols.count >= 2, let pol = Polarity(rawValue: cols[1]) else { throw bad("expected: verb<TAB>supports|opposes") }
                for f in Inflector.forms(of: cols[0]) where !f.hasSuffix("s") || f == cols[0] { urgeComplements[f] = pol }
                urgeComplements[cols[0].lowercased()] = pol
            case "evaluative.tsv":
                guard cols.count >= 2, let pol = Polarity(rawValue: cols[1]) else { throw bad("expected: word<TAB>supports|opposes[<TAB>weight]") }
                let w = cols.count > 2 ? Double(cols[2]) ?? 1 : 1
                let words = cols[0].lowercased().split(separator: " ").map(String.init)
                if words.count == 1 { evaluative[words[0]] = (pol, w) } else { evaluativePhrases[words] = (pol, w) }
            case "sentiment.tsv":
                guard cols.count >= 2, let v = Double(cols[1]) else { throw bad("expected: word<TAB>valence (-4..4)") }
                sentiment[cols[0].lowercased()] = v
            case "groups.txt":
                let words = cols[0].lowercased().split(separator: " ").map(String.init)
                let kind = cols.count > 1 ? EntityKind(lenient: cols[1]) ?? .group : .group
                if let last = words.last { groupHeads[last, default: []].append((words, kind)) }
            case "titles.txt":
                titles.insert(cols[0]); lowerTitles.insert(cols[0].lowercased())
            case "org-words.tsv":
                guard cols.count >= 2, let kind = EntityKind(lenient: cols[1]) else { throw bad("expected: word<TAB>kind") }
                orgWords[cols[0]] = kind
            case "issue-nouns.txt": issueNouns.insert(cols[0].lowercased())
            case "speech-verbs.txt": for f in Inflector.forms(of: cols[0]) { speechVerbs.insert(f) }
            case "verbs.txt": for f in Inflector.forms(of: cols[0]) { transitiveVerbs.insert(f) }
            case "demonyms.tsv":
                guard cols.count >= 2 else { throw bad("expected: demonym<TAB>country") }
                demonyms[cols[0]] = cols[1]
            case "stop-capitals.txt": stopCapitals.insert(cols[0])
            case "first-names.txt": firstNames.insert(cols[0])
            case "first-names-ambiguous.txt": ambiguousFirstNames.insert(cols[0])
            case "gazetteer.tsv", "places.tsv":
                guard cols.count >= 2, let kind = EntityKind(lenient: cols[1]) else { throw bad("expected: name<TAB>kind[<TAB>alias|alias…]") }
                let entry = GazetteerEntry(name: cols[0], kind: kind)
                gazetteer[NameKey.make(cols[0])] = entry
                if name == "places.tsv" { places.insert(NameKey.make(cols[0])) }
                if cols.count > 2 {
                    for a in cols[2].split(separator: "|") { gazetteer[NameKey.make(String(a))] = entry }
                }
            default: break
            }
        }
    }

    mutating func addCue(_ text: String, polarity: Polarity, frame: Frame, confidence: Double) {
        var t = text
        var isVerb = true
        if t.hasPrefix("n:") || t.hasPrefix("a:") { isVerb = false; t = String(t.dropFirst(2)) }
        let words = t.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first else { return }
        let cue = Cue(words: Array(words.dropFirst()), polarity: polarity, frame: frame, confidence: confidence, isVerb: isVerb, label: t)
        let forms = isVerb ? Inflector.forms(of: first) : [first]
        for f in forms { cues[f, default: []].append(cue) }
    }
}
