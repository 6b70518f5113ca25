// The HTTP API over a real SQLite store: every corpus endpoint, bad input, unknown ids, ingest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAnalyzer, type Analyzer } from '../src/pipeline.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import type { Analysis } from '../src/analysis.js';
import { buildServer } from '../src/server/app.js';
import { FIXTURES, loadFixtures } from './server-fixtures.js';

const TOKEN = 'corpus-token-7f3a';
let dir: string;
let store: Store;
let analyzer: Analyzer;
let app: FastifyInstance;
let analyses: Analysis[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readout-server-'));
  store = await openStore(join(dir, 'test.db'));
  analyzer = await createAnalyzer();
  analyses = await loadFixtures(store, analyzer);
  app = await buildServer({ store, analyzer, token: TOKEN, webRoot: null });
});
after(async () => {
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => app.inject({ method: 'GET', url });
async function ok(url: string) {
  const res = await get(url);
  assert.equal(res.statusCode, 200, `${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}
async function bad(url: string, status = 400, why?: RegExp) {
  const res = await get(url);
  assert.equal(res.statusCode, status, `${url} → ${res.statusCode} ${res.body}`);
  const body = res.json();
  assert.equal(body.statusCode, status);
  assert.equal(typeof body.error, 'string');
  if (why) assert.match(body.error, why);
  assert.doesNotMatch(res.body, /\bat .+:\d+:\d+|node_modules/);
}

test('GET /api/stats counts the corpus', async () => {
  const s = await ok('/api/stats');
  assert.equal(s.documents, FIXTURES.length);
  assert.equal(s.backend, 'sqlite');
  assert.ok(s.storyEvents >= 3);
});

test('GET /api/documents: full text (accents ignored), filters and counts', async () => {
  const all = await ok('/api/documents');
  assert.equal(all.total, 3);
  const bourita = await ok('/api/documents?q=Bourita');
  assert.equal(bourita.total, 2);
  for (const d of bourita.items) {
    assert.ok(d.counts.entities > 0 && d.counts.events >= 1, JSON.stringify(d.counts));
    assert.equal(typeof d.snippet, 'string');
  }
  const accents = await ok(`/api/documents?q=${encodeURIComponent('secretaire d’Etat americain')}`);
  assert.equal(accents.total, 1, 'accent-insensitive full text');
  assert.equal(accents.items[0].language, 'fr');
  assert.equal((await ok('/api/documents?language=en')).total, 1);
  assert.equal((await ok('/api/documents?country=UKR')).total, 1);
  const page = await ok('/api/documents?limit=1&offset=1');
  assert.equal(page.items.length, 1);
  assert.equal(page.total, 3);
  assert.equal((await ok('/api/documents?q=Tombouctou')).total, 0);
});

test('GET /api/documents rejects bad filters', async () => {
  await bad('/api/documents?limit=0', 400, /limit/);
  await bad('/api/documents?limit=ten', 400, /limit/);
  await bad('/api/documents?from=last-week', 400, /from/);
  await bad('/api/documents?from=2023-06&to=2023-01', 400, /after/);
  await bad('/api/documents?country=Atlantis', 400, /unknown country 'Atlantis'/);
  await bad('/api/documents?colour=blue', 400);
});

test('GET /api/documents/:id: text and analysis; unknown id → 404', async () => {
  const id = analyses[0].document.id;
  const d = await ok(`/api/documents/${id}`);
  assert.equal(d.text, FIXTURES[0].article.text);
  assert.equal(d.analysis.document.id, id);
  for (const e of d.analysis.entities) for (const m of e.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
  await bad('/api/documents/ffffffffffffffff', 404, /no document 'ffffffffffffffff'/);
});

test('GET /api/events: story events by country pair, code, dates', async () => {
  const usaMar = await ok('/api/events?country=USA&with=MAR');
  assert.ok(usaMar.total >= 2, `USA–MAR events: ${usaMar.total}`);
  for (const e of usaMar.items) {
    const cs = [e.source?.country, e.target?.country].sort();
    assert.deepEqual(cs, ['MAR', 'USA']);
  }
  const reversed = await ok('/api/events?country=mar&with=usa');
  assert.equal(reversed.total, usaMar.total, 'either direction, any case');
  const calls = await ok('/api/events?country=USA&code=041');
  assert.ok(calls.items.length >= 1 && calls.items.every((e: any) => e.code.startsWith('041')));
  const june = await ok('/api/events?from=2023-06&to=2023-06-30');
  assert.ok(june.items.length >= 1 && june.items.every((e: any) => e.date.startsWith('2023-06')));
  const conflict = await ok('/api/events?code=11');
  assert.ok(conflict.items.some((e: any) => e.source?.country === 'RUS' && e.target?.country === 'UKR' && e.quadClass === 3));
  await bad('/api/events?with=MAR', 400, /with needs country/);
  await bad('/api/events?code=abc', 400, /code/);
  await bad('/api/events?code=04567', 400, /code/);
});

test('GET /api/events/:id: one story event with its reports; unknown → 404', async () => {
  const { items } = await ok('/api/events?country=USA&with=MAR&code=041');
  const e = await ok(`/api/events/${encodeURIComponent(items[0].id)}`);
  assert.equal(e.id, items[0].id);
  assert.ok(e.reports.length >= 1);
  for (const r of e.reports) {
    const d = await ok(`/api/documents/${r.document}`);
    assert.equal(d.text.slice(r.evidence.start, r.evidence.end), r.evidence.text, "a report's evidence points into its document");
  }
  await bad('/api/events/no-such-event', 404, /no event/);
});

test('GET /api/quotes', async () => {
  const all = await ok('/api/quotes?limit=100');
  // the fixtures' dispatches quote their speakers: an empty list is a failure, not a skip
  assert.ok(all.total >= 3, `${all.total} quotes`);
  assert.equal(all.items.length, all.total);
  for (const q of all.items) {
    const d = await ok(`/api/documents/${q.document}`);
    assert.ok(q.text.length > 0);
    assert.equal(d.text.slice(q.start, q.end), q.text, 'a quote points into its document');
  }
  const spoken = all.items.filter((q: any) => q.speaker);
  assert.ok(spoken.length >= 1, 'some quotes have a speaker');
  await bad('/api/quotes?from=yesterday', 400);
});

test('GET /api/actors and /api/actors/:id', async () => {
  const found = await ok('/api/actors?q=bourita');
  const key = found.items.find((a: any) => a.actor === 'nasser-bourita' || /Bourita/.test(a.name))?.key;
  assert.ok(key, JSON.stringify(found.items));
  const countries = await ok('/api/actors?type=COUNTRY');
  assert.ok(countries.items.every((a: any) => a.type === 'COUNTRY'));
  const p = await ok(`/api/actors/${encodeURIComponent(key)}`);
  assert.equal(p.key, key);
  assert.equal(p.documents, 2);
  assert.ok(p.events >= 1);
  assert.ok(Array.isArray(p.roles) && Array.isArray(p.recentQuotes) && Array.isArray(p.timeline));
  assert.ok(
    p.counterparts.some((c: any) => c.actor.country === 'USA'),
    JSON.stringify(p.counterparts),
  );
  await bad('/api/actors/nobody-at-all', 404, /no actor/);
  await bad('/api/actors?type=ALIEN', 400, /type/);
});

test('GET /api/dyads: events per month by quad class between two countries', async () => {
  const d = await ok('/api/dyads?a=USA&b=MAR');
  assert.ok(d.total >= 2);
  const months = d.months.map((m: any) => m.month);
  assert.ok(months.includes('2023-03') && months.includes('2023-06'), months.join(','));
  for (const m of d.months) {
    assert.equal(
      m.quad.reduce((x: number, y: number) => x + y, 0),
      m.events,
    );
    assert.ok(m.quad[2] === 0 && m.quad[3] === 0, 'no conflict between these two');
  }
  assert.ok(d.meanGoldstein > 0);
  assert.equal(d.a.country, 'USA');
  const march = await ok('/api/dyads?a=MAR&b=USA&from=2023-03&to=2023-03');
  assert.deepEqual(
    march.months.map((m: any) => m.month),
    ['2023-03'],
  );
  const rusUkr = await ok('/api/dyads?a=RUS&b=UKR');
  assert.ok(rusUkr.meanGoldstein < 0);
  assert.ok(rusUkr.months[0].quad[2] >= 1, 'the accusation is verbal conflict');
  const people = await ok('/api/dyads?a=antony-blinken&b=nasser-bourita');
  assert.equal(typeof people.total, 'number');
  await bad('/api/dyads?a=USA', 400, /b/);
  await bad('/api/dyads?a=USA&b=USA', 400, /same country/);
  await bad('/api/dyads?a=USA&b=MAR&from=2023-12&to=2023-01', 400, /after/);
});

test('GET /api/network: country edges coloured by Goldstein, date range, actor level', async () => {
  const n = await ok('/api/network');
  const edge = n.edges.find((e: any) => e.id === 'MAR|USA');
  assert.ok(edge, JSON.stringify(n.edges));
  assert.ok(edge.events >= 2 && edge.goldstein > 0);
  assert.equal(edge.quad[0] + edge.quad[1], edge.events);
  const war = n.edges.find((e: any) => e.id === 'RUS|UKR');
  assert.ok(war && war.goldstein < 0);
  assert.ok(n.nodes.some((x: any) => x.id === 'MAR' && x.label === 'Morocco'));
  const may = await ok('/api/network?from=2023-05&to=2023-05');
  assert.deepEqual(
    may.edges.map((e: any) => e.id),
    ['RUS|UKR'],
  );
  const actors = await ok('/api/network?level=actor');
  assert.ok(actors.edges.length >= 1);
  assert.ok(
    actors.edges.some((e: any) => /blinken/i.test(e.a + e.b) && /bourita/i.test(e.a + e.b)),
    JSON.stringify(actors.edges),
  );
  assert.ok(actors.nodes.some((x: any) => x.label === 'Antony Blinken' && x.country === 'USA'));
  await bad('/api/network?level=planet', 400, /level/);
  await bad('/api/network?from=2024&to=2023', 400, /after/);
});

test('POST /api/ingest stores documents with the token, idempotently', async () => {
  const text = `Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu jeudi à Rabat l’ambassadeur des Etats-Unis, avec qui il a évoqué la coopération économique entre les deux pays.

« Nos échanges commerciaux progressent chaque année », a souligné M. Bourita.`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const first = await app.inject({
    method: 'POST',
    url: '/api/ingest',
    headers: auth,
    payload: { text, published: '2023-09-14', title: 'Bourita reçoit l’ambassadeur américain' },
  });
  assert.equal(first.statusCode, 200, first.body);
  const r1 = first.json();
  assert.equal(r1.results.length, 1);
  assert.equal(r1.results[0].status, 'stored');
  assert.deepEqual(r1.failed, []);
  const again = await app.inject({ method: 'POST', url: '/api/ingest', headers: auth, payload: { articles: [{ text, published: '2023-09-14' }] } });
  assert.equal(again.json().results[0].status, 'unchanged');
  const doc = await ok(`/api/documents/${r1.results[0].id}`);
  assert.equal(doc.title, 'Bourita reçoit l’ambassadeur américain');
  assert.equal(doc.published, '2023-09-14');
  // raw text with its metadata in the query
  const raw = await app.inject({
    method: 'POST',
    url: '/api/ingest?published=2023-10-02&title=Brève',
    headers: { ...auth, 'content-type': 'text/plain; charset=utf-8' },
    payload: 'Washington et Rabat ont signé lundi un accord de coopération militaire, a annoncé le Pentagone.',
  });
  assert.equal(raw.statusCode, 200, raw.body);
  assert.equal(raw.json().results[0].status, 'stored');
  assert.equal((await ok('/api/stats')).documents, FIXTURES.length + 2);
  // bad input in a batch: the whole request is refused, nothing stored
  const batch = await app.inject({
    method: 'POST',
    url: '/api/ingest',
    headers: auth,
    payload: { articles: [{ text: 'Un texte valable sur le Maroc.' }, { text: 'Autre', published: 'mardi' }] },
  });
  assert.equal(batch.statusCode, 400);
  assert.equal((await ok('/api/stats')).documents, FIXTURES.length + 2);
  const empty = await app.inject({ method: 'POST', url: '/api/ingest', headers: auth, payload: { articles: [] } });
  assert.equal(empty.statusCode, 400);
});

test('POST /api/ingest without or with a wrong token stores nothing', async () => {
  const before = (await ok('/api/stats')).documents;
  const payload = { text: 'Le roi du Maroc a reçu le secrétaire d’Etat américain à Rabat.' };
  const none = await app.inject({ method: 'POST', url: '/api/ingest', payload });
  assert.equal(none.statusCode, 401);
  const wrong = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: `Bearer ${TOKEN}x` } });
  assert.equal(wrong.statusCode, 401);
  const empty = await app.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Bearer ' } });
  assert.equal(empty.statusCode, 401);
  assert.equal((await ok('/api/stats')).documents, before);
});
