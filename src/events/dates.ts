// Event dates: chrono-node (fr, en) over the sentence, against the reference date of the words —
// the article's publication date, or a post's own signature date ("February 1, 2023").
// A date relative to the reference (hier, Monday, today) is only resolved when the reference is
// known to the day; an explicit day ("15 février", "August 28") only needs the year.
import { isCalendarDate } from '../text/calendar.js';
import * as chrono from 'chrono-node';
import type { Doc } from '../doc.js';
import type { LanguagePack } from '../lang/pack.js';
import type { Segment } from '../text/segments.js';
import { fold } from '../text/normalize.js';
import { PhraseSet } from './lexicon.js';
import { tokenize, type TokenizeOptions } from '../text/tokens.js';
import { segmentsOf } from '../text/intervals.js';

export interface Reference {
  /** local-noon Date of the reference day (or the middle of its month) */
  date: Date;
  /** the reference is known to the day */
  day: boolean;
  iso: string | null;
}

export interface DateFound {
  /** YYYY-MM-DD, or null when the words give only a month or a year */
  date: string | null;
  text: string;
  start: number;
  end: number;
  /** for a bare weekday ("on Monday", "mardi"): the same weekday ahead of the reference, which an
   * announced act takes; `date` holds the one on or before the reference, which a told act takes */
  ahead?: string;
}

export interface DateResolver {
  /** the reference date for words at `pos` */
  reference(doc: Doc, pos: number): Reference | null;
  /** date expressions of sentence `si` (cached per document by the caller) */
  inSentence(doc: Doc, si: number, lang: string, ref: Reference): DateFound[];
  /** words saying the act is not of the reference day (récemment, last year, 1993) */
  pastMarked(doc: Doc, si: number): boolean;
}

type Parser = { parse(text: string, ref: Date): chrono.ParsedResult[] };

export function createDateResolver(packs: Map<string, LanguagePack>, tokOpts: TokenizeOptions): DateResolver {
  const cues = new Set<string>();
  const past = new PhraseSet();
  for (const pack of packs.values()) {
    const d = pack.files.dates;
    if (!d) continue;
    for (const w of d.cues ?? []) cues.add(fold(w));
    for (const w of d.pastMarkers ?? []) past.add(tokenize(w, tokOpts).map((t) => t.norm));
  }
  const parsers: Record<string, Parser> = { fr: patternsOnce(chrono.fr.casual), en: patternsOnce(chrono.en.casual) };
  const postRefs = new WeakMap<Segment, Reference | null>();

  const fromPublished = (p: string | null): Reference | null => {
    // an impossible reference (2023-02-31) gives no reference: relative dates are not resolved
    // against it, rather than rolling over into the next month
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(p ?? '');
    if (!m || !isCalendarDate(m[0])) return null;
    const y = +m[1]!,
      mo = m[2] ? +m[2] : 7,
      d = m[3] ? +m[3] : m[2] ? 15 : 1;
    return { date: new Date(y, mo - 1, d, 12), day: !!m[3], iso: m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null };
  };

  const pubRefs = new WeakMap<Doc, Reference | null>();
  const reference = (doc: Doc, pos: number): Reference | null => {
    if (!pubRefs.has(doc)) pubRefs.set(doc, fromPublished(doc.published));
    const pub = pubRefs.get(doc)!;
    const seg = postAt(doc, pos);
    if (seg?.post) {
      if (!postRefs.has(seg)) {
        // the post's signature date ("February 1, 2023")
        let ref: Reference | null = null;
        for (const p of [chrono.en, chrono.fr]) {
          const r = p.parse(seg.post.dateText, pub?.date ?? new Date(2000, 0, 1, 12))[0];
          if (r && r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year')) {
            const d = r.start.date();
            ref = { date: new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12), day: true, iso: iso(d) };
            break;
          }
        }
        postRefs.set(seg, ref);
      }
      return postRefs.get(seg) ?? pub;
    }
    return pub;
  };

  /** the first post segment holding pos (a binary search when segments do not overlap) */
  const postAt = (doc: Doc, pos: number): Segment | null => {
    const index = segmentsOf(doc);
    if (index.disjoint) return index.first(pos);
    for (const seg of doc.segments) if (pos >= seg.start && pos < seg.end && seg.post) return seg;
    return null;
  };

  const inSentence = (doc: Doc, si: number, lang: string, ref: Reference): DateFound[] => {
    const s = doc.sentences[si]!;
    const out: DateFound[] = [];
    const starts = new Set<number>();
    // windows of a few tokens around each date word, merged: chrono reads those, not the sentence
    const windows: [number, number][] = [];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (!cues.has(doc.tokens[k]!.norm)) continue;
      const a = Math.max(s.tokenStart, k - 4),
        b = Math.min(s.tokenEnd, k + 5);
      const last = windows[windows.length - 1];
      if (last && a <= last[1]) last[1] = b;
      else windows.push([a, b]);
    }
    const parser = parsers[lang] ?? chrono.en;
    for (const [a, b] of windows) {
      const offset = doc.tokens[a]!.start;
      for (const r of parser.parse(doc.text.slice(offset, doc.tokens[b - 1]!.end), ref.date)) collect(r, offset);
    }
    return out;

    function collect(r: chrono.ParsedResult, offset: number): void {
      let start = offset + r.index;
      let words = r.text;
      const hasDigit = /\d/.test(words);
      const folded = fold(words);
      if (!hasDigit && !folded.split(/[^\p{L}']+/u).some((w) => cues.has(w))) return;
      const known = (c: chrono.Component) => r.start.isCertain(c);
      let date: string | null = null;
      if (hasDigit && known('day') && known('month')) date = iso(r.start.date());
      else if ((known('day') || known('weekday')) && ref.day) date = iso(r.start.date());
      else if (known('day') || known('weekday')) date = null;
      else if (!known('month') && !known('year')) return;
      // chrono reads "avant-hier" as "hier": two days back, not one
      if (folded === 'hier' && fold(doc.text.slice(start - 6, start)) === 'avant-') {
        start -= 6;
        words = doc.text.slice(start, start + 6 + r.text.length);
        if (date) date = shift(date, -1);
      }
      if (starts.has(start)) return;
      starts.add(start);
      // a bare weekday: chrono takes the nearest one, which may be ahead of the reference; a told
      // act is on or before it (a Saturday article's "on Monday" is five days back), an announced
      // one after it. "next Monday", "lundi dernier" keep chrono's reading.
      let ahead: string | undefined;
      if (date && ref.day && known('weekday') && !known('day') && !/\d/.test(words) && !DIRECTED.test(folded)) {
        const wd = r.start.get('weekday');
        if (wd != null) {
          const back = (ref.date.getDay() - wd + 7) % 7;
          date = shift(ref.iso!, -back);
          ahead = back === 0 ? date : shift(ref.iso!, 7 - back);
        }
      }
      out.push(ahead ? { date, text: words, start, end: start + words.length, ahead } : { date, text: words, start, end: start + words.length });
    }
  };

  const pastMarked = (doc: Doc, si: number): boolean => {
    const s = doc.sentences[si]!;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = doc.tokens[k]!;
      if (past.matchTokens(doc.tokens, k, s.tokenEnd)) return true;
      if (t.kind === 'number' && YEAR.test(t.norm)) return true;
    }
    return false;
  };

  return { reference, inSentence, pastMarked };
}

