// Quotes and their speakers: quotation-mark spans, embedded posts and reported speech, each tied to a
// cue (a speech verb, 'selon' / 'according to', a noun such as communiqué) and through it to a speaker
// entity of the entity layer. The rules read only data from the packs' speech.json files.
import type { Stage, StageResources } from '../stage.js';
import type { Channel, QuoteKind } from '../analysis.js';
import type { Doc, Entity, Mention, Quote } from '../doc.js';
import { languageAtFast as languageAt } from '../text/intervals.js';
import type { Token } from '../text/tokens.js';
import { buildSpeechLexicon, type FunctionWords, type PhraseEntry, type SpeechLexicon, type VerbInfo, type VerbClass } from './lexicon.js';
import { findMarkSpans, type MarkSpan } from './marks.js';
import { describeUnnamedSpeakers } from './descriptions.js';
import { WordFilter } from '../text/wordfilter.js';
import { fold } from '../text/normalize.js';

export { buildSpeechLexicon } from './lexicon.js';

interface Cue {
  /** token range of the whole cue (auxiliary included) */
  a: number;
  b: number;
  /** the verb token (or the phrase's first token) */
  head: number;
  kind: 'verb' | 'according';
  verb?: VerbInfo;
  cls?: VerbClass;
  /** gender of an inverted pronoun subject (a-t-il), null for ils/on, undefined when not inverted */
  inv?: 'm' | 'f' | null;
  sentence: number;
  /** position in Ctx.cues */
  index?: number;
  speaker?: Entity | null;
  resolved?: boolean;
}

interface RawQuote extends MarkSpan {
  openTok: number;
  closeTok: number;
  seg: number;
  post?: boolean;
  cue?: Cue | null;
  speaker?: Entity | null;
  channel?: Channel;
  kind?: QuoteKind;
  /** the last token consumed by the cue and its subject after the quote */
  tailEnd?: number;
  /** the first part, when this is the second part of a quote split by its cue */
  continues?: RawQuote;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'GROUP']);
const SENT_END = new Set(['.', '!', '?', '…']);
/** SENT_END.has(text), without hashing the many longer words (all its marks are one character) */
const endsSentence = (text: string) => text.length === 1 && SENT_END.has(text);
const OPEN_MARKS = new Set(['«', '“', '„', '‹', '‘']);
const CLOSE_MARKS = new Set(['»', '”', '›', '’']);
const INVERTED = /^(.+?)-(?:t-)?(il|elle|ils|elles|on)$/;

export function createQuoteStage({ packs, tokOpts }: StageResources, lex = buildSpeechLexicon(packs, tokOpts)): Stage {
  compiled(lex);
  return {
    name: 'quotes',
    run: (doc) => {
      doc.quotes = findQuotes(doc, lex);
      // quotes with a cue but no named speaker: the cue's subject from the clause layer, or a
      // description entity for it (the only entities this stage adds)
      describeUnnamedSpeakers(doc, doc.quotes, { words: lex.all.addressee, verbs: lex.all.addresseeVerbs });
    },
  };
}

/** A verb form's reading in one language: the verb to cite and the classes of all its readings. */
interface VerbHit {
  verb: VerbInfo;
  classes: Set<VerbClass>;
}

/** Look-ups derived from the lexicon once per analyzer (not per document or per token). */
interface Compiled {
  /** folded form → language (or '' for a language without a pack) → its reading, null when none */
  verbs: Map<string, Map<string, VerbHit | null>>;
  /** a multi-word verb entry's class as a set */
  phraseClasses: Map<PhraseEntry, Set<VerbClass>>;
  /** the words of `verbs` and the first words of the lexicon's phrases */
  words: WordFilter;
}

const compiledOf = new WeakMap<SpeechLexicon, Compiled>();
function compiled(lex: SpeechLexicon): Compiled {
  let c = compiledOf.get(lex);
  if (c) return c;
  c = { verbs: new Map(), phraseClasses: new Map(), words: new WordFilter([...lex.verbs.keys(), ...lex.phrases.keys()]) };
  const one = (hits: { verb: VerbInfo; classes: Set<VerbClass> }[]): VerbHit | null => {
    if (hits.length === 0) return null;
    const h = hits.find((x) => !x.verb.weak) ?? hits[0]!;
    return { verb: h.verb, classes: new Set(hits.flatMap((x) => [...x.classes])) };
  };
  for (const [form, all] of lex.verbs) {
    const byLang = new Map<string, VerbHit | null>();
    byLang.set('', one(all));
    for (const lang of lex.byLang.keys()) byLang.set(lang, one(all.filter((x) => x.verb.lang === lang)));
    c.verbs.set(form, byLang);
  }
  for (const list of lex.phrases.values()) for (const e of list) if (e.kind === 'verb') c.phraseClasses.set(e, new Set([e.cls!]));
  compiledOf.set(lex, c);
  return c;
}

