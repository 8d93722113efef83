import Foundation

/// Encodes and decodes the interchange JSON with stable key order, so exports diff cleanly.
public enum InterchangeJSON {
    public static func encode(_ g: InterchangeGraph) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(g), as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data, file: String) throws -> InterchangeGraph {
        do { return try JSONDecoder().decode(InterchangeGraph.self, from: data) } catch let DecodingError.dataCorrupted(ctx) {
            throw StoreError.invalidImport("\(file): not valid JSON (\(ctx.underlyingError.map { "\($0)" } ?? ctx.debugDescription))")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw StoreError.invalidImport("\(file): missing field '\(key.stringValue)' at \(path(ctx.codingPath))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw StoreError.invalidImport("\(file): wrong type at \(path(ctx.codingPath)): \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw StoreError.invalidImport("\(file): null value at \(path(ctx.codingPath))")
        }
    }

    static func path(_ p: [any CodingKey]) -> String {
        p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
