// Scoring a model on aligned treebank sentences: UPOS accuracy, UAS and LAS over readout tokens.
import type { GoldSentence } from './align.js';
import { parseSentence } from './index.js';
import type { SyntaxModel } from './model.js';
import { UPOS } from './tagset.js';

export interface SyntaxScores {
  sentences: number;
  tokens: number;
  upos: number;
  uas: number;
  las: number;
  /** UAS and LAS leaving out punctuation tokens (gold PUNCT) */
  uasNoPunct: number;
  lasNoPunct: number;
}

const PUNCT = UPOS.indexOf('PUNCT');

export function evaluate(model: SyntaxModel, sents: readonly GoldSentence[]): SyntaxScores {
  let tokens = 0,
    tagOk = 0,
    headOk = 0,
    labOk = 0,
    words = 0,
    headOkW = 0,
    labOkW = 0;
  for (const s of sents) {
    const p = parseSentence(s.words, model.language as 'fr', model);
    for (let i = 0; i < s.words.length; i++) {
      tokens++;
      if (p.upos[i] === s.upos[i]) tagOk++;
      const h = p.head[i] === s.head[i];
      const l = h && p.rel[i] === s.rel[i];
      if (h) headOk++;
      if (l) labOk++;
      if (s.upos[i] !== PUNCT) {
        words++;
        if (h) headOkW++;
        if (l) labOkW++;
      }
    }
  }
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    sentences: sents.length,
    tokens,
    upos: r(tagOk, tokens),
    uas: r(headOk, tokens),
    las: r(labOk, tokens),
    uasNoPunct: r(headOkW, words),
    lasNoPunct: r(labOkW, words),
  };
}
