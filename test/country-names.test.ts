// Countries by any name: ISO codes in any case, English and French names and demonyms resolve
// through the knowledge base in /api/dyads, the corpus filters and `query --country/--with`;
// unknown and ambiguous names are errors that say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { CountryNames } from '../src/kb/country-names.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { buildServer } from '../src/server/app.js';
import { article, getAnalyzer, handAnalysis } from './helpers/store-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'readout.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const names = new CountryNames(loadKnowledgeBase().countries);

test('any name of a country → its ISO3 code', () => {
  for (const s of ['USA', 'usa', 'US', 'United States', 'united states', 'États-Unis', 'Etats-Unis', 'américaine', 'American', 'country:USA'])
    assert.equal(names.lookup(s).iso3, 'USA', s);
  for (const s of ['Maroc', 'Morocco', 'MAR', 'mar', 'MA', 'marocains', 'Moroccan']) assert.equal(names.lookup(s).iso3, 'MAR', s);
  for (const s of ['RDC', 'RD Congo', 'DRC', 'Democratic Republic of Congo', 'République démocratique du Congo', 'cod'])
    assert.equal(names.lookup(s).iso3, 'COD', s);
  assert.match(names.lookup('Atlantis').error!, /unknown country 'Atlantis'/);
  assert.match(names.lookup('Congolese').error!, /'Congolese' names several countries \(COD .*COG /);
});

test('API and CLI: dyads, events and query by name; the label names what was queried', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-countries-'));
  const db = join(dir, 'c.db');
  const store = new SqliteStore(db);
  await store.init();
  const fr = article('blinken-bourita-fr.txt');
  await store.putDocument(
    fr,
    handAnalysis(fr.text, { language: 'fr', published: '2023-02-01', source: 'Le Monde', events: [{ code: '042', src: 0, tgt: 1, date: '2023-02-01' }] }),
  );
  const app = await buildServer({ store, analyzer: await getAnalyzer(), webRoot: null });
  try {
    const get = async (url: string) => app.inject({ method: 'GET', url });
    for (const [a, b] of [
      ['USA', 'MAR'],
      ['usa', 'Maroc'],
      ['États-Unis', 'Morocco'],
      ['United States', 'mar'],
    ]) {
      const r = await get(`/api/dyads?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
      assert.equal(r.statusCode, 200, `${a}/${b}: ${r.body}`);
      assert.equal(r.json().total, 1, `${a}/${b}`);
      assert.deepEqual([r.json().a.name, r.json().b.name], ['United States', 'Morocco']);
    }
    const ev = await get(`/api/events?country=${encodeURIComponent('États-Unis')}&with=marocain`);
    assert.equal(ev.json().total, 1, ev.body);
    const unknown = await get('/api/dyads?a=Atlantis&b=MAR');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().error, /no country or actor named 'Atlantis'/);
    const badCountry = await get('/api/events?country=Atlantis');
    assert.equal(badCountry.statusCode, 400);
    assert.deepEqual(Object.keys(badCountry.json()).sort(), ['error', 'statusCode']);
  } finally {
    await app.close();
    await store.close();
  }
  const q = run(['query', '--country', 'États-Unis', '--with', 'Maroc', '--format', 'csv', '--db', db]);
  assert.equal(q.status, 0, q.stderr);
  assert.equal(q.stdout.trimEnd().split('\n').length, 2);
  const bad = run(['query', '--country', 'Atlantis', '--db', db]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--country: unknown country 'Atlantis'/);
});
