#!/usr/bin/env node
// Generates the speech-cue lexicons lang/fr/speech.json and lang/en/speech.json.
// French: every inflected form of each lemma comes from french-verbs-lefff (the Lefff conjugations,
// LGPL-LR), so the runtime never needs the package. English: regular morphology plus a table of
// irregular verbs. Lemmas, nouns, phrases and channel words are written here for readout.
// usage: node scripts/lang/build-speech-verbs.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ---------- French ----------
// strong: opens reported speech anywhere; weak: a cue only right after a quotation (« … », lance-t-il)
const FR_STRONG = `accuser admettre affirmer ajouter alerter alléguer annoncer appeler argumenter arguer assurer attester
avancer avertir avouer certifier citer clamer commenter concéder conclure confesser confier confirmer considérer
constater contester critiquer croire déclarer décrire démentir dénoncer déplorer détailler dévoiler dire divulguer
écrire énoncer espérer estimer évoquer exhorter expliquer exposer exprimer fustiger garantir implorer indiquer informer
insister interpeller ironiser juger jurer marteler mentionner menacer minimiser nier noter notifier objecter observer
penser plaider poster préciser prédire préconiser prétendre prévenir proclamer promettre proposer protester prôner
publier qualifier raconter rappeler rapporter rassurer réaffirmer réagir réclamer recommander reconnaître redire
redouter réfuter regretter réitérer relater relever remarquer remercier renchérir répéter répliquer répondre reprocher
résumer rétorquer révéler revendiquer saluer signaler souhaiter souligner soutenir suggérer supposer témoigner tweeter
twitter condamner craindre demander exiger déplorer féliciter réjouir inquiéter alarmer indigner interroger étonner
insurger plaindre exclamer écrier emporter offusquer agacer lamenter défendre justifier maintenir persister réitérer
presser encourager inviter conseiller sommer enjoindre ordonner proclamer affirmer questionner riposter surenchérir
nuancer tempérer rectifier clarifier expliciter illustrer analyser pronostiquer prévoir anticiper narrer
applaudir louer encenser approuver blâmer récuser contredire rejeter formuler développer vanter railler assener asséner
tonner tempêter crier hurler murmurer chuchoter soupirer gazouiller prévenir mettre`;
const FR_WEAK = `lancer glisser lâcher souffler poursuivre continuer enchaîner reprendre trancher balayer plaisanter
ajouter compléter corriger résumer lire`;
// multi-word cues: a head verb whose forms are generated, then fixed words
const FR_MULTI = [
  ['faire', 'savoir'], ['faire', 'remarquer'], ['faire', 'valoir'], ['faire', 'observer'], ['faire', 'état'],
  ['faire', 'part'], ['mettre', 'en', 'garde'], ['mettre', 'en', 'avant'], ['tenir', 'à', 'souligner'],
  ['tenir', 'à', 'rappeler'], ['tenir', 'à', 'préciser'],
];
// verbs whose frequent forms are also common nouns or other words: keep only the unambiguous forms
const FR_DROP_FORMS = new Set(['juge', 'juges', 'note', 'notes', 'lance', 'avance', 'avances', 'plainte', 'dit', 'dits', 'lit', 'lu', 'lue', 'lus',
  'mis', 'mise', 'mises', 'met', 'mets', 'mettre', 'crie', 'poste', 'postes', 'garde', 'cite', 'conseil', 'prévu', 'prévue', 'prévus', 'prévues',
  'suis', 'suit', 'fait', 'faits', 'faite', 'faites', 'défendu', 'défendue', 'soutenu', 'soutenue', 'reprise', 'reprises', 'repris',
  'menace', 'menaces', 'critique', 'critiques', 'demande', 'demandes', 'garantie', 'garanties', 'reproche', 'reproches', 'tonne', 'tonnes',
  'presse', 'presses', 'somme', 'sommes', 'analyse', 'analyses', 'formule', 'formules', 'nuance', 'nuances', 'illustre', 'illustres',
  'murmure', 'murmures', 'conseille', 'maintenant', 'soutenant', 'croyant', 'croyants', 'plaignant', 'plaignants', 'suppose', 'lire', 'lis', 'vante', 'loue', 'loué', 'louée', 'poursuite', 'continue', 'continues']);
// "dit" is kept as an explicit form below (it is by far the most frequent cue)
const FR_KEEP = { dire: ['dit'] };

