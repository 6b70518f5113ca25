// Sentences inside each segment. A full stop ends a sentence unless it closes an abbreviation
// (M., Mme, U.S., Feb.) or an initial; ! ? … and a closing quotation mark after them do too.
import type { Token } from './tokens.js';
import type { Segment } from './segments.js';

export interface Sentence {
  start: number;
  end: number;
  /** token range [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
  segment: number;
}

const CLOSERS = new Set(['»', '”', '"', '’', ')', "'"]);

export function splitSentences(tokens: Token[], segments: Segment[]): Sentence[] {
  const out: Sentence[] = [];
  let ti = 0;
  segments.forEach((seg, si) => {
    while (ti < tokens.length && tokens[ti]!.start < seg.start) ti++;
    let first = ti;
    let i = ti;
    for (; i < tokens.length && tokens[i]!.end <= seg.end; i++) {
      const t = tokens[i]!;
      if (!(t.kind === 'punct' && /^[.!?…]$/.test(t.text))) continue;
      // swallow closing quotes/brackets and repeated marks (French puts a space before »)
      let j = i;
      while (j + 1 < tokens.length) {
        const nx = tokens[j + 1]!;
        if (nx.end > seg.end || nx.start - tokens[j]!.end > 1) break;
        if (!CLOSERS.has(nx.text) && !/^[.!?…]$/.test(nx.text)) break;
        // a straight quote after a space opens the next sentence ('said. "Our …')
        if ((nx.text === '"' || nx.text === "'") && nx.start > tokens[j]!.end) break;
        j++;
      }
      const next = tokens[j + 1];
      if (next && next.end <= seg.end && !startsSentence(next)) continue;
      out.push(mk(tokens, first, j + 1, si));
      first = j + 1;
      i = j;
    }
    if (first < i) out.push(mk(tokens, first, i, si));
    ti = i;
  });
  for (let s = 0; s < out.length; s++) for (let k = out[s]!.tokenStart; k < out[s]!.tokenEnd; k++) tokens[k]!.sentence = s;
  return out;
}

function startsSentence(t: Token): boolean {
  return t.cap || t.kind === 'number' || t.kind === 'handle' || /^[«“"‘(\-—–]/.test(t.text);
}

function mk(tokens: Token[], a: number, b: number, segment: number): Sentence {
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end, tokenStart: a, tokenEnd: b, segment };
}
