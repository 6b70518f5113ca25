// Loads the knowledge base (data/kb and the user's --kb files) and answers role-at-date questions.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../analysis.js';
import { ROOT } from '../lang/pack.js';
import type { Actor, Country, Role } from './types.js';
import { within } from './dates.js';

export const KB_DIR = join(ROOT, 'data', 'kb');

export interface KnowledgeBase {
  actors: Map<string, Actor>;
  countries: Map<string, Country>;
  /** the role an actor holds on a date (the most senior when several), or null */
  roleAt(actor: Actor, date: string | null): Role | null;
  /** who holds a role kind for a country (or an organisation) on a date */
  holders(roleKind: string, country: string | null, date: string | null, org?: string | null): Actor[];
  /** CAMEO actor code on a date: the role's code, ELI once out of office, or the actor's own */
  codeAt(actor: Actor, date: string | null): string | null;
  /** the country an actor stands for on a date: none while a person holds an international office
   *  (a role whose row says `"country": null`: the UN Secretary-General acts for the UN, not for
   *  Portugal), else the actor's own (a person's nationality stays in the knowledge base) */
  countryAt(actor: Actor, date: string | null): string | null;
  /** the organisation of a kind for a country (its foreign ministry…) */
  organisation(kind: string, country: string): Actor | null;
  files: string[];
}

const SENIORITY = [
  'head-of-state',
  'head-of-government',
  'head-of-organization',
  'deputy-head-of-government',
  'foreign-minister',
  'defence-minister',
  'interior-minister',
  'finance-minister',
  'minister',
  'foreign-ministry-spokesperson',
  'government-spokesperson',
  'ambassador',
  'other',
];

export function readJsonl(path: string): any[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const rows: any[] = [];
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('//')) return;
    try {
      rows.push(JSON.parse(t));
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
  });
  return rows;
}

function listKbFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'sources') out.push(...listKbFiles(p));
    } else if (name.endsWith('.jsonl')) out.push(p);
  }
  return out;
}

export function actorFromRow(row: any, file: string): Actor {
  if (!row.id || !row.name) throw new Error(`${file}: a row has no id or name (${JSON.stringify(row).slice(0, 80)})`);
  const type: EntityType = row.type ?? 'PERSON';
  return {
    id: String(row.id),
    name: String(row.name),
    type,
    country: row.country ?? null,
    code: row.code ?? null,
    kind: row.kind ?? null,
    gender: row.gender === 'f' || row.gender === 'm' ? row.gender : null,
    aliases: flat(row.aliases),
    acronyms: flat(row.acronyms),
    handles: flat(row.handles),
    roles: (row.roles ?? []).map((r: any) => ({
      role: r.role ?? 'other',
      title: r.title ?? {},
      // `"country": null` written in the role is an international office (the body's, no state's);
      // a role that does not say takes the person's country
      country: r.country === null ? null : (r.country ?? row.country ?? null),
      org: r.org ?? null,
      from: r.from ?? null,
      to: r.to ?? null,
      code: r.code ?? null,
    })),
    parent: row.parent ?? null,
    ...(row.demonyms ? { demonyms: flat(row.demonyms) } : {}),
    ...(Array.isArray(row.codes) ? { codes: row.codes.map((c: any) => ({ from: c.from ?? null, to: c.to ?? null, code: String(c.code) })) } : {}),
    source: row.source ?? file,
  };
}

/** aliases may be a list or { en: [...], fr: [...] } */
function flat(v: unknown): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).flatMap((x) => flat(x));
  return [String(v)];
}

function countryFromRow(row: any): Country {
  return {
    iso2: row.iso2,
    iso3: row.iso3,
    cameo: row.cameo ?? row.iso3,
    form: row.form ?? null,
    name: row.name ?? {},
    names: row.names ?? {},
    demonyms: row.demonyms ?? {},
    capital: row.capital ?? null,
    metonyms: row.metonyms ?? {},
    region: row.region ?? null,
    unMember: row.unMember === true,
    headOfStateGoverns: Array.isArray(row.headOfStateGoverns) ? row.headOfStateGoverns.map((p: any) => ({ from: p.from ?? null, to: p.to ?? null })) : [],
    vacancies: Array.isArray(row.vacancies) ? row.vacancies.map((p: any) => ({ office: String(p.office), from: p.from ?? null, to: p.to ?? null })) : [],
    source: row.source ?? '',
  };
}