const TENSES = { P: 'finite', I: 'finite', J: 'finite', F: 'finite', C: 'finite', S: 'finite', T: 'finite', G: 'participle', K: 'past', W: 'infinitive' };

function frenchVerbs(conj) {
  const out = [];
  const seen = new Set();
  const add = (lemma, weak) => {
    if (seen.has(lemma)) return;
    const c = conj[lemma];
    if (!c) { console.warn(`french-verbs-lefff has no '${lemma}'`); return; }
    seen.add(lemma);
    const forms = { finite: new Set(), participle: new Set(), past: new Set(), infinitive: new Set() };
    for (const [t, cls] of Object.entries(TENSES)) for (const f of c[t] ?? []) if (f && f !== 'NA') forms[cls].add(f);
    for (const cls of Object.keys(forms)) for (const f of [...forms[cls]]) if (FR_DROP_FORMS.has(f) && !(FR_KEEP[lemma] ?? []).includes(f)) forms[cls].delete(f);
    for (const f of FR_KEEP[lemma] ?? []) { forms.finite.add(f); forms.past.add(f); }
    out.push({ lemma, weak, forms: Object.fromEntries(Object.entries(forms).map(([k, v]) => [k, [...v].sort()])) });
  };
  for (const l of FR_STRONG.split(/\s+/).filter(Boolean)) if (l !== 'mettre') add(l, false);
  for (const l of FR_WEAK.split(/\s+/).filter(Boolean)) add(l, true);
  const multi = [];
  for (const [head, ...tail] of FR_MULTI) {
    const c = conj[head];
    const forms = { finite: new Set(), participle: new Set(), past: new Set(), infinitive: new Set() };
    for (const [t, cls] of Object.entries(TENSES)) for (const f of c[t] ?? []) if (f && f !== 'NA') forms[cls].add(`${f} ${tail.join(' ')}`);
    multi.push({ lemma: `${head} ${tail.join(' ')}`, weak: false, forms: Object.fromEntries(Object.entries(forms).map(([k, v]) => [k, [...v].sort()])) });
  }
  return { verbs: out, multi };
}

function frAuxiliaries(conj) {
  const forms = new Set();
  for (const v of ['avoir', 'être']) for (const t of ['P', 'I', 'J', 'F', 'C', 'S']) for (const f of conj[v][t]) if (f !== 'NA') forms.add(f);
  for (const t of ['P', 'I', 'F', 'C']) for (const f of conj.tenir[t]) forms.add(f); // « a tenu à souligner »
  return [...forms].sort();
}

// ---------- English ----------
const EN_STRONG = `say tell add note state declare announce explain argue claim insist maintain assert affirm acknowledge admit concede
confirm deny reject warn caution urge appeal demand ask question reply respond answer retort counter quip joke remark observe
comment mention stress emphasize emphasise underline underscore highlight reiterate repeat recall reaffirm suggest propose
recommend predict promise pledge vow swear threaten accuse allege criticize criticise condemn denounce blast slam praise hail
thank congratulate express voice describe report reveal disclose write tweet post testify contend reason conclude elaborate
clarify specify detail shout yell cry exclaim whisper murmur mutter sigh complain lament regret protest object plead beg
implore boast recount inform notify advise assure reassure believe think hope fear reckon estimate proclaim cite indicate
point declare decry dispute forecast guarantee mention speculate worry charge lash tout welcome quote`;
const EN_WEAK = 'continue begin conclude read go write';
// verbs that report a clause without "that" (Blinken said the talks…); the others need "that"
const EN_BARE = new Set(['say', 'add', 'note', 'claim', 'argue', 'insist', 'think', 'believe', 'maintain', 'contend', 'assert', 'reckon', 'hope', 'fear', 'concede']);
const IRREGULAR = {
  say: ['said', 'said'], tell: ['told', 'told'], write: ['wrote', 'written'], swear: ['swore', 'sworn'], think: ['thought', 'thought'],
  read: ['read', 'read'], forecast: ['forecast', 'forecast'], begin: ['began', 'begun'], go: ['went', 'gone'], speak: ['spoke', 'spoken'],
};
const DOUBLE = new Set(['admit', 'regret', 'quip', 'commit', 'refer', 'prefer', 'omit', 'sob', 'chat', 'stop', 'plan', 'slam', 'beg', 'rebut']);
// lemmas whose base and -s forms are mostly nouns in news text ("the state", "a report", "United States")
const EN_NOUNY = new Set(['state', 'post', 'report', 'question', 'answer', 'object', 'counter', 'charge', 'hope', 'fear', 'cry', 'note', 'voice',
  'detail', 'blast', 'joke', 'estimate', 'regret', 'protest', 'forecast', 'tweet', 'promise', 'pledge', 'vow', 'appeal', 'demand', 'thank', 'point',
  'remark', 'comment', 'quote', 'reason', 'welcome', 'worry', 'slam', 'hail', 'tout', 'praise', 'lament', 'reply', 'quip', 'cite', 'express', 'ask', 'go', 'read', 'begin', 'continue', 'conclude', 'respond', 'record', 'stress', 'highlight', 'shout', 'sigh', 'plead', 'beg', 'boast', 'recount', 'recall', 'counter', 'dispute', 'guarantee', 'mention', 'charge', 'lash', 'voice', 'hit', 'fire', 'shoot', 'call', 'spell', 'weigh']);