/** Everything the rules need about one document, computed in linear passes. */
class Ctx {
  toks: Token[];
  /** token → index of the quote span holding it, -1 outside */
  inQuote: Int32Array;
  /** token → outermost mention starting there */
  menAt: (Mention | undefined)[];
  /** token → outermost mention covering it */
  covered: (Mention | undefined)[];
  /** token → 1 when its word may be a verb form or start a phrase (see WordFilter), else 0 */
  maybeVerb: Uint8Array;
  /** token → matched phrase starting there */
  phraseAt: (PhraseEntry | undefined)[];
  cues: Cue[] = [];
  cueAt: (Cue | undefined)[];
  sentChannel: Channel[];
  lastSpeaker: { entity: Entity; seg: number; channel: Channel } | null = null;
  comp: Compiled;
  /** token → token after the end of the outermost mention starting there (menEndTok by position) */
  menEnd: Int32Array;
  /** token t → the first token ≥ t where an outermost mention starts (n when none) */
  nextMen: Int32Array;
  /** token t → the first token ≥ t that may cut a reported clause (see indirectSpeech), n when none */
  nextCut!: Int32Array;
  /** token t → the first token ≥ t where a noun cue phrase starts (n when none) */
  nextNoun: Int32Array;
  /** token t → the last token < t ending a sentence (SENT_END text), -1 when none */
  prevSentEnd: Int32Array;
  /** token t → the number of non-punctuation tokens before t, and of those outside quotation marks */
  wordsBefore: Int32Array;
  outsideBefore: Int32Array;
  /** token t → the last token ≤ t where a clause breaks for clauseStart (':' ';' or the last token of a quote), -1 */
  lastBreak: Int32Array;
  /** token t → the first token of the run of quoted tokens holding t (t itself outside quotes) */
  quoteRunStart: Int32Array;
  /** token t → the first token j ≤ t such that tokens [j, t) are all capitalised words outside mentions */
  capRunStart: Int32Array;
  /** token t → the last token ≤ t of a cue that may introduce a quote after it (-1 when none) */
  prevStrongCue!: Int32Array;
  /** token t → the first token ≥ t of an 'according' cue (n when none) */
  nextAccording!: Int32Array;
  /** cue index → the closest finite verb cue of the same sentence before / after it (-1 when none) */
  prevFinite!: Int32Array;
  nextFinite!: Int32Array;
  constructor(
    public doc: Doc,
    public lex: SpeechLexicon,
    public spans: MarkSpan[],
  ) {
    this.comp = compiled(lex);
    this.toks = doc.tokens;
    const n = this.toks.length;
    this.sentLang = new Array(doc.sentences.length);
    this.inQuote = new Int32Array(n).fill(-1);
    let qi = 0;
    for (let i = 0; i < n; i++) {
      const t = this.toks[i]!;
      while (qi < spans.length && spans[qi]!.close < t.start) qi++;
      const q = spans[qi];
      if (q && t.start >= q.open && t.end <= q.close + 1) this.inQuote[i] = qi;
    }
    this.menAt = new Array(n);
    this.covered = new Array(n);
    const menEnd = (this.menEnd = new Int32Array(n));
    const ms = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
    let ti = 0;
    let outerEnd = -1;
    for (const m of ms) {
      if (m.start < outerEnd) continue;
      while (ti < n && this.toks[ti]!.start < m.start) ti++;
      if (ti >= n || (this.toks[ti]!.start !== m.start && this.toks[ti]!.start > m.start)) {
        if (ti >= n) break;
      }
      let k = ti;
      this.menAt[ti] = m;
      while (k < n && this.toks[k]!.end <= m.end) {
        this.covered[k] = m;
        k++;
      }
      menEnd[ti] = Math.max(ti + 1, k);
      outerEnd = m.end;
    }
    this.phraseAt = new Array(n);
    this.maybeVerb = new Uint8Array(n);
    this.cueAt = new Array(n);
    this.sentChannel = new Array(doc.sentences.length).fill(null);
    const lexWords = this.comp.words;
    for (let i = 0; i < n; i++) {
      const norm = this.toks[i]!.norm;
      if (!lexWords.mayHave(norm)) continue;
      this.maybeVerb[i] = 1;
      const list = lex.phrases.get(norm);
      if (!list) continue;
      for (const e of list) {
        let ok = i + e.words.length <= n;
        for (let k = 1; ok && k < e.words.length; k++) if (this.toks[i + k]!.norm !== e.words[k]) ok = false;
        if (ok) {
          this.phraseAt[i] = e;
          break;
        }
      }
      const e = this.phraseAt[i];
      if (e?.kind === 'channel' && e.channel && this.inQuote[i] < 0) {
        const s = this.toks[i]!.sentence;
        if (s >= 0 && !this.sentChannel[s]) this.sentChannel[s] = e.channel;
      }
    }
    // position indexes, so that no rule scans a sentence token by token
    const toks = this.toks,
      inQuote = this.inQuote;
    this.nextMen = new Int32Array(n + 1);
    this.nextNoun = new Int32Array(n + 1);
    this.nextMen[n] = n;
    this.nextNoun[n] = n;
    for (let i = n - 1; i >= 0; i--) {
      this.nextMen[i] = this.menAt[i] ? i : this.nextMen[i + 1]!;
      this.nextNoun[i] = this.phraseAt[i]?.kind === 'noun' ? i : this.nextNoun[i + 1]!;
    }
    this.prevSentEnd = new Int32Array(n + 1);
    this.wordsBefore = new Int32Array(n + 1);
    this.outsideBefore = new Int32Array(n + 1);
    this.lastBreak = new Int32Array(n + 1);
    this.quoteRunStart = new Int32Array(n);
    this.capRunStart = new Int32Array(n + 1);
    let sentEnd = -1,
      words = 0,
      outside = 0,
      brk = -1;
    for (let i = 0; i <= n; i++) {
      this.prevSentEnd[i] = sentEnd;
      this.wordsBefore[i] = words;
      this.outsideBefore[i] = outside;
      if (i === n) break;
      const t = toks[i]!;
      if (endsSentence(t.text)) sentEnd = i;
      if (t.kind !== 'punct') {
        words++;
        if (inQuote[i]! < 0) outside++;
      }
      if (t.text === ':' || t.text === ';' || (inQuote[i]! >= 0 && (i + 1 >= n || inQuote[i + 1]! < 0))) brk = i;
      this.lastBreak[i] = brk;
      this.quoteRunStart[i] = inQuote[i]! >= 0 && i > 0 && inQuote[i - 1]! >= 0 ? this.quoteRunStart[i - 1]! : i;
      const prevCapWord = i > 0 && toks[i - 1]!.cap && toks[i - 1]!.kind === 'word' && !this.covered[i - 1];
      this.capRunStart[i] = prevCapWord ? this.capRunStart[i - 1]! : i;
    }
    this.capRunStart[n] = n > 0 && toks[n - 1]!.cap && toks[n - 1]!.kind === 'word' && !this.covered[n - 1] ? this.capRunStart[n - 1]! : n;
  }
  /** the cue indexes, once findCues has filled cueAt */
  indexCues(): void {
    const n = this.toks.length;
    this.prevStrongCue = new Int32Array(n);
    this.nextAccording = new Int32Array(n + 1);
    let last = -1;
    for (let t = 0; t < n; t++) {
      const c = this.cueAt[t];
      if (c && (c.kind === 'according' || c.cls === 'finite' || c.cls === 'participle') && !c.verb?.weak) last = t;
      this.prevStrongCue[t] = last;
    }
    this.nextAccording[n] = n;
    for (let t = n - 1; t >= 0; t--) this.nextAccording[t] = this.cueAt[t]?.kind === 'according' ? t : this.nextAccording[t + 1]!;
    // where a reported clause may be cut: a semicolon, or a comma before a clause cutter (of any
    // language: each language's list is part of the union) or before a cue
    const cutters = this.lex.all.clauseCutters,
      coords = this.lex.all.coordinators;
    this.nextCut = new Int32Array(n + 2);
    this.nextCut[n] = this.nextCut[n + 1] = n;
    for (let t = n - 1; t >= 0; t--) {
      const x = this.toks[t]!.text;
      const nx = this.toks[t + 1];
      // a comma inside a closing mark (“very soon,” while …) cuts like one outside it
      const after = nx && (CLOSE_MARKS.has(nx.text) || nx.text === '"') && this.inQuote[t + 1]! >= 0 ? t + 2 : t + 1;
      const na = this.toks[after];
      const cut =
        x === ';' ||
        (x === ',' && ((na && cutters.has(na.norm)) || !!this.cueAt[after])) ||
        // a second verb of the same subject: "… and denied that …", "… et a de nouveau accusé …", "tout en accusant"
        (coords.has(this.toks[t]!.norm) && this.inQuote[t]! < 0 && this.coordCue(t) !== undefined);
      this.nextCut[t] = cut ? t : this.nextCut[t + 1]!;
    }
    const cues = this.cues,
      m = cues.length;
    const finite = (c: Cue) => c.kind === 'verb' && c.cls === 'finite';
    this.prevFinite = new Int32Array(m);
    this.nextFinite = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const p = k > 0 && cues[k - 1]!.sentence === cues[k]!.sentence ? (finite(cues[k - 1]!) ? k - 1 : this.prevFinite[k - 1]!) : -1;
      this.prevFinite[k] = p;
    }
    for (let k = m - 1; k >= 0; k--) {
      const p = k + 1 < m && cues[k + 1]!.sentence === cues[k]!.sentence ? (finite(cues[k + 1]!) ? k + 1 : this.nextFinite[k + 1]!) : -1;
      this.nextFinite[k] = p;
    }
  }
  /** the verb cue that a coordinator at t joins (and said, et a ajouté, tout en accusant), if any */
  coordCue(t: number): Cue | undefined {
    const c1 = this.cueAt[t + 1];
    if (c1?.kind === 'verb' && c1.a === t + 1) return c1;
    const c2 = this.cueAt[t + 2];
    const mid = this.toks[t + 1];
    if (c2?.kind === 'verb' && c2.cls === 'participle' && c2.a === t + 2 && mid && this.lex.all.prepositions.has(mid.norm)) return c2;
    return undefined;
  }
  /** language of each sentence (its segment's), looked up once */
  sentLang: (string | null | undefined)[];
  cuesBySentence = new Map<number, Cue[]>();
  langOf(tok: number): string {
    const t = this.toks[tok];
    if (!t) return this.doc.language;
    if (t.sentence < 0) return languageAt(this.doc, t.start);
    let l = this.sentLang[t.sentence];
    if (l === undefined) l = this.sentLang[t.sentence] = languageAt(this.doc, this.doc.sentences[t.sentence]!.start);
    return l ?? this.doc.language;
  }
  fw(tok: number): FunctionWords {
    return this.lex.byLang.get(this.langOf(tok)) ?? this.lex.all;
  }
  ent(m: Mention | undefined): Entity | undefined {
    return m ? this.doc.entities[m.entity] : undefined;
  }
  sentOf(tok: number) {
    return this.doc.sentences[this.toks[tok]!.sentence]!;
  }
  tokAt(pos: number): number {
    let lo = 0,
      hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function findQuotes(doc: Doc, lex: SpeechLexicon): Quote[] {
  if (doc.tokens.length === 0) return [];
  const segs = doc.segments.filter((s) => s.kind !== 'header');
  const spans = findMarkSpans(doc.text, segs);
  const cx = new Ctx(doc, lex, spans);
  findCues(cx);
  cx.indexCues();
  const raw: RawQuote[] = [];
  for (const sp of spans) {
    const openTok = cx.tokAt(sp.open);
    const closeTok = Math.min(cx.tokAt(sp.close), cx.toks.length - 1);
    const seg = cx.toks[openTok] ? (cx.doc.sentences[cx.toks[openTok]!.sentence]?.segment ?? -1) : -1;
    const q = rawQuote(sp.open, sp.close, sp.start, sp.end, openTok, closeTok, seg, undefined, undefined);
    const parts = splitInnerCue(cx, q);
    if (parts) raw.push(parts[0], parts[1]);
    else raw.push(q);
  }
  const out: Quote[] = [];
  // embedded posts: one direct quote each, unless a marked quote inside stands for someone else
  const posts = segs.map((s, i) => ({ s, i })).filter((x) => x.s.post);
  const postQuotes: RawQuote[] = posts.map(({ s, i }) => {
    let e = s.post!.signatureStart;
    while (e > s.start && /\s/.test(doc.text[e - 1]!)) e--;
    return rawQuote(s.start, e, s.start, e, cx.tokAt(s.start), cx.tokAt(e) - 1, i, true, undefined);
  });
  const all = [...raw.filter((q) => !postQuotes.some((p) => q.start <= p.start && q.end >= p.end - 2)), ...postQuotes].sort((a, b) => a.start - b.start);
  // attribution, in reading order so that pronouns and floating quotes see what came before
  let ci = 0;
  for (let k = 0; k < all.length; k++) {
    const q = all[k]!;
    while (ci < cx.cues.length && cx.cues[ci]!.head < q.openTok) noteSpeaker(cx, cx.cues[ci++]!);
    if (q.post) attributePost(cx, q, segs[q.seg]!);
    else attribute(cx, q, all[k - 1]);
    if (q.speaker) cx.lastSpeaker = { entity: q.speaker, seg: q.seg, channel: q.channel ?? null };
  }
  while (ci < cx.cues.length) noteSpeaker(cx, cx.cues[ci++]!);
  // split quotes: « A », a-t-il ajouté, « B » is one quote in two parts. Each part keeps its own
  // span (a span is contiguous and the cue is not quoted words); the second names the first.
  for (let k = 0; k + 1 < all.length; k++) {
    const a = all[k]!,
      b = all[k + 1]!;
    if (a.continues || a.post || b.post || a.seg !== b.seg || a.tailEnd === undefined || !a.cue || (b.cue && b.cue !== a.cue)) continue;
    if (b.openTok - a.tailEnd > 2 || b.openTok < a.tailEnd) continue;
    let ok = true;
    // «A», he said. «B» is one quote split by its cue (ANNOTATION.md), with a comma or a full stop
    for (let t = a.tailEnd; t < b.openTok; t++) if (cx.toks[t]!.kind !== 'punct' || (OPEN_MARKS.has(cx.toks[t]!.text) && t !== b.openTok)) ok = false;
    if (!ok || b.openTok - a.tailEnd > 2) continue;
    a.kind = b.kind = 'direct';
    b.continues = a;
    b.speaker = a.speaker;
    b.channel ??= a.channel;
  }
  const made = new Map<RawQuote, Quote>();
  for (const q of all) {
    // « Kassaman », "Imaginary World": a quoted name or title, not speech
    if (q.kind === 'partial' && /^\p{Lu}/u.test(doc.text.slice(q.start, q.end)) && cx.tokAt(q.end) - cx.tokAt(q.start) <= 2 && !q.speaker) continue;
    const quote = mkQuote(cx, q.start, q.end, q.kind ?? 'direct', q.speaker ?? null, q.cue ?? q.continues?.cue ?? null, q.channel ?? null);
    if (q.continues) quote.continues = made.get(q.continues) ?? null;
    made.set(q, quote);
    out.push(quote);
  }
  out.push(...indirectSpeech(cx));
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

function mkQuote(cx: Ctx, start: number, end: number, kind: QuoteKind, speaker: Entity | null, cue: Cue | null, channel: Channel): Quote {
  const cueSpan = cue ? { start: cx.toks[cue.a]!.start, end: cx.toks[cue.b - 1]!.end } : null;
  return {
    id: '',
    start,
    end,
    text: cx.doc.text.slice(start, end),
    kind,
    speaker,
    channel,
    cue: cueSpan ? cx.doc.text.slice(cueSpan.start, cueSpan.end) : null,
    cueSpan,
    language: languageAt(cx.doc, start),
  };
}

// ---------------------------------------------------------------- cues

function findCues(cx: Ctx): void {
  const { toks, lex } = cx;
  for (let i = 0; i < toks.length; i++) {
    if (cx.inQuote[i] >= 0 || toks[i]!.sentence < 0) continue;
    const ph = cx.phraseAt[i];
    let cue: Cue | undefined;
    if (ph?.kind === 'according') cue = mkCue(i, i + ph.words.length, i, 'according', undefined, undefined, undefined, toks[i]!.sentence);
    else if (ph?.kind === 'verb' && ph.verb) cue = verbCue(cx, i, i + ph.words.length, ph.verb, cx.comp.phraseClasses.get(ph) ?? new Set([ph.cls!]));
    else {
      const t = toks[i]!;
      const forms = cx.maybeVerb[i] ? cx.comp.verbs.get(t.norm) : undefined;
      let hit: VerbHit | null | undefined;
      if (forms) {
        const lang = cx.langOf(i);
        hit = forms.get(lex.byLang.has(lang) ? lang : '');
      }
      if (hit && t.kind === 'word') {
        cue = verbCue(cx, i, i + 1, hit.verb, hit.classes);
      } else if (t.norm.includes('-')) {
        const m = INVERTED.exec(t.norm);
        const base = m && lex.verbs.get(m[1]!);
        if (m && base) {
          const fw = cx.fw(i);
          const g = fw.invertedPronouns.get(m[2]!) ?? lex.all.invertedPronouns.get(m[2]!);
          cue = mkCue(i, i + 1, i, 'verb', base[0]!.verb, 'finite', g ?? null, t.sentence);
        }
      }
    }
    if (!cue) continue;
    if (cue.kind === 'verb' && cue.verb?.weak && !afterQuote(cx, cue.a)) continue;
    cue.index = cx.cues.length;
    cx.cues.push(cue);
    const list = cx.cuesBySentence.get(cue.sentence) ?? [];
    list.push(cue);
    cx.cuesBySentence.set(cue.sentence, list);
    for (let k = cue.a; k < cue.b; k++) cx.cueAt[k] = cue;
    i = cue.b - 1;
  }
}

/** every Cue built with the same fields in the same order (one object shape for the engine) */
function mkCue(
  a: number,
  b: number,
  head: number,
  kind: Cue['kind'],
  verb: VerbInfo | undefined,
  cls: VerbClass | undefined,
  inv: 'm' | 'f' | null | undefined,
  sentence: number,
): Cue {
  return { a, b, head, kind, verb, cls, inv, sentence, index: undefined, speaker: undefined, resolved: undefined };
}

/** A verb form at [i, j): find its auxiliary (a déclaré, a-t-il relevé, has said) and its class. */
function verbCue(cx: Ctx, i: number, j: number, verb: VerbInfo, classes: Set<VerbClass>): Cue | undefined {
  const { toks } = cx;
  let a = i;
  let inv: 'm' | 'f' | null | undefined;
  let hasAux = false;
  const onlyParticiple = classes.has('participle') && !classes.has('finite') && !classes.has('past');
  for (let k = i - 1, steps = 0; !onlyParticiple && k >= 0 && steps < 5 && toks[k]!.sentence === toks[i]!.sentence; k--, steps++) {
    const t = toks[k]!;
    if (cx.cueAt[k]) break;
    if (t.kind === 'punct' && t.text !== ',') break;
    const fw = cx.fw(k);
    if (fw.aux.has(t.norm) || (cx.lex.all.aux.has(t.norm) && verb.lang === 'fr' && t.norm !== 'a') ? fw.aux.has(t.norm) : false) {
      a = k;
      hasAux = true;
      break;
    }
    const m = t.norm.includes('-') ? INVERTED.exec(t.norm) : null;
    if (m && cx.lex.all.aux.has(m[1]!)) {
      a = k;
      hasAux = true;
      inv = cx.lex.all.invertedPronouns.get(m[2]!) ?? null;
      break;
    }
    if (t.cap || cx.menAt[k] || cx.covered[k]) break;
  }
  let cls: VerbClass | undefined;
  if (classes.has('finite')) cls = 'finite';
  else if (classes.has('past') && hasAux) cls = 'finite';
  else if (classes.has('participle')) cls = 'participle';
  else if (classes.has('infinitive') && hasAux) cls = 'finite';
  if (!cls) return undefined;
  // a past participle alone (« un accord salué par… ») is no cue
  if (!hasAux && !classes.has('finite') && !classes.has('participle')) return undefined;
  const cue = mkCue(a, j, i, 'verb', verb, cls, inv, toks[i]!.sentence);
  return cue;
}

function afterQuote(cx: Ctx, tok: number): boolean {
  for (let k = tok - 1; k >= 0 && k >= tok - 7; k--) {
    const t = cx.toks[k]!;
    if (cx.inQuote[k] >= 0) return true;
    if (endsSentence(t.text) || t.text === ':' || t.text === ';') return false;
  }
  return false;
}

// ---------------------------------------------------------------- speakers

function eligible(cx: Ctx, m: Mention, tok: number, from: number): boolean {
  const e = cx.ent(m);
  if (!e || !SPEAKER_TYPES.has(e.type) || m.via === 'demonym' || m.demonym) return false;
  if (cx.inQuote[tok] >= 0) return false;
  const prev = cx.toks[tok - 1];
  if (prev && (prev.text === '(' || prev.text === '[')) return false;
  const fw = cx.fw(tok);
  // walk back over the rest of the noun phrase (titles, names, determiners) to what governs it
  for (let k = tok - 1, steps = 0; k >= from && steps < 7; k--, steps++) {
    const t = cx.toks[k]!;
    if (fw.prepositions.has(t.norm)) return false;
    if (t.kind === 'punct' && t.text !== "'s") break;
    if (!(t.cap || cx.covered[k] || fw.determiners.has(t.norm) || t.norm === "'s")) {
      // one adjective or common noun of the phrase ("an interview Iranian Foreign Minister …" stops here)
      if (steps > 0 && !fw.determiners.has(t.norm)) break;
    }
  }
  return true;
}

/** The leftmost eligible mention in [a, b) — the subject of a clause — or the body inside a subject phrase. */
function subjectIn(cx: Ctx, a: number, b: number): Entity | null {
  if (cx.phraseAt[a]?.kind === 'latter') return latter(cx, a);
  let prevBad = false;
  for (let t = cx.nextMen[a]!; t < b; t = cx.nextMen[t + 1]!) {
    const m = cx.menAt[t]!;
    const end = cx.menEnd[t]!;
    if (end > b) break;
    const ok = eligible(cx, m, t, a);
    const conj = cx.toks[t - 1] && (cx.toks[t - 1]!.norm === 'et' || cx.toks[t - 1]!.norm === 'and');
    if (ok && !(conj && prevBad)) return cx.ent(m)!;
    prevBad = !ok;
    t = end - 1;
  }
  // a noun cue ("his post", "le communiqué du ministère") or a subject phrase without a name
  const t = a < b ? cx.nextNoun[a]! : b;
  if (t < b) return issuer(cx, t, t + cx.phraseAt[t]!.words.length, b);
  const fw = cx.fw(a);
  if (b > a && fw.determiners.has(cx.toks[a]!.norm)) return phraseBody(cx, a, Math.min(b, a + 10));
  return null;
}

/** Who issued a noun cue at [n, e): possessive, X's, or "du / of / from X" (the body first). */
function issuer(cx: Ctx, n: number, e: number, limit: number): Entity | null {
  const prev = cx.toks[n - 1];
  const fw = cx.fw(n);
  if (prev && fw.possessives.has(prev.norm)) return resolvePronoun(cx, null, n - 1);
  if (prev && prev.norm === "'s" && cx.covered[n - 2]) return cx.ent(cx.covered[n - 2]) ?? null;
  // le texte, the statement — definite, with no issuer after it: the text the article just quoted
  const nx = cx.toks[e];
  const bare = !nx || nx.kind === 'punct' || cx.cueAt[e] !== undefined;
  const definite = !!prev && fw.determiners.has(prev.norm) && !fw.indefinites.has(prev.norm);
  if (definite && bare) return priorSpeaker(cx, n);
  const body = phraseBody(cx, e, Math.min(limit, e + 10), true);
  if (!body && definite) return priorSpeaker(cx, n);
  return body;
}

/** The speaker of the closest speech cue in the sentences before tok (same or nearby paragraph), else the last speaker. */
function priorSpeaker(cx: Ctx, tok: number): Entity | null {
  const s0 = cx.toks[tok]!.sentence;
  const seg = cx.doc.sentences[s0]!.segment;
  for (let si = s0 - 1; si >= 0 && si >= s0 - 3; si--) {
    if (seg - cx.doc.sentences[si]!.segment > 1) break;
    const list = cx.cuesBySentence.get(si) ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const c = list[k]!;
      if (c.kind === 'verb' && !c.verb?.weak && resolveCue(cx, c)) return c.speaker!;
    }
  }
  const ls = cx.lastSpeaker;
  return ls && seg - ls.seg <= 1 ? ls.entity : null;
}

/** ce dernier / the latter: the last person named before tok, in its sentence or the two before. */
function latter(cx: Ctx, tok: number): Entity | null {
  const any = (e: Entity | null | undefined) => !!e && e.type === 'PERSON';
  const s0 = cx.toks[tok]!.sentence;
  const here = lastPerson(cx, cx.doc.sentences[s0]!.tokenStart, tok, any);
  if (here) return here;
  for (let si = s0 - 1; si >= 0 && si >= s0 - 2; si--) {
    const s = cx.doc.sentences[si]!;
    const e = lastPerson(cx, s.tokenStart, s.tokenEnd, any);
    if (e) return e;
  }
  return null;
}

/** le dirigeant chinois, the Chinese leader — no name, only a nationality: the last person of that country named before. */
function compatriot(cx: Ctx, a: number, country: string): Entity | null {
  const seg = cx.sentOf(a).segment;
  for (let t = a - 1; t >= 0; t--) {
    const s = cx.toks[t]!.sentence;
    if ((s >= 0 && seg - cx.doc.sentences[s]!.segment > 3) || a - t > 400) break;
    const m = cx.covered[t];
    if (!m) continue;
    const e = cx.ent(m);
    if (e && e.type === 'PERSON' && e.country === country && cx.inQuote[t]! < 0) return e;
  }
  return null;
}

/** Inside a noun phrase without a name: a name in apposition, else the organisation, else a person. */
function phraseBody(cx: Ctx, a: number, b: number, orgFirst = false): Entity | null {
  let org: Entity | null = null,
    person: Entity | null = null,
    country: Entity | null = null;
  let demonym: Entity | null = null;
  for (let t = a; t < b && t < cx.toks.length; t++) {
    const tk = cx.toks[t]!;
    if (endsSentence(tk.text) || cx.inQuote[t] >= 0) break;
    if (tk.kind === 'word' && !cx.covered[t] && cx.lex.verbs.has(tk.norm)) break;
    const m = cx.menAt[t];
    if (!m) continue;
    if (addresseeAt(cx, t, -1)) {
      t = cx.menEnd[t]! - 1;
      continue;
    }
    const e = cx.ent(m);
    if (e && (m.via === 'demonym' || m.demonym) && !demonym && t - a <= 3) demonym = e;
    if (!e || m.via === 'demonym' || m.demonym) continue;
    if (e.type === 'PERSON' && cx.toks[t - 1]?.text === ',') return e;
    if (e.type === 'ORGANIZATION' && !org) org = e;
    else if (e.type === 'PERSON' && !person) person = e;
    else if ((e.type === 'COUNTRY' || e.type === 'GROUP') && !country) country = e;
    t = cx.menEnd[t]! - 1;
  }
  if (!org && !person && !country && demonym?.country && !orgFirst) return compatriot(cx, a, demonym.country);
  return orgFirst ? (org ?? person ?? country) : person && !org ? person : (org ?? person ?? country);
}

/**
 * Whether the mention at token t names whom the words are said to: after "à", "to" (past a
 * determiner: "à l'AFP"), or right after a verb whose object is the addressee ("told Reuters").
 */
function addresseeAt(cx: Ctx, t: number, cueEnd: number): boolean {
  const fw = cx.fw(t);
  let k = t - 1;
  if (k >= 0 && fw.determiners.has(cx.toks[k]!.norm)) k--;
  if (k < 0) return false;
  return fw.addressee.has(cx.toks[k]!.norm) || (k === cueEnd - 1 && fw.addresseeVerbs.has(cx.toks[k]!.norm));
}

/** The inverted subject after a cue (« … », a déclaré Mme X / said Cavusoglu), skipping prepositional phrases. */
function subjectAfter(cx: Ctx, a: number, limit: number): Entity | null {
  const fw = cx.fw(a);
  for (let t = a; t < limit && t < a + 14; t++) {
    const tk = cx.toks[t]!;
    if (endsSentence(tk.text) || cx.inQuote[t] >= 0 || cx.cueAt[t]) return null;
    if (fw.subjectPronouns.has(tk.norm)) return resolvePronoun(cx, fw.subjectPronouns.get(tk.norm)!, a);
    const m = cx.menAt[t];
    if (m) {
      const end = cx.menEnd[t]!;
      // whom it was said to ("a déclaré à l'AFP un responsable", "told Reuters") is not the speaker
      if (addresseeAt(cx, t, a)) {
        t = end - 1;
        continue;
      }
      if (eligible(cx, m, t, a)) {
        // a title before the name of the same person (le porte-parole Ousmane Diallo): read on to the name
        if (cx.menAt[end] && cx.ent(cx.menAt[end]) === cx.ent(m)) {
          t = end - 1;
          continue;
        }
        const nx = cx.toks[end];
        if (
          !nx ||
          nx.sentence !== tk.sentence ||
          nx.kind === 'punct' ||
          fw.relatives.has(nx.norm) ||
          fw.prepositions.has(nx.norm) ||
          fw.dateWords.has(nx.norm) ||
          cx.phraseAt[end]
        )
          return cx.ent(m)!;
        return null;
      }
      t = end - 1;
      continue;
    }
    if (fw.determiners.has(tk.norm) && !fw.prepositions.has(cx.toks[t - 1]?.norm ?? '')) {
      const ph = cx.phraseAt[t + 1];
      if (ph?.kind === 'noun') return issuer(cx, t + 1, t + 1 + ph.words.length, limit);
      return phraseBody(cx, t, Math.min(limit, t + 12));
    }
  }
  return null;
}

/** il / elle / he / she (and son / his): the subject of this sentence, else of the sentences before, else the last speaker. */
function resolvePronoun(cx: Ctx, gender: 'm' | 'f' | null, tok: number): Entity | null {
  const fits = (e: Entity | null | undefined) => !!e && e.type === 'PERSON' && (!gender || !e.gender || e.gender === gender);
  const sIdx = cx.toks[tok]!.sentence;
  const s = cx.doc.sentences[sIdx]!;
  let a = s.tokenStart;
  // skip a quotation that opens the sentence
  const here = subjectIn(cx, a, tok);
  if (fits(here)) return here;
  const anchor = tok > 0 && cx.inQuote[tok - 1]! >= 0 ? cx.quoteRunStart[tok - 1]! : tok;
  let si = cx.toks[Math.max(0, anchor - 1)]!.sentence;
  if (si === sIdx && anchor <= s.tokenStart) si--;
  else if (si === sIdx) {
    const e = subjectIn(cx, s.tokenStart, anchor);
    if (fits(e)) return e;
    si--;
  }
  const seg = s.segment;
  for (let k = 0; k < 3 && si >= 0; k++, si--) {
    const ps = cx.doc.sentences[si]!;
    if (seg - ps.segment > 2) break;
    for (const c of cx.cuesBySentence.get(si) ?? []) if (c.resolved && fits(c.speaker)) return c.speaker!;
    const e = subjectIn(cx, ps.tokenStart, ps.tokenEnd);
    if (fits(e)) return e;
    // no person as subject (Kigali a réagi par la voix de sa porte-parole, X): the last person named
    const o = lastPerson(cx, ps.tokenStart, ps.tokenEnd, fits);
    if (o) return o;
  }
  const ls = cx.lastSpeaker;
  if (ls && seg - ls.seg <= 3 && fits(ls.entity)) return ls.entity;
  return null;
}

/** The last person mentioned in [a, b) outside quotation marks that `fits`. */
function lastPerson(cx: Ctx, a: number, b: number, fits: (e: Entity | null | undefined) => boolean): Entity | null {
  let found: Entity | null = null;
  for (let t = cx.nextMen[a]!; t < b; t = cx.nextMen[t + 1]!) {
    const m = cx.menAt[t]!;
    const e = cx.ent(m);
    if (cx.inQuote[t]! < 0 && m.via !== 'demonym' && !m.demonym && fits(e)) found = e!;
    t = cx.menEnd[t]! - 1;
  }
  return found;
}

/** Resolve a cue met in reading order; a speech verb with a speaker makes it the last speaker. */
function noteSpeaker(cx: Ctx, cue: Cue): void {
  const e = resolveCue(cx, cue);
  // only a verb that opens reported speech (… a déclaré que / said that / said:) names the last speaker
  let opens = false;
  const fw = cx.fw(cue.head);
  for (let t = cue.b; t < Math.min(cx.toks.length, cue.b + 6) && !opens; t++) {
    const tk = cx.toks[t]!;
    if (fw.complementizers.has(tk.norm) || tk.text === ':') opens = true;
    else if (tk.kind === 'punct' && tk.text !== ',') break;
  }
  if (e && opens && cue.kind === 'verb' && cue.cls === 'finite' && !cue.verb?.weak) {
    cx.lastSpeaker = { entity: e, seg: cx.doc.sentences[cue.sentence]!.segment, channel: cx.sentChannel[cue.sentence] ?? null };
  }
}

function resolveCue(cx: Ctx, cue: Cue): Entity | null {
  if (cue.resolved) return cue.speaker ?? null;
  cue.resolved = true;
  cue.speaker = speakerOf(cx, cue);
  return cue.speaker;
}

function speakerOf(cx: Ctx, cue: Cue): Entity | null {
  const { toks } = cx;
  const s = cx.doc.sentences[cue.sentence]!;
  const fw = cx.fw(cue.head);
  if (cue.kind === 'according') {
    const ph = cx.phraseAt[cue.b];
    if (ph?.kind === 'same') return cx.lastSpeaker?.entity ?? null;
    for (let t = cue.b; t < Math.min(s.tokenEnd, cue.b + 3); t++) {
      const n = cx.phraseAt[t];
      if (n?.kind === 'noun') return issuer(cx, t, t + n.words.length, s.tokenEnd);
      if (n?.kind === 'same') return cx.lastSpeaker?.entity ?? null;
    }
    // selon lui, / according to her. — the pronoun alone stands for a person named before
    const pr = toks[cue.b],
      nx = toks[cue.b + 1];
    const g = pr && fw.objectPronouns.get(pr.norm);
    if (g && (!nx || nx.kind === 'punct' || nx.sentence !== cue.sentence)) return resolvePronoun(cx, g, cue.b);
    for (let t = cue.b; t < Math.min(s.tokenEnd, cue.b + 8); t++) {
      const m = cx.menAt[t];
      const e = cx.ent(m);
      if (m && e && SPEAKER_TYPES.has(e.type) && m.via !== 'demonym') return e;
      if (toks[t]!.kind === 'punct') break;
    }
    return null;
  }
  if (cue.inv !== undefined) return cue.inv === null ? null : resolvePronoun(cx, cue.inv, cue.a);
  // "The Times of Israel quoted Herzog as saying"
  for (let t = cue.b; t < Math.min(s.tokenEnd, cue.b + 8); t++) if (cx.phraseAt[t]?.kind === 'quotedAs') return subjectIn(cx, cue.b, t);
  const prev = toks[cue.a - 1];
  if (cue.cls === 'participle') {
    // the closest finite verb before it in the sentence, else the clause's subject, else the closest after it
    const before = cue.index !== undefined ? cx.prevFinite[cue.index]! : -1;
    if (before >= 0) {
      const e = resolveCue(cx, cx.cues[before]!);
      if (e) return e;
    }
    const e = subjectIn(cx, clauseStart(cx, s.tokenStart, cue.a), cue.a);
    if (e) return e;
    const after = cue.index !== undefined ? cx.nextFinite[cue.index]! : -1;
    if (after >= 0) return resolveCue(cx, cx.cues[after]!);
    return null;
  }
  if (prev && prev.sentence === cue.sentence) {
    const g = fw.subjectPronouns.get(prev.norm);
    if (g) return resolvePronoun(cx, g, cue.a - 1);
    if (fw.relatives.has(prev.norm)) {
      let k = cue.a - 2;
      if (toks[k]?.text === ',') k--;
      const m = cx.covered[k];
      if (m) return cx.ent(m) ?? null;
    }
  }
  let afterQ = !prev || prev.sentence !== cue.sentence;
  for (let k = cue.a - 1; !afterQ && k >= 0 && k >= cue.a - 5; k--) {
    if (cx.inQuote[k] >= 0) afterQ = true;
    else if (endsSentence(toks[k]!.text) || toks[k]!.text === ':' || cx.cueAt[k]) break;
  }
  if (afterQ) {
    const e = subjectAfter(cx, cue.b, s.tokenEnd);
    if (e) return e;
  } else if (prev.text === ',') {
    // "…, said Cavusoglu," / "…, a estimé Mme X." — the name follows the verb directly
    const e = subjectAfter(cx, cue.b, Math.min(s.tokenEnd, cue.b + (toks[cue.b]?.cap ? 4 : 1)));
    if ((e && cx.menAt[cue.b]) || (e && toks[cue.b]?.cap)) return e;
  }
  const a = clauseStart(cx, s.tokenStart, cue.a);
  // the name right before the verb (Trump tweeted, Le ministre a indiqué), else the clause's subject
  const adj = adjacentSubject(cx, a, cue.a);
  if (adj !== undefined) return adj;
  const subj = subjectIn(cx, a, cue.a);
  // X called it "…" and said …: a coordinated verb after a quotation shares the sentence's subject
  if (!subj && a > s.tokenStart && prev && fw.coordinators.has(prev.norm)) return subjectIn(cx, s.tokenStart, cue.a);
  return subj;
}

/** A mention ending right before the cue (adverbs aside); a known surname the entity layer left unmarked. */
function adjacentSubject(cx: Ctx, a: number, b: number): Entity | null | undefined {
  let k = b - 1;
  const fw = cx.fw(b);
  while (k >= a && !cx.covered[k] && cx.toks[k]!.kind === 'word' && !cx.toks[k]!.cap && !fw.relatives.has(cx.toks[k]!.norm) && k > b - 3) k--;
  if (k < a) return undefined;
  const m = cx.covered[k];
  if (m) {
    let start = k;
    while (start > a && cx.covered[start - 1] === m) start--;
    if (eligible(cx, m, start, a)) return cx.ent(m)!;
    return undefined;
  }
  const t = cx.toks[k]!;
  if (t.cap && t.kind === 'word') {
    const j = Math.max(a, cx.capRunStart[k]!);
    if (j === a || cx.toks[j - 1]!.kind === 'punct') return surname(cx).get(t.norm);
  }
  return undefined;
}

const surnames = new WeakMap<Doc, Map<string, Entity>>();
function surname(cx: Ctx): Map<string, Entity> {
  let m = surnames.get(cx.doc);
  if (!m) {
    m = new Map();
    const bad = new Set<string>();
    // where the press uses the given name alone (Ethiopian, Icelandic, Indonesian names): the first word
    // of a full name as written in the text, unless it is someone's surname or several people's given name
    const given = new Map<string, Entity>();
    // a word naming two people names neither
    const note = (map: Map<string, Entity>, key: string, e: Entity) => {
      const prev = map.get(key);
      if (prev && prev !== e) bad.add(key);
      map.set(key, e);
    };
    for (const men of cx.doc.mentions) {
      const e = cx.doc.entities[men.entity];
      if (!e || e.type !== 'PERSON' || men.via === 'role') continue;
      const a = cx.tokAt(men.start),
        b = cx.tokAt(men.end);
      const last = cx.toks[b - 1];
      if (last && last.cap) note(m, last.norm, e);
      const first = cx.toks[a];
      if (b - a >= 2 && first && first.cap && first.kind === 'word' && first.norm.length >= 3 && fold(e.name.split(' ')[0]!) === first.norm)
        note(given, first.norm, e);
    }
    for (const [k, e] of given) if (!m.has(k)) m.set(k, e);
    for (const b of bad) m.delete(b);
    surnames.set(cx.doc, m);
  }
  return m;
}

/** where the clause holding a cue starts: after the last colon, semicolon or quotation before it */
function clauseStart(cx: Ctx, a: number, b: number): number {
  if (b <= a) return a;
  // the last token breaks the clause on its own (a quoted token there ends the quotation at b)
  const tk = cx.toks[b - 1]!;
  if (tk.text === ':' || tk.text === ';' || cx.inQuote[b - 1]! >= 0) return b;
  const k = b >= 2 ? cx.lastBreak[b - 2]! : -1;
  return k >= a ? k + 1 : a;
}

// ---------------------------------------------------------------- attribution of marked quotes

/** «L’Ukraine est…, a-t-il déclaré. C’est en Ukraine…» — a cue inside one pair of marks splits it in two. */
function splitInnerCue(cx: Ctx, q: RawQuote): [RawQuote, RawQuote] | null {
  for (let t = q.openTok + 1; t < q.closeTok - 1; t++) {
    const tk = cx.toks[t]!;
    if (tk.text !== ',') continue;
    const nx = cx.toks[t + 1]!;
    const m = nx.norm.includes('-') ? INVERTED.exec(nx.norm) : null;
    if (!m || !(cx.lex.verbs.has(m[1]!) || cx.lex.all.aux.has(m[1]!))) continue;
    let k = t + 2;
    if (!cx.lex.verbs.has(m[1]!)) {
      while (k < q.closeTok && cx.toks[k]!.kind === 'word' && !cx.lex.verbs.has(cx.toks[k]!.norm)) k++;
      if (!cx.lex.verbs.has(cx.toks[k]?.norm ?? '')) continue;
      k++;
    }
    const after = cx.toks[k];
    if (!after || !(after.text === '.' || after.text === ',')) continue;
    const verbTok = cx.lex.verbs.has(m[1]!) ? t + 1 : k - 1;
    const hits = cx.lex.verbs.get(cx.toks[verbTok]!.norm) ?? cx.lex.verbs.get(m[1]!)!;
    const cue = mkCue(t + 1, k, verbTok, 'verb', hits[0]!.verb, 'finite', cx.lex.all.invertedPronouns.get(m[2]!) ?? null, cx.toks[t + 1]!.sentence);
    const first = rawQuote(q.open, tk.start, q.start, tk.start, q.openTok, t, q.seg, q.post, cue);
    const nextStart = cx.toks[k + 1]?.start ?? q.end;
    if (nextStart >= q.end) return null;
    const second = rawQuote(cx.toks[k]!.start, q.close, nextStart, q.end, k, q.closeTok, q.seg, q.post, cue);
    return [first, second];
  }
  return null;
}

/** every RawQuote built with the same fields in the same order (one object shape for the engine) */
function rawQuote(
  open: number,
  close: number,
  start: number,
  end: number,
  openTok: number,
  closeTok: number,
  seg: number,
  post: boolean | undefined,
  cue: Cue | undefined,
): RawQuote {
  return {
    open,
    close,
    start,
    end,
    openTok,
    closeTok,
    seg,
    post,
    cue,
    speaker: undefined,
    channel: undefined,
    kind: undefined,
    tailEnd: undefined,
    continues: undefined,
  };
}

function attributePost(cx: Ctx, q: RawQuote, seg: { post?: { signatureStart: number }; end: number }): void {
  q.kind = 'direct';
  q.channel = 'social';
  const a = cx.tokAt(seg.post!.signatureStart);
  let best: Entity | null = null;
  for (let t = a; t < cx.toks.length && cx.toks[t]!.start < seg.end; t++) {
    const e = cx.ent(cx.covered[t]);
    if (!e || !SPEAKER_TYPES.has(e.type)) continue;
    if (e.type === 'PERSON') {
      best = e;
      break;
    }
    if (!best) best = e;
  }
  q.speaker = best;
}

function attribute(cx: Ctx, q: RawQuote, prevQ: RawQuote | undefined): void {
  const { toks } = cx;
  const sent0 = cx.sentOf(q.openTok);
  const sClose = cx.sentOf(Math.max(q.openTok, Math.min(q.closeTok, toks.length - 1)));
  // a sentence end right before the opening mark starts the quote's sentence, whatever the splitter said
  const st = q.openTok <= sent0.tokenStart ? q.openTok : Math.max(sent0.tokenStart, cx.prevSentEnd[q.openTok]! + 1);
  const sOpen = { tokenStart: st, segment: sent0.segment };
  // direct when the quotation opens its clause (sentence start, after a colon, after "said,")
  const prefix = st < q.openTok ? cx.wordsBefore[q.openTok]! - cx.wordsBefore[st]! : 0;
  const before = toks[q.openTok - 1];
  const clauseOpen = prefix === 0 || before?.text === ':' || (before?.text === ',' && !!cx.cueAt[q.openTok - 2]);
  // cue after the quotation: « … », a-t-il déclaré / "…," he said
  let after: Cue | null = null;
  let tailEnd: number | undefined;
  for (let t = q.closeTok + 1, n = 0; t < toks.length && n < 9; t++, n++) {
    const tk = toks[t]!;
    if (
      cx.inQuote[t] >= 0 ||
      (endsSentence(tk.text) && n > 0) ||
      tk.text === ':' ||
      tk.text === ';' ||
      (toks[t]!.sentence !== toks[q.closeTok]!.sentence && n > 1)
    )
      break;
    // a verb after "and" / "et" opens a new clause of the subject, it is no cue of this quotation
    if (cx.lex.all.coordinators.has(tk.norm)) break;
    // a quotation that ends its paragraph takes no cue from the next one
    if (tk.sentence !== toks[q.closeTok]!.sentence && cx.doc.sentences[tk.sentence]?.segment !== cx.doc.sentences[toks[q.closeTok]!.sentence]?.segment) break;
    const c = cx.cueAt[t];
    if (c && (c.kind === 'according' || c.cls === 'finite')) {
      after = c;
      break;
    }
  }
  if (after) {
    resolveCue(cx, after);
    // how far the cue and its subject reach (for split quotes)
    let t = after.b;
    const end = cx.sentOf(after.head).tokenEnd;
    while (t < end && cx.inQuote[t] < 0 && toks[t]!.text !== ',' && !endsSentence(toks[t]!.text) && t < after.b + 8) t++;
    tailEnd = t;
  }
  let beforeCue: Cue | null = null;
  const bc = q.openTok >= 1 ? cx.prevStrongCue[Math.min(q.openTok - 1, toks.length - 1)]! : -1;
  if (bc >= sOpen.tokenStart && bc <= q.openTok - 1) beforeCue = cx.cueAt[bc]!;
  let according: Cue | null = null;
  const ac = sOpen.tokenStart < sClose.tokenEnd ? cx.nextAccording[Math.max(0, sOpen.tokenStart)]! : -1;
  if (ac >= 0 && ac < sClose.tokenEnd) according = cx.cueAt[ac]!;
  const order = q.cue ? [q.cue] : clauseOpen ? [after, beforeCue, according] : [beforeCue, after, according];
  let cue: Cue | null = null;
  let speaker: Entity | null = null;
  for (const c of order) {
    if (!c) continue;
    const e = resolveCue(cx, c);
    if (!cue) cue = c;
    if (e) {
      cue = c;
      speaker = e;
      break;
    }
  }
  // the nearest cue has no subject of its own (X said the measures rested on claims that "…",
  // X said … and urged Y to "…"): an earlier speech verb of the same sentence governs it
  if (!speaker && beforeCue && !q.cue) {
    for (
      let t = beforeCue.a >= 1 ? cx.prevStrongCue[beforeCue.a - 1]! : -1;
      t >= sOpen.tokenStart;
      t = cx.cueAt[t]!.a >= 1 ? cx.prevStrongCue[cx.cueAt[t]!.a - 1]! : -1
    ) {
      const c = cx.cueAt[t]!;
      const e = resolveCue(cx, c);
      if (e) {
        cue = c;
        speaker = e;
        break;
      }
    }
  }
  q.kind = clauseOpen || (after && prefix <= 2 && tailEnd !== undefined) ? 'direct' : 'partial';
  if (cue === after && after) q.tailEnd = tailEnd;
  const seg = sOpen.segment;
  // floating quote: a paragraph wholly in quotation marks inherits the last speaker
  if (!cue) {
    const ls = cx.lastSpeaker;
    const long = cx.tokAt(q.end) - cx.tokAt(q.start) >= 3;
    // (one- or two-word fragments without a cue are scare quotes: no speaker)
    if (ls && seg - ls.seg <= 2 && long && (prefix === 0 || q.kind === 'partial')) {
      speaker = ls.entity;
      q.channel = ls.channel;
    }
    if (!speaker && q.kind === 'partial' && long) {
      const e = subjectIn(cx, sOpen.tokenStart, q.openTok);
      if (e) speaker = e;
    }
  }
  // X did Y to lodge "…", state media reported: a reporting cue with no speaker after a partial
  // quotation leaves it to the subject of the clause holding it
  if (!speaker && cue && cue === after && q.kind === 'partial') speaker = subjectIn(cx, sOpen.tokenStart, q.openTok);
  q.cue = cue;
  q.speaker = speaker;
  if (q.channel === undefined || q.channel === null) {
    const cueSent = cue ? cue.sentence : -1;
    q.channel = (cueSent >= 0 ? cx.sentChannel[cueSent] : null) ?? cx.sentChannel[toks[q.openTok]!.sentence] ?? null;
    if (!q.channel && cue?.kind === 'according') {
      for (let t = cue.b; t < cue.b + 3; t++) {
        const ph = cx.phraseAt[t];
        if (ph?.kind === 'noun' && ph.channel) {
          q.channel = ph.channel;
          break;
        }
      }
    }
    const ls = cx.lastSpeaker;
    if (!q.channel && ls && speaker && ls.entity === speaker && seg - ls.seg <= 3) q.channel = ls.channel;
  }
}

// ---------------------------------------------------------------- reported speech without marks

function indirectSpeech(cx: Ctx): Quote[] {
  const out: Quote[] = [];
  const { toks } = cx;
  const used = new Set<number>(); // sentences already given an indirect quote by the same cue position
  for (const cue of cx.cues) {
    const s = cx.doc.sentences[cue.sentence]!;
    const fw = cx.fw(cue.head);
    let a = -1,
      b = -1;
    if (cue.kind === 'according') {
      if (cx.phraseAt[cue.b]?.kind === 'same') {
        /* d'après la même source */
      }
      const first = cue.a === s.tokenStart || (cue.a - s.tokenStart <= 1 && toks[s.tokenStart]!.kind === 'punct');
      if (first) {
        let c = cue.b;
        while (c < s.tokenEnd && toks[c]!.text !== ',' && c < cue.b + 14) c++;
        if (toks[c]?.text === ',') {
          a = c + 1;
          b = s.tokenEnd;
        }
      } else if (toks[cue.a - 1]?.text === ',') {
        a = s.tokenStart;
        b = cue.a - 1;
      }
    } else {
      if (cue.verb?.weak || cue.cls === 'infinitive') continue;
      // X a indiqué que … / X said (that) …
      let comp = -1;
      for (let t = cue.b; t < Math.min(s.tokenEnd, cue.b + 6); t++) {
        const tk = toks[t]!;
        if (cx.inQuote[t] >= 0 || endsSentence(tk.text)) break;
        if (fw.complementizers.has(tk.norm)) {
          comp = t + 1;
          break;
        }
        if (tk.kind === 'punct' && tk.text !== ',') break;
      }
      if (comp < 0 && cue.verb?.bare && cue.b < s.tokenEnd) {
        const tk = toks[cue.b]!;
        const m = cx.menAt[cue.b];
        const nx = m ? toks[cx.menEnd[cue.b]!] : undefined;
        const inverted = m && (!nx || nx.kind === 'punct');
        if (
          (tk.kind === 'word' || tk.kind === 'number' || tk.kind === 'acronym') &&
          !fw.notClauseStart.has(tk.norm) &&
          !fw.prepositions.has(tk.norm) &&
          !inverted &&
          cx.inQuote[cue.b] < 0
        )
          comp = cue.b;
      }
      if (comp >= 0) {
        a = comp;
        b = s.tokenEnd;
      } else if (cue.cls === 'finite') {
        // inverted: "…, said X." / "…, President X said early Sunday."
        const p = toks[cue.a - 1];
        let comma = -1;
        if (p?.text === ',') comma = cue.a - 1;
        else {
          for (let t = cue.a - 1; t > s.tokenStart && t > cue.a - 8; t--)
            if (toks[t]!.text === ',') {
              comma = t;
              break;
            } else if (toks[t]!.kind === 'punct') break;
          if (comma >= 0 && !subjectIn(cx, comma + 1, cue.a)) comma = -1;
        }
        let tail = 0; // (only whether it stays within 4 matters)
        for (let t = cue.b; t < s.tokenEnd && toks[t]!.text !== ',' && tail <= 4; t++) if (!endsSentence(toks[t]!.text)) tail++;
        if (comma > s.tokenStart && tail <= 4 && resolveCue(cx, cue)) {
          a = clauseStart(cx, s.tokenStart, comma);
          b = comma;
        }
      }
    }
    if (a < 0 || b <= a) continue;
    // cut the clause at a coordinated or attributive tail (", but…", ", selon…", ", adding…")
    for (let t = cx.nextCut[a + 1]!; t < b; t = cx.nextCut[t + 1]!) {
      const nx = toks[t + 1];
      const after = nx && (CLOSE_MARKS.has(nx.text) || nx.text === '"') && cx.inQuote[t + 1]! >= 0 ? t + 2 : t + 1;
      const na = toks[after];
      const c = toks[t]!.text === ',' ? cx.cueAt[after] : cx.coordCue(t);
      if (
        toks[t]!.text === ';' ||
        (toks[t]!.text === ',' && na && (fw.clauseCutters.has(na.norm) || cx.lex.all.clauseCutters.has(na.norm))) ||
        (c && c !== cue)
      ) {
        b = after === t + 2 && toks[t]!.text === ',' ? t + 2 : t;
        break;
      }
    }
    while (b > a && toks[b - 1]!.kind === 'punct' && !CLOSE_MARKS.has(toks[b - 1]!.text) && toks[b - 1]!.text !== '"' && toks[b - 1]!.text !== ')') b--;
    if (cx.inQuote[a] >= 0 && cx.inQuote[b - 1] >= 0 && cx.inQuote[a] === cx.inQuote[b - 1]) continue;
    const words = b > a ? cx.wordsBefore[b]! - cx.wordsBefore[a]! : 0;
    const outside = b > a ? cx.outsideBefore[b]! - cx.outsideBefore[a]! : 0;
    if (words < 3 || outside / words < 0.55) continue;
    const key = a * 1e6 + b;
    if (used.has(key)) continue;
    used.add(key);
    const speaker = resolveCue(cx, cue);
    const channel = cx.sentChannel[cue.sentence] ?? null;
    out.push(mkQuote(cx, toks[a]!.start, toks[b - 1]!.end, 'indirect', speaker, cue, channel));
  }
  return out;
}
