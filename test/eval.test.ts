// `readout eval` scores by the contract's rules: the same figures as the independent shared scorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { evaluate } from '../src/cli/eval.js';
import { scoreFile, Totals, type Gold } from '../src/eval/score.js';
import type { Analysis } from '../src/analysis.js';
import { REPO, GOLD, SHARED, SKIP_SHARED } from './helpers/shared.js';

test('readout eval prints the same figures as ../shared/tools/score.mjs', { skip: SKIP_SHARED }, async () => {
  const ours = await evaluate([GOLD]);
  const theirs = JSON.parse(
    execFileSync('node', [`${SHARED}tools/score.mjs`, '--json', GOLD], {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, READOUT_CLI: `node ${REPO}bin/readout.js analyze` },
    }),
  );
  assert.deepEqual(ours.summary, theirs.summary);
});

test('quality floors on the gold articles (within 0.03 of the measured figures)', { skip: SKIP_SHARED }, async () => {
  const { summary } = await evaluate([GOLD]);
  // Measured on 2026-12-07 (`readout eval ../shared/gold`): F1 entities 0.977 (fr 0.986, en 0.966),
  // quotes 0.981 (1.000, 0.961), attributed 0.968 (0.974, 0.961), events 0.762 (0.737, 0.792);
  // attribution 0.987 (0.974, 1.000); events exact code 0.925 (0.857, 1.000), date 0.875
  // (0.917, 0.833). Each floor is the figure less 0.03, rounded up to the hundredth: a change
  // that costs more than that fails here. Raise the floors in the commit that raises the figures.
  // Lowered once, the same day, with the clause layer and the lexicons at codebook scale: events F1
  // 0.762 → 0.734 (en 0.792 → 0.760) and date 0.875 → 0.833 (en 0.833 → 0.75, one of 19 matched
  // events), while the 80-article devset rose (events F1 0.359 → 0.403 looked-at, 0.288 → 0.312
  // held-out) and the sentence suites nearly doubled: the gold is a regression check, not the
  // measure, so the trade was taken and the floors follow the new figures.
  const f1: Record<string, number> = {
    entities: 0.95,
    'entities.fr': 0.96,
    'entities.en': 0.94,
    quotes: 0.96,
    'quotes.fr': 0.97,
    'quotes.en': 0.94,
    attributed: 0.94,
    'attributed.fr': 0.95,
    'attributed.en': 0.94,
    events: 0.71,
    'events.fr': 0.69,
    'events.en': 0.73,
  };
  const attribution: Record<string, number> = { quotes: 0.96, 'quotes.fr': 0.95, 'quotes.en': 0.97 };
  const exactCode: Record<string, number> = { events: 0.9, 'events.fr': 0.83, 'events.en': 0.97 };
  const date: Record<string, number> = { events: 0.81, 'events.fr': 0.89, 'events.en': 0.72 };
  const below: string[] = [];
  const check = (kind: string, what: string, value: number | null | undefined, floor: number) => {
    if (!(typeof value === 'number' && value >= floor)) below.push(`${kind} ${what} ${value} < ${floor}`);
  };
  for (const [kind, floor] of Object.entries(f1)) check(kind, 'F1', summary[kind]?.f1, floor);
  for (const [kind, floor] of Object.entries(attribution)) check(kind, 'attribution', summary[kind]?.attribution, floor);
  for (const [kind, floor] of Object.entries(exactCode)) check(kind, 'exact code', summary[kind]?.exact_code, floor);
  for (const [kind, floor] of Object.entries(date)) check(kind, 'date accuracy', summary[kind]?.date, floor);
  assert.deepEqual(below, [], 'below the floors');
  // the gold has what the floors are about
  assert.ok(summary['events']!.n_gold >= 50 && summary['quotes']!.n_gold >= 50, 'the gold set is complete');
});

