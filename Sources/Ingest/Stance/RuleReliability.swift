/// How often each family of rules is right, measured on annotated news (the dev set of
/// `shared/eval`, `graphq eval`), used to turn a rule's cue confidence into a stance confidence
/// that means the same thing across rules. Re-measure with `graphq eval --predictions` when
/// rules change.
enum RuleReliability {
    /// Measured precision of each rule family (first component of `FoundStance.rule`) on the dev
    /// set, 2026-11-27 (families with fewer than five stances keep a modest prior).
    static let prior: [String: Double] = [
        "urge": 0.9, "prep": 0.8, "from": 0.75, "act": 0.65, "svo": 0.65, "quote.evaluative": 0.65,
        "neg": 0.6, "speech.continue": 0.6, "psych.adjective": 0.5, "svo.default": 0.45, "speech.side": 0.45,
        "psych": 0.45, "quote.side": 0.4, "svo.undo": 0.4, "enact": 0.35, "act.default": 0.35,
        "svo.passive": 0.3, "speech.evaluative": 0.2, "group": 0.2,
    ]

    /// The stance confidence: the family's measured precision, adjusted by the cue's own prior
    /// and the rule's local evidence (e.g. a default target), in 0…1.
    static func confidence(rule: String, local: Double) -> Double {
        let family = String(rule.split(separator: ":").first ?? "")
        let p = prior[family] ?? 0.4
        let value = p * (0.7 + 0.3 * min(1, local / 0.8))
        return (max(0.05, min(0.95, value)) * 100).rounded() / 100
    }
}
