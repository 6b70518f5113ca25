// The entity layer on realistic sentences: names the knowledge base lacks, surnames, bodies,
// metonyms in and out of an actor's slot, acronyms defined in parentheses, kingdoms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAnalyzer } from './helpers/shared.js';
import type { Analysis } from '../src/analysis.js';

const find = (a: Analysis, text: string) => a.entities.find((e) => e.mentions.some((m) => m.text === text));

test('unknown people, parties and places are typed from their context', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2023-03-20',
    text: 'Le président du parti Jil Jadid, Soufiane Djilali, a rencontré à Tlemcen le diplomate Abdelaziz Rahabi. In the Syrian town of Manbij, the Kurdish commander Mazloum Kobani met reporters.',
  });
  assert.equal(find(a, 'Jil Jadid')?.type, 'ORGANIZATION');
  assert.equal(find(a, 'Soufiane Djilali')?.type, 'PERSON');
  assert.equal(find(a, 'Abdelaziz Rahabi')?.type, 'PERSON');
  assert.equal(find(a, 'Tlemcen')?.type, 'LOCATION');
  assert.equal(find(a, 'Manbij')?.type, 'LOCATION');
  assert.equal(find(a, 'Syrian')?.country, 'SYR');
});

test('surnames join their full name; a lone capitalised word needs someone to belong to', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2018-02-16',
    text: 'Turkish Foreign Minister Mevlut Cavusoglu received Rex Tillerson in Ankara. Cavusoglu said the talks were frank. Tillerson agreed. Standing next to him, Cavusoglu smiled. Meanwhile nobody spoke.',
  });
  const cavusoglu = a.entities.filter((e) => e.type === 'PERSON' && e.mentions.some((m) => /Cavusoglu/.test(m.text)));
  assert.equal(cavusoglu.length, 1, 'one entity for every Cavusoglu');
  assert.equal(cavusoglu[0]!.country, 'TUR');
  assert.ok(cavusoglu[0]!.mentions.length >= 3);
  assert.equal(find(a, 'Tillerson')?.name, 'Rex Tillerson');
  assert.equal(find(a, 'Standing'), undefined);
  assert.equal(find(a, 'Meanwhile'), undefined);
  const b = analyzer.analyze({ published: '2023-06-19', text: 'Chinese President Xi Jinping received Antony Blinken. Xi said progress had been made.' });
  assert.equal(find(b, 'Xi')?.name, 'Xi Jinping', 'Chinese names are written family name first');
});

test('generic bodies belong to the state named or in context; acronyms in parentheses', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2021-08-11',
    text: 'Le ministre marocain Nasser Bourita a reçu son hôte au siège du ministère des Affaires étrangères. Le ministère israélien des Affaires étrangères a salué la visite. Le Front de libération nationale (FLN) a critiqué la décision.',
  });
  const mfa = a.entities.filter((e) => e.type === 'ORGANIZATION' && e.mentions.some((m) => /minist/.test(m.text)));
  assert.deepEqual(new Set(mfa.map((e) => e.country)), new Set(['MAR', 'ISR']));
  const fln = find(a, 'FLN');
  assert.ok(fln && fln.mentions.some((m) => m.text === 'Front de libération nationale'), 'FLN and its full name are one entity');
});

test('seats of power stand for their state only in an actor slot; le Royaume is the kingdom talked about', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2022-05-02',
    text: 'Washington a salué la décision du Maroc. Le communiqué a été diffusé à Washington. Le Royaume a remercié ses partenaires.',
  });
  const wash = a.entities.filter((e) => e.mentions.some((m) => m.text === 'Washington'));
  assert.deepEqual(wash.map((e) => e.type).sort(), ['COUNTRY', 'LOCATION']);
  const mar = a.entities.find((e) => e.type === 'COUNTRY' && e.country === 'MAR')!;
  assert.ok(mar.mentions.some((m) => m.text === 'Royaume'));
});

