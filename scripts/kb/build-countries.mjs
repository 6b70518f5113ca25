#!/usr/bin/env node
// Builds data/kb/countries.jsonl from the installed devDependencies world-countries
// (names, demonyms, capitals, UN membership) and i18n-iso-countries (French names), plus
// Intl.DisplayNames (CLDR), merged with the hand-written data/kb/sources/countries-extra.json.
// Usage: node scripts/kb/build-countries.mjs   (deterministic: rows sorted by iso3)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const worldCountries = require('world-countries/countries.json');
const wcVersion = require('world-countries/package.json').version;
const i18n = require('i18n-iso-countries');
const i18nVersion = require('i18n-iso-countries/package.json').version;
i18n.registerLocale(require('i18n-iso-countries/langs/en.json'));
i18n.registerLocale(require('i18n-iso-countries/langs/fr.json'));
const extra = JSON.parse(readFileSync(new URL('data/kb/sources/countries-extra.json', root), 'utf8'));
const cldrEn = new Intl.DisplayNames(['en'], { type: 'region' });
const cldrFr = new Intl.DisplayNames(['fr'], { type: 'region' });

// UN members (world-countries wrongly flags the Holy See as one), observers, and the
// other states or territories the knowledge base covers. world-countries codes Kosovo "UNK".
const NON_MEMBERS = { PSE: 'PSE', VAT: 'VAT', UNK: 'XKX', TWN: 'TWN', ESH: 'ESH' };
const selected = worldCountries.filter((c) => (c.unMember && c.cca3 !== 'VAT') || c.cca3 in NON_MEMBERS);
const unMembers = selected.filter((c) => c.unMember && c.cca3 !== 'VAT').length;
if (unMembers !== 193) throw new Error(`expected 193 UN members, found ${unMembers}`);

