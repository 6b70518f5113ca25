// The server's analyses run on worker threads: other requests are answered while a long document
// is analysed, a document over the time limit answers 422 (and its worker is replaced), a full queue
// answers 503, and the pool gives the same analysis as the server's own thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { AnalysisPool } from '../src/server/analysis-pool.js';
import { getAnalyzer } from './helpers/store-fixtures.js';

const SEED = readFileSync(fileURLToPath(new URL('../../examples/seed.txt', import.meta.url)));
// about 1 MB of text: seconds of analysis on any machine
const LONG =
  'Le ministre marocain des Affaires étrangères Nasser Bourita a reçu mardi à Rabat son homologue français. « Nous avons parlé de sécurité », a-t-il déclaré. '.repeat(
    7000,
  );

let pool: AnalysisPool;
let app: FastifyInstance;
before(async () => {
  pool = new AnalysisPool({ size: 1, timeLimitMs: 600_000 });
  await pool.ready;
  app = await buildServer({ analyzer: await getAnalyzer(), pool, webRoot: null });
});
after(async () => {
  await app?.close();
  await pool?.close();
});

test('the pool gives the same analysis as the server thread', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/analyze?published=2023-02-01', headers: { 'content-type': 'text/plain' }, payload: SEED });
  assert.equal(res.statusCode, 200, res.body);
  const local = await buildServer({ analyzer: await getAnalyzer(), webRoot: null });
  const here = await local.inject({ method: 'POST', url: '/api/analyze?published=2023-02-01', headers: { 'content-type': 'text/plain' }, payload: SEED });
  await local.close();
  assert.deepEqual(res.json(), here.json());
  assert.ok(res.json().entities.length > 0);
  const bad = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: '   ' } });
  assert.equal(bad.statusCode, 400);
});

test('a long analysis does not block the server: other requests are answered first', async () => {
  let posted = false;
  const long = app.inject({ method: 'POST', url: '/api/analyze', payload: { text: LONG } }).then((r) => {
    posted = true;
    return r;
  });
  const other = await app.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(other.statusCode, 200);
  assert.equal(posted, false, 'the small request was answered while the long analysis was still running');
  assert.equal((await long).statusCode, 200);
});

test('over the time limit: 422 with a clear message, the worker replaced; a full queue: 503', async () => {
  const strict = new AnalysisPool({ size: 1, timeLimitMs: 50, maxQueue: 1 });
  await strict.ready;
  const app2 = await buildServer({ analyzer: await getAnalyzer(), pool: strict, webRoot: null });
  try {
    const res = await app2.inject({ method: 'POST', url: '/api/analyze', payload: { text: LONG } });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error, /the document took longer than the limit of [\d.]+ s to analyse/);
    assert.deepEqual(Object.keys(res.json()).sort(), ['error', 'statusCode']);
    assert.equal(strict.timedOut, 1);
    await strict.ready; // the replacement worker
    // the queue: one running, one waiting, the third is refused at once
    const a = strict.analyze({ kind: 'json', body: { text: LONG } });
    const b = strict.analyze({ kind: 'json', body: { text: LONG } });
    await assert.rejects(strict.analyze({ kind: 'json', body: { text: LONG } }), (e: any) => e.statusCode === 503 && /busy/.test(e.message));
    await assert.rejects(a, (e: any) => e.statusCode === 422);
    await assert.rejects(b, (e: any) => e.statusCode === 422);
  } finally {
    await app2.close();
    await strict.close();
  }
});
