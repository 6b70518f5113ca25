// People the knowledge base does not know, recognised from their context (issue 12): a speaker's
// position, a title that only stands before a name, a common given name; one entity per person
// (full name, surname, given name, honorific + surname) with the gender the text or the name gives,
// so that a later "she" / "elle" goes to her. Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer } from './helpers/shared.js';
import type { Analysis, EntityOut as Entity } from '../src/analysis.js';
import { givenNameGender, isCommonGivenName } from '../src/entities/given-names.js';

const withMention = (a: Analysis, text: string) => a.entities.filter((e) => e.mentions.some((m) => m.text === text));
const one = (a: Analysis, text: string): Entity => {
  const found = withMention(a, text);
  assert.equal(found.length, 1, `one entity mentioned as '${text}' (found ${found.map((e) => e.name).join(', ') || 'none'})`);
  return found[0]!;
};
const speakerOf = (a: Analysis, quoteStart: string) => {
  const q = a.quotes.find((x) => x.text.startsWith(quoteStart));
  assert.ok(q, `a quote starting '${quoteStart}'`);
  return a.entities.find((e) => e.id === q.speaker)?.name ?? null;
};

test('the given-name lists: gender, and only names two lists share open a person', () => {
  assert.equal(givenNameGender('Marie'), 'f');
  assert.equal(givenNameGender('Dylan'), 'm');
  assert.equal(givenNameGender('Aïssatou'), 'f');
  assert.equal(givenNameGender('Jean-Baptiste'), 'm', 'a compound takes its first part');
  assert.equal(givenNameGender('Qwxzt'), null);
  assert.equal(isCommonGivenName('Fatoumata'), true);
  assert.equal(isCommonGivenName('Major'), false, 'one list only: a word more than a name');
});

test('English: names in a speaker position become people, whatever the knowledge base knows', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    language: 'en',
    text:
      '"The bridge has been shut for a month," said Tobiah Wrenfield. ' +
      'According to Ingrid Halvorsrud, the ferry runs twice a day. ' +
      'Quillfeather said the council had been warned in March.',
  });
  assert.equal(one(a, 'Tobiah Wrenfield').type, 'PERSON');
  assert.equal(one(a, 'Ingrid Halvorsrud').type, 'PERSON');
  assert.equal(one(a, 'Quillfeather').type, 'PERSON', 'a lone surname before said');
  assert.equal(speakerOf(a, 'The bridge'), 'Tobiah Wrenfield');
});

test('French: names in a speaker position become people', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    language: 'fr',
    text:
      '« La digue ne tiendra pas un hiver de plus », a déclaré Gwenaëlle Kerbrat. ' +
      'Selon Fulbert Ravanel, les travaux commenceront en mai. ' +
      'Tardivaux a dénoncé un retard de six mois.',
  });
  assert.equal(one(a, 'Gwenaëlle Kerbrat').type, 'PERSON');
  assert.equal(one(a, 'Fulbert Ravanel').type, 'PERSON');
  assert.equal(one(a, 'Tardivaux').type, 'PERSON');
  assert.equal(speakerOf(a, 'La digue'), 'Gwenaëlle Kerbrat');
});

test('a common given name opens a person anywhere; a word the text writes in lower case does not', async () => {
  const analyzer = await sharedAnalyzer();
  const en = analyzer.analyze({ language: 'en', text: 'Fatoumata Kerrigan runs the only bakery in the valley, and the Valley Road closes at night.' });
  assert.equal(one(en, 'Fatoumata Kerrigan').type, 'PERSON');
  const fr = analyzer.analyze({ language: 'fr', text: 'Yannick Le Goff connaît chaque ferme du canton.' });
  assert.equal(one(fr, 'Yannick Le Goff').type, 'PERSON');
  const common = analyzer.analyze({ language: 'en', text: 'The major roads were closed. Major Roads Trust said repairs would start soon.' });
  assert.equal(
    common.entities.some((e) => e.type === 'PERSON' && /Major/.test(e.name)),
    false,
  );
});

test("a common given name before a known person's one-word name makes someone else", async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({ language: 'en', published: '2023-05-02', text: 'Samuel Macron, a baker in Lille, said the price of flour had doubled.' });
  const baker = one(a, 'Samuel Macron');
  assert.equal(baker.actor, null);
  assert.equal(baker.type, 'PERSON');
  assert.equal(
    a.entities.some((e) => e.actor !== null && e.type === 'PERSON'),
    false,
    'no known person in the sentence',
  );
});