const clean = (s) =>
  s
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\s+-\s*/g, '-')
    .replace(/d' /g, "d'")
    .replace(/\s+/g, ' ')
    .trim();

/** Splits library strings into usable names, dropping inverted ("Korea, Republic of") and abbreviated noise. */
function variants(raw) {
  if (!raw) return [];
  let s = clean(raw);
  if (s.includes(',')) return [];
  s = s.replace(/^(La|Les|The) (?=[A-ZÉ])/u, '');
  const m = s.match(/^(.*?) \((.*)\)$/);
  const parts = m ? [m[1], m[2]] : [s];
  return parts.filter((p) => p && !p.includes('.') && !/ (of|of the|de|du|des)$/.test(p));
}

function uniq(list, drop = []) {
  const seen = new Set(drop.map((d) => clean(d).toLowerCase()));
  const out = [];
  for (const item of list) {
    const v = clean(item);
    const k = v.toLowerCase();
    if (!v || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

const EN_INVARIANT = new Set([
  'Seychellois',
  'Swiss',
  'French',
  'Dutch',
  'Irish',
  'British',
  'Malagasy',
  'I-Kiribati',
  'Ni-Vanuatu',
  'Burkinabe',
  'Vatican',
  'Sammarinese',
]);
const enPlural = (s) => (EN_INVARIANT.has(s) || /ese$/.test(s) ? s : `${s}s`);
const frPlural = (s) => (/[sxz]$/.test(s) ? s : `${s}s`);

function enDemonyms(c) {
  const raw = c.demonyms?.eng?.m ?? '';
  const out = [];
  for (const d of raw
    .split(/,| or /)
    .map((x) => x.trim())
    .filter(Boolean))
    out.push(d, enPlural(d));
  return out;
}

function frDemonyms(c) {
  const m = (c.demonyms?.fra?.m ?? '').toLowerCase().trim();
  const f = (c.demonyms?.fra?.f ?? '').toLowerCase().trim();
  if (!m || !f || / et /.test(m)) return [];
  return [m, f, frPlural(m), frPlural(f)];
}

function formOf(iso3, official) {
  if (extra.formOverrides[iso3]) return extra.formOverrides[iso3];
  if (/Kingdom/.test(official)) return 'kingdom';
  if (/Principality/.test(official)) return 'principality';
  if (/Sultanate/.test(official)) return 'sultanate';
  if (/Emirate/.test(official)) return 'emirate';
  if (/Republic/.test(official)) return 'republic';
  if (/Federation|Federated/.test(official)) return 'federation';
  if (/\bState\b/.test(official)) return 'state';
  return 'other';
}

const rows = [];
for (const c of selected) {
  const iso3 = NON_MEMBERS[c.cca3] ?? c.cca3;
  const iso2 = c.cca2;
  const x = extra.countries[iso3] ?? {};
  const drop = x.dropNames ?? [];
  const name = {
    en: x.name?.en ?? c.name.common,
    fr: x.name?.fr ?? variants(cldrFr.of(iso2))[0],
  };
  const names = {
    en: uniq(
      [
        name.en,
        ...variants(cldrEn.of(iso2)),
        c.name.common,
        ...variants(c.name.official),
        ...i18n.getName(iso2, 'en', { select: 'all' }).flatMap(variants),
        ...(x.names?.en ?? []),
      ],
      drop,
    ),
    fr: uniq(
      [
        name.fr,
        ...variants(cldrFr.of(iso2)),
        ...variants(c.translations.fra.common),
        ...variants(c.translations.fra.official),
        ...i18n.getName(iso2, 'fr', { select: 'all' }).flatMap(variants),
        ...(x.names?.fr ?? []),
      ],
      drop,
    ),
  };
  // The canonical name must survive the drop list even if a library spells it the same way.
  if (!names.en.includes(name.en)) names.en.unshift(name.en);
  if (!names.fr.includes(name.fr)) names.fr.unshift(name.fr);
  const demonyms = { en: x.demonyms?.en ?? enDemonyms(c), fr: x.demonyms?.fr ?? frDemonyms(c) };
  const capEn = x.capital?.en ?? c.capital[0];
  const capital = { en: capEn, fr: x.capital?.fr ?? capEn };
  const metonyms = {
    en: uniq([...(x.noCapitalMetonym ? [] : [capital.en]), ...(x.metonyms?.en ?? [])]),
    fr: uniq([...(x.noCapitalMetonym ? [] : [capital.fr]), ...(x.metonyms?.fr ?? [])]),
  };
  const sources = [`world-countries ${wcVersion}`, `i18n-iso-countries ${i18nVersion}`, 'Intl.DisplayNames (CLDR)'];
  if (extra.countries[iso3] || extra.formOverrides[iso3]) sources.push('countries-extra.json (hand-written)');
  const region = extra.regionOverrides[iso3] ?? c.region;
  const governs = extra.headOfStateGoverns[iso3];
  const vacancies = extra.vacancies[iso3]?.map(({ office, from, to }) => ({ office, from, to }));
  if (extra.regionOverrides[iso3] || governs || vacancies) sources.push('countries-extra.json (hand-written)');
  rows.push({
    iso2,
    iso3,
    cameo: x.cameo ?? iso3,
    form: formOf(iso3, c.name.official),
    region,
    unMember: Boolean(c.unMember && c.cca3 !== 'VAT'),
    ...(governs ? { headOfStateGoverns: governs } : {}),
    ...(vacancies ? { vacancies } : {}),
    name,
    names,
    demonyms,
    capital,
    metonyms,
    source: [...new Set(sources)].join('; '),
  });
}

// Sanity checks: every row complete, French demonyms in groups of four, English in pairs.
const seen = new Set();
for (const r of rows) {
  if (seen.has(r.iso3)) throw new Error(`duplicate ${r.iso3}`);
  seen.add(r.iso3);
  for (const lang of ['en', 'fr']) {
    if (!r.name[lang] || !r.names[lang].length || !r.capital[lang]) throw new Error(`${r.iso3}: missing ${lang} name/capital`);
  }
  if (!r.demonyms.fr.length || r.demonyms.fr.length % 4) throw new Error(`${r.iso3}: French demonyms must come in fours`);
  if (!r.demonyms.en.length || r.demonyms.en.length % 2) throw new Error(`${r.iso3}: English demonyms must come in pairs`);
  if (r.demonyms.fr.some((d) => d !== d.toLowerCase())) throw new Error(`${r.iso3}: French demonyms are lowercase`);
}
for (const iso3 of Object.keys(extra.countries)) if (!seen.has(iso3)) throw new Error(`extra: unknown ${iso3}`);
for (const part of ['regionOverrides', 'headOfStateGoverns', 'vacancies']) {
  for (const iso3 of Object.keys(extra[part])) if (!iso3.startsWith('_') && !seen.has(iso3)) throw new Error(`extra.${part}: unknown ${iso3}`);
}
const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Middle East', 'Oceania'];
for (const r of rows) if (!REGIONS.includes(r.region)) throw new Error(`${r.iso3}: region '${r.region}' is not one of ${REGIONS.join(', ')}`);

rows.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
const header = [
  '# readout knowledge base: states (193 UN members, observers Palestine and Holy See, Kosovo, Taiwan, Western Sahara).',
  '# Generated by scripts/kb/build-countries.mjs; edit data/kb/sources/countries-extra.json, not this file.',
  '# demonyms.fr come in groups of four (masc. sing., fem. sing., masc. plur., fem. plur.); demonyms.en in pairs (singular, plural).',
];
const out = `${header.join('\n')}\n${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
writeFileSync(new URL('data/kb/countries.jsonl', root), out);
console.log(`countries.jsonl: ${rows.length} rows`);
