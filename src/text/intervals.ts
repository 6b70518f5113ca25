// Position look-ups over a document's spans (segments, quotes) in O(log n) instead of a scan per call.
// `first(pos)` answers exactly what a scan in array order would: the first span holding `pos`.
import type { Doc } from '../doc.js';

export class IntervalIndex<T extends { start: number; end: number }> {
  private readonly maxEnd: Float64Array;
  private readonly sorted: boolean;
  /** sorted by start and no two items overlap: the first item holding pos is the only one */
  readonly disjoint: boolean;
  constructor(private readonly items: readonly T[]) {
    const n = items.length;
    this.maxEnd = new Float64Array(n);
    let sorted = true,
      disjoint = true;
    let m = -Infinity;
    for (let i = 0; i < n; i++) {
      const it = items[i]!;
      if (i > 0 && it.start < items[i - 1]!.start) sorted = false;
      if (it.start < m) disjoint = false;
      if (it.end > m) m = it.end;
      this.maxEnd[i] = m;
    }
    this.sorted = sorted;
    this.disjoint = sorted && disjoint;
  }
  /** the first item (in array order) with start <= pos < end */
  first(pos: number): T | null {
    const { items } = this;
    if (!this.sorted) {
      for (const it of items) if (pos >= it.start && pos < it.end) return it;
      return null;
    }
    // the first item whose running maximum end passes pos: every item before it ends at or before pos;
    // with starts sorted, if it starts after pos so do all the items after it
    let lo = 0,
      hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid]! > pos) hi = mid;
      else lo = mid + 1;
    }
    const it = items[lo];
    return it && it.start <= pos && pos < it.end ? it : null;
  }
}

type SegIndex = { segs: Doc['segments']; n: number; index: IntervalIndex<Doc['segments'][number]> };
const segIndex = new WeakMap<Doc, SegIndex>();

export function segmentsOf(doc: Doc): IntervalIndex<Doc['segments'][number]> {
  let c = segIndex.get(doc);
  if (!c || c.segs !== doc.segments || c.n !== doc.segments.length)
    segIndex.set(doc, (c = { segs: doc.segments, n: doc.segments.length, index: new IntervalIndex(doc.segments) }));
  return c.index;
}

/** the same as doc.ts's languageAt, with the segment found by binary search (index kept per document) */
export function languageAtFast(doc: Doc, pos: number): string {
  const s = segmentsOf(doc).first(pos);
  return s ? (s.language ?? doc.language) : doc.language;
}

/** the first segment holding pos, as `for (const s of doc.segments) if (pos >= s.start && pos < s.end) return s` */
export function segmentAtFast(doc: Doc, pos: number): Doc['segments'][number] | null {
  return segmentsOf(doc).first(pos);
}
