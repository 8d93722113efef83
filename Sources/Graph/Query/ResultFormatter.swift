import Foundation

/// Renders a query result as an aligned table, JSON or CSV.
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

public enum ResultFormatter {
    /// - Parameter maxCellWidth: cut longer cells with "…" (for terminals); nil keeps them whole.
    public static func render(_ r: QueryResult, as format: ResultFormat, maxCellWidth: Int? = nil) -> String {
        switch format {
        case .table: return table(r, maxCellWidth: maxCellWidth)
        case .json: return json(r)
        case .csv: return csv(r)
        }
    }

    static func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    public static func table(_ r: QueryResult, maxCellWidth: Int? = nil) -> String {
        func cell(_ v: QueryValue) -> String {
            let s = clean(v.description)
            if let w = maxCellWidth, s.count > w { return String(s.prefix(max(1, w - 1))) + "…" }
            return s
        }
        let cells = r.rows.map { $0.map(cell) }
        var widths = r.columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ values: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (i, v) in values.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - v.count))
                parts.append(numeric[i] ? pad + v : (i == values.count - 1 ? v : v + pad))
            }
            return parts.joined(separator: "  ")
        }
        let numeric = r.columns.indices.map { i in
            !r.rows.isEmpty && r.rows.allSatisfy { row in
                switch row[i] { case .integer, .real, .null: return true; case .text: return false }
            }
        }
        var out = line(r.columns, numeric: numeric) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row, numeric: numeric) + "\n" }
        out += "(\(r.rows.count) row\(r.rows.count == 1 ? "" : "s"))\n"
        return out
    }

    public static func json(_ r: QueryResult) -> String {
        func encode(_ v: QueryValue) -> String {
            switch v {
            case .null: return "null"
            case .integer(let i): return String(i)
            case .real(let d): return d.isFinite ? "\(d)" : "null"
            case .text(let s): return quote(s)
            }
        }
        let rows = r.rows.map { row in
            "  {" + zip(r.columns, row).map { "\(quote($0.0)): \(encode($0.1))" }.joined(separator: ", ") + "}"
        }
        return rows.isEmpty ? "[]\n" : "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    public static func csv(_ r: QueryResult) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = r.columns.map(field).joined(separator: ",") + "\r\n"
        for row in r.rows { out += row.map { field($0.description) }.joined(separator: ",") + "\r\n" }
        return out
    }
}
