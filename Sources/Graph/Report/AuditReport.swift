/// The controversy audit of one subject: who is on which side since when, who changed sides, who
/// contradicts themselves, who dissents from their own organisation, and how well each edge is
/// corroborated.
public struct AuditReport: Sendable, Codable, Equatable {
    public struct Options: Sendable, Equatable {
        /// An edge whose best evidence is below this confidence is weak.
        public var weakConfidence = 0.5
        /// Articles at least this similar (Jaccard of word 5-shingles) are copies of one story.
        public var articleSimilarity = NearDuplicates.defaultThreshold
        /// Quotes at least this similar (Jaccard of word 3-shingles) are one statement reprinted.
        public var quoteSimilarity = 0.8
        public init(weakConfidence: Double = 0.5) { self.weakConfidence = weakConfidence }
    }

    /// One piece of evidence as the report cites it.
    public struct Quote: Sendable, Codable, Equatable {
        public var stance_id: Int64
        public var polarity: String
        public var date: String?
        public var quote: String
        public var outlet: String?
        public var title: String?
        public var url: String?
        public var article: String
    }

    public struct SideActor: Sendable, Codable, Equatable {
        public var actor: String
        public var kind: String
        public var evidence: Int
        public var sources: Int
        /// What the actor's stances on this side aim at (the subject itself, or actors and
        /// issues discussed under it).
        public var targets: [String]
        public var first: Quote
        public var last: Quote
    }

    public struct Side: Sendable, Codable, Equatable {
        public var polarity: String
        public var actors: [SideActor]
    }

    public struct Flip: Sendable, Codable, Equatable {
        public var actor: String
        public var target: String
        public var before: Quote
        public var after: Quote
    }

    public struct Contradiction: Sendable, Codable, Equatable {
        public var actor: String
        public var target: String
        /// "same article" or "same day".
        public var reason: String
        public var one: Quote
        public var other: Quote
    }

    public struct Dissent: Sendable, Codable, Equatable {
        public var member: String
        /// The chain of relations from member to parent, e.g. "member_of".
        public var relation: String
        public var parent: String
        public var target: String
        public var member_stance: Quote
        /// The parent's opposite stance on the same target; nil when the member opposes the
        /// parent itself.
        public var parent_stance: Quote?
    }

    public struct Corroboration: Sendable, Codable, Equatable {
        public var holder: String
        public var polarity: String
        public var target: String
        public var evidence: Int
        public var articles: Int
        public var outlets: [String]
        /// Outlets and copies counted once each: near-identical articles or quotes collapse.
        public var independent_sources: Int
        /// Groups of outlets that printed the same story or quote and were counted once.
        public var copies: [[String]]
    }

    public struct WeakEdge: Sendable, Codable, Equatable {
        public var holder: String
        public var polarity: String
        public var target: String
        public var reasons: [String]
        public var quote: Quote
    }

    public var subject: String
    public var subject_kind: String
    public var filter: String
    public var stances: Int
    public var actors: Int
    public var articles: Int
    public var sides: [Side]
    public var flips: [Flip]
    public var contradictions: [Contradiction]
    public var dissent: [Dissent]
    public var corroboration: [Corroboration]
    public var weak: [WeakEdge]
}

/// A member_of or part_of link, with names, as the audit needs for internal dissent.
public struct StructuralLink: Sendable, Equatable {
    public var from: Int64
    public var fromName: String
    public var to: Int64
    public var toName: String
    public var type: RelationType
    public init(from: Int64, fromName: String, to: Int64, toName: String, type: RelationType) {
        self.from = from; self.fromName = fromName; self.to = to; self.toName = toName; self.type = type
    }
}
