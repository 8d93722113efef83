import ArgumentParser
import Foundation
import Graph

/// The stance filters that export, timeline and audit share, so that every output of one
/// question shows the same stances.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only stances dated on or after this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var since: String?
    @Option(help: ArgumentHelp("Only stances dated on or before this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var until: String?
    @Option(help: "Only stances with at least this confidence (0–1).")
    var minConfidence: Double = 0
    @Option(help: ArgumentHelp("Only these polarities: supports, opposes, defends (repeat or separate with commas).", valueName: "polarity"))
    var polarity: [String] = []
    @Option(help: ArgumentHelp("Only actors of these kinds (\(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))); issues always stay.", valueName: "kind"))
    var kind: [String] = []
    @Option(help: ArgumentHelp("""
        Modalities to keep: asserted, intended, conditional, negated, question, or all \
        (default: asserted, intended, conditional — negated and questioned statements are not positions).
        """, valueName: "modality"))
    var modality: [String] = []
    @Flag(help: "Include stances a curator rejected.")
    var includeRejected = false

    /// The filter these options describe; bad values are usage errors (exit 64).
    func filter() throws -> StanceFilter {
        var f = StanceFilter.forMaps
        f.minConfidence = minConfidence
        f.includeRejected = includeRejected
        for (name, value) in [("since", since), ("until", until)] {
            if let value, PartialDate(value) == nil {
                throw ValidationError("--\(name) '\(value)' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        f.since = since.flatMap(PartialDate.init)?.description
        f.until = until.flatMap(PartialDate.init)?.description
        f.polarities = Set(try Self.split(polarity).map { p in
            guard let v = Polarity(rawValue: p.lowercased()) else {
                throw ValidationError("unknown polarity '\(p)'; use supports, opposes or defends")
            }
            return v
        })
        f.kinds = Set(try Self.split(kind).map { k in
            guard let v = EntityKind(lenient: k) else {
                throw ValidationError("unknown kind '\(k)'; use one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        })
        let modalities = Self.split(modality)
        if modalities.contains(where: { $0.lowercased() == "all" }) {
            f.modalities = []
        } else if !modalities.isEmpty {
            f.modalities = Set(try modalities.map { m in
                guard let v = Modality(rawValue: m.lowercased()) else {
                    throw ValidationError("unknown modality '\(m)'; use \(Modality.allCases.map(\.rawValue).joined(separator: ", ")) or all")
                }
                return v
            })
        }
        return f
    }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Store {
    /// Resolves a name from the command line; an unknown or ambiguous name is bad input (exit 65)
    /// with the closest names.
    func resolveArgument(_ name: String, prefer: NamePreference) throws -> ResolvedNode {
        do { return try resolve(name, prefer: prefer) } catch let e as ResolveError {
            Console.error(e.description)
            throw ExitCode(65)
        }
    }
}

/// Writes bytes (a rendered picture) to a file or stdout.
func emit(_ data: Data, to output: String?) throws {
    if let output, output != "-" {
        do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            Console.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    } else {
        FileHandle.standardOutput.write(data)
    }
}
