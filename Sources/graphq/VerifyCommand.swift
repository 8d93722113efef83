import ArgumentParser
import Foundation
import Graph

extension GraphQ {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every article and check that every stance's offsets still yield its evidence.",
            discussion: "Prints each problem and exits 65 when there is any; 0 when the store is intact.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var store: StoreOptions
        @Option(help: "Output format: text or json.") var format: Format = .text

        func run() throws {
            let report = try store.open(readOnly: true).verify()
            if format == .json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try emit(String(decoding: try enc.encode(report), as: UTF8.self) + "\n", to: nil)
            } else {
                var out = report.problems.map { $0.message + "\n" }.joined()
                out += "verified \(report.articles) article\(report.articles == 1 ? "" : "s") and \(report.stances_checked) of "
                out += "\(report.stances) stance\(report.stances == 1 ? "" : "s")"
                if report.articles_without_text > 0 { out += " (\(report.articles_without_text) imported without text)" }
                out += report.ok ? ": no problems\n" : ": \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")\n"
                try emit(out, to: nil)
            }
            if !report.ok { throw ExitCode(65) }
        }
    }
}
