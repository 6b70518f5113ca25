// The server's analyses run here, off its main thread: a few worker threads, each reading and
// analysing one article at a time, a bounded queue, and a time limit per document. A document over
// the limit gets its worker terminated (and replaced) and answers 422; a full queue answers 503;
// other requests (search, stats, the workbench) are served meanwhile.
import { Worker } from 'node:worker_threads';
import type { Analysis, Article } from '../analysis.js';
import { HttpError } from './errors.js';
import type { ArticleRequest } from './article.js';
import type { PoolJob, PoolReply } from './analysis-worker.js';

export interface AnalysisPoolOptions {
  /** worker threads (default 2) */
  size?: number;
  kbFiles?: string[];
  /** per document, reading and analysis (default 60 s) */
  timeLimitMs?: number;
  /** documents waiting for a worker before the server answers 503 (default 32) */
  maxQueue?: number;
}

interface Pending {
  job: PoolJob;
  resolve(r: { article: Article; analysis: Analysis }): void;
  reject(e: Error): void;
}
interface Slot {
  worker: Worker;
  ready: Promise<void>;
  loaded: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

export const DEFAULT_TIME_LIMIT_MS = 60_000;

export class AnalysisPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private next = 1;
  private closed = false;
  readonly timeLimitMs: number;
  readonly maxQueue: number;
  private readonly kbFiles: string[];
  /** documents stopped at the time limit since the pool started */
  timedOut = 0;

  constructor(opts: AnalysisPoolOptions = {}) {
    this.timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    this.maxQueue = opts.maxQueue ?? 32;
    this.kbFiles = opts.kbFiles ?? [];
    for (let i = 0; i < Math.max(1, opts.size ?? 2); i++) this.slots.push(this.spawn());
  }

  /** resolves when every worker has loaded its analyzer */
  get ready(): Promise<void> {
    return Promise.all(this.slots.map((s) => s.ready)).then(() => undefined);
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./analysis-worker.js', import.meta.url), { workerData: { kbFiles: this.kbFiles } });
    const slot: Slot = { worker, ready: Promise.resolve(), loaded: false, current: null, timer: null };
    slot.ready = new Promise((resolve, reject) => {
      const onMessage = (m: PoolReply) => {
        if ('ready' in m) {
          slot.loaded = true;
          resolve();
          this.pump();
          return;
        }
        const p = slot.current;
        if (!p || p.job.id !== m.id) return;
        this.finish(slot);
        if ('error' in m) p.reject(new HttpError(m.status, m.error));
        else p.resolve({ article: { ...m.article, text: m.text }, analysis: m.analysis });
        this.pump();
      };
      worker.on('message', onMessage);
      worker.once('error', (e) => {
        reject(e);
        const p = slot.current;
        this.finish(slot);
        p?.reject(new HttpError(500, `analysis worker failed: ${e.message}`));
        this.replace(slot);
      });
    });
    slot.ready.catch(() => undefined);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
  }

  private replace(slot: Slot): void {
    if (this.closed) return;
    void slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
  }

  /** the next waiting documents onto idle, ready workers */
  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.current || !slot.loaded) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      slot.timer = setTimeout(() => {
        this.timedOut++;
        this.finish(slot);
        p.reject(
          new HttpError(
            422,
            `the document took longer than the limit of ${Math.round(this.timeLimitMs / 100) / 10} s to analyse; it was stopped (split it, or send the article's text rather than the whole page)`,
          ),
        );
        this.replace(slot);
        this.pump();
      }, this.timeLimitMs);
      slot.worker.postMessage(p.job);
    }
  }

  /** Read and analyse one request's article on a worker. Rejects with HttpError 400, 422 or 503. */
  analyze(request: ArticleRequest): Promise<{ article: Article; analysis: Analysis }> {
    if (this.closed) return Promise.reject(new HttpError(503, 'the server is shutting down'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new HttpError(503, `the server is busy: ${this.queue.length} documents are waiting for analysis; try again shortly`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.next++, request }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new HttpError(503, 'the server is shutting down'));
    for (const s of this.slots) if (s.timer) clearTimeout(s.timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
