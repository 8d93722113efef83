import Foundation

extension Timeline {
    /// The timeline as Markdown: one section per period, undated evidence last.
    public func markdown() -> String {
        var out = "# Timeline: \(subject)\n\n"
        let dated = count - undated.count
        out += "\(dated) dated statement\(dated == 1 ? "" : "s")"
        out += ", \(undated.count) undated; grouped by \(by); \(filter).\n"
        if count == 0 { out += "\nNo stances match.\n" }
        for p in periods {
            out += "\n## \(p.period)\n\n"
            for e in p.entries { out += "- " + Self.line(e, showDate: true) + "\n" }
        }
        if !undated.isEmpty {
            out += "\n## Undated\n\nThe text gives no date for these statements.\n\n"
            for e in undated { out += "- " + Self.line(e, showDate: false) + "\n" }
        }
        return out
    }

    static func line(_ e: Entry, showDate: Bool) -> String {
        var s = ""
        if showDate, let d = e.date { s += "**\(d)** " }
        s += "\(Markdown.escape(e.holder)) **\(e.polarity)** \(Markdown.escape(e.target))"
        if let t = e.topic, t != e.target { s += " (on \(Markdown.escape(t)))" }
        if e.modality != "asserted" { s += " _[\(e.modality)]_" }
        s += " — “\(Markdown.escape(Markdown.oneLine(e.quote)))”"
        var cite: [String] = []
        if let o = e.outlet { cite.append("_\(Markdown.escape(o))_") }
        let title = Markdown.escape(e.title ?? e.article)
        cite.append(e.url.map { "[\(title)](\(Markdown.url($0)))" } ?? title)
        if !showDate, let p = e.published { cite.append("article published \(p)") }
        s += " — " + cite.joined(separator: ", ") + " · #\(e.stance_id)"
        return s
    }

    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    public static let csvColumns = ["period", "date", "date_precision", "holder", "polarity", "target", "topic", "modality",
                                    "quote", "outlet", "title", "url", "article", "published", "stance_id"]

    /// One row per statement; undated statements have an empty period.
    public func csv() -> String {
        var out = Self.csvColumns.joined(separator: ",") + "\n"
        func row(_ period: String, _ e: Entry) {
            out += CSVWriter.row([period, e.date ?? "", e.date_precision ?? "", e.holder, e.polarity, e.target, e.topic ?? "",
                                  e.modality, e.quote, e.outlet ?? "", e.title ?? "", e.url ?? "", e.article, e.published ?? "",
                                  String(e.stance_id)])
        }
        for p in periods { for e in p.entries { row(p.period, e) } }
        for e in undated { row("", e) }
        return out
    }
}

/// Minimal Markdown escaping for names and quotes in reports.
enum Markdown {
    static func escape(_ s: String) -> String {
        // Only ASCII punctuation is escaped, so the UTF-8 bytes can be scanned directly.
        guard s.utf8.contains(where: { special($0) }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            if special(b) { out.append(0x5C) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func special(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23: return true  // \ ` * _ [ ] < > | #
        default: return false
        }
    }

    static func oneLine(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return s }
        return s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }

    /// A link destination: spaces and parentheses percent-encoded so the link cannot break.
    static func url(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case 0x20: out += Array("%20".utf8)
            case 0x28: out += Array("%28".utf8)
            case 0x29: out += Array("%29".utf8)
            case 0x3C: out += Array("%3C".utf8)
            case 0x3E: out += Array("%3E".utf8)
            case 0x00..<0x20: break
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
