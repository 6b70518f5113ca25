// Which modalities of an act a query counts. Analysts count what happened: by default only
// asserted acts enter story events, counts, networks, dyads and exports; "Russia did not attack",
// "Israel may strike" and "China denied sending troops" stay in the store with their modality and
// are shown when asked for (`--modality all`, `?modality=negated,hypothetical`).
import type { Modality } from '../analysis.js';

export const MODALITIES: readonly Modality[] = ['asserted', 'negated', 'hypothetical', 'planned'];

/** a list of modalities, or 'all' */
export type ModalityFilter = Modality[] | 'all';

/** what every query counts unless told otherwise */
export const DEFAULT_MODALITY: ModalityFilter = ['asserted'];

/** The accepted spellings, for usage messages and the API schema. */
export const MODALITY_HELP = `all, or a comma-separated list of ${MODALITIES.join(', ')}`;

/** 'all' | 'asserted' | 'negated,hypothetical' → the filter; throws an Error naming the bad word. */
export function parseModality(s: string): ModalityFilter {
  const words = s
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (!words.length) throw new Error(`modality must be ${MODALITY_HELP}, not '${s}'`);
  if (words.includes('all')) {
    if (words.length > 1) throw new Error(`modality 'all' cannot be combined with others ('${s}')`);
    return 'all';
  }
  for (const w of words) if (!(MODALITIES as string[]).includes(w)) throw new Error(`unknown modality '${w}': use ${MODALITY_HELP}`);
  return [...new Set(words)] as Modality[];
}

/** The modality of a story told by several reports: asserted when any report asserts it, else the most frequent. */
export function storyModality(reports: { modality: Modality }[]): Modality {
  const counts = new Map<Modality, number>();
  for (const r of reports) counts.set(r.modality, (counts.get(r.modality) ?? 0) + 1);
  if (counts.has('asserted')) return 'asserted';
  return [...counts].sort((a, b) => b[1] - a[1] || MODALITIES.indexOf(a[0]) - MODALITIES.indexOf(b[0]))[0]?.[0] ?? 'asserted';
}
