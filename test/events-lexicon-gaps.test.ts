// Events: trigger forms that were missing from the packs (both languages where the gap was shared)
// and the English progressive, which is no passive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';

const analyzer = await createAnalyzer();
const all = (text: string) =>
  analyzer
    .analyzeDoc({ text, published: '2023-05-10' })
    .events.map((e) => `${e.code.slice(0, 2)} ${e.source?.country ?? e.source?.name}>${e.target?.country ?? e.target?.name}`)
    .sort();

test('breaking diplomatic relations and recalling an ambassador, with the determiners they take', () => {
  assert.deepEqual(all('Belize cut diplomatic relations with Israel.'), ['16 BLZ>ISR']);
  assert.deepEqual(all('Honduras recalled its envoys to Israel for consultations.'), ['16 HND>ISR']);
  assert.deepEqual(all('Le Tchad a rompu ses relations diplomatiques avec le Soudan.'), ['16 TCD>SDN']);
  assert.deepEqual(all('« Nous avons rappelé notre ambassadeur en Israël », a déclaré Gustavo Petro.'), ['16 COL>ISR']);
});

test('shooting down an aircraft is a use of force', () => {
  assert.deepEqual(all('Turkey shot down a Russian warplane near the Syrian border.'), ['19 TUR>RUS']);
  assert.deepEqual(all('La Turquie a abattu un avion russe.'), ['19 TUR>RUS']);
});

test('"was cutting", "is attacking": a progressive is an act of its subject, not a passive', () => {
  assert.deepEqual(all('Bolivia said on Tuesday that it had decided to cut diplomatic relations with Israel.'), ['16 BOL>ISR']);
  assert.deepEqual(all('Azerbaijan is attacking Armenia.'), ['19 AZE>ARM']);
  assert.deepEqual(all('Armenia was attacked.'), []);
});
