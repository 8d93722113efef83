import Foundation
import Graph

/// Dates a statement from its sentence: weekdays ("on Tuesday"), "yesterday", "today",
/// explicit dates ("Jan. 4", "March 3, 2019") and "earlier this year", resolved against the
/// article's publication date with a precision.
struct DateResolver {
    let published: Date?
    let publishedISO: String?
    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? c.timeZone
        return c
    }()

    init(published: String?) {
        publishedISO = published
        if let p = published, p.count == 10 {
            let parts = p.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 {
                self.published = Self.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
                return
            }
        }
        self.published = nil
    }

    func resolve(_ tokens: [Token]) -> (String, DatePrecision)? {
        for (i, t) in tokens.enumerated() {
            let w = t.lower
            // Only weekday and month names (capitalised) and a few lowercase words can date a statement.
            // "last week", "last month", "earlier this month", "last year": coarser periods.
            if let pub = published, i > 0, ["week", "month", "year"].contains(w) {
                let prev = tokens[i - 1].lower
                let before = i > 1 ? tokens[i - 2].lower : ""
                if prev == "last" {
                    let unit: Calendar.Component = w == "week" ? .weekOfYear : w == "month" ? .month : .year
                    if let d = Self.calendar.date(byAdding: unit, value: -1, to: pub) {
                        let iso = Self.iso(d)
                        return w == "year" ? (String(iso.prefix(4)), .year) : (String(iso.prefix(7)), .month)
                    }
                }
                if prev == "this", w == "month" || before == "earlier" && w == "month" { return (String(Self.iso(pub).prefix(7)), .month) }
            }
            guard t.kind == .word, t.isCapitalized || w == "yesterday" || w == "today" || w == "tonight" || w == "year" else { continue }
            if let wd = WordClasses.weekdays.firstIndex(of: w), let pub = published {
                // News reports the past: the latest such weekday on or before publication.
                let pubWeekday = (Self.calendar.component(.weekday, from: pub) + 5) % 7  // Monday = 0
                var back = (pubWeekday - wd + 7) % 7
                if i > 0, tokens[i - 1].lower == "next" { back = -((wd - pubWeekday + 7) % 7) }
                if i > 0, tokens[i - 1].lower == "last", back == 0 { back = 7 }
                if let d = Self.calendar.date(byAdding: .day, value: -back, to: pub) { return (Self.iso(d), .day) }
            }
            if w == "yesterday", let pub = published, let d = Self.calendar.date(byAdding: .day, value: -1, to: pub) { return (Self.iso(d), .day) }
            if w == "today" || w == "tonight", let pub = published { return (Self.iso(pub), .day) }
            if let month = DateNormalizer.month(w), t.isCapitalized, w != "may" || (i + 1 < tokens.count && tokens[i + 1].kind == .number) {
                var day: Int?, year: Int?
                var j = i + 1
                if j < tokens.count, tokens[j].text == "." { j += 1 }
                if j < tokens.count, tokens[j].kind == .number, let d = Int(tokens[j].text), d >= 1, d <= 31 { day = d; j += 1 }
                if j < tokens.count, tokens[j].text == "," { j += 1 }
                if j < tokens.count, tokens[j].kind == .number, let y = Int(tokens[j].text), y > 1900, y < 2200 { year = y }
                if year == nil, let p = publishedISO, let py = Int(p.prefix(4)) {
                    // "Jan. 4" in an article from November refers to the coming January only if
                    // the verb is future; statements are dated in the past, so keep the year unless
                    // that puts the date after publication.
                    year = py
                    if let pm = Int(p.dropFirst(5).prefix(2)), month > pm + 1 { year = py - 1 }
                }
                guard let y = year else { continue }
                if let d = day { return (String(format: "%04d-%02d-%02d", y, month, d), .day) }
                if j < tokens.count, tokens[j].kind == .number || i > 0 && tokens[i - 1].lower == "in" { return (String(format: "%04d-%02d", y, month), .month) }
            }
            if w == "year", i >= 2, tokens[i - 1].lower == "this", let p = publishedISO { return (String(p.prefix(4)), .year) }
        }
        return nil
    }

    static func iso(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