const YEAR = /^(?:19|20)\d\d$/;
/** weekday words with a direction of their own */
const DIRECTED = /\b(?:next|last|this|coming|past|prochain|prochaine|dernier|derniere|precedent|suivant)\b/;

/**
 * The same chrono configuration (same parsers, same refiners, so the same results), except that a
 * parser builds its regular expression once: several of chrono's French parsers rebuild theirs (a
 * long alternation of time units) on every call, and those whose inner pattern is a literal (a new
 * object each call) rebuild the whole expression around it each time. A pattern that takes no
 * context is kept as it is; one that does is kept while the inner pattern it is built from has the
 * same source and flags. The parser objects are not touched: each is wrapped in an object inheriting
 * from it.
 */
function patternsOnce(base: chrono.Chrono): Parser {
  type P = { pattern(context: unknown): RegExp; innerPattern?: (...a: unknown[]) => RegExp };
  const parsers = (base.parsers as unknown as P[]).map((parser) => {
    if (typeof parser.pattern !== 'function' || typeof parser.innerPattern !== 'function') return parser;
    const wrapped = Object.create(parser) as P;
    const fixed = parser.innerPattern.length === 0;
    let memo: RegExp | null = null;
    let memoInner: RegExp | null = null;
    wrapped.pattern = function (this: P, context: unknown): RegExp {
      if (fixed && memo) return memo;
      const inner = fixed ? null : parser.innerPattern!.call(this, context);
      if (memo && inner && memoInner && inner.source === memoInner.source && inner.flags === memoInner.flags) return memo;
      const re = parser.pattern.call(this, context);
      // a stateless expression only (exec with neither g nor y ignores lastIndex)
      if (!re.global && !re.sticky) {
        memo = re;
        memoInner = inner;
      }
      return re;
    };
    return wrapped;
  });
  const ch = new chrono.Chrono({ parsers: parsers as unknown as chrono.Parser[], refiners: [...base.refiners] });
  return { parse: (text, ref) => ch.parse(text, ref) };
}

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function shift(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return iso(new Date(y!, m! - 1, d! + days, 12));
}
