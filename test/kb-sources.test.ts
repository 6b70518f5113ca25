// Every knowledge-base row of people and organisations names a source a reader can check (issue
// 17): a named reference page or official list, not "as recalled". The rule is the one of
// scripts/kb/name-sources.mjs --check; the naming the script writes is checked on rows written
// here. Also: person ids keep the letters of their name (đ → dj, ð → d, þ → th…).
// countries.jsonl and places.jsonl are generated (scripts/kb/build-*.mjs) and not checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { REPO } from './helpers/shared.js';

/**
 * Files other helpers are still adding rows to; the lead runs the script on them after merging
 * (`node scripts/kb/name-sources.mjs data/kb/people/africa.jsonl …`), then empties this list.
 */
const PENDING_FILES: string[] = [];

type Row = Record<string, unknown>;
interface Script {
  namesCheckableSource(source: unknown): boolean;
  namedSource(
    row: Row,
    kind: 'person' | 'organization',
    countries: Map<string, string>,
    orgs: Map<string, Row>,
    demonyms?: Map<string, string[]>,
  ): string | null;
  nameSourcesInFile(file: string, countries: Map<string, string>, orgs: Map<string, Row>, demonyms?: Map<string, string[]>): number;
  rowsWithoutNamedSource(file: string): { line: number; id: string | null; source: unknown }[];
  defaultFiles(): string[];
  loadCountries(): Map<string, string>;
  loadOrganizations(): Map<string, Row>;
  loadDemonyms(): Map<string, string[]>;
}
const SCRIPT = `${REPO}scripts/kb/name-sources.mjs`;
const script = (): Promise<Script> => import(SCRIPT) as Promise<Script>;
const KB = `${REPO}data/kb/`;

const checkedFiles = (files: string[]): string[] => files.filter((f) => !PENDING_FILES.includes(f.slice(KB.length)));

test('every row of the people and organisation files names a checkable source (pending files aside)', async () => {
  const { defaultFiles, rowsWithoutNamedSource } = await script();
  const all = defaultFiles();
  assert.ok(all.length >= 7, `the script walks ${all.length} files`);
  for (const pending of PENDING_FILES) assert.ok(all.includes(`${KB}${pending}`), `pending file ${pending} exists`);
  const files = checkedFiles(all);
  assert.ok(files.length >= 3, `${files.length} files checked`);
  let rows = 0;
  for (const file of files) {
    rows += readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
    const missing = rowsWithoutNamedSource(file).map((r) => `${file.slice(KB.length)}:${r.line} ${r.id}: ${String(r.source)}`);
    assert.deepEqual(missing, [], `run node scripts/kb/name-sources.mjs ${file.slice(REPO.length)}`);
  }
  assert.ok(rows > 3000, `${rows} rows checked`);
});

test('the check rule: "as recalled" or only generic lists fail, a named page passes', async () => {
  const { namesCheckableSource } = await script();
  assert.equal(namesCheckableSource('official government lists; Wikipedia lists of heads of state (as recalled, 2026)'), false);
  assert.equal(namesCheckableSource('Wikipedia: List of foreign ministers of Peru; press reports (as recalled, 2026)'), false);
  assert.equal(namesCheckableSource('official government lists; press reports'), false);
  assert.equal(namesCheckableSource(''), false);
  assert.equal(namesCheckableSource(undefined), false);
  assert.equal(namesCheckableSource('Wikipedia: List of foreign ministers of Peru; WorldStatesmen.org: Peru'), true);
  assert.equal(namesCheckableSource('European Commission — Juncker Commission; commission.europa.eu'), true);
  assert.equal(namesCheckableSource('Bank of Ghana — official website; CAMEO country+role convention'), true);
});

const COUNTRIES = new Map([
  ['MAR', 'Morocco'],
  ['NGA', 'Nigeria'],
  ['NLD', 'Netherlands'],
  ['KEN', 'Kenya'],
  ['GBR', 'United Kingdom'],
]);
const ORGS = new Map<string, Row>([['un', { id: 'un', name: 'United Nations', aliases: ['Nations unies'], acronyms: ['UN', 'ONU'] }]]);
const person = (roles: Row[], source: string): Row => ({ id: 'x', name: 'Test Person', type: 'PERSON', country: null, roles, source });
const role = (kind: string, en: string, country: string | null, extra: Row = {}): Row => ({
  role: kind,
  title: { en, fr: en },
  country,
  from: '2020-01-01',
  to: null,
  ...extra,
});

