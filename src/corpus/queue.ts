// The ingest queue: BullMQ with its PostgreSQL backend (on the server that holds the store, or any
// other). A job is a shard (./shards.ts). `enqueue` adds shards in bulk (job id = shard id: the
// same files queued twice add nothing); `runWorker` analyses one shard at a time into a store with
// the usual ingest loop; `queueStatus`, `retryFailed`, `drainQueue` are `readout queue`.
// Workers renew a lock on their shard; a worker that dies (SIGKILL, lost machine) stops renewing,
// and its shard goes back to the queue after the lock expires; since documents are keyed by
// content hash and inserted ON CONFLICT DO NOTHING, running a shard twice stores nothing twice.
import { createRequire } from 'node:module';
import type { Job, Queue as BullQueue, Worker as BullWorker, QueueOptions, WorkerOptions } from 'bullmq';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { ingest, STORE_ERROR, type IngestReport } from './ingest.js';
import { AnalyzerPool, defaultJobs } from './pool.js';
import { listShards, readShard, shardOrigin, shardSize, DEFAULT_SHARD, type Shard } from './shards.js';

// bullmq's ES build imports directories, which Node's ES loader refuses: use its CommonJS build
const bullmq = createRequire(import.meta.url)('bullmq') as typeof import('bullmq');

export const QUEUE_NAME = 'readout-ingest';

/** defaults chosen so that a killed worker's shard is back in the queue within a minute */
export const DEFAULT_LOCK_SECONDS = 30;
const ATTEMPTS = 5;

export class QueueUrlError extends Error {}

interface Connection {
  connectionString: string;
  schema?: string;
  migrate: true;
  max: number;
}

