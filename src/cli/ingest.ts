// `readout ingest PATH... [--db FILE|postgres://…] [--jobs N] [--force]`, or with `--queue URL
// [--shard N]`: cut the paths into shards and queue them for `readout worker` processes.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';
import { formatReport, ingest } from '../corpus/ingest.js';
import { Progress } from '../corpus/progress.js';
import { DEFAULT_DB } from '../store/open.js';
import { positiveInt } from './worker.js';

/** `--queue`: the shards of the paths into the queue; prints what was added */
async function queueShards(paths: string[], url: string, shard: string | undefined): Promise<number> {
  const { enqueue, QueueUrlError } = await import('../corpus/queue.js');
  let r;
  try {
    r = await enqueue(paths, url, { shard: shard === undefined ? undefined : positiveInt('--shard', shard) });
  } catch (e) {
    if (e instanceof QueueUrlError) throw new UsageError(e.message);
    throw e;
  }
  console.error(`${r.shards} shards (${r.documents} documents): ${r.added} added to the queue, ${r.shards - r.added} already there`);
  for (const e of r.errors) console.error(`  ${e.origin}: ${e.error}`);
  return r.errors.length ? 1 : 0;
}

export const command: Command = {
  summary: 'analyse folders, files, JSONL, RSS/Atom feeds or stdin (-) into a store',
  usage:
    'readout ingest PATH... [--db FILE|postgres://…] [--jobs N] [--force] [--kb FILE]... [--quiet]\n       readout ingest PATH... --queue postgres://…[?schema=NAME] [--shard N]   (queue shards for `readout worker`)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string', default: process.env.READOUT_DB ?? DEFAULT_DB },
        jobs: { type: 'string', short: 'j' },
        force: { type: 'boolean', default: false },
        kb: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q', default: false },
        queue: { type: 'string' },
        shard: { type: 'string' },
      },
    });
    if (!positionals.length) throw new UsageError('give at least one PATH (a folder, a file, or - for standard input)');
    if (values.queue) return queueShards(positionals, values.queue, values.shard);
    if (values.shard !== undefined) throw new UsageError('--shard goes with --queue');
    const jobs = values.jobs === undefined ? undefined : positiveInt('--jobs', values.jobs);
    const report = await ingest(positionals, {
      db: values.db,
      jobs,
      force: values.force,
      kbFiles: values.kb ?? [],
      progress: values.quiet ? false : new Progress(),
    });
    console.error(formatReport(report));
    return report.failed.length ? 1 : 0;
  },
};
