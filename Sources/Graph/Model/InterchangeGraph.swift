/// The interchange JSON of `graphq export --format json` / `graphq import` (see DESIGN.md).
///
/// `entities`, `issues` and `stances` follow the documented format; `articles` and `relations`
/// are additions that make a round trip lossless (offsets are re-checkable against the text).
public struct InterchangeGraph: Codable, Sendable, Equatable {
    public struct Entity: Codable, Sendable, Equatable {
        public var id: Int64?
        public var name: String
        public var kind: String?
        public var aliases: [String]?
        public init(id: Int64? = nil, name: String, kind: String?, aliases: [String]?) {
            self.id = id; self.name = name; self.kind = kind; self.aliases = aliases
        }
    }
    public struct Issue: Codable, Sendable, Equatable {
        public var id: Int64?
        public var label: String
        public var aliases: [String]?
        public var owner: String?
        public init(id: Int64? = nil, label: String, aliases: [String]? = nil, owner: String? = nil) {
            self.id = id; self.label = label; self.aliases = aliases; self.owner = owner
        }
    }
    public struct Relation: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var type: String
        public init(from: String, to: String, type: String) { self.from = from; self.to = to; self.type = type }
    }
    public struct Article: Codable, Sendable, Equatable {
        public var key: String
        public var url: String?
        public var title: String?
        public var source: String?
        public var author: String?
        public var published: String?
        public var text: String?
        public init(key: String, url: String?, title: String?, source: String?, author: String?, published: String?, text: String?) {
            self.key = key; self.url = url; self.title = title; self.source = source
            self.author = author; self.published = published; self.text = text
        }
    }
    public struct Stance: Codable, Sendable, Equatable {
        public var id: Int64?
        public var holder: String
        public var polarity: String
        public var target: String
        public var target_kind: String?
        public var topic: String?
        public var article: String?
        public var source: String?
        public var evidence: String?
        public var start: Int?
        public var end: Int?
        public var sentence: Int?
        public var date: String?
        public var date_precision: String?
        public var modality: String?
        public var attribution: String?
        public var cue: String?
        public var rule: String?
        public var confidence: Double?
        public var status: String?
        public init(id: Int64? = nil, holder: String, polarity: String, target: String, target_kind: String? = nil,
                    topic: String? = nil, article: String? = nil, source: String? = nil, evidence: String? = nil,
                    start: Int? = nil, end: Int? = nil, sentence: Int? = nil, date: String? = nil,
                    date_precision: String? = nil, modality: String? = nil, attribution: String? = nil,
                    cue: String? = nil, rule: String? = nil, confidence: Double? = nil, status: String? = nil) {
            self.id = id; self.holder = holder; self.polarity = polarity; self.target = target
            self.target_kind = target_kind; self.topic = topic; self.article = article; self.source = source
            self.evidence = evidence; self.start = start; self.end = end; self.sentence = sentence
            self.date = date; self.date_precision = date_precision; self.modality = modality
            self.attribution = attribution; self.cue = cue; self.rule = rule; self.confidence = confidence
            self.status = status
        }
    }

    public var entities: [Entity]
    public var issues: [Issue]?
    public var relations: [Relation]?
    public var articles: [Article]?
    public var stances: [Stance]

    public init(entities: [Entity] = [], issues: [Issue]? = [], relations: [Relation]? = [],
                articles: [Article]? = [], stances: [Stance] = []) {
        self.entities = entities; self.issues = issues; self.relations = relations
        self.articles = articles; self.stances = stances
    }
}