function enForms(v) {
  const cons = (c) => !/[aeiou]/.test(c);
  const s = /(s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /y$/.test(v) && cons(v.at(-2)) ? `${v.slice(0, -1)}ies` : `${v}s`;
  let past;
  if (/e$/.test(v)) past = `${v}d`;
  else if (/y$/.test(v) && cons(v.at(-2))) past = `${v.slice(0, -1)}ied`;
  else if (DOUBLE.has(v)) past = `${v}${v.at(-1)}ed`;
  else past = `${v}ed`;
  let ing;
  if (/ie$/.test(v)) ing = `${v.slice(0, -2)}ying`;
  else if (/[^eoy]e$/.test(v)) ing = `${v.slice(0, -1)}ing`;
  else if (DOUBLE.has(v)) ing = `${v}${v.at(-1)}ing`;
  else ing = `${v}ing`;
  const [pastT, pastP] = IRREGULAR[v] ?? [past, past];
  if (v === 'go') return { finite: ['go', 'goes', 'went'], participle: ['going'], past: ['gone'], infinitive: ['go'] };
  const finite = EN_NOUNY.has(v) ? [pastT] : [v, s, pastT];
  return { finite: [...new Set(finite)].sort(), participle: [ing], past: [...new Set([pastP])], infinitive: EN_NOUNY.has(v) ? [] : [v] };
}
const EN_MULTI = [['point', 'out'], ['shoot', 'back'], ['fire', 'back'], ['hit', 'back'], ['go', 'on'], ['call', 'on'], ['lash', 'out'], ['spell', 'out'], ['weigh', 'in']];
function englishVerbs() {
  const verbs = [];
  const seen = new Set();
  for (const [list, weak] of [[EN_STRONG, false], [EN_WEAK, true]]) for (const v of list.split(/\s+/).filter(Boolean)) {
    if (seen.has(v) || ['point', 'lash', 'go'].includes(v)) continue;
    seen.add(v);
    verbs.push({ lemma: v, weak, bare: EN_BARE.has(v), forms: enForms(v) });
  }
  const multi = EN_MULTI.map(([h, ...t]) => {
    const f = h === 'shoot' ? { finite: ['shoot', 'shoots', 'shot'], participle: ['shooting'], past: ['shot'], infinitive: ['shoot'] }
      : h === 'hit' ? { finite: ['hit', 'hits'], participle: ['hitting'], past: ['hit'], infinitive: ['hit'] }
        : enForms(h);
    const tail = t.join(' ');
    return { lemma: `${h} ${tail}`, weak: h === 'go', forms: Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.map((x) => `${x} ${tail}`)])) };
  });
  return { verbs, multi };
}

// ---------- assemble ----------
const conj = require('french-verbs-lefff/dist/conjugations.json');
const fr = frenchVerbs(conj);
const en = englishVerbs();

