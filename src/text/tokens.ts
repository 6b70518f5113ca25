// Tokens with offsets into the original text. Language-neutral; elision prefixes come from the packs.
import { fold, isUpperInitial } from './normalize.js';

/** names transliterated with their article in lower case: al-Assad, el-Sissi, ben-Gvir stay names */
const ARTICLED_NAME = /^(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|ben|abu|abou|bou|ould)-\p{Lu}/u;

export type TokenKind = 'word' | 'number' | 'handle' | 'punct' | 'acronym';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** fold()ed form: lower case, no accents, apostrophe unified */
  norm: string;
  kind: TokenKind;
  /** starts with a capital letter, or is a name behind a lower-case Arabic article (al-Nimr, el-Sissi) */
  cap: boolean;
  /** index of the sentence holding the token (filled by the sentence splitter) */
  sentence: number;
}

// @handles, dotted acronyms (U.S., U.N.), words with inner hyphens/apostrophes, numbers, one char of punctuation.
const TOKEN_RE = /@[\p{L}\p{N}_]+|(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+(?:[-'’‘][\p{L}\p{M}]+)*\.?|\p{N}+(?:[.,:h]\p{N}+)*|\S/gu;

export interface TokenizeOptions {
  /** folded elision prefixes such as "l", "d", "qu" (French: l’avion → l’ + avion) */
  elisions: Set<string>;
  /** folded abbreviations that keep their final dot ("m.", "dr.", "feb.") */
  abbreviations: Set<string>;
}

export function tokenize(text: string, opts: TokenizeOptions, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    let start = m.index;
    let raw = m[0];
    const c0 = raw.charCodeAt(0);
    if (raw.length > 1 && raw.endsWith('.') && !/^(?:\p{Lu}\.){2,}$/u.test(raw)) {
      // a word followed by a dot: keep the dot only for known abbreviations and single initials
      const f = fold(raw);
      const isInitial = raw.length === 2 && isUpperInitial(raw);
      if (!opts.abbreviations.has(f) && !isInitial) {
        raw = raw.slice(0, -1);
        TOKEN_RE.lastIndex = start + raw.length;
      }
    }
    // French elision: l’Etat → l’ + Etat
    const ap = raw.length > 1 ? firstApostrophe(raw) : -1;
    if (ap > 0 && ap < raw.length - 1) {
      const prefix = fold(raw.slice(0, ap));
      if (opts.elisions.has(prefix)) {
        push(out, text, start, start + ap + 1, 'word');
        start = start + ap + 1;
        raw = raw.slice(ap + 1);
      } else if (/^s\.?$/i.test(raw.slice(ap + 1))) {
        // English possessive: Morocco's → Morocco + 's
        push(out, text, start, start + ap, 'word');
        push(out, text, start + ap, start + raw.length, 'word');
        continue;
      }
    }
    push(out, text, start, start + raw.length, kindOf(raw, c0));
  }
  return out;
}

function firstApostrophe(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 0x2019 || c === 0x2018) return i;
  }
  return -1;
}

function kindOf(raw: string, c0: number): TokenKind {
  if (c0 === 64) return 'handle';
  if (c0 >= 48 && c0 <= 57) return 'number';
  if (raw.length === 1)
    return (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || (c0 > 127 && LETTER.test(raw)) ? 'word' : c0 > 127 && DIGIT.test(raw) ? 'number' : 'punct';
  const c1 = raw.charCodeAt(1);
  // an acronym starts with two capitals or a capital and a digit (UN, U.S., M23): test the cheap part first
  if (
    ((c0 >= 65 && c0 <= 90) || c0 > 127) &&
    ((c1 >= 65 && c1 <= 90) || c1 === 46 || (c1 >= 48 && c1 <= 57) || c1 > 127) &&
    raw === raw.toUpperCase() &&
    raw !== raw.toLowerCase() &&
    ACRONYM.test(raw)
  )
    return 'acronym';
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) return 'word';
  return LETTER.test(raw[0]!) ? 'word' : DIGIT.test(raw[0]!) ? 'number' : 'punct';
}
const LETTER = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;
const ACRONYM = /^(?:(?:\p{Lu}\.){2,}|[\p{Lu}\p{N}]+)$/u;

/** ARTICLED_NAME, after a cheap test for its hyphen (most words have none) */
function articledName(t: string): boolean {
  return t.length > 3 && t.indexOf('-') > 1 && ARTICLED_NAME.test(t);
}

function push(out: Token[], text: string, start: number, end: number, kind: TokenKind): void {
  const t = text.slice(start, end);
  out.push({ start, end, text: t, norm: fold(t), kind, cap: kind !== 'punct' && (isUpperInitial(t) || articledName(t)), sentence: -1 });
}

/** Tokenizer options gathered from every loaded pack (built once per analyzer). */
export function tokenizeOptionsFor(packs: Map<string, { core: { elisions: string[]; abbreviations: string[] } }>): TokenizeOptions {
  return {
    elisions: new Set([...packs.values()].flatMap((p) => p.core.elisions.map(fold))),
    abbreviations: new Set([...packs.values()].flatMap((p) => p.core.abbreviations.map(fold))),
  };
}

/** Index of the first token that ends after `pos` (tokens.length when none does). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0,
    hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
