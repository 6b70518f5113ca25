// The backends the shared store suite runs against: SQLite always, PostgreSQL when
// READOUT_TEST_PG points at a reachable server (each test gets its own schema, dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../../src/store/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { PostgresStore } from '../../src/store/postgres.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** why this backend cannot run here, or null */
  unavailable: string | null;
  /** a fresh database; reopen() gives another store instance on the same database (closed by dispose) */
  open(): Promise<{ store: Store; dispose(): Promise<void>; reopen(): Promise<Store> }>;
}

let pgCheck: Promise<string | null> | null = null;

export function postgresUnavailable(): Promise<string | null> {
  return (pgCheck ??= (async () => {
    const url = process.env.READOUT_TEST_PG;
    if (!url) return 'READOUT_TEST_PG is not set (`.ci/run` starts a server and sets it)';
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return null;
    } catch (e) {
      return `cannot reach ${url.replace(/:[^:@/]*@/, ':***@')} (${(e as Error).message})`;
    } finally {
      await c.end().catch(() => undefined);
    }
  })());
}

let n = 0;

export async function backends(): Promise<Backend[]> {
  const pgWhy = await postgresUnavailable();
  return [
    {
      name: 'sqlite',
      unavailable: null,
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'readout-store-'));
        const store = new SqliteStore(join(dir, 'test.db'));
        await store.init();
        const others: Store[] = [];
        return {
          store,
          dispose: async () => {
            for (const s of [store, ...others]) await s.close();
            rmSync(dir, { recursive: true, force: true });
          },
          reopen: async () => {
            const s = new SqliteStore(join(dir, 'test.db'));
            others.push(s);
            await s.init();
            return s;
          },
        };
      },
    },
    {
      name: 'postgres',
      unavailable: pgWhy,
      async open() {
        const schema = `readout_test_${process.pid}_${Date.now()}_${n++}`;
        const store = new PostgresStore(process.env.READOUT_TEST_PG!, { schema });
        await store.init();
        const others: Store[] = [];
        return {
          store,
          dispose: async () => {
            for (const s of others) await s.close();
            await store.dropSchema();
            await store.close();
          },
          reopen: async () => {
            const s = new PostgresStore(process.env.READOUT_TEST_PG!, { schema });
            others.push(s);
            await s.init();
            return s;
          },
        };
      },
    },
  ];
}