test('people: pages per role kind and country, notes kept, "as recalled" dropped, idempotent', async () => {
  const { namedSource, namesCheckableSource } = await script();
  const recalled = 'official government lists; Wikipedia lists of heads of state, heads of government and foreign ministers (as recalled, 2026)';
  const fm = namedSource(person([role('foreign-minister', 'Minister of Foreign Affairs', 'MAR')], recalled), 'person', COUNTRIES, ORGS);
  assert.equal(fm, 'Wikipedia: List of foreign ministers of Morocco; WorldStatesmen.org: Morocco');

  const defence = namedSource(person([role('defence-minister', 'Defence Minister', 'NGA')], recalled), 'person', COUNTRIES, ORGS);
  assert.equal(defence, 'Wikipedia: Minister of Defence (Nigeria)');

  const two = namedSource(
    person([role('head-of-government', 'Prime Minister', 'NLD'), role('head-of-state', 'King', 'NLD')], recalled),
    'person',
    COUNTRIES,
    ORGS,
  );
  assert.equal(
    two,
    'Wikipedia: List of heads of government of the Netherlands; Wikipedia: List of heads of state of the Netherlands; WorldStatesmen.org: Netherlands',
  );

  const sg = namedSource(
    person([role('head-of-organization', 'Secretary-General of the United Nations', null, { org: 'un' })], recalled),
    'person',
    COUNTRIES,
    ORGS,
  );
  assert.equal(sg, 'Wikipedia: Secretary-General of the United Nations; United Nations — official website');

  const envoy = namedSource(person([role('other', 'Special Envoy for Yemen', null, { org: 'un' })], recalled), 'person', COUNTRIES, ORGS);
  assert.equal(envoy, 'Wikipedia: Special Envoy for Yemen (United Nations); United Nations — official website');

  const withNotes = namedSource(
    person(
      [role('interior-minister', 'acting Interior Minister', 'KEN')],
      'official government lists; press reports (as recalled, 2026; dates approximate to the month); Wikipedia: Ministry of Interior (Kenya) — list',
    ),
    'person',
    COUNTRIES,
    ORGS,
  );
  assert.equal(
    withNotes,
    'Wikipedia: Minister of the Interior (Kenya); press reports (dates approximate to the month); Wikipedia: Ministry of Interior (Kenya) — list',
  );
  assert.doesNotMatch(withNotes ?? '', /recalled/);
  assert.ok(namesCheckableSource(withNotes));

  // a second pass leaves the row alone, and so does a row that already names its page
  assert.equal(namedSource(person([role('foreign-minister', 'Minister of Foreign Affairs', 'MAR')], fm ?? ''), 'person', COUNTRIES, ORGS), null);
});

test('organisations: the Wikipedia article and the official website by name, the country when the name does not say it', async () => {
  const { namedSource } = await script();
  const org = (name: string, kind: string, country: string | null): Row => ({
    id: 'o',
    name,
    type: 'ORGANIZATION',
    country,
    kind,
    source: 'official names; government websites and press usage (as recalled, 2026); CAMEO country+role convention',
  });
  const demonyms = new Map([['KEN', ['Kenyan', 'Kenyans']]]);
  assert.equal(
    namedSource(org('Central Bank of Kenya', 'agency', 'KEN'), 'organization', COUNTRIES, ORGS, demonyms),
    'Wikipedia: Central Bank of Kenya; Central Bank of Kenya — official website; CAMEO country+role convention',
  );
  assert.equal(
    namedSource(org('Ministry of Defence', 'ministry', 'GBR'), 'organization', COUNTRIES, ORGS, demonyms),
    'Wikipedia: Ministry of Defence (United Kingdom); Ministry of Defence (United Kingdom) — official website; CAMEO country+role convention',
  );
  assert.equal(
    namedSource(org('Kenyan Ministry of Foreign Affairs', 'foreign-ministry', 'KEN'), 'organization', COUNTRIES, ORGS, demonyms),
    'Wikipedia: Kenyan Ministry of Foreign Affairs; Kenyan Ministry of Foreign Affairs — official website; CAMEO country+role convention',
  );
  assert.equal(
    namedSource(org('African Union', 'international', null), 'organization', COUNTRIES, ORGS, demonyms),
    'African Union — official website; Wikipedia: African Union; CAMEO country+role convention',
  );
  assert.equal(
    namedSource(org('Al-Shabaab', 'armed-group', null), 'organization', COUNTRIES, ORGS, demonyms),
    'Wikipedia: Al-Shabaab; CAMEO country+role convention',
  );
});

