// `readout export`: the GDELT columns, CSV and JSONL, on a store filled through the store API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/sqlite.js';
import { article, handAnalysis } from './helpers/store-fixtures.js';
import { cameoEntry } from './helpers/cameo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'readout.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

const GDELT = [
  'GlobalEventID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'DATEADDED',
  'SOURCEURL',
  'Modality',
];

test('export: GDELT 2.0 columns, CSV with a header, JSONL', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'readout-export-')), 'e.db');
  const store = new SqliteStore(db);
  await store.init();
  const fr = article('blinken-bourita-fr.txt'),
    en = article('blinken-bourita-en.txt');
  await store.putDocument(
    fr,
    handAnalysis(fr.text, { language: 'fr', published: '2023-02-01', source: 'Le Monde', events: [{ code: '042', src: 0, tgt: 1, date: '2023-02-01' }] }),
  );
  await store.putDocument(
    en,
    handAnalysis(en.text, {
      language: 'en',
      published: '2023-02-01',
      source: 'Reuters',
      events: [
        { code: '042', src: 0, tgt: 1, date: '2023-02-01' },
        { code: '112', src: 1, tgt: 0, date: '2023-01' },
      ],
    }),
  );
  await store.close();

  const g = run(['export', '--format', 'gdelt', '--db', db]);
  assert.equal(g.status, 0, g.stderr);
  const [head, ...lines] = g.stdout.trimEnd().split('\n');
  assert.deepEqual(head!.split('\t'), GDELT);
  assert.equal(lines.length, 2);
  const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [GDELT[i], v])));
  for (const r of rows) assert.equal(Object.keys(r).length, GDELT.length);
  const call = rows.find((r) => r.EventCode === '042')!;
  assert.deepEqual(
    [call.SQLDATE, call.MonthYear, call.Year, call.EventBaseCode, call.EventRootCode, call.QuadClass, call.NumMentions, call.NumArticles, call.NumSources],
    ['20230201', '202302', '2023', '042', '04', '1', '2', '2', '2'],
  );
  assert.deepEqual(
    [call.Actor1Name, call.Actor1CountryCode, call.Actor1Code, call.Actor2Name, call.Actor2CountryCode],
    ['ANTONY BLINKEN', 'USA', 'USAGOV', 'NASSER BOURITA', 'MAR'],
  );
  assert.match(call.GlobalEventID!, /^\d+$/);
  assert.match(call.DATEADDED!, /^\d{14}$/);
  const accuse = rows.find((r) => r.EventCode === '112')!;
  assert.equal(accuse.SQLDATE, '20230101');
  assert.equal(accuse.QuadClass, '3');
  assert.equal(accuse.Actor1Name, 'NASSER BOURITA');
  // Goldstein values are the exact code's (042's differs from its root 04's)
  assert.equal(Number(call.GoldsteinScale), cameoEntry('042').goldstein);
  assert.equal(Number(accuse.GoldsteinScale), cameoEntry('112').goldstein);
  assert.notEqual(cameoEntry('042').goldstein, cameoEntry('04').goldstein);

  const csv = run(['export', '--format', 'csv', '--what', 'events', '--code', '11', '--db', db]);
  const csvLines = csv.stdout.trimEnd().split('\n');
  assert.equal(csvLines.length, 2);
  assert.ok(csvLines[0]!.startsWith('GlobalEventID,SQLDATE'));
  assert.match(csvLines[0]!, /,Date,Modality,Label,/);
  assert.ok(csvLines[1]!.includes(cameoEntry('112').label.en), `the exact code's label in ${csvLines[1]}`);

  const jl = run(['export', '--format', 'jsonl', '--what', 'entities', '--db', db])
    .stdout.trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(jl.length, 4);
  assert.deepEqual(jl.map((e) => e.actor).sort(), ['antony-blinken', 'antony-blinken', 'nasser-bourita', 'nasser-bourita']);
  const bad = run(['export', '--format', 'gdelt', '--what', 'quotes', '--db', db]);
  assert.equal(bad.status, 2);
});
