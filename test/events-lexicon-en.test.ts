// Events: the English lexicon at codebook scale (lang/en/event-patterns.json). Sentences written for
// this test, three or more per CAMEO root, each with the root, source and target it must give; the
// lexicon's size and breadth (scripts/lang/event-coverage.mjs); and, when ../shared is present, the
// CAMEO codes it shares with PETRARCH2's English verb dictionary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SHARED, sharedAnalyzer } from './helpers/shared.js';

const analyzer = await sharedAnalyzer();
const events = (text: string) => analyzer.analyzeDoc({ text, published: '2023-05-10' }).events;
const show = (text: string) =>
  events(text)
    .map((e) => `${e.code} ${e.source?.country ?? e.source?.name}>${e.target?.country ?? e.target?.name}`)
    .join(', ') || 'no event';

// [root, sentence, source country > target country (or the actor's name when it has no country)]
const SENTENCES: [string, string, string][] = [
  ['01', 'The French government declined to comment on the Algerian decision.', 'FRA>DZA'],
  ['01', 'Germany voiced doubts about the Chinese peace plan.', 'DEU>CHN'],
  ['01', 'The Kremlin denied any involvement in Ukraine.', 'RUS>UKR'],
  ['01', 'Germany sympathised with Turkey after the earthquake.', 'DEU>TUR'],
  ['01', 'Japan sent condolences to Turkey after the earthquake.', 'JPN>TUR'],
  ['01', 'Hamas admitted responsibility for the attack on Israel.', 'PSE>ISR'],
  ['02', 'Ukraine appealed for air defence systems from Germany.', 'UKR>DEU'],
  ['02', 'Pakistan appealed for humanitarian aid from the United Nations.', 'PAK>United Nations'],
  ['02', 'Lebanon called for the lifting of sanctions on Syria.', 'LBN>SYR'],
  ['02', 'South Africa called for talks between Russia and Ukraine.', 'ZAF>RUS'],
  ['03', 'Saudi Arabia pledged humanitarian aid to Sudan.', 'SAU>SDN'],
  ['03', 'Iran agreed to release two Belgian citizens.', 'IRN>BEL'],
  ['03', 'Turkey agreed to resume talks with Greece.', 'TUR>GRC'],
  ['03', 'Germany pledged military aid to Ukraine.', 'DEU>UKR'],
  ['04', 'President Emmanuel Macron paid a state visit to Germany.', 'FRA>DEU'],
  ['04', 'The Chinese foreign minister held a phone call with his Indian counterpart.', 'CHN>IND'],
  ['04', 'Egypt brokered a truce between Israel and Islamic Jihad.', 'EGY>ISR'],
  ['04', 'Prime Minister Narendra Modi embarked on a visit to France.', 'IND>FRA'],
  ['05', 'Saudi Arabia restored diplomatic relations with Iran.', 'SAU>IRN'],
  ['05', 'Canada backed the position of Ukraine on the grain corridor.', 'CAN>UKR'],
  ['05', 'Finland ratified the agreement with Sweden.', 'FIN>SWE'],
  ['05', 'Poland threw its support behind Ukraine.', 'POL>UKR'],
  ['05', 'Egypt reached an agreement with Sudan.', 'EGY>SDN'],
  ['06', 'India exported wheat to Egypt.', 'IND>EGY'],
  ['06', 'Japan conducted joint exercises with the Philippines.', 'JPN>PHL'],
  ['06', 'Colombia extradited a Venezuelan general to the United States.', 'COL>VEN'],
  ['06', 'Britain exchanged intelligence with France.', 'GBR>FRA'],
  ['07', 'The United States supplied ammunition to Ukraine.', 'USA>UKR'],
  ['07', 'The World Bank granted a loan to Pakistan.', 'World Bank>PAK'],
  ['07', 'Japan provided humanitarian aid to Turkey.', 'JPN>TUR'],
  ['07', 'Russia offered asylum to the Syrian president.', 'RUS>SYR'],
  ['08', 'Israel agreed to a ceasefire with Hamas.', 'ISR>PSE'],
  ['08', 'Russia returned prisoners of war to Ukraine.', 'RUS>UKR'],
  ['08', 'The European Union suspended sanctions on Syria.', 'European Union>SYR'],
  ['08', 'Armenian forces surrendered to Azerbaijan.', 'ARM>AZE'],
  ['08', 'Iran freed two French citizens.', 'IRN>FRA'],
  ['09', 'The International Criminal Court investigated war crimes by Russia.', 'International Criminal Court>RUS'],
  ['09', 'Ukraine launched an investigation into the attack by Russian forces.', 'UKR>RUS'],
  ['09', 'Kenya probed the Somali smuggling network.', 'KEN>SOM'],
  ['10', 'Ukraine demanded the withdrawal of Russian troops.', 'UKR>RUS'],
  ['10', 'Israel demanded the release of the hostages held by Hamas.', 'ISR>PSE'],
  ['10', 'Pakistan demanded an investigation into the Indian strike.', 'PAK>IND'],
  ['10', 'The United States pressed for the release of American journalists held by Russia.', 'USA>RUS'],
  ['11', 'Ukraine alleged war crimes by Russian forces.', 'UKR>RUS'],
  ['11', 'The Philippines lodged a protest with China over the incident.', 'PHL>CHN'],
  ['11', 'Gambia brought a case against Myanmar.', 'GMB>MMR'],
  ['11', 'India sentenced three Pakistani nationals.', 'IND>PAK'],
  ['12', 'Iran rejected talks with the United States.', 'IRN>USA'],
  ['12', 'Russia vetoed a resolution on Syria.', 'RUS>SYR'],
  ['12', 'Hungary refused to lift sanctions on Russia.', 'HUN>RUS'],
  ['12', 'Serbia refused to recognise Kosovo.', 'SRB>XKX'],
  ['13', 'China threatened to impose sanctions on Lithuania.', 'CHN>LTU'],
  ['13', 'Russia threatened military action against Ukraine.', 'RUS>UKR'],
  ['13', 'North Korea threatened to use nuclear weapons against South Korea.', 'PRK>KOR'],
  ['13', 'Iran gave an ultimatum to Azerbaijan.', 'IRN>AZE'],
  ['14', 'Iranian students staged a protest outside the British embassy.', 'IRN>GBR'],
  ['14', 'Pakistani demonstrators marched against India.', 'PAK>IND'],
  ['14', 'Ukrainians demonstrated against Russia in London.', 'UKR>RUS'],
  ['14', 'Palestinian prisoners went on hunger strike against Israel.', 'PSE>ISR'],
  ['15', 'China staged military drills near Taiwan.', 'CHN>TWN'],
  ['15', 'Russia mobilised troops along the Ukrainian border.', 'RUS>UKR'],
  ['15', 'Azerbaijan amassed troops near Armenia.', 'AZE>ARM'],
  ['15', 'North Korea fired a missile over Japan.', 'PRK>JPN'],
  ['16', 'Niger closed its consulate in France.', 'NER>FRA'],
  ['16', 'The United States halted military aid to Egypt.', 'USA>EGY'],
  ['16', 'Russia walked out of talks with Ukraine.', 'RUS>UKR'],
  ['16', 'Mali expelled the peacekeepers of the United Nations.', 'MLI>United Nations'],
  ['17', 'Iran seized a tanker from Greece.', 'IRN>GRC'],
  ['17', 'Israel demolished Palestinian homes.', 'ISR>PSE'],
  ['17', 'Turkey jailed a Swedish journalist.', 'TUR>SWE'],
  ['17', 'Belarusian police rounded up Lithuanian activists.', 'BLR>LTU'],
  ['17', 'The United States imposed a travel ban on Iran.', 'USA>IRN'],
  ['18', 'Hamas took hostages from Israel.', 'PSE>ISR'],
  ['18', 'Al-Shabaab detonated a car bomb in Nairobi.', 'SOM>KEN'],
  ['18', 'Russia tried to assassinate the Ukrainian president.', 'RUS>UKR'],
  ['18', 'Boko Haram abducted Cameroonian fishermen.', 'NGA>CMR'],
  ['19', 'Russia launched drone strikes on Ukraine.', 'RUS>UKR'],
  ['19', 'Israeli forces opened fire on Palestinian protesters.', 'ISR>PSE'],
  ['19', 'Azerbaijan besieged Armenian villages.', 'AZE>ARM'],
  ['19', 'Russia annexed Crimea.', 'RUS>UKR'],
  ['19', 'Hezbollah fired rockets at Israel.', 'LBN>ISR'],
  ['20', 'Iraq used poison gas against Iran.', 'IRQ>IRN'],
  ['20', 'Serbia carried out ethnic cleansing against Albanians.', 'SRB>ALB'],
  ['20', 'Serbian forces slaughtered Bosnian civilians.', 'SRB>BIH'],
];

