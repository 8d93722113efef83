/// How often each family of rules is right, measured on annotated news (the dev set of
/// `shared/eval` and invented articles, `graphq eval`), used to turn a rule's cue confidence into a stance confidence
/// that means the same thing across rules. Re-measure with `graphq eval --predictions` when
/// rules change.
enum RuleReliability {
    /// Measured precision of each rule family (first component of `FoundStance.rule`) on the dev
    /// set of `shared/eval` together with 10 invented, independently annotated articles (the
    /// fourth session's check set; 2026-11-27), smoothed towards 0.5 ((right + 2) / (all + 4)) so
    /// that a family seen a handful of times does not claim certainty; families never seen keep
    /// 0.4–0.6. The invented articles pull the families down: rules are surer on the texts they
    /// were written against.
    static let prior: [String: Double] = [
        "quote.side": 0.81, "outcome": 0.8, "speech.evaluative": 0.8, "urge": 0.78, "svo": 0.76, "speech.side": 0.74,
        "quote.evaluative": 0.71, "psych.adjective": 0.71, "speech.continue": 0.71, "act.default": 0.69, "enact": 0.68,
        "prep": 0.67, "enact.undo": 0.67, "from": 0.67, "act": 0.65, "svo.passive": 0.65, "from.request": 0.6, "effort": 0.6,
        "speech.fight": 0.6, "svo.undo": 0.6, "deed": 0.6, "act.refusal": 0.6, "neg": 0.6, "svo.default": 0.55, "urge.request": 0.5,
        "psych": 0.45, "enact.passive": 0.4, "label": 0.4, "group": 0.38,
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
