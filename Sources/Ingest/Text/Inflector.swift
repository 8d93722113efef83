/// Generates the inflected forms of English verb lemmas for lexicon matching
/// (criticize → criticizes, criticized, criticizing; ban → banned; deny → denied).
enum Inflector {
    static let irregular: [String: [String]] = [
        "fight": ["fought"], "tell": ["told"], "stand": ["stood"], "hold": ["held"], "throw": ["threw", "thrown"],
        "speak": ["spoke", "spoken"], "take": ["took", "taken"], "bring": ["brought"], "go": ["went", "gone", "goes"],
        "quit": ["quit"], "cut": ["cut"], "hit": ["hit"], "write": ["wrote", "written"], "say": ["said"],
        "stick": ["stuck"], "lead": ["led"], "see": ["saw", "seen"], "give": ["gave", "given"], "do": ["did", "done", "does"],
        "have": ["had", "has"], "make": ["made"], "put": ["put"], "set": ["set"], "keep": ["kept"], "seek": ["sought"],
        "withdraw": ["withdrew", "withdrawn"], "undertake": ["undertook", "undertaken"], "shut": ["shut"],
        "bar": ["barred", "barring"], "pen": ["penned", "penning"], "veto": ["vetoed", "vetoes", "vetoing"],
        "co-sponsor": ["co-sponsored", "co-sponsors", "co-sponsoring"], "greenlight": ["greenlit", "greenlighted"],
        "sue": ["sued", "sues", "suing"], "lash": ["lashed", "lashes", "lashing"], "rail": ["railed", "rails", "railing"],
        "upset": ["upset", "upsets", "upsetting"], "double": ["doubled", "doubles", "doubling"],
        "come": ["came", "comes", "coming"], "be": ["is", "are", "was", "were", "been", "being"],
    ]

    /// True when `word` is the lemma itself (the first word of `label`), not an inflection.
    static func isLemma(_ word: String, of label: String) -> Bool {
        word == label.split(separator: " ").first.map { $0.lowercased() }
    }

    static func forms(of lemma: String) -> [String] {
        let w = lemma.lowercased()
        if let irr = irregular[w] {
            var f = [w] + irr
            if !irr.contains(where: { $0.hasSuffix("ing") }) { f += regular(w).filter { $0.hasSuffix("ing") || $0.hasSuffix("s") } }
            return Array(Set(f))
        }
        return regular(w)
    }

    static func regular(_ w: String) -> [String] {
        let vowels = Set("aeiou")
        var forms = [w]
        let chars = Array(w)
        guard let last = chars.last else { return forms }
        let prev = chars.count > 1 ? chars[chars.count - 2] : " "
        // third person
        if w.hasSuffix("s") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("o") {
            forms.append(w + "es")
        } else if last == "y", !vowels.contains(prev) {
            forms.append(String(w.dropLast()) + "ies")
        } else {
            forms.append(w + "s")
        }
        // past and gerund
        if last == "e" {
            forms.append(w + "d")
            forms.append(w.hasSuffix("ee") ? w + "ing" : String(w.dropLast()) + "ing")
        } else if last == "y", !vowels.contains(prev) {
            forms.append(String(w.dropLast()) + "ied")
            forms.append(w + "ing")
        } else {
            // consonant-vowel-consonant monosyllables double: ban → banned, slam → slammed
            // (and only that: "scraped" belongs to scrape, not scrap)
            if chars.count >= 3, chars.count <= 5, !vowels.contains(last), !"wxy".contains(last),
               vowels.contains(prev), !vowels.contains(chars[chars.count - 3]),
               chars.filter({ vowels.contains($0) }).count == 1 {
                forms.append(w + String(last) + "ed")
                forms.append(w + String(last) + "ing")
            } else {
                forms.append(w + "ed")
                forms.append(w + "ing")
            }
        }
        return forms
    }
}
