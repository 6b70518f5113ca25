// One suite, every backend: SQLite always, PostgreSQL when READOUT_TEST_PG reaches a server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from './helpers/store-backends.js';
import { ARTICLES, article, callAnalyses, getAnalyzer, handAnalysis } from './helpers/store-fixtures.js';
import { cameoEntry } from './helpers/cameo.js';
import { GDELT_COLUMNS } from '../src/store/sql.js';
import { toRows } from '../src/store/rows.js';
import type { Store } from '../src/store/types.js';

const FR = 'blinken-bourita-fr.txt',
  EN = 'blinken-bourita-en.txt',
  MS = 'macron-scholz-fr.txt';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** the two Blinken–Bourita reports, stored */
async function putCall(store: Store) {
  const { fr, en, afr, aen } = callAnalyses();
  assert.equal(await store.putDocument(fr, afr), 'stored');
  assert.equal(await store.putDocument(en, aen), 'stored');
  return { fr, en, afr, aen };
}

for (const b of await backends()) {
  test(`store: ${b.name}`, async (t) => {
    if (b.unavailable) {
      t.skip(`PostgreSQL not available: ${b.unavailable}`);
      return;
    }
    const analyzer = await getAnalyzer();
    const use = async (fn: (s: Store) => Promise<void>) => {
      const { store, dispose } = await b.open();
      try {
        await fn(store);
      } finally {
        await dispose();
      }
    };

    await t.test('stores what analyze() returned and gives it back', () =>
      use(async (store) => {
        const names = [FR, EN, MS];
        const analyses = names.map((n) => analyzer.analyze(article(n)));
        for (const [i, n] of names.entries()) assert.equal(await store.putDocument(article(n), analyses[i]!), 'stored');
        for (const [i, n] of names.entries()) {
          const doc = await store.getDocument(analyses[i]!.document.id);
          assert.ok(doc, n);
          assert.deepEqual(doc.analysis, analyses[i]);
          assert.equal(doc.text, ARTICLES[n]);
          assert.equal(doc.origin, `fixtures/${n}`);
          assert.equal(doc.published, analyses[i]!.document.published);
        }
        const stats = await store.stats();
        assert.equal(stats.documents, 3);
        assert.equal(
          stats.entities,
          analyses.reduce((s, a) => s + a.entities.length, 0),
        );
        assert.equal(
          stats.mentions,
          analyses.reduce((s, a) => s + a.entities.reduce((m, e) => m + e.mentions.length, 0), 0),
        );
        assert.equal(
          stats.quotes,
          analyses.reduce((s, a) => s + a.quotes.length, 0),
        );
        assert.equal(
          stats.reports,
          analyses.reduce((s, a) => s + a.events.length, 0),
        );
        assert.ok(stats.storyEvents <= stats.reports);
        assert.equal(stats.schemaVersion, b.name === 'sqlite' ? 4 : 2);
        assert.equal(stats.backend, b.name);
        // every linked entity is an actor that can be looked up
        for (const e of analyses.flatMap((a) => a.entities).filter((e) => e.actor)) {
          const p = await store.actor(e.actor!);
          assert.ok(p, e.actor!);
          assert.ok(p.documents >= 1);
        }
        assert.equal(await store.getDocument('0000000000000000'), null);
      }),
    );

    await t.test('idempotent: the same document again changes nothing; force replaces it', () =>
      use(async (store) => {
        const a = article(FR),
          an = analyzer.analyze(a);
        assert.equal(await store.putDocument(a, an), 'stored');
        const before = await store.stats();
        assert.equal(await store.putDocument(a, an), 'unchanged');
        assert.deepEqual(await store.stats(), before);
        assert.equal(await store.putDocument(a, an, { force: true }), 'replaced');
        const after = await store.stats();
        assert.equal(after.documents, 1);
        assert.equal(after.entities, before.entities);
        assert.equal(after.quotes, before.quotes);
        assert.equal((await store.searchDocuments({ text: 'Bourita' })).total, 1, 'full-text row replaced, not duplicated');
        assert.ok(await store.deleteDocument(an.document.id));
        assert.equal((await store.stats()).documents, 0);
        assert.equal((await store.searchDocuments({ text: 'Bourita' })).total, 0);
      }),
    );

    await t.test('full-text search ignores accents and case', () =>
      use(async (store) => {
        for (const n of [FR, EN, MS]) await store.putDocument(article(n), analyzer.analyze(article(n)));
        const ids = async (text: string) => (await store.searchDocuments({ text })).items.map((d) => d.origin).sort();
        assert.deepEqual(await ids('securite regionale'), [`fixtures/${FR}`]);
        assert.deepEqual(await ids('SÉCURITÉ'), [`fixtures/${FR}`]);
        assert.deepEqual(await ids('elysee'), [`fixtures/${MS}`]);
        assert.deepEqual(await ids('Élysée'), [`fixtures/${MS}`]);
        assert.deepEqual(await ids('Bourita'), [`fixtures/${FR}`, `fixtures/${EN}`].sort());
        assert.deepEqual(await ids('Bourita Sahel phone'), [`fixtures/${EN}`]);
        assert.deepEqual(await ids('"; DROP TABLE documents; --'), []);
        const hit = (await store.searchDocuments({ text: 'chancelier' })).items[0]!;
        assert.match(hit.snippet, /chancelier/);
        const page = await store.searchDocuments({ limit: 2, offset: 0 });
        assert.equal(page.total, 3);
        assert.equal(page.items.length, 2);
        assert.equal((await store.searchDocuments({ from: '2023-02', to: '2023-02' })).total, 2);
        assert.equal((await store.searchDocuments({ language: 'fr' })).total, 2);
      }),
    );

    await t.test('one story event per act across documents and languages', () =>
      use(async (store) => {
        const { afr, aen } = await putCall(store);
        const all = await store.events({});
        assert.equal(all.total, 2);
        const call = all.items.find((e) => e.root === '04')!;
        assert.ok(call);
        assert.equal(call.numReports, 2);
        assert.equal(call.numArticles, 2);
        assert.equal(call.numSources, 2);
        assert.equal(call.date, '2023-02-01');
        assert.deepEqual(call.reports.map((r) => r.document).sort(), [afr.document.id, aen.document.id].sort());
        assert.deepEqual(new Set(call.reports.map((r) => r.language)), new Set(['fr', 'en']));
        assert.equal(call.quadClass, 1);
        for (const r of call.reports) assert.ok(r.evidence.text.includes('Bourita'));
        assert.deepEqual(await store.event(call.id), call);
        // filters
        const count = async (f: object) => (await store.events(f)).total;
        assert.equal(await count({ code: '04' }), 1);
        assert.equal(await count({ code: '11' }), 1);
        assert.equal(await count({ code: '112' }), 1);
        assert.equal(await count({ code: '19' }), 0);
        assert.equal(await count({ country: 'MAR' }), 2);
        assert.equal(await count({ country: 'usa', with: 'MAR' }), 2);
        assert.equal(await count({ country: 'FRA' }), 0);
        assert.equal(await count({ actor: 'bourita' }), 2);
        assert.equal(await count({ actor: 'nasser-bourita' }), 2);
        assert.equal(await count({ actor: 'Nobody Atall' }), 0);
        assert.equal(await count({ from: '2023-02-01', to: '2023-02-01' }), 1);
        assert.equal(await count({ from: '2023-01', to: '2023-01' }), 1);
        assert.equal(await count({ to: '2022' }), 0);
        assert.equal(await count({ text: 'sécurité régionale' }), 1);
        assert.equal(await count({ text: 'regional security' }), 2);
        assert.equal((await store.events({ limit: 1, offset: 1 })).items.length, 1);
      }),
    );

    await t.test('quotes, actors, dyads', () =>
      use(async (store) => {
        await putCall(store);
        const q = await store.quotes({ speaker: 'Blinken' });
        assert.equal(q.total, 1);
        assert.equal(q.items[0]!.speaker?.actor, 'antony-blinken');
        assert.equal(q.items[0]!.text, 'Nous avons discuté de la sécurité régionale');
        assert.equal((await store.quotes({ text: 'securite' })).total, 1);
        assert.equal((await store.quotes({ text: 'Sahel' })).total, 0);
        assert.equal((await store.quotes({ country: 'MAR' })).total, 0);
        const actors = await store.actors({ q: 'bour' });
        assert.deepEqual(
          actors.items.map((a) => a.key),
          ['nasser-bourita'],
        );
        assert.equal(actors.items[0]!.documents, 2);
        assert.equal(actors.items[0]!.events, 2);
        const p = (await store.actor('antony-blinken'))!;
        assert.equal(p.name, 'Antony Blinken');
        assert.deepEqual(
          p.roles.map((r) => r.role),
          ['Secretary of State'],
        );
        assert.equal(p.quotes, 1);
        assert.equal(p.recentQuotes.length, 1);
        assert.deepEqual(
          p.counterparts.map((c) => [c.actor.key, c.events]),
          [['nasser-bourita', 2]],
        );
        assert.deepEqual(
          p.timeline.map((m) => [m.month, m.events, m.quad]),
          [
            ['2023-01', 1, [0, 0, 1, 0]],
            ['2023-02', 1, [1, 0, 0, 0]],
          ],
        );
        const d = await store.dyad('Bourita', 'antony-blinken');
        assert.equal(d.total, 2);
        assert.equal(d.a?.key, 'nasser-bourita');
        assert.equal(d.events.length, 2);
        // the mean over story events of their reports' mean: (042 and 040 of the call) and 112
        const expected = ((cameoEntry('042').goldstein + cameoEntry('040').goldstein) / 2 + cameoEntry('112').goldstein) / 2;
        assert.ok(Math.abs(d.meanGoldstein! - expected) < 0.006, `mean Goldstein ${d.meanGoldstein}, expected ${expected}`);
        assert.equal((await store.dyad('Bourita', 'antony-blinken', { from: '2023-02' })).total, 1);
        const s = await store.stats();
        assert.deepEqual(
          s.topDyads.map((x) => [x.a.key, x.b.key, x.events]),
          [['antony-blinken', 'nasser-bourita', 2]],
        );
        assert.equal(s.storyEvents, 2);
        assert.equal(s.reports, 3);
      }),
    );

    await t.test('two writers put the same 200 articles at once: 200 rows, each stored once and unchanged once, no error', async () => {
      const { store, dispose, reopen } = await b.open();
      try {
        const other = await reopen();
        const rows = Array.from({ length: 200 }, (_, i) => {
          const base = article(i % 2 ? FR : EN);
          const a = { ...base, text: `${base.text}\nDispatch ${i}: further talks are planned.\n` };
          return toRows(a, analyzer.analyze(a));
        });
        const batches = (rs: typeof rows) => Array.from({ length: rs.length / 20 }, (_, i) => rs.slice(i * 20, i * 20 + 20));
        // one writer in order, the other backwards: every batch meets the other writer's documents
        const write = async (s: Store, rs: typeof rows) => (await Promise.all(batches(rs).map((batch) => s.putRows(batch)))).flat();
        const [r1, r2] = await Promise.all([write(store, rows), write(other, [...rows].reverse())]);
        const all = [...r1, ...r2];
        assert.deepEqual(
          all.filter((r) => r instanceof Error).map((e) => (e as Error).message),
          [],
        );
        assert.equal(all.filter((r) => r === 'stored').length, 200);
        assert.equal(all.filter((r) => r === 'unchanged').length, 200);
        const stats = await store.stats();
        assert.equal(stats.documents, 200);
        assert.equal(
          stats.entities,
          rows.reduce((n, r) => n + r.entities.length, 0),
        );
        assert.equal(
          stats.reports,
          rows.reduce((n, r) => n + r.reports.length, 0),
        );
        assert.equal((await store.hasDocuments(rows.map((r) => r.doc.id))).size, 200);
      } finally {
        await dispose();
      }
    });

    await t.test('ingest failures are kept; an id already taken by another text is refused, the rest of the batch stored', () =>
      use(async (store) => {
        await store.recordFailures([{ origin: 'news.jsonl:7', file: 'news.jsonl', line: 7, error: 'malformed JSON line (Unexpected token)' }]);
        const failures = await store.failures();
        assert.equal(failures.length, 1);
        assert.deepEqual(
          { ...failures[0], at: undefined },
          { origin: 'news.jsonl:7', file: 'news.jsonl', line: 7, error: 'malformed JSON line (Unexpected token)', at: undefined },
        );
        assert.match(String(failures[0]!.at), /^\d{4}-\d\d-\d\dT/);
        const fr = article(FR),
          en = article(EN);
        const first = toRows(fr, analyzer.analyze(fr));
        assert.deepEqual(await store.putRows([first]), ['stored']);
        // a different text whose 64-bit id collides with the stored one (forged: the full hash differs)
        const clash = toRows(en, analyzer.analyze(en));
        const forged = { ...clash, doc: { ...clash.doc, id: first.doc.id }, entities: [], quotes: [], reports: [] };
        const ms = article(MS);
        const [r1, r2] = await store.putRows([forged, toRows(ms, analyzer.analyze(ms))]);
        assert.ok(r1 instanceof Error && /already taken by a different text/.test(r1.message), String(r1));
        assert.equal(r2, 'stored');
        assert.equal((await store.getDocument(first.doc.id))!.text, fr.text);
        assert.equal((await store.stats()).documents, 2);
      }),
    );

    await t.test('export streams GDELT rows, quotes and entities', () =>
      use(async (store) => {
        const { afr, aen } = await putCall(store);
        const events = await collect(store.exportRows('events'));
        assert.equal(events.length, 2);
        for (const row of events) for (const c of GDELT_COLUMNS) assert.ok(c in row, c);
        const call = events.find((r) => r.EventRootCode === '04')!;
        assert.equal(call.SQLDATE, '20230201');
        assert.equal(call.MonthYear, '202302');
        assert.equal(call.Year, 2023);
        assert.equal(call.NumArticles, 2);
        assert.equal(call.QuadClass, 1);
        assert.match(String(call.Actor1Name), /BLINKEN|BOURITA/);
        assert.ok(['USA', 'MAR'].includes(String(call.Actor1CountryCode)));
        assert.equal(call.Actor1Type1Code, 'GOV');
        assert.equal(call.IsRootEvent, 1);
        assert.equal((await collect(store.exportRows('events', { code: '11' }))).length, 1);
        const quotes = await collect(store.exportRows('quotes'));
        assert.equal(quotes.length, 1);
        assert.equal(quotes[0]!.speaker, 'Antony Blinken');
        const entities = await collect(store.exportRows('entities'));
        assert.equal(entities.length, afr.entities.length + aen.entities.length);
        const docs = await collect(store.exportRows('documents'));
        assert.deepEqual(
          docs.map((d) => d.id),
          [afr.document.id, aen.document.id].sort(),
        );
      }),
    );
  });
}
