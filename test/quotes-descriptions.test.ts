// Speakers the text describes without naming: the cue verb's subject (or the phrase after
// 'according to' / 'selon') becomes a description entity — actor null, its country from a demonym
// or place inside it, ORGANIZATION when its head is an organisation noun. Sentences written for
// these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../src/analysis.js';
import { sharedAnalyzer } from './helpers/shared.js';

async function speakers(text: string, lang: 'fr' | 'en'): Promise<Array<{ name: string; type: string; actor: string | null; country: string | null }>> {
  const out: Analysis = (await sharedAnalyzer()).analyze({ text, language: lang });
  assert.ok(out.quotes.length > 0, `a quote in: ${text}`);
  for (const e of out.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'every mention points into the text');
  return out.quotes.map((q) => {
    const e = out.entities.find((x) => x.id === q.speaker);
    assert.ok(e, `a speaker for «${q.text}»`);
    return { name: e.name, type: e.type, actor: e.actor, country: e.country };
  });
}

test('an unnamed person who speaks is a description entity', async () => {
  assert.deepEqual(await speakers('“We will not give up,” a senior official at the ministry said on Monday.', 'en'), [
    { name: 'senior official at the ministry', type: 'PERSON', actor: null, country: null },
  ]);
  assert.deepEqual(await speakers('« Rien n’est encore décidé », a affirmé une source proche du dossier.', 'fr'), [
    { name: 'source proche du dossier', type: 'PERSON', actor: null, country: null },
  ]);
  assert.deepEqual(await speakers('Prosecutors said the former mayor had taken bribes for years.', 'en'), [
    { name: 'Prosecutors', type: 'PERSON', actor: null, country: null },
  ]);
});

test('a description headed by an organisation noun is an organisation; a demonym gives its country', async () => {
  const [union] = await speakers('The union said the talks with management had failed again.', 'en');
  assert.equal(union!.type, 'ORGANIZATION');
  assert.equal(union!.name, 'union');
  const [officer] = await speakers('According to a senior army officer in Goma, the rebels withdrew from the town overnight.', 'en');
  assert.deepEqual(officer, { name: 'senior army officer in Goma', type: 'PERSON', actor: null, country: 'COD' }, 'a place inside gives the country');
});

test('one description entity per wording, and a named speaker stays named', async () => {
  const out = (await sharedAnalyzer()).analyze({ text: 'Residents said the water came in minutes. “We lost everything,” residents said.', language: 'en' });
  const ids = new Set(out.quotes.map((q) => q.speaker));
  assert.equal(ids.size, 1, 'both quotes have the same speaker');
  const [named] = await speakers('“We are ready,” said Emmanuel Macron on Tuesday.', 'en');
  assert.equal(named!.actor, 'emmanuel-macron');
});

test('whom the words are said to is not the speaker: "a déclaré à l’AFP", "told Reuters"', async () => {
  const names = async (text: string, lang: 'fr' | 'en') => (await speakers(text, lang)).map((s) => s.name);
  assert.deepEqual(await names('« C’est un scandale », a dit un habitant de Lorient à l’AFP.', 'fr'), ['habitant de Lorient']);
  assert.deepEqual(await names('« C’est un scandale », a déclaré à l’AFP un responsable syndical.', 'fr'), ['responsable syndical']);
  assert.deepEqual(await names('« Nous partirons », a expliqué à Reuters une infirmière de l’hôpital.', 'fr'), ['infirmière de l’hôpital']);
  assert.deepEqual(await names('“We will leave,” one resident told Reuters.', 'en'), ['one resident']);
  assert.deepEqual(await names('A nurse at the hospital told AFP that the ward was full.', 'en'), ['nurse at the hospital']);
  // a named speaker keeps his name, and an outlet that reports is still the speaker
  assert.deepEqual(await names('“It is over,” Maria Lopez told Reuters.', 'en'), ['Maria Lopez']);
  assert.deepEqual(await names('Selon une source au service des urgences, les équipes sont sur place.', 'fr'), ['source au service des urgences']);
});
