// A greedy arc-standard transition parser scored by an averaged perceptron, labelled with RELATIONS.
import { mix, mix3, mix4 } from './hash.js';
import type { Lexical } from './lexical.js';
import { RELATIONS, ROOT_REL } from './tagset.js';
import type { SparseWeights } from './weights.js';
import { argmax } from './tagger.js';

/** transitions: 0 = SHIFT, 1 + r = LEFT-ARC(r), 1 + L + r = RIGHT-ARC(r) for relation index r */
export const LABELS = RELATIONS.length;
export const TRANSITIONS = 1 + 2 * LABELS;
export const SHIFT = 0;
export const PARSER_FEATURES = 52;
const NONE = 0x4e4f_4e45;

/** the stack, the buffer position and the arcs built so far, with each token's outer children */
export class ParserState {
  readonly stack: Int32Array;
  sp = 0;
  b = 0;
  readonly head: Int32Array;
  readonly rel: Uint8Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** a bit per relation (mod 31) of the dependents attached so far */
  readonly labels: Int32Array;

  constructor(readonly n: number) {
    this.stack = new Int32Array(n);
    this.head = new Int32Array(n).fill(-1);
    this.rel = new Uint8Array(n);
    this.lc1 = new Int32Array(n).fill(-1);
    this.lc2 = new Int32Array(n).fill(-1);
    this.rc1 = new Int32Array(n).fill(-1);
    this.rc2 = new Int32Array(n).fill(-1);
    this.nLeft = new Int32Array(n);
    this.nRight = new Int32Array(n);
    this.labels = new Int32Array(n);
  }

  get done(): boolean {
    return this.b >= this.n && this.sp <= 1;
  }

  valid(t: number): boolean {
    return t === SHIFT ? this.b < this.n : this.sp >= 2;
  }

  apply(t: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const s0 = this.stack[this.sp - 1]!;
    const s1 = this.stack[this.sp - 2]!;
    if (t <= LABELS) {
      const r = t - 1;
      this.head[s1] = s0;
      this.rel[s1] = r;
      this.lc2[s0] = this.lc1[s0]!;
      this.lc1[s0] = s1;
      this.nLeft[s0]!++;
      this.labels[s0]! |= 1 << (r % 31);
      this.stack[this.sp - 2] = s0;
    } else {
      const r = t - 1 - LABELS;
      this.head[s0] = s1;
      this.rel[s0] = r;
      this.rc2[s1] = this.rc1[s1]!;
      this.rc1[s1] = s0;
      this.nRight[s1]!++;
      this.labels[s1]! |= 1 << (r % 31);
    }
    this.sp--;
  }

  /** the remaining stack token becomes the root */
  finish(): void {
    if (this.sp === 1) {
      const r = this.stack[0]!;
      this.head[r] = -1;
      this.rel[r] = ROOT_REL;
    }
  }
}

const dist = (d: number) => (d < 5 ? d : d < 10 ? 5 : 6);

/**
 * The features of a configuration: words and tags of the top three stack tokens and the next
 * three buffer tokens, their pairs and triples, the outer children of the top two stack tokens
 * with their relations, the distance between the two and how many dependents each has.
 */
