// Events: survivors of `npm run mutate -- src/events` (docs/mutation-survivors.md), each on a
// sentence written for this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';

const analyzer = await createAnalyzer();
const dated = (text: string, published: string) => analyzer.analyzeDoc({ text, published }).events.map((e) => [e.code, e.date, e.dateText]);

test('a publication date of a year alone is a reference: a day and month in the text take its year', () => {
  assert.deepEqual(dated('Le 3 mars, la France a condamné la Russie.', '2023'), [['111', '2023-03-03', '3 mars']]);
  assert.deepEqual(dated('On March 3, France condemned Russia.', '2023'), [['111', '2023-03-03', 'March 3']]);
  assert.deepEqual(dated('Le 3 mars, la France a condamné la Russie.', '2023-02'), [['111', '2023-03-03', '3 mars']]);
});
