// Role coverage of the knowledge base: for every UN member state and each of the three offices
// (head of state, head of government, foreign minister), which days of a period have somebody in
// office or are known to have had nobody (a vacancy recorded in the country row), as shares by
// year, region and office, and the holes (date ranges the knowledge base knows nothing about).
import type { KnowledgeBase } from './kb.js';
import type { Country } from './types.js';

export const OFFICES = ['head-of-state', 'head-of-government', 'foreign-minister'] as const;
export type Office = (typeof OFFICES)[number];

const DAY = 86_400_000;

/** A closed range of day numbers (days since 1970-01-01), both ends included. */
type Span = [number, number];

export interface Share {
  /** state-days with somebody in office */
  covered: number;
  /** state-days with nobody in office by fact (a known vacancy in the country row), not counted in `covered` */
  vacant: number;
  /** state-days counted */
  days: number;
  /** (covered + vacant) / days, rounded to 4 decimals: the share of days the knowledge base knows */
  share: number;
}

export interface Hole {
  country: string;
  office: Office;
  /** first and last day (YYYY-MM-DD) with nobody in office, both included */
  from: string;
  to: string;
  days: number;
}

export interface DateProblem {
  actor: string;
  role: string;
  country: string | null;
  problem: string;
}

export interface Coverage {
  period: { from: string; to: string };
  /** UN member states counted */
  states: number;
  byOffice: Record<Office, Share>;
  byYear: Record<string, Record<Office, Share>>;
  byRegion: Record<string, Record<Office, Share>>;
  /** days with nobody in office in the knowledge base and no known vacancy: per state and office, in order of country, office, date */
  holes: Hole[];
  /** roles whose dates cannot be read (they count for nothing) */
  problems: DateProblem[];
}

export interface CoverageOptions {
  /** first day counted (YYYY-MM-DD); default 2015-01-01 */
  from?: string;
  /** last day counted (YYYY-MM-DD); default 2026-12-31 */
  to?: string;
}

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** Day number of a full or partial date: its first day (`end` false) or its last day (`end` true); null when unreadable. */
export function dayOf(date: string, end: boolean): number | null {
  const m = PARTIAL.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (mo === null) return Date.UTC(end ? y + 1 : y, 0, 1) / DAY - (end ? 1 : 0);
  if (d === null) return Date.UTC(y, end ? mo : mo - 1, 1) / DAY - (end ? 1 : 0);
  const t = Date.UTC(y, mo - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return t / DAY;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Sorts and merges spans that overlap or touch. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a)
    for (const y of b) {
      const lo = Math.max(x[0], y[0]);
      const hi = Math.min(x[1], y[1]);
      if (lo <= hi) out.push([lo, hi]);
    }
  return merge(out);
}

function daysIn(spans: Span[], lo: number, hi: number): number {
  let n = 0;
  for (const [a, b] of spans) n += Math.max(0, Math.min(b, hi) - Math.max(a, lo) + 1);
  return n;
}

/** The gaps of `spans` within [lo, hi]. */
function gaps(spans: Span[], lo: number, hi: number): Span[] {
  const out: Span[] = [];
  let next = lo;
  for (const [a, b] of spans) {
    if (b < next) continue;
    if (a > hi) break;
    if (a > next) out.push([next, Math.min(a - 1, hi)]);
    next = Math.max(next, b + 1);
  }
  if (next <= hi) out.push([next, hi]);
  return out;
}

const share = (covered: number, vacant: number, days: number): Share => ({
  covered,
  vacant,
  days,
  share: days ? Math.round(((covered + vacant) / days) * 10_000) / 10_000 : 0,
});

/**
 * Spans of days with somebody in each office, per state. A partial `from` covers from the first
 * day of its month or year, a partial `to` up to the last day; an open end is unbounded. A head of
 * state covers the head-of-government office in the country's `headOfStateGoverns` periods.
 */