export function parserFeatures(st: ParserState, lx: Lexical, tags: Uint8Array, out: Uint32Array): number {
  const { stack, sp, b, n } = st;
  const s0 = sp > 0 ? stack[sp - 1]! : -1;
  const s1 = sp > 1 ? stack[sp - 2]! : -1;
  const s2 = sp > 2 ? stack[sp - 3]! : -1;
  const b0 = b < n ? b : -1;
  const b1 = b + 1 < n ? b + 1 : -1;
  const b2 = b + 2 < n ? b + 2 : -1;
  const W = (x: number) => (x < 0 ? NONE : lx.lower[x]!);
  const T = (x: number) => (x < 0 ? 99 : tags[x]!);
  const L = (x: number) => (x < 0 ? 99 : st.rel[x]!);
  const s0w = W(s0),
    s0t = T(s0),
    s1w = W(s1),
    s1t = T(s1),
    b0w = W(b0),
    b0t = T(b0);
  const s0l = s0 < 0 ? -1 : st.lc1[s0]!;
  const s0r = s0 < 0 ? -1 : st.rc1[s0]!;
  const s1l = s1 < 0 ? -1 : st.lc1[s1]!;
  const s1r = s1 < 0 ? -1 : st.rc1[s1]!;
  const s0wt = mix(s0w, s0t);
  const s1wt = mix(s1w, s1t);
  const d = s0 >= 0 && s1 >= 0 ? dist(s0 - s1) : 0;
  let k = 0;
  out[k++] = mix(101, s0w);
  out[k++] = mix(102, s0t);
  out[k++] = mix(103, s0wt);
  out[k++] = mix(104, s1w);
  out[k++] = mix(105, s1t);
  out[k++] = mix(106, s1wt);
  out[k++] = mix(107, b0w);
  out[k++] = mix(108, b0t);
  out[k++] = mix3(109, b0w, b0t);
  out[k++] = mix(110, W(b1));
  out[k++] = mix(111, T(b1));
  out[k++] = mix(112, T(b2));
  out[k++] = mix(113, T(s2));
  out[k++] = mix3(114, s0wt, s1wt);
  out[k++] = mix3(115, s0wt, s1w);
  out[k++] = mix3(116, s0w, s1wt);
  out[k++] = mix3(117, s0wt, s1t);
  out[k++] = mix3(118, s0t, s1wt);
  out[k++] = mix3(119, s0w, s1w);
  out[k++] = mix3(120, s0t, s1t);
  out[k++] = mix3(121, s0t, b0t);
  out[k++] = mix3(122, s0wt, b0t);
  out[k++] = mix3(123, s0t, b0w);
  out[k++] = mix4(124, s0t, s1t, b0t);
  out[k++] = mix4(125, s0t, b0t, T(b1));
  out[k++] = mix4(126, s1t, s0t, T(s2));
  out[k++] = mix4(127, s1t, s0t, T(s0l));
  out[k++] = mix4(128, s1t, s0t, T(s0r));
  out[k++] = mix4(129, s1t, T(s1l), s0t);
  out[k++] = mix4(130, s1t, T(s1r), s0t);
  out[k++] = mix3(131, T(s0l), L(s0l));
  out[k++] = mix3(132, T(s0r), L(s0r));
  out[k++] = mix3(133, T(s1l), L(s1l));
  out[k++] = mix3(134, T(s1r), L(s1r));
  out[k++] = mix4(135, s0t, L(s0l), L(s0r));
  out[k++] = mix4(136, s1t, L(s1l), L(s1r));
  out[k++] = mix(137, T(s0 < 0 ? -1 : st.lc2[s0]!));
  out[k++] = mix(138, T(s1 < 0 ? -1 : st.rc2[s1]!));
  out[k++] = mix4(139, d, s0t, s1t);
  out[k++] = mix3(140, d, s0w);
  out[k++] = mix3(141, d, s1w);
  out[k++] = mix3(142, s0t, s0 < 0 ? 0 : st.nLeft[s0]!);
  out[k++] = mix3(143, s0t, s0 < 0 ? 0 : st.nRight[s0]!);
  out[k++] = mix3(144, s1t, s1 < 0 ? 0 : st.nLeft[s1]!);
  out[k++] = mix3(145, s1t, s1 < 0 ? 0 : st.nRight[s1]!);
  out[k++] = mix4(146, s1t, s0t, s0 < 0 ? 0 : st.labels[s0]!);
  out[k++] = mix4(147, s1t, s0t, s1 < 0 ? 0 : st.labels[s1]!);
  out[k++] = mix4(148, s0w, s1t, b0t);
  out[k++] = mix4(149, s1w, s0t, b0t);
  out[k++] = mix3(150, b0t, T(b1));
  out[k++] = mix4(151, s1w, s0w, b0t);
  out[k++] = mix4(152, s1t, s0w, W(s0l));
  return k;
}

/** parses the tagged sentence into head (-1 = root) and rel (indices into RELATIONS) */
export function parseTokens(weights: SparseWeights, lx: Lexical, tags: Uint8Array, head: Int32Array, rel: Uint8Array): void {
  const st = new ParserState(lx.n);
  const feats = new Uint32Array(PARSER_FEATURES);
  const scores = new Float32Array(TRANSITIONS);
  while (!st.done) {
    const k = parserFeatures(st, lx, tags, feats);
    scores.fill(0);
    weights.score(feats, k, scores);
    st.apply(bestValid(st, scores));
  }
  st.finish();
  head.set(st.head);
  rel.set(st.rel);
}

export function bestValid(st: ParserState, scores: Float32Array): number {
  if (st.sp < 2) return SHIFT;
  if (st.b >= st.n) scores[SHIFT] = -Infinity;
  return argmax(scores);
}

/**
 * The static arc-standard oracle on a projective gold tree: LEFT-ARC when the second stack token
 * depends on the top one, RIGHT-ARC when the top one depends on the second and has all its
 * dependents, else SHIFT. attached[x] counts x's dependents already attached.
 */
export function oracle(st: ParserState, goldHead: Int32Array, goldRel: Uint8Array, goldChildren: Int32Array, attached: Int32Array): number {
  if (st.sp >= 2) {
    const s0 = st.stack[st.sp - 1]!;
    const s1 = st.stack[st.sp - 2]!;
    if (goldHead[s1] === s0 && attached[s1] === goldChildren[s1]) return 1 + goldRel[s1]!;
    if (goldHead[s0] === s1 && attached[s0] === goldChildren[s0]) return 1 + LABELS + goldRel[s0]!;
  }
  return SHIFT;
}
