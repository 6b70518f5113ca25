#!/usr/bin/env node
// Names, for every knowledge-base row whose `source` names no page a reader can check (it says
// "as recalled" or only "official government lists"), the reference pages where the row can be
// checked, built from what the row is: for people, per role kind and country ("Wikipedia: List
// of foreign ministers of Peru; WorldStatesmen.org: Peru", "Wikipedia: Minister of Defence
// (Nigeria)"), for organisations, by name ("Wikipedia: Central Bank of Kenya; Central Bank of
// Kenya — official website"). Pages already named are kept, and so is every note that is not
// boilerplate ("dates approximate to the month", "CAMEO code cross-checked with …"); only the
// "as recalled" wording and the generic list phrases the named pages replace are dropped.
//
// The pages are where a reader can check the row; they are derived by rule, not pages the row
// was verified against (a row checked against a page says so with the page's address).
//
//   node scripts/kb/name-sources.mjs FILE…           rewrite FILEs in place, print changes per file
//   node scripts/kb/name-sources.mjs --check FILE…   exit 1 listing rows still without a named source
//   (no FILE: every people/*.jsonl and organizations.jsonl under data/kb)
//
// Only the `source` value of a changed row changes: every other byte of the file, `#` comment
// lines and line order included, stays as it was. Running it twice changes nothing the second time.

import { readFileSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb');

/** Parts of old sources that only said "lists we remembered"; the named pages replace them. */
const GENERIC_PARTS = [
  'official government lists',
  'Wikipedia lists of heads of state, heads of government and foreign ministers',
  'Wikipedia lists of office-holders',
  'Wikipedia lists of secretaries-general',
  'Wikipedia',
  'official organisation websites and UN press releases',
  'official organization websites',
  'official names',
  'official names (EN/FR) from organisation websites',
  'government websites and press usage',
  'outlet names and official accounts',
  'party names as used in the English and French press',
  'names as used in the English and French press',
  'platform names',
  'organisation website',
];

/** A part of a source that names a page or list a reader can look up. */
const SPECIFIC_PART = [
  /^(Wikipedia|Wikipédia|WorldStatesmen\.org)\s*:/i,
  /official website/i,
  /https?:\/\//,
  /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(gov|gob|gouv|org|int|eu|ru|fr|uk|ch|de|it|es|pt|be|nl|at|cz|sk|pl|ro|bg|gr|tr|ua|ee|lv|lt|fi|se|no|dk|ie|hu|si|hr|rs|me|ge|am|jp|cn|kr|in|pk|au|nz|sg|my|ph|id|th|vn|gov\.[a-z]+|com|net|mx|br|ar|cl|pe|co|ca|us)\b/,
  /\bParlinfo\b/,
  /\bbioguide\.congress\.gov\b/,
  /^European Commission — /,
];

/** Removes the "as recalled" wording, keeping what else the parentheses said. */
export function dropRecalled(source) {
  return source
    .replace(/\s*\(\s*as recalled(?:,\s*\d{4})?\s*\)/gi, '')
    .replace(/\(\s*as recalled(?:,\s*\d{4})?\s*;\s*/gi, '(')
    .replace(/\s*;?\s*as recalled(?:,\s*\d{4})?\s*/gi, ' ')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Splits a source on "; " outside parentheses. */
export function splitParts(source) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function isSpecificPart(part) {
  return SPECIFIC_PART.some((re) => re.test(part));
}

/** The rule of `--check` and of the test: no "recalled", and at least one named page. */
export function namesCheckableSource(source) {
  if (typeof source !== 'string' || source.trim() === '') return false;
  if (/recalled|from memory|from recollection/i.test(source)) return false;
  return splitParts(source).some(isSpecificPart);
}

/** English names that take "the" in running text ("List of foreign ministers of the Netherlands"). */
function withArticle(name) {
  return /^(United |Czech Republic|Central African|Dominican Republic|Republic of|Netherlands|Philippines|Bahamas|Gambia|Maldives|Marshall Islands|Solomon Islands|Comoros|Seychelles|Holy See)/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

/** A role title as the page about the office is usually named: "Defence Minister" → "Minister of Defence". */
function officeName(title) {
  let t = title
    .replace(/^acting\s+/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  const press = /^((?:Deputy|Vice) )?(.+) Minister$/.exec(t);
  if (press && !/Prime|First|Chief/.test(press[2])) {
    const portfolio = press[2] === 'Interior' ? 'the Interior' : press[2];
    t = `${press[1] ?? ''}Minister of ${portfolio}`;
  }
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const LIST_BY_ROLE = {
  'head-of-state': 'List of heads of state of',
  'head-of-government': 'List of heads of government of',
  'foreign-minister': 'List of foreign ministers of',
};

const SPOKESPERSON_ROLES = new Set(['foreign-ministry-spokesperson', 'government-spokesperson']);

/**
 * The reference pages for a person row, one or two per role, in role order, without repeats.
 * countries: iso3 → English name; orgs: id → organisation row.
 */
export function personPages(row, countries, orgs) {
  const pages = [];
  const worldStatesmen = [];
  for (const role of row.roles ?? []) {
    const iso = role.country ?? null;
    const country = iso ? countries.get(iso) : null;
    const org = role.org ? orgs.get(role.org) : null;
    const title = role.title?.en ? officeName(role.title.en) : null;
    if (country && LIST_BY_ROLE[role.role]) {
      pages.push(`Wikipedia: ${LIST_BY_ROLE[role.role]} ${withArticle(country)}`);
      worldStatesmen.push(`WorldStatesmen.org: ${country}`);
    } else if (country) {
      pages.push(`Wikipedia: ${title ?? role.role} (${country})`);
      if (org && SPOKESPERSON_ROLES.has(role.role)) pages.push(`${org.name} — official website`);
    } else if (org) {
      const named = title && titleNamesOrg(title, org);
      pages.push(named ? `Wikipedia: ${title}` : `Wikipedia: ${title ?? 'leadership'} (${org.name})`);
      pages.push(`${org.name} — official website`);
    } else if (title) {
      pages.push(`Wikipedia: ${title}`);
    }
  }
  if (pages.length === 0 && row.name) pages.push(`Wikipedia: ${row.name}`);
  return unique([...pages, ...worldStatesmen]);
}

function titleNamesOrg(title, org) {
  const names = [org.name, ...(org.aliases ?? []), ...(org.acronyms ?? [])];
  return names.some((n) => n && new RegExp(`\\b${escapeRegExp(n)}\\b`).test(title)) || /\b(EU|European)\b/.test(title);
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The reference pages for an organisation row: its Wikipedia article and its own website, the
 * name followed by its country when the name does not say it ("Ministry of Defence (United Kingdom)").
 */
export function organizationPages(row, countries = new Map(), demonyms = new Map()) {
  const country = row.country ? countries.get(row.country) : null;
  const saysCountry = !country || row.name.includes(country) || (demonyms.get(row.country) ?? []).some((d) => row.name.includes(d));
  const name = saysCountry ? row.name : `${row.name} (${country})`;
  const wiki = `Wikipedia: ${name}`;
  const site = `${name} — official website`;
  if (row.kind === 'armed-group') return [wiki];
  if (row.kind === 'international' || row.kind === 'un-body') return [site, wiki];
  return [wiki, site];
}

function unique(list) {
  return [...new Set(list)];
}

/**
 * The new source of a row, or null when its source already names a checkable page.
 * The generated pages come first, then what was kept of the old source, in its order.
 */
export function namedSource(row, kind, countries, orgs, demonyms = new Map()) {
  if (namesCheckableSource(row.source)) return null;
  const parts = splitParts(dropRecalled(String(row.source ?? '')));
  const generic = new Set(GENERIC_PARTS.map((p) => p.toLowerCase()));
  const kept = parts.filter((p) => !generic.has(p.toLowerCase()));
  const pages = kind === 'person' ? personPages(row, countries, orgs) : organizationPages(row, countries, demonyms);
  return unique([...pages, ...kept]).join('; ');
}

export function loadCountries(kbDir = KB) {
  const map = new Map();
  for (const row of jsonRows(join(kbDir, 'countries.jsonl'))) map.set(row.value.iso3, row.value.name.en);
  return map;
}

/** iso3 → English demonyms ("Japanese", "French"), to tell whether an organisation's name says its country. */
export function loadDemonyms(kbDir = KB) {
  const map = new Map();
  for (const row of jsonRows(join(kbDir, 'countries.jsonl'))) map.set(row.value.iso3, row.value.demonyms?.en ?? []);
  return map;
}

export function loadOrganizations(kbDir = KB) {
  const map = new Map();
  for (const row of jsonRows(join(kbDir, 'organizations.jsonl'))) map.set(row.value.id, row.value);
  return map;
}

function jsonRows(file) {
  const out = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      try {
        out.push({ line: i + 1, value: JSON.parse(line) });
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not valid JSON (${err.message})`);
      }
    });
  return out;
}

/** Which kind of row a file holds. */
function kindOf(file) {
  return basename(file) === 'organizations.jsonl' ? 'organization' : 'person';
}

/**
 * Rewrites one line's source. The line is re-serialised when that gives back its exact bytes;
 * otherwise (escapes written differently) the source value alone is replaced in the text.
 */
function replaceSource(line, value, source, where) {
  if (JSON.stringify(value) === line) return JSON.stringify({ ...value, source });
  const old = `"source":${JSON.stringify(value.source)}`;
  const at = line.indexOf(old);
  if (at < 0 || line.indexOf(old, at + 1) >= 0) throw new Error(`${where}: cannot find the source value once in the line`);
  return line.slice(0, at) + `"source":${JSON.stringify(source)}` + line.slice(at + old.length);
}

/** Rewrites a file in place (through a temporary file); returns the number of rows changed. */
export function nameSourcesInFile(file, countries, orgs, demonyms = new Map()) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const kind = kindOf(file);
  let changed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${err.message})`);
    }
    const source = namedSource(value, kind, countries, orgs, demonyms);
    if (source === null || source === value.source) continue;
    lines[i] = replaceSource(line, value, source, `${file}:${i + 1}`);
    changed++;
  }
  if (changed > 0) {
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, lines.join('\n'));
    renameSync(tmp, file);
  }
  return changed;
}

/** Rows of a file whose source names no checkable page: [{line, id, source}]. */
export function rowsWithoutNamedSource(file) {
  return jsonRows(file)
    .filter((r) => !namesCheckableSource(r.value.source))
    .map((r) => ({ line: r.line, id: r.value.id ?? r.value.iso3 ?? null, source: r.value.source ?? null }));
}

export function defaultFiles(kbDir = KB) {
  const people = readdirSync(join(kbDir, 'people'))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(kbDir, 'people', f));
  return [...people, join(kbDir, 'organizations.jsonl')];
}

function main(argv) {
  const check = argv.includes('--check');
  const files = argv.filter((a) => a !== '--check');
  const unknown = files.filter((f) => f.startsWith('--'));
  if (unknown.length > 0) {
    console.error(`name-sources: unknown option ${unknown[0]}`);
    return 2;
  }
  const targets = files.length > 0 ? files : defaultFiles();
  if (check) {
    let missing = 0;
    for (const file of targets) {
      for (const r of rowsWithoutNamedSource(file)) {
        console.log(`${file}:${r.line}: ${r.id}: ${JSON.stringify(r.source)}`);
        missing++;
      }
    }
    if (missing > 0) console.log(`${missing} rows name no checkable source`);
    return missing > 0 ? 1 : 0;
  }
  const countries = loadCountries();
  const orgs = loadOrganizations();
  const demonyms = loadDemonyms();
  for (const file of targets) console.log(`${file}: ${nameSourcesInFile(file, countries, orgs, demonyms)} rows changed`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`name-sources: ${err.message}`);
    process.exitCode = 1;
  }
}
