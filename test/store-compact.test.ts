// The compact SQLite layout (schema 4, packed analyses) gives the same answers as the layout
// before it: a schema-3 database is filled, queried, migrated and queried again; a fresh schema-4
// database of the same documents answers the same; packed analyses come back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/sqlite.js';
import { SqlStore, type Migration, type Queryer } from '../src/store/sql.js';
import { toRows, type Rows } from '../src/store/rows.js';
import { packAnalysisJson, unpackAnalysisJson } from '../src/store/pack.js';
import { parseHeader } from '../src/ingest/header.js';
import type { Store } from '../src/store/types.js';
import { ARTICLES, article, getAnalyzer } from './helpers/store-fixtures.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const AT = new Date('2026-01-02T03:04:05.000Z');

/** the store as it was at schema 3: one table per kind of row, the document's id in each */
class Schema3Store extends SqliteStore {
  protected override readonly quoteKeyTable = 'quotes';
  protected override migrations(): Migration[] {
    return super.migrations().filter((m) => m.version <= 3);
  }
  protected override insertDetails(q: Queryer, fresh: Rows[], docKeys: number[], quoteKeys: number[][]): Promise<void> {
    return (SqlStore.prototype as any).insertDetails.call(this, q, fresh, docKeys, quoteKeys);
  }
  protected override deleteDetails(q: Queryer, id: string): Promise<void> {
    return (SqlStore.prototype as any).deleteDetails.call(this, q, id);
  }
}

async function rowsOfFixtures(): Promise<Rows[]> {
  const analyzer = await getAnalyzer();
  const articles = [
    ...Object.keys(ARTICLES).map(article),
    ...readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ ...parseHeader(readFileSync(join(EXAMPLES, f), 'utf8')), origin: `examples/${f}` })),
  ];
  return articles.map((a) => toRows(a, analyzer.analyze(a), AT, { compress: true }));
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** what every read of the store answers on these documents */
async function answers(store: Store, ids: string[]) {
  const actors = await store.actors({ limit: 1000 });
  const top = actors.items.slice(0, 5).map((a) => a.key);
  const events = await store.events({ limit: 1000 });
  const quotes = await store.quotes({ limit: 1000 });
  const { backend: _b, ...stats } = await store.stats();
  return {
    documents: await store.searchDocuments({ limit: 1000 }),
    searched: await store.searchDocuments({ text: 'ministre', limit: 1000 }),
    byActor: await store.searchDocuments({ actor: top[0], limit: 1000 }),
    actors,
    profiles: await Promise.all(top.map((k) => store.actor(k))),
    dyad: await store.dyad(top[0]!, top[1]!),
    events,
    eventsByCode: await store.events({ code: '04', limit: 1000 }),
    eventsByText: await store.events({ text: 'président', limit: 1000 }),
    quotes,
    quotesByText: await store.quotes({ text: 'nous', limit: 1000 }),
    quotesBySpeaker: await store.quotes({ speaker: quotes.items.find((q) => q.speaker)?.speaker?.key, limit: 1000 }),
    stats,
    exports: {
      events: await collect(store.exportRows('events')),
      quotes: await collect(store.exportRows('quotes')),
      entities: await collect(store.exportRows('entities')),
      documents: await collect(store.exportRows('documents')),
    },
    stored: await Promise.all(ids.map((id) => store.getDocument(id))),
  };
}

test('store-compact: a schema-3 database migrated to schema 4, and a fresh one, answer every query the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-compact-'));
  try {
    const rows = await rowsOfFixtures();
    const ids = rows.map((r) => r.doc.id);
    assert.ok(rows.length >= 20, `fixtures: ${rows.length} documents`);
    assert.ok(rows.reduce((n, r) => n + r.quotes.length, 0) > 10 && rows.reduce((n, r) => n + r.reports.length, 0) > 10, 'the fixtures have quotes and events');

    const file = join(dir, 'old.db');
    const old = new Schema3Store(file);
    await old.init();
    assert.equal(await old.schemaVersion(), 3);
    assert.ok((await old.putRows(rows)).every((r) => r === 'stored'));
    const before = await answers(old, ids);
    assert.ok(before.events.total > 0 && before.quotes.total > 0 && before.exports.entities.length > 0, 'the answers are not empty');
    await old.close();

    const migrated = new SqliteStore(file);
    await migrated.init();
    assert.equal(await migrated.schemaVersion(), 4);
    const tables = migrated.db.prepare("SELECT name, type FROM sqlite_schema WHERE name IN ('entities', 'quotes', 'reports')").all() as { type: string }[];
    assert.deepEqual(
      tables.map((t) => t.type),
      ['view', 'view', 'view'],
    );
    const after = await answers(migrated, ids);
    assert.deepEqual({ ...after, stats: { ...after.stats, schemaVersion: 3 } }, before);

    // deleting and storing again goes through the compact tables
    assert.equal(await migrated.deleteDocument(ids[0]!), true);
    assert.equal((await migrated.searchDocuments({ limit: 1000 })).total, ids.length - 1);
    assert.deepEqual(await migrated.putRows([rows[0]!]), ['stored']);
    assert.deepEqual(await answers(migrated, ids), after);
    await migrated.close();

    const fresh = new SqliteStore(join(dir, 'new.db'));
    await fresh.init();
    assert.ok((await fresh.putRows(rows)).every((r) => r === 'stored'));
    assert.deepEqual(await answers(fresh, ids), after);
    await fresh.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store-compact: packed analyses come back exactly, smaller', async () => {
  const analyzer = await getAnalyzer();
  for (const name of Object.keys(ARTICLES)) {
    const a = article(name);
    const json = JSON.stringify(analyzer.analyze(a));
    const packed = packAnalysisJson(json, a.text);
    assert.notEqual(packed, json, `${name}: packed`);
    assert.ok(packed.length < json.length * 0.8, `${name}: ${packed.length} vs ${json.length} characters`);
    assert.equal(unpackAnalysisJson(packed, a.text), json);
  }
  // a span whose text is not the document's between its offsets keeps its text
  const text = 'Paris et Berlin.';
  const odd = JSON.stringify({
    entities: [
      { id: 'E1', mentions: [{ start: 0, end: 5, text: 'PARIS' }] },
      { id: 'E2', mentions: [{ start: 9, end: 15, text: 'Berlin' }] },
    ],
  });
  const p = packAnalysisJson(odd, text);
  assert.match(p, /PARIS/);
  assert.doesNotMatch(p, /Berlin/);
  assert.equal(unpackAnalysisJson(p, text), odd);
  // a shape packing cannot give back (an object that looks like a packed table) stays plain
  for (const plain of [JSON.stringify({ x: { '~': ['a'], r: [[1]] } })]) {
    assert.equal(packAnalysisJson(plain, text), plain);
    assert.equal(unpackAnalysisJson(plain, text), plain);
  }
});
