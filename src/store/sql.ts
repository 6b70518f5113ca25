// What both backends share: the schema's shape, every query (written with `?` placeholders; the
// PostgreSQL backend renumbers them), story events, export. A backend supplies a connection, a
// transaction, its migrations and its full-text conditions.
import type { Analysis, Article, EntityType } from '../analysis.js';
import { fold } from '../text/normalize.js';
import { parseHeader } from '../ingest/header.js';
import {
  IdCollisionError,
  goldsteinOf,
  parseAnalysis,
  storedText,
  labelOf,
  quadOf,
  queryWords,
  toRows,
  upperBound,
  type ActorRow,
  type ReportRow,
  type Rows,
} from './rows.js';
import type {
  ActorProfile,
  ActorRef,
  ActorSummary,
  DocumentHit,
  Dyad,
  ExportRow,
  ExportWhat,
  Filter,
  MonthCount,
  Page,
  IngestFailure,
  PutOptions,
  PutResult,
  QuoteRow,
  Report,
  Store,
  StoreStats,
  StoredDocument,
  StoryEvent,
} from './types.js';
import { DEFAULT_MODALITY, storyModality, type ModalityFilter } from './modality.js';

export interface Queryer {
  all<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** resolves with the number of rows changed */
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

type Cond = { sql: string; params: unknown[] };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const marks = (n: number) => Array(n).fill('?').join(',');

export abstract class SqlStore implements Store {
  abstract readonly backend: 'sqlite' | 'postgres';
  protected abstract q: Queryer;
  protected abstract tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T>;
  protected abstract migrations(): Migration[];
  /** SQL selecting the ids of documents whose text matches (one `?` bound to ftsQuery(words)) */
  protected abstract docMatch(): string;
  /** a condition on quotes alias q whose text matches (one `?`) */
  protected abstract quoteMatch(): string;
  protected abstract ftsQuery(words: string[]): string;
  /** the full-text rows of one new document; keys: its documents.fts and quotes.fts numbers (when ftsRowKeys) */
  protected abstract insertFts(q: Queryer, rows: Rows, keys: { doc: number; quotes: number[] }): Promise<void>;
  protected abstract deleteFts(q: Queryer, id: string): Promise<void>;
  abstract close(): Promise<void>;

  private chain: Promise<unknown> = Promise.resolve();
  /**
   * documents and quotes carry an integer `fts` column, the rowid of their row in a contentless
   * full-text index (SQLite: the text is not stored twice)
   */
  protected readonly ftsRowKeys: boolean = false;
  /** the table whose `fts` column numbers the quotes' full-text rows */
  protected readonly quoteKeyTable: string = 'quotes';
  /** whether rows for this store carry the analysis deflated (see toRows) */
  readonly compressAnalyses: boolean = false;

