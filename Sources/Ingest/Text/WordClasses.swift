/// Closed-class English words the shallow analysis relies on. Small and stable, so they live in
/// code; open-class knowledge (cues, groups, titles …) is in the resource lexicons.
enum WordClasses {
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                                           "our", "my", "your", "such", "some", "many", "several", "all", "both", "each",
                                           "every", "any", "other", "another", "more", "most", "few", "no"]
    static let prepositions: Set<String> = ["of", "at", "for", "from", "to", "with", "by", "in", "on", "about", "against",
                                            "over", "into", "under", "between", "among", "after", "before", "during",
                                            "through", "without", "toward", "towards", "upon", "via", "like", "than", "around", "behind",
                                            "off", "up", "out", "down", "away", "back", "amid", "despite", "across", "within", "beyond", "alongside", "per"]
    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
                                           "do", "does", "did", "will", "would", "could", "should", "may", "might", "must",
                                           "can", "shall", "wo", "ca", "'re", "’re", "'m", "’m", "'s", "’s", "'ve", "’ve", "'ll", "’ll", "'d", "’d"]
    static let negators: Set<String> = ["not", "n't", "n’t", "never", "no", "neither", "nor", "cannot", "won't", "didn't", "doesn't",
                                        "don't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't",
                                        "wouldn't", "couldn't", "shouldn't", "won’t", "didn’t", "doesn’t", "don’t", "isn’t",
                                        "wasn’t", "aren’t", "weren’t", "hasn’t", "haven’t", "hadn’t", "wouldn’t", "couldn’t", "shouldn’t"]
    /// A negator, including contractions the tokenizer keeps whole ("isn't", "won’t").
    static func isNegator(_ w: String) -> Bool {
        negators.contains(w) || w.hasSuffix("n't") || w.hasSuffix("n’t")
    }
    static let conditionalModals: Set<String> = ["would", "could", "may", "might", "should", "would've"]
    static let futureMarkers: Set<String> = ["will", "'ll", "’ll", "shall"]
    /// Verbs that, followed by "to", announce an intention: "plans to sue", "vowed to fight".
    static let intentionVerbs: Set<String> = ["plan", "plans", "planned", "planning", "vow", "vows", "vowed", "pledge", "pledges",
                                              "pledged", "threaten", "threatens", "threatened", "intend", "intends", "intended",
                                              "promise", "promises", "promised", "expect", "expected", "likely", "set", "poised",
                                              "prepare", "prepares", "prepared", "preparing", "aim", "aims", "aimed", "seek",
                                              "seeks", "sought", "want", "wants", "wanted", "hope", "hopes", "hoped", "going",
                                              "announce", "announced", "decide", "decided", "move", "moved", "vote", "voted",
                                              "continue", "continues", "continued", "begin", "began", "agree", "agreed", "try",
                                              "tried", "tries", "ready", "due", "about"]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    static let objectPronouns: Set<String> = ["him", "her", "them", "it", "us", "me"]
    static let relativePronouns: Set<String> = ["who", "which", "that", "whose", "whom"]
    static let coordinators: Set<String> = [",", "and", "or", "&", "as", "well", "along", "with", "even", "also", "both", "together", "plus"]
    /// Dashes that end a dateline ("RENO, Nev. (Reuters) -") or set off an aside.
    static let dashes: Set<String> = ["—", "–", "-", "--"]
    static let clauseBreakers: Set<String> = [";", ":", "—", "–", "(", ")"]
    static let subordinators: Set<String> = ["because", "although", "though", "while", "whereas", "since", "unless", "if", "when",
                                             "after", "before", "as", "but", "yet", "so", "saying", "arguing", "claiming", "noting",
                                             "adding", "warning", "calling", "insisting", "asserting", "suggesting", "where", "which", "who"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func isAdverb(_ w: String) -> Bool {
        w.hasSuffix("ly") && w.count > 4 || ["also", "still", "even", "again", "already", "now", "then", "once", "soon", "long",
                                             "further", "just", "only", "previously", "reportedly", "initially", "first"].contains(w)
    }
}
