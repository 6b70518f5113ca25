// Training the tagger and the parser on aligned treebank sentences; deterministic for a given seed.
import type { GoldSentence } from './align.js';
import { lexicalFeatures, type Lexical } from './lexical.js';
import type { SyntaxModel } from './model.js';
import { LABELS, oracle, PARSER_FEATURES, parserFeatures, ParserState, TRANSITIONS, bestValid } from './parser.js';
import { AveragedPerceptron, FeatureCounter } from './perceptron.js';
import { argmax, tagTokens, TAGGER_FEATURES, taggerFeatures, type TaggerModel } from './tagger.js';
import { UPOS } from './tagset.js';
import type { SparseWeights } from './weights.js';
import { seededRandom } from '../util/random.js';

export interface TrainOptions {
  seed: number;
  taggerEpochs: number;
  parserEpochs: number;
  /** features seen fewer times than this in the training data are not learned */
  minCount: number;
  /** averaged weights smaller than this are dropped from the shipped model */
  minWeight: number;
  /** the tag dictionary: words seen at least this often with one tag at least this share of the time */
  dictMinCount: number;
  dictMinShare: number;
  /** folds for jackknifed training tags of the parser; 0 trains the parser on gold tags */
  jackknife: number;
}

export const DEFAULT_TRAIN: TrainOptions = {
  seed: 11,
  taggerEpochs: 10,
  parserEpochs: 15,
  minCount: 2,
  minWeight: 0.05,
  dictMinCount: 20,
  dictMinShare: 0.995,
  jackknife: 4,
};

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** normalised words that are frequent and (almost) always take one tag */
function buildDictionary(sents: readonly GoldSentence[], lexes: readonly Lexical[], opts: TrainOptions): Map<string, number> {
  const counts = new Map<string, Uint32Array>();
  sents.forEach((s, si) => {
    lexes[si]!.norm.forEach((w, i) => {
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Uint32Array(UPOS.length)));
      c[s.upos[i]!]!++;
    });
  });
  const dict = new Map<string, number>();
  for (const [w, c] of counts) {
    let total = 0;
    for (const x of c) total += x;
    const best = argmax(new Float32Array(c));
    if (total >= opts.dictMinCount && c[best]! / total >= opts.dictMinShare) dict.set(w, best);
  }
  return dict;
}

/** the greedy tagger, trained on its own predicted previous tags */
export function trainTagger(sents: readonly GoldSentence[], opts: TrainOptions, lexes = sents.map((s) => lexicalFeatures(s.words))): TaggerModel {
  const dictionary = buildDictionary(sents, lexes, opts);
  const feats = new Uint32Array(TAGGER_FEATURES);
  const counter = new FeatureCounter();
  sents.forEach((s, si) => {
    for (let i = 0; i < s.words.length; i++) {
      if (dictionary.has(lexes[si]!.norm[i]!)) continue;
      counter.add(feats, taggerFeatures(lexes[si]!, i, i > 0 ? s.upos[i - 1]! : -1, i > 1 ? s.upos[i - 2]! : -1, feats));
    }
  });
  const model = new AveragedPerceptron(UPOS.length, counter.kept(opts.minCount));
  const scores = new Float32Array(UPOS.length);
  const rand = seededRandom(opts.seed);
  for (let epoch = 0; epoch < opts.taggerEpochs; epoch++) {
    for (const si of shuffled(sents.length, rand)) {
      const s = sents[si]!;
      const lx = lexes[si]!;
      let p1 = -1;
      let p2 = -1;
      for (let i = 0; i < s.words.length; i++) {
        let tag = dictionary.get(lx.norm[i]!);
        if (tag === undefined) {
          model.prepare(feats, taggerFeatures(lx, i, p1, p2, feats));
          model.score(scores);
          tag = argmax(scores);
          model.update(s.upos[i]!, tag);
          model.tick();
        }
        p2 = p1;
        p1 = tag;
      }
    }
  }
  return { weights: model.finish(opts.minWeight), dictionary };
}

