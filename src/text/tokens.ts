// Tokens with offsets into the original text. Language-neutral; elision prefixes come from the packs.
import { fold, isUpperInitial } from './normalize.js';

export type TokenKind = 'word' | 'number' | 'handle' | 'punct' | 'acronym';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** fold()ed form: lower case, no accents, apostrophe unified */
  norm: string;
  kind: TokenKind;
  /** starts with a capital letter */
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
    const ap = raw.search(/['’‘]/);
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
    const kind: TokenKind = c0 === 64 ? 'handle'
      : /^\p{N}/u.test(raw) ? 'number'
        : /^(?:\p{Lu}\.){2,}$/u.test(raw) || (raw.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw)) ? 'acronym'
          : /^[\p{L}\p{M}]/u.test(raw) ? 'word' : 'punct';
    push(out, text, start, start + raw.length, kind);
  }
  return out;
}

function push(out: Token[], text: string, start: number, end: number, kind: TokenKind): void {
  const t = text.slice(start, end);
  out.push({ start, end, text: t, norm: fold(t), kind, cap: isUpperInitial(t), sentence: -1 });
}
