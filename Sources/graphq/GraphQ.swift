import ArgumentParser
import Foundation
import Graph
import Ingest

@main
struct GraphQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphq",
        abstract: "Build and query a stakeholder-and-stance graph from news articles.",
        discussion: """
        The store defaults to ./graphq.sqlite; set --db or GRAPHQ_DB to use another file.
        Exit codes: 0 ok, 64 usage, 65 bad query or bad input data, 1 other failures.
        """,
        subcommands: [Ingest.self, Stats.self, Entities.self, Query.self, WhoOpposes.self, WhoSupports.self, Path.self, Top.self,
                      Export.self, Import.self, Curate.self, Timeline.self, Audit.self, Explain.self, Verify.self, Eval.self, Demo.self]
    )
}

/// The `--db` option every command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite store (default: $GRAPHQ_DB or ./graphq.sqlite).")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["GRAPHQ_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "graphq.sqlite"
    }

    func open(readOnly: Bool = false) throws -> Store {
        do { return try Store(path: path, readOnly: readOnly) } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}

/// Writes diagnostics and progress to stderr, results to stdout.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("graphq: " + message + "\n").utf8))
    }
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}

/// Writes text to a file or stdout.
func emit(_ text: String, to output: String?) throws {
    if let output, output != "-" {
        do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
            Console.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
