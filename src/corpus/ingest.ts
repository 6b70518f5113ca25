// ingest(paths): read → analyse in worker threads → store, one transaction per document.
// Idempotent (documents already stored are skipped before analysis, by content hash), resumable
// after a crash (whatever was committed stays; the rest is done by the next run).
import type { Article } from '../analysis.js';
import { articleId } from '../document-id.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { AnalyzerPool, defaultJobs } from './pool.js';
import { Progress } from './progress.js';
import { estimate, listFiles, readSources } from './sources.js';

export interface IngestOptions {
  /** SQLite file or postgres:// URL (default ./readout.db); ignored when `store` is given */
  db?: string;
  store?: Store;
  jobs?: number;
  force?: boolean;
  kbFiles?: string[];
  /** false: no progress output */
  progress?: Progress | false;
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

export async function ingest(paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
  const t0 = performance.now();
  const store = opts.store ?? (await openStore(opts.db ?? 'readout.db'));
  const report: IngestReport = { documents: 0, stored: 0, replaced: 0, unchanged: 0, failed: [], bytes: 0, seconds: 0 };
  const { files, errors } = listFiles(paths);
  report.failed.push(...errors.map((e) => ({ origin: e.origin, error: e.error! })));
  const total = await estimate(files);
  const progress = opts.progress === false ? null : opts.progress ?? new Progress();
  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  let pool: AnalyzerPool | null = null;
  const counts = () => ({ done: report.documents + report.failed.length, failed: report.failed.length, total });
  const seen = new Set<string>();
  const inflight = new Set<Promise<void>>();
  try {
    for await (const item of readSources(files)) {
      if (item.error || !item.article) {
        report.failed.push({ origin: item.origin, error: item.error ?? 'unreadable' });
        progress?.update(counts());
        continue;
      }
      const article: Article & { origin: string } = item.article;
      const id = articleId(article); // the store's key: the body's id, as in the analysis
      if (seen.has(id) || (!opts.force && (await store.hasDocument(id)))) {
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
      const p: Promise<void> = pool.analyze(article)
        .then((analysis) => store.putDocument(article, analysis, { force: opts.force }))
        .then((r) => {
          report.documents++;
          report.bytes += Buffer.byteLength(article.text);
          if (r === 'stored') report.stored++;
          else if (r === 'replaced') report.replaced++;
          else report.unchanged++;
        })
        .catch((e: Error) => {
          report.failed.push({ origin: item.origin, error: e.message });
        })
        .finally(() => {
          inflight.delete(p);
          progress?.update(counts());
        });
      inflight.add(p);
      if (inflight.size >= jobs * 4) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  } finally {
    await pool?.close();
    if (!opts.store) await store.close();
  }
  report.seconds = (performance.now() - t0) / 1000;
  progress?.finish(counts());
  return report;
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
