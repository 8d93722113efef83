import Foundation
import GRDB

/// The SQLite-backed graph store. Every write is one transaction; readers see a consistent
/// snapshot (WAL) while an ingest runs.
public final class Store: Sendable {
    public let writer: any DatabaseWriter
    public let path: String

    /// Opens (creating if needed) a file store, migrating it to the current schema.
    /// - Throws: `StoreError.newerSchema` for a store written by a newer graphq.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;")
        }
        do {
            if readOnly {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw StoreError.cannotOpen(path: path, reason: "no such file; create it with `graphq ingest` or `graphq import`")
                }
                writer = try DatabaseQueue(path: path, configuration: config)
            } else {
                writer = try DatabasePool(path: path, configuration: config)
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try Self.prepare(writer, path: path, readOnly: readOnly)
    }

    /// An in-memory store, for tests and throw-away evaluation runs.
    public init() throws {
        self.path = ":memory:"
        writer = try DatabaseQueue()
        try Self.prepare(writer, path: path, readOnly: false)
    }

    private static func prepare(_ writer: any DatabaseWriter, path: String, readOnly: Bool) throws {
        let migrator = Schema.migrator
        let superseded: Bool
        do {
            superseded = try writer.read { db in
                try db.tableExists("grdb_migrations") ? try migrator.hasBeenSuperseded(db) : false
            }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "not a graphq store (\(error))")
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        if !readOnly {
            do { try migrator.migrate(writer) } catch {
                throw StoreError.cannotOpen(path: path, reason: "\(error)")
            }
        }
    }

    /// The schema version names this build knows, in order.
    public static var knownMigrations: [String] { Schema.migrator.migrations }
}
