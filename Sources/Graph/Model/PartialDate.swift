/// An ISO calendar date that may be known only to the month or year (`2024`, `2024-03`,
/// `2024-03-04`), as stance and article dates are stored.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part after the date is ignored); nil otherwise.
    public init?(_ text: String) {
        // Hot in exports: parse the ASCII bytes directly, without splitting into substrings.
        var digits: [Int] = [], fields: [(value: Int, width: Int)] = []
        digits.reserveCapacity(4)
        func close() -> Bool {
            guard !digits.isEmpty else { return false }
            fields.append((digits.reduce(0) { $0 * 10 + $1 }, digits.count))
            digits.removeAll(keepingCapacity: true)
            return true
        }
        for c in text.utf8.prefix(10) {
            if c >= 0x30 && c <= 0x39 { digits.append(Int(c - 0x30)) } else if c == 0x2D { guard close() else { return nil } } else { return nil }
        }
        guard close(), fields.count <= 3, fields[0].width == 4 else { return nil }
        year = fields[0].value
        if fields.count >= 2 {
            guard fields[1].width == 2, (1...12).contains(fields[1].value) else { return nil }
            month = fields[1].value
        }
        if fields.count == 3 {
            guard fields[2].width == 2, (1...Self.daysIn(year: year, month: fields[1].value)).contains(fields[2].value) else { return nil }
            day = fields[2].value
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
