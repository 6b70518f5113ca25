// `readout ingest` as users run it: child processes, real files, a kill -9 in the middle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ARTICLES, getAnalyzer } from './helpers/store-fixtures.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { parseHeader } from '../src/ingest/header.js';
import { ingest } from '../src/corpus/ingest.js';
import { articleId } from '../src/document-id.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'readout.js');

function readout(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'readout-ingest-'));
}

const PEOPLE = [
  ['Antony Blinken', 'Nasser Bourita'],
  ['Emmanuel Macron', 'Olaf Scholz'],
  ['Catherine Colonna', 'Sergueï Lavrov'],
  ['Jean-Yves Le Drian', 'Ramtane Lamamra'],
  ['Josep Borrell', 'Hakan Fidan'],
];
/** n distinct articles in both languages as JSONL lines */
function corpus(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = PEOPLE[i % PEOPLE.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const text =
      i % 2
        ? `${a} s'est entretenu le ${day} février avec ${b} à Paris. « Nous avons discuté de la sécurité régionale », a déclaré ${a}. Dépêche numéro ${i}.`
        : `${a} met with ${b} in Geneva on February ${day}. "We discussed regional security," ${a} told reporters. Wire number ${i}.`;
    lines.push(
      JSON.stringify({ text, date: `2023-02-${day}`, source: i % 3 ? 'AFP' : 'Reuters', url: `https://news.example/${i}`, language: i % 2 ? 'fr' : 'en' }),
    );
  }
  return lines.join('\n') + '\n';
}

function snapshot(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    return {
      documents: d.prepare('SELECT id, title, source, url, published, language, length, text, analysis FROM documents ORDER BY id').all(),
      entities: d.prepare('SELECT * FROM entities ORDER BY doc, eid').all(),
      // not the fts column: the full-text row number depends on the order documents were written in
      quotes: d.prepare('SELECT doc, qid, text, kind, speaker_key, cue, language, channel, q_start, q_end, published FROM quotes ORDER BY doc, qid').all(),
      reports: d.prepare('SELECT * FROM reports ORDER BY doc, vid').all(),
      actors: d.prepare('SELECT * FROM actors ORDER BY key').all(),
      fts: d.prepare('SELECT COUNT(*) AS n FROM documents_fts').get(),
    };
  } finally {
    d.close();
  }
}

