// Events: every CAMEO root from a French and an English sentence written for these tests,
// argument slots (passive, plural targets, joint subjects), modality, dates, one event per act,
// the patterns' codes against the codebook, and, when ../shared is present, the seed article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/pipeline.js';
import type { Doc, DocEvent } from '../src/doc.js';
import { readArticleFile } from '../src/ingest/read.js';

const analyzer = await createAnalyzer();
const run = (text: string, published = '2023-02-16'): Doc => analyzer.analyzeDoc({ text, published });
const who = (e: DocEvent | undefined) => (e ? `${e.source?.country ?? e.source?.name}>${e.target?.country ?? e.target?.name}` : null);
const byRoot = (doc: Doc, root: string) => doc.events.filter((e) => e.code.startsWith(root));

function invariants(doc: Doc): void {
  for (const e of doc.events) {
    assert.ok(e.source && doc.entities.includes(e.source), 'source is an entity of the document');
    assert.ok(e.target && doc.entities.includes(e.target), 'target is an entity of the document');
    assert.ok(e.evidence.start < e.evidence.end && doc.text.slice(e.evidence.start, e.evidence.end).trim().length > 0);
    assert.ok(e.confidence >= 0 && e.confidence <= 1);
    assert.ok(analyzer.codebook.get(e.code)?.code === e.code, `code ${e.code} is in the codebook`);
    if (e.dateText) assert.ok(doc.text.includes(e.dateText));
  }
}

// [root, French sentence, English sentence, expected source>target (country codes)]
const ROOTS: [string, string, string, string][] = [
  ['01', 'La France a regretté la décision de l’Algérie.', 'Germany voiced concern over Iran.', ''],
  ['02', 'La France a exhorté la Russie à cesser les combats.', 'The United States urged Israel to show restraint.', ''],
  ['03', 'Le Maroc a promis une aide au Mali.', 'Japan pledged aid to Ukraine.', ''],
  ['04', 'Nasser Bourita s’est entretenu avec Antony Blinken.', 'Antony Blinken met Nasser Bourita in Rabat.', ''],
  ['05', 'L’Allemagne a salué la Pologne pour son engagement.', 'Canada praised Mexico for its efforts.', ''],
  ['06', 'La Tunisie a collaboré avec l’Italie sur les migrations.', 'Japan shared intelligence with Australia.', ''],
  ['07', 'L’Allemagne a livré des armes à l’Ukraine.', 'The United States sent aid to Ukraine.', ''],
  ['08', 'L’Union européenne a levé les sanctions contre l’Iran.', 'Iran released British nationals.', ''],
  ['09', 'L’Inde a ouvert une enquête sur la Chine.', 'Brazil opened an investigation into Argentina.', ''],
  ['10', 'La Russie a exigé de l’Ukraine le retrait de ses troupes.', 'China demanded an apology from Japan.', ''],
  ['11', 'La France a condamné la Russie.', 'Egypt condemned Israel.', ''],
  ['12', 'L’Iran a rejeté la proposition des Etats-Unis.', 'Iran rejected the proposal of the United States.', ''],
  ['13', 'La Corée du Nord a menacé le Japon.', 'Russia threatened Moldova with sanctions.', ''],
  ['14', 'Les Palestiniens ont manifesté contre Israël.', 'Palestinians demonstrated against Israel.', ''],
  ['15', 'La Russie a déployé des troupes en Biélorussie.', 'China deployed warships near Taiwan.', ''],
  ['16', 'Le Niger a rompu les relations avec la France.', 'Bolivia severed ties with Israel.', ''],
  ['17', 'L’Iran a arrêté des ressortissants français.', 'Iran detained British citizens.', ''],
  ['18', 'Le Hamas a pris en otage des civils israéliens.', 'Hamas kidnapped Israeli citizens.', ''],
  ['19', 'La Russie a bombardé l’Ukraine.', 'Russia attacked Ukraine.', ''],
  ['20', 'La Serbie a massacré des civils croates.', 'Serbia massacred Croatian civilians.', ''],
];

for (const [root, fr, en] of ROOTS) {
  test(`CAMEO root ${root}: a French and an English sentence`, () => {
    for (const text of [fr, en]) {
      const doc = run(text);
      invariants(doc);
      const ev = byRoot(doc, root);
      assert.equal(ev.length, 1, `${text} → ${doc.events.map((e) => `${e.code} ${who(e)}`).join(', ') || 'no event'}`);
      assert.notEqual(ev[0]!.source, ev[0]!.target);
    }
  });
}

