// A quote whose cue names a document (un communiqué du ministère, a statement from the Ministry of
// Defence, the ministry said in a statement) is the issuing body's quote: the body the document
// names, resolved in the knowledge base or by the text (a body noun standing for the body of that
// kind named before). Document nouns are pack data (speech.json → documents). Sentences written for
// this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../src/pipeline.js';
import { loadPacks } from '../src/lang/pack.js';

const analyzer = await createAnalyzer();

/** each quote's speaker as "name (actor)" */
function speakers(text: string): string[] {
  const a = analyzer.analyze({ text, published: '2024-03-12' });
  assert.ok(a.quotes.length > 0, `a quote in: ${text}`);
  return a.quotes.map((q) => {
    const e = a.entities.find((x) => x.id === q.speaker);
    return e ? `${e.name} (${e.actor})` : 'nobody';
  });
}

test('document nouns are language-pack data', () => {
  const packs = loadPacks();
  assert.ok(packs.get('fr')!.files.speech.documents.includes('communiqué'));
  assert.ok(packs.get('en')!.files.speech.documents.includes('statement'));
  assert.ok(packs.get('en')!.files.speech.documents.includes('report'));
});

test('"un communiqué du ministère" after the ministry was named is the ministry’s quote', () => {
  const fr = speakers(
    'Le ministère tunisien des Affaires étrangères a convoqué le chargé d’affaires libyen. « Cette intrusion est inadmissible », souligne un communiqué du ministère.',
  );
  assert.deepEqual(fr, ['Tunisian Ministry of Foreign Affairs (tun-foreign-ministry)']);
  const en = speakers('The Jordanian foreign ministry summoned the envoy on Sunday. A ministry statement said the envoy had been warned.');
  assert.deepEqual(en, ['Jordanian Ministry of Foreign Affairs (jor-foreign-ministry)']);
});

test('"the ministry said in a statement": the ministry named before, not a description', () => {
  const en = speakers('The Jordanian foreign ministry summoned the envoy on Sunday. The ministry said in a statement that the remarks were unacceptable.');
  assert.deepEqual(en, ['Jordanian Ministry of Foreign Affairs (jor-foreign-ministry)']);
  const fr = speakers('Le ministère tunisien des Affaires étrangères a convoqué le diplomate. Le ministère a précisé que la protestation serait transmise.');
  assert.deepEqual(fr, ['Tunisian Ministry of Foreign Affairs (tun-foreign-ministry)']);
});

test('a document naming its issuer: the issuer, found in the knowledge base', () => {
  assert.deepEqual(speakers('A report by Amnesty International said detainees had been beaten in custody.'), ['Amnesty International (amnesty-international)']);
  const fr = speakers('« Nous condamnons cette attaque », indique une déclaration de l’Union africaine.');
  assert.deepEqual(fr, ['African Union (african-union)']);
});

test('no body named before, or another kind of body: no borrowed speaker', () => {
  // the health ministry is not the foreign ministry named before
  const a = speakers('The Jordanian foreign ministry summoned the envoy on Sunday. The health ministry said in a statement that the clinics were open.');
  assert.ok(!a.some((s) => s.includes('jor-foreign-ministry')), a.join('; '));
  // an indefinite "a ministry" is not the one named before
  const b = speakers('The Jordanian foreign ministry summoned the envoy on Sunday. A ministry official said the meeting was short.');
  assert.ok(!b.some((s) => s.includes('jor-foreign-ministry')), b.join('; '));
});
