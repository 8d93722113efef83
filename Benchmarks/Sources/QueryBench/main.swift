import Dispatch
import Foundation
import GRDB
import Graph

// QueryBench: builds a synthetic store (100,000 actors, 10,000 issues, 1,000,000 stances, Zipf-skewed
// hubs, dates over 15 years) and times graphq queries against hand-written SQL on the same store,
// in the same run. Usage: QueryBench [--db PATH] [--regenerate] [--pairs N]

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Samples ranks 0..<n with probability ∝ 1/(rank+1)^s.
struct Zipf {
    let cdf: [Double]
    init(n: Int, s: Double) {
        var c = [Double](repeating: 0, count: n)
        var total = 0.0
        for i in 0..<n { total += 1 / pow(Double(i + 1), s); c[i] = total }
        cdf = c.map { $0 / total }
    }
    func sample(_ rng: inout SplitMix) -> Int {
        let u = Double.random(in: 0..<1, using: &rng)
        var lo = 0, hi = cdf.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] < u { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

let args = CommandLine.arguments
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
let path = option("--db") ?? FileManager.default.temporaryDirectory.appendingPathComponent("graphq-bench.sqlite").path
let pairs = Int(option("--pairs") ?? "") ?? 200
let actorCount = 100_000, issueCount = 10_000, stanceCount = 1_000_000, articleCount = 50_000

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
/// CPU time of this thread: unlike wall time, not inflated when other processes share the 2 cores.
func cpu() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
nonisolated(unsafe) var lastCPU: Double = 0
func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }

func generate() throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try Store(path: path)
    let started = now()
    var rng = SplitMix(state: 42)
    let kinds = EntityKind.allCases.map(\.rawValue)
    var permutation = Array(1...actorCount)
    permutation.shuffle(using: &rng)
    var issuePermutation = Array(1...issueCount)
    issuePermutation.shuffle(using: &rng)
    try store.writer.write { db in
        let e = try db.makeStatement(sql: "INSERT INTO entity(id, name, name_key, kind) VALUES (?,?,?,?)")
        let a = try db.makeStatement(sql: "INSERT INTO alias(entity, surface, surface_key) VALUES (?,?,?)")
        for i in 1...actorCount {
            let name = "Actor \(i)"
            let key = NameKey.make(name)
            try e.execute(arguments: [i, name, key, kinds[i % kinds.count]])
            try a.execute(arguments: [i, name, key])
        }
        let iss = try db.makeStatement(sql: "INSERT INTO issue(id, label, label_key) VALUES (?,?,?)")
        for i in 1...issueCount {
            let label = "issue \(i) policy"
            try iss.execute(arguments: [i, label, NameKey.make(label)])
        }
        let art = try db.makeStatement(sql: """
            INSERT INTO article(id, key, content_sha256, source, published, text, ingested_at, extractor_version)
            VALUES (?,?,?,?,?,?,'2025-01-01T00:00:00Z','bench')
            """)
        for i in 1...articleCount {
            try art.execute(arguments: [i, "bench-\(i)", "sha-\(i)", "Source \(i % 200)", nil, "Article \(i)."])
        }
    }
    let holders = Zipf(n: actorCount, s: 0.8), targets = Zipf(n: actorCount, s: 1.0), issues = Zipf(n: issueCount, s: 1.0)
    let polarities = ["opposes", "opposes", "supports", "supports", "defends"]
    let dayCount = 15 * 365
    var formatter = DateComponents()
    formatter.year = 2010
    let calendar = Calendar(identifier: .gregorian)
    let base = calendar.date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2010, month: 1, day: 1)) ?? Date()
    var dates: [String] = []
    dates.reserveCapacity(dayCount)
    let df = DateFormatter()
    df.locale = Locale(identifier: "en_US_POSIX"); df.timeZone = TimeZone(identifier: "UTC"); df.dateFormat = "yyyy-MM-dd"
    for d in 0..<dayCount { dates.append(df.string(from: base.addingTimeInterval(Double(d) * 86_400))) }
    let batch = 100_000
    var written = 0
    while written < stanceCount {
        try store.writer.write { db in
            let ins = try db.cachedStatement(sql: """
                INSERT INTO stance(holder, polarity, target_entity, target_issue, topic, article, sentence, start, "end",
                                   evidence, cue, date, date_precision, modality, attribution, confidence, rule, status)
                VALUES (?,?,?,?,?,?,0,0,20,?,'cue',?,?,?,NULL,?,'bench',?)
                """)
            for _ in 0..<batch {
                let holder = permutation[holders.sample(&rng)]
                let polarity = polarities[Int.random(in: 0..<polarities.count, using: &rng)]
                var te: Int? = nil, ti: Int? = nil, topic: Int? = nil
                if Int.random(in: 0..<10, using: &rng) < 8 {
                    var t = permutation[targets.sample(&rng)]
                    if t == holder { t = t % actorCount + 1 }
                    te = t
                    if Int.random(in: 0..<10, using: &rng) < 6 { topic = issuePermutation[issues.sample(&rng)] }
                } else {
                    ti = issuePermutation[issues.sample(&rng)]
                    topic = ti
                }
                let r = Int.random(in: 0..<100, using: &rng)
                let modality = r < 90 ? "asserted" : r < 94 ? "negated" : r < 97 ? "intended" : r < 99 ? "conditional" : "question"
                let st = Int.random(in: 0..<100, using: &rng)
                let status = st < 97 ? "auto" : st < 99 ? "confirmed" : "rejected"
                var date = dates[Int.random(in: 0..<dayCount, using: &rng)]
                var precision = "day"
                if Int.random(in: 0..<20, using: &rng) == 0 { date = String(date.prefix(7)); precision = "month" }
                try ins.execute(arguments: [holder, polarity, te, ti, topic, Int.random(in: 1...articleCount, using: &rng),
                                            "Actor \(holder) \(polarity) the target.", date, precision, modality,
                                            Double.random(in: 0.3...1, using: &rng), status])
            }
        }
        written += batch
        FileHandle.standardError.write(Data("\r\(written) stances".utf8))
    }
    try store.writer.write { try $0.execute(sql: "ANALYZE") }
    FileHandle.standardError.write(Data(String(format: "\rgenerated %@ in %.1f s\n", path, ms(started, now()) / 1000).utf8))
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
func percentile(_ xs: [Double], _ p: Double) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))] }