test('sub-codes from the words of the clause', () => {
  assert.equal(run('The United States urged Israel to show restraint.').events[0]?.code, '0256');
  assert.equal(run('Russia threatened Moldova with sanctions.').events[0]?.code, '1312');
  assert.equal(run('L’Allemagne a livré des armes à l’Ukraine.').events[0]?.code, '072');
});

test('slots: subject → source, avec/with and direct object → target, the right direction', () => {
  assert.equal(who(run('La France a condamné la Russie.').events[0]), 'FRA>RUS');
  assert.equal(who(run('Egypt condemned Israel.').events[0]), 'EGY>ISR');
  assert.equal(who(run('L’Iran a rejeté la proposition des Etats-Unis.').events[0]), 'IRN>USA');
  // the object's complement names whose act is condemned
  assert.equal(who(run('La France a condamné le soutien du Rwanda aux rebelles.').events[0]), 'FRA>RWA');
});

test('passive: "a été reçu par", "was received by" — the agent is the source', () => {
  const fr = run('Yaïr Lapid a été reçu par Nasser Bourita à Rabat.');
  const e = byRoot(fr, '04')[0];
  assert.equal(e?.code, '043');
  assert.equal(e?.source?.name, 'Nasser Bourita');
  assert.equal(e?.target?.name, 'Yair Lapid');
  const en = run('Antony Blinken was received by Nasser Bourita in Rabat.');
  assert.equal(byRoot(en, '04')[0]?.source?.name, 'Nasser Bourita');
  // a passive with no agent names no source
  assert.equal(run('Des ressortissants français ont été arrêtés.').events.length, 0);
});

test('plural targets: one event per target', () => {
  const fr = run('Antony Blinken a eu des rencontres avec les dirigeants kényans, éthiopiens et somaliens.');
  assert.deepEqual(
    byRoot(fr, '04')
      .map((e) => e.target?.country)
      .sort(),
    ['ETH', 'KEN', 'SOM'],
  );
  const en = run('Antony Blinken held talks with Kenyan, Ethiopian and Somali leaders.');
  assert.deepEqual(
    byRoot(en, '04')
      .map((e) => e.target?.country)
      .sort(),
    ['ETH', 'KEN', 'SOM'],
  );
});

test('a joint subject with no target acts on itself: one event for the pair', () => {
  const doc = run('Turkey and Armenia severed diplomatic ties in 1993.');
  assert.equal(doc.events.length, 1);
  assert.equal(doc.events[0]!.code, '161');
  assert.deepEqual([doc.events[0]!.source?.country, doc.events[0]!.target?.country].sort(), ['ARM', 'TUR']);
});

test('modality: negated, hypothetical, planned', () => {
  assert.equal(run('La France n’a pas condamné la Russie.').events[0]?.modality, 'negated');
  assert.equal(run('Egypt did not condemn Israel.').events[0]?.modality, 'negated');
  assert.equal(run('La France pourrait condamner la Russie.').events[0]?.modality, 'hypothetical');
  assert.equal(run('La France condamnerait la Russie.').events[0]?.modality, 'hypothetical');
  assert.equal(run('Egypt could condemn Israel.').events[0]?.modality, 'hypothetical');
  assert.equal(run('Le Canada va sanctionner la Russie.').events[0]?.modality, 'planned');
  assert.equal(run('Le Canada sanctionnera la Russie.').events[0]?.modality, 'planned');
  assert.equal(run('Canada will sanction Russia.').events[0]?.modality, 'planned');
  assert.equal(run('La France a condamné la Russie.').events[0]?.modality, 'asserted');
  // an announced visit is the intent to meet (036); a refusal to ease sanctions is coded as such
  assert.equal(run('Antony Blinken will visit Egypt next week.').events[0]?.code, '036');
  assert.equal(run('The United States will not lift sanctions on Iran.').events[0]?.code, '1244');
});

