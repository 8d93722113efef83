/// A calendar period written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Stored dates are ISO strings of
/// the same shapes, so a period is the string range `[text, next)` where `next` starts the
/// following period: `UNTIL '2019'` keeps every date before `'2020'`.
public struct DatePeriod: Sendable, Equatable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), y >= 1 else { return nil }
        year = y
        var m: Int?, d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let v = Int(parts[1]), (1...12).contains(v) else { return nil }
            m = v
        }
        if parts.count == 3, let m {
            guard parts[2].count == 2, let v = Int(parts[2]), (1...Self.days(in: m, of: y)).contains(v) else { return nil }
            d = v
        }
        month = m; day = d
    }

    private init(year: Int, month: Int?, day: Int?) { self.year = year; self.month = month; self.day = day }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The period as written, normalised.
    public var text: String {
        var s = Self.pad(year, 4)
        if let month { s += "-" + Self.pad(month, 2) }
        if let day { s += "-" + Self.pad(day, 2) }
        return s
    }

    /// The first period after this one, of the same precision.
    public var next: DatePeriod {
        guard let month else { return DatePeriod(year: year + 1, month: nil, day: nil) }
        guard let day else {
            return month == 12 ? DatePeriod(year: year + 1, month: 1, day: nil) : DatePeriod(year: year, month: month + 1, day: nil)
        }
        if day < Self.days(in: month, of: year) { return DatePeriod(year: year, month: month, day: day + 1) }
        return month == 12 ? DatePeriod(year: year + 1, month: 1, day: 1) : DatePeriod(year: year, month: month + 1, day: 1)
    }
}
