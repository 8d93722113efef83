import Foundation
import Graph

extension ArticleExtraction {
    /// Pass 1: the issues the headline names first (what the article is about), then the body,
    /// anaphora resolved and labels normalised.
    func findIssues() {
        // Words seen in lowercase in the body: used to de-capitalise title-case issue labels.
        var bodyLower = Set<String>()
        for s in sentences { for t in s.tokens where t.kind == .word && !t.isCapitalized { bodyLower.insert(t.lower) } }
        for s in sentences { for t in s.tokens where t.kind == .word || t.kind == .number { issueFinder.bodyWords.insert(MentionFinder.stripPossessive(t.lower).0) } }
        /// The known issue a phrase names again: a shared name, the same head with nested words,
        /// or a procedural step of a project ("a permit for the pipeline").
        func matchingIssue(_ cand: IssueFinder.Issue) -> Int? {
            let cNames = Set(([cand.label] + cand.aliases).map(NameKey.make))
            return issues.indices.first { i in
                let e = issues[i]
                let nested = cand.words.count >= 2 && e.words.count >= 2 && (cand.words.isSubset(of: e.words) || e.words.isSubset(of: cand.words))
                return !Set(([e.label] + e.aliases).map(NameKey.make)).isDisjoint(with: cNames) || nested && e.head == cand.head
                    || RuleExtractor.isProcedural(e, cand)
            }
        }
        func issueIndex(for cand: IssueFinder.Issue, anaphoric: Bool) -> Int? {
            if anaphoric {
                // "the bill" → an issue with that head named in the last two sentences, else the
                // most salient one with that head, else the main issue.
                let sameHead = issues.indices.filter { IssueFinder.sameReferent(issues[$0].head, cand.head) }
                if let recent = sameHead.filter({ (lastNamed[$0] ?? -9) >= sentenceNow - 2 }).max(by: { (lastNamed[$0] ?? 0, $1) < (lastNamed[$1] ?? 0, $0) }) {
                    return recent
                }
                if let i = sameHead.max(by: { issues[$0].score < issues[$1].score }) { return i }
                // Only a head that can describe anything ("the practice", "the business practices")
                // falls back to the article's issue; "the soda tax" is not "the law" (it is new).
                // (never onto a strike or protest: "their proposal" is not the walkout)
                if cand.words.count < 2 || IssueFinder.genericHeads.contains(IssueFinder.singular(cand.head)),
                   let best = issues.indices.max(by: { issues[$0].score < issues[$1].score }) {
                    if IssueFinder.protestHeads.contains(IssueFinder.singular(issues[best].head)), !IssueFinder.protestHeads.contains(IssueFinder.singular(cand.head)) { return nil }
                    return best
                }
            }
            if let i = matchingIssue(cand) {
                let e = issues[i]
                // "a permit for the Keystone XL pipeline" is about the pipeline: the issue keeps the project's name.
                if IssueFinder.proceduralHeads.contains(e.head), !IssueFinder.proceduralHeads.contains(cand.head), RuleExtractor.isProcedural(e, cand) {
                    issues[i].relabel(cand.label)
                    issues[i].head = cand.head
                    issues[i].words = cand.words
                }
                // The numbered bill is the better label ("SB 12 (Senate Bill 12)").
                if cand.head == "bill", e.head != "bill" || cand.label.contains("(") && !e.label.contains("(") {
                    issues[i].relabel(cand.label)
                    issues[i].head = "bill"
                }
                for a in cand.aliases where !issues[i].aliases.contains(a) && a != issues[i].label { issues[i].aliases.append(a) }
                if issues[i].owner == nil { issues[i].owner = cand.owner }
                return i
            }
            guard !cand.words.isEmpty else { return nil }
            issues.append(cand)
            return issues.count - 1
        }
        // The issue the headline names is the controversy the article covers: every stance's topic.
        if let title = document.title.map(RuleExtractor.strippingWireSlug) {
            let tScalars = Array(title.unicodeScalars)
            let tToks = Tokenizer.tokenize(tScalars)
            var titlePhrases = issueFinder.phrases(in: tToks, titleCase: true, bodyLowercase: bodyLower).filter { !$0.issue.words.isEmpty }
            // An act's object that no issue noun heads ("advances Depot Street rezoning") is the issue all the same.
            // (only when the headline names no issue otherwise: "sign open letter against X contracts" is about X)
            if titlePhrases.isEmpty, let o = issueFinder.headlineObject(in: tToks, bodyLowercase: bodyLower), !o.issue.words.isEmpty {
                titlePhrases.append(o)
            }
            // "EU blocks Serrano's bid", "Governor vetoes privacy bill": the news is an act against the issue.
            if let first = titlePhrases.first, RuleExtractor.reportsActAgainst(tToks[..<first.start]) {
                headlineActAgainst = true
            }
            for p in titlePhrases {
                // A bare noun after a named issue ("… signs bill banning X … moves to block law") refers back to it.
                if let i = issueIndex(for: p.issue, anaphoric: p.issue.words.count <= 1 && !issues.isEmpty) {
                    issues[i].score += 3
                    if !titleIssues.contains(i) { titleIssues.append(i) }
                    // "FCC repeals net neutrality rules": the controversy is the repeal, an issue of its own
                    // (supporting the repeal is opposing the rules).
                    if let noun = RuleExtractor.undoingNoun(tToks, before: p.start), issues[i].words.count >= 2 {
                        var r = IssueFinder.Issue(label: issues[i].label + " " + noun, head: noun, score: issues[i].score + 1,
                                                  words: issues[i].words.union([noun]))
                        r.aliases = []
                        issues.append(r)
                        repealOf = (issues.count - 1, i)
                        titleIssues.append(issues.count - 1)
                    }
                }
            }
        }
        // "… signed a bill that would prohibit X in New York": the lead's place is the jurisdiction
        // of the headline's law, and belongs to its name.
        func qualifyByPlace(_ t: Int, _ n: Int, _ end: Int) {
            guard n == 0, titleIssues.contains(t), IssueFinder.legislativeHeads.contains(IssueFinder.singular(issues[t].head)),
                  !RuleExtractor.isNamed(issues[t].label), let place = extractor.jurisdiction(analyses[n].tokens, after: end),
                  !issues[t].label.lowercased().contains(place.lowercased()) else { return }
            issues[t].qualify(with: place)
        }
        for t in titleIssues where issues[t].words.count >= 2 { issueFinder.articleHeads.insert(issues[t].head) }
        for n in analyses.indices {
            let toks = analyses[n].tokens
            for p in issueFinder.phrases(in: toks, titleCase: false, bodyLowercase: []) {
                // Bare and definite references ("the bill", "the business practices") are given
                // information: they point back at an issue unless they name a new one.
                let sharesWords = issues.contains { !$0.words.intersection(p.issue.words).isEmpty }
                let salient = issues.contains { $0.score >= 3 }
                let anaphoric = issueFinder.isAnaphoric(toks, p.start, p.end) || p.issue.words.count <= 1 && !issues.isEmpty
                    || issueFinder.isDefiniteDescription(toks, p.start, p.end) && !sharesWords && salient
                sentenceNow = n
                // "two projects", "both pipelines": a plural description of the two issues named just before.
                if p.end - p.start == 2, ["two", "both"].contains(toks[p.start].lower), p.issue.head.hasSuffix("s") {
                    let recent = lastNamed.filter { $0.value >= n - 1 && issues[$0.key].words.count >= 2 }
                        .sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map(\.key)
                    if recent.count >= 2, let i = issueIndex(for: p.issue, anaphoric: false) {
                        issueMembers[i] = Array(recent.prefix(2)).sorted()
                        analyses[n].issues.append((p.start, p.end, i))
                        continue
                    }
                }
                // The lead restates the headline: "a first-in-the-nation bill" in the first sentence
                // is the headline's bill, however differently it is described (legislation only:
                // "a strike against GM" and "GM auto workers strike" differ in what they name).
                if n == 0, !anaphoric, IssueFinder.legislativeHeads.contains(IssueFinder.singular(p.issue.head))
                    || IssueFinder.transactionHeads.contains(IssueFinder.singular(p.issue.head)),
                   let t = titleIssues.first(where: { IssueFinder.sameReferent(issues[$0].head, p.issue.head) && issues[$0].words.count >= 2 }),
                   !RuleExtractor.isNamed(issues[t].label), !p.issue.words.isSubset(of: issues[t].words), !p.issue.words.isEmpty, matchingIssue(p.issue) == nil,
                   !issues.indices.contains(where: { $0 != t && IssueFinder.sameReferent(issues[$0].head, p.issue.head) }) {
                    // A proper name ("the Student Privacy Act", "SB 12") is the better label.
                    if RuleExtractor.isNamed(p.issue.label) {
                        issues[t].relabel(p.issue.label)
                        issues[t].head = p.issue.head
                        issues[t].words = p.issue.words
                        for a in p.issue.aliases where !issues[t].aliases.contains(a) { issues[t].aliases.append(a) }
                    } else if !issues[t].aliases.contains(p.issue.label) { issues[t].aliases.append(p.issue.label) }
                    qualifyByPlace(t, n, p.end)
                    issues[t].score += 2
                    lastNamed[t] = n
                    analyses[n].issues.append((p.start, p.end, t))
                    continue
                }
                guard let i = issueIndex(for: p.issue, anaphoric: anaphoric) else { continue }
                qualifyByPlace(i, n, p.end)
                if !anaphoric { lastNamed[i] = n }
                // "lawmakers should pass a bipartisan infrastructure plan": an indefinite description
                // introduces something new, never just a rewording of the article's issue.
                // ("a flawed law" only judges a known one: its modifiers must say more than a verdict)
                if !anaphoric, p.start > 0, ["a", "an"].contains(toks[p.start - 1].lower), p.issue.words.count >= 2,
                   p.issue.words.contains(where: { $0 != p.issue.head && lexicon.evaluative[$0] == nil && lexicon.sentiment[$0] == nil }) {
                    introducedAsNew.insert(i)
                }
                issues[i].score += n < 2 ? 2 : 1
                if !anaphoric, p.issue.label != issues[i].label, !issues[i].aliases.contains(p.issue.label) { issues[i].aliases.append(p.issue.label) }
                analyses[n].issues.append((p.start, p.end, i))
            }
        }
        // "Governor vetoes data-privacy bill" … "Senate Bill 412, known as …": when the body numbers
        // exactly one bill, the headline's unnamed bill is that bill, under its number.
        let numbered = issues.indices.filter { issues[$0].head == "bill" && issues[$0].label.contains("(") }
        if numbered.count == 1, let b = numbered.first,
           let t = titleIssues.first(where: { IssueFinder.legislativeHeads.contains(IssueFinder.singular(issues[$0].head)) && !RuleExtractor.isNamed(issues[$0].label) }),
           t != b {
            issues[t].relabel(issues[b].label)
            for al in [issues[b].label] + issues[b].aliases where !issues[t].aliases.contains(al) { issues[t].aliases.append(al) }
            issues[t].head = "bill"
            issues[t].words.formUnion(issues[b].words)
            issues[t].score += issues[b].score
            issues[b].score = 0
            for n in analyses.indices {
                for k in analyses[n].issues.indices where analyses[n].issues[k].issue == b { analyses[n].issues[k].issue = t }
            }
            if lastNamed[b] != nil { lastNamed[t] = max(lastNamed[t] ?? 0, lastNamed[b]!) }
        }
        // "its subcontract on Project Maven": a deal the headline names generically is the deal
        // about the program the body names; the program's name joins its label.
        if let t = titleIssues.first(where: { IssueFinder.dealHeads.contains(issues[$0].head) && !RuleExtractor.isNamed(issues[$0].label) }),
           let program = analyses.lazy.compactMap({ self.extractor.dealSubject($0.tokens) }).first,
           !issues[t].label.lowercased().contains(program.lowercased()) {
            issues[t].qualify(with: program)
        }
        // Bare-noun issues ("the practice" with nothing earlier) are not worth a node.
        // A bare noun ("the campaign", "law") names no issue well enough to be the article's
        // issue while a described one exists.
        let described = issues.indices.filter { issues[$0].words.count >= 2 }
        mainIssue = repealOf?.repeal ?? (described.isEmpty ? Array(issues.indices) : described).max { issues[$0].score < issues[$1].score }
        topicIssue = repealOf?.repeal ?? titleIssues.filter { issues[$0].words.count >= 2 }.max { issues[$0].score < issues[$1].score } ?? mainIssue
        if let t = topicIssue { RuleExtractor.addNamedModifiers(&issues, to: t) }
    }
}
