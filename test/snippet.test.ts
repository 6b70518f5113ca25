// Search snippets start at the article's body: the `date …`/`title …` header is metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite.js';
import { article, handAnalysis } from './helpers/store-fixtures.js';

test('a document with a header: its snippet starts at the body', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'readout-snippet-')), 's.db'));
  await store.init();
  try {
    const fr = article('blinken-bourita-fr.txt');
    assert.ok(fr.text.startsWith('date 2023-02-01'), 'the stored text keeps its header');
    await store.putDocument(fr, handAnalysis(fr.text, { language: 'fr', published: '2023-02-01', source: 'Le Monde', events: [] }));
    const [hit] = (await store.searchDocuments({})).items;
    assert.ok(hit!.snippet.startsWith("Le secrétaire d'État américain"), hit!.snippet);
    const [found] = (await store.searchDocuments({ text: 'Sahel' })).items;
    assert.match(found!.snippet, /Sahel/);
    assert.doesNotMatch(found!.snippet, /^date |source Le Monde/);
  } finally {
    await store.close();
  }
});
