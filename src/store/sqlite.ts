// The embedded store: better-sqlite3 in WAL mode, FTS5 that ignores accents, versioned migrations.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqlStore, type Migration, type Queryer } from './sql.js';
import type { Rows } from './rows.js';

const FTS = "tokenize = 'unicode61 remove_diacritics 2'";

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, actors, entities, quotes, reports, full-text indexes',
    statements: [
      `CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT, language TEXT, length INTEGER NOT NULL,
        origin TEXT, ingested_at TEXT NOT NULL, text TEXT NOT NULL, analysis TEXT NOT NULL,
        n_entities INTEGER NOT NULL, n_quotes INTEGER NOT NULL, n_events INTEGER NOT NULL)`,
      'CREATE INDEX documents_published ON documents (published)',
      'CREATE TABLE actors (key TEXT PRIMARY KEY, name TEXT NOT NULL, name_folded TEXT NOT NULL, type TEXT NOT NULL, actor TEXT, country TEXT, code TEXT)',
      'CREATE INDEX actors_actor ON actors (actor)',
      'CREATE INDEX actors_name ON actors (name_folded)',
      'CREATE INDEX actors_country ON actors (country)',
      `CREATE TABLE entities (doc TEXT NOT NULL, eid TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, actor TEXT,
        country TEXT, role TEXT, code TEXT, mentions INTEGER NOT NULL, published TEXT, PRIMARY KEY (doc, eid))`,
      'CREATE INDEX entities_key ON entities (key)',
      'CREATE INDEX entities_country ON entities (country)',
      `CREATE TABLE quotes (doc TEXT NOT NULL, qid TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker_key TEXT, cue TEXT,
        language TEXT, channel TEXT, q_start INTEGER NOT NULL, q_end INTEGER NOT NULL, published TEXT, PRIMARY KEY (doc, qid))`,
      'CREATE INDEX quotes_speaker ON quotes (speaker_key)',
      'CREATE INDEX quotes_published ON quotes (published)',
      `CREATE TABLE reports (doc TEXT NOT NULL, vid TEXT NOT NULL, story TEXT NOT NULL, story_key TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL,
        quad INTEGER NOT NULL, goldstein REAL NOT NULL, date TEXT, src_key TEXT, tgt_key TEXT, src_country TEXT, tgt_country TEXT,
        modality TEXT NOT NULL, confidence REAL NOT NULL, ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, evidence TEXT NOT NULL,
        is_root INTEGER NOT NULL, PRIMARY KEY (doc, vid))`,
      'CREATE INDEX reports_story ON reports (story)',
      'CREATE INDEX reports_src ON reports (src_key)',
      'CREATE INDEX reports_tgt ON reports (tgt_key)',
      'CREATE INDEX reports_date ON reports (date)',
      'CREATE INDEX reports_code ON reports (code)',
      'CREATE INDEX reports_countries ON reports (src_country, tgt_country)',
      `CREATE VIRTUAL TABLE documents_fts USING fts5 (id UNINDEXED, title, text, ${FTS})`,
      `CREATE VIRTUAL TABLE quotes_fts USING fts5 (doc UNINDEXED, qid UNINDEXED, text, ${FTS})`,
    ],
  },
  {
    version: 2,
    name: 'content hashes, ingest failures',
    statements: [
      'ALTER TABLE documents ADD COLUMN hash TEXT',
      'CREATE TABLE ingest_failures (origin TEXT PRIMARY KEY, file TEXT, line INTEGER, error TEXT NOT NULL, at TEXT NOT NULL)',
    ],
  },
  {
    version: 3,
    name: 'contentless full-text indexes: the text is kept once, in documents and quotes',
    statements: [
      'ALTER TABLE documents ADD COLUMN fts INTEGER',
      'UPDATE documents SET fts = rowid',
      'CREATE UNIQUE INDEX documents_fts_key ON documents (fts)',
      'ALTER TABLE quotes ADD COLUMN fts INTEGER',
      'UPDATE quotes SET fts = rowid',
      'CREATE UNIQUE INDEX quotes_fts_key ON quotes (fts)',
      'DROP TABLE documents_fts',
      'DROP TABLE quotes_fts',
      `CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = '', contentless_delete = 1, ${FTS})`,
      `CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = '', contentless_delete = 1, ${FTS})`,
      "INSERT INTO documents_fts (rowid, title, text) SELECT fts, COALESCE(title, ''), text FROM documents",
      'INSERT INTO quotes_fts (rowid, text) SELECT fts, text FROM quotes',
    ],
  },
  {
    version: 4,
    name: 'compact detail tables: entity_rows, quote_rows, report_rows keyed by the document number; views keep the old tables',
    statements: [
      // entities, quotes and reports name their document by its number (documents.fts) rather than
      // its 16-character id and take its date from it; the views entities, quotes and reports give
      // the same rows and columns as the tables they replace, to any SQLite client
      `CREATE TABLE entity_rows (d INTEGER NOT NULL, eid TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, actor TEXT,
        country TEXT, role TEXT, code TEXT, mentions INTEGER NOT NULL, PRIMARY KEY (d, eid)) WITHOUT ROWID`,
      `INSERT INTO entity_rows SELECT d.fts, e.eid, e.key, e.type, e.name, e.actor, e.country, e.role, e.code, e.mentions
        FROM entities e JOIN documents d ON d.id = e.doc ORDER BY d.fts, e.eid`,
      'DROP TABLE entities',
      'CREATE INDEX entity_rows_key ON entity_rows (key)',
      'CREATE INDEX entity_rows_country ON entity_rows (country)',
      `CREATE VIEW entities AS SELECT d.id AS doc, e.eid, e.key, e.type, e.name, e.actor, e.country, e.role, e.code, e.mentions, d.published
        FROM entity_rows e JOIN documents d ON d.fts = e.d`,
      `CREATE TABLE quote_rows (fts INTEGER PRIMARY KEY, d INTEGER NOT NULL, qid TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker_key TEXT, cue TEXT,
        language TEXT, channel TEXT, q_start INTEGER NOT NULL, q_end INTEGER NOT NULL)`,
      `INSERT INTO quote_rows SELECT q.fts, d.fts, q.qid, q.text, q.kind,
        q.speaker_key, q.cue, q.language, q.channel, q.q_start, q.q_end FROM quotes q JOIN documents d ON d.id = q.doc ORDER BY q.fts`,
      'DROP TABLE quotes',
      'CREATE UNIQUE INDEX quote_rows_doc ON quote_rows (d, qid)',
      'CREATE INDEX quote_rows_speaker ON quote_rows (speaker_key)',
      `CREATE VIEW quotes AS SELECT d.id AS doc, q.qid, q.text, q.kind, q.speaker_key, q.cue,
        q.language, q.channel, q.q_start, q.q_end, d.published, q.fts FROM quote_rows q JOIN documents d ON d.fts = q.d`,
      `CREATE TABLE report_rows (d INTEGER NOT NULL, vid TEXT NOT NULL, story TEXT NOT NULL, story_key TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL,
        quad INTEGER NOT NULL, goldstein REAL NOT NULL, date TEXT, src_key TEXT, tgt_key TEXT, src_country TEXT, tgt_country TEXT,
        modality TEXT NOT NULL, confidence REAL NOT NULL, ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, evidence TEXT NOT NULL,
        is_root INTEGER NOT NULL, PRIMARY KEY (d, vid)) WITHOUT ROWID`,
      `INSERT INTO report_rows SELECT d.fts, r.vid, r.story, r.story_key, r.code, r.root, r.quad, r.goldstein, r.date, r.src_key, r.tgt_key,
        r.src_country, r.tgt_country, r.modality, r.confidence, r.ev_start, r.ev_end, r.evidence, r.is_root
        FROM reports r JOIN documents d ON d.id = r.doc ORDER BY d.fts, r.vid`,
      'DROP TABLE reports',
      // reports_code is gone: `code LIKE ?` (case-insensitive LIKE on a BINARY column) never used it
      'CREATE INDEX report_rows_story ON report_rows (story)',
      'CREATE INDEX report_rows_src ON report_rows (src_key)',
      'CREATE INDEX report_rows_tgt ON report_rows (tgt_key)',
      'CREATE INDEX report_rows_date ON report_rows (date)',
      'CREATE INDEX report_rows_countries ON report_rows (src_country, tgt_country)',
      `CREATE VIEW reports AS SELECT d.id AS doc, r.vid, r.story, r.story_key, r.code, r.root, r.quad, r.goldstein, r.date, r.src_key, r.tgt_key,
        r.src_country, r.tgt_country, r.modality, r.confidence, r.ev_start, r.ev_end, r.evidence, r.is_root
        FROM report_rows r JOIN documents d ON d.fts = r.d`,
    ],
  },
];