test('ingest: good documents stored as analyze() returns them, bad ones reported with file and reason', async () => {
  const dir = tmp(),
    src = join(dir, 'in');
  mkdirSync(join(src, 'sub'), { recursive: true });
  writeFileSync(join(src, 'blinken.txt'), ARTICLES['blinken-bourita-fr.txt']!);
  writeFileSync(join(src, 'sub', 'macron.txt'), ARTICLES['macron-scholz-fr.txt']!);
  writeFileSync(
    join(src, 'sub', 'page.html'),
    `<!doctype html><html lang="en"><head><title>Blinken and Bourita</title><meta property="article:published_time" content="2023-02-01T09:00:00Z"></head><body><article><p>${ARTICLES['blinken-bourita-en.txt']!.split('\n\n').slice(1).join('</p><p>')}</p></article></body></html>`,
  );
  writeFileSync(join(src, 'empty.txt'), '');
  writeFileSync(join(src, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 4]));
  writeFileSync(
    join(src, 'wires.jsonl'),
    [
      JSON.stringify({
        body: 'Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu mardi à Rabat son homologue espagnol José Manuel Albares.',
        published: '2023-03-07T08:00:00Z',
        source: 'MAP',
        language: 'fr',
      }),
      '{"text": "Olaf Scholz a appelé Emmanuel Macron', // truncated line
      JSON.stringify({ title: 'no text here' }),
      '',
    ].join('\n'),
  );
  writeFileSync(join(src, 'notes.md'), 'ignored: not an article extension');
  const db = join(dir, 'r.db');
  const r = readout(['ingest', src, '--db', db, '--jobs', '2']);
  assert.equal(r.code, 1, r.stderr);
  for (const [file, reason] of [
    ['empty.txt', /empty/],
    ['binary.txt', /binary/],
    ['wires.jsonl:2', /malformed JSON/],
    ['wires.jsonl:3', /no text/],
  ] as const) {
    const line = r.stderr.split('\n').find((l) => l.includes(file));
    assert.ok(line, `${file} reported:\n${r.stderr}`);
    assert.match(line, reason);
  }
  assert.match(r.stderr, /4 documents .* 4 stored, 0 replaced, 0 already stored, 4 failed/);
  // what was stored is what the analyzer returns for the same article
  const analyzer = await getAnalyzer();
  const store = new SqliteStore(db);
  try {
    await store.init();
    const expected = analyzer.analyze(parseHeader(ARTICLES['blinken-bourita-fr.txt']!));
    const doc = await store.getDocument(expected.document.id);
    assert.ok(doc);
    assert.deepEqual(doc.analysis, expected);
    assert.equal(doc.origin, join(src, 'blinken.txt'));
    const wire = (await store.searchDocuments({ text: 'homologue espagnol' })).items[0];
    assert.ok(wire, 'the JSONL document is searchable');
    assert.equal(wire.published, '2023-03-07');
    assert.equal(wire.source, 'MAP');
    assert.equal(wire.origin, join(src, 'wires.jsonl') + ':1');
    const page = (await store.searchDocuments({ text: 'regional security' })).items[0];
    assert.equal(page?.published, '2023-02-01');
    assert.equal((await store.stats()).documents, 4);
  } finally {
    await store.close();
  }
  // again: nothing changes; --force re-analyses
  const before = snapshot(db);
  const again = readout(['ingest', src, '--db', db, '--jobs', '1']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /0 stored, 0 replaced, 4 already stored/);
  assert.deepEqual(snapshot(db), before);
  const forced = readout(['ingest', src, '--db', db, '--force', '--quiet']);
  assert.match(forced.stderr, /0 stored, 4 replaced/);
  assert.deepEqual(snapshot(db), before);
});