  async init(): Promise<void> {
    await this.q.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await this.q.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => num(r.version)));
    for (const m of this.migrations()) {
      if (done.has(m.version)) continue;
      await this.tx(async (q) => {
        for (const s of m.statements) await q.run(s);
        await q.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      });
    }
  }

  async schemaVersion(): Promise<number> {
    const r = await this.q.all('SELECT MAX(version) AS v FROM schema_migrations');
    return num(r[0]?.v);
  }

  // ---- writing ----

  putDocument(article: Article & { origin?: string | null }, analysis: Analysis, opts: PutOptions = {}): Promise<PutResult> {
    return this.serial(async () => {
      const [r] = await this.putBatch([toRows(article, analysis, undefined, { compress: this.compressAnalyses })], opts);
      return r!;
    });
  }

  /**
   * Many documents, already turned into rows (ingest workers build them), in one transaction.
   * A batch that fails (a bad row, a deadlock between two writers) is retried one document per
   * transaction, so that one bad document never loses the others: its slot holds the Error.
   */
  putRows(batch: Rows[], opts: PutOptions = {}): Promise<(PutResult | Error)[]> {
    return this.serial(async () => {
      if (!batch.length) return [];
      try {
        return await this.putBatch(batch, opts);
      } catch (e) {
        if (batch.length === 1) return [asError(e)];
        const out: (PutResult | Error)[] = [];
        for (const rows of batch) out.push(await this.putBatch([rows], opts).then((r) => r[0]!, asError));
        return out;
      }
    });
  }

  /** one write at a time per store: each is one transaction, and actor upserts never interleave */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * One transaction: documents first (`ON CONFLICT (id) DO NOTHING`, so that a document another
   * writer stored a moment ago is `unchanged`, not a duplicate-key error), in id order; then the
   * actors of the new documents in key order (two writers always lock rows in the same order: no
   * deadlock); then their entities, quotes, events and full-text rows.
   */
  private async putBatch(batch: Rows[], opts: PutOptions): Promise<PutResult[]> {
    const order = batch.map((_, i) => i).sort((a, b) => (batch[a]!.doc.id < batch[b]!.doc.id ? -1 : batch[a]!.doc.id > batch[b]!.doc.id ? 1 : a - b));
    return this.tx(async (q) => {
      const out: PutResult[] = new Array(batch.length);
      const fresh: Rows[] = [];
      const docKeys: number[] = [];
      const nextKey = async (table: string) => (this.ftsRowKeys ? num((await q.all(`SELECT COALESCE(MAX(fts), 0) + 1 AS n FROM ${table}`))[0]?.n) : 0);
      let docKey = await nextKey('documents');
      const seen = new Set<string>();
      for (const i of order) {
        const rows = batch[i]!;
        const d = rows.doc;
        if (seen.has(d.id)) {
          out[i] = 'unchanged';
          continue;
        }
        seen.add(d.id);
        let replaced = false;
        if (opts.force) replaced = await this.deleteRows(q, d.id);
        const key = this.ftsRowKeys ? [docKey] : [];
        const inserted = await q.run(
          `INSERT INTO documents (id, title, source, url, published, language, length, origin, ingested_at, text, hash, analysis, n_entities, n_quotes, n_events${key.length ? ', fts' : ''}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?${key.length ? ',?' : ''}) ON CONFLICT (id) DO NOTHING`,
          [
            d.id,
            d.title,
            d.source,
            d.url,
            d.published,
            d.language,
            d.length,
            d.origin,
            d.ingested_at,
            bytes(d.text_z ?? d.text),
            d.hash,
            bytes(d.analysis),
            d.n_entities,
            d.n_quotes,
            d.n_events,
            ...key,
          ],
        );
        if (!inserted) {
          const [old] = await q.all<{ hash: string | null }>('SELECT hash FROM documents WHERE id = ?', [d.id]);
          if (old?.hash && old.hash !== d.hash) throw new IdCollisionError(d.id);
          out[i] = 'unchanged';
          continue;
        }
        out[i] = replaced ? 'replaced' : 'stored';
        fresh.push(rows);
        docKeys.push(docKey++);
      }
      const actors = new Map<string, ActorRow>();
      // two documents of one batch naming the same actor differently: the smallest values win, as across batches
      for (const rows of fresh)
        for (const a of rows.actors) {
          const cur = actors.get(a.key);
          if (cur) mergeSmallest(cur, a);
          else actors.set(a.key, { ...a });
        }
      // deterministic whatever the order documents arrive in: each column keeps its smallest value
      const keep = (c: string) =>
        `${c} = CASE WHEN actors.${c} IS NULL OR (excluded.${c} IS NOT NULL AND excluded.${c} < actors.${c}) THEN excluded.${c} ELSE actors.${c} END`;
      for (const key of [...actors.keys()].sort()) {
        const a = actors.get(key)!;
        await q.run(
          `INSERT INTO actors (key, name, name_folded, type, actor, country, code) VALUES (?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET ${['name', 'country', 'code'].map(keep).join(', ')}, name_folded = CASE WHEN excluded.name < actors.name THEN excluded.name_folded ELSE actors.name_folded END`,
          [a.key, a.name, a.name_folded, a.type, a.actor, a.country, a.code],
        );
      }
      let quoteKey = await nextKey(this.quoteKeyTable);
      const quoteKeys = fresh.map((r) => r.quotes.map(() => quoteKey++));
      await this.insertDetails(q, fresh, docKeys, quoteKeys);
      for (const [i, rows] of fresh.entries()) await this.insertFts(q, rows, { doc: docKeys[i]!, quotes: quoteKeys[i]! });
      return out;
    });
  }

  /**
   * The entities, quotes and events of new documents (docKeys, quoteKeys: their full-text row
   * numbers, when ftsRowKeys). A backend with tables of another shape overrides it.
   */
  protected async insertDetails(q: Queryer, fresh: Rows[], _docKeys: number[], quoteKeys: number[][]): Promise<void> {
    await this.insertMany(
      q,
      'entities',
      ['doc', 'eid', 'key', 'type', 'name', 'actor', 'country', 'role', 'code', 'mentions', 'published'],
      fresh.flatMap((r) => r.entities),
    );
    const quoteCols = ['doc', 'qid', 'text', 'kind', 'speaker_key', 'cue', 'language', 'channel', 'q_start', 'q_end', 'published'];
    await this.insertMany(
      q,
      'quotes',
      this.ftsRowKeys ? [...quoteCols, 'fts'] : quoteCols,
      fresh.flatMap((r, i) => r.quotes.map((x, j) => ({ ...x, fts: quoteKeys[i]![j] }))),
    );
    await this.insertMany(
      q,
      'reports',
      [
        'doc',
        'vid',
        'story',
        'story_key',
        'code',
        'root',
        'quad',
        'goldstein',
        'date',
        'src_key',
        'tgt_key',
        'src_country',
        'tgt_country',
        'modality',
        'confidence',
        'ev_start',
        'ev_end',
        'evidence',
        'is_root',
      ],
      fresh.flatMap((r) => r.reports),
    );
  }

  /** Per-article failures of an ingest, kept in the store so that a batch never stops for one bad article. */
  recordFailures(failures: IngestFailure[]): Promise<void> {
    if (!failures.length) return Promise.resolve();
    const at = new Date().toISOString();
    // one row per origin: a shard that runs again records its bad lines again, not twice
    const rows = [...new Map(failures.map((f) => [f.origin, { ...f, at: f.at ?? at }])).values()];
    return this.serial(() =>
      this.tx(async (q) => {
        for (const f of rows) {
          await q.run(
            'INSERT INTO ingest_failures (origin, file, line, error, at) VALUES (?,?,?,?,?) ON CONFLICT (origin) DO UPDATE SET file = excluded.file, line = excluded.line, error = excluded.error, at = excluded.at',
            [f.origin, f.file, f.line, f.error, f.at],
          );
        }
      }),
    );
  }

  async failures(limit = 1000): Promise<IngestFailure[]> {
    const rows = await this.q.all('SELECT origin, file, line, error, at FROM ingest_failures ORDER BY at, origin LIMIT ?', [limit]);
    return rows.map((r) => ({ origin: r.origin, file: r.file, line: numOrNull(r.line), error: r.error, at: r.at }));
  }

  protected async insertMany(q: Queryer, table: string, cols: string[], rows: object[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 50) {
      const chunk = rows.slice(i, i + 50);
      const values = chunk.map(() => `(${marks(cols.length)})`).join(',');
      await q.run(
        `INSERT INTO ${table} (${cols.join(',')}) VALUES ${values}`,
        chunk.flatMap((r) => cols.map((c) => (r as any)[c] ?? null)),
      );
    }
  }

  /** delete a document and its rows; false when it was not stored */
  private async deleteRows(q: Queryer, id: string): Promise<boolean> {
    await this.deleteFts(q, id); // first: it may find its rows through the document's and quotes' keys
    await this.deleteDetails(q, id);
    return (await q.run('DELETE FROM documents WHERE id = ?', [id])) > 0;
  }

  /** the entities, quotes and events of one document (a backend with tables of another shape overrides it) */
  protected async deleteDetails(q: Queryer, id: string): Promise<void> {
    for (const t of ['reports', 'quotes', 'entities']) await q.run(`DELETE FROM ${t} WHERE doc = ?`, [id]);
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.serial(() => this.tx((q) => this.deleteRows(q, id)));
  }

  // ---- documents ----

  async hasDocument(id: string): Promise<boolean> {
    return (await this.q.all('SELECT 1 AS x FROM documents WHERE id = ?', [id])).length > 0;
  }

  async hasDocuments(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      for (const r of await this.q.all<{ id: string }>(`SELECT id FROM documents WHERE id IN (${marks(part.length)})`, part)) found.add(r.id);
    }
    return found;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const [r] = await this.q.all('SELECT * FROM documents WHERE id = ?', [id]);
    if (!r) return null;
    const text = storedText(r.text);
    return { ...this.meta(r), text, analysis: parseAnalysis(r.analysis, text) };
  }

  private meta(r: any) {
    return {
      id: r.id,
      title: r.title,
      source: r.source,
      url: r.url,
      published: r.published,
      language: r.language,
      length: num(r.length),
      origin: r.origin,
      ingestedAt: r.ingested_at,
    };
  }

  async searchDocuments(filter: Filter): Promise<Page<DocumentHit>> {
    const { limit, offset } = page(filter);
    const conds: Cond[] = [];
    const words = filter.text ? queryWords(filter.text) : [];
    if (filter.text) conds.push(words.length ? { sql: `d.id IN (${this.docMatch()})`, params: [this.ftsQuery(words)] } : NONE);
    if (filter.from) conds.push({ sql: 'd.published >= ?', params: [filter.from] });
    if (filter.to) conds.push({ sql: 'd.published <= ?', params: [upperBound(filter.to)] });
    if (filter.language) conds.push({ sql: 'd.language = ?', params: [filter.language] });
    if (filter.actor) conds.push(inKeys('d.id IN (SELECT doc FROM entities WHERE key IN (%))', await this.resolveKeys(filter.actor)));
    if (filter.speaker) conds.push(inKeys('d.id IN (SELECT doc FROM quotes WHERE speaker_key IN (%))', await this.resolveKeys(filter.speaker)));
    if (filter.country) conds.push({ sql: 'd.id IN (SELECT doc FROM entities WHERE country = ?)', params: [filter.country.toUpperCase()] });
    if (filter.code) conds.push({ sql: `d.id IN (SELECT doc FROM reports WHERE code LIKE ? ESCAPE '\\')`, params: [likePrefix(filter.code)] });
    const w = where(conds);
    const total = num((await this.q.all(`SELECT COUNT(*) AS n FROM documents d ${w.sql}`, w.params))[0]?.n);
    const rows = await this.q.all(
      `SELECT d.id, d.title, d.source, d.url, d.published, d.language, d.length, d.origin, d.ingested_at, d.text, d.n_entities, d.n_quotes, d.n_events FROM documents d ${w.sql} ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return {
      total,
      limit,
      offset,
      items: rows.map((r) => ({
        ...this.meta(r),
        snippet: snippet(storedText(r.text), words),
        counts: { entities: num(r.n_entities), quotes: num(r.n_quotes), events: num(r.n_events) },
      })),
    };
  }

  // ---- actors ----

  /** An actor string → the actor keys it names: exact key or knowledge-base id, else exact name, else part of a name. */
  async resolveKeys(s: string): Promise<string[]> {
    const exact = await this.q.all<{ key: string }>('SELECT key FROM actors WHERE key = ? OR actor = ? ORDER BY key', [s, s]);
    if (exact.length) return exact.map((r) => r.key);
    const f = fold(s.trim());
    const named = await this.q.all<{ key: string }>('SELECT key FROM actors WHERE name_folded = ? ORDER BY key', [f]);
    if (named.length) return named.map((r) => r.key);
    const like = await this.q.all<{ key: string }>(`SELECT key FROM actors WHERE name_folded LIKE ? ESCAPE '\\' ORDER BY key LIMIT 200`, [likeContains(f)]);
    return like.map((r) => r.key);
  }

  private async refs(keys: (string | null)[]): Promise<Map<string, ActorRef>> {
    const uniq = [...new Set(keys.filter((k): k is string => !!k))];
    const out = new Map<string, ActorRef>();
    for (let i = 0; i < uniq.length; i += 500) {
      const part = uniq.slice(i, i + 500);
      for (const r of await this.q.all<ActorRow>(`SELECT * FROM actors WHERE key IN (${marks(part.length)})`, part)) out.set(r.key, toRef(r));
    }
    return out;
  }

  async actors(query: { q?: string; type?: EntityType; country?: string; limit?: number; offset?: number }): Promise<Page<ActorSummary>> {
    const { limit, offset } = page(query);
    const conds: Cond[] = [];
    if (query.q) {
      const f = fold(query.q.trim());
      conds.push({ sql: `(a.key = ? OR a.name_folded LIKE ? ESCAPE '\\')`, params: [query.q, likeContains(f)] });
    }
    if (query.type) conds.push({ sql: 'a.type = ?', params: [query.type] });
    if (query.country) conds.push({ sql: 'a.country = ?', params: [query.country.toUpperCase()] });
    const w = where(conds);
    const total = num(
      (
        await this.q.all(
          `SELECT COUNT(*) AS n FROM actors a ${w.sql ? w.sql + ' AND' : 'WHERE'} EXISTS (SELECT 1 FROM entities e WHERE e.key = a.key)`,
          w.params,
        )
      )[0]?.n,
    );
    const rows = await this.q.all(
      `SELECT a.key, a.name, a.type, a.actor, a.country, a.code, COUNT(DISTINCT e.doc) AS documents, SUM(e.mentions) AS mentions
       FROM actors a JOIN entities e ON e.key = a.key ${w.sql}
       GROUP BY a.key, a.name, a.type, a.actor, a.country, a.code ORDER BY documents DESC, a.key LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return { total, limit, offset, items: await this.summaries(rows) };
  }

  private async summaries(rows: any[], modality?: ModalityFilter): Promise<ActorSummary[]> {
    if (!rows.length) return [];
    const keys = rows.map((r) => r.key as string);
    const m = marks(keys.length);
    const mod = modalityCond(modality);
    const quotes = new Map(
      (await this.q.all(`SELECT speaker_key AS k, COUNT(*) AS n FROM quotes WHERE speaker_key IN (${m}) GROUP BY speaker_key`, keys)).map((r) => [
        r.k,
        num(r.n),
      ]),
    );
    const events = new Map(
      (
        await this.q.all(
          `SELECT k, COUNT(DISTINCT story) AS n FROM (SELECT src_key AS k, story FROM reports r WHERE src_key IN (${m}) AND ${mod.sql} UNION ALL SELECT tgt_key AS k, story FROM reports r WHERE tgt_key IN (${m}) AND ${mod.sql}) x GROUP BY k`,
          [...keys, ...mod.params, ...keys, ...mod.params],
        )
      ).map((r) => [r.k, num(r.n)]),
    );
    return rows.map((r) => ({
      ...toRef(r),
      documents: num(r.documents),
      mentions: num(r.mentions),
      quotes: quotes.get(r.key) ?? 0,
      events: events.get(r.key) ?? 0,
    }));
  }

  async actor(key: string, opts: { modality?: ModalityFilter } = {}): Promise<ActorProfile | null> {
    let keys = (await this.q.all<{ key: string }>('SELECT key FROM actors WHERE key = ? OR actor = ? ORDER BY key', [key, key])).map((r) => r.key);
    if (!keys.length) keys = (await this.resolveKeys(key)).slice(0, 1);
    const k = keys[0];
    if (!k) return null;
    const rows = await this.q.all(
      `SELECT a.key, a.name, a.type, a.actor, a.country, a.code, COUNT(DISTINCT e.doc) AS documents, SUM(e.mentions) AS mentions
       FROM actors a LEFT JOIN entities e ON e.key = a.key WHERE a.key = ? GROUP BY a.key, a.name, a.type, a.actor, a.country, a.code`,
      [k],
    );
    const [summary] = await this.summaries(rows, opts.modality);
    if (!summary) return null;
    const mod = modalityCond(opts.modality);
    const roles = (
      await this.q.all(
        'SELECT role, country, MIN(published) AS f, MAX(published) AS t FROM entities WHERE key = ? AND role IS NOT NULL GROUP BY role, country ORDER BY f, role',
        [k],
      )
    ).map((r) => ({ role: r.role, country: r.country, from: r.f, to: r.t }));
    const recentQuotes = (await this.quotesWhere([{ sql: 'q.speaker_key = ?', params: [k] }], 20, 0)).items;
    const inv: Cond = { sql: '(r.src_key = ? OR r.tgt_key = ?)', params: [k, k] };
    const timeline = await this.months([inv, mod]);
    const counterparts = await this.q.all(
      `SELECT other, COUNT(DISTINCT story) AS n, AVG(g) AS g FROM (SELECT CASE WHEN r.src_key = ? THEN r.tgt_key ELSE r.src_key END AS other, r.story AS story, r.goldstein AS g FROM reports r WHERE (r.src_key = ? OR r.tgt_key = ?) AND ${mod.sql}) x
       WHERE other IS NOT NULL AND other <> ? GROUP BY other ORDER BY n DESC, other LIMIT 20`,
      [k, k, k, ...mod.params, k],
    );
    const refs = await this.refs(counterparts.map((c) => c.other));
    return {
      ...summary,
      roles,
      recentQuotes,
      timeline,
      counterparts: counterparts.filter((c) => refs.has(c.other)).map((c) => ({ actor: refs.get(c.other)!, events: num(c.n), goldstein: numOrNull(c.g) })),
    };
  }

  /** story events per month and quad class, with their mean Goldstein value */
  private async months(conds: Cond[]): Promise<MonthCount[]> {
    const w = where([...conds, { sql: 'r.date IS NOT NULL', params: [] }]);
    const rows = await this.q.all(
      `SELECT month, quad, COUNT(*) AS n, SUM(g) AS g FROM (SELECT r.story AS story, MIN(substr(r.date, 1, 7)) AS month, MIN(r.quad) AS quad, AVG(r.goldstein) AS g FROM reports r ${w.sql} GROUP BY r.story) s GROUP BY month, quad ORDER BY month, quad`,
      w.params,
    );
    const out = new Map<string, MonthCount & { gsum: number }>();
    for (const r of rows) {
      let m = out.get(r.month);
      if (!m) out.set(r.month, (m = { month: r.month, events: 0, quad: [0, 0, 0, 0], goldstein: null, gsum: 0 }));
      const n = num(r.n);
      m.events += n;
      m.quad[Math.min(4, Math.max(1, num(r.quad))) - 1] += n;
      m.gsum += num(r.g);
    }
    return [...out.values()].map(({ gsum, ...m }) => ({ ...m, goldstein: m.events ? round(gsum / m.events) : null }));
  }

  async dyad(a: string, b: string, range: { from?: string; to?: string; modality?: ModalityFilter } = {}): Promise<Dyad> {
    const [ka, kb] = [await this.resolveKeys(a), await this.resolveKeys(b)];
    const refs = await this.refs([ka[0] ?? null, kb[0] ?? null]);
    const conds: Cond[] = [];
    if (!ka.length || !kb.length) conds.push(NONE);
    else {
      const ma = marks(ka.length),
        mb = marks(kb.length);
      conds.push({
        sql: `((r.src_key IN (${ma}) AND r.tgt_key IN (${mb})) OR (r.src_key IN (${mb}) AND r.tgt_key IN (${ma})))`,
        params: [...ka, ...kb, ...kb, ...ka],
      });
    }
    if (range.from) conds.push({ sql: 'r.date >= ?', params: [range.from] });
    if (range.to) conds.push({ sql: 'r.date <= ?', params: [upperBound(range.to)] });
    conds.push(modalityCond(range.modality));
    const months = await this.months(conds);
    const events = await this.storiesWhere(conds, 200, 0, range.modality);
    const total = events.total;
    const all = await this.q.all(
      `SELECT AVG(g) AS g FROM (SELECT AVG(r.goldstein) AS g FROM reports r ${where(conds).sql} GROUP BY r.story) s`,
      where(conds).params,
    );
    return {
      a: ka[0] ? (refs.get(ka[0]) ?? null) : null,
      b: kb[0] ? (refs.get(kb[0]) ?? null) : null,
      months,
      total,
      meanGoldstein: total ? round(num(all[0]?.g)) : null,
      events: events.items,
    };
  }

  // ---- events ----

  private async eventConds(filter: Filter): Promise<Cond[]> {
    const conds: Cond[] = [];
    if (filter.actor) {
      const keys = await this.resolveKeys(filter.actor);
      conds.push(keys.length ? { sql: `(r.src_key IN (${marks(keys.length)}) OR r.tgt_key IN (${marks(keys.length)}))`, params: [...keys, ...keys] } : NONE);
    }
    if (filter.speaker) conds.push(inKeys('r.doc IN (SELECT doc FROM quotes WHERE speaker_key IN (%))', await this.resolveKeys(filter.speaker)));
    const c = filter.country?.toUpperCase(),
      w = filter.with?.toUpperCase();
    if (c && w) conds.push({ sql: '((r.src_country = ? AND r.tgt_country = ?) OR (r.src_country = ? AND r.tgt_country = ?))', params: [c, w, w, c] });
    else if (c || w) conds.push({ sql: '(r.src_country = ? OR r.tgt_country = ?)', params: [c ?? w, c ?? w] });
    if (filter.code) conds.push({ sql: `r.code LIKE ? ESCAPE '\\'`, params: [likePrefix(filter.code.trim())] });
    if (filter.from) conds.push({ sql: 'r.date >= ?', params: [filter.from] });
    if (filter.to) conds.push({ sql: 'r.date <= ?', params: [upperBound(filter.to)] });
    if (filter.text) {
      const words = queryWords(filter.text);
      conds.push(words.length ? { sql: `r.doc IN (${this.docMatch()})`, params: [this.ftsQuery(words)] } : NONE);
    }
    if (filter.language) conds.push({ sql: 'r.doc IN (SELECT id FROM documents WHERE language = ?)', params: [filter.language] });
    conds.push(modalityCond(filter.modality));
    return conds;
  }

  async events(filter: Filter): Promise<Page<StoryEvent>> {
    const { limit, offset } = page(filter);
    return this.storiesWhere(await this.eventConds(filter), limit, offset, filter.modality);
  }

  async event(id: string): Promise<StoryEvent | null> {
    // one story asked for by its id: every report, whatever its modality
    return (await this.loadStories([id], 'all'))[0] ?? null;
  }

  private async storiesWhere(conds: Cond[], limit: number, offset: number, modality: ModalityFilter | undefined): Promise<Page<StoryEvent>> {
    const w = where(conds);
    const total = num((await this.q.all(`SELECT COUNT(DISTINCT r.story) AS n FROM reports r ${w.sql}`, w.params))[0]?.n);
    const ids = await this.q.all(
      `SELECT r.story AS story, MAX(r.date) AS date FROM reports r ${w.sql} GROUP BY r.story ORDER BY MAX(r.date) IS NULL, MAX(r.date) DESC, r.story LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return {
      total,
      limit,
      offset,
      items: await this.loadStories(
        ids.map((r) => r.story),
        modality,
      ),
    };
  }

  /** the story events with these ids, each with its reports of the modalities asked for, in the order of the ids */
  private async loadStories(ids: string[], modality: ModalityFilter | undefined): Promise<StoryEvent[]> {
    if (!ids.length) return [];
    const mod = modalityCond(modality);
    const rows = await this.q.all<
      ReportRow & { title: string | null; dsource: string | null; url: string | null; published: string | null; language: string | null; ingested_at: string }
    >(
      `SELECT r.*, d.title, d.source AS dsource, d.url, d.published, d.language, d.ingested_at FROM reports r JOIN documents d ON d.id = r.doc
       WHERE r.story IN (${marks(ids.length)}) AND ${mod.sql} ORDER BY d.published IS NULL, d.published, r.doc, r.ev_start, r.vid`,
      [...ids, ...mod.params],
    );
    const refs = await this.refs(rows.flatMap((r) => [r.src_key, r.tgt_key]));
    const by = new Map<string, typeof rows>();
    for (const r of rows) (by.get(r.story) ?? by.set(r.story, []).get(r.story)!).push(r);
    const out: StoryEvent[] = [];
    for (const id of ids) {
      const rs = by.get(id);
      if (!rs?.length) continue;
      const counts = new Map<string, number>();
      for (const r of rs) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
      const code = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      const first = rs[0]!;
      const docs = new Set(rs.map((r) => r.doc));
      const sources = new Set(rs.map((r) => r.dsource ?? host(r.url) ?? r.doc));
      const reports: Report[] = rs.map((r) => ({
        document: r.doc,
        event: r.vid,
        code: r.code,
        title: r.title,
        source: r.dsource,
        url: r.url,
        published: r.published,
        language: r.language,
        modality: r.modality as Report['modality'],
        confidence: num(r.confidence),
        evidence: { start: num(r.ev_start), end: num(r.ev_end), text: r.evidence },
      }));
      const ev: StoryEvent & { _isRoot: boolean; _added: string } = {
        id,
        code,
        root: code.slice(0, 2),
        label: labelOf(code),
        quadClass: quadOf(code),
        goldstein: goldsteinOf(code),
        date: first.date,
        modality: storyModality(reports),
        source: first.src_key ? (refs.get(first.src_key) ?? null) : null,
        target: first.tgt_key ? (refs.get(first.tgt_key) ?? null) : null,
        numReports: rs.length,
        numArticles: docs.size,
        numSources: sources.size,
        reports,
        _isRoot: rs.some((r) => num(r.is_root) === 1),
        _added: rs.map((r) => r.ingested_at).sort()[0]!,
      };
      Object.defineProperty(ev, '_isRoot', { enumerable: false });
      Object.defineProperty(ev, '_added', { enumerable: false });
      out.push(ev);
    }
    return out;
  }

  // ---- quotes ----

  private async quoteConds(filter: Filter): Promise<Cond[]> {
    const conds: Cond[] = [];
    for (const s of [filter.speaker, filter.actor]) if (s) conds.push(inKeys('q.speaker_key IN (%)', await this.resolveKeys(s)));
    if (filter.country) conds.push({ sql: 'q.speaker_key IN (SELECT key FROM actors WHERE country = ?)', params: [filter.country.toUpperCase()] });
    if (filter.from) conds.push({ sql: 'q.published >= ?', params: [filter.from] });
    if (filter.to) conds.push({ sql: 'q.published <= ?', params: [upperBound(filter.to)] });
    if (filter.text) {
      const words = queryWords(filter.text);
      conds.push(words.length ? { sql: this.quoteMatch(), params: [this.ftsQuery(words)] } : NONE);
    }
    if (filter.language) conds.push({ sql: 'q.language = ?', params: [filter.language] });
    if (filter.code) conds.push({ sql: `q.doc IN (SELECT doc FROM reports WHERE code LIKE ? ESCAPE '\\')`, params: [likePrefix(filter.code)] });
    return conds;
  }

  async quotes(filter: Filter): Promise<Page<QuoteRow>> {
    const { limit, offset } = page(filter);
    return this.quotesWhere(await this.quoteConds(filter), limit, offset);
  }

  private async quotesWhere(conds: Cond[], limit: number, offset: number): Promise<Page<QuoteRow>> {
    const w = where(conds);
    const total = num((await this.q.all(`SELECT COUNT(*) AS n FROM quotes q ${w.sql}`, w.params))[0]?.n);
    const rows = await this.q.all(
      `SELECT q.*, d.title, d.url FROM quotes q JOIN documents d ON d.id = q.doc ${w.sql} ORDER BY q.published IS NULL, q.published DESC, q.doc, q.q_start LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return { total, limit, offset, items: await this.quoteRows(rows) };
  }

  private async quoteRows(rows: any[]): Promise<QuoteRow[]> {
    const refs = await this.refs(rows.map((r) => r.speaker_key));
    return rows.map((r) => ({
      document: r.doc,
      id: r.qid,
      text: r.text,
      kind: r.kind,
      speaker: r.speaker_key ? (refs.get(r.speaker_key) ?? null) : null,
      cue: r.cue,
      language: r.language,
      channel: r.channel,
      start: num(r.q_start),
      end: num(r.q_end),
      published: r.published,
      title: r.title,
      url: r.url,
    }));
  }

  // ---- export ----

  async *exportRows(what: ExportWhat, filter: Filter = {}): AsyncIterable<ExportRow> {
    const BATCH = 500;
    if (what === 'events') {
      const conds = await this.eventConds(filter);
      let after = '';
      for (;;) {
        const w = where([...conds, { sql: 'r.story > ?', params: [after] }]);
        const ids = (await this.q.all(`SELECT DISTINCT r.story AS story FROM reports r ${w.sql} ORDER BY r.story LIMIT ?`, [...w.params, BATCH])).map(
          (r) => r.story as string,
        );
        if (!ids.length) return;
        for (const s of await this.loadStories(ids, filter.modality)) yield gdeltRow(s);
        after = ids[ids.length - 1]!;
      }
    }
    // quotes, entities, documents: walk the documents in id order, a batch at a time
    const qconds = what === 'quotes' ? await this.quoteConds(filter) : [];
    const dconds = what !== 'quotes' ? await this.docConds(filter) : [];
    let after = '';
    for (;;) {
      const w = where([...dconds, { sql: 'd.id > ?', params: [after] }]);
      const ids = (await this.q.all(`SELECT d.id AS id FROM documents d ${w.sql} ORDER BY d.id LIMIT ?`, [...w.params, BATCH])).map((r) => r.id as string);
      if (!ids.length) return;
      const inDocs = { sql: `%.doc IN (${marks(ids.length)})`, params: ids };
      if (what === 'documents') {
        for (const r of await this.q.all(
          `SELECT id, title, source, url, published, language, length, origin, ingested_at, n_entities, n_quotes, n_events FROM documents WHERE id IN (${marks(ids.length)}) ORDER BY id`,
          ids,
        )) {
          yield {
            id: r.id,
            title: r.title,
            source: r.source,
            url: r.url,
            published: r.published,
            language: r.language,
            length: num(r.length),
            origin: r.origin,
            ingested_at: r.ingested_at,
            entities: num(r.n_entities),
            quotes: num(r.n_quotes),
            events: num(r.n_events),
          };
        }
      } else if (what === 'entities') {
        const ew = where([{ sql: inDocs.sql.replace('%', 'e'), params: ids }]);
        for (const r of await this.q.all(`SELECT e.* FROM entities e ${ew.sql} ORDER BY e.doc, e.eid`, ew.params)) {
          yield {
            document: r.doc,
            id: r.eid,
            key: r.key,
            type: r.type,
            name: r.name,
            actor: r.actor,
            country: r.country,
            role: r.role,
            code: r.code,
            mentions: num(r.mentions),
            published: r.published,
          };
        }
      } else {
        const qw = where([...qconds, { sql: inDocs.sql.replace('%', 'q'), params: ids }]);
        const rows = await this.q.all(
          `SELECT q.*, d.title, d.url FROM quotes q JOIN documents d ON d.id = q.doc ${qw.sql} ORDER BY q.doc, q.q_start`,
          qw.params,
        );
        for (const r of await this.quoteRows(rows)) {
          yield {
            document: r.document,
            id: r.id,
            published: r.published,
            speaker: r.speaker?.name ?? null,
            speaker_key: r.speaker?.key ?? null,
            speaker_country: r.speaker?.country ?? null,
            kind: r.kind,
            cue: r.cue,
            channel: r.channel,
            language: r.language,
            text: r.text,
            start: r.start,
            end: r.end,
            title: r.title,
            url: r.url,
          };
        }
      }
      after = ids[ids.length - 1]!;
    }
  }

  private async docConds(filter: Filter): Promise<Cond[]> {
    const conds: Cond[] = [];
    if (filter.text) {
      const words = queryWords(filter.text);
      conds.push(words.length ? { sql: `d.id IN (${this.docMatch()})`, params: [this.ftsQuery(words)] } : NONE);
    }
    if (filter.from) conds.push({ sql: 'd.published >= ?', params: [filter.from] });
    if (filter.to) conds.push({ sql: 'd.published <= ?', params: [upperBound(filter.to)] });
    if (filter.language) conds.push({ sql: 'd.language = ?', params: [filter.language] });
    if (filter.actor) conds.push(inKeys('d.id IN (SELECT doc FROM entities WHERE key IN (%))', await this.resolveKeys(filter.actor)));
    if (filter.country) conds.push({ sql: 'd.id IN (SELECT doc FROM entities WHERE country = ?)', params: [filter.country.toUpperCase()] });
    return conds;
  }

  // ---- stats ----

  async stats(): Promise<StoreStats> {
    const one = async (sql: string, params: unknown[] = []) => num((await this.q.all(sql, params))[0]?.n);
    const assertedOnly = modalityCond(undefined);
    const langs = await this.q.all('SELECT language, COUNT(*) AS n FROM documents GROUP BY language ORDER BY language');
    const span = (await this.q.all('SELECT MIN(published) AS f, MAX(published) AS l FROM documents'))[0] ?? {};
    const dyads = await this.q.all(
      `SELECT a, b, COUNT(DISTINCT story) AS n FROM (SELECT CASE WHEN src_key < tgt_key THEN src_key ELSE tgt_key END AS a, CASE WHEN src_key < tgt_key THEN tgt_key ELSE src_key END AS b, story FROM reports r WHERE src_key IS NOT NULL AND tgt_key IS NOT NULL AND src_key <> tgt_key AND ${assertedOnly.sql}) x GROUP BY a, b ORDER BY n DESC, a, b LIMIT 10`,
      assertedOnly.params,
    );
    const refs = await this.refs(dyads.flatMap((d) => [d.a, d.b]));
    return {
      documents: await one('SELECT COUNT(*) AS n FROM documents'),
      entities: await one('SELECT COUNT(*) AS n FROM entities'),
      mentions: await one('SELECT SUM(mentions) AS n FROM entities'),
      quotes: await one('SELECT COUNT(*) AS n FROM quotes'),
      reports: await one('SELECT COUNT(*) AS n FROM reports'),
      storyEvents: await one(`SELECT COUNT(DISTINCT story) AS n FROM reports r WHERE ${assertedOnly.sql}`, assertedOnly.params),
      languages: Object.fromEntries(langs.map((r) => [r.language ?? 'unknown', num(r.n)])),
      firstPublished: span.f ?? null,
      lastPublished: span.l ?? null,
      topActors: (await this.actors({ limit: 10 })).items,
      topDyads: dyads.filter((d) => refs.has(d.a) && refs.has(d.b)).map((d) => ({ a: refs.get(d.a)!, b: refs.get(d.b)!, events: num(d.n) })),
      schemaVersion: await this.schemaVersion(),
      backend: this.backend,
    };
  }
}

const NONE: Cond = { sql: '1 = 0', params: [] };

/** bytes that crossed a worker boundary arrive as a Uint8Array; the drivers want a Buffer */
function bytes(v: string | Uint8Array): string | Buffer {
  return typeof v === 'string' || Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** b's smaller (non-null) name, country and code go into a, as the actors upsert does across batches */
function mergeSmallest(a: ActorRow, b: ActorRow): void {
  if (b.name < a.name) {
    a.name = b.name;
    a.name_folded = b.name_folded;
  }
  if (b.country !== null && (a.country === null || b.country < a.country)) a.country = b.country;
  if (b.code !== null && (a.code === null || b.code < a.code)) a.code = b.code;
}

/** LIKE patterns with the user's % and _ taken literally (every LIKE here says ESCAPE '\\') */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
const likeContains = (s: string) => `%${likeEscape(s)}%`;
const likePrefix = (s: string) => `${likeEscape(s)}%`;

/** the reports of the modalities asked for (undefined: the default, asserted only) */
function modalityCond(m: ModalityFilter | undefined): Cond {
  const list = m ?? DEFAULT_MODALITY;
  if (list === 'all') return { sql: '1 = 1', params: [] };
  return list.length ? { sql: `r.modality IN (${marks(list.length)})`, params: [...list] } : NONE;
}

function inKeys(sql: string, keys: string[]): Cond {
  return keys.length ? { sql: sql.replace('%', marks(keys.length)), params: keys } : NONE;
}

function where(conds: Cond[]): Cond {
  if (!conds.length) return { sql: '', params: [] };
  return { sql: 'WHERE ' + conds.map((c) => `(${c.sql})`).join(' AND '), params: conds.flatMap((c) => c.params) };
}

function page(f: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(f.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(f.offset ?? 0));
  return { limit, offset };
}

function toRef(r: any): ActorRef {
  return { key: r.key, name: r.name, type: r.type, actor: r.actor ?? null, country: r.country ?? null, code: r.code ?? null };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function host(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** where the body starts after an article header (0 without one, or when the header cannot be read) */
function bodyStart(text: string): number {
  try {
    return parseHeader(text).bodyStart ?? 0;
  } catch {
    return 0;
  }
}

function snippet(text: string, words: string[], width = 200): string {
  // from the article's body: the `date …`/`title …` header is metadata, not text to show
  const body = bodyStart(text);
  let at = body;
  if (words.length) {
    const folded = fold(text);
    for (const w of words) {
      const re = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
      const m = re.exec(folded);
      if (m) {
        at = Math.max(body, m.index - 60);
        break;
      }
    }
  }
  const s = text
    .slice(at, at + width)
    .replace(/\s+/g, ' ')
    .trim();
  return (at > body ? '…' : '') + s + (at + width < text.length ? '…' : '');
}

/** A story event as a GDELT 2.0 events row (the columns that apply) plus readout's own columns. */
export function gdeltRow(s: StoryEvent): ExportRow {
  const ev = s as StoryEvent & { _isRoot?: boolean; _added?: string };
  const [y, m, d] = (s.date ?? '').split('-');
  const actor = (a: ActorRef | null, n: 1 | 2) => {
    const code = a?.code ?? null;
    const country = a?.country ?? null;
    // CAMEO actor codes: three letters of country, then role (USAGOV → USA + GOV)
    const type1 = code && code.length >= 6 ? code.slice(3, 6) : code && code.length === 3 && !country ? code : null;
    return {
      [`Actor${n}Code`]: code,
      [`Actor${n}Name`]: a ? a.name.toUpperCase() : null,
      [`Actor${n}CountryCode`]: country,
      [`Actor${n}Type1Code`]: type1,
    };
  };
  const added = (ev._added ?? '').replace(/[-:T]/g, '').slice(0, 14) || null;
  return {
    GlobalEventID: parseInt(s.id.slice(0, 13), 16),
    SQLDATE: y ? `${y}${m ?? '01'}${d ?? '01'}` : null,
    MonthYear: y ? `${y}${m ?? '01'}` : null,
    Year: y ? Number(y) : null,
    FractionDate: y ? Number((Number(y) + ((Number(m ?? 1) - 1) * 30 + Number(d ?? 1)) / 365).toFixed(4)) : null,
    ...actor(s.source, 1),
    ...actor(s.target, 2),
    IsRootEvent: ev._isRoot ? 1 : 0,
    EventCode: s.code,
    EventBaseCode: s.code.slice(0, 3),
    EventRootCode: s.root,
    QuadClass: s.quadClass,
    GoldsteinScale: s.goldstein,
    NumMentions: s.numReports,
    NumSources: s.numSources,
    NumArticles: s.numArticles,
    DATEADDED: added,
    SOURCEURL: s.reports.find((r) => r.url)?.url ?? null,
    // readout's own
    StoryID: s.id,
    Date: s.date,
    Modality: s.modality,
    Label: s.label,
    Actor1Key: s.source?.key ?? null,
    Actor2Key: s.target?.key ?? null,
    Documents: [...new Set(s.reports.map((r) => r.document))].join(' '),
  };
}

export const GDELT_COLUMNS = [
  'GlobalEventID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'DATEADDED',
  'SOURCEURL',
  // not a GDELT column: what the reports say of the act (only asserted acts unless --modality says otherwise)
  'Modality',
];