// the scoring rules on a small hand-made case, so they are tested on a fresh clone too
const gold: Gold = {
  language: 'en',
  entities: [
    { name: 'Antony Blinken', type: 'PERSON', country: 'USA', aliases: ['Mr. Blinken', 'the secretary'] },
    { name: 'Morocco', type: 'COUNTRY', country: 'MAR', aliases: ['Moroccan'] },
    { name: 'Twitter', type: 'ORGANIZATION', optional: true },
  ],
  quotes: [
    { text: 'We reviewed our close partnership on maritime border security', speaker: 'Antony Blinken' },
    { text: 'The kingdom plays a unique role', speaker: 'United States Department of State', alt_speakers: ['Antony Blinken'] },
  ],
  events: [
    { source: 'Antony Blinken', target: 'Morocco', code: '041', symmetric: true, date: '2023-02-01' },
    { source: 'Antony Blinken', target: 'Morocco', code: '051', date: null },
  ],
};
const out = (over: Partial<Analysis>): Analysis => ({
  document: { id: 'x', title: null, source: null, url: null, published: null, language: 'en', length: 0 },
  segments: [],
  entities: [],
  quotes: [],
  events: [],
  ...over,
});
const E = (id: string, type: 'PERSON' | 'COUNTRY' | 'ORGANIZATION', name: string, country: string | null, texts: string[]) => ({
  id,
  type,
  name,
  actor: null,
  country,
  role: null,
  code: null,
  mentions: texts.map((t) => ({ start: 0, end: t.length, text: t })),
});

test('scoring rules: honorifics dropped, countries by code, optional items, alt speakers, symmetric events', () => {
  const a = out({
    entities: [
      E('E1', 'PERSON', 'Blinken', 'USA', ['Mr. Blinken']),
      E('E2', 'COUNTRY', 'Kingdom of Morocco', 'MAR', ['the kingdom']),
      E('E3', 'ORGANIZATION', 'Twitter', null, ['Twitter']),
      E('E4', 'PERSON', 'Ned Price', 'USA', ['Price']),
    ],
    quotes: [
      {
        id: 'Q1',
        text: 'we reviewed our close partnership on maritime border security today',
        start: 0,
        end: 1,
        kind: 'direct',
        speaker: 'E1',
        cue: null,
        language: 'en',
        channel: null,
      },
      { id: 'Q2', text: 'the Kingdom plays a unique role', start: 0, end: 1, kind: 'direct', speaker: 'E4', cue: null, language: 'en', channel: null },
    ],
    events: [
      {
        id: 'V1',
        code: '040',
        label: '',
        goldstein: 1,
        source: 'E2',
        target: 'E1',
        date: '2023-02-01',
        dateText: null,
        location: null,
        modality: 'asserted',
        evidence: { start: 0, end: 1 },
        quote: null,
        confidence: 1,
      },
      {
        id: 'V2',
        code: '051',
        label: '',
        goldstein: 3.4,
        source: 'E2',
        target: 'E1',
        date: null,
        dateText: null,
        location: null,
        modality: 'asserted',
        evidence: { start: 0, end: 1 },
        quote: null,
        confidence: 1,
      },
    ],
  });
  const s = scoreFile(gold, a);
  // Blinken by his mention without honorific, Morocco by its code, Twitter optional, Ned Price a false positive
  assert.deepEqual([s.entities!.tp, s.entities!.fp, s.entities!.fn], [2, 1, 0]);
  // both quotes found; the second is said by Ned Price, who is neither speaker nor alt speaker
  assert.deepEqual([s.quotes!.tp, s.attributed!.tp], [2, 1]);
  // the 040 matches the symmetric 041 at root level (swapped); the 051 does not match swapped
  assert.deepEqual([s.events!.tp, s.events!.fp, s.events!.fn], [1, 1, 1]);
  assert.deepEqual(s.events!.extra.exact_code, [0, 1]);
  assert.deepEqual(s.events!.extra.date, [1, 1]);
  const t = new Totals();
  t.add('en', s);
  const sum = t.summary();
  assert.equal(sum['entities.en']!.p, 0.667);
  assert.equal(sum['events']!.f1, 0.5);
});