test('dates: weekday, day and month, hier, avant-hier, against the publication day', () => {
  const d = (text: string, published = '2023-02-16') => run(text, published).events[0];
  assert.equal(d('Antony Blinken a rencontré Nasser Bourita mercredi 15 février à Rabat.')?.date, '2023-02-15');
  assert.equal(d('Antony Blinken a rencontré Nasser Bourita mercredi 15 février à Rabat.')?.dateText, 'mercredi 15 février');
  assert.equal(d('Antony Blinken a rencontré Nasser Bourita hier à Rabat.')?.date, '2023-02-15');
  assert.equal(d('Antony Blinken a rencontré Nasser Bourita avant-hier à Rabat.')?.date, '2023-02-14');
  assert.equal(d('Antony Blinken met Nasser Bourita on Monday.', '2024-08-21')?.date, '2024-08-19');
  assert.equal(d('Antony Blinken met Nasser Bourita on February 1.', '2023-02')?.date, '2023-02-01');
  // a bare weekday is behind a Saturday article for a told act, ahead of it for an announced one
  assert.equal(d('Antony Blinken met Nasser Bourita on Monday.', '2024-08-24')?.date, '2024-08-19');
  assert.equal(d('Canada will sanction Russia on Monday.', '2024-08-24')?.date, '2024-08-26');
  assert.equal(d('Antony Blinken a rencontré Nasser Bourita lundi à Rabat.', '2024-08-24')?.date, '2024-08-19');
  assert.equal(d('Antony Blinken met Nasser Bourita next Monday.', '2024-08-21')?.date, '2024-08-26');
  // a month-only publication date cannot resolve a relative date
  assert.equal(d('Antony Blinken met Nasser Bourita yesterday.', '2023-02')?.date, null);
  // an act told as just done in an article dated to the day takes that day; an old one does not
  assert.equal(d('La France a condamné la Russie.')?.date, '2023-02-16');
  assert.equal(d('La Turquie et l’Arménie ont rompu les relations en 1993.')?.date, null);
});

test('a post is dated by its signature: "today" is the day it was posted', () => {
  const text =
    'Le secrétaire d’Etat américain a évoqué avec son homologue marocain la coopération.\n\nTalked today with Foreign Minister Nasser Bourita on trade and migration. — Secretary Antony Blinken (@SecBlinken) February 1, 2023';
  const doc = run(text, '2023-02');
  invariants(doc);
  const calls = byRoot(doc, '04');
  assert.equal(calls.length, 1, 'the post retells the call: one event');
  assert.equal(calls[0]!.date, '2023-02-01');
  assert.ok(calls[0]!.evidence.start < text.indexOf('Talked'), 'the evidence is the first statement');
});

test('one event per act: a retelling and the other side of a meeting collapse', () => {
  const doc = run('Antony Blinken a rencontré Nasser Bourita à Rabat. Nasser Bourita a reçu Antony Blinken au ministère. La rencontre a duré deux heures.');
  assert.equal(byRoot(doc, '04').length, 1);
  // two condemnations on different days are two acts
  const two = run('La France a condamné lundi le Rwanda. La France a de nouveau condamné mardi le Rwanda.', '2022-12-20');
  assert.deepEqual(
    byRoot(two, '11')
      .map((e) => e.date)
      .sort(),
    ['2022-12-19', '2022-12-20'],
  );
});

test('every code of the event patterns exists in the CAMEO codebook', () => {
  const codes = new Set(analyzer.codebook.all().map((c) => c.code));
  assert.ok(codes.size > 300);
  let n = 0;
  for (const [lang, pack] of analyzer.packs) {
    const ev = pack.files.events;
    assert.ok(ev, `${lang} has events.json`);
    const roots = new Set<string>();
    for (const p of ev.patterns) {
      assert.ok(codes.has(p.code), `${lang} pattern ${JSON.stringify(p.verb ?? p.noun)} has unknown code ${p.code}`);
      assert.ok(!p.verb || (p.forms && Object.values(p.forms).flat().length > 0), `${lang} verb ${p.verb} has generated forms`);
      roots.add(p.code.slice(0, 2));
      n++;
    }
    assert.equal(roots.size, 20, `${lang} covers every CAMEO root`);
    for (const r of ev.refinements) assert.ok(codes.has(r.code), `refinement ${r.code}`);
    for (const c of [...Object.values(ev.intentCodes), ...Object.values(ev.negatedCodes)] as string[]) assert.ok(codes.has(c), `code ${c}`);
  }
  assert.ok(n > 300);
});

const GOLD = new URL('../../../shared/gold/', import.meta.url);
test('the seed: one call between Blinken and Bourita on 2023-02-01, and Blinken praising Morocco', (t) => {
  if (!existsSync(GOLD)) {
    t.skip('../shared absent');
    return;
  }
  const doc = analyzer.analyzeDoc(readArticleFile(fileURLToPath(new URL('seed.txt', GOLD))));
  invariants(doc);
  const pair = (e: DocEvent) => [e.source?.name, e.target?.name].sort().join('|');
  const calls = byRoot(doc, '04').filter((e) => pair(e) === 'Antony Blinken|Nasser Bourita');
  assert.equal(calls.length, 1);
  assert.equal(calls[0]!.date, '2023-02-01');
  assert.equal(calls[0]!.code, '041');
  const praise = doc.events.find((e) => e.code === '051' && e.source?.name === 'Antony Blinken' && e.target?.country === 'MAR');
  assert.ok(praise, '051 Blinken → Morocco');
});
