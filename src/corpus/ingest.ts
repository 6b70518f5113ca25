// ingest(source): read → analyse in worker threads (which also build the store's rows) → store,
// a batch of documents per transaction. The source is paths (folders, files, JSONL, feeds, stdin)
// or any async iterable of items (a queue shard), so that every way in shares this loop.
// Idempotent (documents already stored are skipped before analysis, by content hash, one query
// per chunk), resumable after a crash (whatever was committed stays; the rest is done by the next
// run). One bad article never stops the batch: it is reported and kept in `ingest_failures`.
import type { Article } from '../analysis.js';
import { articleId } from '../document-id.js';
import { openStore } from '../store/open.js';
import { IdCollisionError, type Rows } from '../store/rows.js';
import type { IngestFailure, PutResult, Store } from '../store/types.js';
import { AnalyzerPool, defaultJobs } from './pool.js';
import { Progress } from './progress.js';
import { estimate, listFiles, readSources, type Item } from './sources.js';

export interface IngestOptions {
  /** SQLite file or postgres:// URL (default ./readout.db); ignored when `store` is given */
  db?: string;
  store?: Store;
  jobs?: number;
  /** an analyzer pool to use (and leave open), e.g. one per worker process across shards */
  pool?: AnalyzerPool;
  force?: boolean;
  kbFiles?: string[];
  /** false: no progress output */
  progress?: Progress | false;
  /** documents per write transaction (default 64) */
  batch?: number;
  /** the number of items to come when the source is an iterable (progress only) */
  total?: number | null;
}

export interface IngestReport {
  documents: number;
  stored: number;
  replaced: number;
  unchanged: number;
  failed: { origin: string; error: string }[];
  bytes: number;
  seconds: number;
}

const CHUNK = 64;
/** the start of the error of a document the store could not write */
export const STORE_ERROR = 'not stored: ';
/** a batch waits at most this long for more documents before it is written */
const FLUSH_MS = 500;

export async function ingest(source: string[] | AsyncIterable<Item>, opts: IngestOptions = {}): Promise<IngestReport> {
  const t0 = performance.now();
  const store = opts.store ?? (await openStore(opts.db ?? 'readout.db'));
  const report: IngestReport = { documents: 0, stored: 0, replaced: 0, unchanged: 0, failed: [], bytes: 0, seconds: 0 };
  let items: AsyncIterable<Item>;
  let total: number | null = opts.total ?? null;
  if (Array.isArray(source)) {
    const { files, errors } = listFiles(source);
    report.failed.push(...errors.map((e) => ({ origin: e.origin, error: e.error! })));
    total = await estimate(files);
    items = readSources(files);
  } else items = source;
  const progress = opts.progress === false ? null : (opts.progress ?? new Progress());
  const jobs = Math.max(1, opts.pool?.size ?? opts.jobs ?? defaultJobs());
  const batchSize = Math.max(1, opts.batch ?? CHUNK);
  let pool: AnalyzerPool | null = opts.pool ?? null;
  const counts = () => ({ done: report.documents + report.failed.length, failed: report.failed.length, total });
  const failures: IngestFailure[] = [];
  const fail = (origin: string, error: string) => {
    report.failed.push({ origin, error });
    failures.push(failureOf(origin, error));
    progress?.update(counts());
  };
  const writer = new BatchWriter(store, batchSize, !!opts.force, (item, r) => {
    // a refused id is the article's problem; anything else the store said is the store's (a queue worker retries the shard)
    if (r instanceof Error) return fail(item.origin, r instanceof IdCollisionError ? r.message : STORE_ERROR + r.message);
    report.documents++;
    if (r === 'stored' || r === 'replaced') report.bytes += Buffer.byteLength(item.text);
    if (r === 'stored') report.stored++;
    else if (r === 'replaced') report.replaced++;
    else report.unchanged++;
    progress?.update(counts());
  });
  const seen = new Set<string>();
  const inflight = new Set<Promise<void>>();

  /** one chunk of read items: one query for those already stored, the rest to the analyzers */
  const dispatch = async (chunk: (Article & { origin: string })[]) => {
    const ids = chunk.map((a) => articleId(a)); // the store's key: the body's id, as in the analysis
    const stored = opts.force ? new Set<string>() : await store.hasDocuments(ids.filter((id) => !seen.has(id)));
    for (const [i, article] of chunk.entries()) {
      const id = ids[i]!;
      if (seen.has(id) || stored.has(id)) {
        seen.add(id);
        report.documents++;
        report.unchanged++;
        progress?.update(counts());
        continue;
      }
      seen.add(id);
      if (!pool) {
        pool = new AnalyzerPool(jobs, { kbFiles: opts.kbFiles });
        await pool.ready; // an analyzer that cannot start (a broken language pack…) stops the run here
      }
      const p: Promise<void> = pool
        .rows(article, { compress: store.compressAnalyses })
        .then((rows) => writer.add(rows, { origin: article.origin, text: article.text }))
        .catch((e: Error) => fail(article.origin, e.message))
        .finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= jobs * 8) await Promise.race(inflight);
    }
  };

  try {
    let chunk: (Article & { origin: string })[] = [];
    for await (const item of items) {
      if (item.error || !item.article) fail(item.origin, item.error ?? 'unreadable');
      else chunk.push(item.article);
      if (chunk.length >= batchSize) {
        await dispatch(chunk);
        chunk = [];
      }
    }
    await dispatch(chunk);
    await Promise.all(inflight);
    await writer.close();
  } finally {
    writer.cancel();
    await store.recordFailures(failures).catch(() => undefined); // reported below in any case
    if (!opts.pool) await pool?.close();
    if (!opts.store) await store.close();
  }
  report.seconds = (performance.now() - t0) / 1000;
  progress?.finish(counts());
  return report;
}

