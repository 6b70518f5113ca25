// Modality everywhere: negated, hypothetical and planned acts are stored with their modality, and
// story events, exports, the query table, networks, dyads and actor counts include only asserted
// acts unless asked otherwise (`--modality`, `?modality=`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/sqlite.js';
import { parseModality, storyModality } from '../src/store/modality.js';
import { buildServer } from '../src/server/app.js';
import { article, getAnalyzer, handAnalysis } from './helpers/store-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'readout.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readout-modality-'));
  db = join(dir, 'm.db');
  const store = new SqliteStore(db);
  await store.init();
  const fr = article('blinken-bourita-fr.txt'),
    en = article('blinken-bourita-en.txt');
  // an asserted call (042), a denied attack (190 negated) and a threatened sanction (163 hypothetical)
  await store.putDocument(
    fr,
    handAnalysis(fr.text, {
      language: 'fr',
      published: '2023-02-01',
      source: 'Le Monde',
      events: [
        { code: '042', src: 0, tgt: 1, date: '2023-02-01' },
        { code: '190', src: 1, tgt: 0, date: '2023-02-01', modality: 'negated' },
      ],
    }),
  );
  await store.putDocument(
    en,
    handAnalysis(en.text, {
      language: 'en',
      published: '2023-02-01',
      source: 'Reuters',
      events: [{ code: '163', src: 0, tgt: 1, date: '2023-02-02', modality: 'hypothetical' }],
    }),
  );
  await store.close();
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('parseModality: all, lists, and a clear error for unknown words', () => {
  assert.equal(parseModality('all'), 'all');
  assert.deepEqual(parseModality('negated, hypothetical'), ['negated', 'hypothetical']);
  assert.throws(() => parseModality('maybe'), /unknown modality 'maybe'/);
  assert.throws(() => parseModality('all,negated'), /cannot be combined/);
  assert.equal(storyModality([{ modality: 'negated' }, { modality: 'asserted' }]), 'asserted');
  assert.equal(storyModality([{ modality: 'negated' }, { modality: 'hypothetical' }, { modality: 'hypothetical' }]), 'hypothetical');
});

test('store: story events, dyads, actor counts and stats count asserted acts by default', async () => {
  const store = new SqliteStore(db);
  await store.init();
  try {
    const def = await store.events({});
    assert.deepEqual(
      def.items.map((e) => [e.code, e.modality]),
      [['042', 'asserted']],
    );
    assert.equal(def.total, 1);
    const all = await store.events({ modality: 'all' });
    assert.deepEqual(all.items.map((e) => `${e.code}:${e.modality}`).sort(), ['042:asserted', '163:hypothetical', '190:negated']);
    const neg = await store.events({ modality: ['negated'] });
    assert.deepEqual(
      neg.items.map((e) => e.code),
      ['190'],
    );
    const dyad = await store.dyad('antony-blinken', 'nasser-bourita');
    assert.equal(dyad.total, 1);
    assert.deepEqual(
      dyad.months.map((m) => m.quad),
      [[1, 0, 0, 0]],
    );
    assert.equal((await store.dyad('antony-blinken', 'nasser-bourita', { modality: 'all' })).total, 3);
    const blinken = await store.actor('antony-blinken');
    assert.equal(blinken?.events, 1);
    assert.equal((await store.actor('antony-blinken', { modality: 'all' }))?.events, 3);
    assert.equal((await store.stats()).storyEvents, 1);
    // one story asked for by id shows every report with its modality
    const denied = neg.items[0]!;
    assert.equal((await store.event(denied.id))?.reports[0]?.modality, 'negated');
  } finally {
    await store.close();
  }
});

test('export: GDELT rows are asserted acts unless --modality says otherwise; every format carries Modality', () => {
  const g = run(['export', '--format', 'gdelt', '--db', db]);
  assert.equal(g.status, 0, g.stderr);
  const [head, ...lines] = g.stdout.trimEnd().split('\n');
  const cols = head!.split('\t');
  const mi = cols.indexOf('Modality'),
    ci = cols.indexOf('EventCode');
  assert.ok(mi > 0);
  assert.deepEqual(
    lines.map((l) => `${l.split('\t')[ci]}:${l.split('\t')[mi]}`),
    ['042:asserted'],
  );
  const all = run(['export', '--format', 'gdelt', '--modality', 'all', '--db', db]).stdout.trimEnd().split('\n').slice(1);
  assert.deepEqual(all.map((l) => `${l.split('\t')[ci]}:${l.split('\t')[mi]}`).sort(), ['042:asserted', '163:hypothetical', '190:negated']);
  const jl = run(['export', '--format', 'jsonl', '--modality', 'negated,hypothetical', '--db', db])
    .stdout.trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(jl.map((r) => r.Modality).sort(), ['hypothetical', 'negated']);
  const csv = run(['export', '--format', 'csv', '--modality', 'negated', '--db', db]).stdout.trimEnd().split('\n');
  assert.equal(csv.length, 2);
  assert.match(csv[1]!, /,negated,/);
  const bad = run(['export', '--format', 'csv', '--modality', 'perhaps', '--db', db]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown modality 'perhaps'/);
});

test('query: the table and CSV show the modality; --modality all shows negated and hypothetical acts', () => {
  const t = run(['query', '--db', db]);
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout, /asserted/);
  assert.doesNotMatch(t.stdout, /negated|hypothetical/);
  const all = run(['query', '--modality', 'all', '--format', 'csv', '--db', db]).stdout.trimEnd().split('\n');
  assert.equal(all[0]!.split(',')[2], 'modality');
  assert.deepEqual(
    all
      .slice(1)
      .map((l) => l.split(',')[2])
      .sort(),
    ['asserted', 'hypothetical', 'negated'],
  );
});

test('API: events, network, dyads and actors count asserted acts by default; ?modality= changes it', async () => {
  const store = new SqliteStore(db);
  await store.init();
  const app = await buildServer({ store, analyzer: await getAnalyzer(), webRoot: null });
  try {
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
      return r.json();
    };
    assert.deepEqual(
      (await get('/api/events')).items.map((e: any) => e.modality),
      ['asserted'],
    );
    assert.equal((await get('/api/events?modality=all')).total, 3);
    const net = await get('/api/network');
    assert.deepEqual(
      net.edges.map((e: any) => [e.id, e.events, e.quad]),
      [['MAR|USA', 1, [1, 0, 0, 0]]],
    );
    const netAll = await get('/api/network?modality=all');
    assert.equal(netAll.edges[0].events, 3);
    assert.equal((await get('/api/dyads?a=USA&b=MAR')).total, 1);
    assert.equal((await get('/api/dyads?a=USA&b=MAR&modality=negated')).events[0].modality, 'negated');
    assert.equal((await get('/api/actors/antony-blinken')).events, 1);
    const bad = await app.inject({ method: 'GET', url: '/api/events?modality=perhaps' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json()).sort(), ['error', 'statusCode']);
  } finally {
    await app.close();
    await store.close();
  }
});
