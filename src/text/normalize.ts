// Normalisation for matching only: offsets always point into the original text.

const APOSTROPHES = /[’‘`´ʼ′]/g;
const DOUBLE_QUOTES = /[«»“”„‟"]/g;
const COMBINING = /\p{M}/gu;

const ASCII = /^[\x20-\x7e]*$/;
const cache = new Map<string, string>();

/** Lower case, no diacritics, one apostrophe (') — the key used by every look-up. */
export function fold(s: string): string {
  // most words are plain lower-case ASCII already: one pass over the characters settles them
  // without hashing the string for the memo
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c === 0x60 || (c >= 0x41 && c <= 0x5a)) break;
  }
  if (i === n) return s;
  // capitalised ASCII words (no backtick): lower-casing them costs less than the memo's look-up
  let upper = i;
  for (; upper < n; upper++) {
    const c = s.charCodeAt(upper);
    if (c > 0x7e || c === 0x60) break;
  }
  if (upper === n) return s.toLowerCase();
  let out = cache.get(s);
  if (out === undefined) {
    out = ASCII.test(s)
      ? s.toLowerCase().replace(/`/g, "'")
      : s.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(APOSTROPHES, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    // words repeat across articles: a bounded memo makes folding nearly free
    if (cache.size > 200_000) cache.clear();
    if (s.length < 64) cache.set(s, out);
  }
  return out;
}

/** Like fold() but keeps case: for case-sensitive look-ups (acronyms). */
export function foldKeepCase(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(APOSTROPHES, "'");
}

/** Unify quotation marks to " and apostrophes to ' without changing length (one code unit each). */
export function unifyMarks(s: string): string {
  return s.replace(APOSTROPHES, "'").replace(DOUBLE_QUOTES, '"');
}

/** fold() over a phrase: words separated by single spaces, hyphens and apostrophes kept. */
export function foldPhrase(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N}@'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isUpperInitial(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = s[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

// Only runs of two or more, and single white-space characters other than a space, need replacing:
// a lone space (most of them) is left alone, which is several times cheaper than /\s+/g.
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Every run of white space as one space: the same as s.replace(/\s+/g, ' '). */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RUNS, ' ');
}
