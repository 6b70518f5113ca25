// `readout serve`: the HTTP API and the web workbench over a store.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { requireDatabase } from './db.js';
import { createAnalyzer } from '../pipeline.js';
import type { Store } from '../store/types.js';
import { DEFAULT_TIME_LIMIT_MS } from '../server/analysis-pool.js';

export const command: Command = {
  summary: 'serve the HTTP API and the web workbench over a corpus',
  usage:
    'readout serve [--db FILE|postgres://…] [--create] [--port 8080] [--host 127.0.0.1] [--kb FILE]... [--workers N] [--time-limit SECONDS]   (POST /api/ingest needs READOUT_TOKEN in the environment)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        db: { type: 'string', default: 'readout.db' },
        create: { type: 'boolean', default: false },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        kb: { type: 'string', multiple: true },
        workers: { type: 'string', default: '2' },
        'time-limit': { type: 'string', default: String(DEFAULT_TIME_LIMIT_MS / 1000) },
      },
    });
    void positionals;
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${values.port}'`);
    requireDatabase(values.db!, values.create!);
    const workers = Number(values.workers),
      limit = Number(values['time-limit']);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new UsageError(`--workers must be a whole number from 1 to 64, not '${values.workers}'`);
    if (!(limit > 0 && limit <= 3600)) throw new UsageError(`--time-limit is in seconds, from 0.1 to 3600, not '${values['time-limit']}'`);
    const running = await startServer({ db: values.db!, port, host: values.host!, kbFiles: values.kb ?? [], workers, timeLimitMs: limit * 1000 });
    await new Promise<void>((resolve) => {
      const stop = () => {
        running.close().finally(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Open the store, build the app, listen and print the URL (also used by the demo). */
export async function startServer(o: {
  db: string;
  port: number;
  host: string;
  kbFiles?: string[];
  store?: Store;
  quiet?: boolean;
  workers?: number;
  timeLimitMs?: number;
}): Promise<RunningServer> {
  const { buildServer, WEB_DIST } = await import('../server/app.js');
  const { AnalysisPool } = await import('../server/analysis-pool.js');
  const store = o.store ?? (await openStoreFor(o.db));
  const analyzer = await createAnalyzer({ kbFiles: o.kbFiles ?? [] });
  const token = process.env.READOUT_TOKEN || null;
  // posted articles are read and analysed on worker threads, so one long page never blocks the server
  const pool = new AnalysisPool({ size: o.workers ?? 2, kbFiles: o.kbFiles ?? [], timeLimitMs: o.timeLimitMs });
  const app = await buildServer({ store, analyzer, token, pool, logger: { level: 'warn' } });
  let address: string;
  try {
    address = await app.listen({ port: o.port, host: o.host });
  } catch (e) {
    await pool.close();
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${o.port} on ${o.host} is already in use (choose another with --port)`);
    throw e;
  }
  const shown = address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  if (!o.quiet) {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      console.error('readout serve: the web workbench is not built (web/dist is missing): run `npm run build:web`; the API works without it.');
    }
    console.log(
      `readout: serving ${o.db.startsWith('postgres') ? 'a PostgreSQL store' : o.db} at ${shown}/  (API: ${shown}/openapi.json${token ? '' : '; ingest disabled, set READOUT_TOKEN to enable it'}) — Ctrl-C stops`,
    );
  }
  return {
    url: shown,
    close: async () => {
      await app.close();
      await pool.close();
      if (!o.store) await store.close();
    },
  };
}

async function openStoreFor(db: string): Promise<Store> {
  // the store module is loaded here so that `readout --help` never opens a database
  const { openStore } = await import('../store/open.js');
  return openStore(db);
}
