import Foundation

/// Errors the store reports to its callers; each says what is wrong and how to fix it.
public enum StoreError: Error, CustomStringConvertible, LocalizedError, Sendable {
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    case invalidImport(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            return "\(path) was written by a newer version of graphq; upgrade graphq to open it"
        case .cannotOpen(let path, let reason):
            return "cannot open store \(path): \(reason)"
        case .invalidImport(let why):
            return "invalid graph JSON: \(why)"
        case .notFound(let what):
            return what
        }
    }
    public var errorDescription: String? { description }
}
