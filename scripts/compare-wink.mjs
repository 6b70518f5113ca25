// `node scripts/compare-wink.mjs`: English UPOS of readout's tagger against wink-nlp with
// wink-eng-lite-web-model (devDependencies, for this comparison only) on the EWT test sentences,
// scored on readout's tokens, and the speed of each over the same sentence texts on one thread.
// Writes bench/syntax-wink.json. Needs ../shared/treebanks (or --treebanks DIR).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { SPLITS, loadTreebank } from '../dist/src/syntax/treebanks.js';
import { parseSentence, tagSentence, syntaxModel, UPOS } from '../dist/src/syntax/index.js';
import { tokenize } from '../dist/src/text/tokens.js';
import { tokenizeOptionsFor } from '../dist/src/entities/stage.js';
import { loadPacks } from '../dist/src/lang/pack.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { treebanks: { type: 'string', default: join(ROOT, '..', 'shared', 'treebanks') } } });
const test = loadTreebank(values.treebanks, SPLITS.en.test);
const nlp = winkNLP(winkModel);
const its = nlp.its;
const model = syntaxModel('en');

/** wink's tokens with their offsets in text (wink gives values and preceding spaces) */
function winkTokens(text) {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(its.pos);
  const out = [];
  let at = 0;
  values.forEach((v, i) => {
    const p = text.indexOf(v, at);
    if (p < 0) return;
    out.push({ start: p, end: p + v.length, tag: tags[i] });
    at = p + v.length;
  });
  return out;
}

let tokens = 0,
  ours = 0,
  wink = 0,
  unaligned = 0;
const confusion = {};
for (const s of test) {
  const tags = parseSentence(s.words, 'en', model).upos;
  const wt = winkTokens(s.text);
  let j = 0;
  for (let i = 0; i < s.words.length; i++) {
    tokens++;
    if (tags[i] === s.upos[i]) ours++;
    const start = s.start[i];
    while (j < wt.length && wt[j].end <= start) j++;
    const w = wt[j] && wt[j].start <= start ? wt[j].tag : null;
    if (w === null) unaligned++;
    if (w === UPOS[s.upos[i]]) wink++;
    else {
      const k = `${UPOS[s.upos[i]]}→${w}`;
      confusion[k] = (confusion[k] ?? 0) + 1;
    }
  }
}

// speed over the same sentence texts, best of 3 warm runs each
const texts = test.map((s) => s.text);
const tok = tokenizeOptionsFor(loadPacks());
const bench = (fn) => {
  let best = Infinity;
  for (let r = 0; r < 4; r++) {
    const t = performance.now();
    for (const x of texts) fn(x);
    if (r) best = Math.min(best, performance.now() - t);
  }
  return Math.round(tokens / (best / 1000));
};
const speed = {
  winkReadDocPos: bench((x) => nlp.readDoc(x).tokens().out(its.pos)),
  readoutTokenizeTag: bench((x) =>
    tagSentence(
      tokenize(x, tok).map((t) => t.text),
      'en',
      model,
    ),
  ),
  readoutTokenizeTagParse: bench((x) =>
    parseSentence(
      tokenize(x, tok).map((t) => t.text),
      'en',
      model,
    ),
  ),
};
const top = Object.entries(confusion)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 12);
const results = {
  date: new Date().toISOString(),
  testFiles: SPLITS.en.test,
  sentences: test.length,
  tokens,
  readoutUpos: ours / tokens,
  winkUpos: wink / tokens,
  winkUnalignedTokens: unaligned,
  winkTopErrors: Object.fromEntries(top),
  tokensPerSecond: speed,
};
writeFileSync(join(ROOT, 'bench', 'syntax-wink.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
