// A worker thread: one analyzer, articles in, analyses out.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../pipeline.js';
import type { Article } from '../analysis.js';

export interface Job { id: number; article: Article }
export type Reply = { id: number; analysis: import('../analysis.js').Analysis } | { id: number; error: string } | { ready: true };

const analyzer = await createAnalyzer({ kbFiles: (workerData?.kbFiles as string[] | undefined) ?? [] });
parentPort!.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyzer.analyze(job.article) } satisfies Reply);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: `analysis failed: ${(e as Error).message}` } satisfies Reply);
  }
});
parentPort!.postMessage({ ready: true } satisfies Reply);
