// Quotation-mark spans: « », “ ”, „ “, " ", ‹ › and ‘ ’ (told apart from apostrophes), nested marks
// kept inside the outer span, the news convention of a quote running over several paragraphs (an
// opening mark at each paragraph, a closing mark only at the end), unclosed marks dropped at the end
// of their paragraph so that the rest of the article is never swallowed.
import type { Segment } from '../text/segments.js';

export interface MarkSpan {
  /** the position of the opening and closing marks */
  open: number;
  close: number;
  /** content without the marks, trimmed */
  start: number;
  end: number;
}

type Fam = 'guil' | 'curly' | 'low' | 'straight' | 'single' | 'angle';

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) =>
  !!c && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > '\u00bf' && LETTER.test(c)));
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\u202f';
/** the only characters the scanner stops at */
const MARKS = /[«»‹›„“”"‘’]/g;

export function findMarkSpans(text: string, segs: Segment[]): MarkSpan[] {
  const out: MarkSpan[] = [];
  let carry: { fam: Fam; pos: number } | null = null; // a quote running over into the next paragraph
  for (let si = 0; si < segs.length; si++) {
    const seg = segs[si]!;
    const end = seg.post ? seg.post.signatureStart : seg.end;
    const stack: { fam: Fam; pos: number }[] = [];
    let i = seg.start;
    if (carry) {
      // the continuation paragraph opens with a mark of the same family
      const c = text[i];
      if (
        (carry.fam === 'guil' && c === '«') ||
        (carry.fam === 'curly' && c === '“') ||
        (carry.fam === 'straight' && c === '"') ||
        (carry.fam === 'low' && c === '„')
      ) {
        stack.push(carry);
        i++;
      }
      carry = null;
    }
    for (; i < end; i++) {
      MARKS.lastIndex = i;
      const hit = MARKS.exec(text);
      if (!hit || hit.index >= end) break;
      i = hit.index;
      const c = text[i]!;
      const prev = i > seg.start ? text[i - 1] : undefined;
      const next = i + 1 < end ? text[i + 1] : undefined;
      const top = stack[stack.length - 1];
      let closeFam: Fam | null = null;
      switch (c) {
        case '«':
          stack.push({ fam: 'guil', pos: i });
          break;
        case '»':
          closeFam = 'guil';
          break;
        case '‹':
          stack.push({ fam: 'angle', pos: i });
          break;
        case '›':
          closeFam = 'angle';
          break;
        case '„':
          stack.push({ fam: 'low', pos: i });
          break;
        case '“':
          if (top?.fam === 'low') closeFam = 'low';
          else if (top?.fam === 'curly' && !isLetter(next) && isLetter(prev))
            closeFam = 'curly'; // a mistyped closer
          else stack.push({ fam: 'curly', pos: i });
          break;
        case '”':
          closeFam = stack.some((s) => s.fam === 'curly') ? 'curly' : stack.some((s) => s.fam === 'straight') ? 'straight' : null;
          break;
        case '"': {
          const opening = isSpace(prev) || /[(\[{—–\-:]/.test(prev ?? '');
          const closing = isSpace(next) || /[.,;:!?)\]}…—–\-]/.test(next ?? '');
          if (stack.some((s) => s.fam === 'straight') && (closing || !opening)) closeFam = 'straight';
          else if (opening || !closing) stack.push({ fam: 'straight', pos: i });
          break;
        }
        case '‘':
          if (!isLetter(prev) && (isLetter(next) || next === '"' || next === '“')) stack.push({ fam: 'single', pos: i });
          break;
        case '’':
          if (top?.fam === 'single' && !isLetter(next)) closeFam = 'single';
          break;
      }
      if (!closeFam) continue;
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.fam !== closeFam) k--;
      if (k < 0) continue; // a stray closing mark
      const opened = stack[k]!;
      stack.length = k;
      if (k === 0) push(out, text, opened.pos, i);
    }
    // unclosed at the end of the paragraph: continue into the next one when it opens with the same mark
    if (stack.length > 0) {
      const outer = stack[0]!;
      const nx = segs[si + 1];
      const c = nx ? text[nx.start] : undefined;
      const same =
        (outer.fam === 'guil' && c === '«') ||
        (outer.fam === 'curly' && c === '“') ||
        (outer.fam === 'straight' && c === '"') ||
        (outer.fam === 'low' && c === '„');
      if (same && nx && nx.kind !== 'post' && seg.kind !== 'post') carry = outer;
    }
  }
  return out;
}

function push(out: MarkSpan[], text: string, open: number, close: number): void {
  let s = open + 1;
  let e = close;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s,;]/.test(text[e - 1]!)) e--;
  if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return;
  out.push({ open, close, start: s, end: e });
}
