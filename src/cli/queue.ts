// `readout queue status|retry-failed|drain --queue URL`: read and mend the ingest queue.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'];

export const command: Command = {
  summary:
    'the ingest queue: shards by state and failed shards with their errors (status), re-queue failed shards (retry-failed), remove waiting shards (drain)',
  usage: 'readout queue status|retry-failed|drain --queue postgres://…[?schema=NAME] [--json]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { queue: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [action, ...extra] = positionals;
    if (!action || !['status', 'retry-failed', 'drain'].includes(action) || extra.length) throw new UsageError('give one of status, retry-failed, drain');
    if (!values.queue) throw new UsageError('--queue URL is required');
    const q = await import('../corpus/queue.js');
    try {
      if (action === 'status') {
        const s = await q.queueStatus(values.queue);
        if (values.json) console.log(JSON.stringify(s, null, 2));
        else {
          console.log(STATES.map((k) => `${k} ${s.counts[k] ?? 0}`).join(' · '));
          if (s.failed.length) {
            console.log('Failed shards:');
            for (const f of s.failed) console.log(`  ${f.origin} (${f.shard}, ${f.attempts} attempts): ${f.error}`);
          }
        }
      } else if (action === 'retry-failed') console.log(`${await q.retryFailed(values.queue)} failed shards back in the queue`);
      else console.log(`${await q.drainQueue(values.queue)} waiting shards removed`);
      return 0;
    } catch (e) {
      if (e instanceof q.QueueUrlError) throw new UsageError(e.message);
      throw e;
    }
  },
};
