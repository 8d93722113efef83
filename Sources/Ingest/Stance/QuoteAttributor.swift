import Graph

/// Attributes quotations and reported speech to their speakers (`"…," X said`, `X said: "…"`,
/// `"…," said X, title of Y`, `according to X`, quotes running over several sentences of a
/// paragraph), and reads the polarity of evaluative statements that carry no stance verb
/// ("…is a reckless giveaway," she said → opposes).
struct QuoteAttributor {
    let lexicon: Lexicon

    /// Marks which tokens are inside double quotation marks. A paragraph break ends a quote.
    func markQuotes(_ analyses: inout [SentenceAnalysis]) {
        var open = false
        var paragraph = -1
        for n in analyses.indices {
            if analyses[n].sentence.paragraph != paragraph { open = false; paragraph = analyses[n].sentence.paragraph }
            var flags: [Bool] = []
            for t in analyses[n].tokens {
                let isDouble = t.text == "\"" || t.text == "\u{201C}" || t.text == "\u{201D}" || t.text == "\u{00AB}" || t.text == "\u{00BB}"
                if isDouble {
                    if t.kind == .openQuote && !open { open = true; flags.append(true); continue }
                    if open { open = false; flags.append(true); continue }
                    open = true; flags.append(true); continue
                }
                flags.append(open)
            }
            analyses[n].inQuote = flags
        }
    }

    /// Finds the speaker of each sentence (speech verb with its subject, inverted "said X",
    /// "according to X"), then lets quote-only sentences inherit it within the paragraph.
    func attribute(_ analyses: inout [SentenceAnalysis], finder: StanceFinder) {
        for n in analyses.indices {
            let a = analyses[n]
            let toks = a.tokens
            for (k, t) in toks.enumerated() where !a.inQuote[k] && t.kind == .word {
                if t.lower == "according", k + 2 < toks.count, toks[k + 1].lower == "to", let mi = a.mentionAt[k + 2], let e = a.mentions[mi].entity {
                    analyses[n].speaker = e; analyses[n].speechVerb = k; break
                }
                // "A statement released by TfL read, “…”": the statement's author speaks.
                if ["statement", "letter", "memo", "release"].contains(t.lower), k + 3 < toks.count, ["released", "issued", "sent", "published"].contains(toks[k + 1].lower),
                   toks[k + 2].lower == "by", let mi = a.mentionAt[k + 3], let e = a.mentions[mi].entity {
                    analyses[n].speaker = e; analyses[n].speechVerb = k; break
                }
                guard lexicon.speechVerbs.contains(t.lower), a.mentionAt[k] == nil else { continue }
                // "their state", "a statement": a speech verb after a determiner is a noun.
                if k > 0, WordClasses.determiners.contains(toks[k - 1].lower) || toks[k - 1].lower == "in" { continue }
                // Inverted: `," said X` / `said X,` / `," said council member X` (a lowercase role first).
                var r = k + 1
                while r < min(toks.count, k + 4), a.mentionAt[r] == nil, toks[r].kind == .word, !toks[r].isCapitalized,
                      !WordClasses.prepositions.contains(toks[r].lower), !WordClasses.determiners.contains(toks[r].lower) { r += 1 }
                if r < toks.count, let mi = a.mentionAt[r], let e = a.mentions[mi].entity,
                   k > 0, toks[k - 1].kind == .closeQuote || k > 1 && toks[k - 1].text == "," && toks[k - 2].kind == .closeQuote
                    || k > 1 && toks[k - 2].text == "," && toks[k - 1].kind == .closeQuote {
                    analyses[n].speaker = e; analyses[n].speechVerb = k; break
                }
                // ", warning that …": a participle clause speaks with the main clause's subject.
                let participle = k > 0 && toks[k - 1].text == "," && t.lower.hasSuffix("ing")
                let subj = participle ? finder.clauseSubject(a, before: k, speakerOrg: { _ in nil }) : finder.subjects(a, before: k, speakerOrg: { _ in nil })
                if let e = subj.first {
                    analyses[n].speaker = e; analyses[n].speechVerb = k; break
                }
            }
        }
        // A quote that runs on past a sentence end shares its speaker with the sentences it
        // spans (in either direction); other unattributed sentences stay unattributed.
        var openAtEnd = [Bool](repeating: false, count: analyses.count)
        for n in analyses.indices {
            let a = analyses[n]
            guard let last = a.tokens.indices.last else { continue }
            let closes = a.tokens[last].kind == .closeQuote || a.tokens.suffix(2).contains { $0.kind == .closeQuote }
            openAtEnd[n] = a.inQuote[last] && !closes
        }
        // A fully quoted sentence right after an attributed quote continues it
        // (`"…," she said. "And …."`).
        for n in analyses.indices.dropFirst() where analyses[n].speaker == nil && analyses[n].tokens.first?.kind == .openQuote
            && analyses[n].speechVerb == nil && analyses[n - 1].hasQuote {
            if let s = analyses[n - 1].speaker { analyses[n].speaker = s }
        }
        // `X accused Y of … in a memo. "Quote …"`: a quote opening right after a sentence in which
        // someone took a position (with no speech verb and no quote of its own) is that actor's words.
        for n in analyses.indices.dropFirst() where analyses[n].speaker == nil && analyses[n].tokens.first?.kind == .openQuote
            && analyses[n].speechVerb == nil && !analyses[n - 1].hasQuote && analyses[n - 1].speaker == nil {
            let prev = analyses[n - 1]
            if let cue = finder.cues(in: prev).first(where: { $0.cue.isVerb }),
               let s = finder.subjects(prev, before: cue.start, speakerOrg: { _ in nil }).first {
                analyses[n].speaker = s
            }
        }
        var changed = true
        while changed {
            changed = false
            for n in analyses.indices where analyses[n].speaker == nil && analyses[n].hasQuote {
                if n > 0, openAtEnd[n - 1], analyses[n - 1].sentence.paragraph == analyses[n].sentence.paragraph || analyses[n].tokens.first?.kind == .openQuote,
                   let s = analyses[n - 1].speaker {
                    analyses[n].speaker = s; changed = true
                } else if n + 1 < analyses.count, openAtEnd[n], let s = analyses[n + 1].speaker {
                    analyses[n].speaker = s; changed = true
                }
            }
        }
    }

    /// Net evaluative polarity of tokens (negative = opposes), flipping under nearby negation.
    func evaluate(_ toks: ArraySlice<Token>) -> Double {
        var score = 0.0
        let arr = Array(toks)
        var i = 0
        while i < arr.count {
            var hit: (Polarity, Double)?
            var len = 1
            if i + 1 < arr.count, let p = lexicon.evaluativePhrases[[arr[i].lower, arr[i + 1].lower]] { hit = p; len = 2 }
            else if let p = lexicon.evaluative[arr[i].lower] { hit = p }
            else if let v = lexicon.sentiment[arr[i].lower] { hit = (v < 0 ? .opposes : .supports, abs(v) / 4 * 0.6) }
            if let (pol, w) = hit {
                var sign = pol == .opposes ? -1.0 : 1.0
                // Negation scopes over the next few words of its clause ("is not trying to make it great").
                var b = i - 1
                // (a comma may set off an aside inside the clause: "should not, ever, be given")
                while b >= 0, i - b <= 7, arr[b].kind == .word || arr[b].text == "," {
                    if WordClasses.isNegator(arr[b].lower) { sign = -sign; break }
                    b -= 1
                }
                score += sign * w
            }
            i += len
        }
        return score
    }
}