/// Runs `body` `n` times after one warm-up and returns the median wall time in ms (the median
/// CPU time goes to `lastCPU`).
func time(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var xs: [Double] = [], cs: [Double] = []
    for _ in 0..<n { let t = now(), c = cpu(); try body(); xs.append(ms(t, now())); cs.append(ms(c, cpu())) }
    lastCPU = median(cs)
    return median(xs)
}

// MARK: main

let exists = FileManager.default.fileExists(atPath: path)
if args.contains("--regenerate") || !exists { try generate() }
let store = try Store(path: path)
try store.writer.write { db in try db.execute(sql: "PRAGMA optimize") }
let engine = QueryEngine(store: store)
let counts = try store.writer.read { db in
    (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM issue") ?? 0,
     try Int.fetchOne(db, sql: "SELECT count(*) FROM stance") ?? 0)
}
print("store: \(path): \(counts.0) actors, \(counts.1) issues, \(counts.2) stances")

// The hub: the actor most opposed; the largest issue: the one with most stances.
let (hubID, hubName, hubOpposes) = try store.writer.read { db -> (Int64, String, Int) in
    let row = try Row.fetchOne(db, sql: """
        SELECT s.target_entity, e.name, count(*) AS n FROM stance s JOIN entity e ON e.id = s.target_entity
        WHERE s.polarity = 'opposes' AND s.target_entity IS NOT NULL GROUP BY s.target_entity ORDER BY n DESC LIMIT 1
        """)
    return (row?[0] ?? 0, row?[1] ?? "", row?[2] ?? 0)
}
let (issueID, issueStances) = try store.writer.read { db -> (Int64, Int) in
    let row = try Row.fetchOne(db, sql: "SELECT topic, count(*) AS n FROM stance WHERE topic IS NOT NULL GROUP BY topic ORDER BY n DESC LIMIT 1")
    return (row?[0] ?? 0, row?[1] ?? 0)
}
print("hub: \(hubName) (#\(hubID), \(hubOpposes) opposing stances); largest issue: #\(issueID) (\(issueStances) stances)")

