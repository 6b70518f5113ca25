// The HTTP API without a corpus: analysis, the OpenAPI document, bad input, errors, the ingest token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer, type Analyzer } from '../src/pipeline.js';
import { buildServer } from '../src/server/app.js';
import { ROUTES } from '../src/server/schemas.js';
import type { FastifyInstance } from 'fastify';

const ARTICLE = `Le ministre des Affaires étrangères, Jean-Noël Barrot, s’est entretenu mardi par téléphone avec son homologue marocain, Nasser Bourita, a indiqué le Quai d’Orsay dans un communiqué.

Les deux ministres ont évoqué « la coopération bilatérale et la situation au Sahel », selon le texte publié à Paris.

« Nous voulons avancer ensemble sur les grands dossiers régionaux », a déclaré M. Barrot à l’issue de l’entretien.`;

let analyzer: Analyzer;
let app: FastifyInstance;

before(async () => {
  analyzer = await createAnalyzer();
  app = await buildServer({ analyzer, store: null, token: 'sesame-42', webRoot: null, bodyLimit: 64 * 1024 });
});
after(async () => {
  await app?.close();
});

function assertNoStack(body: string) {
  assert.doesNotMatch(body, /\bat .+\.(js|ts):\d+/, 'no stack trace in a response');
  assert.doesNotMatch(body, /\/work\/|node_modules|dist\/src/, 'no server paths in a response');
}

test('GET /openapi.json describes every endpoint', async () => {
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const r of Object.values(ROUTES)) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} documented`);
  }
  assert.deepEqual(doc.paths['/api/ingest'].post.security, [{ bearer: [] }]);
  assert.ok(doc.paths['/api/documents'].get.parameters.some((p: any) => p.name === 'from' && p.schema.pattern));
});

test('POST /api/analyze (JSON) returns the contract, offsets reproduce the text', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE, published: '2025-03-11', title: 'Appel Barrot–Bourita' } });
  assert.equal(res.statusCode, 200, res.body);
  const a = res.json();
  assert.match(a.document.id, /^[0-9a-f]{16}$/);
  assert.equal(a.document.published, '2025-03-11');
  assert.equal(a.document.title, 'Appel Barrot–Bourita');
  assert.equal(a.document.language, 'fr');
  assert.equal(a.text, undefined, 'the contract alone unless include=text');
  assert.ok(a.segments.length >= 3);
  for (const s of a.segments) assert.ok(s.start >= 0 && s.end <= ARTICLE.length && s.start < s.end);
  for (const e of a.entities) for (const m of e.mentions) assert.equal(ARTICLE.slice(m.start, m.end), m.text);
  for (const q of a.quotes) assert.ok(q.start >= 0 && q.end <= ARTICLE.length);
  for (const v of a.events) assert.ok(v.evidence.end <= ARTICLE.length);
  // same input, same output
  const again = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE, published: '2025-03-11', title: 'Appel Barrot–Bourita' } });
  assert.equal(again.body, res.body);
});

test('POST /api/analyze?include=text adds the text', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/analyze?include=text', payload: { text: ARTICLE } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().text, ARTICLE);
});

test('POST /api/analyze with raw bytes: Windows-1252 text and HTML are read like files', async () => {
  const latin1 = Buffer.from(
    'Le président français a reçu à l’Élysée le Premier ministre québécois. Ils ont évoqué la coopération économique.'.replace('’', "'"),
    'latin1',
  );
  const res = await app.inject({ method: 'POST', url: '/api/analyze?published=2024-05-02', headers: { 'content-type': 'text/plain' }, payload: latin1 });
  assert.equal(res.statusCode, 200, res.body);
  const a = res.json();
  assert.match(a.text, /président français a reçu à l'Élysée/);
  assert.equal(a.document.published, '2024-05-02');

  const html = `<!doctype html><html><head><title>Talks in Rabat</title></head><body><nav>Home | World</nav><article><h1>Talks in Rabat</h1>
