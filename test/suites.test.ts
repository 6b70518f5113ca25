// Sentence suites: the scorer's rules on hand-made analyses, and floors on the French suite
// (test/suites/cameo-fr, written for readout by a helper who did not read the code) and on the
// CAMEO manual's examples (../shared, skipped on a fresh clone). The floors sit within 0.03 of the
// measured figures and are raised in the commit that raises them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSuite, scoreSuite, type SuiteRecord } from '../src/eval/sentences.js';
import { evaluateSuite } from '../src/cli/eval.js';
import type { EntityOut, EventOut } from '../src/analysis.js';
import { REPO, SHARED, HAS_SHARED } from './helpers/shared.js';

const entity = (id: string, country: string | null, type: EntityOut['type'] = 'COUNTRY', code: string | null = country): EntityOut => ({
  id,
  type,
  name: id,
  actor: null,
  country,
  role: null,
  code,
  mentions: [],
});
const event = (code: string, source: string | null, target: string | null): EventOut => ({
  id: 'V',
  code,
  label: '',
  goldstein: 0,
  source,
  target,
  date: null,
  dateText: null,
  location: null,
  modality: 'asserted',
  evidence: { start: 0, end: 1 },
  quote: null,
  confidence: 1,
});
const rec = (over: Partial<SuiteRecord>): SuiteRecord => ({ id: 'r', text: 't', type: 'DEMAND', roots: ['10'], sources: ['FRA'], targets: ['MLI'], ...over });

test('a record is found only with the right root, source and target', () => {
  const ents = [entity('E1', 'FRA'), entity('E2', 'MLI'), entity('E3', null, 'ORGANIZATION', 'IGOUNO')];
  const s = scoreSuite(
    [rec({ id: 'a' }), rec({ id: 'b' }), rec({ id: 'c' }), rec({ id: 'd', sources: ['IGO'], targets: [] }), rec({ id: 'e', type: 'FIGHT', roots: ['19'] })],
    [
      { entities: ents, events: [event('100', 'E1', 'E2')] },
      { entities: ents, events: [event('111', 'E1', 'E2')] },
      { entities: ents, events: [event('1041', 'E2', 'E1'), event('010', 'E1', null)] },
      { entities: ents, events: [event('102', 'E3', null)] },
      { entities: ents, events: [] },
    ],
  );
  assert.equal(s.recall, 0.4, 'a (right) and d (IGO matches any organisation) are found');
  assert.equal(s.type_recall, 0.6, 'a, c (actors swapped) and d have the type');
  assert.equal(s.spurious_per_sentence, 0.4, 'b has one wrong event, c one beyond the typed one');
  assert.deepEqual(
    s.misses.map((m) => m.id),
    ['b', 'c', 'e'],
  );
  assert.deepEqual(s.per_type.FIGHT, { n: 1, recall: 0, type_recall: 0 });
});

test('a malformed suite line is reported with its file and line', () => {
  assert.throws(
    () => parseSuite('{"id":"x","text":"t","type":"T","roots":[],"sources":[],"targets":[]}\n{oops\n', 'suite.jsonl'),
    /suite\.jsonl:2: not valid JSON/,
  );
  assert.throws(() => parseSuite('{"id":"x","text":"t"}\n', 's.jsonl'), /s\.jsonl:1: a record needs/);
});

test('French sentence suite (test/suites/cameo-fr): recall floors', async () => {
  const file = `${REPO}test/suites/cameo-fr/records.jsonl`;
  const records = parseSuite(readFileSync(file, 'utf8'), file);
  assert.ok(records.length >= 200, `${records.length} records`);
  const perType = new Map<string, number>();
  for (const r of records) perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
  assert.ok(
    [...perType.values()].every((n) => n >= 8),
    'at least 8 sentences per PLOVER type',
  );
  const s = await evaluateSuite(file, 'fr');
  assert.ok(s.recall >= 0.27, `recall ${s.recall}`);
  assert.ok(s.type_recall >= 0.29, `type recall ${s.type_recall}`);
  assert.ok(s.spurious_per_sentence <= 0.3, `spurious ${s.spurious_per_sentence}`);
});

test(
  'CAMEO manual examples (../shared/suites/cameo-manual): recall floors',
  { skip: HAS_SHARED ? false : '../shared is absent (a fresh clone): the CAMEO manual suite is not available' },
  async () => {
    const s = await evaluateSuite(`${SHARED}suites/cameo-manual/records.jsonl`, 'en');
    assert.equal(s.records, 322);
    assert.ok(s.recall >= 0.14, `recall ${s.recall}`);
    assert.ok(s.type_recall >= 0.26, `type recall ${s.type_recall}`);
    assert.ok(s.spurious_per_sentence <= 0.3, `spurious ${s.spurious_per_sentence}`);
  },
);
