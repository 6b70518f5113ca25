// The PostgreSQL store (node-postgres): same tables as SQLite; accent-insensitive full text through
// a tsvector of the folded text ('simple' configuration: no stemming, as FTS5 unicode61).
import pg from 'pg';
import { SqlStore, type Migration, type Queryer } from './sql.js';
import type { Rows } from './rows.js';
import { fold } from '../text/normalize.js';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, actors, entities, quotes, reports, full-text indexes',
    statements: [
      `CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT, language TEXT, length INTEGER NOT NULL,
        origin TEXT, ingested_at TEXT NOT NULL, text TEXT NOT NULL, analysis TEXT NOT NULL,
        n_entities INTEGER NOT NULL, n_quotes INTEGER NOT NULL, n_events INTEGER NOT NULL, tsv tsvector)`,
      'CREATE INDEX documents_published ON documents (published)',
      'CREATE INDEX documents_tsv ON documents USING gin (tsv)',
      'CREATE TABLE actors (key TEXT PRIMARY KEY, name TEXT NOT NULL, name_folded TEXT NOT NULL, type TEXT NOT NULL, actor TEXT, country TEXT, code TEXT)',
      'CREATE INDEX actors_actor ON actors (actor)',
      'CREATE INDEX actors_name ON actors (name_folded)',
      'CREATE INDEX actors_country ON actors (country)',
      `CREATE TABLE entities (doc TEXT NOT NULL, eid TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, actor TEXT,
        country TEXT, role TEXT, code TEXT, mentions INTEGER NOT NULL, published TEXT, PRIMARY KEY (doc, eid))`,
      'CREATE INDEX entities_key ON entities (key)',
      'CREATE INDEX entities_country ON entities (country)',
      `CREATE TABLE quotes (doc TEXT NOT NULL, qid TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker_key TEXT, cue TEXT,
        language TEXT, channel TEXT, q_start INTEGER NOT NULL, q_end INTEGER NOT NULL, published TEXT, tsv tsvector, PRIMARY KEY (doc, qid))`,
      'CREATE INDEX quotes_speaker ON quotes (speaker_key)',
      'CREATE INDEX quotes_published ON quotes (published)',
      'CREATE INDEX quotes_tsv ON quotes USING gin (tsv)',
      `CREATE TABLE reports (doc TEXT NOT NULL, vid TEXT NOT NULL, story TEXT NOT NULL, story_key TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL,
        quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL, date TEXT, src_key TEXT, tgt_key TEXT, src_country TEXT, tgt_country TEXT,
        modality TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL, ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, evidence TEXT NOT NULL,
        is_root INTEGER NOT NULL, PRIMARY KEY (doc, vid))`,
      'CREATE INDEX reports_story ON reports (story)',
      'CREATE INDEX reports_src ON reports (src_key)',
      'CREATE INDEX reports_tgt ON reports (tgt_key)',
      'CREATE INDEX reports_date ON reports (date)',
      'CREATE INDEX reports_code ON reports (code text_pattern_ops)',
      'CREATE INDEX reports_countries ON reports (src_country, tgt_country)',
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
];

/** connections per store by default (`readout worker` uses 2: see its --pool) */
export const DEFAULT_POOL_SIZE = 4;

/** `?` placeholders → `$1, $2…` (our SQL never holds a literal question mark). */
function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

function queryer(c: pg.Pool | pg.PoolClient): Queryer {
  return {
    all: async (sql, params = []) => (await c.query(numbered(sql), params as unknown[])).rows,
    run: async (sql, params = []) => (await c.query(numbered(sql), params as unknown[])).rowCount ?? 0,
  };
}

export class PostgresStore extends SqlStore {
  readonly backend = 'postgres' as const;
  readonly pool: pg.Pool;
  protected q: Queryer;

  readonly schema: string | null;

  /** `?schema=NAME` in the URL (or opts.schema) keeps the tables in their own schema; `?pool=N` (or opts.poolSize) bounds the connections */
  constructor(
    readonly url: string,
    opts: { schema?: string; poolSize?: number } = {},
  ) {
    super();
    const u = new URL(url);
    const schema = opts.schema ?? u.searchParams.get('schema');
    u.searchParams.delete('schema');
    const poolSize = opts.poolSize ?? (u.searchParams.has('pool') ? Number(u.searchParams.get('pool')) : DEFAULT_POOL_SIZE);
    u.searchParams.delete('pool');
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`invalid pool size: ${poolSize} (a positive integer)`);
    if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    this.schema = schema ?? null;
    this.pool = new pg.Pool({ connectionString: u.toString(), max: poolSize, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    this.pool.on('error', () => undefined); // an idle client lost: the next query reports it
    this.q = queryer(this.pool);
  }

  async init(): Promise<void> {
    // two processes migrating at once: the advisory lock makes the second wait
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(727274)');
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await super.init();
    } finally {
      await c.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
      c.release();
    }
  }

  protected async tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(queryer(c));
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  protected migrations(): Migration[] {
    return MIGRATIONS;
  }

  protected docMatch(): string {
    return "SELECT id FROM documents WHERE tsv @@ to_tsquery('simple', ?)";
  }

  protected quoteMatch(): string {
    return "q.tsv @@ to_tsquery('simple', ?)";
  }

  protected ftsQuery(words: string[]): string {
    // words are already folded and stripped of punctuation; quote each as a tsquery lexeme
    // a word with inner apostrophes or hyphens (l'ambassade, porte-parole) is a phrase, as in FTS5
    const parts = words
      .map((w) =>
        w
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .map((p) => `'${p}'`)
          .join(' <-> '),
      )
      .filter(Boolean);
    return parts.length ? parts.join(' & ') : "''";
  }

  protected async insertFts(q: Queryer, rows: Rows): Promise<void> {
    await q.run("UPDATE documents SET tsv = to_tsvector('simple', ?) WHERE id = ?", [
      tsText(fold(rows.doc.title ?? '') + '\n' + fold(rows.doc.text)),
      rows.doc.id,
    ]);
    if (!rows.quotes.length) return;
    // every quote of the document in one statement
    await q.run(
      "UPDATE quotes SET tsv = to_tsvector('simple', v.t) FROM (SELECT unnest(?::text[]) AS qid, unnest(?::text[]) AS t) v WHERE quotes.doc = ? AND quotes.qid = v.qid",
      [rows.quotes.map((r) => r.qid), rows.quotes.map((r) => tsText(fold(r.text))), rows.doc.id],
    );
  }

  protected async deleteFts(): Promise<void> {
    /* the tsvector columns go with their rows */
  }

  /** drop the schema and everything in it (tests) */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** the same word boundaries as FTS5's unicode61: letters and digits only */
function tsText(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').slice(0, 900_000);
}