var results: [(String, Double, Double, Double, Double, String)] = []
@MainActor func record(_ name: String, _ graphq: Double, _ gCPU: Double, _ reference: Double, _ rCPU: Double, _ target: String) {
    results.append((name, graphq, gCPU, reference, rCPU, target))
    print(String(format: "  %-40@ graphq %8.2f ms (cpu %8.2f)   reference %8.2f ms (cpu %8.2f)", name as NSString, graphq, gCPU, reference, rCPU))
}
let options = QueryOptions(timeout: 60)

// 1. Who opposes the hub (the `graphq who-opposes` query, and its `--dates` variant).
for dates in [false, true] {
    let extra = dates ? ", min(s.date) AS first, max(s.date) AS last" : ""
    let query = "MATCH (a)-[s:OPPOSES]->(x {name:$name}) RETURN a.name AS actor, count(s) AS stances\(extra) ORDER BY stances DESC, a.id LIMIT 100"
    let reference = """
        SELECT e.name AS actor, count(*) AS stances\(extra)
        FROM stance s JOIN entity e ON e.id = s.holder
        WHERE s.target_entity = (SELECT id FROM entity WHERE name_key = ?) AND s.polarity = 'opposes'
          AND s.modality = 'asserted' AND s.status <> 'rejected'
        GROUP BY s.holder ORDER BY stances DESC, s.holder LIMIT 100
        """
    var rows: [[String]] = [], refRows: [[String]] = []
    let g = try time(20) { rows = try engine.run(query, options: QueryOptions(parameters: ["name": hubName], timeout: 60)).strings }
    let gc = lastCPU
    let r = try time(20) { refRows = try store.writer.read { try Row.fetchAll($0, sql: reference, arguments: [NameKey.make(hubName)]).map { row in (0..<row.count).map { "\(row[$0] as DatabaseValue)".replacingOccurrences(of: "\"", with: "") } } } }
    precondition(rows == refRows, "who-opposes rows differ")
    record(dates ? "who-opposes hub --dates (first/last)" : "who-opposes hub", g, gc, r, lastCPU, "< 20 ms")
}

// 2. Opponents of the hub's opponents.
let oo = "MATCH (x {name:$name})<-[:OPPOSES]-(o)<-[:OPPOSES]-(oo) RETURN oo.name, count(o) AS n ORDER BY n DESC LIMIT 20"
let ooReference = """
    WITH o AS (SELECT DISTINCT holder AS id FROM stance
               WHERE target_entity = (SELECT id FROM entity WHERE name_key = ?) AND polarity = 'opposes'
                 AND modality = 'asserted' AND status <> 'rejected')
    SELECT e.name, count(DISTINCT o.id) AS n
    FROM o JOIN stance s ON s.target_entity = o.id AND s.polarity = 'opposes' AND s.modality = 'asserted' AND s.status <> 'rejected'
    JOIN entity e ON e.id = s.holder
    GROUP BY s.holder ORDER BY n DESC LIMIT 20
    """
var ooRows: [[String]] = [], ooRef: [[String]] = []
let g2 = try time(5) { ooRows = try engine.run(oo, options: QueryOptions(parameters: ["name": hubName], timeout: 60)).strings }
let c2 = lastCPU
let r2 = try time(5) { ooRef = try store.writer.read { try Row.fetchAll($0, sql: ooReference, arguments: [NameKey.make(hubName)]).map { ["\($0[0] as String)", "\($0[1] as Int)"] } } }
// Ties may list different actors; the counts must agree.
precondition(ooRows.map { $0[1] } == ooRef.map { $0[1] }, "opponents-of-opponents counts differ:\n\(ooRows.prefix(3))\n\(ooRef.prefix(3))")
record("opponents of the hub's opponents", g2, c2, r2, lastCPU, "< 150 ms")

