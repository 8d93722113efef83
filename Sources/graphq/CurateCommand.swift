import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Curate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct the graph by hand: merge, rename or re-kind actors, reject or confirm stances.",
            discussion: """
            Actors are named as in `graphq entities` (name, alias, or #ID). Every correction is one row \
            of the curation ledger (`graphq curate log`), written in the same transaction. Corrections \
            survive later ingests: a merged actor's name and a renamed actor's old name resolve to the \
            actor, kinds are never overwritten, and when an article is re-ingested with new text, \
            rejections and confirmations move to its new stances with the same holder, polarity, target \
            and evidence sentence.
            """,
            subcommands: [Merge.self, Reject.self, Confirm.self, Rename.self, Kind.self, Log.self])

        /// Runs one curation against a writable store and reports it: the summary on stdout, or
        /// why nothing changed on stderr; a curation error is bad input (exit 65).
        static func apply(_ store: StoreOptions, unchanged: String, _ change: (Store) throws -> CurationRecord?) throws {
            let s = try store.open()
            do {
                guard let r = try change(s) else { Console.note(unchanged); return }
                try emit("\(r.summary) (ledger #\(r.id))\n", to: nil)
            } catch let e as CurationError {
                Console.error("\(e)")
                throw ExitCode(65)
            }
        }

        /// `reject` and `confirm`: one stance's review status.
        static func setStatus(_ store: StoreOptions, stance: String, to status: StanceStatus, note: String?) throws {
            let id = try stanceID(stance)
            try apply(store, unchanged: "stance #\(id) is already \(status.rawValue); nothing changed") {
                try $0.setStatus(stance: id, to: status, note: note)
            }
        }

        static func stanceID(_ text: String) throws -> Int64 {
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard let id = Int64(digits) else { throw ValidationError("'\(text)' is not a stance id; use a number such as 12") }
            return id
        }
    }
}

extension GraphQ.Curate {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge one actor into another: aliases, stances, relations and owned issues move; the first is deleted.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor that goes away (name, alias or #ID).") var source: String
        @Option(help: ArgumentHelp("The actor that stays.", valueName: "target")) var into: String
        @Option(help: "Why, for the ledger.") var note: String?

        func run() throws {
            try GraphQ.Curate.apply(store, unchanged: "") { try $0.merge(source, into: into, note: note) }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a stance as wrong: queries, exports and reports leave it out unless --include-rejected.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The stance id (12 or #12), as `graphq entities NAME` shows it.") var stance: String
        @Option(help: "Why, for the ledger.") var note: String?

        func validate() throws { _ = try GraphQ.Curate.stanceID(stance) }

        func run() throws { try GraphQ.Curate.setStatus(store, stance: stance, to: .rejected, note: note) }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a stance as checked by a person (also undoes a rejection).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The stance id (12 or #12).") var stance: String
        @Option(help: "Why, for the ledger.") var note: String?

        func validate() throws { _ = try GraphQ.Curate.stanceID(stance) }

        func run() throws { try GraphQ.Curate.setStatus(store, stance: stance, to: .confirmed, note: note) }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename an actor; its old name stays as an alias that later articles resolve to it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor (name, alias or #ID).") var entity: String
        @Option(help: ArgumentHelp("The new name; it must not be another actor's name (merge them instead).", valueName: "new-name"))
        var to: String
        @Option(help: "Why, for the ledger.") var note: String?

        func run() throws {
            try GraphQ.Curate.apply(store, unchanged: "'\(entity)' is already named '\(to)'; nothing changed") {
                try $0.rename(entity, to: to, note: note)
            }
        }
    }

    struct Kind: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an actor's kind.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The actor (name, alias or #ID).") var entity: String
        @Option(name: .customLong("set"), help: ArgumentHelp("The kind: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
        var kind: String
        @Option(help: "Why, for the ledger.") var note: String?

        func validate() throws {
            guard EntityKind(lenient: kind) != nil else {
                throw ValidationError("unknown kind '\(kind)'; use one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            try GraphQ.Curate.apply(store, unchanged: "'\(entity)' is already of kind \(kind); nothing changed") {
                try $0.setKind(entity, to: kind, note: note)
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the curations made so far, oldest first.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON (each row with its full payload) instead of text.") var json = false

        func run() throws {
            let log = try store.open(readOnly: true).curationLog()
            if json {
                let rows: [[String: Any]] = log.map { r in
                    ["id": r.id, "at": r.at, "action": r.action,
                     "payload": (try? JSONSerialization.jsonObject(with: Data(r.payload.utf8))) ?? r.payload]
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                try emit(String(decoding: data, as: UTF8.self) + "\n", to: nil)
                return
            }
            if log.isEmpty { Console.note("no curations yet; see `graphq curate --help`"); return }
            let width = log.map(\.action.count).max() ?? 0
            let out = log.map { r in
                "#\(r.id)  \(r.at)  \(r.action.padding(toLength: width, withPad: " ", startingAt: 0))  \(r.summary)"
                    + (r.note.map { " — note: \($0)" } ?? "")
            }.joined(separator: "\n")
            try emit(out + "\n", to: nil)
        }
    }
}
