// openStore(target): a `postgres://…` URL opens PostgreSQL, anything else is an SQLite file path.
import type { Store } from './types.js';

export const DEFAULT_DB = 'readout.db';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** poolSize: PostgreSQL connections of this store (SQLite: ignored) */
export async function openStore(target: string = DEFAULT_DB, opts: { readonly?: boolean; poolSize?: number } = {}): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(target)) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(target, { poolSize: opts.poolSize });
  } else {
    const { SqliteStore } = await import('./sqlite.js');
    store = new SqliteStore(target, opts);
  }
  try {
    if (!opts.readonly) await store.init();
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return store;
}

export type { Store } from './types.js';
