// Scoring event coding on a sentence suite (JSONL: id, text, type, roots, sources, targets), by the
// rules of ../shared/tools/score-sentences.mjs: a record is found when one event of its sentence has
// a CAMEO root among `roots`, a source among `sources` and, when `targets` is not empty, a target
// among `targets` (IGO and NGO match any organisation).
import type { Analysis, EntityOut } from '../analysis.js';
import { parseJsonLines } from './jsonl.js';

export interface SuiteRecord {
  id: string;
  text: string;
  type: string;
  roots: string[];
  sources: string[];
  targets: string[];
  /** language of the sentence, when the suite says it */
  language?: string;
}

export interface SuiteScore {
  records: number;
  /** share of records whose type and actors were found */
  recall: number;
  /** share of records with an event of the right type, whatever its actors */
  type_recall: number;
  /** events beyond the one wanted, per sentence */
  spurious_per_sentence: number;
  per_type: Record<string, { n: number; recall: number; type_recall: number }>;
  misses: Array<{ id: string; type: string; got: string[] }>;
}

const ANY_ORGANISATION = new Set(['IGO', 'NGO']);

/** Reads a suite file's lines; names the file and line of anything malformed. */
export function parseSuite(content: string, file: string): SuiteRecord[] {
  const lists = ['roots', 'sources', 'targets'] as const;
  return parseJsonLines<SuiteRecord>(content, file, (r) =>
    typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.type !== 'string' || lists.some((k) => !Array.isArray(r[k]))
      ? 'a record needs id, text, type (strings) and roots, sources, targets (lists)'
      : null,
  );
}

function actorMatches(want: string[], e: EntityOut | undefined): boolean {
  if (!want.length) return true;
  if (!e) return false;
  const keys = [e.country, e.code?.slice(0, 3)].filter(Boolean);
  return want.some((w) => keys.includes(w) || (ANY_ORGANISATION.has(w) && (e.type === 'ORGANIZATION' || /^(IGO|NGO)/.test(e.code ?? ''))));
}

/** Scores one analysis per record (same order). */
export function scoreSuite(records: SuiteRecord[], analyses: Pick<Analysis, 'entities' | 'events'>[]): SuiteScore {
  if (records.length !== analyses.length) throw new Error(`${records.length} records but ${analyses.length} analyses`);
  const per: Record<string, { n: number; found: number; type: number }> = {};
  const misses: SuiteScore['misses'] = [];
  let hit = 0,
    typeHit = 0,
    spurious = 0;
  records.forEach((r, i) => {
    const o = analyses[i]!;
    const byId = new Map(o.entities.map((e) => [e.id, e]));
    const evs = o.events.map((e) => ({ root: e.code.slice(0, 2), s: e.source ? byId.get(e.source) : undefined, t: e.target ? byId.get(e.target) : undefined }));
    const typed = evs.filter((e) => r.roots.includes(e.root));
    const found = typed.some((e) => actorMatches(r.sources, e.s) && actorMatches(r.targets, e.t));
    const x = (per[r.type] ??= { n: 0, found: 0, type: 0 });
    x.n++;
    if (found) {
      x.found++;
      hit++;
    }
    if (typed.length) {
      x.type++;
      typeHit++;
    }
    spurious += evs.length - (typed.length ? 1 : 0);
    if (!found)
      misses.push({ id: r.id, type: r.type, got: evs.map((e) => `${e.s?.country ?? e.s?.name ?? '-'} ${e.root} ${e.t?.country ?? e.t?.name ?? '-'}`) });
  });
  const n = records.length || 1;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    records: records.length,
    recall: r3(hit / n),
    type_recall: r3(typeHit / n),
    spurious_per_sentence: r3(spurious / n),
    per_type: Object.fromEntries(
      Object.entries(per)
        .sort()
        .map(([k, v]) => [k, { n: v.n, recall: r3(v.found / v.n), type_recall: r3(v.type / v.n) }]),
    ),
    misses,
  };
}
