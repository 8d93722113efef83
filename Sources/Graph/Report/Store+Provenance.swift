import GRDB

/// Everything the store knows about one stance and where its evidence comes from.
public struct StanceExplanation: Sendable, Codable, Equatable {
    public var id: Int64
    public var holder: String
    public var polarity: String
    public var target: String
    public var target_kind: String
    public var topic: String?
    public var quote: String
    /// Unicode-scalar offsets into the article text, end exclusive.
    public var start: Int
    public var end: Int
    public var sentence: Int
    /// Whether `text[start..<end]` is exactly the quote; nil when the article has no stored text.
    public var offsets_verified: Bool?
    public var context_before: String?
    public var context_after: String?
    public var article: String
    public var title: String?
    public var url: String?
    public var source: String?
    public var author: String?
    public var published: String?
    public var date: String?
    public var date_precision: String?
    public var modality: String
    public var attribution: String?
    public var cue: String
    public var rule: String
    public var confidence: Double
    public var status: String
}

/// What `graphq verify` found.
public struct VerificationReport: Sendable, Codable, Equatable {
    public struct Problem: Sendable, Codable, Equatable, CustomStringConvertible {
        /// `hash_mismatch`, `offsets_out_of_range` or `evidence_mismatch`.
        public var kind: String
        public var article: String
        public var stance: Int64?
        public var message: String
        public var description: String { message }
    }
    public var articles: Int
    /// Articles imported without text (from hand-coded graphs): nothing to check against.
    public var articles_without_text: Int
    public var stances: Int
    public var stances_checked: Int
    public var problems: [Problem]
    public var ok: Bool { problems.isEmpty }
}

extension Store {
    /// Explains one stance; nil when there is no stance with that id.
    public func explain(stance id: Int64, context: Int = 80) throws -> StanceExplanation? {
        try writer.read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT s.id, h.name, s.polarity, COALESCE(te.name, ti.label), CASE WHEN s.target_entity IS NULL THEN 'issue' ELSE 'actor' END,
                       tp.label, s.evidence, s.start, s."end", s.sentence, a.key, a.title, a.url, a.source, a.author, a.published,
                       s.date, s.date_precision, s.modality, s.attribution, s.cue, s.rule, s.confidence, s.status, a.text,
                       a.content_sha256
                FROM stance s JOIN entity h ON h.id = s.holder JOIN article a ON a.id = s.article
                LEFT JOIN entity te ON te.id = s.target_entity LEFT JOIN issue ti ON ti.id = s.target_issue
                LEFT JOIN issue tp ON tp.id = s.topic WHERE s.id = ?
                """, arguments: [id]) else { return nil }
            let quote: String = r[6], start: Int = r[7], end: Int = r[8]
            let text: String = r[24], hash: String = r[25]
            var verified: Bool?, before: String?, after: String?
            if !hash.hasPrefix("stub:") {
                let scalars = Array(text.unicodeScalars)
                if 0 <= start, start <= end, end <= scalars.count {
                    verified = scalars[start..<end].elementsEqual(quote.unicodeScalars)
                    before = String(String.UnicodeScalarView(scalars[max(0, start - context)..<start]))
                    after = String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + context)]))
                } else {
                    verified = false
                }
            }
            return StanceExplanation(
                id: r[0], holder: r[1], polarity: r[2], target: r[3], target_kind: r[4], topic: r[5], quote: quote,
                start: start, end: end, sentence: r[9], offsets_verified: verified, context_before: before, context_after: after,
                article: r[10], title: r[11], url: r[12], source: r[13], author: r[14], published: r[15], date: r[16],
                date_precision: r[17], modality: r[18], attribution: r[19], cue: r[20], rule: r[21], confidence: r[22], status: r[23])
        }
    }

    /// Re-hashes every stored article and checks that every stance's offsets still yield its
    /// evidence, character for character (Unicode scalars, no normalisation).
    public func verify() throws -> VerificationReport {
        try writer.read { db in
            var report = VerificationReport(articles: 0, articles_without_text: 0, stances: 0, stances_checked: 0, problems: [])
            let stances = try db.cachedStatement(sql: #"SELECT id, start, "end", evidence FROM stance WHERE article = ? ORDER BY id"#)
            let articles = try Row.fetchCursor(db, sql: "SELECT id, key, text, content_sha256 FROM article ORDER BY id")
            while let a = try articles.next() {
                report.articles += 1
                let id: Int64 = a[0], key: String = a[1], text: String = a[2], stored: String = a[3]
                let rows = try Row.fetchAll(stances, arguments: [id])
                report.stances += rows.count
                if stored.hasPrefix("stub:") { report.articles_without_text += 1; continue }
                let computed = ContentHash.sha256Hex(text)
                if computed != stored {
                    report.problems.append(.init(kind: "hash_mismatch", article: key, stance: nil,
                        message: "article '\(key)': its text no longer matches the stored SHA-256 (stored \(stored.prefix(12))…, now \(computed.prefix(12))…)"))
                }
                let scalars = Array(text.unicodeScalars)
                for s in rows {
                    report.stances_checked += 1
                    let sid: Int64 = s[0], start: Int = s[1], end: Int = s[2], evidence: String = s[3]
                    guard 0 <= start, start <= end, end <= scalars.count else {
                        report.problems.append(.init(kind: "offsets_out_of_range", article: key, stance: sid,
                            message: "stance #\(sid) (article '\(key)'): offsets \(start)..<\(end) lie outside the text (\(scalars.count) characters)"))
                        continue
                    }
                    let span = scalars[start..<end]
                    if !span.elementsEqual(evidence.unicodeScalars) {
                        let found = String(String.UnicodeScalarView(span))
                        report.problems.append(.init(kind: "evidence_mismatch", article: key, stance: sid,
                            message: "stance #\(sid) (article '\(key)'): offsets \(start)..<\(end) yield “\(Self.clip(found))” but the evidence is “\(Self.clip(evidence))”"))
                    }
                }
            }
            return report
        }
    }

    static func clip(_ s: String, _ n: Int = 60) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count > n ? String(flat.prefix(n)) + "…" : flat
    }
}
