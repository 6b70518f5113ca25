// Quality on the development set (test/devset: 80 articles written and annotated for readout by
// helpers who did not read the code), in its two parts: `look/`, whose errors may be read for
// classes of failure, and `held/`, which is only scored. Runs on a fresh clone, unlike the shared
// gold. Every floor sits within 0.03 under the measured figure and is raised in the commit that
// raises the figure, so a regression of more than 0.03 on any layer and language fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../src/cli/eval.js';
import { REPO } from './helpers/shared.js';

type Floors = Record<string, { f1: number; attribution?: number; exact_code?: number; date?: number }>;

async function checkPart(part: 'look' | 'held', floors: Floors): Promise<void> {
  const { summary, perFile } = await evaluate([`${REPO}test/devset/${part}`]);
  assert.equal(perFile.length, 40, `all 40 articles of ${part}/ were scored`);
  assert.equal(perFile.filter((f) => f.lang === 'fr').length, 20, 'half of them French');
  assert.ok(
    perFile.every((f) => !('error' in f)),
    JSON.stringify(perFile.filter((f) => 'error' in f)),
  );
  for (const [kind, want] of Object.entries(floors)) {
    const got = summary[kind];
    assert.ok(got, `no figure for ${kind}`);
    for (const [key, floor] of Object.entries(want)) {
      const value = (got as Record<string, number>)[key]!;
      assert.ok(value >= floor, `${part}/ ${kind} ${key} ${value} is below ${floor}`);
    }
  }
}

test('development set, looked-at part: floors per layer and language', async () => {
  await checkPart('look', {
    'entities.fr': { f1: 0.79 },
    'entities.en': { f1: 0.77 },
    'quotes.fr': { f1: 0.91, attribution: 0.78 },
    'quotes.en': { f1: 0.83, attribution: 0.78 },
    'attributed.fr': { f1: 0.73 },
    'attributed.en': { f1: 0.68 },
    'events.fr': { f1: 0.32 },
    'events.en': { f1: 0.4 },
    events: { f1: 0.37, exact_code: 0.88, date: 0.79 },
  });
});

test('development set, held-out part (only scored): floors per layer and language', async () => {
  await checkPart('held', {
    'entities.fr': { f1: 0.75 },
    'entities.en': { f1: 0.72 },
    'quotes.fr': { f1: 0.87, attribution: 0.71 },
    'quotes.en': { f1: 0.81, attribution: 0.71 },
    'attributed.fr': { f1: 0.64 },
    'attributed.en': { f1: 0.59 },
    'events.fr': { f1: 0.28 },
    'events.en': { f1: 0.28 },
    // date 0.714 → 0.694 on 2026-12-07 night: one more French event matched (recall 0.219 → 0.222),
    // with a wrong date and code; floor within 0.03 of the measured figure
    events: { f1: 0.28, exact_code: 0.85, date: 0.67 },
  });
});
