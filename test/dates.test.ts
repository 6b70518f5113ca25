// Dates at every door: impossible dates (2023-13-45, 2023-02-31) are refused with a message naming
// the input, other formats (15/11/2023, RFC 2822) are read, and relative dates never roll over
// from an invalid reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarProblem, readDate } from '../src/text/calendar.js';
import { jsonlLine } from '../src/corpus/sources.js';
import { readArticleBytes } from '../src/ingest/read.js';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import { getAnalyzer } from './helpers/store-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'readout.js'), ...args], { cwd: ROOT, encoding: 'utf8', input });

test('the calendar: impossible months and days are named', () => {
  assert.match(calendarProblem('2023-13-45')!, /'2023-13-45' is not a date: there is no month 13/);
  assert.match(calendarProblem('2023-02-31')!, /'2023-02-31' is not a date: 2023-02 has 28 days/);
  assert.equal(calendarProblem('2024-02-29'), null);
  assert.match(calendarProblem('2023-02-29')!, /28 days/);
  assert.equal(calendarProblem('2023-04'), null);
  assert.equal(calendarProblem('2023'), null);
  assert.match(calendarProblem('2023-4-1')!, /YYYY-MM-DD/);
});

test('metadata dates: ISO, day-first numeric and RFC 2822 are read; the rest is an error naming the value', () => {
  assert.deepEqual(readDate('2023-11-15T23:30:00-05:00'), { date: '2023-11-15' });
  assert.deepEqual(readDate('2023/11/15'), { date: '2023-11-15' });
  assert.deepEqual(readDate('15/11/2023'), { date: '2023-11-15' });
  assert.deepEqual(readDate('5.3.2023'), { date: '2023-03-05' });
  assert.deepEqual(readDate('Wed, 15 Nov 2023 10:00:00 GMT'), { date: '2023-11-15' });
  assert.deepEqual(readDate('Wed, 15 Nov 2023 10:00:00 +0100'), { date: '2023-11-15' });
  assert.match(readDate('31/02/2023').error!, /'31\/02\/2023' is not a date: 2023-02 has 28 days/);
  assert.match(readDate('2023-13-45T00:00:00Z').error!, /no month 13/);
  assert.match(readDate('next Tuesday').error!, /'next Tuesday' is not a date this reader knows/);
});

test('--date and header dates: refused with the input named', () => {
  const bad = run(['analyze', '-', '--date', '2023-02-31'], 'La France a condamné la Russie.\n');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--date: '2023-02-31' is not a date: 2023-02 has 28 days/);
  const dir = mkdtempSync(join(tmpdir(), 'readout-dates-'));
  const file = join(dir, 'bad-header.txt');
  writeFileSync(file, 'date 2023-13-45\ntitle Essai\n\nLa France a condamné la Russie hier.\n');
  const r = run(['analyze', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-header\.txt: header date: '2023-13-45' is not a date: there is no month 13/);
  // the one-line header form too
  assert.throws(
    () => readArticleBytes(Buffer.from(' date 2023-02-30 La France a condamné la Russie.'), 'one-line.txt'),
    /one-line\.txt: header date: '2023-02-30'/,
  );
  // a real date in another format is read
  assert.equal(readArticleBytes(Buffer.from('date 15/11/2023\n\nLa France a condamné la Russie.'), 'ok.txt').published, '2023-11-15');
  const q = run(['query', '--from', '2023-02-30', '--db', join(dir, 'none.db')]);
  assert.equal(q.status, 2);
  assert.match(q.stderr, /--from: '2023-02-30' is not a date/);
});

test('JSONL fields: other formats are parsed, impossible dates reported with file:line, never dropped', () => {
  const ok = jsonlLine(JSON.stringify({ text: 'La France a condamné la Russie.', date: '15/11/2023' }), 'wires.jsonl:1');
  assert.equal(ok?.article?.published, '2023-11-15');
  const rfc = jsonlLine(JSON.stringify({ text: 'La France a condamné la Russie.', published: 'Wed, 15 Nov 2023 10:00:00 GMT' }), 'wires.jsonl:2');
  assert.equal(rfc?.article?.published, '2023-11-15');
  const bad = jsonlLine(JSON.stringify({ text: 'La France a condamné la Russie.', date: '2023-02-31' }), 'wires.jsonl:3');
  assert.equal(bad?.article, undefined);
  assert.match(bad!.error!, /field date: '2023-02-31' is not a date/);
  const unknown = jsonlLine(JSON.stringify({ text: 'La France a condamné la Russie.', date: 'sometime' }), 'wires.jsonl:4');
  assert.match(unknown!.error!, /'sometime' is not a date this reader knows/);
});

test('API: impossible dates in parameters and bodies are 400 {error, statusCode} naming the field', async () => {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'readout-dates-')), 'd.db'));
  const app = await buildServer({ store, analyzer: await getAnalyzer(), webRoot: null });
  try {
    const body = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'La France a condamné la Russie.', published: '2023-02-31' } });
    assert.equal(body.statusCode, 400);
    assert.deepEqual(body.json(), { error: "bad input: published: '2023-02-31' is not a date: 2023-02 has 28 days", statusCode: 400 });
    const raw = await app.inject({
      method: 'POST',
      url: '/api/analyze?published=2023-13-01',
      headers: { 'content-type': 'text/plain' },
      payload: 'La France a condamné la Russie.',
    });
    assert.equal(raw.statusCode, 400);
    assert.match(raw.json().error, /published: '2023-13-01' is not a date: there is no month 13/);
    const hdr = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { 'content-type': 'text/plain' },
      payload: 'date 2023-02-30\n\nLa France a condamné la Russie.',
    });
    assert.equal(hdr.statusCode, 400);
    assert.match(hdr.json().error, /header date: '2023-02-30'/);
    for (const url of ['/api/events?from=2023-02-31', '/api/network?to=2023-13', '/api/dyads?a=USA&b=MAR&from=2023-04-31']) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 400, url);
      assert.match(r.json().error, /is not a date/, url);
    }
  } finally {
    await app.close();
    await store.close();
  }
});

test('relative dates never roll over from an invalid reference', async () => {
  const analyzer = await getAnalyzer();
  const good = analyzer.analyze({ text: 'Hier, la France a condamné la Russie.', published: '2023-03-01' });
  assert.equal(good.events[0]?.date, '2023-02-28');
  const a = analyzer.analyze({ text: 'Hier, la France a condamné la Russie.', published: '2023-02-31' });
  assert.ok(a.events.length > 0);
  // 2023-02-31 would roll over to 2023-03-03, and "hier" to 2023-03-02
  assert.ok(
    a.events.every((e) => e.date === null || e.date < '2023-03'),
    JSON.stringify(a.events.map((e) => e.date)),
  );
});
