// The French event lexicon at codebook scale (lang/fr/event-patterns.json): every CAMEO root
// from sentences written for this test (news style, states and titled officials as actors), run
// through the whole analyzer; precision guards for the phrases that must not code an act; and the
// size of the lexicon, so that it only grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedAnalyzer } from './helpers/shared.js';
import type { Doc, DocEvent } from '../src/doc.js';

const analyzer = await sharedAnalyzer();
const run = (text: string): Doc => analyzer.analyzeDoc({ text, published: '2024-03-12' });
const side = (e: DocEvent['source'] | null | undefined) => e?.country ?? e?.name;
const who = (e: DocEvent) => `${side(e.source)}>${side(e.target)}`;
const show = (doc: Doc) => doc.events.map((e) => `${e.code} ${who(e)}`).join('; ') || 'no event';

/** root → sentences with the expected source>target (ISO 3166 alpha-3 of each side's country) */
const CASES: [string, string, [string, string][]][] = [
  [
    '01',
    'public statements',
    [
      ['MAR>TUR', 'Le roi du Maroc a adressé ses condoléances au président turc.'],
      ['BEL>MAR', 'La Belgique s’est dite solidaire avec le Maroc après le séisme.'],
      ['JPN>PRK', 'Le gouvernement japonais s’est montré pessimiste quant à la Corée du Nord.'],
      ['FRA>RUS', 'La France a exprimé sa vive inquiétude face à la Russie.'],
      ['IRN>SAU', 'Le porte-parole iranien s’est refusé à tout commentaire sur l’Arabie saoudite.'],
    ],
  ],
  [
    '02',
    'appeals',
    [
      ['UKR>USA', 'Le président ukrainien a demandé des munitions aux États-Unis.'],
      ['LBN>FRA', 'Le Liban a sollicité une aide financière auprès de la France.'],
      ['CHN>RUS', 'La Chine a appelé au dialogue entre la Russie et l’Ukraine.'],
      ['DEU>TUN', 'L’Allemagne a appelé à la libération des opposants tunisiens.'],
      ['NOR>SDN', 'La Norvège a plaidé pour un cessez-le-feu au Soudan.'],
    ],
  ],
  [
    '03',
    'intent to cooperate',
    [
      ['QAT>EGY', 'Le Qatar s’est dit prêt à coopérer avec l’Égypte.'],
      ['DEU>UKR', 'L’Allemagne a promis une aide militaire à l’Ukraine.'],
      ['TUR>DZA', 'La Turquie a accepté la médiation de l’Algérie.'],
      ['IND>BGD', 'L’Inde a assuré le Bangladesh de son soutien.'],
      ['JPN>PHL', 'Le Japon s’est engagé à investir aux Philippines.'],
    ],
  ],
  [
    '04',
    'consultation',
    [
      ['KEN>SOM', 'Le président kényan a eu un entretien téléphonique avec son homologue somalien.'],
      ['CHN>EGY', 'Le ministre chinois des Affaires étrangères a rendu visite au président égyptien.'],
      ['FRA>CHN', 'Emmanuel Macron a entamé une visite d’État en Chine.'],
      ['IRN>USA', 'L’Iran a repris les négociations avec les États-Unis.'],
      ['TUR>GRC', 'Le président turc s’est entretenu en marge du sommet avec le Premier ministre grec.'],
    ],
  ],
  [
    '05',
    'diplomatic cooperation',
    [
      ['MAR>ISR', 'Le Maroc a rétabli ses relations diplomatiques avec Israël.'],
      ['SEN>MLI', 'Le Sénégal a pris la défense du Mali.'],
      ['BRA>PSE', 'Le Brésil a reconnu officiellement l’État de Palestine.'],
      ['JPN>KOR', 'Le Japon a présenté ses regrets à la Corée du Sud.'],
      ['RUS>PRK', 'La Russie a signé un traité avec la Corée du Nord.'],
    ],
  ],
  [
    '06',
    'material cooperation',
    [
      ['FRA>IND', 'La France a organisé des exercices militaires conjoints avec l’Inde.'],
      ['DZA>ITA', 'L’Algérie a vendu du gaz à l’Italie.'],
      ['MAR>FRA', 'Le Maroc a extradé un ressortissant français vers la France.'],
      ['JOR>EGY', 'La Jordanie a échangé des renseignements avec l’Égypte.'],
      ['BRA>CHN', 'Le Brésil a exporté du soja vers la Chine.'],
      ['TUR>SWE', 'La Turquie a transmis à la Suède une liste de suspects.'],
    ],
  ],
  [
    '07',
    'aid',
    [
      ['USA>UKR', 'Les États-Unis ont livré des chars à l’Ukraine.'],
      ['JPN>LKA', 'Le Japon a accordé une aide financière au Sri Lanka.'],
      ['TUR>SYR', 'La Turquie a envoyé de l’aide humanitaire en Syrie.'],
      ['ECU>VEN', 'L’Équateur a accordé l’asile politique au Venezuela.'],
      ['European Union>UKR', 'L’Union européenne a débloqué 50 milliards d’euros pour l’Ukraine.'],
    ],
  ],
  [
    '08',
    'yielding',
    [
      ['RUS>TUR', 'La Russie a cédé aux pressions de la Turquie.'],
      ['PSE>ISR', 'Le Hamas a libéré des otages israéliens.'],
      ['TUR>SWE', 'La Turquie a suspendu les sanctions contre la Suède.'],
      ['AZE>ARM', 'L’Azerbaïdjan a décrété un cessez-le-feu avec l’Arménie.'],
      ['RUS>SYR', 'La Russie a retiré ses militaires de Syrie.'],
    ],
  ],
  [
    '09',
    'investigation',
    [
      ['FRA>USA', 'La justice française a ouvert une enquête sur la mort d’un journaliste américain.'],
      ['GBR>RUS', 'La police britannique enquête sur l’empoisonnement d’un ancien espion russe.'],
      ['KEN>CHN', 'Le parquet kényan a ouvert une enquête pour corruption contre une entreprise chinoise.'],
      ['USA>AFG', 'Le Pentagone a enquêté sur la frappe contre l’Afghanistan.'],
    ],
  ],
  [
    '10',
    'demands',
    [
      ['CHN>USA', 'La Chine a exigé des explications des États-Unis.'],
      ['POL>DEU', 'La Pologne a réclamé des réparations à l’Allemagne.'],
      ['RUS>UKR', 'La Russie a exigé le retrait des troupes ukrainiennes.'],
      ['IRN>SWE', 'L’Iran a exigé la libération de ses diplomates détenus par la Suède.'],
    ],
  ],
  [
    '11',
    'disapproval',
    [
      ['MAR>DZA', 'Le Maroc a désapprouvé la décision de l’Algérie.'],
      ['CHN>JPN', 'La Chine s’est insurgée contre le Japon.'],
      ['UKR>RUS', 'L’Ukraine a rendu la Russie responsable de l’attaque.'],
      ['ARM>AZE', 'L’Arménie a porté des accusations de crimes de guerre contre l’Azerbaïdjan.'],
      ['ZAF>ISR', 'L’Afrique du Sud a saisi la Cour internationale de justice contre Israël.'],
      ['DZA>FRA', 'L’Algérie a adressé une note de protestation à la France.'],
    ],
  ],
  [
    '12',
    'rejection',
    [
      ['HUN>UKR', 'La Hongrie a rejeté le plan de paix de l’Ukraine.'],
      ['RUS>UKR', 'La Russie a refusé de négocier avec l’Ukraine.'],
      ['TUR>SWE', 'La Turquie a mis son veto à la Suède.'],
      ['PRK>KOR', 'La Corée du Nord a violé l’espace aérien de la Corée du Sud.'],
      ['IRN>GBR', 'L’Iran a refusé de libérer un ressortissant britannique.'],
    ],
  ],
  [
    '13',
    'threats',
    [
      ['CHN>USA', 'La Chine a menacé de sanctionner les entreprises américaines.'],
      ['RUS>UKR', 'La Russie a menacé d’utiliser l’arme nucléaire contre l’Ukraine.'],
      ['VEN>GUY', 'Le Venezuela a menacé d’envahir le Guyana.'],
      ['NER>FRA', 'Le Niger a lancé un ultimatum à la France.'],
      ['TUR>GRC', 'La Turquie a proféré des menaces contre la Grèce.'],
    ],
  ],
  [
    '14',
    'protest',
    [
      ['MAR>FRA', 'Les manifestants marocains ont manifesté devant l’ambassade de France à Rabat.'],
      ['IRN>SAU', 'Les manifestants iraniens ont pris d’assaut l’ambassade d’Arabie saoudite.'],
      ['PSE>ISR', 'Les détenus palestiniens ont entamé une grève de la faim contre Israël.'],
      ['DZA>FRA', 'Les Algériens ont appelé au boycott des produits français.'],
      ['IRN>GBR', 'Les étudiants iraniens ont protesté devant l’ambassade du Royaume-Uni à Téhéran.'],
    ],
  ],
  [
    '15',
    'force posture',
    [
      ['CHN>TWN', 'La Chine a effectué des exercices militaires près de Taïwan.'],
      ['PRK>JPN', 'La Corée du Nord a tiré un missile balistique vers le Japon.'],
      ['RUS>UKR', 'La Russie a mobilisé des réservistes près de la frontière ukrainienne.'],
      ['CHN>TWN', 'La Chine a déployé des bombardiers près de Taïwan.'],
    ],
  ],
  [
    '16',
    'reduced relations',
    [
      ['DZA>MAR', 'L’Algérie a rompu avec le Maroc.'],
      ['BFA>FRA', 'Le Burkina Faso a expulsé des diplomates français.'],
      ['FRA>NER', 'La France a coupé l’aide au Niger.'],
      ['USA>ISR', 'Les États-Unis ont suspendu les livraisons d’armes à Israël.'],
      ['IRN>USA', 'L’Iran a quitté la table des négociations avec les États-Unis.'],
    ],
  ],
  [
    '17',
    'coercion',
    [
      ['KEN>SOM', 'La police kényane a arrêté mardi deux ressortissants somaliens.'],
      ['RUS>USA', 'Les autorités russes ont placé en détention un journaliste américain.'],
      ['IRN>GRC', 'L’Iran a arraisonné un pétrolier grec.'],
      ['CHN>LTU', 'La Chine a exercé des pressions sur la Lituanie.'],
      ['TUR>SYR', 'La Turquie a refoulé des migrants syriens.'],
    ],
  ],
  [
    '18',
    'unconventional violence',
    [
      ['LBN>ISR', 'Le Hezbollah a commis un attentat contre Israël.'],
      ['SOM>IND', 'Les pirates somaliens ont détourné un navire indien.'],
      ['RUS>GBR', 'La Russie a tenté d’assassiner un transfuge britannique.'],
      ['ISR>PSE', 'Israël a éliminé le chef du Hamas.'],
      ['IRN>GBR', 'Les policiers iraniens ont frappé un journaliste britannique.'],
      ['ISR>PSE', 'L’armée israélienne a utilisé des civils palestiniens comme boucliers humains.'],
    ],
  ],
  [
    '19',
    'conventional force',
    [
      ['RUS>UKR', 'La Russie a lancé des frappes aériennes contre l’Ukraine.'],
      ['RUS>UKR', 'L’aviation russe a mené des frappes contre des positions ukrainiennes.'],
      ['ISR>LBN', 'L’armée israélienne a ouvert le feu sur des soldats libanais.'],
      ['RUS>UKR', 'La Russie a annexé la Crimée.'],
      ['TUR>SYR', 'La Turquie a mené une frappe de drone contre des combattants kurdes en Syrie.'],
    ],
  ],
  [
    '20',
    'mass violence',
    [
      ['SYR>TUR', 'Le régime syrien a utilisé des armes chimiques contre des soldats turcs.'],
      ['RUS>UKR', 'La Russie a déporté en masse des civils ukrainiens.'],
      ['MMR>BGD', 'L’armée birmane a commis un massacre contre des villageois bangladais.'],
      ['SDN>TCD', 'Les milices soudanaises ont mené une épuration ethnique contre des réfugiés tchadiens.'],
    ],
  ],
];

