// Per-token string hashes, computed once per sentence and shared by the tagger and the parser.
import { hashString } from './hash.js';

export interface Lexical {
  n: number;
  /** lower case, ’ → ', digits → 0 */
  norm: string[];
  lower: Uint32Array;
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  pre1: Uint32Array;
  pre3: Uint32Array;
  shape: Uint32Array;
}

/** the form that word features and the tag dictionary use */
export function normalizeWord(w: string): string {
  let s = w.toLowerCase();
  if (s.includes('’') || s.includes('‘')) s = s.replace(/[’‘]/g, "'");
  if (/\d/.test(s)) s = s.replace(/\d/g, '0');
  return s;
}

/** Xxxx → Xxxx with runs cut at 3: "Blinken" → "Xxxx", "2023" → "dddd" → "ddd", "U.S." → "X.X." */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = ch >= '0' && ch <= '9' ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 3) out += c;
  }
  return out;
}

export function lexicalFeatures(words: readonly string[]): Lexical {
  const n = words.length;
  const lx: Lexical = {
    n,
    norm: new Array<string>(n),
    lower: new Uint32Array(n),
    suf1: new Uint32Array(n),
    suf2: new Uint32Array(n),
    suf3: new Uint32Array(n),
    suf4: new Uint32Array(n),
    pre1: new Uint32Array(n),
    pre3: new Uint32Array(n),
    shape: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const s = normalizeWord(w);
    const len = s.length;
    lx.norm[i] = s;
    lx.lower[i] = hashString(s);
    lx.suf1[i] = hashString(s.slice(len - 1));
    lx.suf2[i] = len > 1 ? hashString(s.slice(len - 2)) : 1;
    lx.suf3[i] = len > 2 ? hashString(s.slice(len - 3)) : 1;
    lx.suf4[i] = len > 3 ? hashString(s.slice(len - 4)) : 1;
    lx.pre1[i] = hashString(w.slice(0, 1));
    lx.pre3[i] = len > 3 ? hashString(s.slice(0, 3)) : 1;
    lx.shape[i] = hashString(wordShape(w));
  }
  return lx;
}