/** the last write transaction queued on each database file of this process */
const WRITERS = new Map<string, Promise<void>>();

export class SqliteStore extends SqlStore {
  readonly backend = 'sqlite' as const;
  override readonly compressAnalyses = true;
  protected override readonly ftsRowKeys = true;
  protected override readonly quoteKeyTable: string = 'quote_rows';
  readonly db: Database.Database;
  private stmts = new Map<string, Database.Statement>();
  protected q: Queryer;

  private readonly lockKey: string;

  constructor(
    readonly path: string,
    opts: { readonly?: boolean } = {},
  ) {
    super();
    this.lockKey = path === ':memory:' ? `:memory:${Math.random()}` : resolve(path);
    this.db = new Database(path, { readonly: opts.readonly ?? false });
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    const stmt = (sql: string) => {
      let s = this.stmts.get(sql);
      if (!s) {
        s = this.db.prepare(sql);
        if (this.stmts.size > 500) this.stmts.clear();
        this.stmts.set(sql, s);
      }
      return s;
    };
    this.q = {
      all: async (sql, params = []) => stmt(sql).all(...params) as any[],
      run: async (sql, params = []) => {
        if (!params.length && /^\s*(CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK)/i.test(sql)) {
          this.db.exec(sql);
          return 0;
        }
        return stmt(sql).run(...params).changes;
      },
    };
  }

