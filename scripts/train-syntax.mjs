// `npm run train`: trains the French and English tagger and parser on the UD treebanks in
// ../shared/treebanks (or --treebanks DIR), writes data/syntax/{fr,en}.bin and the NOTICE, and
// measures each model on its held-out test files (data/syntax/scores.json). Seeded: the same
// treebanks and options give byte-identical files.
import { writeFileSync, mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPLITS, loadTreebank } from '../dist/src/syntax/treebanks.js';
import { trainModel, DEFAULT_TRAIN } from '../dist/src/syntax/train.js';
import { encodeModel, modelPath, SYNTAX_DIR, readModel } from '../dist/src/syntax/model.js';
import { evaluate } from '../dist/src/syntax/evaluate.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    treebanks: { type: 'string', default: join(ROOT, '..', 'shared', 'treebanks') },
    lang: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'tagger-epochs': { type: 'string' },
    'parser-epochs': { type: 'string' },
    'min-weight': { type: 'string' },
    out: { type: 'string', default: SYNTAX_DIR },
  },
});
const opts = { ...DEFAULT_TRAIN };
if (values.seed) opts.seed = Number(values.seed);
if (values['tagger-epochs']) opts.taggerEpochs = Number(values['tagger-epochs']);
if (values['parser-epochs']) opts.parserEpochs = Number(values['parser-epochs']);
if (values['min-weight']) opts.minWeight = Number(values['min-weight']);
const log = (s) => process.stderr.write(s + '\n');
mkdirSync(values.out, { recursive: true });
const scores = {};
for (const lang of values.lang ?? ['fr', 'en']) {
  const split = SPLITS[lang];
  if (!split) throw new Error(`no treebank split for language '${lang}'`);
  let t = performance.now();
  const train = loadTreebank(values.treebanks, split.train);
  const test = loadTreebank(values.treebanks, split.test);
  const tokens = train.reduce((s, x) => s + x.words.length, 0);
  log(
    `${lang}: ${train.length} training sentences (${tokens} tokens, ${train.filter((s) => !s.projective).length} non-projective or not a tree, left out of parser training), ${test.length} test sentences`,
  );
  const model = trainModel(lang, train, opts, { train: split.train, test: split.test, trainSentences: train.length, trainTokens: tokens }, log);
  const path = modelPath(lang, values.out);
  writeFileSync(path, encodeModel(model));
  log(`  trained in ${((performance.now() - t) / 1000).toFixed(1)} s → ${path} (${(statSync(path).size / 1e6).toFixed(2)} MB)`);
  const s = evaluate(readModel(path), test);
  scores[lang] = { ...s, testFiles: split.test, modelBytes: statSync(path).size };
  log(
    `  test: UPOS ${s.upos.toFixed(4)}  UAS ${s.uas.toFixed(4)}  LAS ${s.las.toFixed(4)}  (no punct: UAS ${s.uasNoPunct.toFixed(4)}  LAS ${s.lasNoPunct.toFixed(4)})  on ${s.tokens} tokens`,
  );
}
if (!values.lang) writeFileSync(join(values.out, 'scores.json'), JSON.stringify(scores, null, 2) + '\n');
