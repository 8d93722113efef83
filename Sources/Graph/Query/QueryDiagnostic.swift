import Foundation

/// An error in a query, located in its text: `query:LINE:COL: error: …`, the query line and a caret.
public struct QueryDiagnostic: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public var message: String
    public var range: SourceRange
    /// The full query text, kept to render the offending line.
    public var source: String
    /// The name shown before the location (`query`, or a file name for `-f FILE`).
    public var origin: String

    public init(_ message: String, at range: SourceRange, in source: String, origin: String = "query") {
        self.message = message; self.range = range; self.source = source; self.origin = origin
    }

    public var line: Int { range.start.line }
    public var column: Int { range.start.column }

    /// The rendered diagnostic: header, the query line, and a caret (with `~` under the rest of the
    /// offending token).
    public var description: String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let text = range.start.line - 1 < lines.count ? String(lines[range.start.line - 1]) : ""
        let shown = text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: "")
        let available = max(1, shown.count - (range.start.column - 1))
        let tildes = max(0, min(range.length, available) - 1)
        let caret = String(repeating: " ", count: max(0, range.start.column - 1)) + "^" + String(repeating: "~", count: tildes)
        return "\(origin):\(range.start.line):\(range.start.column): error: \(message)\n\(shown)\n\(caret)"
    }

    public var errorDescription: String? { description }
}

/// Near-miss suggestions for misspelled keywords, properties and names.
public enum Suggestion {
    /// Levenshtein distance over Unicode scalars, case-insensitive, bounded by `limit` (returns
    /// `limit + 1` once exceeded, so comparing against many candidates stays cheap).
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > limit { return limit == .max ? abs(x.count - y.count) : limit + 1 }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if limit != .max, rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The candidates closest to `word` (at most `count`), within a distance that grows with length.
    public static func closest(to word: String, in candidates: [String], count: Int = 3) -> [String] {
        let limit = max(1, min(3, word.count / 3 + 1))
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for c in candidates where !seen.contains(c.lowercased()) {
            seen.insert(c.lowercased())
            let d = distance(word, c, limit: limit)
            if d <= limit { scored.append((c, d)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    /// "; did you mean 'x'?" or "; did you mean 'x' or 'y'?" or "".
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        phrase(closest(to: word, in: candidates))
    }

    static func phrase(_ options: [String]) -> String {
        switch options.count {
        case 0: return ""
        case 1: return "; did you mean '\(options[0])'?"
        default: return "; did you mean " + options.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(options.last ?? "")'?"
        }
    }
}
