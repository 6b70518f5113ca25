// Datelines: "KINSHASA — …", "NAIROBI, Kenya (AP) — …", "JÉRUSALEM et GAZA (AFP) - …" open a
// story with where it was filed. They are no part of the first sentence's clause.
import type { Token } from './tokens.js';

const DASHES = new Set(['—', '–', '-', '--']);
/** how far a dateline may run before its dash, in tokens */
const MAX_DATELINE = 12;

function isCapsWord(t: Token): boolean {
  return (t.kind === 'word' || t.kind === 'acronym') && t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

/**
 * The first token after a dateline opening tokens [start, end), or `start` when there is none: a
 * run of upper-case words (a place, a state, an agency in parentheses, commas and lower-case
 * joining words between them) ended by a dash.
 */
export function datelineEnd(tokens: readonly Token[], start: number, end: number): number {
  if (start >= end || !isCapsWord(tokens[start]!)) return start;
  let depth = 0;
  for (let t = start + 1; t < Math.min(end, start + MAX_DATELINE); t++) {
    const tok = tokens[t]!;
    if (tok.text === '(') depth++;
    else if (tok.text === ')') depth--;
    else if (DASHES.has(tok.text) && depth === 0) return t + 1 < end ? t + 1 : start;
    // "NAIROBI, Kenya (AP)", "JÉRUSALEM et GAZA": capitalised words, commas and short joining words
    else if (!(tok.cap || tok.text === ',' || (tok.kind === 'word' && tok.text.length <= 3))) return start;
  }
  return start;
}
