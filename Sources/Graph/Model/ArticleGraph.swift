/// What an extractor found in one article, before it is merged into the store.
///
/// Entities and issues are referenced by their index in this value; the store maps them to
/// global ids (merging with actors already known through names and aliases).
public struct ArticleGraph: Sendable, Equatable {
    public struct Entity: Sendable, Equatable {
        public var name: String
        public var kind: EntityKind
        /// Surface forms seen in the text (the name itself need not be repeated).
        public var aliases: [String]
        public init(name: String, kind: EntityKind, aliases: [String] = []) {
            self.name = name; self.kind = kind; self.aliases = aliases
        }
    }

    public struct Issue: Sendable, Equatable {
        public var label: String
        public var aliases: [String]
        /// The actor the issue belongs to ("Amazon's facial recognition sales"), by entity index.
        public var owner: Int?
        public init(label: String, aliases: [String] = [], owner: Int? = nil) {
            self.label = label; self.aliases = aliases; self.owner = owner
        }
    }

    public struct Relation: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var type: RelationType
        public init(from: Int, to: Int, type: RelationType) { self.from = from; self.to = to; self.type = type }
    }

    public enum Target: Sendable, Equatable {
        case entity(Int)
        case issue(Int)
    }

    public struct Stance: Sendable, Equatable {
        public var holder: Int
        public var polarity: Polarity
        public var target: Target
        /// The issue the stance is about, when known (may equal the target issue).
        public var topic: Int?
        public var sentence: Int
        /// Character offsets (Unicode scalars) into the document text, end exclusive.
        public var start: Int
        public var end: Int
        public var evidence: String
        public var cue: String
        public var date: String?
        public var datePrecision: DatePrecision?
        public var modality: Modality
        /// Who reports the stance when not the holder ("according to BuzzFeed").
        public var attribution: String?
        public var confidence: Double
        /// The pattern that fired, for provenance and per-rule reliability.
        public var rule: String

        public init(holder: Int, polarity: Polarity, target: Target, topic: Int? = nil, sentence: Int,
                    start: Int, end: Int, evidence: String, cue: String, date: String? = nil,
                    datePrecision: DatePrecision? = nil, modality: Modality = .asserted,
                    attribution: String? = nil, confidence: Double, rule: String) {
            self.holder = holder; self.polarity = polarity; self.target = target; self.topic = topic
            self.sentence = sentence; self.start = start; self.end = end; self.evidence = evidence
            self.cue = cue; self.date = date; self.datePrecision = datePrecision; self.modality = modality
            self.attribution = attribution; self.confidence = confidence; self.rule = rule
        }
    }

    public var entities: [Entity] = []
    public var issues: [Issue] = []
    public var relations: [Relation] = []
    public var stances: [Stance] = []

    public init(entities: [Entity] = [], issues: [Issue] = [], relations: [Relation] = [], stances: [Stance] = []) {
        self.entities = entities; self.issues = issues; self.relations = relations; self.stances = stances
    }
}