/** the parser on projective trees, following the static oracle, with the given training tags */
export function trainParser(
  sents: readonly GoldSentence[],
  tags: readonly Uint8Array[],
  opts: TrainOptions,
  lexes = sents.map((s) => lexicalFeatures(s.words)),
): SparseWeights {
  const usable = sents.map((_, i) => i).filter((i) => sents[i]!.projective);
  const feats = new Uint32Array(PARSER_FEATURES);
  const counter = new FeatureCounter();
  const walk = (si: number, step: (st: ParserState, gold: number) => void) => {
    const s = sents[si]!;
    const n = s.words.length;
    const children = new Int32Array(n);
    for (let i = 0; i < n; i++) if (s.head[i]! >= 0) children[s.head[i]!]!++;
    const attached = new Int32Array(n);
    const st = new ParserState(n);
    while (!st.done) {
      const gold = oracle(st, s.head, s.rel, children, attached);
      if (!st.valid(gold)) throw new Error('the oracle is stuck: a non-projective tree got through');
      step(st, gold);
      if (gold !== 0) attached[gold <= LABELS ? st.stack[st.sp - 1]! : st.stack[st.sp - 2]!]!++;
      st.apply(gold);
    }
  };
  for (const si of usable) walk(si, (st) => counter.add(feats, parserFeatures(st, lexes[si]!, tags[si]!, feats)));
  const model = new AveragedPerceptron(TRANSITIONS, counter.kept(opts.minCount));
  const scores = new Float32Array(TRANSITIONS);
  const rand = seededRandom(opts.seed + 1);
  for (let epoch = 0; epoch < opts.parserEpochs; epoch++) {
    for (const k of shuffled(usable.length, rand)) {
      const si = usable[k]!;
      walk(si, (st, gold) => {
        model.prepare(feats, parserFeatures(st, lexes[si]!, tags[si]!, feats));
        model.score(scores);
        model.update(gold, bestValid(st, scores));
        model.tick();
      });
    }
  }
  return model.finish(opts.minWeight);
}

/**
 * Tags for training the parser as the tagger will give them at run time: each of k folds tagged by
 * a tagger trained on the other folds (jackknifing); gold tags when k is 0.
 */
export function jackknifeTags(
  sents: readonly GoldSentence[],
  opts: TrainOptions,
  lexes: readonly Lexical[],
  log: (s: string) => void = () => {},
): Uint8Array[] {
  if (opts.jackknife < 2) return sents.map((s) => s.upos);
  const tags: Uint8Array[] = new Array(sents.length);
  for (let f = 0; f < opts.jackknife; f++) {
    const inFold = (i: number) => i % opts.jackknife === f;
    const trainIdx = sents.map((_, i) => i).filter((i) => !inFold(i));
    const tagger = trainTagger(
      trainIdx.map((i) => sents[i]!),
      opts,
      trainIdx.map((i) => lexes[i]!),
    );
    sents.forEach((s, i) => {
      if (!inFold(i)) return;
      tags[i] = new Uint8Array(s.words.length);
      tagTokens(tagger, lexes[i]!, tags[i]!);
    });
    log(`  jackknife fold ${f + 1}/${opts.jackknife}`);
  }
  return tags;
}

/** the whole model of one language */
export function trainModel(
  language: string,
  sents: readonly GoldSentence[],
  opts: TrainOptions,
  info: Record<string, unknown>,
  log: (s: string) => void = () => {},
): SyntaxModel {
  const lexes = sents.map((s) => lexicalFeatures(s.words));
  const tagger = trainTagger(sents, opts, lexes);
  log(`  tagger: ${tagger.weights.rows} features, ${tagger.weights.cls.length} weights, ${tagger.dictionary.size} dictionary words`);
  const tags = jackknifeTags(sents, opts, lexes, log);
  const parser = trainParser(sents, tags, opts, lexes);
  log(`  parser: ${parser.rows} features, ${parser.cls.length} weights`);
  return { language, tagger, parser, info: { ...info, options: opts } };
}
