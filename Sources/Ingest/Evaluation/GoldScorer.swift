import Foundation
import Graph

/// Scores extracted stances against gold annotations exactly as `shared/eval/score.py` does:
/// unique (holder, polarity, target) triples per article; holders and targets match through
/// names and aliases (an alias shared by several entities is not used); targets also match by
/// content-word overlap with the gold target or topic; lenient polarity merges supports and
/// defends.
public struct GoldScorer {
    public struct PRF: Sendable, Codable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var tp: Int
        public var predicted: Int
        public var gold: Int
    }
    public struct ArticleRow: Sendable, Codable, Equatable {
        public var article: String
        public var tp: Int
        public var predicted: Int
        public var gold: Int
    }
    public struct Result: Sendable, Codable, Equatable {
        public var lenient: PRF
        public var strict: PRF
        public var pair: PRF
        public var perClassStrict: [String: PRF]
        public var entityRecall: Double
        public var articles: [ArticleRow]
    }

    static let stop: Set<String> = ["the", "a", "an", "of", "to", "on", "in", "for", "and", "its", "their", "by", "with", "at",
                                    "from", "s", "it", "this", "that", "use", "over"]

    /// score.py's `fold`: NFKC, lowercase, typographic apostrophe, possessive 's, non-alphanumerics
    /// to spaces, a leading "the" dropped.
    static func fold(_ s: String?) -> String {
        var t = (s ?? "").precomposedStringWithCompatibilityMapping.lowercased()
        t = t.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "'s ", with: " ")
        var out = ""
        for u in t.unicodeScalars {
            let c = u.value
            let keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || u == "&" || u == "@" || u == " "
            out.unicodeScalars.append(keep ? u : " ")
        }
        let parts = out.split(separator: " ").map(String.init)
        var joined = parts.joined(separator: " ")
        if joined.hasPrefix("the ") { joined = String(joined.dropFirst(4)) }
        return joined
    }

    static func words(_ s: String) -> Set<String> {
        Set(fold(s).split(separator: " ").map(String.init).filter { !stop.contains($0) })
    }

    static func overlap(_ a: String, _ b: String) -> Bool {
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        let common = Double(wa.intersection(wb).count)
        return common / Double(min(wa.count, wb.count)) >= 0.5 && common / Double(max(wa.count, wb.count)) >= 0.34
    }

    static func sign(_ p: String?) -> String {
        switch (p ?? "").lowercased() {
        case "supports", "defends", "support", "defend", "favor", "favour": return "+"
        case "opposes", "oppose", "against", "criticizes": return "-"
        default: return "?"
        }
    }

    /// Surface forms of named things; an alias owned by two or more entities is ambiguous.
    struct Forms {
        var byName: [String: Set<String>] = [:]
        init(_ entities: [(name: String, aliases: [String])]) {
            var owners: [String: Set<Int>] = [:]
            for (i, e) in entities.enumerated() { for a in e.aliases { owners[fold(a), default: []].insert(i) } }
            for e in entities {
                var forms: Set<String> = [fold(e.name)]
                for a in e.aliases.map(fold) where (owners[a]?.count ?? 0) <= 1 { forms.insert(a) }
                forms.remove("")
                for f in forms { byName[f, default: []].formUnion(forms) }
            }
        }
        func of(_ name: String?) -> Set<String> {
            let f = fold(name)
            var r = byName[f] ?? []
            if !f.isEmpty { r.insert(f) }
            return r
        }
    }

    /// A stance as the scorer sees it (gold or predicted).
    public struct Triple: Sendable, Equatable {
        public var holder: String
        public var polarity: String
        public var target: String
        public var topic: String?
        public var altTargets: [String]
        public init(holder: String, polarity: String, target: String, topic: String? = nil, altTargets: [String] = []) {
            self.holder = holder; self.polarity = polarity; self.target = target; self.topic = topic; self.altTargets = altTargets
        }
    }

    public struct GoldArticle: Sendable {
        public var id: String
        public var document: Document
        public var entities: [(name: String, aliases: [String])]
        public var stances: [Triple]
    }

    public init() {}

    public func score(gold: [GoldArticle], predicted: InterchangeGraph) -> Result {
        let pforms = Forms(predicted.entities.map { ($0.name, $0.aliases ?? []) })
        var allPredNames = Set<String>()
        for e in predicted.entities { allPredNames.insert(Self.fold(e.name)); for a in e.aliases ?? [] { allPredNames.insert(Self.fold(a)) } }
        var byArticle: [String: [Triple]] = [:]
        for s in predicted.stances {
            byArticle[s.article ?? "", default: []].append(Triple(holder: s.holder, polarity: s.polarity, target: s.target, topic: s.topic))
        }
        var tot: [String: (Int, Int, Int)] = ["lenient": (0, 0, 0), "strict": (0, 0, 0), "pair": (0, 0, 0)]
        var perClass: [String: (Int, Int, Int)] = ["supports": (0, 0, 0), "opposes": (0, 0, 0), "defends": (0, 0, 0)]
        var entFound = 0, entTotal = 0
        var rows: [ArticleRow] = []
        for art in gold.sorted(by: { $0.id < $1.id }) {
            let gforms = Forms(art.entities)
            for e in art.entities {
                entTotal += 1
                var forms: Set<String> = [Self.fold(e.name)]
                for a in e.aliases { forms.insert(Self.fold(a)) }
                if !forms.isDisjoint(with: allPredNames) { entFound += 1 }
            }
            func goldTargets(_ s: Triple) -> ([String], Set<String>) {
                let ts = [s.target] + s.altTargets
                var out = Set<String>()
                for t in ts { out.formUnion(gforms.of(t)) }
                return (ts, out)
            }
            func holderOK(_ p: Triple, _ g: Triple) -> Bool {
                !pforms.of(p.holder).isDisjoint(with: gforms.of(g.holder))
            }
            func targetOK(_ p: Triple, _ g: Triple) -> Bool {
                let (ts, forms) = goldTargets(g)
                if !pforms.of(p.target).isDisjoint(with: forms) { return true }
                let candP = [p.target, p.topic ?? ""].filter { !$0.isEmpty }
                let candG = (ts + [g.topic ?? ""]).filter { !$0.isEmpty }
                return candP.contains { a in candG.contains { b in Self.overlap(a, b) } }
            }
            let preds = byArticle[art.id] ?? []
            for mode in ["lenient", "strict", "pair"] {
                let key: (Triple) -> String = { s in
                    mode == "strict" ? s.polarity.lowercased() : mode == "lenient" ? Self.sign(s.polarity) : ""
                }
                var goldU: [Triple] = []
                for g in art.stances where !goldU.contains(where: { $0.holder == g.holder && key($0) == key(g) && $0.target == g.target }) {
                    goldU.append(g)
                }
                var predU: [Triple] = []
                var sigs = Set<String>()
                for p in preds {
                    let sig = Self.fold(p.holder) + "\u{1}" + key(p) + "\u{1}" + Self.fold(p.target)
                    if sigs.insert(sig).inserted { predU.append(p) }
                }
                var matched = Set<Int>()
                var tp = 0
                for p in predU {
                    for (i, g) in goldU.enumerated() where !matched.contains(i) {
                        if key(p) == key(g), holderOK(p, g), targetOK(p, g) {
                            matched.insert(i); tp += 1
                            if mode == "strict", let c = perClass[key(g)] { perClass[key(g)] = (c.0 + 1, c.1, c.2) }
                            break
                        }
                    }
                }
                if mode == "strict" {
                    for p in predU { if let c = perClass[key(p)] { perClass[key(p)] = (c.0, c.1 + 1, c.2) } }
                    for g in goldU { if let c = perClass[key(g)] { perClass[key(g)] = (c.0, c.1, c.2 + 1) } }
                }
                let t = tot[mode]!
                tot[mode] = (t.0 + tp, t.1 + predU.count, t.2 + goldU.count)
                if mode == "lenient" { rows.append(ArticleRow(article: art.id, tp: tp, predicted: predU.count, gold: goldU.count)) }
            }
        }
        func prf(_ v: (Int, Int, Int)) -> PRF {
            let p = v.1 > 0 ? Double(v.0) / Double(v.1) : 0
            let r = v.2 > 0 ? Double(v.0) / Double(v.2) : 0
            let f = p + r > 0 ? 2 * p * r / (p + r) : 0
            // (ties to even, as Python's round() in score.py: 130/160 is 0.812)
            func round3(_ x: Double) -> Double { (x * 1000).rounded(.toNearestOrEven) / 1000 }
            return PRF(precision: round3(p), recall: round3(r), f1: round3(f), tp: v.0, predicted: v.1, gold: v.2)
        }
        return Result(lenient: prf(tot["lenient"]!), strict: prf(tot["strict"]!), pair: prf(tot["pair"]!),
                      perClassStrict: perClass.mapValues(prf),
                      entityRecall: entTotal > 0 ? (Double(entFound) / Double(entTotal) * 1000).rounded(.toNearestOrEven) / 1000 : 0,
                      articles: rows)
    }
}
