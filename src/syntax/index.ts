// The syntax layer's entry point: UPOS tags and a labelled dependency tree for one tokenised sentence.
import { existsSync } from 'node:fs';
import { lexicalFeatures } from './lexical.js';
import { modelPath, readModel, type SyntaxLanguage, type SyntaxModel } from './model.js';
import { parseTokens } from './parser.js';
import { tagTokens } from './tagger.js';

export { UPOS, RELATIONS } from './tagset.js';
export type { Upos, Relation } from './tagset.js';
export type { SyntaxLanguage } from './model.js';

export interface SentenceParse {
  /** index into UPOS per token */
  upos: Uint8Array;
  /** index of the head token, -1 for the root */
  head: Int32Array;
  /** index into RELATIONS per token (0 = root) */
  rel: Uint8Array;
}

const models = new Map<string, SyntaxModel>();

/** whether a model file is shipped for the language */
export function hasSyntaxModel(lang: string): boolean {
  return models.has(lang) || ((lang === 'fr' || lang === 'en') && existsSync(modelPath(lang)));
}

/** the model of a language, read from data/syntax once per process */
export function syntaxModel(lang: SyntaxLanguage): SyntaxModel {
  let m = models.get(lang);
  if (!m) {
    if (lang !== 'fr' && lang !== 'en') throw new Error(`no syntax model for language '${lang}'`);
    m = readModel(modelPath(lang));
    models.set(lang, m);
  }
  return m;
}

/** tags and parses one sentence given as readout tokens (Token.text, in order) */
export function parseSentence(words: readonly string[], lang: SyntaxLanguage, model: SyntaxModel = syntaxModel(lang)): SentenceParse {
  const n = words.length;
  const out: SentenceParse = { upos: new Uint8Array(n), head: new Int32Array(n), rel: new Uint8Array(n) };
  if (n === 0) return out;
  const lx = lexicalFeatures(words);
  tagTokens(model.tagger, lx, out.upos);
  parseTokens(model.parser, lx, out.upos, out.head, out.rel);
  return out;
}

/** UPOS tags only (indices into UPOS) */
export function tagSentence(words: readonly string[], lang: SyntaxLanguage, model: SyntaxModel = syntaxModel(lang)): Uint8Array {
  const tags = new Uint8Array(words.length);
  if (words.length) tagTokens(model.tagger, lexicalFeatures(words), tags);
  return tags;
}