/** `postgres://…[?schema=NAME]` → BullMQ's PostgreSQL connection (its tables live in schema NAME, default `bullmq`). */
export function queueConnection(url: string, max = 1): Connection {
  if (/^rediss?:\/\//i.test(url)) throw new QueueUrlError(`${url}: a Redis queue is not wired in yet; use a postgres:// URL`);
  if (!/^postgres(ql)?:\/\//i.test(url)) throw new QueueUrlError(`${url}: not a queue URL (postgres://user@host:port/database[?schema=NAME])`);
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new QueueUrlError(`invalid schema name: ${schema}`);
  return { connectionString: u.toString(), ...(schema ? { schema } : {}), migrate: true, max };
}

function openQueue(url: string): BullQueue {
  const { Queue } = bullmq.withBackend(bullmq.createPostgresBackend);
  return new Queue(QUEUE_NAME, { connection: queueConnection(url) } as QueueOptions<Connection> as never) as unknown as BullQueue;
}

export interface EnqueueReport {
  shards: number;
  added: number;
  documents: number;
  errors: { origin: string; error: string }[];
}

/** Lists the shards of the paths and adds those the queue does not hold yet. */
export async function enqueue(paths: string[], url: string, opts: { shard?: number } = {}): Promise<EnqueueReport> {
  const listing = await listShards(paths, opts.shard ?? DEFAULT_SHARD);
  return withQueue(url, async (queue) => {
    const total = async () => Object.values(await queue.getJobCounts()).reduce((s, n) => s + n, 0);
    const before = await total();
    for (let i = 0; i < listing.shards.length; i += 500) {
      await queue.addBulk(
        listing.shards.slice(i, i + 500).map(({ id, shard }) => ({
          name: 'shard',
          data: shard,
          // kept when done: queuing the same files again must find them and add nothing
          opts: { jobId: id, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: false, removeOnFail: false },
        })),
      );
    }
    return { shards: listing.shards.length, added: (await total()) - before, documents: listing.documents, errors: listing.errors };
  });
}

export interface WorkerOptions2 {
  queue: string;
  db: string;
  jobs?: number;
  /** store connections (PostgreSQL) */
  poolSize?: number;
  kbFiles?: string[];
  log?: 'text' | 'json';
  /** seconds a shard stays locked without renewal before it goes back to the queue */
  lockSeconds?: number;
  /** stop when nothing is waiting, running or delayed */
  untilEmpty?: boolean;
  out?: NodeJS.WritableStream;
}

export interface ShardLog {
  event: 'shard';
  shard: string;
  origin: string;
  /** 1 on the first run; more when a worker died on it or it failed before */
  run: number;
  documents: number;
  stored: number;
  unchanged: number;
  failed: number;
  seconds: number;
  rate: number;
  pid: number;
}

/**
 * A worker process: one analyzer pool and one store for its life, one shard at a time. Per-article
 * problems go to `ingest_failures` and never fail a shard; a shard fails (and is retried with
 * backoff, then kept in the failed set) when its file is gone or changed, or the store refuses
 * writes. SIGTERM/SIGINT: the current shard finishes, then the worker exits.
 */
export async function runWorker(opts: WorkerOptions2): Promise<{ shards: number; documents: number; failedShards: number }> {
  const out = opts.out ?? process.stderr;
  const json = opts.log === 'json';
  const say = (obj: Record<string, unknown>, text: string) => out.write((json ? JSON.stringify({ ...obj, t: new Date().toISOString() }) : text) + '\n');
  const connection = queueConnection(opts.queue);
  const store: Store = await openStore(opts.db, { poolSize: opts.poolSize ?? 2 });
  const pool = new AnalyzerPool(Math.max(1, opts.jobs ?? defaultJobs()), { kbFiles: opts.kbFiles });
  const totals = { shards: 0, documents: 0, failedShards: 0 };
  let worker: BullWorker | null = null;
  // a signal during start-up stops the worker before it takes a shard
  let onSignal: () => void = () => {
    stopRequested = true;
  };
  let stopRequested = false;
  const signal = () => onSignal();
  process.on('SIGTERM', signal);
  process.on('SIGINT', signal);
  try {
    await pool.ready;
    if (stopRequested) return totals;
    const lock = Math.max(2, opts.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000;
    const { Worker } = bullmq.withBackend(bullmq.createPostgresBackend);
    const process_ = async (job: Job<Shard>) => {
      const shard = job.data;
      const run = job.attemptsMade + (job.stalledCounter ?? 0) + 1;
      if (json) say({ event: 'start', shard: job.id, origin: shardOrigin(shard), run, pid: process.pid }, '');
      const rep: IngestReport = await ingest(readShard(shard), { store, pool, progress: false, total: shardSize(shard) });
      const writeErrors = rep.failed.filter((f) => f.error.startsWith(STORE_ERROR));
      if (writeErrors.length) throw new Error(`${writeErrors.length} documents could not be written (${writeErrors[0]!.error}): the shard will run again`);
      const log: ShardLog = {
        event: 'shard',
        shard: job.id!,
        origin: shardOrigin(shard),
        run,
        documents: rep.documents + rep.failed.length,
        stored: rep.stored,
        unchanged: rep.unchanged,
        failed: rep.failed.length,
        seconds: round(rep.seconds),
        rate: round((rep.documents + rep.failed.length) / Math.max(rep.seconds, 1e-3)),
        pid: process.pid,
      };
      totals.shards++;
      totals.documents += log.documents;
      say(
        { ...log },
        `shard ${log.origin}: ${log.documents} documents (${log.stored} stored, ${log.unchanged} already stored, ${log.failed} failed) in ${log.seconds} s, ${log.rate}/s${run > 1 ? ` (run ${run})` : ''}`,
      );
      return { stored: rep.stored, unchanged: rep.unchanged, failed: rep.failed.length };
    };
    worker = new Worker(
      QUEUE_NAME,
      process_ as never,
      {
        connection,
        concurrency: 1,
        lockDuration: lock,
        stalledInterval: Math.max(1000, lock / 2),
        maxStalledCount: ATTEMPTS,
        drainDelay: 1,
      } as WorkerOptions & { connection: Connection } as never,
    ) as unknown as BullWorker;
    worker.on('failed', (job, err) => {
      totals.failedShards++;
      say(
        { event: 'failed', shard: job?.id, origin: job ? shardOrigin(job.data as Shard) : null, error: err.message, pid: process.pid },
        `shard ${job ? shardOrigin(job.data as Shard) : '?'} failed: ${err.message}`,
      );
    });
    worker.on('error', (err) => say({ event: 'error', error: err.message, pid: process.pid }, `worker: ${err.message}`));
    const w = worker;
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        void w.close().then(resolve, resolve); // waits for the shard in hand
      };
      onSignal = stop;
      if (stopRequested) stop();
      if (opts.untilEmpty) {
        const queue = openQueue(opts.queue);
        const check = async () => {
          if (stopping) return void (await queue.close());
          const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized').catch(() => null);
          if (c && Object.values(c).every((n) => n === 0)) {
            await queue.close();
            stop();
          } else setTimeout(() => void check(), 1000);
        };
        setTimeout(() => void check(), 1000);
      }
    });
  } finally {
    process.off('SIGTERM', signal);
    process.off('SIGINT', signal);
    await pool.close();
    await store.close();
  }
  return totals;
}

export interface QueueStatus {
  counts: Record<string, number>;
  failed: { shard: string; origin: string; attempts: number; error: string }[];
}

/** the queue at this URL, ready, for the length of fn */
async function withQueue<T>(url: string, fn: (queue: BullQueue) => Promise<T>): Promise<T> {
  const queue = openQueue(url);
  try {
    await queue.waitUntilReady();
    return await fn(queue);
  } finally {
    await queue.close();
  }
}

export function queueStatus(url: string, limit = 50): Promise<QueueStatus> {
  return withQueue(url, async (queue) => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    const failed = (await queue.getFailed(0, limit - 1)).map((j) => ({
      shard: j.id!,
      origin: shardOrigin(j.data as Shard),
      attempts: j.attemptsMade,
      error: j.failedReason ?? '',
    }));
    return { counts, failed };
  });
}

/** the failed shards back to waiting; resolves with how many */
export function retryFailed(url: string): Promise<number> {
  return withQueue(url, async (queue) => {
    const n = (await queue.getJobCounts('failed')).failed ?? 0;
    await queue.retryJobs({ state: 'failed' });
    return n;
  });
}

/** removes the shards that wait (and are delayed); running shards finish; resolves with how many were removed */
export function drainQueue(url: string): Promise<number> {
  return withQueue(url, async (queue) => {
    const c = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
    await queue.drain(true);
    return Object.values(c).reduce((s, n) => s + n, 0);
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