for (const [root, label, cases] of CASES) {
  test(`root ${root} (${label}): French sentences give an event of the root between the right states`, () => {
    assert.ok(cases.length >= 3, `root ${root} needs at least three sentences`);
    for (const [pair, text] of cases) {
      const doc = run(text);
      for (const e of doc.events) assert.ok(e.evidence.start < e.evidence.end && e.evidence.end <= doc.text.length);
      assert.ok(
        doc.events.some((e) => e.code.startsWith(root) && who(e) === pair),
        `${text} → ${root} ${pair}; got ${show(doc)}`,
      );
    }
  });
}

test('every root has its sentences', () => {
  assert.deepEqual(
    CASES.map(([r]) => r),
    Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')),
  );
});

test('an event noun told as the object of a judgement, a broad verb or an adjective codes no act of its own', () => {
  const cases: [string, string][] = [
    // the aid, the sanctions, the killing are judged, not done, by the subject
    ['La Hongrie bloque l’aide à l’Ukraine.', '07'],
    ['La Chine a critiqué les sanctions contre la Russie.', '16'],
    ['L’Iran a condamné l’assassinat du chef du Hamas.', '18'],
    ['La Russie a dénoncé les livraisons d’armes à l’Ukraine.', '07'],
    ['La France a condamné l’attentat à Kaboul.', '18'],
    ['Le Japon a condamné la répression des manifestants en Iran.', '17'],
    ['L’Union européenne a dénoncé l’arrestation de l’opposant russe Alexeï Navalny.', '17'],
    // « affronter » is a fight only with armed forces near; « prêt à » is no loan
    ['Le président Joe Biden affrontera Donald Trump lors de l’élection présidentielle.', '19'],
    ['Le Premier ministre indien s’est dit prêt à la Chine.', '07'],
    // « frapper », « battre » are violence only with weapons or people near
    ['Le séisme a frappé le Maroc.', '19'],
    ['La France a battu l’Argentine en finale.', '18'],
  ];
  for (const [text, root] of cases) {
    const doc = run(text);
    assert.ok(!doc.events.some((e) => e.code.startsWith(root)), `${text}: no ${root} event; got ${show(doc)}`);
  }
  // the judgement itself is still coded
  // an official protest (auprès de) is not a demonstration
  const official = run('Le Maroc a protesté auprès de l’Algérie.');
  assert.ok(
    official.events.some((e) => e.code === '114' && who(e) === 'MAR>DZA'),
    show(official),
  );
  const judged = run('L’Union européenne a dénoncé l’arrestation de l’opposant russe Alexeï Navalny.');
  assert.ok(
    judged.events.some((e) => e.code.startsWith('11') && side(e.target) === 'RUS'),
    show(judged),
  );
});