<p>Secretary of State Antony Blinken met Moroccan Foreign Minister Nasser Bourita in Rabat on Tuesday to discuss regional security, the State Department said.</p>
<p>"We have a strong partnership," Blinken told reporters after the meeting, adding that both countries would deepen their cooperation on counter-terrorism.</p></article></body></html>`;
  const h = await app.inject({
    method: 'POST',
    url: '/api/analyze?filename=rabat.html',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    payload: html,
  });
  assert.equal(h.statusCode, 200, h.body);
  const ha = h.json();
  assert.match(ha.text, /Antony Blinken met Moroccan/);
  assert.doesNotMatch(ha.text, /<p>/);
  assert.equal(ha.document.language, 'en');
});

test('bad input answers 400 with a JSON message', async () => {
  const cases: { payload: any; headers?: Record<string, string>; url?: string; why: RegExp }[] = [
    { payload: {}, why: /text/ },
    { payload: { text: '' }, why: /text/ },
    { payload: { text: '   \n ' }, why: /empty/ },
    { payload: { text: 42 }, why: /text/ },
    { payload: { text: ARTICLE, published: 'March 2025' }, why: /published/ },
    { payload: { text: ARTICLE, language: 'french' }, why: /language/ },
    { payload: { text: ARTICLE, colour: 'blue' }, why: /additional|colour/ },
    { payload: '{"text": "unterminated', headers: { 'content-type': 'application/json' }, why: /JSON/i },
    { payload: Buffer.alloc(0), headers: { 'content-type': 'text/plain' }, why: /empty|body/ },
    { payload: { text: ARTICLE }, url: '/api/analyze?published=yesterday', why: /published/ },
  ];
  for (const c of cases) {
    const res = await app.inject({ method: 'POST', url: c.url ?? '/api/analyze', payload: c.payload, headers: c.headers });
    assert.equal(res.statusCode, 400, `${JSON.stringify(c.payload).slice(0, 60)} → ${res.statusCode} ${res.body}`);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    const body = res.json();
    assert.equal(body.statusCode, 400);
    assert.match(body.error, c.why, body.error);
    assertNoStack(res.body);
  }
});

test('a body over the limit answers 413, an unknown media type 415, both in JSON', async () => {
  const big = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'Le ministre a parlé. '.repeat(5000) } });
  assert.equal(big.statusCode, 413);
  assert.match(big.json().error, /limit of 65536 bytes/);
  const odd = await app.inject({
    method: 'POST',
    url: '/api/analyze',
    headers: { 'content-type': 'image/png' },
    payload: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
  assert.equal(odd.statusCode, 415);
  assert.match(odd.json().error, /content type/);
});

test('unknown endpoints answer 404 in JSON', async () => {
  for (const url of ['/api/nothing', '/api/documents/abc/extra', '/favicon.ico']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 404, url);
    assert.match(res.json().error, /not found|no such endpoint/);
  }
});

test('corpus endpoints without a store answer 503, not a crash', async () => {
  for (const url of [
    '/api/documents?q=Maroc',
    '/api/documents/0123456789abcdef',
    '/api/events',
    '/api/events/x',
    '/api/quotes',
    '/api/actors',
    '/api/actors/antony-blinken',
    '/api/dyads?a=USA&b=MAR',
    '/api/network',
    '/api/stats',
  ]) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 503, url);
    assert.match(res.json().error, /no corpus/);
  }
});

test('reference endpoints: codebook and countries', async () => {
  const cb = (await app.inject({ method: 'GET', url: '/api/codebook' })).json();
  const c041 = cb.find((c: any) => c.code === '041');
  assert.ok(c041, 'code 041 listed');
  assert.match(c041.label, /telephone/i);
  assert.ok(c041.labelFr.length > 0);
  const countries = (await app.inject({ method: 'GET', url: '/api/countries' })).json();
  assert.ok(countries.some((c: any) => c.iso3 === 'MAR' && c.nameFr === 'Maroc'));
});

test('POST /api/ingest needs the bearer token', async () => {
  const payload = { text: ARTICLE };
  const none = await app.inject({ method: 'POST', url: '/api/ingest', payload });
  assert.equal(none.statusCode, 401);
  assert.match(none.json().error, /missing bearer token/);
  const wrong = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Bearer sesame-43' } });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.json().error, /wrong token/);
  const basic = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Basic c2VzYW1lLTQy' } });
  assert.equal(basic.statusCode, 401);
  // the right token gets past the check; without a store the request then answers 503
  const right = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Bearer sesame-42' } });
  assert.equal(right.statusCode, 503);
});

test('ingest is refused (403) when the server has no token', async () => {
  const open = await buildServer({ analyzer, store: null, token: null, webRoot: null });
  try {
    const res = await open.inject({ method: 'POST', url: '/api/ingest', payload: { text: ARTICLE }, headers: { authorization: 'Bearer anything' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().error, /READOUT_TOKEN/);
  } finally {
    await open.close();
  }
});

test('an internal failure answers 500 without a stack trace or path', async () => {
  const broken = {
    ...analyzer,
    analyze: () => {
      throw new Error('boom in /work/main/src/pipeline.ts at line 12');
    },
  } as Analyzer;
  const app2 = await buildServer({ analyzer: broken, store: null, webRoot: null });
  try {
    const res = await app2.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE } });
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { error: 'internal error', statusCode: 500 });
    assertNoStack(res.body);
  } finally {
    await app2.close();
  }
});

test('without a built web app, / explains how to build it', async () => {
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /npm run build:web/);
});
