/// How often each family of rules is right, measured on annotated news (the dev set of
/// `shared/eval`, `graphq eval`), used to turn a rule's cue confidence into a stance confidence
/// that means the same thing across rules. Re-measure with `graphq eval --predictions` when
/// rules change.
enum RuleReliability {
    /// Measured precision of each rule family (first component of `FoundStance.rule`) on the dev
    /// set (re-measured 2026-11-27 after the third session's rules), smoothed towards 0.5
    /// ((right + 2) / (all + 4)) so that a family seen a handful of times does not claim
    /// certainty; families never seen keep 0.4–0.6.
    static let prior: [String: Double] = [
        "urge": 0.89, "svo.passive": 0.86, "act.default": 0.82, "svo": 0.84, "act": 0.81, "speech.evaluative": 0.78,
        "speech.side": 0.79, "enact": 0.75, "quote.side": 0.79, "outcome": 0.7, "quote.evaluative": 0.76, "prep": 0.67,
        "psych.adjective": 0.67, "enact.undo": 0.67, "from": 0.6, "act.refusal": 0.6, "from.request": 0.6, "effort": 0.6,
        "speech.fight": 0.6, "svo.undo": 0.6, "deed": 0.6, "label": 0.6, "neg": 0.6, "speech.continue": 0.57, "group": 0.56, "urge.request": 0.5,
        "psych": 0.45, "svo.default": 0.5,
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