test('the rewrite changes only the source of rows that need it, keeps comments, order and escapes, and is idempotent', async () => {
  const { nameSourcesInFile } = await script();
  const dir = mkdtempSync(join(tmpdir(), 'kb-sources-'));
  try {
    const file = join(dir, 'people.jsonl');
    const kept = '{"id":"a","name":"A","type":"PERSON","country":"MAR","roles":[],"source":"Wikipedia: A; WorldStatesmen.org: Morocco"}';
    const escaped =
      '{"id":"b","name":"B\\u00e9","type":"PERSON","country":"MAR","roles":[{"role":"foreign-minister","title":{"en":"Foreign Minister","fr":"ministre"},"country":"MAR","from":"2020","to":null}],"source":"official government lists (as recalled, 2026)","extra":1}';
    const plain =
      '{"id":"c","name":"C","type":"PERSON","country":"NGA","roles":[{"role":"head-of-state","title":{"en":"President","fr":"président"},"country":"NGA","from":"2020","to":null}],"source":"official government lists (as recalled, 2026)"}';
    const text = ['# a comment line', kept, '', escaped, '# another', plain, ''].join('\n');
    writeFileSync(file, text);
    assert.equal(nameSourcesInFile(file, COUNTRIES, ORGS), 2);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 7);
    assert.deepEqual([lines[0], lines[1], lines[2], lines[4], lines[6]], ['# a comment line', kept, '', '# another', '']);
    assert.equal(
      lines[3],
      escaped.replace('official government lists (as recalled, 2026)', 'Wikipedia: List of foreign ministers of Morocco; WorldStatesmen.org: Morocco'),
    );
    assert.equal(
      lines[5],
      plain.replace('official government lists (as recalled, 2026)', 'Wikipedia: List of heads of state of Nigeria; WorldStatesmen.org: Nigeria'),
    );
    const once = readFileSync(file, 'utf8');
    assert.equal(nameSourcesInFile(file, COUNTRIES, ORGS), 0);
    assert.equal(readFileSync(file, 'utf8'), once);
    assert.deepEqual(readdirSync(dir), ['people.jsonl'], 'no temporary file left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--check exits 1 listing the rows without a named source, 0 when there are none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-sources-'));
  try {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '# c\n{"id":"ok","source":"Wikipedia: X"}\n{"id":"z","source":"official government lists (as recalled, 2026)"}\n');
    const r1 = spawnSync(process.execPath, [SCRIPT, '--check', bad], { encoding: 'utf8' });
    assert.equal(r1.status, 1, r1.stderr);
    assert.match(r1.stdout, /bad\.jsonl:3: z: /);
    assert.doesNotMatch(r1.stdout, /: ok: /);
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '{"id":"ok","source":"Wikipedia: X"}\n');
    const r2 = spawnSync(process.execPath, [SCRIPT, '--check', good], { encoding: 'utf8' });
    assert.equal(r2.status, 0, r2.stdout + r2.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Letters that ASCII writes with other letters; an id that dropped them lost part of the name. */
const TRANSLITERATION: Record<string, string> = { đ: 'dj', ð: 'd', þ: 'th', æ: 'ae', ø: 'o', ß: 'ss', ł: 'l', œ: 'oe', ı: 'i' };
const slug = (name: string, map: (c: string) => string): string =>
  [...name.toLowerCase()]
    .map(map)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

test('person ids are ASCII kebab-case and keep the letters of the name (pending files aside)', async () => {
  const { defaultFiles } = await script();
  const files = checkedFiles(defaultFiles()).filter((f) => f.includes('/people/'));
  assert.ok(files.length >= 3);
  const problems: string[] = [];
  let rows = 0;
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const row = JSON.parse(line) as { id: string; name: string };
      rows++;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.id)) problems.push(`${row.id}: not ASCII kebab-case`);
      const lost = slug(row.name, (c) => (TRANSLITERATION[c] !== undefined ? '' : c));
      const kept = slug(row.name, (c) => TRANSLITERATION[c] ?? c);
      if (lost !== kept && row.id === lost) problems.push(`${row.id}: should be ${kept} (${row.name})`);
    }
  }
  assert.ok(rows > 3000, `${rows} rows`);
  assert.deepEqual(problems, []);
  // the rule catches what it is for
  assert.notEqual(
    slug('Milo Đukanović', (c) => (TRANSLITERATION[c] !== undefined ? '' : c)),
    slug('Milo Đukanović', (c) => TRANSLITERATION[c] ?? c),
  );
  assert.equal(
    slug('Guðlaugur Þór Þórðarson', (c) => TRANSLITERATION[c] ?? c),
    'gudlaugur-thor-thordarson',
  );
});
