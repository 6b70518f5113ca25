// Segments: the header block, paragraphs, and embedded social posts whose signature
// ("— Secretary Antony Blinken (@SecBlinken) February 1, 2023") names their author and date.
import type { SegmentKind } from '../analysis.js';

export interface PostSignature {
  /** the author's name as signed ("Secretary Antony Blinken"), with its span */
  author: string;
  authorStart: number;
  authorEnd: number;
  handle: string;
  handleStart: number;
  /** the date words of the signature ("February 1, 2023") */
  dateText: string;
  /** where the signature (the dash) starts: the post's words end before it */
  signatureStart: number;
}

export interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
  language: string | null;
  post?: PostSignature;
}

// dash, author, (@handle), date words up to the end of the paragraph
const SIGNATURE = /[—–-]{1,2}\s*([^—–\n()]{1,80}?)\s*\((@[\p{L}\p{N}_]{1,30})\)\s*([\p{L}\p{N} ,.]{4,40}?)\s*$/u;

export function splitSegments(text: string, bodyStart: number): Segment[] {
  const out: Segment[] = [];
  if (bodyStart > 0) {
    const end = trimEnd(text, 0, bodyStart);
    if (end > 0) out.push({ start: trimStart(text, 0, end), end, kind: 'header', language: null });
  }
  const lineRe = /[^\n\r]+/g;
  lineRe.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    const start = trimStart(text, m.index, m.index + m[0].length);
    const end = trimEnd(text, start, m.index + m[0].length);
    if (end <= start) continue;
    const seg: Segment = { start, end, kind: 'paragraph', language: null };
    const post = findSignature(text, start, end);
    if (post) {
      seg.kind = 'post';
      seg.post = post;
    }
    out.push(seg);
  }
  return out;
}

export function findSignature(text: string, start: number, end: number): PostSignature | undefined {
  const para = text.slice(start, end);
  const m = SIGNATURE.exec(para);
  if (!m || !/\d/.test(m[3]!)) return undefined;
  const sig = start + m.index;
  const authorStart = start + m.index + m[0].indexOf(m[1]!);
  const handleStart = start + m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
  return {
    author: m[1]!,
    authorStart,
    authorEnd: authorStart + m[1]!.length,
    handle: m[2]!,
    handleStart,
    dateText: m[3]!.trim(),
    signatureStart: sig,
  };
}

function trimStart(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i]!)) i++;
  return i;
}
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
