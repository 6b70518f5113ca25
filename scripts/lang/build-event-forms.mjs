#!/usr/bin/env node
// Generates the inflected forms of every verb pattern in lang/<code>/events.json and
// lang/<code>/event-patterns.json, in place.
// French forms come from the Lefff (french-verbs-lefff, a devDependency); English forms from
// regular rules plus a table of irregular verbs. The runtime only reads the generated "forms",
// so it never needs these packages. Run: node scripts/lang/build-event-forms.mjs
// Each verb pattern gets "forms": { "": [...], "planned": [...], "hypothetical": [...] } —
// French future forms mark a planned act, conditional forms a hypothetical one.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`´]/g, "'");

// ---- French -------------------------------------------------------------
let lefff = null;
function frenchForms(lemma) {
  lefff ??= require('french-verbs-lefff/dist/conjugations.json');
  const verb = lemma.replace(/^(?:se |s')(?:en )?/, '');
  const key = Object.keys(lefff).find((k) => fold(k) === fold(verb));
  const c = key ? lefff[key] : null;
  if (!c) throw new Error(`french-verbs-lefff has no verb '${verb}'`);
  const out = { '': new Set(), planned: new Set(), hypothetical: new Set() };
  for (const [tense, forms] of Object.entries(c)) {
    const bucket = tense === 'F' ? 'planned' : tense === 'C' ? 'hypothetical' : '';
    for (const f of forms) if (f && f !== 'NA') out[bucket].add(fold(f));
  }
  return out;
}

// ---- English ------------------------------------------------------------
// base: [past, past participle]
const IRREGULAR = {
  meet: ['met', 'met'], speak: ['spoke', 'spoken'], hold: ['held', 'held'], send: ['sent', 'sent'],
  fly: ['flew', 'flown'], lay: ['laid', 'laid'], pay: ['paid', 'paid'], shoot: ['shot', 'shot'],
  hit: ['hit', 'hit'], cut: ['cut', 'cut'], break: ['broke', 'broken'], strike: ['struck', 'struck'],
  fight: ['fought', 'fought'], take: ['took', 'taken'], forgive: ['forgave', 'forgiven'],
  withdraw: ['withdrew', 'withdrawn'], seek: ['sought', 'sought'], make: ['made', 'made'],
  give: ['gave', 'given'], go: ['went', 'gone'], come: ['came', 'come'], see: ['saw', 'seen'],
  tell: ['told', 'told'], say: ['said', 'said'], lead: ['led', 'led'], sell: ['sold', 'sold'],
  buy: ['bought', 'bought'], bring: ['brought', 'brought'], set: ['set', 'set'], put: ['put', 'put'],
  win: ['won', 'won'], lose: ['lost', 'lost'], mass: ['massed', 'massed'], shell: ['shelled', 'shelled'],
  offer: ['offered', 'offered'], open: ['opened', 'opened'], deliver: ['delivered', 'delivered'],
  visit: ['visited', 'visited'], travel: ['traveled', 'travelled'], cancel: ['canceled', 'cancelled'],
  quarrel: ['quarreled', 'quarrelled'], rally: ['rallied', 'rallied'], occupy: ['occupied', 'occupied'],
  deny: ['denied', 'denied'], kidnap: ['kidnapped', 'kidnapped'], worship: ['worshipped', 'worshipped'], supply: ['supplied', 'supplied'], weigh: ['weighed', 'weighed'],
  // verbs of the codebook-scale lexicon (event-patterns.json)
  beat: ['beat', 'beaten'], blow: ['blew', 'blown'], build: ['built', 'built'], cast: ['cast', 'cast'],
  drive: ['drove', 'driven'], find: ['found', 'found'], freeze: ['froze', 'frozen'], unfreeze: ['unfroze', 'unfrozen'],
  lend: ['lent', 'lent'], let: ['let', 'let'], overrun: ['overran', 'overrun'], quit: ['quit', 'quit'],
  retake: ['retook', 'retaken'], rise: ['rose', 'risen'], shut: ['shut', 'shut'], sit: ['sat', 'sat'], stand: ['stood', 'stood'],
  tear: ['tore', 'torn'], throw: ['threw', 'thrown'], withhold: ['withheld', 'withheld'],
  equip: ['equipped', 'equipped'], transfer: ['transferred', 'transferred'], concur: ['concurred', 'concurred'],
  airdrop: ['airdropped', 'airdropped'], unban: ['unbanned', 'unbanned'], extol: ['extolled', 'extolled'],
  label: ['labeled', 'labelled'], signal: ['signaled', 'signalled'], initial: ['initialed', 'initialled'], level: ['leveled', 'levelled'],
};
// verbs of more than one syllable stressed on the last, which double their consonant (equip → equipping)
const DOUBLED = new Set(['equip', 'transfer', 'concur', 'airdrop', 'unban', 'extol', 'quit', 'overrun']);
// British spellings beside the rules' forms
const EXTRA = {
  travel: ['travelling', 'travels'], cancel: ['cancelling'], label: ['labelling'], signal: ['signalling'],
  initial: ['initialling'], level: ['levelling'],
};
const VOWEL = /[aeiou]/;
function englishForms(lemma) {
  const v = lemma.toLowerCase();
  const [past, pp] = IRREGULAR[v] ?? [regularPast(v), regularPast(v)];
  const third = /(?:s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const ing = v.endsWith('ie') ? `${v.slice(0, -2)}ying` : /[^aeiou]e$/.test(v) && v !== 'be' ? `${v.slice(0, -1)}ing` : doubles(v) ? `${v}${v.at(-1)}ing` : `${v}ing`;
  const extra = EXTRA[v] ?? [];
  return { '': new Set([v, third, past, pp, ing, ...extra]), planned: new Set(), hypothetical: new Set() };
}
function regularPast(v) {
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  if (doubles(v)) return `${v}${v.at(-1)}ed`;
  return `${v}ed`;
}
// one-syllable consonant-vowel-consonant verbs double their last letter (ban → banned)
function doubles(v) {
  const syllables = v.match(/[aeiouy]+/g)?.length ?? 0;
  return DOUBLED.has(v) || (syllables === 1 && /[^aeiou][aeiou][bdgklmnprtv]$/.test(v)) || /(?:mit|pel)$/.test(v);
}

for (const [code, file] of ['fr', 'en'].flatMap((c) => [[c, 'events.json'], [c, 'event-patterns.json']])) {
  const path = join(ROOT, 'lang', code, file);
  if (!existsSync(path)) continue;
  const data = JSON.parse(readFileSync(path, 'utf8'));
  for (const p of data.patterns) {
    if (!p.verb) continue;
    const f = code === 'fr' ? frenchForms(p.verb) : englishForms(p.verb);
    p.forms = Object.fromEntries(Object.entries(f).filter(([, s]) => s.size).map(([k, s]) => [k, [...s].sort()]));
  }
  writeFileSync(path, serialise(data));
  console.log(`${path}: ${data.patterns.length} patterns`);
}

// one pattern per line, so that a diff shows which pattern changed
function serialise(data) {
  const lines = ['{'];
  const keys = Object.keys(data);
  keys.forEach((k, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(data[k]) && data[k].length && typeof data[k][0] === 'object') {
      lines.push(`  ${JSON.stringify(k)}: [`);
      data[k].forEach((p, j) => lines.push(`    ${JSON.stringify(p)}${j < data[k].length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(data[k])}${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
