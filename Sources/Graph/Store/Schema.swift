import GRDB

/// The store's schema, as an ordered list of migrations. A store that carries a migration this
/// build does not know was written by a newer graphq and is refused.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE article (
              id INTEGER PRIMARY KEY,
              key TEXT NOT NULL UNIQUE,
              content_sha256 TEXT NOT NULL UNIQUE,
              url TEXT, title TEXT, source TEXT, author TEXT, published TEXT,
              text TEXT NOT NULL,
              ingested_at TEXT NOT NULL,
              extractor_version TEXT NOT NULL
            );
            CREATE TABLE entity (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              name_key TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL
            );
            CREATE TABLE alias (
              entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
              surface TEXT NOT NULL,
              surface_key TEXT NOT NULL,
              PRIMARY KEY (surface_key, entity)
            ) WITHOUT ROWID;
            CREATE INDEX alias_entity ON alias(entity);
            CREATE TABLE relation (
              from_entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
              to_entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
              type TEXT NOT NULL,
              PRIMARY KEY (from_entity, type, to_entity)
            ) WITHOUT ROWID;
            CREATE TABLE issue (
              id INTEGER PRIMARY KEY,
              label TEXT NOT NULL,
              label_key TEXT NOT NULL UNIQUE,
              owner INTEGER REFERENCES entity(id) ON DELETE SET NULL
            );
            CREATE TABLE issue_alias (
              issue INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
              surface TEXT NOT NULL,
              surface_key TEXT NOT NULL,
              PRIMARY KEY (surface_key, issue)
            ) WITHOUT ROWID;
            CREATE TABLE stance (
              id INTEGER PRIMARY KEY,
              holder INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
              polarity TEXT NOT NULL CHECK (polarity IN ('supports','opposes','defends')),
              target_entity INTEGER REFERENCES entity(id) ON DELETE CASCADE,
              target_issue INTEGER REFERENCES issue(id) ON DELETE CASCADE,
              topic INTEGER REFERENCES issue(id) ON DELETE SET NULL,
              article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
              sentence INTEGER NOT NULL,
              start INTEGER NOT NULL,
              "end" INTEGER NOT NULL,
              evidence TEXT NOT NULL,
              cue TEXT NOT NULL,
              date TEXT,
              date_precision TEXT,
              modality TEXT NOT NULL DEFAULT 'asserted',
              attribution TEXT,
              confidence REAL NOT NULL,
              rule TEXT NOT NULL,
              status TEXT NOT NULL DEFAULT 'auto',
              CHECK ((target_entity IS NULL) <> (target_issue IS NULL))
            );
            CREATE INDEX stance_target ON stance(target_entity, polarity, holder);
            CREATE INDEX stance_holder ON stance(holder, polarity, target_entity);
            CREATE INDEX stance_issue ON stance(target_issue, polarity, holder);
            CREATE INDEX stance_topic ON stance(topic, polarity, holder, target_entity);
            CREATE INDEX stance_topic_date ON stance(topic, date, polarity);
            CREATE INDEX stance_article ON stance(article);
            -- Undirected, de-duplicated neighbourhood for shortest paths. Nodes are entity ids;
            -- issues are stored as negative ids (-issue.id). Kept up to date by a trigger so that
            -- every write path (ingest, import) maintains it.
            CREATE TABLE adjacency (
              a INTEGER NOT NULL,
              b INTEGER NOT NULL,
              PRIMARY KEY (a, b)
            ) WITHOUT ROWID;
            CREATE TRIGGER stance_adjacency AFTER INSERT ON stance BEGIN
              INSERT OR IGNORE INTO adjacency(a, b)
                VALUES (NEW.holder, COALESCE(NEW.target_entity, -NEW.target_issue));
              INSERT OR IGNORE INTO adjacency(a, b)
                VALUES (COALESCE(NEW.target_entity, -NEW.target_issue), NEW.holder);
            END;
            CREATE TRIGGER stance_adjacency_delete AFTER DELETE ON stance
            WHEN NOT EXISTS (SELECT 1 FROM stance
                             WHERE (holder = OLD.holder AND target_entity IS OLD.target_entity
                                    AND target_issue IS OLD.target_issue)
                                OR (OLD.target_entity IS NOT NULL AND holder = OLD.target_entity
                                    AND target_entity = OLD.holder))
            BEGIN
              DELETE FROM adjacency WHERE (a = OLD.holder AND b = COALESCE(OLD.target_entity, -OLD.target_issue))
                                       OR (b = OLD.holder AND a = COALESCE(OLD.target_entity, -OLD.target_issue));
            END;
            CREATE TABLE curation (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              action TEXT NOT NULL,
              payload TEXT NOT NULL
            );
            """)
        }
        m.registerMigration("v2-query") { db in
            // Covering indexes for the query language's hot paths (see docs/QUERY.md, benchmark):
            // who opposes X streams (target, polarity, asserted) in holder order without touching
            // the table; timelines read (topic | target issue, date) ranges from the index alone.
            try db.execute(sql: """
            DROP INDEX stance_target;
            CREATE INDEX stance_target ON stance(target_entity, polarity, modality, holder, status, date);
            DROP INDEX stance_topic_date;
            CREATE INDEX stance_topic_date ON stance(topic, date, polarity, modality, status, holder);
            CREATE INDEX stance_issue_date ON stance(target_issue, date, polarity, modality, status, holder, topic);
            """)
        }
        m.registerMigration("v3-curation") { db in
            // An alias an analyst tied to an actor (a merged actor's name, a renamed actor's old
            // name). Ingest and import resolve such a name to that actor whatever its kind and
            // whoever else shares it, so that curations survive later articles.
            try db.execute(sql: "ALTER TABLE alias ADD COLUMN curated INTEGER NOT NULL DEFAULT 0")
        }
        return m
    }
}
