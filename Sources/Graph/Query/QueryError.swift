import Foundation

/// Why a query did not run: a problem in the query itself (a located diagnostic), an exhausted
/// time budget, or a failure of the store.
public enum QueryError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case diagnostic(QueryDiagnostic)
    case timeout(seconds: Double)
    case store(String)

    public var description: String {
        switch self {
        case .diagnostic(let d): return d.description
        case .timeout(let s):
            let shown = s == s.rounded() ? String(Int(s)) : String(s)
            return "the query ran out of time after \(shown) s and was stopped; narrow it (a name, ON 'issue', SINCE …, a smaller MAX) or raise --timeout"
        case .store(let m): return "store error: \(m)"
        }
    }

    public var errorDescription: String? { description }

    /// True for errors in the query (exit status 65), false for others.
    public var isQueryError: Bool {
        if case .diagnostic = self { return true }
        return false
    }
}
