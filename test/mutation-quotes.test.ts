// Quotes: survivors of `npm run mutate -- src/quotes` (docs/mutation-survivors.md), each on a
// sentence written for this file. Each test names what it pins down; the mutants it kills are
// listed in docs/mutation-survivors.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';
import type { Doc } from '../src/doc.js';

const analyzer = await createAnalyzer();
const run = (text: string, language?: string): Doc => analyzer.analyzeDoc({ text, published: '2023-02-01', ...(language ? { language } : {}) });
/** each quote as [kind, text, speaker's name or null] */
const quotes = (text: string, language?: string) => run(text, language).quotes.map((q) => [q.kind, q.text, q.speaker?.name ?? null]);

test('single quotation marks open before a capital letter, ASCII or accented', () => {
  assert.deepEqual(quotes('The minister called the plan ‘Bad news for everyone’ on Monday.'), [['partial', 'Bad news for everyone', null]]);
  assert.deepEqual(quotes('Le ministre a qualifié le plan de ‘Échec annoncé pour tous’ lundi.'), [['partial', 'Échec annoncé pour tous', 'ministre']]);
});

test('a quote over two paragraphs, the second reopening with the same mark, is one quote', () => {
  for (const [open, close] of [
    ['«', '»'],
    ['“', '”'],
    ['"', '"'],
  ] as const) {
    const text = `${open} We will stay here until the end.\n\n${open}We will not leave without guarantees,${close} Emmanuel Macron said.`;
    const q = run(text).quotes;
    assert.equal(q.length, 1, `${open}: ${JSON.stringify(q.map((x) => x.text))}`);
    assert.equal(q[0]!.text, `We will stay here until the end.\n\n${open}We will not leave without guarantees`);
    assert.equal(q[0]!.speaker?.name, 'Emmanuel Macron');
  }
});

test('a mistyped opening curly mark after a word closes the quote', () => {
  assert.deepEqual(quotes('“We will win the vote next week“, said Emmanuel Macron.'), [['direct', 'We will win the vote next week', 'Emmanuel Macron']]);
});

test('straight marks: one after an opening parenthesis opens a nested quote; one before a tab closes', () => {
  assert.deepEqual(quotes('"The book ("Dark Days") must be read by everyone," said Emmanuel Macron.'), [
    ['direct', 'The book ("Dark Days") must be read by everyone', 'Emmanuel Macron'],
  ]);
  assert.deepEqual(quotes('Emmanuel Macron a dit "nous irons à Bruxelles "\tpuis il est parti.'), [['partial', 'nous irons à Bruxelles', 'Emmanuel Macron']]);
});
