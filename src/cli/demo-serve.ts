// The end of `npm run demo`: after the bundled examples are ingested, serve the web workbench on
// that store and print its URL. `serveAfterDemo(db)` is what `readout demo` calls last;
// `readout demo-serve` runs both steps on its own.
import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { startServer, type RunningServer } from './serve.js';

export interface ServeAfterDemoOptions {
  port?: number;
  host?: string;
  /** resolve once listening instead of waiting for Ctrl-C (tests) */
  noWait?: boolean;
  log?: (line: string) => void;
}

/** Serve the workbench over `db`; port 8080 by default, any free port when 8080 is taken. */
export async function serveAfterDemo(db: string, opts: ServeAfterDemoOptions = {}): Promise<RunningServer | null> {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (process.env.READOUT_DEMO_NO_SERVE === '1') {
    log(`\nREADOUT_DEMO_NO_SERVE=1: not serving. Explore it with: readout serve --db ${db}`);
    return null;
  }
  const host = opts.host ?? '127.0.0.1';
  let running: RunningServer;
  try {
    running = await startServer({ db, port: opts.port ?? 8080, host, quiet: true });
  } catch (e) {
    if (!(e instanceof UsageError) || opts.port !== undefined) throw e;
    running = await startServer({ db, port: 0, host, quiet: true }); // 8080 is taken: any free port
  }
  log(`\nThe workbench is serving the bundled corpus at ${running.url}/  (Read · Search · Actors · Network · Dyad timeline)`);
  log(`  try ${running.url}/#/network and ${running.url}/#/dyad?a=USA&b=MAR — Ctrl-C stops`);
  if (opts.noWait) return running;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return running;
}

export const command: Command = {
  summary: 'ingest the bundled examples, then serve the web workbench on them',
  usage: 'readout demo-serve [--db FILE|postgres://…] [--port 8080] [--host 127.0.0.1] [--jobs N] [--quiet]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        jobs: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
      throw new UsageError(`--port must be a number from 0 to 65535, not '${values.port}'`);
    // typed loosely so that this file builds whatever stage demo.ts is at
    const { runDemo } = (await import('./demo.js' as string)) as {
      runDemo(o: { db?: string; jobs?: number; quiet?: boolean }): Promise<{ db: string; report: { failed: unknown[] } }>;
    };
    const r = await runDemo({ db: values.db, jobs: values.jobs ? Number(values.jobs) : undefined, quiet: values.quiet });
    await serveAfterDemo(r.db, { port, host: values.host });
    return r.report.failed.length ? 1 : 0;
  },
};
