// The clause layer against its tables (test/clause/{fr,en}.jsonl: 367 sentences with the frames a
// linguist expects, written for the layer by a helper who did not read the code). Not every frame
// is right yet — the parser is statistical and English has little training data — so the test
// holds floors within 0.03 of the measured share of right frames, raised with every improvement;
// a failing run lists the wrong frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer, REPO } from './helpers/shared.js';
import { readTable, checkTable } from './helpers/clause-tables.js';

const FLOORS = { fr: 0.67, en: 0.43 };

for (const lang of ['fr', 'en'] as const) {
  test(`clause tables (${lang}): share of right frames`, async () => {
    const rows = readTable(`${REPO}test/clause/${lang}.jsonl`);
    assert.ok(rows.length >= 150, `${rows.length} sentences`);
    const shapes = new Set(rows.map((r) => r.shape));
    assert.ok(shapes.size >= 14, `${shapes.size} shapes`);
    const s = checkTable(await sharedAnalyzer(), rows, lang);
    const share = s.right / s.frames;
    const report = s.failures
      .slice(0, 25)
      .map((f) => `${f.id} (${f.shape}): ${f.errors.join(' | ')}`)
      .join('\n');
    assert.ok(share >= FLOORS[lang], `${s.right}/${s.frames} frames right (${share.toFixed(3)}), below ${FLOORS[lang]}; first failures:\n${report}`);
  });
}