/** `file:12` (a JSONL line) or `feed.xml#3` (a feed item) → file and number; anything else is a file. */
export function failureOf(origin: string, error: string): IngestFailure {
  const m = /^(.+)[:#](\d+)$/.exec(origin);
  return m ? { origin, file: m[1]!, line: Number(m[2]), error } : { origin, file: origin, line: null, error };
}

interface Written {
  origin: string;
  text: string;
}

/**
 * Collects the rows of analysed documents and writes them `size` at a time (or after FLUSH_MS),
 * one transaction per batch, one batch at a time; tells `done` the result of each document.
 */
class BatchWriter {
  private buf: { rows: Rows; item: Written }[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly size: number,
    private readonly force: boolean,
    private readonly done: (item: Written, r: PutResult | Error) => void,
  ) {}

  /** resolves when the document's batch is written when that fills the batch (back-pressure), else at once */
  add(rows: Rows, item: Written): Promise<void> {
    this.buf.push({ rows, item });
    if (this.buf.length >= this.size) return this.flush();
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
    return Promise.resolve();
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buf;
    this.buf = [];
    if (!batch.length) return this.writing;
    this.writing = this.writing.then(async () => {
      let results: (PutResult | Error)[];
      try {
        results = await this.store.putRows(
          batch.map((b) => b.rows),
          { force: this.force },
        );
      } catch (e) {
        results = batch.map(() => e as Error);
      }
      for (const [i, b] of batch.entries()) this.done(b.item, results[i] ?? new Error('not written'));
    });
    return this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function formatReport(r: IngestReport): string {
  const lines = [
    `${r.documents} documents in ${r.seconds.toFixed(1)} s: ${r.stored} stored, ${r.replaced} replaced, ${r.unchanged} already stored` +
      (r.failed.length ? `, ${r.failed.length} failed` : ''),
  ];
  if (r.failed.length) {
    lines.push('Not ingested:');
    for (const f of r.failed) lines.push(`  ${f.origin}: ${f.error}`);
  }
  return lines.join('\n');
}