export interface LoadOptions {
  dir?: string;
  extraFiles?: string[];
}

export function loadKnowledgeBase(opts: LoadOptions = {}): KnowledgeBase {
  const files = [...listKbFiles(opts.dir ?? KB_DIR), ...(opts.extraFiles ?? [])];
  const actors = new Map<string, Actor>();
  const countries = new Map<string, Country>();
  for (const file of files) {
    for (const row of readJsonl(file)) {
      if (row.iso3) {
        const c = countryFromRow(row);
        countries.set(c.iso3, c);
        continue;
      }
      const a = actorFromRow(row, file);
      const prev = actors.get(a.id);
      // a later file (the user's) extends or overrides an earlier row with the same id
      actors.set(a.id, prev ? mergeActors(prev, a) : a);
    }
  }
  for (const c of countries.values()) {
    if (actors.has(c.iso3)) continue;
    actors.set(c.iso3, {
      id: c.iso3,
      name: c.name.en ?? c.iso3,
      type: 'COUNTRY',
      country: c.iso3,
      code: c.cameo,
      kind: c.form,
      gender: null,
      aliases: [],
      acronyms: [],
      handles: [],
      roles: [],
      parent: null,
      source: c.source,
    });
  }
  return buildIndexes(actors, countries, files);
}

function mergeActors(a: Actor, b: Actor): Actor {
  const u = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    ...a,
    ...b,
    aliases: u(a.aliases, b.aliases),
    acronyms: u(a.acronyms, b.acronyms),
    handles: u(a.handles, b.handles),
    roles: [...a.roles, ...b.roles.filter((r) => !a.roles.some((q) => q.role === r.role && q.from === r.from && q.country === r.country))],
  };
}

export function buildIndexes(actors: Map<string, Actor>, countries: Map<string, Country>, files: string[]): KnowledgeBase {
  const byRole = new Map<string, Actor[]>();
  const orgs = new Map<string, Actor>();
  for (const a of actors.values()) {
    for (const r of a.roles) {
      for (const key of [`${r.role}|${r.country ?? ''}`, `${r.role}|@${r.org ?? ''}`]) {
        const list = byRole.get(key) ?? [];
        if (!list.includes(a)) list.push(a);
        byRole.set(key, list);
      }
    }
    if (a.type === 'ORGANIZATION' && a.kind && a.country) {
      const k = `${a.kind}|${a.country}`;
      if (!orgs.has(k)) orgs.set(k, a);
    }
  }
  const roleAt = (actor: Actor, date: string | null): Role | null => {
    const current = actor.roles.filter((r) => (date ? within(date, r.from, r.to) : r.to === null));
    if (!current.length) return null;
    return current.sort((x, y) => rank(x.role) - rank(y.role))[0]!;
  };
  return {
    actors,
    countries,
    files,
    roleAt,
    holders(roleKind, country, date, org) {
      // neither a state nor a body: every international office of that kind would answer
      if (!org && !country) return [];
      const list = byRole.get(org ? `${roleKind}|@${org}` : `${roleKind}|${country ?? ''}`) ?? [];
      return list.filter((a) =>
        a.roles.some((r) => r.role === roleKind && (org ? r.org === org : r.country === country) && (date ? within(date, r.from, r.to) : r.to === null)),
      );
    },
    codeAt(actor, date) {
      if (actor.codes?.length)
        return (date ? actor.codes.find((c) => within(date, c.from, c.to))?.code : actor.codes.find((c) => c.to === null)?.code) ?? actor.code;
      if (actor.type !== 'PERSON' || !actor.roles.length) return actor.code;
      const r = roleAt(actor, date);
      if (r) return r.code ?? actor.code;
      const cc = actor.country ? (countries.get(actor.country)?.cameo ?? actor.country) : '';
      return `${cc}ELI`;
    },
    countryAt(actor, date) {
      if (actor.type !== 'PERSON' || !actor.roles.length) return actor.country;
      const r = roleAt(actor, date);
      return r && r.country === null ? null : actor.country;
    },
    organisation(kind, country) {
      return orgs.get(`${kind}|${country}`) ?? null;
    },
  };
}

function rank(role: string): number {
  const i = SENIORITY.indexOf(role);
  return i < 0 ? SENIORITY.length : i;
}