test('ingest: standard input (text, JSONL) and RSS/Atom feeds', () => {
  const dir = tmp(),
    db = join(dir, 'r.db');
  const one = readout(['ingest', '-', '--db', db, '--quiet'], ARTICLES['macron-scholz-fr.txt']);
  assert.equal(one.code, 0, one.stderr);
  const lines = readout(['ingest', '-', '--db', db, '--quiet'], corpus(3));
  assert.equal(lines.code, 0, lines.stderr);
  assert.match(lines.stderr, /3 stored/);
  writeFileSync(
    join(dir, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Diplomatie Hebdo</title><language>fr</language><link>https://diplo.example</link>
<item><title>Rabat et Madrid renforcent leur coopération</title><link>https://diplo.example/1</link><pubDate>Tue, 07 Mar 2023 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Nasser Bourita a reçu à Rabat José Manuel Albares pour évoquer la coopération migratoire.</p>]]></description></item>
<item><title>Visite à Alger</title><link>https://diplo.example/2</link><pubDate>Wed, 08 Mar 2023 08:00:00 GMT</pubDate>
<description>Le ministre algérien Ahmed Attaf a accueilli son homologue italien Antonio Tajani.</description></item>
</channel></rss>`,
  );
  writeFileSync(
    join(dir, 'atom.atom'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Blinken in Rabat</title><link href="https://wire.example/a"/><updated>2023-03-09T10:00:00Z</updated><published>2023-03-09T10:00:00Z</published>
<content type="html">&lt;p&gt;Antony Blinken met Nasser Bourita in Rabat on Thursday.&lt;/p&gt;</content></entry></feed>`,
  );
  const feeds = readout(['ingest', join(dir, 'feed.xml'), join(dir, 'atom.atom'), '--db', db, '--quiet']);
  assert.equal(feeds.code, 0, feeds.stderr);
  assert.match(feeds.stderr, /3 stored/);
  const d = new Database(db, { readonly: true });
  const rows = d.prepare('SELECT origin, source, url, published, language FROM documents WHERE origin LIKE ? ORDER BY origin').all('%#%') as any[];
  d.close();
  assert.deepEqual(
    rows.map((r) => [r.origin.replace(dir, ''), r.source, r.url, r.published]),
    [
      ['/atom.atom#1', 'Wire', 'https://wire.example/a', '2023-03-09'],
      ['/feed.xml#1', 'Diplomatie Hebdo', 'https://diplo.example/1', '2023-03-07'],
      ['/feed.xml#2', 'Diplomatie Hebdo', 'https://diplo.example/2', '2023-03-08'],
    ],
  );
  const bad = readout(['ingest', '-', '--db', db, '--quiet'], '<rss><channel><item><title>cut');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /<stdin>(#1)?: (no text|not an RSS)/);
});

test('ingest: killed with SIGKILL mid-run, the same command completes the store as an uninterrupted run', async (t) => {
  const dir = tmp();
  const input = join(dir, 'wires.jsonl');
  const N = 1000;
  writeFileSync(input, corpus(N));
  const ref = join(dir, 'ref.db');
  assert.equal(readout(['ingest', input, '--db', ref, '--quiet']).code, 0);
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--jobs', '1', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((r) => child.on('exit', (code, sig) => r(sig ?? code)));
  let atKill = 0;
  for (let i = 0; i < 2000; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(db)) continue;
    try {
      const d = new Database(db, { readonly: true, fileMustExist: true });
      atKill = (d.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'documents'").get() as any).n
        ? (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as any).n
        : 0;
      d.close();
    } catch {
      continue;
    }
    if (atKill >= 30) break;
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  if (atKill >= N) t.diagnostic('the run finished before it could be killed: the resume part is not exercised');
  assert.ok(atKill > 0 && atKill < N, `killed after ${atKill} of ${N} documents`);
  const resumed = readout(['ingest', input, '--db', db, '--quiet']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /already stored/);
  const a = snapshot(db),
    b = snapshot(ref);
  assert.equal(a.documents.length, N);
  assert.deepEqual(a, b);
});

test('ingest: a folder of files with headers, ingested again, analyses nothing (the pre-check uses the store key)', async () => {
  const dir = tmp(),
    src = join(dir, 'in');
  mkdirSync(src);
  // every fixture has a `key value` header: the store keys a document by its body only
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(src, name), text);
  // the same body with another header and Windows line ends is the same document
  writeFileSync(join(src, 'z-copy-crlf.txt'), ARTICLES['macron-scholz-fr.txt']!.replace('source France 24', 'source AFP').replace(/\n/g, '\r\n'));
  const store = new SqliteStore(join(dir, 'r.db'));
  await store.init();
  const puts: string[] = [];
  // ingest writes through putRows (batches of rows built on the workers)
  const put = store.putRows.bind(store);
  store.putRows = (batch, opts) => {
    puts.push(...batch.map((rows) => rows.doc.id));
    return put(batch, opts);
  };
  try {
    const first = await ingest([src], { store, jobs: 1, progress: false });
    assert.deepEqual(first.failed, []);
    assert.equal(first.stored, 3);
    assert.equal(first.unchanged, 1, 'the CRLF copy is skipped before analysis');
    assert.equal(puts.length, 3);
    for (const [name, text] of Object.entries(ARTICLES)) {
      const art = parseHeader(text);
      assert.ok(art.bodyStart! > 0, `${name} has a header`);
      assert.ok(await store.hasDocument(articleId(art)), `${name} is stored under its body's id`);
    }
    assert.deepEqual(
      [...puts].sort(),
      Object.values(ARTICLES)
        .map((t) => articleId(parseHeader(t)))
        .sort(),
    );
    puts.length = 0;
    const again = await ingest([src], { store, jobs: 1, progress: false });
    assert.equal(again.documents, 4);
    assert.equal(again.unchanged, 4);
    assert.equal(again.stored + again.replaced, 0);
    assert.deepEqual(puts, [], 'nothing is analysed or written again');
  } finally {
    await store.close();
  }
});
