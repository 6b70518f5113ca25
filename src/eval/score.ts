// Scoring an analysis against a gold annotation, by the rules of ../shared/contract/README.md:
// normalised names, one-to-one maximum matching (strict pairs first, then loose), optional items,
// alt_speakers / alt_sources / alt_targets / alt_codes, symmetric events, micro-averaged P/R/F1.
import type { Analysis, EntityOut } from '../analysis.js';

export interface GoldEntity {
  name: string;
  type: string;
  country?: string;
  aliases?: string[];
  optional?: boolean;
}
export interface GoldQuote {
  text: string;
  speaker: string | null;
  alt_speakers?: string[];
  kind?: string;
  optional?: boolean;
}
export interface GoldEvent {
  source: string;
  target: string;
  code: string;
  alt_codes?: string[];
  alt_sources?: string[];
  alt_targets?: string[];
  symmetric?: boolean;
  date?: string | null;
  optional?: boolean;
}
export interface Gold {
  file?: string;
  language?: string;
  published?: string;
  entities: GoldEntity[];
  quotes: GoldQuote[];
  events: GoldEvent[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  extra: Record<string, [number, number]>;
}
export type FileScore = Record<string, Tally>;

const HONORIFICS = new Set(['m', 'mme', 'mlle', 'mr', 'mrs', 'ms', 'dr', 'sm', 'hm', 'hrh', 'sar', 'pr', 'me', 'mgr']);

export function normName(s: string | null | undefined): string {
  if (s == null) return '';
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[«»“”„"]/g, ' ')
    .replace(/[^\p{L}\p{N}@' -]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFICS.has(w.replace(/\.$/, '')))
    .join(' ')
    .trim();
}
const wordSet = (s: string) => new Set(normName(s).replace(/'/g, ' ').split(/\s+/).filter(Boolean));
export function jaccard(a: string, b: string): number {
  const A = wordSet(a),
    B = wordSet(b);
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / (A.size + B.size - inter || 1);
}

/** maximum bipartite matching by augmenting paths; returns [goldIndex, outIndex] pairs */
export function maxMatching<G, O>(golds: G[], outs: O[], ok: (g: G, o: O) => boolean): [number, number][] {
  const adj = golds.map((g) => outs.map((o, oi) => (ok(g, o) ? oi : -1)).filter((oi) => oi >= 0));
  const owner = new Array<number>(outs.length).fill(-1);
  const augment = (gi: number, seen: Set<number>): boolean => {
    for (const oi of adj[gi]!) {
      if (seen.has(oi)) continue;
      seen.add(oi);
      if (owner[oi]! < 0 || augment(owner[oi]!, seen)) {
        owner[oi] = gi;
        return true;
      }
    }
    return false;
  };
  for (let gi = 0; gi < golds.length; gi++) augment(gi, new Set());
  return owner.map((gi, oi) => [gi, oi] as [number, number]).filter(([gi]) => gi >= 0);
}

function strictThenLoose<G, O>(golds: G[], outs: O[], strict: (g: G, o: O) => boolean, loose: (g: G, o: O) => boolean): [number, number][] {
  const first = maxMatching(golds, outs, strict);
  const gUsed = new Set(first.map((p) => p[0])),
    oUsed = new Set(first.map((p) => p[1]));
  const gRest = golds.map((_, i) => i).filter((i) => !gUsed.has(i));
  const oRest = outs.map((_, i) => i).filter((i) => !oUsed.has(i));
  const second = maxMatching(
    gRest.map((i) => golds[i]!),
    oRest.map((i) => outs[i]!),
    loose,
  ).map(([g, o]) => [gRest[g]!, oRest[o]!] as [number, number]);
  return [...first, ...second];
}

function namesOf(gold: Gold, name: string): { set: Set<string>; entity?: GoldEntity } {
  const entity = gold.entities.find((g) => normName(g.name) === normName(name));
  const set = new Set([normName(name)]);
  for (const a of entity?.aliases ?? []) set.add(normName(a));
  return { set, entity };
}

/** does the output entity denote the gold actor called `name`? (a COUNTRY also by its code) */
export function denotes(gold: Gold, o: EntityOut | undefined, name: string | null | undefined): boolean {
  if (!o || !name) return false;
  const { set, entity } = namesOf(gold, name);
  if (set.has(normName(o.name))) return true;
  if (o.mentions.some((m) => set.has(normName(m.text)))) return true;
  return !!entity && entity.type === 'COUNTRY' && !!o.country && o.country === entity.country;
}

export function entityMatches(g: GoldEntity, o: EntityOut): boolean {
  if (g.type !== o.type) return false;
  const set = new Set([g.name, ...(g.aliases ?? [])].map(normName));
  if (set.has(normName(o.name))) return true;
  if (o.mentions.some((m) => set.has(normName(m.text)))) return true;
  return g.type === 'COUNTRY' && !!o.country && o.country === g.country;
}

const tally = (tp: number, fp: number, fn: number, extra: Record<string, [number, number]> = {}): Tally => ({ tp, fp, fn, extra });

export function scoreFile(gold: Gold, out: Pick<Analysis, 'entities' | 'quotes' | 'events'>): FileScore {
  const ents = out.entities ?? [];
  const byId = new Map(ents.map((e) => [e.id, e]));
  const res: FileScore = {};
  {
    const req = gold.entities.filter((g) => !g.optional),
      opt = gold.entities.filter((g) => g.optional);
    const pairs = maxMatching(req, ents, entityMatches);
    const used = new Set(pairs.map((p) => p[1]));
    const optUsed = maxMatching(
      opt,
      ents.filter((_, i) => !used.has(i)),
      entityMatches,
    ).length;
    res.entities = tally(pairs.length, ents.length - pairs.length - optUsed, req.length - pairs.length);
  }
  {
    const qs = out.quotes ?? [];
    const near = (g: GoldQuote, o: { text: string }) => jaccard(g.text, o.text) >= 0.6;
    const req = gold.quotes.filter((g) => !g.optional),
      opt = gold.quotes.filter((g) => g.optional);
    const saidBy = (g: GoldQuote, o: { speaker: string | null }) =>
      [g.speaker, ...(g.alt_speakers ?? [])].some((n) => n && denotes(gold, o.speaker ? byId.get(o.speaker) : undefined, n)) ||
      (g.speaker == null && o.speaker == null);
    const pairs = strictThenLoose(req, qs, (g, o) => near(g, o) && saidBy(g, o), near);
    const used = new Set(pairs.map((p) => p[1]));
    const optUsed = maxMatching(
      opt,
      qs.filter((_, i) => !used.has(i)),
      near,
    ).length;
    let attributed = 0;
    for (const [gi, oi] of pairs) if (saidBy(req[gi]!, qs[oi]!)) attributed++;
    res.quotes = tally(pairs.length, qs.length - pairs.length - optUsed, req.length - pairs.length, { attribution: [attributed, pairs.length] });
    res.attributed = tally(attributed, qs.length - optUsed - attributed, req.length - attributed);
    const covers = (g: GoldQuote, o: { text: string }) => {
      const G = wordSet(g.text),
        O = wordSet(o.text);
      let k = 0;
      for (const w of G) if (O.has(w)) k++;
      return k / (G.size || 1) > 0.3;
    };
    const loose = maxMatching(req, qs, covers).length;
    res['quotes@ggt'] = tally(loose, Math.max(0, qs.length - loose - optUsed), req.length - loose);
  }
  {
    const evs = out.events ?? [];
    const codesOf = (g: GoldEvent) => [g.code, ...(g.alt_codes ?? [])];
    const m = (g: GoldEvent, o: (typeof evs)[number]) => {
      if (!codesOf(g).some((c) => String(c).slice(0, 2) === String(o.code).slice(0, 2))) return false;
      const S = o.source ? byId.get(o.source) : undefined,
        T = o.target ? byId.get(o.target) : undefined;
      const sN = [g.source, ...(g.alt_sources ?? [])],
        tN = [g.target, ...(g.alt_targets ?? [])];
      const fwd = sN.some((n) => denotes(gold, S, n)) && tN.some((n) => denotes(gold, T, n));
      const rev = !!g.symmetric && sN.some((n) => denotes(gold, T, n)) && tN.some((n) => denotes(gold, S, n));
      return fwd || rev;
    };
    const req = gold.events.filter((g) => !g.optional),
      opt = gold.events.filter((g) => g.optional);
    const exactly = (g: GoldEvent, o: (typeof evs)[number]) => m(g, o) && codesOf(g).includes(o.code) && (!g.date || g.date === o.date);
    const pairs = strictThenLoose(req, evs, exactly, m);
    const used = new Set(pairs.map((p) => p[1]));
    const optUsed = maxMatching(
      opt,
      evs.filter((_, i) => !used.has(i)),
      m,
    ).length;
    let exact = 0,
      dated = 0,
      datedOk = 0;
    for (const [gi, oi] of pairs) {
      const g = req[gi]!,
        o = evs[oi]!;
      if (codesOf(g).includes(o.code)) exact++;
      if (g.date) {
        dated++;
        if (o.date === g.date) datedOk++;
      }
    }
    res.events = tally(pairs.length, evs.length - pairs.length - optUsed, req.length - pairs.length, {
      exact_code: [exact, pairs.length],
      date: [datedOk, dated],
    });
  }
  return res;
}

export interface Summary {
  p: number;
  r: number;
  f1: number;
  n_gold: number;
  [extra: string]: number | null;
}

export class Totals {
  readonly byKey = new Map<string, Tally>();
  add(lang: string, score: FileScore): void {
    for (const [kind, t] of Object.entries(score)) {
      for (const key of [kind, `${kind}.${lang}`]) {
        const x = this.byKey.get(key) ?? tally(0, 0, 0);
        x.tp += t.tp;
        x.fp += t.fp;
        x.fn += t.fn;
        for (const [k, [n, d]] of Object.entries(t.extra)) {
          const e = (x.extra[k] ??= [0, 0]);
          e[0] += n;
          e[1] += d;
        }
        this.byKey.set(key, x);
      }
    }
  }
  summary(): Record<string, Summary> {
    const out: Record<string, Summary> = {};
    for (const [k, t] of [...this.byKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const { p, r, f1 } = prf(t);
      out[k] = {
        p: round3(p),
        r: round3(r),
        f1: round3(f1),
        n_gold: t.tp + t.fn,
        ...Object.fromEntries(Object.entries(t.extra).map(([e, [n, d]]) => [e, d ? round3(n / d) : null])),
      };
    }
    return out;
  }
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp / (t.tp + t.fp || 1),
    r = t.tp / (t.tp + t.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
const round3 = (x: number) => +x.toFixed(3);
