// Extraction throughput: sentences per second on one core, extraction alone and end to end
// (extract + store in SQLite, one transaction per article). The corpus is built from the
// project's own example articles: their sentences reshuffled into 2,000 distinct articles with a
// fixed seed, so runs are comparable.
// Run: cd Benchmarks && swift run -c release IngestBench [--articles N]
import Foundation
import Graph
import Ingest

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let args = CommandLine.arguments
let articleCount = args.firstIndex(of: "--articles").flatMap { Int(args[$0 + 1]) } ?? 2000

// Sentences of the bundled example articles.
let docs = ArticleReader().read(paths: [BundledResources.examples.path]).compactMap { try? $0.result.get() }
var sentences: [String] = []
for d in docs {
    let scalars = Array(d.text.unicodeScalars)
    for s in SentenceSplitter.split(Tokenizer.tokenize(scalars)) where s.end - s.start > 30 {
        sentences.append(String(String.UnicodeScalarView(scalars[s.start..<s.end])))
    }
}
var rng = SplitMix64(state: 42)
var corpus: [Document] = []
var totalSentences = 0
for n in 0..<articleCount {
    let k = 12 + rng.below(14)
    var paragraphs: [String] = []
    for p in 0..<k { paragraphs.append(sentences[rng.below(sentences.count)] + (p % 3 == 2 ? "\n\n" : " ")) }
    let text = paragraphs.joined()
    totalSentences += SentenceSplitter.split(Tokenizer.tokenize(Array(text.unicodeScalars))).count
    corpus.append(Document(key: "bench-\(n)", title: nil, published: String(format: "2025-%02d-%02d", n % 12 + 1, n % 28 + 1), text: text))
}

let extractor = RuleExtractor()
_ = extractor.extract(corpus[0])  // load lexicons outside the timing

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var stances = 0
let extractOnly = seconds { for d in corpus { stances += extractor.extract(d).stances.count } }

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphq-ingestbench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
let store = try Store(path: dir.appendingPathComponent("bench.sqlite").path)
let ingestor = Ingestor(store: store, extractor: extractor)
var summary = Ingestor.Summary()
let endToEnd = try seconds { for d in corpus { try ingestor.ingest(d, summary: &summary) } }
try? FileManager.default.removeItem(at: dir)

print("corpus: \(articleCount) articles, \(totalSentences) sentences, \(sentences.count) distinct source sentences")
print("| stage | seconds | sentences/s | articles/s |")
print("|---|---:|---:|---:|")
for (name, t) in [("extraction only", extractOnly), ("end to end into SQLite", endToEnd)] {
    print(String(format: "| %@ | %.2f | %.0f | %.0f |", name, t, Double(totalSentences) / t, Double(articleCount) / t))
}
print("stances per run: \(stances) extracted, \(summary.stances) stored")
