// Random and pathological input: no crash, spans stay valid, and work grows linearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer } from './helpers/shared.js';
import { readArticleBytes } from '../src/ingest/read.js';
import { InputError } from '../src/ingest/decode.js';
import { growth } from './helpers/growth.js';

// a small deterministic generator (xorshift) so failures can be replayed
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
}
const PIECES = [
  '«',
  '»',
  '“',
  '”',
  '"',
  "'",
  '’',
  ' ',
  '\n',
  '\n\n',
  'M.',
  'Mme',
  'a déclaré',
  'said',
  ',',
  '.',
  '—',
  '(@x)',
  'Le Maroc',
  'Blinken',
  'États-Unis',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  'é',
  '😀',
  'a-t-il',
  'selon',
  'U.S.',
  '…',
  '-',
  '@',
  '#',
];

test('random soups of quotation marks, names, control characters and lone surrogates do not crash', async () => {
  const analyzer = await sharedAnalyzer();
  const r = rng(20230201);
  for (let n = 0; n < 300; n++) {
    const len = 1 + Math.floor(r() * 200);
    let text = '';
    for (let i = 0; i < len; i++) text += PIECES[Math.floor(r() * PIECES.length)];
    const a = analyzer.analyze({ text });
    for (const e of a.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text);
  }
});

test('pathological inputs: 10,000 quotation marks, a 5 MB line, control characters, empty files', async () => {
  const analyzer = await sharedAnalyzer();
  const cases: [string, string][] = [
    ['quotes', '«'.repeat(5000) + ' Le Maroc ' + '»'.repeat(5000)],
    ['straight quotes', '"'.repeat(10000)],
    ['long line', 'M. Bourita a déclaré que « le Maroc » est prêt, selon un communiqué '.repeat(75000)],
    ['controls', 'Le\u0001 Maroc\u0002 et\u0003 la\u0004 France\u0005'.repeat(100)],
    ['surrogates', '\ud800 M. Blinken \udc00 a dit « \ud83d » '.repeat(100)],
  ];
  for (const [name, text] of cases) {
    const a = analyzer.analyze({ text });
    assert.equal(a.document.length, text.length, name);
  }
  assert.throws(() => readArticleBytes(new Uint8Array(0), 'empty.txt'), InputError);
});

test('work grows linearly: four times the input costs about four times the work, not sixteen', async () => {
  const analyzer = await sharedAnalyzer();
  const para =
    'Le secrétaire d’État américain Antony Blinken s’est entretenu mercredi avec son homologue marocain Nasser Bourita, a indiqué le porte-parole Ned Price. « Nous saluons le rôle du Maroc », a-t-il déclaré. ';
  for (const unit of [para + '\n\n', '« ' + para, para.replace(/ /g, '')]) {
    const one = unit.repeat(150);
    // CPU time, minimum of interleaved runs (./helpers/growth.ts): linear work gives 4, quadratic 16;
    // 8 is the geometric middle, so a busy machine (load 20 on 2 cores measured 3.5-5.6) cannot tip it
    const ratio = growth((text: string) => analyzer.analyze({ text }), one, one.repeat(4));
    assert.ok(ratio < 8, `four times the input multiplied the work by ${ratio.toFixed(2)}`);
  }
});