function officeSpans(kb: KnowledgeBase, lo: number, hi: number, problems: DateProblem[]): Map<string, Record<Office, Span[]>> {
  const spans = new Map<string, Record<Office, Span[]>>();
  const forCountry = (c: string) => {
    let s = spans.get(c);
    if (!s) spans.set(c, (s = { 'head-of-state': [], 'head-of-government': [], 'foreign-minister': [] }));
    return s;
  };
  for (const actor of kb.actors.values()) {
    for (const r of actor.roles) {
      if (!(OFFICES as readonly string[]).includes(r.role) || !r.country) continue;
      const a = r.from ? dayOf(r.from, false) : lo;
      const b = r.to ? dayOf(r.to, true) : hi;
      if (a === null || b === null) {
        problems.push({ actor: actor.id, role: r.role, country: r.country, problem: `unreadable date ${a === null ? `from '${r.from}'` : `to '${r.to}'`}` });
        continue;
      }
      if (b < a) {
        // a term open at one end that lies outside the period is no problem; one that ends before it starts is
        if (r.from && r.to) problems.push({ actor: actor.id, role: r.role, country: r.country, problem: `ends (${r.to}) before it starts (${r.from})` });
        continue;
      }
      forCountry(r.country)[r.role as Office].push([a, b]);
    }
  }
  for (const [iso3, s] of spans) {
    for (const o of OFFICES) s[o] = merge(s[o]);
    const country = kb.countries.get(iso3);
    if (country?.headOfStateGoverns.length)
      s['head-of-government'] = merge([...s['head-of-government'], ...intersect(s['head-of-state'], governing(country, lo, hi))]);
  }
  return spans;
}

function governing(country: Country, lo: number, hi: number): Span[] {
  return periodSpans(country.headOfStateGoverns, lo, hi);
}

/** Periods (partial dates, open ends) as merged spans; an unreadable period is dropped. */
function periodSpans(periods: { from: string | null; to: string | null }[], lo: number, hi: number): Span[] {
  return merge(
    periods.map((p) => [p.from ? (dayOf(p.from, false) ?? hi + 1) : lo, p.to ? (dayOf(p.to, true) ?? lo - 1) : hi] as Span).filter(([a, b]) => a <= b),
  );
}

/** Days an office was vacant by fact (the country row's `vacancies`) that no holder covers. */
function vacantSpans(country: Country, office: Office, held: Span[], lo: number, hi: number): Span[] {
  const v = periodSpans(
    country.vacancies.filter((x) => x.office === office),
    lo,
    hi,
  );
  return v.length ? intersect(v, gaps(held, lo, hi)) : [];
}

/**
 * Coverage of the three offices over UN member states for each day of the period (by default
 * 2015-01-01 to 2026-12-31): shares of state-days by office, year and region, and the holes.
 */
export function roleCoverage(kb: KnowledgeBase, opts: CoverageOptions = {}): Coverage {
  const from = opts.from ?? '2015-01-01';
  const to = opts.to ?? '2026-12-31';
  const lo = FULL.test(from) ? dayOf(from, false) : null;
  const hi = FULL.test(to) ? dayOf(to, true) : null;
  if (lo === null || hi === null || hi < lo) throw new Error(`coverage period must be two dates YYYY-MM-DD in order, not '${from}' to '${to}'`);
  const problems: DateProblem[] = [];
  const spans = officeSpans(kb, lo, hi, problems);
  const states = [...kb.countries.values()].filter((c) => c.unMember).sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  const years: [string, number, number][] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    years.push([String(y), Math.max(lo, dayOf(String(y), false)!), Math.min(hi, dayOf(String(y), true)!)]);
  }
  const tally = () =>
    Object.fromEntries(OFFICES.map((o) => [o, { covered: 0, vacant: 0, days: 0 }])) as Record<Office, { covered: number; vacant: number; days: number }>;
  const total = tally();
  const byYear = new Map(years.map(([y]) => [y, tally()]));
  const byRegion = new Map<string, ReturnType<typeof tally>>();
  const holes: Hole[] = [];
  for (const c of states) {
    const region = c.region ?? 'unknown';
    if (!byRegion.has(region)) byRegion.set(region, tally());
    for (const o of OFFICES) {
      const s = spans.get(c.iso3)?.[o] ?? [];
      const v = vacantSpans(c, o, s, lo, hi);
      const add = (t: { covered: number; vacant: number; days: number }, a: number, b: number) => {
        t.covered += daysIn(s, a, b);
        t.vacant += daysIn(v, a, b);
        t.days += b - a + 1;
      };
      add(total[o], lo, hi);
      add(byRegion.get(region)![o], lo, hi);
      for (const [y, a, b] of years) add(byYear.get(y)![o], a, b);
      for (const [a, b] of gaps(merge([...s, ...v]), lo, hi)) holes.push({ country: c.iso3, office: o, from: dateOfDay(a), to: dateOfDay(b), days: b - a + 1 });
    }
  }
  const shares = (t: ReturnType<typeof tally>) =>
    Object.fromEntries(OFFICES.map((o) => [o, share(t[o].covered, t[o].vacant, t[o].days)])) as Record<Office, Share>;
  return {
    period: { from, to },
    states: states.length,
    byOffice: shares(total),
    byYear: Object.fromEntries([...byYear].map(([y, t]) => [y, shares(t)])),
    byRegion: Object.fromEntries([...byRegion].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([r, t]) => [r, shares(t)])),
    holes,
    problems,
  };
}
