import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the evidence behind one stance: quote, offsets, article, source, date, rule, confidence.",
            discussion: "Stance ids appear in `graphq entities NAME`, timelines, audits and exports (stance_ids).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var store: StoreOptions
        @Argument(help: "The stance id (12 or #12).") var stance: String
        @Option(help: "Output format: text or json.") var format: Format = .text

        func run() throws {
            let digits = stance.hasPrefix("#") ? String(stance.dropFirst()) : stance
            guard let id = Int64(digits) else { throw ValidationError("'\(stance)' is not a stance id; use a number such as 12") }
            let s = try store.open(readOnly: true)
            guard let x = try s.explain(stance: id) else {
                Console.error("no stance #\(id); ids appear in `graphq entities NAME` and in exports")
                throw ExitCode(65)
            }
            if format == .json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try emit(String(decoding: try enc.encode(x), as: UTF8.self) + "\n", to: nil)
                return
            }
            try emit(Self.text(x), to: nil)
        }

        static func text(_ x: StanceExplanation) -> String {
            func line(_ label: String, _ value: String?) -> String {
                guard let value, !value.isEmpty else { return "" }
                return "  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value + "\n"
            }
            var out = "stance #\(x.id): \(x.holder) \(x.polarity) \(x.target)\(x.target_kind == "issue" ? " (issue)" : "")\n"
            out += line("quote", "“\(x.quote)”")
            let check: String
            switch x.offsets_verified {
            case true?: check = "they yield the quote exactly"
            case false?: check = "MISMATCH: they do not yield the quote (run graphq verify)"
            case nil: check = "not checkable: the article was imported without its text"
            }
            out += line("offsets", "\(x.start)..<\(x.end) in Unicode scalars, sentence \(x.sentence); \(check)")
            if let b = x.context_before, let a = x.context_after {
                let flat = { (s: String) in s.split(whereSeparator: { $0.isNewline }).joined(separator: " ") }
                out += line("context", "…\(flat(b))«\(flat(x.quote))»\(flat(a))…")
            }
            out += line("article", x.article + (x.title.map { " — “\($0)”" } ?? ""))
            out += line("url", x.url)
            out += line("source", x.source)
            out += line("author", x.author)
            out += line("published", x.published)
            out += line("date", x.date.map { d in x.date_precision.map { "\(d) (\($0))" } ?? d } ?? "undated")
            out += line("topic", x.topic)
            out += line("modality", x.modality)
            out += line("attributed", x.attribution)
            out += line("cue", x.cue)
            out += line("rule", x.rule)
            out += line("confidence", String(x.confidence))
            out += line("status", x.status)
            return out
        }
    }
}
