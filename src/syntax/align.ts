// Treebank sentences re-tokenised the way readout tokenises text, with tags and arcs carried over.
import { tokenize, type TokenizeOptions } from '../text/tokens.js';
import type { UdSentence } from './conllu.js';
import { GOESWITH_REL, PUNCT_REL, relationIndex, uposIndex, UPOS } from './tagset.js';

/** one sentence in readout's tokens with gold UPOS, heads (-1 = root) and relations */
export interface GoldSentence {
  /** the sentence's text and where each token starts in it */
  text: string;
  start: Int32Array;
  words: string[];
  upos: Uint8Array;
  head: Int32Array;
  rel: Uint8Array;
  /** one root and no cycle */
  tree: boolean;
  projective: boolean;
}

const PUNCT_TAG = UPOS.indexOf('PUNCT');

/**
 * Re-tokenises a treebank sentence with readout's tokenizer and moves the annotation onto those
 * tokens. Several treebank words in one readout token (`du` = de + le, `a-t-il`, `don't`) become
 * one token that takes the tag, head and relation of its first word whose head lies outside the
 * token (de → ADP case; a → AUX aux; do → AUX aux). One treebank word cut into several readout
 * tokens (`e.g.`, URLs) keeps its annotation on the first piece; the others attach to it as
 * `punct` (punctuation pieces) or `goeswith`.
 */
export function alignSentence(s: UdSentence, opts: TokenizeOptions): GoldSentence {
  const tokens = tokenize(s.text, opts);
  const n = tokens.length;
  const tokAt = new Int32Array(s.text.length).fill(-1);
  tokens.forEach((t, i) => tokAt.fill(i, t.start, t.end));
  const tokOf = s.words.map((w) => tokAt[s.unitStart[w.unit]!]!);
  if (tokOf.some((t) => t < 0)) throw new Error(`${s.id}: a word is not covered by any token`);
  const byToken: number[][] = Array.from({ length: n }, () => []);
  s.words.forEach((_, w) => byToken[tokOf[w]!]!.push(w));
  const upos = new Uint8Array(n);
  const head = new Int32Array(n);
  const rel = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const ws = byToken[t]!;
    if (ws.length === 0) {
      // a later piece of a word readout cut in two: find the word whose unit covers it
      const owner = s.words.findIndex((w) => s.unitStart[w.unit]! <= tokens[t]!.start && tokens[t]!.start < s.unitEnd[w.unit]!);
      const w = s.words[owner]!;
      const punct = tokens[t]!.kind === 'punct';
      upos[t] = punct ? PUNCT_TAG : uposIndex(w.upos);
      head[t] = tokOf[owner]!;
      rel[t] = punct ? PUNCT_REL : GOESWITH_REL;
      continue;
    }
    const rep = ws.find((w) => s.words[w]!.head < 0 || tokOf[s.words[w]!.head] !== t) ?? ws[0]!;
    const w = s.words[rep]!;
    upos[t] = uposIndex(w.upos);
    head[t] = w.head < 0 ? -1 : tokOf[w.head]!;
    rel[t] = relationIndex(w.deprel, w.upos, w.head < 0 ? undefined : s.words[w.head]!.upos);
    if (w.head < 0) rel[t] = 0;
  }
  const tree = isTree(head);
  return {
    text: s.text,
    start: Int32Array.from(tokens, (t) => t.start),
    words: tokens.map((t) => t.text),
    upos,
    head,
    rel,
    tree,
    projective: tree && isProjective(head),
  };
}

/** exactly one root, no token its own head, no cycle */
export function isTree(head: ArrayLike<number>): boolean {
  const n = head.length;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === -1) roots++;
    else if (head[i]! < 0 || head[i]! >= n || head[i] === i) return false;
  }
  if (roots !== 1) return false;
  for (let i = 0; i < n; i++) {
    let x = i;
    for (let steps = 0; x !== -1; steps++) {
      if (steps > n) return false;
      x = head[x]!;
    }
  }
  return true;
}

/** no arc crosses another (every token between a head and its dependent descends from the head) */
export function isProjective(head: ArrayLike<number>): boolean {
  const n = head.length;
  for (let d = 0; d < n; d++) {
    const h = head[d]!;
    if (h < 0) continue;
    const [a, b] = h < d ? [h, d] : [d, h];
    for (let k = a + 1; k < b; k++) {
      let x = k;
      while (x !== -1 && x !== h) x = head[x]!;
      if (x !== h) return false;
    }
  }
  return true;
}