// 3. Shortest paths between random connected actors (p50), against a level-set recursive CTE.
var rng = SplitMix(state: 7)
let connected = try store.writer.read { try Int64.fetchAll($0, sql: "SELECT DISTINCT a FROM adjacency WHERE a > 0") }
var pathTimes: [Double] = [], pathCPU: [Double] = [], lengths: [Int] = [], found = 0
var samples: [(Int64, Int64, Int)] = []
for _ in 0..<pairs {
    guard let a = connected.randomElement(using: &rng), let b = connected.randomElement(using: &rng) else { break }
    let q = "PATH #\(a) TO #\(b) MAX 6"
    _ = try engine.run(q, options: options)
    let t = now(), c = cpu()
    let r = try engine.run(q, options: options)
    pathTimes.append(ms(t, now()))
    pathCPU.append(ms(c, cpu()))
    if !r.rows.isEmpty { found += 1; lengths.append(r.rows.count); if samples.count < 10 { samples.append((a, b, r.rows.count)) } }
}
let cte = """
    WITH RECURSIVE reach(node, depth) AS (
      SELECT ?1, 0
      UNION
      SELECT j.b, r.depth + 1 FROM reach r JOIN adjacency j ON j.a = r.node WHERE r.depth < ?3)
    SELECT min(depth) FROM reach WHERE node = ?2
    """
var cteTimes: [Double] = [], cteCPU: [Double] = []
for (a, b, len) in samples.prefix(5) {
    let t = now(), c = cpu()
    let d = try store.writer.read { try Int.fetchOne($0, sql: cte, arguments: [a, b, len]) }
    cteTimes.append(ms(t, now()))
    cteCPU.append(ms(c, cpu()))
    if d != len { print("  note: CTE distance \(String(describing: d)) differs from the evidence-checked path length \(len) for #\(a) → #\(b)") }
}
let meanLength = lengths.isEmpty ? 0 : Double(lengths.reduce(0, +)) / Double(lengths.count)
print(String(format: "  paths: %d pairs, %d connected within 6 hops, mean length %.2f, p90 %.2f ms, max %.2f ms",
             pathTimes.count, found, meanLength, percentile(pathTimes, 0.9), pathTimes.max() ?? 0))
record("path between random actors (p50)", median(pathTimes), median(pathCPU), median(cteTimes), median(cteCPU), "< 5 ms")

// 4. A 3-year monthly timeline of the largest issue.
let timeline = "TIMELINE #\(issueID) BY MONTH BETWEEN '2018' AND '2020'"
let timelineReference = """
    SELECT substr(date, 1, 7) AS period, sum(polarity = 'supports'), sum(polarity = 'defends'), sum(polarity = 'opposes'),
           count(*)
    FROM stance
    WHERE (topic = ?1 OR target_issue = ?1) AND date >= '2018' AND date < '2021' AND modality = 'asserted' AND status <> 'rejected'
    GROUP BY period ORDER BY period
    """
var tRows: [[String]] = [], tRef: [[String]] = []
let g4 = try time(20) { tRows = try engine.run(timeline, options: options).strings }
let c4 = lastCPU
let r4 = try time(20) { tRef = try store.writer.read { try Row.fetchAll($0, sql: timelineReference, arguments: [issueID]).map { r in (0..<5).map { "\(r[$0] as DatabaseValue)".replacingOccurrences(of: "\"", with: "") } } } }
precondition(tRows == tRef, "timeline rows differ:\n\(tRows.prefix(2))\n\(tRef.prefix(2))")
record("3-year monthly timeline, largest issue", g4, c4, r4, lastCPU, "< 20 ms")

print("\n| query | graphq wall (cpu) ms | hand-written SQL wall (cpu) ms | ratio (wall) | target |")
print("|---|---:|---:|---:|---|")
for (name, g, gc, r, rc, target) in results {
    print(String(format: "| %@ | %.2f (%.2f) | %.2f (%.2f) | %.2f× | %@ |", name as NSString, g, gc, r, rc, r > 0 ? g / r : 0, target as NSString))
}
