// A pool of analysis workers (node:worker_threads), one analyzer each; analyze() resolves with the
// analysis of one article on whichever worker is free.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Analysis, Article } from '../analysis.js';
import type { Rows } from '../store/rows.js';
import type { Job, Reply } from './worker.js';

interface Slot {
  worker: Worker;
  busy: number;
}

export class AnalyzerPool {
  private slots: Slot[] = [];
  private waiting = new Map<number, { resolve(a: any): void; reject(e: Error): void; slot: Slot }>();
  private next = 1;
  readonly ready: Promise<void>;

  constructor(
    readonly size = defaultJobs(),
    opts: { kbFiles?: string[] } = {},
  ) {
    const url = new URL('./worker.js', import.meta.url);
    const readies: Promise<void>[] = [];
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(url, { workerData: { kbFiles: opts.kbFiles ?? [] } });
      const slot: Slot = { worker, busy: 0 };
      readies.push(
        new Promise((resolve, reject) => {
          worker.once('error', reject);
          const onReady = (m: Reply) => {
            if ('ready' in m) {
              worker.off('message', onReady);
              resolve();
            }
          };
          worker.on('message', onReady);
        }),
      );
      worker.on('message', (m: Reply) => {
        if ('ready' in m) return;
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        w.slot.busy--;
        if ('error' in m) w.reject(new Error(m.error));
        else w.resolve('rows' in m ? m.rows : m.analysis);
      });
      worker.on('error', (e) => {
        for (const [id, w] of this.waiting)
          if (w.slot === slot) {
            this.waiting.delete(id);
            w.reject(new Error(`worker crashed: ${e.message}`));
          }
      });
      this.slots.push(slot);
    }
    this.ready = Promise.all(readies).then(() => undefined);
    this.ready.catch(() => undefined); // reported to whoever awaits it
  }

  analyze(article: Article): Promise<Analysis> {
    return this.send({ id: 0, article });
  }

  /** the article analysed and turned into the store's rows, on the worker */
  rows(article: Article & { origin?: string | null }, opts: { compress?: boolean } = {}): Promise<Rows> {
    return this.send({ id: 0, article, rows: true, compress: opts.compress });
  }

  private send<T>(job: Job): Promise<T> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ ...job, id } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}