for (const root of new Set(SENTENCES.map(([r]) => r))) {
  test(`CAMEO root ${root}: English sentences of the codebook-scale lexicon`, () => {
    for (const [r, text, who] of SENTENCES) {
      if (r !== root) continue;
      const found = events(text).filter((e) => e.code.startsWith(root));
      assert.ok(
        found.some((e) => `${e.source?.country ?? e.source?.name}>${e.target?.country ?? e.target?.name}` === who),
        `${text} → expected root ${root} ${who}, got ${show(text)}`,
      );
      for (const e of found) assert.equal(analyzer.codebook.get(e.code)?.code, e.code, `${e.code} is in the codebook`);
    }
  });
}

test('every root has at least three sentences here', () => {
  const roots = new Map<string, number>();
  for (const [r] of SENTENCES) roots.set(r, (roots.get(r) ?? 0) + 1);
  assert.equal(roots.size, 20);
  for (const [r, n] of roots) assert.ok(n >= 3, `root ${r}: ${n} sentences`);
});

test('specific codes when the words say so', () => {
  const code = (text: string) =>
    events(text)
      .map((e) => e.code)
      .sort()
      .join(' ');
  assert.equal(code('Germany pledged military aid to Ukraine.'), '0332');
  assert.equal(code('Russia launched drone strikes on Ukraine.'), '1952');
  assert.equal(code('Iran refused to release the French nationals.'), '1243');
  assert.equal(code('Iran seized a tanker from Greece.'), '1711');
  assert.equal(code('The United States halted military aid to Egypt.'), '1622');
  assert.equal(code('Israel launched air strikes on Gaza.'), '195');
});

