/// Splits tokens into sentences. Paragraph breaks are hard boundaries; a period after a known
/// abbreviation (Gov., Sen., Inc., U.S. …) or an initial does not end a sentence; a closing quote
/// right after the final punctuation belongs to the sentence it closes.
public enum SentenceSplitter {
    /// The AP abbreviations of US states, as used in datelines ("RENO, Nev.").
    static let stateAbbreviations: Set<String> = ["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
                                                  "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
                                                  "tenn", "tex", "vt", "va", "wash", "wis", "wyo", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d",
                                                  "r.i", "s.c", "s.d", "w.va"]
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr",
        "inc", "corp", "co", "ltd", "llc", "bros", "no", "vs", "v", "etc", "jan", "feb", "mar", "apr", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "mt", "ft", "ave",
        "dept", "assn", "atty", "supt", "pres", "rev", "hon", "e.g", "i.e", "approx", "est", "fig",
    ]

    public static func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var current: [Token] = []
        var paragraph = 0
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            sentences.append(Sentence(index: sentences.count, tokens: current, start: first.start, end: last.end, paragraph: paragraph))
            current = []
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.startsParagraph && i > 0 { flush(); paragraph += 1 }
            current.append(t)
            if t.kind == .punctuation, t.text == "." || t.text == "!" || t.text == "?" {
                var end = true
                if t.text == ".", i > 0 {
                    let prev = tokens[i - 1]
                    let p = prev.lower.hasSuffix(".") ? String(prev.lower.dropLast()) : prev.lower
                    // "BRANNOCK, Wis. (AP) —": a state's abbreviation after a dateline's comma.
                    let datelineState = i >= 2 && tokens[i - 2].text == "," && prev.isCapitalized && stateAbbreviations.contains(p)
                    if prev.end == t.start && (abbreviations.contains(p) || (prev.text.count == 1 && prev.isCapitalized) || datelineState) {
                        // "Sen. Smith" continues; "... the U.S. The next" ends when a capital
                        // follows a country abbreviation only if the next word is a function word.
                        end = false
                    }
                }
                if end, i + 1 < tokens.count, tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized, !tokens[i + 1].startsParagraph {
                    end = false  // "e.g. lower" / "3 p.m. yesterday"
                }
                if end {
                    // Absorb closing quotes and brackets.
                    while i + 1 < tokens.count, !tokens[i + 1].startsParagraph,
                          tokens[i + 1].kind == .closeQuote || tokens[i + 1].text == ")" {
                        i += 1; current.append(tokens[i])
                    }
                    flush()
                }
            }
            i += 1
        }
        flush()
        return sentences
    }
}