test('a longer phrase of a verb keeps the slots of its plain pattern (rejeter le plan de paix de X)', () => {
  const doc = run('La Hongrie a rejeté le plan de paix de l’Ukraine.');
  assert.ok(
    doc.events.some((e) => e.code === '127' && who(e) === 'HUN>UKR'),
    show(doc),
  );
  const fire = run('L’aviation russe a mené des frappes contre des positions ukrainiennes.');
  assert.ok(
    fire.events.some((e) => e.code === '195' && who(e) === 'RUS>UKR'),
    show(fire),
  );
});

interface Pattern {
  code: string;
  verb?: string;
  then?: string[];
  noun?: string | string[];
  target?: string[];
}
const lexicon = JSON.parse(readFileSync(new URL('../../lang/fr/event-patterns.json', import.meta.url), 'utf8')) as { language: string; patterns: Pattern[] };
const codebook = JSON.parse(readFileSync(new URL('../../data/cameo.json', import.meta.url), 'utf8')) as { codes: { code: string }[] };

/** lemma-level patterns: a verb counts once per required continuation (verb + then), a noun once per phrase */
function lemmaLevel(p: Pattern): number {
  if (p.verb) return Math.max(1, p.then?.length ?? 0);
  return [p.noun ?? []].flat().length;
}

