// Scoring actor descriptions (JSONL: id, lang, date, text, description, country, sector, person):
// the mention that covers the description's words must give the expected country (or the
// international body's code: UNO, EUR, IGO), CAMEO sector and, when the row names one, the person
// holding the office on the date. `readout eval test/actors/descriptions.jsonl` prints the figures.
import type { Analyzer } from '../pipeline.js';
import { readSpan } from '../actors/read.js';
import { parseJsonLines } from './jsonl.js';
import { fold } from '../text/normalize.js';

export interface DescriptionRecord {
  id: string;
  lang: string;
  date: string | null;
  text: string;
  description: string;
  country: string | null;
  sector: string | null;
  person: string | null;
}

export interface DescriptionOutcome {
  id: string;
  country: string | null;
  sector: string | null;
  person: string | null;
  ok: { country: boolean; sector: boolean; person: boolean | null };
}

export interface DescriptionScore {
  records: number;
  country: number;
  sector: number;
  /** over the rows that name a person */
  person: number;
  /** rows right in every field they give */
  all: number;
  perLang: Record<string, { records: number; country: number; sector: number; person: number; all: number }>;
  misses: Array<DescriptionOutcome & { description: string; want: { country: string | null; sector: string | null; person: string | null } }>;
}

/** Reads a description table; names the file and line of anything malformed. */
export function parseDescriptionTable(content: string, file: string): DescriptionRecord[] {
  return parseJsonLines<DescriptionRecord>(content, file, (r) =>
    typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.description !== 'string' || !r.text.includes(r.description)
      ? 'a row needs id, text and a description that occurs in its text'
      : null,
  );
}

/** Whether a JSONL file holds a description table (its first row has a `description`). */
export function isDescriptionTable(content: string): boolean {
  const first = content.split('\n').find((l) => l.trim());
  try {
    return !!first && typeof JSON.parse(first).description === 'string';
  } catch {
    return false;
  }
}

/** The country slot as the table writes it: a state's ISO code, or an international body's code. */
function countrySlot(country: string | null, code: string | null): string | null {
  if (country) return country;
  if (code?.startsWith('IGO')) return /UNO/.test(code) ? 'UNO' : /EUR/.test(code) ? 'EUR' : 'IGO';
  return null;
}

export function readDescription(analyzer: Analyzer, r: DescriptionRecord): DescriptionOutcome {
  const doc = analyzer.analyzeDoc({ text: r.text, language: r.lang, published: r.date });
  const start = r.text.indexOf(r.description);
  const read = readSpan(doc, start, start + r.description.length);
  const e = read.entity;
  const country = countrySlot(read.country, read.code);
  const sector = read.sector;
  const person = e?.type === 'PERSON' && e.actor ? e.name : null;
  const names = e?.actor ? [e.name, ...(analyzer.kb.actors.get(e.actor)?.aliases ?? [])].map(fold) : [];
  return {
    id: r.id,
    country,
    sector,
    person,
    ok: { country: country === r.country, sector: sector === r.sector, person: r.person ? names.includes(fold(r.person)) : null },
  };
}

export function scoreDescriptions(analyzer: Analyzer, records: DescriptionRecord[]): DescriptionScore {
  const per: DescriptionScore['perLang'] = {};
  const tally = { records: 0, country: 0, sector: 0, person: 0, persons: 0, all: 0 };
  const byLang: Record<string, typeof tally> = {};
  const misses: DescriptionScore['misses'] = [];
  for (const r of records) {
    const o = readDescription(analyzer, r);
    const all = o.ok.country && o.ok.sector && o.ok.person !== false;
    for (const t of [tally, (byLang[r.lang] ??= { records: 0, country: 0, sector: 0, person: 0, persons: 0, all: 0 })]) {
      t.records++;
      t.country += +o.ok.country;
      t.sector += +o.ok.sector;
      if (o.ok.person !== null) {
        t.persons++;
        t.person += +o.ok.person;
      }
      t.all += +all;
    }
    if (!all) misses.push({ ...o, description: r.description, want: { country: r.country, sector: r.sector, person: r.person } });
  }
  const r3 = (x: number, n: number) => (n ? +(x / n).toFixed(3) : 0);
  for (const [lang, t] of Object.entries(byLang))
    per[lang] = {
      records: t.records,
      country: r3(t.country, t.records),
      sector: r3(t.sector, t.records),
      person: r3(t.person, t.persons),
      all: r3(t.all, t.records),
    };
  return {
    records: tally.records,
    country: r3(tally.country, tally.records),
    sector: r3(tally.sector, tally.records),
    person: r3(tally.person, tally.persons),
    all: r3(tally.all, tally.records),
    perLang: per,
    misses,
  };
}