const FR = {
  language: 'fr',
  source: 'readout speech cues; verb forms generated by scripts/lang/build-speech-verbs.mjs from french-verbs-lefff (Lefff, LGPL-LR). Do not edit by hand: edit the script and run it.',
  verbs: fr.verbs,
  multi: fr.multi,
  bareClause: [],
  auxiliaries: frAuxiliaries(conj),
  invertedPronouns: { il: 'm', elle: 'f', ils: null, elles: null, on: null },
  complementizers: ["que", "qu'"],
  according: ['selon', "d'après", 'de source', 'aux dires de', 'au dire de', 'à en croire'],
  sameSource: ['la même source', 'même source', 'cette source', 'ces sources', 'les mêmes sources'],
  quotedAs: [],
  subjectPronouns: { il: 'm', elle: 'f' },
  // pronouns after 'selon' (selon lui, selon elle): the person they stand for is the source
  objectPronouns: { lui: 'm', elle: 'f' },
  // subjects that stand for the last person named (Ce dernier a salué…)
  latter: ['ce dernier', 'cette dernière', 'ce dernier-ci'],
  possessives: ['son', 'sa', 'ses'],
  relatives: ['qui'],
  nouns: [
    { words: 'communiqué', channel: 'statement' }, { words: 'déclaration', channel: 'statement' }, { words: 'déclarations', channel: 'statement' },
    { words: 'note verbale', channel: 'statement' }, { words: 'annonce', channel: 'statement' }, { words: 'message', channel: null },
    { words: 'tweet', channel: 'social' }, { words: 'post', channel: 'social' }, { words: 'publication', channel: 'social' }, { words: 'gazouillis', channel: 'social' },
    { words: 'entretien', channel: 'interview' }, { words: 'interview', channel: 'interview' }, { words: 'discours', channel: null },
    { words: 'allocution', channel: null }, { words: 'lettre', channel: 'statement' }, { words: 'propos', channel: null },
    { words: 'texte', channel: 'statement' }, { words: 'document', channel: 'statement' },
  ],
  // documents that speak for whoever issued them: « indique un communiqué du ministère » is the ministry's quote
  documents: ['communiqué', 'déclaration', 'note verbale', 'note', 'lettre', 'courrier', 'rapport', 'résolution', 'texte', 'document', 'décret', 'avis', 'message'],
  channels: [
    { words: 'point de presse', channel: 'press-briefing' }, { words: 'point presse', channel: 'press-briefing' },
    { words: 'conférence de presse', channel: 'press-briefing' }, { words: 'briefing', channel: 'press-briefing' },
    { words: 'à la presse', channel: 'press-briefing' }, { words: 'aux journalistes', channel: 'press-briefing' },
    { words: 'devant la presse', channel: 'press-briefing' }, { words: 'devant les journalistes', channel: 'press-briefing' },
    { words: 'interview', channel: 'interview' }, { words: 'entretien accordé', channel: 'interview' }, { words: 'dans un entretien', channel: 'interview' },
    { words: 'un entretien à', channel: 'interview' }, { words: 'un entretien au', channel: 'interview' }, { words: 'interrogé', channel: 'interview' },
    { words: 'interrogée', channel: 'interview' }, { words: 'au micro', channel: 'interview' }, { words: 'sur le plateau', channel: 'interview' },
    { words: 'communiqué', channel: 'statement' }, { words: 'déclaration écrite', channel: 'statement' },
    { words: 'tweet', channel: 'social' }, { words: 'tweeté', channel: 'social' }, { words: 'twitter', channel: 'social' }, { words: 'sur x', channel: 'social' },
    { words: 'facebook', channel: 'social' }, { words: 'instagram', channel: 'social' }, { words: 'telegram', channel: 'social' },
    { words: 'réseaux sociaux', channel: 'social' }, { words: 'un post', channel: 'social' }, { words: 'message posté', channel: 'social' },
  ],
  prepositions: ['à', 'au', 'aux', 'avec', 'de', 'du', 'des', "d'", 'par', 'pour', 'sur', 'dans', 'en', 'chez', 'vers', 'contre', 'entre', 'auprès',
    'sans', 'sous', 'après', 'avant', 'depuis', 'pendant', 'parmi', 'envers', 'face', 'lors', 'concernant', 'quant', 'malgré', 'outre'],
  determiners: ['le', 'la', 'les', "l'", 'un', 'une', 'ce', 'cet', 'cette', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'votre'],
  indefinites: ['un', 'une', 'des'],
  clauseCutters: ['mais', 'tandis', 'alors', 'bien', 'cependant', 'toutefois', 'selon'],
  coordinators: ['et', 'puis', 'tout'],
  notClauseStart: [],
};