test('the French lexicon at codebook scale: size, roots, codes (measured 2026-12-07: 4244 patterns, 20 roots, 294 codes)', () => {
  assert.equal(lexicon.language, 'fr');
  const verbs = lexicon.patterns.filter((p) => p.verb).reduce((n, p) => n + lemmaLevel(p), 0);
  const nouns = lexicon.patterns.filter((p) => !p.verb).reduce((n, p) => n + lemmaLevel(p), 0);
  assert.ok(verbs + nouns >= 4244, `lemma-level patterns: ${verbs} verb + ${nouns} noun`);
  assert.ok(nouns >= 500, `noun phrases: ${nouns}`);
  const codes = new Set(lexicon.patterns.map((p) => p.code));
  assert.equal(new Set([...codes].map((c) => c.slice(0, 2))).size, 20);
  assert.ok(codes.size >= 220, `distinct codes: ${codes.size}`);
  const known = new Set(codebook.codes.map((c) => c.code));
  for (const c of codes) assert.ok(known.has(c), `code ${c} is not in data/cameo.json`);
  for (const p of lexicon.patterns) {
    assert.ok(!!p.verb !== !!p.noun, `a pattern is a verb or a noun: ${JSON.stringify(p).slice(0, 120)}`);
    assert.ok(p.target?.length, `a pattern names its target slots: ${p.verb ?? p.noun}`);
  }
});
