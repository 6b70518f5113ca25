// A worker thread: one analyzer, articles in, analyses (or the store's rows, built here so that
// the main thread only writes) out.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../pipeline.js';
import { toRows, type Rows } from '../store/rows.js';
import type { Analysis, Article } from '../analysis.js';

export interface Job {
  id: number;
  article: Article & { origin?: string | null };
  rows?: boolean;
  compress?: boolean;
}
export type Reply = { id: number; analysis: Analysis } | { id: number; rows: Rows } | { id: number; error: string } | { ready: true };

const analyzer = await createAnalyzer({ kbFiles: (workerData?.kbFiles as string[] | undefined) ?? [] });
parentPort!.on('message', (job: Job) => {
  let analysis: Analysis;
  try {
    analysis = analyzer.analyze(job.article);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: `analysis failed: ${(e as Error).message}` } satisfies Reply);
    return;
  }
  try {
    parentPort!.postMessage(
      (job.rows ? { id: job.id, rows: toRows(job.article, analysis, new Date(), { compress: job.compress }) } : { id: job.id, analysis }) satisfies Reply,
    );
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: `cannot be stored: ${(e as Error).message}` } satisfies Reply);
  }
});
parentPort!.postMessage({ ready: true } satisfies Reply);
