import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

// Tests compile to dist/test/, so the repository root is two levels up.
const kbDir = new URL('../../data/kb/', import.meta.url);

interface Country {
  iso2: string;
  iso3: string;
  cameo: string;
  form: string;
  name: { en: string; fr: string };
  names: { en: string[]; fr: string[] };
  demonyms: { en: string[]; fr: string[] };
  capital: { en: string; fr: string };
  metonyms: { en: string[]; fr: string[] };
  source: string;
}

interface Place {
  id: string;
  name: string;
  type: string;
  country: string | null;
  aliases: string[];
  source: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(new URL(file, kbDir), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => JSON.parse(line) as T);
}

const countries = readJsonl<Country>('countries.jsonl');
const places = readJsonl<Place>('places.jsonl');
const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
const FORMS = new Set(['kingdom', 'republic', 'emirate', 'sultanate', 'principality', 'federation', 'state', 'other']);

test('countries: at least 196 states with unique ISO codes', () => {
  assert.ok(countries.length >= 196, `only ${countries.length} countries`);
  assert.equal(byIso3.size, countries.length, 'iso3 codes must be unique');
  assert.equal(new Set(countries.map((c) => c.iso2)).size, countries.length, 'iso2 codes must be unique');
  for (const c of countries) {
    assert.match(c.iso3, /^[A-Z]{3}$/);
    assert.match(c.iso2, /^[A-Z]{2}$/);
    assert.match(c.cameo, /^[A-Z]{3}$/);
    assert.ok(FORMS.has(c.form), `${c.iso3}: form ${c.form}`);
  }
  const sorted = countries.map((c) => c.iso3);
  assert.deepEqual(sorted, [...sorted].sort(), 'rows are sorted by iso3');
});

test('countries: covers observers, Kosovo, Taiwan and Western Sahara', () => {
  for (const iso3 of ['PSE', 'VAT', 'XKX', 'TWN', 'ESH', 'MAR', 'USA', 'FRA', 'ISR', 'SSD']) {
    assert.ok(byIso3.has(iso3), `missing ${iso3}`);
  }
  assert.equal(byIso3.get('PSE')?.name.en, 'Palestine');
  assert.equal(byIso3.get('PSE')?.iso2, 'PS');
  assert.equal(byIso3.get('XKX')?.cameo, 'KSV');
  assert.equal(byIso3.get('TLS')?.cameo, 'TMP');
});

test('countries: every row has English and French names, demonyms and capital', () => {
  for (const c of countries) {
    for (const lang of ['en', 'fr'] as const) {
      assert.ok(c.name[lang], `${c.iso3}: name.${lang}`);
      assert.ok(c.names[lang].length > 0 && c.names[lang].includes(c.name[lang]), `${c.iso3}: names.${lang}`);
      assert.ok(c.demonyms[lang].length > 0, `${c.iso3}: demonyms.${lang}`);
      assert.ok(c.capital[lang], `${c.iso3}: capital.${lang}`);
    }
    assert.equal(c.demonyms.fr.length % 4, 0, `${c.iso3}: French demonyms come in fours`);
    assert.equal(c.demonyms.en.length % 2, 0, `${c.iso3}: English demonyms come in pairs`);
    for (const d of c.demonyms.fr) assert.equal(d, d.toLowerCase(), `${c.iso3}: French demonyms are lowercase`);
    assert.ok(c.source.includes('world-countries'), `${c.iso3}: source`);
  }
});

test('countries: French demonyms in all four forms', () => {
  const expected: Record<string, string[]> = {
    MAR: ['marocain', 'marocaine', 'marocains', 'marocaines'],
    USA: ['américain', 'américaine', 'américains', 'américaines'],
    FRA: ['français', 'française', 'français', 'françaises'],
    ISR: ['israélien', 'israélienne', 'israéliens', 'israéliennes'],
  };
  for (const [iso3, forms] of Object.entries(expected)) {
    assert.deepEqual(byIso3.get(iso3)?.demonyms.fr.slice(0, 4), forms, iso3);
  }
  assert.deepEqual(byIso3.get('MAR')?.demonyms.en, ['Moroccan', 'Moroccans']);
});