test('intransitive uses and ordinary sentences give no event', () => {
  for (const text of [
    'Germany has backed away from its pledge, Ukraine said.',
    'The minister came back to Paris and met nobody.',
    'France beat Brazil in the World Cup final on Sunday.',
    'Russian gas exports to Europe fell sharply in 2022, the IEA said.',
    'Polish farmers blocked roads to protest against grain imports.',
    'Iran is free to decide, Britain said.',
    'The Dutch king opened a new bridge in Amsterdam.',
  ])
    assert.equal(show(text), 'no event', text);
});

/** the lexicon counts of scripts/lang/event-coverage.mjs (one implementation of the counting) */
function coverage(...args: string[]): any {
  return JSON.parse(execFileSync(process.execPath, [join(REPO, 'scripts', 'lang', 'event-coverage.mjs'), '--json', ...args], { encoding: 'utf8' }));
}

test('the English lexicon covers every root and at least 220 codes', () => {
  const en = coverage().languages.en;
  assert.equal(en.roots.length, 20, `roots: ${en.roots.join(' ')}`);
  assert.ok(en.codes.length >= 220, `${en.codes.length} codes`);
  // event-patterns.json alone (events.json may lose entries), measured on 2026-12-07: 1,124 entries,
  // 3,322 lemma-level patterns, 291 codes (with events.json: 3,711 patterns, 295 codes)
  const own = en.filePatterns['event-patterns.json'];
  assert.ok(own.patterns >= 3321, `${own.patterns} patterns in event-patterns.json`);
  assert.ok(own.codes >= 220, `${own.codes} codes in event-patterns.json`);
  assert.ok(en.files['event-patterns.json'] >= 1124, `${en.files['event-patterns.json']} entries in event-patterns.json`);
});

test('every verb pattern of event-patterns.json has its generated forms, the lemma among them', () => {
  const file = JSON.parse(readFileSync(join(REPO, 'lang', 'en', 'event-patterns.json'), 'utf8'));
  const verbs = file.patterns.filter((p: any) => p.verb);
  assert.ok(verbs.length > 1000);
  for (const p of verbs) assert.ok(p.forms?.['']?.includes(p.verb), `${p.verb}: run node scripts/lang/build-event-forms.mjs`);
});

const PETRARCH = join(SHARED, 'reference', 'cameo', 'CAMEO.2.0.verbs.txt');
test(
  "codes covered by PETRARCH2's English verb dictionary and by ours",
  { skip: existsSync(PETRARCH) ? false : "../shared is absent: PETRARCH2's dictionary is not available" },
  (t) => {
    const p = coverage('--petrarch', PETRARCH).petrarch;
    t.diagnostic(
      `PETRARCH2 codes ${p.codes}; covered by both ${p.both.length}; by PETRARCH2 only ${p.petrarchOnly.length} (${p.petrarchOnly.join(' ')}); by readout only ${p.oursOnly.length}`,
    );
    // measured on 2026-12-07: 241 codes in the dictionary, all 241 covered by both
    assert.ok(p.both.length >= 241, `${p.both.length} codes covered by both`);
    assert.deepEqual(p.petrarchOnly, [], 'codes of PETRARCH2 with no English pattern here');
  },
);