test('titles that only stand before a name split off into the role', async () => {
  const analyzer = await sharedAnalyzer();
  const en = analyzer.analyze({
    language: 'en',
    text: 'Auditor Perpetua Gallowglass said the accounts were a mess. Cllr Osric Pennywhistle voted against. Coach Brennagh Doyle-Tully praised her players.',
  });
  const auditor = one(en, 'Perpetua Gallowglass');
  assert.equal(auditor.name, 'Perpetua Gallowglass');
  assert.equal(auditor.role, 'Auditor');
  assert.equal(one(en, 'Osric Pennywhistle').role, 'Cllr');
  assert.equal(one(en, 'Brennagh Doyle-Tully').role, 'Coach');
  const fr = analyzer.analyze({
    language: 'fr',
    text: "Le préfet Anatole Vercingeaud a fermé la route. L'entraîneur Basile Moricourt n'a pas commenté. Me Clothilde Arnavon plaidera lundi.",
  });
  assert.equal(one(fr, 'Anatole Vercingeaud').role, 'préfet');
  assert.equal(one(fr, 'Basile Moricourt').role, 'entraîneur');
  assert.equal(one(fr, 'Clothilde Arnavon').type, 'PERSON');
  // a title before a body's name does not make a person of it
  const body = analyzer.analyze({ language: 'en', text: 'Coach Holdings Group said profits fell.' });
  assert.equal(
    body.entities.some((e) => e.type === 'PERSON' && /Holdings/.test(e.name)),
    false,
  );
});

test('full name, surname, given name and honorific + surname make one person per document', async () => {
  const analyzer = await sharedAnalyzer();
  const en = analyzer.analyze({
    language: 'en',
    text: 'Renata Oyelaran opened the shelter in 2019. Oyelaran said the town had no other. Ms Oyelaran now runs it with volunteers, and Renata says she will not stop.',
  });
  const renata = one(en, 'Renata Oyelaran');
  for (const m of ['Oyelaran', 'Renata']) assert.equal(one(en, m), renata, `'${m}' is Renata Oyelaran`);
  const fr = analyzer.analyze({
    language: 'fr',
    text: 'Sébastien Abessolo tient la pharmacie depuis vingt ans. M. Abessolo a reçu les inspecteurs. Sébastien a ensuite fermé boutique.',
  });
  const ghislain = one(fr, 'Sébastien Abessolo');
  assert.equal(one(fr, 'Abessolo'), ghislain);
  assert.equal(one(fr, 'Sébastien'), ghislain);
  // two people with one given name: a lone given name stays apart from both
  const two = analyzer.analyze({ language: 'en', text: 'Renata Oyelaran met Renata Klimkowska. Renata said little.' });
  assert.equal(two.entities.filter((e) => e.mentions.some((m) => m.text === 'Renata') && /Oyelaran|Klimkowska/.test(e.name)).length, 0);
});

test('gender from the honorific or the given name lets she / elle find an unknown woman', async () => {
  const analyzer = await sharedAnalyzer();
  const en = analyzer.analyze({
    language: 'en',
    text:
      "Marguerite Ashdown chairs the residents' group; Tobias Fenwright owns the quarry. " +
      'Fenwright said the blasting was legal. "We have counted forty cracked walls," she said.',
  });
  assert.equal(speakerOf(en, 'We have counted'), 'Marguerite Ashdown');
  const fr = analyzer.analyze({
    language: 'fr',
    text:
      'Mme Kerhervé préside le collectif des riverains. Le gérant de la carrière, Loïc Ternisien, assure que les tirs sont légaux. ' +
      '« Nous avons compté quarante murs fissurés », a-t-elle répliqué.',
  });
  assert.equal(speakerOf(fr, 'Nous avons compté'), 'Kerhervé');
});

test("names in the clause layer's subject and object slots become entities", async () => {
  const analyzer = await sharedAnalyzer();
  const en = analyzer.analyze({
    language: 'en',
    text: 'Halvard Oyelowo knows every farmer in the valley, and the council sued Brightmoor Ostrander in March.',
  });
  assert.equal(one(en, 'Halvard Oyelowo').type, 'PERSON');
  assert.equal(one(en, 'Brightmoor Ostrander').type, 'PERSON');
  const fr = analyzer.analyze({ language: 'fr', text: 'Le conseil a poursuivi Ravensworth Kerbiquet en justice.' });
  assert.equal(one(fr, 'Ravensworth Kerbiquet').type, 'PERSON');
  // a word the text writes in lower case elsewhere is not part of a name
  const common = analyzer.analyze({ language: 'en', text: 'The treaty was signed in 1951. Both navies invoked the Defense Treaty.' });
  assert.equal(
    common.entities.some((e) => /Defense Treaty/.test(e.name)),
    false,
  );
});