const EN = {
  language: 'en',
  source: 'readout speech cues; English forms generated by scripts/lang/build-speech-verbs.mjs (regular morphology and an irregular-verb table). Do not edit by hand: edit the script and run it.',
  verbs: en.verbs,
  multi: en.multi,
  bareClause: [...EN_BARE].sort(),
  auxiliaries: ['has', 'have', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'is', 'was', 'were', 'are', 'be', 'been', 'did', 'does', 'do', 'also', 'once', 'again'],
  invertedPronouns: {},
  complementizers: ['that'],
  according: ['according to', 'as per', 'citing'],
  sameSource: ['the same source', 'the source', 'same source'],
  quotedAs: ['as saying', 'as telling', 'as writing'],
  subjectPronouns: { he: 'm', she: 'f' },
  objectPronouns: { him: 'm', her: 'f' },
  latter: ['the latter'],
  possessives: ['his', 'her'],
  relatives: ['who'],
  nouns: [
    { words: 'statement', channel: 'statement' }, { words: 'readout', channel: 'statement' }, { words: 'press release', channel: 'statement' },
    { words: 'communique', channel: 'statement' }, { words: 'communiqué', channel: 'statement' }, { words: 'tweet', channel: 'social' },
    { words: 'post', channel: 'social' }, { words: 'message', channel: null }, { words: 'interview', channel: 'interview' },
    { words: 'remarks', channel: null }, { words: 'speech', channel: null }, { words: 'letter', channel: 'statement' }, { words: 'briefing', channel: 'press-briefing' },
    { words: 'text', channel: 'statement' }, { words: 'document', channel: 'statement' },
  ],
  // documents that speak for whoever issued them: "a statement from the ministry said" is the ministry's quote
  documents: ['statement', 'press release', 'readout', 'communique', 'communiqué', 'report', 'letter', 'resolution', 'note', 'memo', 'text', 'document', 'decree', 'message'],
  channels: [
    { words: 'press briefing', channel: 'press-briefing' }, { words: 'press conference', channel: 'press-briefing' }, { words: 'news conference', channel: 'press-briefing' },
    { words: 'briefing', channel: 'press-briefing' }, { words: 'told reporters', channel: 'press-briefing' }, { words: 'told the press', channel: 'press-briefing' },
    { words: 'told journalists', channel: 'press-briefing' }, { words: 'told the media', channel: 'press-briefing' },
    { words: 'interview', channel: 'interview' }, { words: 'statement', channel: 'statement' }, { words: 'press release', channel: 'statement' }, { words: 'readout', channel: 'statement' },
    { words: 'tweet', channel: 'social' }, { words: 'tweeted', channel: 'social' }, { words: 'twitter', channel: 'social' }, { words: 'on x', channel: 'social' },
    { words: 'facebook', channel: 'social' }, { words: 'instagram', channel: 'social' }, { words: 'telegram', channel: 'social' }, { words: 'social media', channel: 'social' },
    { words: 'a post', channel: 'social' }, { words: 'his post', channel: 'social' }, { words: 'her post', channel: 'social' },
  ],
  prepositions: ['with', 'to', 'at', 'in', 'on', 'from', 'of', 'by', 'for', 'about', 'against', 'between', 'among', 'into', 'onto', 'over', 'under',
    'after', 'before', 'during', 'since', 'toward', 'towards', 'like', 'than', 'via', 'upon', 'next', 'despite', 'regarding', 'amid', 'ahead', 'behind'],
  determiners: ['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our'],
  indefinites: ['a', 'an'],
  clauseCutters: ['but', 'which', 'while', 'whereas', 'although', 'though', 'according'],
  coordinators: ['and', 'then'],
  notClauseStart: ['on', 'in', 'at', 'early', 'late', 'earlier', 'later', 'today', 'yesterday', 'tomorrow', 'last', 'this', 'during', 'after', 'before',
    'while', 'when', 'to', 'by', 'with', 'from', 'for', 'of', 'as', 'so', 'and', 'or', 'but', 'goodbye', 'hello', 'no', 'yes', 'sorry', 'thanks', 'thank', 'nothing', 'something', 'anything', 'more', 'little', 'much', 'how', 'what', 'why', 'where', 'who', 'whether', 'if', 'about', 'publicly', 'privately', 'recently', 'repeatedly', 'again', 'also', 'then', 'there', 'here', 'through', 'via', 'over', 'under', 'ago'],
};

for (const [code, data] of [['fr', FR], ['en', EN]]) {
  const path = `${ROOT}lang/${code}/speech.json`;
  writeFileSync(path, JSON.stringify(data, null, 1) + '\n');
  console.log(`${path}: ${data.verbs.length} verb lemmas, ${data.multi.length} multi-word cues, ${data.verbs.reduce((n, v) => n + Object.values(v.forms).flat().length, 0)} forms`);
}
