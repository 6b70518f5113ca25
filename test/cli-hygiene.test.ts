// CLI hygiene: reading commands refuse a database that does not exist, a closed pipe ends quietly,
// ingest skips FIFOs and dangling symlinks with a report, progress never passes its total, --lang
// needs a pack, LIKE patterns are literal, and every API error is {error, statusCode}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { listFiles } from '../src/corpus/sources.js';
import { Progress } from '../src/corpus/progress.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { buildServer } from '../src/server/app.js';
import { article, getAnalyzer, handAnalysis } from './helpers/store-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'readout.js');
const run = (args: string[], opts: { timeout?: number } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: opts.timeout ?? 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'readout-hygiene-'));

test('query, export and serve refuse a database file that does not exist (unless --create)', () => {
  const dir = tmp();
  const db = join(dir, 'typo.db');
  for (const cmd of [['query'], ['export', '--format', 'jsonl'], ['serve', '--port', '0']]) {
    const r = run([...cmd, '--db', db]);
    assert.equal(r.status, 2, `${cmd[0]}: ${r.stderr}`);
    assert.match(r.stderr, /typo\.db: no such database/);
    assert.equal(existsSync(db), false, `${cmd[0]} did not create the file`);
  }
  const created = run(['query', '--db', db, '--create']);
  assert.equal(created.status, 0, created.stderr);
  assert.ok(existsSync(db));
});

test('analyze … | head ends quietly when the reader closes the pipe', () => {
  // more output than a pipe holds (64 KB), line by line, so that the writer meets the closed pipe
  const files = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(ROOT, 'examples', f));
  const sh = `set -o pipefail; "${process.execPath}" "${BIN}" analyze ${files.map((f) => `"${f}"`).join(' ')} --format jsonl | head -c 20 > /dev/null`;
  const r = spawnSync('bash', ['-c', sh], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stderr, '', 'nothing on standard error');
  assert.equal(r.status, 0);
});

test('ingest skips FIFOs and dangling symlinks with a report, instead of hanging or staying silent', () => {
  const dir = tmp();
  const news = join(dir, 'news');
  mkdirSync(news);
  writeFileSync(join(news, 'a.txt'), 'La France a condamné la Russie mardi.\n');
  execFileSync('mkfifo', [join(news, 'pipe.txt')]);
  symlinkSync(join(dir, 'gone.txt'), join(news, 'dangling.txt'));
  const { files, errors } = listFiles([news]);
  assert.deepEqual(files, [join(news, 'a.txt')]);
  const why = Object.fromEntries(errors.map((e) => [e.origin.split('/').pop(), e.error]));
  assert.match(why['pipe.txt']!, /named pipe \(FIFO\), not a regular file/);
  assert.match(why['dangling.txt']!, /symbolic link whose target does not exist/);
  const r = run(['ingest', news, '--db', join(dir, 'n.db'), '--jobs', '1'], { timeout: 60_000 });
  assert.equal(r.status, 1, `the batch reports its failures: ${r.stderr}`);
  assert.match(r.stderr, /pipe\.txt/);
  assert.match(r.stderr, /dangling\.txt/);
});

test('progress never shows more than the total', () => {
  let out = '';
  const sink = new Writable({
    write(chunk, _e, cb) {
      out += chunk;
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  const p = new Progress(sink, { tty: false });
  p.update({ done: 12, failed: 0, total: 10 }, true);
  assert.match(out, /^ingest: 12\/12 documents/);
  assert.doesNotMatch(out, /12\/10/);
});

test('--lang refuses a language without a pack', () => {
  const r = run(['analyze', '-', '--lang', 'de']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no language pack for 'de' \(packs: .*en.*fr/);
});

test('LIKE patterns are literal: % and _ match only themselves', async () => {
  const store = new SqliteStore(join(tmp(), 'l.db'));
  await store.init();
  try {
    const fr = article('blinken-bourita-fr.txt');
    await store.putDocument(
      fr,
      handAnalysis(fr.text, { language: 'fr', published: '2023-02-01', source: 'Le Monde', events: [{ code: '042', src: 0, tgt: 1, date: '2023-02-01' }] }),
    );
    assert.equal((await store.actors({ q: 'blink' })).total, 1);
    assert.equal((await store.actors({ q: '%' })).total, 0);
    assert.equal((await store.actors({ q: '_' })).total, 0);
    assert.equal((await store.events({ actor: '%' })).total, 0);
  } finally {
    await store.close();
  }
});

test('every API error has the documented {error, statusCode} shape', async () => {
  const app = await buildServer({ analyzer: await getAnalyzer(), webRoot: null, bodyLimit: 1000 });
  try {
    const cases = [
      { method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/json' }, payload: '{"text": ' },
      { method: 'POST', url: '/api/analyze', payload: { text: 'x'.repeat(2000) } },
      { method: 'POST', url: '/api/analyze', headers: { 'content-type': 'image/png' }, payload: 'x' },
      { method: 'DELETE', url: '/api/analyze' },
      { method: 'GET', url: '/api/nothing' },
      { method: 'GET', url: '/api/events?limit=abc' },
      { method: 'GET', url: '/api/events' },
      { method: 'POST', url: '/api/ingest', payload: { text: 'x' } },
    ] as const;
    for (const c of cases) {
      const r = await app.inject(c as any);
      assert.ok(r.statusCode >= 400, `${c.method} ${c.url}`);
      const body = r.json();
      assert.deepEqual(Object.keys(body).sort(), ['error', 'statusCode'], `${c.method} ${c.url}: ${r.body}`);
      assert.equal(body.statusCode, r.statusCode);
      assert.equal(typeof body.error, 'string');
    }
  } finally {
    await app.close();
  }
});
