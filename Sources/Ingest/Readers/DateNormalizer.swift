import Foundation

/// Turns the common written forms of a date into ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when
/// only that much is given): ISO 8601 timestamps, "November 9, 2018", "Nov. 9, 2018",
/// "9 November 2018", RFC 822 ("Fri, 09 Nov 2018 10:00:00 GMT"), "2018/11/09", US "11/09/2018",
/// "November 2018" and a bare year.
public enum DateNormalizer {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    public static func month(_ word: String) -> Int? {
        months[word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))]
    }

    public static func normalize(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return nil }
        let tokens = s.split(whereSeparator: { " ,\t".contains($0) }).map(String.init)
        // ISO forms: 2018-11-09, 2018-11-09T10:00:00Z, 2018-11, 2018/11/09
        if let first = tokens.first {
            let head = first.split(separator: "T", maxSplits: 1).first.map(String.init) ?? first
            let parts = head.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
            if let y = Int(parts.first ?? ""), parts[0].count == 4 {
                if parts.count >= 3, let m = Int(parts[1]), let d = Int(parts[2].prefix(2)) { return iso(y, m, d) }
                if parts.count == 2, let m = Int(parts[1]) { return iso(y, m, nil) }
                if parts.count == 1, tokens.count == 1, (1000...2999).contains(y) { return String(y) }
            }
            // US numeric 11/09/2018
            if parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
                return m <= 12 ? iso(y, m, d) : iso(y, d, m)
            }
        }
        // Worded forms; weekday names and times are ignored.
        var year: Int?, month: Int?, day: Int?
        for t in tokens {
            let w = t.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            if let m = Self.month(w), month == nil { month = m; continue }
            let digits = w.lowercased().replacingOccurrences(of: "st", with: "").replacingOccurrences(of: "nd", with: "")
                .replacingOccurrences(of: "rd", with: "").replacingOccurrences(of: "th", with: "")
            if let n = Int(digits) {
                if w.count == 4, year == nil, (1000...2999).contains(n) { year = n }
                else if n >= 1, n <= 31, day == nil, !w.contains(":") { day = n }
            }
        }
        if let year, let month { return iso(year, month, day) }
        return nil
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String? {
        guard (1...12).contains(m) else { return nil }
        let ys = String(format: "%04d-%02d", y, m)
        guard let d else { return ys }
        guard (1...31).contains(d) else { return nil }
        return ys + String(format: "-%02d", d)
    }
}
