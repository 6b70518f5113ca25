// A worker thread of the server's analysis pool: one analyzer; a request's article is read (HTML,
// encodings) and analysed here, off the server's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../pipeline.js';
import { InputError } from '../ingest/decode.js';
import { HttpError } from './errors.js';
import { readRequestArticle, type ArticleRequest } from './article.js';
import type { Analysis } from '../analysis.js';

export interface PoolJob {
  id: number;
  request: ArticleRequest;
}
export type PoolReply =
  { id: number; text: string; article: import('../analysis.js').Article; analysis: Analysis } | { id: number; status: number; error: string } | { ready: true };

const analyzer = await createAnalyzer({ kbFiles: (workerData?.kbFiles as string[] | undefined) ?? [] });
parentPort!.on('message', (job: PoolJob) => {
  try {
    const article = readRequestArticle(job.request);
    parentPort!.postMessage({ id: job.id, text: article.text, article, analysis: analyzer.analyze(article) } satisfies PoolReply);
  } catch (e) {
    const status = e instanceof HttpError ? e.statusCode : e instanceof InputError ? 400 : 500;
    parentPort!.postMessage({
      id: job.id,
      status,
      error: status < 500 ? (e as Error).message : `analysis failed: ${(e as Error).message}`,
    } satisfies PoolReply);
  }
});
parentPort!.postMessage({ ready: true } satisfies PoolReply);