  /**
   * One write transaction. Two stores on the same file in one process take turns here (SQLite's
   * busy wait would block the only thread while the other store's transaction waits for it);
   * other processes wait on SQLite's lock (busy_timeout).
   */
  protected tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T> {
    const key = this.lockKey;
    const run = (WRITERS.get(key) ?? Promise.resolve()).then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.q);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    WRITERS.set(key, tail);
    void tail.then(() => {
      if (WRITERS.get(key) === tail) WRITERS.delete(key);
    });
    return run;
  }

  protected migrations(): Migration[] {
    return MIGRATIONS;
  }

  protected docMatch(): string {
    return 'SELECT id FROM documents WHERE fts IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)';
  }

  protected quoteMatch(): string {
    return 'q.fts IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)';
  }

  protected ftsQuery(words: string[]): string {
    // every word, each as a quoted string (no FTS5 syntax from users); a trailing * keeps prefixes
    return words.map((w) => (w.endsWith('*') ? `"${w.slice(0, -1).replace(/"/g, '')}"*` : `"${w.replace(/"/g, '')}"`)).join(' AND ');
  }

  protected async insertFts(q: Queryer, rows: Rows, keys: { doc: number; quotes: number[] }): Promise<void> {
    await q.run('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)', [keys.doc, rows.doc.title ?? '', rows.doc.text]);
    for (const [i, r] of rows.quotes.entries()) await q.run('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)', [keys.quotes[i], r.text]);
  }

  protected async deleteFts(q: Queryer, id: string): Promise<void> {
    await q.run('DELETE FROM documents_fts WHERE rowid IN (SELECT fts FROM documents WHERE id = ?)', [id]);
    await q.run('DELETE FROM quotes_fts WHERE rowid IN (SELECT fts FROM quotes WHERE doc = ?)', [id]);
  }

  /** rows of the compact tables of migration 4: the document by its number */
  protected override async insertDetails(q: Queryer, fresh: Rows[], docKeys: number[], quoteKeys: number[][]): Promise<void> {
    const byDoc = (i: number) => ({ d: docKeys[i]! });
    await this.insertMany(
      q,
      'entity_rows',
      ['d', 'eid', 'key', 'type', 'name', 'actor', 'country', 'role', 'code', 'mentions'],
      fresh.flatMap((r, i) => r.entities.map((e) => ({ ...e, ...byDoc(i) }))),
    );
    await this.insertMany(
      q,
      'quote_rows',
      ['fts', 'd', 'qid', 'text', 'kind', 'speaker_key', 'cue', 'language', 'channel', 'q_start', 'q_end'],
      fresh.flatMap((r, i) => r.quotes.map((x, j) => ({ ...x, ...byDoc(i), fts: quoteKeys[i]![j] }))),
    );
    const reportCols = ['d', 'vid', 'story', 'story_key', 'code', 'root', 'quad', 'goldstein', 'date', 'src_key', 'tgt_key', 'src_country', 'tgt_country'];
    await this.insertMany(
      q,
      'report_rows',
      [...reportCols, 'modality', 'confidence', 'ev_start', 'ev_end', 'evidence', 'is_root'],
      fresh.flatMap((r, i) => r.reports.map((x) => ({ ...x, ...byDoc(i) }))),
    );
  }

  protected override async deleteDetails(q: Queryer, id: string): Promise<void> {
    for (const t of ['report_rows', 'quote_rows', 'entity_rows']) await q.run(`DELETE FROM ${t} WHERE d IN (SELECT fts FROM documents WHERE id = ?)`, [id]);
  }

  async close(): Promise<void> {
    this.stmts.clear();
    if (this.db.open) this.db.close();
  }
}
