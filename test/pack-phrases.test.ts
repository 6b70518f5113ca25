// Language packs hold general rules, not phrases of the texts they are scored on: no pack phrase
// of five or more words occurs verbatim in ../shared/gold or test/devset (scripts/verbatim-phrases.mjs),
// and the general entries that replaced such phrases work on sentences written for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getAnalyzer } from './helpers/store-fixtures.js';
import { GOLD, REPO, SKIP_SHARED } from './helpers/shared.js';

interface Hit {
  phrase: string;
  file: string;
  path: string;
  text: string;
}
interface Script {
  words(s: string): string[];
  packPhrases(): { phrase: string; file: string; path: string }[];
  findVerbatim(dirs: string[], phrases?: { phrase: string; file: string; path: string }[]): { hits: Hit[]; texts: number; phrases: number };
}
const script = (): Promise<Script> => import(fileURLToPath(new URL('../../scripts/verbatim-phrases.mjs', import.meta.url)));
const DEVSET = [`${REPO}test/devset/look`, `${REPO}test/devset/held`];

test('verbatim phrases: no pack phrase of five or more words occurs in the gold or the devset', { skip: SKIP_SHARED }, async () => {
  const { findVerbatim } = await script();
  const { hits, texts, phrases } = findVerbatim([GOLD, ...DEVSET]);
  assert.ok(texts >= 93, `${texts} evaluation texts read`);
  assert.ok(phrases >= 100, `${phrases} pack phrases checked`);
  assert.deepEqual(
    hits.map((h) => `${h.file} ${h.path}: "${h.phrase}" in ${h.text}`),
    [],
  );
});

test('verbatim phrases: the script finds a phrase that is in a text, whatever its case, accents and apostrophes', async () => {
  const { findVerbatim, words, packPhrases } = await script();
  assert.deepEqual(words('Le porte-parole du Département d’État'), ['le', 'porte-parole', 'du', 'departement', 'd', 'etat']);
  const dev = readdirSync(DEVSET[0]!)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0]!;
  const six = words(readFileSync(`${DEVSET[0]}/${dev}`, 'utf8')).slice(10, 16);
  assert.equal(six.length, 6);
  const phrase = six.join(' ').toUpperCase();
  const found = findVerbatim(
    [DEVSET[0]!],
    [
      { phrase, file: 'x.json', path: 'p' },
      { phrase: 'zzz yyy xxx www vvv', file: 'x.json', path: 'q' },
    ],
  );
  assert.deepEqual(
    found.hits.map((h) => [h.path, h.text]),
    [['p', `test/devset/look/${dev}`]],
  );
  // the packs' phrases are read, offices' names left out
  const all = packPhrases();
  assert.ok(
    all.some((p) => p.file.endsWith('events.json')),
    'event patterns are read',
  );
  assert.ok(!all.some((p) => p.file.endsWith('roles.json') && /^(roles|bodies)/.test(p.path)), 'names of offices and bodies are exempt');
});

test('general entries: "recalled her country\'s envoy" (a genitive before the noun) and a joint press conference', async () => {
  const analyzer = await getAnalyzer();
  const codes = (text: string, language: string) => analyzer.analyze({ text, published: '2024-03-07', language }).events.map((e) => e.code);
  assert.deepEqual(codes('Peru recalled the country’s ambassador to Mexico on Tuesday.', 'en'), ['161']);
  assert.deepEqual(codes('Ghana recalled her country’s envoy from Togo.', 'en'), ['161']);
  assert.deepEqual(codes('Ghana recalled its long-serving ambassador from Togo.', 'en'), ['161']);
  // the continuation must still be there
  assert.deepEqual(codes('Ghana recalled the country’s history of trade with Togo.', 'en'), []);
  assert.deepEqual(codes('La ministre kényane a donné jeudi une conférence de presse commune avec son homologue éthiopien.', 'fr'), ['040']);
  assert.deepEqual(codes('La ministre kényane a donné jeudi une conférence de presse improvisée avec son homologue éthiopien.', 'fr'), ['040']);
  assert.deepEqual(codes('La ministre kényane a donné jeudi une conférence de presse à Nairobi.', 'fr'), []);
});

test('general entries: an appeal to break the cycle of violence or to end the violence is a call for de-escalation (0256)', async () => {
  const analyzer = await getAnalyzer();
  const codes = (text: string) => analyzer.analyze({ text, published: '2024-03-07', language: 'fr' }).events.map((e) => e.code);
  assert.deepEqual(codes('Le président ghanéen a appelé mardi le Togo à briser le cycle de violence dans la région.'), ['0256']);
  assert.deepEqual(codes('Le président ghanéen a exhorté mardi le Togo à obtenir la fin des violences dans le nord.'), ['0256']);
  assert.deepEqual(
    codes('Le président ghanéen a appelé mardi le Togo à revoir ses tarifs douaniers.').filter((c) => c === '0256'),
    [],
  );
});
