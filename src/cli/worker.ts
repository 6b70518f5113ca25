// `readout worker --queue URL --db URL [--jobs N]`: analyse queued shards into a store until stopped.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';

/** a positive integer option, or a usage error naming it */
export function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, not '${v}'`);
  return n;
}

export const command: Command = {
  summary: 'take shards from an ingest queue and analyse them into a store (one shard at a time; SIGTERM finishes it, then exits)',
  usage:
    'readout worker --queue postgres://…[?schema=NAME] --db FILE|postgres://… [--jobs N] [--pool N] [--lock SECONDS] [--log text|json] [--until-empty] [--kb FILE]...',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        queue: { type: 'string' },
        db: { type: 'string', default: process.env.READOUT_DB },
        jobs: { type: 'string', short: 'j' },
        pool: { type: 'string' },
        lock: { type: 'string' },
        log: { type: 'string', default: 'text' },
        'until-empty': { type: 'boolean', default: false },
        kb: { type: 'string', multiple: true },
      },
    });
    if (!values.queue) throw new UsageError('--queue URL is required (the queue `readout ingest --queue` filled)');
    if (!values.db) throw new UsageError('--db is required (where the documents go; READOUT_DB also works)');
    if (values.log !== 'text' && values.log !== 'json') throw new UsageError(`--log is text or json, not '${values.log}'`);
    const { runWorker, QueueUrlError } = await import('../corpus/queue.js');
    try {
      const t = await runWorker({
        queue: values.queue,
        db: values.db,
        log: values.log,
        jobs: values.jobs === undefined ? undefined : positiveInt('--jobs', values.jobs),
        poolSize: values.pool === undefined ? undefined : positiveInt('--pool', values.pool),
        lockSeconds: values.lock === undefined ? undefined : positiveInt('--lock', values.lock),
        untilEmpty: values['until-empty'],
        kbFiles: values.kb ?? [],
      });
      if (values.log === 'json') console.error(JSON.stringify({ event: 'exit', ...t, pid: process.pid }));
      else console.error(`worker: ${t.shards} shards, ${t.documents} documents${t.failedShards ? `, ${t.failedShards} shard failures` : ''}`);
      return 0;
    } catch (e) {
      if (e instanceof QueueUrlError) throw new UsageError(e.message);
      throw e;
    }
  },
};