test('countries: press names and abbreviations', () => {
  const usa = byIso3.get('USA');
  for (const n of ['USA', 'U.S.', 'US']) assert.ok(usa?.names.en.includes(n), `USA en ${n}`);
  for (const n of ['Etats-Unis', 'États-Unis', "États-Unis d'Amérique"]) assert.ok(usa?.names.fr.includes(n), `USA fr ${n}`);
  assert.ok(byIso3.get('GBR')?.names.en.includes('UK'));
  assert.ok(byIso3.get('COD')?.names.fr.includes('RDC'));
  assert.ok(byIso3.get('CAF')?.names.fr.includes('RCA'));
  assert.ok(byIso3.get('ARE')?.names.fr.includes('EAU'));
  assert.ok(byIso3.get('ARE')?.names.en.includes('UAE'));
  assert.equal(byIso3.get('CHN')?.capital.fr, 'Pékin');
  assert.equal(byIso3.get('DZA')?.capital.fr, 'Alger');
});

test('countries: metonyms include capitals and seats of power', () => {
  const usa = byIso3.get('USA');
  assert.ok(usa?.metonyms.en.includes('Washington'));
  assert.ok(usa?.metonyms.en.includes('the White House'));
  assert.ok(usa?.metonyms.fr.includes('Washington'));
  assert.ok(usa?.metonyms.fr.includes('la Maison Blanche'));
  assert.ok(byIso3.get('RUS')?.metonyms.fr.includes('le Kremlin'));
  assert.ok(byIso3.get('FRA')?.metonyms.fr.includes("l'Élysée"));
  assert.ok(byIso3.get('GBR')?.metonyms.en.includes('Downing Street'));
  assert.ok(byIso3.get('CHN')?.metonyms.fr.includes('Pékin'));
  for (const c of countries) {
    for (const m of [...c.metonyms.en, ...c.metonyms.fr]) {
      assert.ok(!/pentagon/i.test(m), `${c.iso3}: the Pentagon is an organisation, not the state`);
    }
  }
});

test('places: unique kebab-case ids, known countries, every capital present', () => {
  const ids = new Set<string>();
  for (const p of places) {
    assert.match(p.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, p.id);
    assert.ok(!ids.has(p.id), `duplicate place id ${p.id}`);
    ids.add(p.id);
    assert.equal(p.type, 'LOCATION');
    assert.ok(p.name, p.id);
    assert.ok(Array.isArray(p.aliases), p.id);
    assert.ok(p.country === null || byIso3.has(p.country), `${p.id}: unknown country ${p.country}`);
    assert.ok(p.source, p.id);
  }
  assert.ok(places.length >= 400, `only ${places.length} places`);
  const names = new Set(places.flatMap((p) => [p.name, ...p.aliases]));
  const kebab = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const byCapitalId = new Map(places.map((p) => [p.id, p]));
  for (const c of countries) {
    const capital = byCapitalId.get(kebab(c.capital.en));
    assert.ok(capital, `${c.iso3}: capital ${c.capital.en} missing from places`);
    // Jerusalem's status is disputed, so its place row has no single country.
    if (c.iso3 !== 'ISR') assert.equal(capital?.country, c.iso3, `${c.iso3}: capital ${c.capital.en} country`);
    if (c.capital.fr !== c.capital.en && !countries.some((s) => s.names.fr.includes(c.capital.fr) || s.names.en.includes(c.capital.fr))) {
      assert.ok(capital?.aliases.includes(c.capital.fr), `${c.iso3}: French capital ${c.capital.fr} in aliases`);
    }
  }
  for (const n of [
    'Casablanca',
    'Gaza Strip',
    'bande de Gaza',
    'Cisjordanie',
    'Crimée',
    'Donbass',
    'Haut-Karabakh',
    'Genève',
    'Alep',
    'Charm el-Cheikh',
    'Sahel',
    'Proche-Orient',
    "détroit d'Ormuz",
  ]) {
    assert.ok(names.has(n), `missing place ${n}`);
  }
  const byId = new Map(places.map((p) => [p.id, p]));
  assert.equal(byId.get('casablanca')?.country, 'MAR');
  assert.equal(byId.get('middle-east')?.country, null);
  assert.equal(byId.get('gaza-strip')?.country, 'PSE');
});

const reference = new URL('../../../shared/reference/phoenix/Phoenix.Countries.actors.txt', import.meta.url);
test(
  'countries: CAMEO codes agree with the Phoenix country dictionary',
  { skip: existsSync(reference) ? false : '../shared absent: no Phoenix country dictionary to compare with' },
  () => {
    const text = readFileSync(reference, 'utf8');
    const codes = new Set([...text.matchAll(/\[([A-Z]{3})(?:[ \]])/g)].map((m) => m[1]));
    const missing = countries.filter((c) => !codes.has(c.cameo)).map((c) => c.iso3);
    // Holy See and Western Sahara have no country entry there (Phoenix files Western Sahara under Morocco).
    assert.deepEqual(
      missing.filter((x) => !['VAT', 'ESH'].includes(x)),
      [],
    );
  },
);
