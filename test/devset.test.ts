// Quality on the held-out development set (test/devset: articles written and annotated for
// readout independently of the code). Runs on a fresh clone, unlike the shared gold; the floors
// sit under the measured figures so that a regression fails, and are raised as layers improve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../src/cli/eval.js';
import { REPO } from './helpers/shared.js';

test('held-out development set: F1 floors per layer and language', async () => {
  const { summary, perFile } = await evaluate([`${REPO}test/devset`]);
  assert.equal(perFile.length, 16, 'all 16 articles were scored');
  assert.ok(perFile.every((f) => !('error' in f)), JSON.stringify(perFile.filter((f) => 'error' in f)));
  const floors: Record<string, number> = {
    'entities.fr': 0.85, 'entities.en': 0.85, 'quotes.fr': 0.85, 'quotes.en': 0.8,
    'attributed.fr': 0.75, 'attributed.en': 0.75, 'events.fr': 0.3, 'events.en': 0.4,
  };
  for (const [kind, floor] of Object.entries(floors)) assert.ok(summary[kind]!.f1 >= floor, `${kind} F1 ${summary[kind]!.f1} is below ${floor}`);
  // of the matched events, the share with the exact code and the right date (measured 0.94 and
  // 0.88 on 2026-12-07 over the 16 articles; floors 0.03 under them)
  const ev = summary['events']!;
  assert.ok(typeof ev.exact_code === 'number' && ev.exact_code >= 0.91, `exact-code accuracy ${ev.exact_code} is below 0.91`);
  assert.ok(typeof ev.date === 'number' && ev.date >= 0.85, `date accuracy ${ev.date} is below 0.85`);
});
