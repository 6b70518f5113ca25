// Where ../shared is (beside the repo) and a shared analyzer for tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, type Analyzer } from '../../src/pipeline.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const GOLD = `${SHARED}gold/`;
export const HAS_SHARED = existsSync(`${GOLD}seed.txt`);
export const SKIP_SHARED = HAS_SHARED ? false : '../shared is absent (a fresh clone): the gold articles are not available';

let analyzer: Promise<Analyzer> | null = null;
export function sharedAnalyzer(): Promise<Analyzer> {
  return (analyzer ??= createAnalyzer());
}