test('bodies: names built on other names, acronyms written as words, datelines, lone head nouns', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2021-08-25',
    text: 'ALGER — Le Haut Conseil de sécurité s’est réuni mardi. Le Conseil a choisi de réexaminer sa coopération avec le Maroc, a précisé la présidence algérienne. Les Forces armées de la RDC et la Commission de la Cédéao ont réagi, tout comme l’Otan.',
  });
  assert.equal(find(a, 'ALGER')?.type, 'LOCATION', 'a dateline is where the story was filed');
  const hcs = find(a, 'Haut Conseil de sécurité');
  assert.ok(hcs && hcs.type === 'ORGANIZATION' && hcs.actor === null, 'not the UN Security Council');
  assert.ok(
    hcs.mentions.some((m) => m.text === 'Conseil'),
    'le Conseil refers back to it',
  );
  assert.equal(find(a, 'Forces armées de la RDC')?.type, 'ORGANIZATION');
  assert.equal(find(a, 'Commission de la Cédéao')?.type, 'ORGANIZATION');
  assert.equal(find(a, 'Otan')?.actor, 'nato');
  assert.equal(find(a, 'présidence algérienne')?.country, 'DZA');
  const en = analyzer.analyze({
    published: '2022-08-05',
    text: 'BEIJING/TAIPEI - China warned on Monday that it could punish Nancy Pelosi. The foreign ministry said the trip was a provocation. Major General Zhang Yi told reporters the drills would go on.',
  });
  assert.equal(find(en, 'BEIJING')?.type, 'LOCATION');
  assert.equal(find(en, 'The foreign ministry')?.country, 'CHN', 'a generic body keeps its determiner and takes the state in context');
  assert.equal(find(en, 'Major General')?.name, 'Zhang Yi', 'a rank is a title of the name after it, not a name');
  assert.equal(find(en, 'Zhang Yi')?.type, 'PERSON');
});

test('titles of elected and appointed people mark a name the knowledge base lacks', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2022-08-05',
    text: 'U.S. House Speaker Dana Whitfield landed in Manila early on Thursday. Le député Jean-Paul Lecoq a interrogé la conseillère Emmanuelle Lachaussée.',
  });
  assert.equal(find(a, 'Dana Whitfield')?.type, 'PERSON', 'no comma or speech verb needed after a title');
  assert.equal(find(a, 'Jean-Paul Lecoq')?.type, 'PERSON');
  assert.equal(find(a, 'Emmanuelle Lachaussée')?.type, 'PERSON');
});

test('Arabic names with a lower-case article; named places ending in a place noun', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2016-01-04',
    text: 'Moussaed al-Aiban a rencontré Jake Sullivan, après l’exécution de Nimr al-Nimr, a indiqué Riyad. The Rose Garden ceremony was brief.',
  });
  assert.equal(find(a, 'Moussaed al-Aiban')?.type, 'PERSON');
  assert.equal(find(a, 'Nimr al-Nimr')?.type, 'PERSON');
  assert.equal(find(a, 'Rose Garden')?.type, 'LOCATION', 'a first name before a place noun is not a person');
});

test('a title keeps its article: "The National" is a newspaper, "national" is not', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2023-05-02',
    text: 'Pakistan’s National Security Committee met on Monday, The National and the Times of Israel reported.\n\nLes Républicains ont voté contre, selon Le Point.',
  });
  assert.equal(find(a, 'National Security Committee')?.type, 'ORGANIZATION');
  assert.equal(find(a, 'The National')?.country, 'ARE');
  assert.equal(find(a, 'the Times of Israel')?.country, 'ISR', 'the longer title wins over "The Times"');
  assert.equal(find(a, 'Le Point')?.type, 'ORGANIZATION');
  assert.equal(find(a, 'Les Républicains')?.type, 'ORGANIZATION');
  assert.equal(
    a.entities.some((e) => e.mentions.some((m) => m.text === 'National')),
    false,
  );
});

test('a known surname opening its sentence is a person when a verb follows', async () => {
  const analyzer = await sharedAnalyzer();
  const a = analyzer.analyze({
    published: '2023-06-20',
    text: 'Macron a reçu mardi le président égyptien à l’Élysée.\n\nBlinken spoke with his Egyptian counterpart on Monday. Paris wants calm.',
  });
  assert.equal(find(a, 'Macron')?.name, 'Emmanuel Macron');
  assert.equal(find(a, 'Blinken')?.name, 'Antony Blinken');
  assert.notEqual(find(a, 'Paris')?.type, 'PERSON');
});
