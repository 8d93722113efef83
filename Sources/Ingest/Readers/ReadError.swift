import Foundation

/// A file (or one record in it) that could not be read. Rendered as one line:
/// `path:line: error: message`.
public struct ReadError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
    public var errorDescription: String? { description }
}
