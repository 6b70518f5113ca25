// The database a reading command opens must exist: `query`, `export` and `serve` on a mistyped path
// would otherwise create an empty store and answer "0 results" as if the corpus were empty.
import { existsSync } from 'node:fs';
import { UsageError } from './main.js';

/** Refuses a database file that does not exist, unless `create` (PostgreSQL URLs are checked by the server). */
export function requireDatabase(db: string, create: boolean): void {
  if (create || /^postgres(ql)?:\/\//i.test(db) || db === ':memory:') return;
  if (!existsSync(db))
    throw new UsageError(`${db}: no such database (ingest documents first with \`readout ingest … --db ${db}\`, or pass --create to open an empty one)`);
}
