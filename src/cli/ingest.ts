// `readout ingest PATH... [--db FILE|postgres://…] [--jobs N] [--force]`
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';
import { formatReport, ingest } from '../corpus/ingest.js';
import { Progress } from '../corpus/progress.js';
import { DEFAULT_DB } from '../store/open.js';

export const command: Command = {
  summary: 'analyse folders, files, JSONL, RSS/Atom feeds or stdin (-) into a store',
  usage: 'readout ingest PATH... [--db FILE|postgres://…] [--jobs N] [--force] [--kb FILE]... [--quiet]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: {
        db: { type: 'string', default: process.env.READOUT_DB ?? DEFAULT_DB },
        jobs: { type: 'string', short: 'j' },
        force: { type: 'boolean', default: false },
        kb: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    });
    if (!positionals.length) throw new UsageError('give at least one PATH (a folder, a file, or - for standard input)');
    let jobs: number | undefined;
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, not '${values.jobs}'`);
    }
    const report = await ingest(positionals, {
      db: values.db, jobs, force: values.force, kbFiles: values.kb ?? [],
      progress: values.quiet ? false : new Progress(),
    });
    console.error(formatReport(report));
    return report.failed.length ? 1 : 0;
  },
};
