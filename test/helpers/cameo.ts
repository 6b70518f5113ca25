// data/cameo.json read directly, exact codes only: tests compare the analyzer's and the store's
// labels and Goldstein values with the codebook without going through src/events/codebook.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CameoEntry {
  code: string;
  root: string;
  label: { en: string; fr: string };
  goldstein: number;
  quad: number;
}

let entries: Map<string, CameoEntry> | null = null;

/** The codebook's entry for exactly this code (no fallback to a parent); throws when absent. */
export function cameoEntry(code: string): CameoEntry {
  entries ??= new Map(
    (JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/cameo.json', import.meta.url)), 'utf8')).codes as CameoEntry[]).map((c) => [c.code, c]),
  );
  const e = entries.get(code);
  if (!e) throw new Error(`data/cameo.json has no code ${code}`);
  return e;
}

/** Every entry of the codebook. */
export function cameoEntries(): CameoEntry[] {
  cameoEntry('01');
  return [...entries!.values()];
}
