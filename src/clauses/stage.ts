// The clause stage: between entities and quotes/events, it parses each sentence (a trained tagger
// and dependency parser, src/syntax) and adds the clause layer to the Doc — every predicate with
// its arguments (frames.ts), each argument pointing to the entity mentions it holds — and one
// index of mentions per token that later stages share.
import type { Doc } from '../doc.js';
import type { Stage, StageResources } from '../stage.js';
import { packFor } from '../doc.js';
import { grammarOf } from '../lang/grammar.js';
import { languageAtFast as languageAt } from '../text/intervals.js';
import { clauseFrames } from './frames.js';
import { datelineEnd } from '../text/dateline.js';
import { tokenAt } from '../text/tokens.js';
import { parseSentence, hasSyntaxModel, UPOS, RELATIONS } from '../syntax/index.js';
import type { Arg, Clause, ClauseLayer, Tree } from './types.js';

export type { ClauseLayer } from './types.js';

/** Tags and parses one sentence's words; null when there is no model for the language. */
export type SentenceParser = (words: readonly string[], lang: string) => Tree | null;

export function createClauseStage(_res: StageResources, parse: SentenceParser): Stage {
  return {
    name: 'clauses',
    run: (doc) => {
      doc.clauses = buildClauseLayer(doc, parse);
    },
  };
}

/** Per token, the outermost (then longest) mention that covers it. */
export function mentionIndex(doc: Doc): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  const span = new Int32Array(doc.tokens.length);
  const toks = doc.tokens;
  doc.mentions.forEach((m, mi) => {
    const len = m.end - m.start;
    for (let t = tokenAt(toks, m.start); t < toks.length && toks[t]!.start < m.end; t++) {
      if (at[t] === -1 || len > span[t]!) {
        at[t] = mi;
        span[t] = len;
      }
    }
  });
  return at;
}

/** Parses every sentence and places its frames at document token indices. */
export function buildClauseLayer(doc: Doc, parse: SentenceParser): ClauseLayer {
  const n = doc.tokens.length;
  const layer: ClauseLayer = {
    trees: [],
    treeStart: new Int32Array(doc.sentences.length),
    clauses: [],
    firstClause: new Int32Array(doc.sentences.length + 1),
    predicateAt: new Int32Array(n).fill(-1),
    mentionAt: mentionIndex(doc),
  };
  doc.sentences.forEach((s, si) => {
    layer.firstClause[si] = layer.clauses.length;
    // a dateline ("KINSHASA —") is no part of the sentence's clauses
    const a = datelineEnd(doc.tokens, s.tokenStart, s.tokenEnd),
      b = s.tokenEnd;
    layer.treeStart[si] = a;
    const lang = languageAt(doc, s.start);
    const words: string[] = [];
    const folded: string[] = [];
    for (let t = a; t < b; t++) {
      words.push(doc.tokens[t]!.text);
      folded.push(doc.tokens[t]!.norm);
    }
    const tree = b > a ? parse(words, lang) : null;
    layer.trees.push(tree);
    if (!tree) return;
    const base = layer.clauses.length;
    for (const c of clauseFrames({ words: folded, tree }, grammarOf(packFor(doc, lang)))) {
      c.sentence = si;
      c.head += a;
      c.group = c.group.map((t) => t + a);
      if (c.governor != null) c.governor += base;
      for (const arg of c.args) placeArg(arg, a, base, layer.mentionAt);
      layer.predicateAt[c.head] = layer.clauses.length;
      layer.clauses.push(c);
    }
  });
  layer.firstClause[doc.sentences.length] = layer.clauses.length;
  return layer;
}

/** Moves an argument to document indices and lists its mentions: the head's, an apposition's, the rest. */
function placeArg(arg: Arg, offset: number, base: number, mentionAt: Int32Array): void {
  arg.head += offset;
  arg.start += offset;
  arg.end += offset;
  arg.appos = arg.appos.map(([s, e]) => [s + offset, e + offset] as [number, number]);
  if (arg.clause != null) arg.clause += base;
  const seen = new Set<number>();
  const add = (m: number) => {
    if (m >= 0 && !seen.has(m)) {
      seen.add(m);
      arg.mentions.push(m);
    }
  };
  // the head's own mention, then an apposition's (le porte-parole, Esmaïl Baghaï), then the rest
  add(mentionAt[arg.head]!);
  for (const [s, e] of arg.appos) for (let t = s; t < e; t++) add(mentionAt[t]!);
  for (let t = arg.start; t < arg.end; t++) add(mentionAt[t]!);
}

/** The clauses of sentence `si`. */
export function clausesOf(layer: ClauseLayer, si: number): Clause[] {
  return layer.clauses.slice(layer.firstClause[si], layer.firstClause[si + 1]);
}

/**
 * The parser of the shipped syntax models (src/syntax), as the clause stage wants it: a tree of
 * UPOS and relation names, or null for a language without a model.
 */
export function syntaxParser(available: (lang: string) => boolean = hasSyntaxModel): SentenceParser {
  return (words, lang) => {
    if (lang !== 'fr' && lang !== 'en') return null;
    if (!available(lang)) return null;
    const p = parseSentence(words, lang);
    const upos: string[] = new Array(words.length);
    const rel: string[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      upos[i] = UPOS[p.upos[i]!]!;
      rel[i] = RELATIONS[p.rel[i]!]!;
    }
    return { upos, head: p.head, rel };
  };
}
