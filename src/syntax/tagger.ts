// A greedy left-to-right averaged-perceptron UPOS tagger with a dictionary of unambiguous words.
import { mix, mix3 } from './hash.js';
import type { Lexical } from './lexical.js';
import type { SparseWeights } from './weights.js';

export const TAGGER_FEATURES = 24;
const START = 0x5354_4152;
const END = 0x454e_4421;

/**
 * The features of token i given the two tags before it (-1 = before the sentence): the word, its
 * affixes and shape, the previous tags, and the words and suffixes around it.
 */
export function taggerFeatures(lx: Lexical, i: number, p1: number, p2: number, out: Uint32Array): number {
  const n = lx.n;
  const w = lx.lower[i]!;
  const wm1 = i > 0 ? lx.lower[i - 1]! : START;
  const wm2 = i > 1 ? lx.lower[i - 2]! : START;
  const wp1 = i + 1 < n ? lx.lower[i + 1]! : END;
  const wp2 = i + 2 < n ? lx.lower[i + 2]! : END;
  const t1 = p1 + 2;
  const t2 = p2 + 2;
  let k = 0;
  out[k++] = mix(1, 1);
  out[k++] = mix(2, w);
  out[k++] = mix(3, lx.suf1[i]!);
  out[k++] = mix(4, lx.suf2[i]!);
  out[k++] = mix(5, lx.suf3[i]!);
  out[k++] = mix(6, lx.suf4[i]!);
  out[k++] = mix(7, lx.pre1[i]!);
  out[k++] = mix(8, lx.pre3[i]!);
  out[k++] = mix(9, lx.shape[i]!);
  out[k++] = mix3(10, lx.shape[i]!, i === 0 ? 1 : 2);
  out[k++] = mix(11, t1);
  out[k++] = mix(12, t2);
  out[k++] = mix3(13, t1, t2);
  out[k++] = mix3(14, t1, w);
  out[k++] = mix(15, wm1);
  out[k++] = mix(16, i > 0 ? lx.suf3[i - 1]! : START);
  out[k++] = mix(17, wm2);
  out[k++] = mix(18, wp1);
  out[k++] = mix(19, i + 1 < n ? lx.suf3[i + 1]! : END);
  out[k++] = mix(20, wp2);
  out[k++] = mix3(21, w, wp1);
  out[k++] = mix3(22, wm1, w);
  out[k++] = mix3(23, t1, wp1);
  out[k++] = mix3(24, i + 1 < n ? lx.shape[i + 1]! : END, lx.shape[i]!);
  return k;
}

export interface TaggerModel {
  weights: SparseWeights;
  /** normalised word → tag, for frequent words that (almost) always take one tag */
  dictionary: Map<string, number>;
}

/** tags every token of the sentence into out (indices into UPOS) */
export function tagTokens(model: TaggerModel, lx: Lexical, out: Uint8Array): void {
  const feats = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float32Array(model.weights.nClasses);
  let p1 = -1;
  let p2 = -1;
  for (let i = 0; i < lx.n; i++) {
    let tag = model.dictionary.get(lx.norm[i]!);
    if (tag === undefined) {
      const k = taggerFeatures(lx, i, p1, p2, feats);
      scores.fill(0);
      model.weights.score(feats, k, scores);
      tag = argmax(scores);
    }
    out[i] = tag;
    p2 = p1;
    p1 = tag;
  }
}

export function argmax(scores: Float32Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}
