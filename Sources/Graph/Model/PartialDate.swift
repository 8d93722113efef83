/// An ISO calendar date that may be known only to the month or year (`2024`, `2024-03`,
/// `2024-03-04`), as stance and article dates are stored.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part after the date is ignored); nil otherwise.
    public init?(_ text: String) {
        let head = text.prefix(10)
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        year = y
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count >= 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), let m = month,
                  (1...Self.daysIn(year: y, month: m)).contains(d) else { return nil }
            day = d
        }
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = month == nil ? nil : day
    }

    public var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    public var description: String {
        var s = pad(year, 4)
        if let month { s += "-" + pad(month, 2) }
        if let day { s += "-" + pad(day, 2) }
        return s
    }

    /// The first day the date can mean (`2024-03` → `2024-03-01`).
    public var firstDay: String { "\(pad(year, 4))-\(pad(month ?? 1, 2))-\(pad(day ?? 1, 2))" }

    /// The last day the date can mean (`2024-02` → `2024-02-29`).
    public var lastDay: String {
        let m = month ?? 12
        return "\(pad(year, 4))-\(pad(m, 2))-\(pad(day ?? Self.daysIn(year: year, month: m), 2))"
    }

    /// The period this date falls in at the given granularity; coarser dates keep their own
    /// precision (a month-only date grouped by day stays `2024-03`).
    public func period(_ by: DatePrecision) -> String {
        switch by {
        case .year: return pad(year, 4)
        case .month: return month.map { "\(pad(year, 4))-\(pad($0, 2))" } ?? pad(year, 4)
        case .day: return description
        }
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.description < b.description }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
