/// A position in query text: 1-based line and column (in characters), plus the character offset.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset; self.line = line; self.column = column
    }

    public static let start = SourceLocation(offset: 0, line: 1, column: 1)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of query text.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(_ start: SourceLocation, _ end: SourceLocation) { self.start = start; self.end = end }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    /// Length in characters (at least 1, so a caret is always drawn).
    public var length: Int { max(1, end.offset - start.offset) }
    public var description: String { "\(start)" }
}
