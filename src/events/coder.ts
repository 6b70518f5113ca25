// The coder: event patterns matched over the folded tokens of each sentence, then argument
// slots filled from the entity layer — the subject (or the passive agent) is the source, the
// direct object or the slot's preposition gives the target; coordinated actors give one event
// each. Events told inside a direct quote or a post with no named subject take the speaker.
import type { Doc, Entity, Mention, Quote } from '../doc.js';
import { clauseActors } from './clause-args.js';
import { governingWord } from '../clauses/embedding.js';
import { IntervalIndex, languageAtFast as languageAt, segmentAtFast } from '../text/intervals.js';
import type { Modality, Span } from '../analysis.js';
import type { Segment } from '../text/segments.js';
import { tokenAt } from '../text/tokens.js';
import { byPrefix, type ClosedWords, type EventLexicon, type EventPattern, type Trigger } from './lexicon.js';

export interface RawEvent {
  code: string;
  pattern: EventPattern;
  source: Entity;
  target: Entity;
  modality: Modality;
  /** the trigger words */
  trigger: Span;
  sentence: number;
  quote: Quote | null;
  confidence: number;
  /** root of the act when the code was turned into the intent to do it (va se rendre → 036) */
  intentFrom?: string;
}

/** a nominal retelling without actors (l'entretien téléphonique): refines an event coded elsewhere */
export interface RefineHit {
  code: string;
  pos: number;
}

interface OuterMention {
  m: Mention;
  entity: Entity;
  tokStart: number;
  tokEnd: number;
}

interface Ctx {
  doc: Doc;
  lex: EventLexicon;
  /** prepositions and pronouns of the current sentence's language */
  w: ClosedWords;
  norms: string[];
  outer: OuterMention[];
  /** token index → outer mention starting / ending there (-1: none) */
  startsAt: Int32Array;
  endsAt: Int32Array;
  /** outer mentions' starts, ends and first tokens never decrease along the list (binary searches hold) */
  monotone: boolean;
  /** the quotes by position */
  quotes: IntervalIndex<Quote>;
  /** built on first use, for long sentences only: see findSubject, opensSentence */
  prevSubjectWord: Int32Array | null;
  nextStart: Int32Array | null;
  prevClausePunct: Int32Array | null;
  nextComma: Int32Array | null;
  /** the events coded so far, in text order */
  prior: RawEvent[];
}

const QUOTE_MARKS = new Set(['«', '»', '"', '“', '”', '‘', '’', "'", '„']);
const ACTOR_TYPES = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'GROUP']);
const CLOSING = new Set(['»', '”', '"']);
/** determiners of one definite person ("le ministre", "the minister") */
const SINGULAR = new Set(['le', 'la', "l'", 'the', 'ce', 'cet', 'cette', 'this']);

export function isActor(e: Entity): boolean {
  // a speaker known only by a description with no country ("the spokesman") can say things but
  // cannot be coded as an actor
  if (e.actor === null && e.country === null && e.mentions.every((m) => m.via === 'description')) return false;
  return ACTOR_TYPES.has(e.type) || (e.type === 'LOCATION' && !!e.country);
}

export function codeEvents(doc: Doc, lex: EventLexicon): { events: RawEvent[]; refines: RefineHit[] } {
  const ctx = buildCtx(doc, lex);
  const events: RawEvent[] = [];
  ctx.prior = events;
  const refines: RefineHit[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const lang = languageAt(doc, s.start);
    ctx.w = lex.closedByLang.get(lang) ?? lex;
    // an act asked for, demanded or threatened (urged X to withdraw) is not an act done
    let asked = false;
    // the doers of the sentence's last act: a verb joined to it by "and" shares them
    let lastSources: Entity[] = [];
    const a = afterDateline(ctx, s.tokenStart, s.tokenEnd);
    for (const best of matchSentence(ctx, a, s.tokenEnd)) {
      if (asked && isInfinitive(ctx, best, a)) continue;
      // "appelé à un cessez-le-feu entre X et Y": what is asked for between two actors is not done
      if (asked && best.trigger.pattern.kind === 'noun' && ctx.lex.pairing.has(ctx.norms[best.end - 1]!)) continue;
      const tries = [best, ...best.alts].sort((x, y) => Number(y.trigger.pattern.lang === lang) - Number(x.trigger.pattern.lang === lang));
      let made: RawEvent[] = [];
      let hit = tries[0]!;
      for (const h of tries) {
        made = argue(ctx, h, si, a, s.tokenEnd, lastSources);
        if (made.length) {
          hit = h;
          break;
        }
      }
      if (made.length) events.push(...made);
      // the appeal asks even when its doer is not an actor ("the spokesman urged Chile to condemn …")
      if (made.some((e) => ASKING.has(e.code.slice(0, 2))) || ASKING.has(hit.trigger.pattern.code.slice(0, 2))) asked = true;
      if (made.length) lastSources = [...new Set(made.map((e) => e.source))];
      else if (hit.trigger.pattern.refine) refines.push({ code: hit.trigger.pattern.code, pos: doc.tokens[hit.start]!.start });
    }
  }
  return { events, refines };
}

const DASHES = new Set(['—', '–', '-', '--']);

/** "KIEV — Le président …": a dateline (a place and a dash opening the sentence) is no part of its clause */
function afterDateline(ctx: Ctx, a: number, b: number): number {
  const oi = ctx.startsAt[a]!;
  if (oi < 0) return a;
  const o = ctx.outer[oi]!;
  if (o.entity.type !== 'LOCATION' && o.entity.type !== 'COUNTRY') return a;
  return o.tokEnd + 1 < b && DASHES.has(ctx.norms[o.tokEnd]!) ? o.tokEnd + 1 : a;
}

/** roots of acts that tell of another act without doing it: appeal (02), demand (10), accuse (11), threaten (13) */
const ASKING = new Set(['02', '10', '11', '13']);

/** the trigger is an infinitive: a verb form right after "to", "à", "de" (past the fillers) */
function isInfinitive(ctx: Ctx, hit: Hit, a: number): boolean {
  const p = hit.trigger.pattern;
  if (p.kind !== 'verb') return false;
  const inf = ctx.lex.infinitive.get(p.lang);
  if (!inf) return false;
  const form = ctx.norms[hit.start]!;
  if (inf.endings.length && !inf.endings.some((e) => form.endsWith(e))) return false;
  let k = hit.start - 1;
  while (
    k >= a &&
    (ctx.lex.reflexive.has(ctx.norms[k]!) ||
      ctx.lex.skip.has(ctx.norms[k]!) ||
      isQuoteMark(ctx.norms[k]!) ||
      inf.adverbEndings.some((e) => ctx.norms[k]!.endsWith(e)))
  )
    k--;
  return k >= a && inf.markers.has(ctx.norms[k]!);
}

function buildCtx(doc: Doc, lex: EventLexicon): Ctx {
  const toks = doc.tokens;
  const norms = toks.map((t) => t.norm);
  // outermost mentions only ("son homologue marocain" hides "marocain")
  const ms = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: OuterMention[] = [];
  let lastEnd = -1;
  for (const m of ms) {
    if (m.start < lastEnd) continue;
    const entity = doc.entities[m.entity];
    if (!entity) continue;
    const tokStart = tokenAt(toks, m.start);
    let tokEnd = tokStart;
    while (tokEnd < toks.length && toks[tokEnd]!.start < m.end) tokEnd++;
    if (tokEnd <= tokStart) continue;
    outer.push({ m, entity, tokStart, tokEnd });
    lastEnd = m.end;
  }
  const startsAt = new Int32Array(toks.length).fill(-1);
  const endsAt = new Int32Array(toks.length).fill(-1);
  outer.forEach((o, i) => {
    startsAt[o.tokStart] = i;
    endsAt[o.tokEnd - 1] = i;
  });
  let monotone = true;
  for (let i = 1; i < outer.length; i++) {
    const p = outer[i - 1]!,
      o = outer[i]!;
    if (o.m.start < p.m.start || o.m.end < p.m.end || o.tokStart < p.tokStart) {
      monotone = false;
      break;
    }
  }
  return {
    doc,
    lex,
    w: lex,
    norms,
    outer,
    startsAt,
    endsAt,
    monotone,
    quotes: new IntervalIndex(doc.quotes),
    prevSubjectWord: null,
    nextStart: null,
    prevClausePunct: null,
    nextComma: null,
    prior: [],
  };
}

interface Hit {
  trigger: Trigger;
  start: number;
  /** token after the trigger and its required continuation */
  end: number;
  /** token after the trigger words alone */
  formEnd: number;
  size: number;
  /** other patterns over the same words (another language's, another slot frame) */
  alts: Hit[];
  /** outer mention that modifies the form as a noun ("Hezbollah drone attack"): the doer (-1: none) */
  owner: number;
}

function isQuoteMark(n: string): boolean {
  return QUOTE_MARKS.has(n);
}

/** skip quotation marks and adverbs such as "également", "on Friday" */
function skipFiller(ctx: Ctx, i: number, end: number, maxSkips = 3): number {
  for (let n = 0; n < maxSkips && i < end; n++) {
    if (isQuoteMark(ctx.norms[i]!)) {
      i++;
      continue;
    }
    const k = ctx.lex.skip.matchAt(ctx.norms, i, end);
    if (!k) break;
    i += k;
  }
  while (i < end && isQuoteMark(ctx.norms[i]!)) i++;
  return i;
}

/**
 * a short quoted aside between a verb and its continuation ("a rappelé « pour consultations » son
 * ambassadeur"): the index after its closing mark, or -1 when there is none at i
 */
function skipAside(ctx: Ctx, i: number, end: number): number {
  if (i >= end || !isQuoteMark(ctx.norms[i]!)) return -1;
  for (let k = i + 1; k < end && k <= i + 6; k++) {
    const n = ctx.norms[k]!;
    if (CLOSING.has(n) && k > i + 1) return k + 1;
    if (isQuoteMark(n) || /^[.;:!?,]$/.test(n)) return -1;
  }
  return -1;
}

/** plain lower-case words that may stand between a continuation's determiner and its noun */
const PLAIN = /^[\p{Ll}-]+$/u;

/**
 * a continuation written with one determiner, read with another or with adjectives
 * ("des sanctions" ~ "de lourdes sanctions", "son soutien" ~ "son plein soutien",
 * "sanctions" ~ "sweeping new sanctions"): the end of the match, or -1
 */
function looseThen(ctx: Ctx, seq: string[], at: number, b: number, lang: string): number {
  const { norms } = ctx;
  const dets = ctx.lex.determinersByLang.get(lang);
  const det = (n: string) => !!dets?.has(n) || ctx.w.prepositions.get(n) === 'de';
  let i = at,
    k = 0;
  if (det(seq[0]!) && seq.length > 1) {
    const n = norms[i];
    if (n === undefined || !det(n)) return -1;
    i++;
    k = 1;
  }
  // up to two adjectives or a genitive (its long-serving ambassador, his country's ambassador)
  // before the noun, none of them a known word of the clause's frame
  for (let skips = 0; skips <= 2 && i < b; skips++) {
    let m = i + seq.length - k <= b;
    for (let j = k; m && j < seq.length; j++) if (norms[i + j - k] !== seq[j]) m = false;
    if (m) return skips || k ? i + seq.length - k : -1;
    const n = norms[i]!;
    if (
      (!PLAIN.test(n) && !ctx.lex.genitive.has(n)) ||
      ctx.startsAt[i]! >= 0 ||
      ctx.w.prepositions.has(n) ||
      ctx.lex.relative.has(n) ||
      ctx.lex.coordination.matchAt(norms, i, b) ||
      ctx.lex.copulas.has(n) ||
      ctx.lex.negationAfter.has(n)
    )
      return -1;
    i++;
  }
  return -1;
}

/**
 * a noun pattern ending in its preposition ("visite en", "visit to") read with the doer between
 * them ("visite d'Emmanuel Macron en", "visit of Macron to"): the end and the doer's mention
 */
function genitiveNoun(ctx: Ctx, seq: string[], i: number, b: number): { end: number; owner: number } | null {
  const { norms, lex } = ctx;
  const n = seq.length;
  if (n < 2) return null;
  const last = lex.prepositions.get(seq[n - 1]!);
  if (!last || last === 'de' || last === 'of') return null;
  let j = i + 1;
  for (let k = 1; k < n - 1; k++, j++) if (j >= b || norms[j] !== seq[k]) return null;
  const gen = j < b ? lex.prepositions.get(norms[j]!) : undefined;
  if (gen !== 'de' && gen !== 'of') return null;
  j++;
  while (j < b && ctx.startsAt[j]! < 0 && (lex.determiners.has(norms[j]!) || lex.honorifics.has(norms[j]!) || lex.agentNouns.has(norms[j]!))) j++;
  const oi = j < b ? ctx.startsAt[j]! : -1;
  if (oi < 0 || !isActor(ctx.outer[oi]!.entity)) return null;
  const after = ctx.outer[oi]!.tokEnd;
  if (after >= b || lex.prepositions.get(norms[after]!) !== last) return null;
  return { end: after + 1, owner: oi };
}

function matchSentence(ctx: Ctx, a: number, b: number): Hit[] {
  const { norms, lex } = ctx;
  const best = new Map<number, Hit>();
  let nearCache: Map<Set<string>, boolean> | undefined;
  for (let i = a; i < b; i++) {
    const cands = lex.firstWords.mayHave(norms[i]!) ? lex.first.get(norms[i]!) : undefined;
    if (!cands) continue;
    for (const trig of cands) {
      const p = trig.pattern;
      let j = i + 1;
      let ok = true;
      let owner = -1;
      for (let k = 1; k < trig.seq.length; k++, j++) {
        if (j >= b || norms[j] !== trig.seq[k]) {
          ok = false;
          break;
        }
      }
      if (!ok && p.kind === 'noun') {
        // "la visite d'Emmanuel Macron en Chine", "the visit of X to China": the noun's complement is its doer
        const g = genitiveNoun(ctx, trig.seq, i, b);
        if (g) {
          ok = true;
          j = g.end;
          owner = g.owner;
        }
      }
      if (!ok) continue;
      const formEnd = j;
      let end = j;
      if (p.then.length) {
        // the continuation follows at once, or after fillers ("a également rendu hommage")
        let got = 0;
        const skipped = skipFiller(ctx, j, b);
        // (skipFiller steps over an opening mark: the aside starts at it)
        const aside = skipAside(ctx, skipped > j && isQuoteMark(norms[skipped - 1]!) ? skipped - 1 : skipped, b);
        for (let pass = 0; pass < 3; pass++) {
          if (pass === 1 && skipped === j) continue;
          if (pass === 2 && aside < 0) break;
          const at = pass === 0 ? j : pass === 1 ? skipped : skipFiller(ctx, aside, b);
          for (const seq of p.then) {
            if (at + seq.length > b) continue;
            let m = true;
            for (let k = 0; k < seq.length; k++)
              if (norms[at + k] !== seq[k]) {
                m = false;
                break;
              }
            if (m && at + seq.length > end) {
              got = seq.length;
              end = at + seq.length;
            } else if (!m) {
              const e = looseThen(ctx, seq, at, b, p.lang);
              if (e > end) {
                got = e - at;
                end = e;
              }
            }
          }
        }
        if (!got) continue;
      }
      if (p.kind === 'verb') {
        // a verb form used as a noun ("la visite", "the visit") is not this verb
        const prev = i > a ? norms[i - 1]! : '';
        const dets = lex.determinersByLang.get(p.lang);
        if (dets?.has(prev) && prev !== 'les' && prev !== 'leur' && prev !== 'nous' && prev !== 'vous') continue;
        // "Turkey's demand", "the release of": nouns
        if (prev === "'s" || (prev === 's' && i - 2 >= a && norms[i - 2] === "'")) continue;
        if (p.lang === 'en' && !p.then.length && norms[end] === 'of') continue;
        if (lex.nounLike.has(p.lang)) {
          const mod = modifiedNoun(ctx, i, a, p.lang);
          // "Hezbollah drone attack": the actor before the modifiers did it; else no act of this verb
          if (mod === 'possessed' || mod === 'governed') continue;
          if (typeof mod === 'number') owner = mod;
        }
        if (p.refl && !hasReflexive(ctx, i, a)) continue;
      }
      if (p.needAfter && !anyIn(norms, end, Math.min(b, end + 12), p.needAfter)) continue;
      if (p.needNear) {
        // whole-sentence look-ups, once per sentence and word set
        let near = nearCache?.get(p.needNear);
        if (near === undefined) (nearCache ??= new Map()).set(p.needNear, (near = anyIn(norms, a, b, p.needNear)));
        if (!near) continue;
      }
      const size = end - i + (p.then.length ? 1 : 0);
      const prevBest = best.get(i);
      const h: Hit = { trigger: trig, start: i, end, formEnd, size, alts: [], owner };
      if (!prevBest || size > prevBest.size) best.set(i, h);
      else if (size === prevBest.size) prevBest.alts.push(h);
    }
  }
  // no two triggers over the same words: the longer wins
  const hits = [...best.values()].sort((x, y) => x.start - y.start);
  const out: Hit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.size > last.size) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/**
 * "Sunday's fatal terror attack", "Hezbollah drone attack", "in military aid for": in a language
 * whose nouns and verbs share forms, a form after lower-case modifiers that follow a possessive,
 * an actor or a preposition is a noun
 */
function modifiedNoun(ctx: Ctx, i: number, a: number, lang: string): number | 'possessed' | 'governed' | 'verb' {
  const { norms, lex, doc } = ctx;
  for (let k = i - 1, n = 0; k >= a && n < 3; k--, n++) {
    const w = norms[k]!;
    if (ctx.endsAt[k]! >= 0) return n > 0 && isActor(ctx.outer[ctx.endsAt[k]!]!.entity) ? ctx.endsAt[k]! : 'verb';
    if (!/^\p{Ll}/u.test(doc.text[doc.tokens[k]!.start]!)) return 'verb';
    if (w === "'s" || (w === 's' && norms[k - 1] === "'")) return n > 0 ? 'possessed' : 'verb';
    if (ctx.w.prepositions.has(w) || (n > 0 && (lex.coordination.has(w) || lex.determiners.has(w)))) return n > 0 ? 'governed' : 'verb';
    // "terrorist bombing": an -ing form right after a common noun or adjective, with no auxiliary, is a noun
    if (
      n === 0 &&
      lex.participleEndings.get(lang)?.some((e) => norms[i]!.endsWith(e)) &&
      !lex.skip.has(w) &&
      !lex.clauseStops.has(w) &&
      !lex.copulas.has(w) &&
      !lex.auxiliaries.has(w) &&
      !lex.coordination.has(w) &&
      !lex.negation.has(w) &&
      !lex.relative.has(w) &&
      !ctx.w.pronounM.has(w) &&
      !ctx.w.pronounF.has(w) &&
      !ctx.w.firstPerson.has(w) &&
      !w.endsWith('ly') &&
      w !== 'it' &&
      w !== 'they' &&
      // "denied sending troops": the gerund complement of a denial verb (by the tree) is a verb
      governingWord(doc, i, lex.denialVerbs) !== k
    )
      return 'governed';
    if (
      lex.skip.has(w) ||
      lex.agentNouns.has(w) ||
      lex.determiners.has(w) ||
      lex.copulas.has(w) ||
      lex.relative.has(w) ||
      lex.negation.has(w) ||
      lex.hypothetical.has(w) ||
      lex.planned.has(w) ||
      lex.coordination.has(w) ||
      ctx.w.pronounM.has(w) ||
      ctx.w.pronounF.has(w) ||
      ctx.w.firstPerson.has(w) ||
      w.endsWith('ly') ||
      w === 'they' ||
      w === 'it' ||
      w === 'has' ||
      w === 'have' ||
      w === 'had'
    )
      return 'verb';
  }
  return 'verb';
}

function hasReflexive(ctx: Ctx, i: number, a: number): boolean {
  for (let k = i - 1; k >= Math.max(a, i - 4); k--) if (ctx.lex.reflexive.has(ctx.norms[k]!)) return true;
  return false;
}

function anyIn(norms: string[], from: number, to: number, set: Set<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(norms[k]!)) return true;
  return false;
}

/**
 * What precedes the actor starting at token `t`: a canonical preposition, 'obj' (another word:
 * the verb, a noun) or null (the clause starts there). Determiners, role nouns (« les dirigeants
 * égyptiens ») and possessors ("Morocco's Foreign Minister") are looked through.
 */
function prepBefore(ctx: Ctx, t: number, limit: number): string | null {
  const { norms, lex } = ctx;
  let k = t - 1;
  while (k >= limit) {
    const n = norms[k]!;
    if (n === "'s" && k - 1 >= limit && ctx.endsAt[k - 1]! >= 0) {
      k = ctx.outer[ctx.endsAt[k - 1]!]!.tokStart - 1;
      continue;
    }
    if (n === 's' && k - 1 >= limit && norms[k - 1] === "'" && k - 2 >= limit && ctx.endsAt[k - 2]! >= 0) {
      k = ctx.outer[ctx.endsAt[k - 2]!]!.tokStart - 1;
      continue;
    }
    if (n === 'des' && k - 1 >= limit && ctx.w.prepositions.has(norms[k - 1]!)) {
      k--;
      continue;
    }
    // an actor used as a modifier of a title ("U.S. envoy", "Iranian Foreign Minister") governs nothing
    const mi = ctx.endsAt[k]!;
    if (mi >= 0 && k + 1 <= t && (lex.agentNouns.has(norms[k + 1]!) || ctx.startsAt[k + 1]! >= 0)) {
      k = ctx.outer[mi]!.tokStart - 1;
      continue;
    }
    // right after the verb, a word that is both an article and a contracted preposition is the
    // article ("a pris en otage des civils")
    if (k === limit && lex.articlesAfterVerb.has(n)) {
      k--;
      continue;
    }
    if (ctx.w.prepositions.has(n)) return ctx.w.prepositions.get(n)!;
    if (lex.determiners.has(n) || lex.honorifics.has(n) || lex.agentNouns.has(n) || isQuoteMark(n)) {
      k--;
      continue;
    }
    // a compound modifier ("the clergy-dominated Iran", "la Russie pro-occidentale" aside)
    if (n.length > 2 && n.includes('-') && /^\p{Ll}/u.test(ctx.doc.text[ctx.doc.tokens[k]!.start]!)) {
      k--;
      continue;
    }
    if (n === ',' || n === '.' || n === ';' || n === ':' || n === '(' || n === '—' || n === '–') return null;
    return 'obj';
  }
  return null;
}

/** a preposition among tokens [from, to) */
function prepBetween(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.w.prepositions.has(ctx.norms[k]!) && ctx.norms[k] !== 'des') return true;
  return false;
}

/** index of the preposition governing the actor that starts at `t` */
function prepIndex(ctx: Ctx, t: number, limit: number): number {
  let k = t - 1;
  while (k > limit && !ctx.w.prepositions.has(ctx.norms[k]!)) k--;
  if (ctx.norms[k] === 'des' && k - 1 >= limit && ctx.w.prepositions.has(ctx.norms[k - 1]!)) k--;
  return k;
}

/** "Pakistan's deputy high commissioner": the possessor of an unnamed role holder stands for them */
function ownsRole(ctx: Ctx, o: OuterMention): boolean {
  let k = o.tokEnd + (ctx.norms[o.tokEnd] === "'s" ? 1 : 2);
  for (let n = 0; n < 4 && k < ctx.norms.length; n++, k++) {
    if (ctx.startsAt[k]! >= 0) return false;
    if (ctx.lex.agentNouns.has(ctx.norms[k]!)) return true;
  }
  return false;
}

/** an actor followed by 's names the owner of the next noun, not the actor itself */
function isPossessor(ctx: Ctx, o: OuterMention): boolean {
  return ctx.norms[o.tokEnd] === "'s" || (ctx.norms[o.tokEnd] === "'" && ctx.norms[o.tokEnd + 1] === 's');
}

type SubjectFind = { kind: 'actor'; list: OuterMention[] } | { kind: 'pronoun'; person: 'first' | 'm' | 'f' | 'any'; at: number } | null;

/** The subject of the clause holding token `t`: the closest actor before it not governed by a preposition. */
function findSubject(ctx: Ctx, t: number, limit: number): SubjectFind {
  const { norms, lex } = ctx;
  let steps = 0;
  for (let k = t - 1; k >= limit; k--) {
    // far from the trigger, jump over the words none of the tests below can stop at
    if (++steps > LONG) {
      k = subjectWordIndex(ctx)[k]!;
      if (k < limit) break;
    }
    const n = norms[k]!;
    const oi = ctx.endsAt[k]!;
    if (oi >= 0) {
      const o = ctx.outer[oi]!;
      const prep = prepBefore(ctx, o.tokStart, limit);
      if (isActor(o.entity) && !isPossessor(ctx, o) && (prep === null || prep === 'obj')) {
        const head = appositionHead(ctx, o, t, limit);
        return { kind: 'actor', list: coordinatedBefore(ctx, head ?? o, limit) };
      }
      k = o.tokStart;
      continue;
    }
    // "X, qui …" / "X, who …": the relative pronoun stands for X
    if (lex.relative.has(n) && k - 1 >= limit) {
      let j = k - 1;
      if (norms[j] === ',') j--;
      const ri = j >= limit ? ctx.endsAt[j]! : -1;
      if (ri >= 0 && isActor(ctx.outer[ri]!.entity)) return { kind: 'actor', list: [ctx.outer[ri]!] };
    }
    if (CLOSING.has(n) && norms[k + 1] === ',') break;
    if (lex.impersonal.has(norms[k + 1] ?? '') && (ctx.w.pronounM.has(n) || n === 'it')) continue;
    if (ctx.w.firstPerson.has(n)) return { kind: 'pronoun', person: 'first', at: k };
    // "Le ministre a …" with no entity: the last person named, like a pronoun
    if (
      lex.agentNouns.has(n) &&
      k - 1 >= limit &&
      SINGULAR.has(norms[k - 1]!) &&
      !(n.endsWith('s') && norms[k - 1] === 'the') &&
      (k - 1 === limit || !ctx.w.prepositions.has(norms[k - 2]!))
    )
      return { kind: 'pronoun', person: 'any', at: k };
    if (ctx.w.pronounM.has(n)) return { kind: 'pronoun', person: 'm', at: k };
    if (ctx.w.pronounF.has(n)) return { kind: 'pronoun', person: 'f', at: k };
    if (n === ';') break;
  }
  return null;
}

/** the longest list of joint subjects looked for (keeps pathological lists linear) */
const MAX_LIST = 12;

/**
 * "France, home to a large Armenian diaspora, condemned …": an actor inside a comma-enclosed phrase
 * (not the phrase itself, as in "the spokesman, Saeed Khatibzadeh, argued") that closes right before
 * the verb describes the actor that opens the clause before the phrase
 */
function appositionHead(ctx: Ctx, o: OuterMention, t: number, limit: number): OuterMention | null {
  const { norms } = ctx;
  if (norms[o.tokEnd] === ',') return null;
  let close = o.tokEnd;
  while (close < t && norms[close] !== ',') close++;
  if (close >= t) return null;
  // the phrase closes right before the verb, past fillers and auxiliaries ("…, has condemned")
  let verb = skipFiller(ctx, close + 1, t);
  while (verb < t && ctx.lex.auxiliaries.has(norms[verb]!)) verb = skipFiller(ctx, verb + 1, t);
  if (verb !== t) return null;
  let open = o.tokStart - 1;
  while (open >= limit && norms[open] !== ',') {
    if (ctx.lex.clauseStops.has(norms[open]!) || ctx.lex.relative.has(norms[open]!)) return null;
    open--;
  }
  if (open - 1 < limit) return null;
  const hi = ctx.endsAt[open - 1]!;
  if (hi < 0) return null;
  const h = ctx.outer[hi]!;
  return isActor(h.entity) && prepBefore(ctx, h.tokStart, limit) === null ? h : null;
}

/** "X et Y ont …": subjects joined by a conjunction */
function coordinatedBefore(ctx: Ctx, o: OuterMention, limit: number): OuterMention[] {
  const list = [o];
  let cur = o;
  for (;;) {
    let k = cur.tokStart - 1;
    // back over what describes the same actor: its title ("Foreign Minister"), its state's demonym
    // ("Iranian Foreign Minister Abbas Araghchi"), role words and honorifics
    for (;;) {
      const di = k > limit ? ctx.endsAt[k]! : -1;
      const d = di >= 0 ? ctx.outer[di]! : null;
      if (d && (d.entity === cur.entity || (d.m.via === 'demonym' && d.entity.country === cur.entity.country))) k = d.tokStart - 1;
      else if (k > limit && di < 0 && (ctx.lex.agentNouns.has(ctx.norms[k]!) || ctx.lex.honorifics.has(ctx.norms[k]!))) k--;
      else break;
    }
    while (k > limit && ctx.lex.determiners.has(ctx.norms[k]!)) k--;
    if (k - 1 < limit) break;
    const n = ctx.norms[k]!;
    // a comma joins only a list already closed by a conjunction ("A, B and C"), never "In Paris, B and C"
    if ((n === ',' && list.length < 2) || !ctx.lex.coordination.has(n) || list.length >= MAX_LIST) break;
    const pi = ctx.endsAt[k - 1]!;
    if (pi < 0 || !isActor(ctx.outer[pi]!.entity)) break;
    if (n === ',' && prepBefore(ctx, ctx.outer[pi]!.tokStart, limit) !== null) break;
    cur = ctx.outer[pi]!;
    list.unshift(cur);
  }
  return list;
}

/** Actors joined to `o` by commas and conjunctions ("égyptiens, israéliens et palestiniens"). */
function coordinatedAfter(ctx: Ctx, o: OuterMention, end: number): OuterMention[] {
  const { norms, lex } = ctx;
  const list = [o];
  let j = o.tokEnd;
  // a list joined by commas alone is an apposition ("France, Mohamed Antar-Daoud"), not a list:
  // members count only up to the last one a conjunction joined ("A, B and C")
  let closed = 1;
  for (;;) {
    while (j < end && ctx.startsAt[j]! >= 0 && ctx.outer[ctx.startsAt[j]!]!.entity === list[list.length - 1]!.entity) j = ctx.outer[ctx.startsAt[j]!]!.tokEnd;
    let k = j;
    let joined = false;
    let conjunction = false;
    for (let guard = 0; guard < 4 && k < end; guard++) {
      const c = lex.coordination.matchAt(norms, k, end);
      if (c) {
        conjunction ||= norms[k] !== ',';
        k += c;
        joined = true;
        continue;
      }
      const n = norms[k]!;
      if (joined && (lex.determiners.has(n) || lex.honorifics.has(n) || lex.agentNouns.has(n) || ctx.w.prepositions.has(n) || isQuoteMark(n))) {
        k++;
        continue;
      }
      break;
    }
    if (!joined || k >= end) break;
    const oi = ctx.startsAt[k]!;
    if (oi < 0) break;
    const next = ctx.outer[oi]!;
    if (!isActor(next.entity)) break;
    list.push(next);
    if (conjunction) closed = list.length;
    j = next.tokEnd;
  }
  return list.slice(0, closed);
}

/** The target: the first actor after the trigger in one of the pattern's slots. */
function findTarget(ctx: Ctx, from: number, end: number, slots: Set<string>, exclude: Set<Entity>): OuterMention[] {
  const { norms, lex } = ctx;
  const stop = Math.min(end, from + 25);
  for (let k = from; k < stop; k++) {
    const oi = ctx.startsAt[k]!;
    if (oi < 0) {
      const n = norms[k]!;
      if (k > from && (lex.attributionStops.has(n) || (lex.clauseStops.has(n) && !lex.coordination.matchAt(norms, k - 1, end)))) break;
      if (
        k > from &&
        (ctx.w.firstPerson.has(n) || ctx.w.pronounM.has(n) || ctx.w.pronounF.has(n)) &&
        (norms[k - 1] === ',' || lex.coordination.has(norms[k - 1]!))
      )
        break;
      continue;
    }
    let o = ctx.outer[oi]!;
    // "met Moroccan Foreign Minister Nasser Bourita": a demonym right before one of its state's
    // people or bodies only describes them; the target is whom it describes
    let j = o.tokEnd;
    if (o.m.via === 'demonym') while (j < stop && j < o.tokEnd + 4 && ctx.startsAt[j]! < 0 && (ctx.doc.tokens[j]!.cap || lex.agentNouns.has(norms[j]!))) j++;
    const next = o.m.via === 'demonym' && j < stop ? ctx.startsAt[j]! : -1;
    if (next >= 0 && ctx.outer[next]!.entity.country === o.entity.country && ctx.outer[next]!.entity.type !== 'COUNTRY') o = ctx.outer[next]!;
    k = o.tokEnd - 1;
    if (!isActor(o.entity) || exclude.has(o.entity) || (isPossessor(ctx, o) && !ownsRole(ctx, o))) continue;
    const prep = prepBefore(ctx, ctx.outer[oi]!.tokStart, from) ?? 'obj';
    // the object's own complement names whose act it is: "condamné le soutien du Rwanda", "the attack by Hamas"
    const genitive = prep === 'de' || prep === 'of' || prep === 'par' || prep === 'by';
    const ok = slots.has(prep) || (slots.has('obj') && genitive && o.tokStart > from + 1 && !prepBetween(ctx, from, prepIndex(ctx, o.tokStart, from)));
    if (!ok) continue;
    return coordinatedAfter(ctx, o, end).filter((x) => !exclude.has(x.entity));
  }
  return [];
}

function findAgent(ctx: Ctx, from: number, end: number): OuterMention[] {
  let k = skipFiller(ctx, from, end);
  // past one place or time phrase: "was signed in Pretoria by", "a été reçu à Kiev par"
  if (k < end && ctx.w.prepositions.has(ctx.norms[k]!) && !ctx.lex.passiveAgent.has(ctx.norms[k]!)) {
    let j = k + 1;
    while (j < end && ctx.lex.determiners.has(ctx.norms[j]!)) j++;
    const oi = j < end ? ctx.startsAt[j]! : -1;
    if (oi >= 0) k = skipFiller(ctx, ctx.outer[oi]!.tokEnd, end);
  }
  if (k >= end || !ctx.lex.passiveAgent.has(ctx.norms[k]!)) return [];
  let j = k + 1;
  while (
    j < end &&
    ctx.startsAt[j]! < 0 &&
    (ctx.lex.determiners.has(ctx.norms[j]!) || ctx.lex.honorifics.has(ctx.norms[j]!) || ctx.lex.agentNouns.has(ctx.norms[j]!))
  )
    j++;
  const oi = j < end ? ctx.startsAt[j]! : -1;
  if (oi < 0 || !isActor(ctx.outer[oi]!.entity)) return [];
  return coordinatedAfter(ctx, ctx.outer[oi]!, end);
}

function postAuthor(ctx: Ctx, seg: Segment): Entity | null {
  const p = seg.post!;
  const { outer } = ctx;
  if (!ctx.monotone) {
    for (const o of outer) {
      if (o.m.start >= seg.end) break;
      if ((o.m.start < p.authorEnd && o.m.end > p.authorStart) || o.m.start === p.handleStart) return o.entity;
    }
    return null;
  }
  // outer mentions do not overlap: starts and ends both grow along the list. The first one that
  // either overlaps the author's words (the first ending after authorStart, if it starts before
  // authorEnd) or starts at the handle, provided nothing before it starts at or after seg.end.
  let lo = 0,
    hi = outer.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outer[mid]!.m.end > p.authorStart) hi = mid;
    else lo = mid + 1;
  }
  const byAuthor = lo < outer.length && outer[lo]!.m.start < p.authorEnd ? lo : Infinity;
  lo = 0;
  hi = outer.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outer[mid]!.m.start >= p.handleStart) hi = mid;
    else lo = mid + 1;
  }
  const byHandle = lo < outer.length && outer[lo]!.m.start === p.handleStart ? lo : Infinity;
  const i = Math.min(byAuthor, byHandle);
  if (i === Infinity || outer[i]!.m.start >= seg.end) return null;
  return outer[i]!.entity;
}

/** the last person mentioned before token `t` (a few sentences back), agreeing in gender when known */
function resolvePronoun(ctx: Ctx, t: number, person: 'm' | 'f' | 'any', exclude?: Set<Entity>): Entity | null {
  const minStart = ctx.doc.tokens[t]!.start - 1500;
  // the outer mentions starting before t (their token starts grow along the list)
  let lo = 0,
    hi = ctx.outer.length;
  if (ctx.monotone)
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.outer[mid]!.tokStart < t) lo = mid + 1;
      else hi = mid;
    }
  else lo = ctx.outer.length;
  for (let i = lo - 1; i >= 0; i--) {
    const o = ctx.outer[i]!;
    if (o.tokStart >= t) continue;
    if (o.m.start < minStart) break;
    if (o.entity.type !== 'PERSON') continue;
    if (person !== 'any' && o.entity.gender && o.entity.gender !== person) continue;
    if (isPossessor(ctx, o)) continue;
    if (exclude?.has(o.entity)) continue;
    return o.entity;
  }
  return null;
}

function argue(ctx: Ctx, hit: Hit, si: number, a: number, b: number, lastSources: Entity[] = []): RawEvent[] {
  const { doc, lex, norms } = ctx;
  const p = hit.trigger.pattern;
  const trigStart = doc.tokens[hit.start]!.start;
  const trigEnd = doc.tokens[hit.end - 1]!.end;
  const q = ctx.quotes.first(trigStart);
  const direct = q && q.kind !== 'partial' ? q : null;
  const seg = segmentAtFast(doc, trigStart);
  const post = seg?.post && trigStart < seg.post.signatureStart ? seg : null;
  // inside a direct quote or a post, the subject is looked for in the quoted words only
  let limit = a;
  if (direct) limit = Math.max(a, tokenAt(doc.tokens, direct.start));
  // a speaker known only by a description with no country says things but is no actor
  const actorOrNull = (e: Entity | null | undefined): Entity | null => (e && isActor(e) ? e : null);
  const speaker = (): Entity | null => actorOrNull(direct?.speaker) ?? (post ? postAuthor(ctx, post) : null);
  // "I", "we" inside quoted words, even a partial quote, are its speaker
  const firstPerson = (): Entity | null => speaker() ?? (q && q.start <= trigStart ? actorOrNull(q.speaker) : null);

  let sources: Entity[] = [];
  let targets: Entity[] = [];
  let certainty = 0;
  const agents = p.kind === 'verb' ? findAgent(ctx, hit.formEnd, b) : [];
  if (agents.length) {
    // passive: "a été reçu par X", "was received by X"
    sources = agents.map((o) => o.entity);
    // "the videos released by X": a participle right after a noun tells what was done to that noun
    if (reducedRelative(ctx, hit.start, a)) return [];
    const subj = findSubject(ctx, hit.start, limit);
    if (subj?.kind === 'actor') targets = subj.list.map((o) => o.entity);
    else if (subj?.kind === 'pronoun') {
      const e = subj.person === 'first' ? firstPerson() : resolvePronoun(ctx, subj.at, subj.person);
      if (e) {
        targets = [e];
        certainty -= 0.15;
      }
    }
    // "ces propos ont été dénoncés par X", "ils ont été dénoncés par X": X judges their author
    if (!targets.length && JUDGING.has(p.code.slice(0, 2))) {
      const deed = deedBefore(ctx, hit.start, limit, si);
      const e = deed ? deedOwner(ctx, deed, new Set(sources)) : null;
      if (e) {
        targets = [e];
        certainty -= 0.1;
      }
    }
    // "the agreement was signed by X and Y": joint doers of a mutual act act on each other
    if (!targets.length && sources.length > 1 && [...p.target].some((t) => lex.reciprocal.has(t))) {
      targets = [sources[1]!];
      sources = [sources[0]!];
    }
  } else {
    if (p.kind === 'verb' && isPassive(ctx, hit, a)) return [];
    // "her visit to Taiwan": a noun's possessive determiner names its doer, whatever the clause's subject
    const poss = p.kind === 'noun' && hit.start > a ? ctx.w.possessives.get(norms[hit.start - 1]!) : undefined;
    const subj: SubjectFind =
      hit.owner >= 0
        ? { kind: 'actor', list: [ctx.outer[hit.owner]!] }
        : poss
          ? { kind: 'pronoun', person: poss, at: hit.start - 1 }
          : findSubject(ctx, hit.start, limit);
    // "Israel bombed Gaza and imposed sanctions on Iran": the second verb has the first one's subject
    if (lastSources.length && p.kind === 'verb' && afterConjunction(ctx, hit.start, a) && !isInfinitive(ctx, hit, a)) sources = lastSources;
    else if (p.kind === 'verb' && participleAfterComma(ctx, hit, a)) {
      // ", accusing X of …", ", accusant X de …": the participle's doer is the main clause's
      if (lastSources.length) sources = lastSources;
      else {
        const main = findSubject(ctx, hit.start - 1, limit);
        if (main?.kind === 'actor') sources = main.list.map((o) => o.entity);
      }
    } else if (subj?.kind === 'actor') sources = subj.list.map((o) => o.entity);
    else if (subj?.kind === 'pronoun') {
      const e = subj.person === 'first' ? firstPerson() : resolvePronoun(ctx, subj.at, subj.person);
      if (e) sources = [e];
      certainty -= 0.15;
    }
    targets = findTarget(ctx, hit.end, b, p.target, new Set(sources)).map((o) => o.entity);
    // "a averti que le président …": a clause's subject on the doer's own side is no object ("warned that Iran …" is)
    if (
      targets.length &&
      lex.relative.has(norms[skipFiller(ctx, hit.end, b)] ?? '') &&
      targets.some((t) => t.country && sources.some((s) => s.country === t.country))
    )
      targets = [];
    if (!sources.length) {
      const sp = speaker();
      if (sp) {
        sources = [sp];
        certainty -= 0.05;
      }
    }
    // "l'a reçu", "lui a demandé": a clitic object is the last person named (not the subject)
    // (not after a pronoun subject: "il lui a demandé" leaves two people to guess)
    if (!targets.length && sources.length && p.kind === 'verb' && subj?.kind === 'actor') {
      const cl = cliticObject(ctx, hit.start, a);
      const e = cl && p.target.has(cl.slot) ? resolvePronoun(ctx, cl.at, cl.person, new Set(sources)) : null;
      if (e) {
        targets = [e];
        certainty -= 0.15;
      }
    }
    // "a rejeté ces propos", "condemned these remarks": the target is whoever said or did them
    if (!targets.length && sources.length && p.target.has('obj') && JUDGING.has(p.code.slice(0, 2))) {
      const deed = deedAfter(ctx, hit.end, b);
      const e = deed ? deedOwner(ctx, deed, new Set(sources)) : null;
      if (e) {
        targets = [e];
        certainty -= 0.1;
      }
    }
    if (!sources.length && opensSentence(ctx, hit.start, a, b)) {
      // "Lors de sa visite en Italie, le ministre …", "Accusing Pompeo of …, the spokesman …":
      // an introductory phrase takes the subject of the main clause after it
      const subj = findSubjectAfter(ctx, hit.end, b, new Set(targets));
      if (subj) {
        sources = [subj];
        certainty -= 0.1;
      }
    }
    // "les entretiens entre X et Y", "talks between X and Y": with no doer of its own, the pair meets
    if (p.kind === 'noun' && lex.pairing.has(norms[hit.end - 1]!) && MUTUAL.has(p.code.slice(0, 2)) && !p.code.startsWith('045')) {
      // a subject beside them ("a push to secure a ceasefire between X and Y") is not a party: no guess
      if (sources.length) return [];
      if (targets.length > 1) {
        sources = [targets[0]!];
        targets = targets.slice(1);
      }
    }
    if (
      !targets.length &&
      sources.length > 1 &&
      subj?.kind === 'actor' &&
      p.kind === 'verb' &&
      [...p.target].some((t) => lex.reciprocal.has(t)) &&
      prepBefore(ctx, subj.list[0]!.tokStart, limit) === null
    ) {
      // "Turkey and Armenia severed ties": a joint subject acts on itself, one event for the pair
      targets = [sources[1]!];
      sources = [sources[0]!];
    }
  }
  // what the walks above leave empty, the clause layer fills: the trigger verb's subject (agent when
  // passive) and the argument in one of the pattern's slots. (Measured side by side on the devset,
  // letting the layer override the walks lost 0.01–0.02 F1 while this fallback gains: the parser
  // still errs where the tuned walks do not.)
  if (p.kind === 'verb' && (!sources.length || !targets.length)) {
    const ca = clauseActors(doc, hit.start, hit.formEnd, p.target, (prep) => lex.prepositions.get(prep) ?? prep, isActor);
    if (!sources.length && ca?.sources.length) sources = ca.sources;
    if (!targets.length && ca?.targets.length) targets = ca.targets.filter((t) => !sources.includes(t));
  }
  if (!sources.length || !targets.length) return [];

  // an act under a denial in the sentence's tree ("China denied [that it had sent troops]",
  // "[sending troops]", "a démenti [avoir envoyé]", "denied any involvement in [the attack]") is
  // negated, not refused, and the denial is its doer's statement (016)
  const governor = p.code.startsWith('016') ? -1 : governingWord(doc, hit.start, lex.denialVerbs);
  const modality = governor >= 0 ? 'negated' : modalityOf(ctx, hit, a, b);
  // where the tagger missed the denial verb (« La Chine dément avoir envoyé… »), the denial word
  // right before the act, in its clause, still denies it
  const denier = governor >= 0 || p.code.startsWith('016') || modality !== 'negated' ? governor : wordIndexBefore(ctx, hit.start, a, lex.denialVerbs);
  let code = p.code;
  let mod: Modality = modality;
  let intentFrom: string | undefined;
  if (mod === 'negated' && denier < 0 && !wordBefore(ctx, hit.start, a, lex.denial)) {
    // a refused act is a refusal (CAMEO 12x); a denied one stays the act, negated
    const neg = byPrefix(lex.negatedCodes, code);
    if (neg) {
      code = neg;
      mod = 'asserted';
    }
  } else if (mod === 'planned' || wordBefore(ctx, hit.start, a, lex.intent)) {
    // an announced or wished act is coded as the intent to do it (CAMEO 03x)
    const intent = byPrefix(lex.intentCodes, code);
    if (intent) {
      intentFrom = code.slice(0, 2);
      code = intent;
      mod = 'asserted';
    }
  }
  code = refineCode(ctx, code, Math.max(a, hit.start - 3), b);

  const out: RawEvent[] = [];
  const linked = (e: Entity) => (e.actor ? 0.05 : 0);
  for (const s of sources)
    for (const t of targets) {
      if (s === t) continue;
      if (s.country && s.country === t.country && (t.type === 'COUNTRY' || t.type === 'LOCATION' || s.type === 'COUNTRY')) continue;
      out.push({
        code,
        pattern: p,
        source: s,
        target: t,
        modality: mod,
        trigger: { start: trigStart, end: trigEnd },
        sentence: si,
        quote: q,
        confidence: p.weight + certainty + linked(s) + linked(t) - (mod === 'asserted' ? 0 : 0.05),
        intentFrom,
      });
    }
  if (denier >= 0) out.push(...denialsOf(ctx, denier, out, si, q));
  void norms;
  return out;
}

/**
 * The denial of one's own denied acts: the denial verb's subject (its clause's doer, else the act's
 * doer) denies the act it is said to have done, towards the act's target — CAMEO 016, "deny
 * responsibility", asserted: the denial is said, the act is not done. One per pair. Denying what
 * someone else did ("Russia denied that Ukraine had attacked") is no 016 of the denier's.
 */
function denialsOf(ctx: Ctx, denier: number, acts: RawEvent[], si: number, q: Quote | null): RawEvent[] {
  // the denial verb's own 016 pattern (deny, démentir, nier), without a required continuation
  const pattern = ctx.lex.first.get(ctx.norms[denier]!)?.find((x) => x.seq.length === 1 && x.pattern.code === '016' && !x.pattern.then.length)?.pattern;
  if (!pattern) return [];
  const ca = clauseActors(ctx.doc, denier, denier + 1, new Set(), (prep) => prep, isActor);
  const out: RawEvent[] = [];
  const span = { start: ctx.doc.tokens[denier]!.start, end: ctx.doc.tokens[denier]!.end };
  for (const act of acts) {
    const source = ca?.sources[0] ?? act.source;
    if (source !== act.source || out.some((e) => e.target === act.target)) continue;
    const target = act.target;
    out.push({ code: '016', pattern, source, target, modality: 'asserted', trigger: span, sentence: si, quote: q, confidence: pattern.weight });
  }
  return out;
}

/** French clitic objects: the slot they fill and the person they agree with */
/** "l'a reçu", "la félicite" after an auxiliary, "lui a demandé", "lui demande": the clitic before the verb */
function cliticObject(ctx: Ctx, t: number, a: number): { at: number; slot: string; person: 'm' | 'f' | 'any' } | null {
  const { norms, lex } = ctx;
  let k = t - 1;
  while (k >= a && (lex.negationAfter.has(norms[k]!) || lex.cliticAdverbEndings.some((e) => norms[k]!.endsWith(e)))) k--;
  const aux = k >= a && lex.auxiliaries.has(norms[k]!);
  if (aux) k--;
  while (k >= a && lex.negation.has(norms[k]!)) k--;
  if (k < a) return null;
  const c = lex.clitics.get(norms[k]!);
  if (!c || (!aux && c.slot === 'obj')) return null;
  // "de la", "à la": an article, not a clitic
  if (k > a && ctx.w.prepositions.has(norms[k - 1]!)) return null;
  return { at: k, ...c };
}

/** roots of acts two parties do together: meet (04), agree (05), de-escalate (08) */
const MUTUAL = new Set(['04', '05', '08']);

/** roots of acts that judge something said or done: comment (01), approve (05), disapprove (11), accuse (12) */
const JUDGING = new Set(['01', '05', '11', '12']);

interface Deed {
  at: number;
  pointing: boolean;
}

/** a determiner and up to two adjectives before a deed noun at j: the determiner's index, or -1 */
function deedDeterminer(ctx: Ctx, j: number, limit: number): number {
  for (let k = j - 1; k >= Math.max(limit, j - 3); k--) {
    const n = ctx.norms[k]!;
    if (ctx.lex.demonstratives.has(n) || ctx.lex.definite.has(n)) return k;
    if (!PLAIN.test(n) || ctx.w.prepositions.has(n)) return -1;
  }
  return -1;
}

/** the object right after a trigger is "ces propos", "cette décision", "the remarks" */
function deedAfter(ctx: Ctx, from: number, end: number): Deed | null {
  const { norms, lex } = ctx;
  let k = skipFiller(ctx, from, end);
  const adv = lex.infinitive.get('fr')?.adverbEndings ?? [];
  for (let n = 0; n < 2 && k < end && adv.some((e) => norms[k]!.endsWith(e)) && !lex.deedsSaid.has(norms[k]!); n++) k = skipFiller(ctx, k + 1, end);
  if (k >= end || !(lex.demonstratives.has(norms[k]!) || ctx.lex.definite.has(norms[k]!))) return null;
  for (let j = k + 1; j < Math.min(end, k + 4); j++) {
    const n = norms[j]!;
    if (lex.deedsSaid.has(n) || lex.deedsDone.has(n)) return { at: j, pointing: lex.demonstratives.has(norms[k]!) };
    if (!PLAIN.test(n) || ctx.startsAt[j]! >= 0 || ctx.w.prepositions.has(n)) return null;
  }
  return null;
}

/** the subject of a passive is "ces propos", or "ils" for a sentence opening on them */
function deedBefore(ctx: Ctx, t: number, limit: number, si: number): Deed | null {
  const { norms, lex } = ctx;
  let k = t - 1;
  while (k >= limit && (lex.passiveAux.has(norms[k]!) || lex.copulas.has(norms[k]!) || lex.auxiliaries.has(norms[k]!) || lex.skip.has(norms[k]!))) k--;
  if (k < limit) return null;
  const n = norms[k]!;
  if (lex.deedsSaid.has(n) || lex.deedsDone.has(n)) {
    const d = deedDeterminer(ctx, k, limit);
    return d >= 0 ? { at: k, pointing: lex.demonstratives.has(norms[d]!) } : null;
  }
  if (!lex.pluralPronouns.has(n) || k !== limit || si === 0) return null;
  // "Ces propos ont été … . Ils ont été dénoncés par …", "Iran's remarks … . They were condemned by …"
  const prev = ctx.doc.sentences[si - 1]!;
  let j = prev.tokenStart;
  while (j < prev.tokenEnd && isQuoteMark(norms[j]!)) j++;
  if (ctx.startsAt[j]! >= 0 && norms[ctx.outer[ctx.startsAt[j]!]!.tokEnd] === "'s") j = ctx.outer[ctx.startsAt[j]!]!.tokEnd;
  else if (!lex.demonstratives.has(norms[j] ?? '') && !ctx.lex.definite.has(norms[j] ?? '')) return null;
  for (let x = j + 1; x < Math.min(prev.tokenEnd, j + 4); x++) {
    if (lex.deedsSaid.has(norms[x]!) || lex.deedsDone.has(norms[x]!)) return { at: x, pointing: !ctx.lex.definite.has(norms[j]!) };
    if (!PLAIN.test(norms[x]!)) return null;
  }
  return null;
}

/** the actor right after a genitive (de, par, of, by) at k, past determiners and role nouns */
function genitiveActor(ctx: Ctx, k: number, end: number, exclude: Set<Entity>): Entity | null {
  const canon = ctx.lex.prepositions.get(ctx.norms[k]!);
  if (canon !== 'de' && canon !== 'par' && canon !== 'of' && canon !== 'by') return null;
  let j = k + 1;
  while (
    j < end &&
    ctx.startsAt[j]! < 0 &&
    (ctx.lex.determiners.has(ctx.norms[j]!) || ctx.lex.honorifics.has(ctx.norms[j]!) || ctx.lex.agentNouns.has(ctx.norms[j]!))
  )
    j++;
  const oi = j < end ? ctx.startsAt[j]! : -1;
  const e = oi >= 0 ? ctx.outer[oi]!.entity : null;
  return e && isActor(e) && !exclude.has(e) ? e : null;
}

function sentenceOf(ctx: Ctx, t: number): number {
  const ss = ctx.doc.sentences;
  let lo = 0,
    hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.tokenEnd <= t) lo = mid + 1;
    else if (ss[mid]!.tokenStart > t) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * whose words or act "ces propos" are: the same noun told earlier with its author ("les propos
 * de X", "propos … tenus par X", "X's remarks"); for a demonstrative with none, the speaker of the
 * last quote (words) or the doer of the last act (acts) before it
 */
function deedOwner(ctx: Ctx, deed: Deed, exclude: Set<Entity>): Entity | null {
  const { norms, doc } = ctx;
  const stem = (w: string) => w.replace(/[sx]$/, '');
  const noun = stem(norms[deed.at]!);
  const said = ctx.lex.deedsSaid.has(norms[deed.at]!);
  const minChar = doc.tokens[deed.at]!.start - 3000;
  for (let i = deed.at; i >= 0 && doc.tokens[i]!.start >= minChar; i--) {
    if (stem(norms[i]!) !== noun) continue;
    if (i >= 2 && norms[i - 1] === "'s" && ctx.endsAt[i - 2]! >= 0) {
      const e = ctx.outer[ctx.endsAt[i - 2]!]!.entity;
      if (isActor(e) && !exclude.has(e)) return e;
    }
    for (let k = i + 1; k < Math.min(norms.length, i + 11); k++) {
      const n = norms[k]!;
      // "les propos … tenus par X", not "ces propos ont été condamnés par X"
      if (n === '.' || n === ';' || ctx.startsAt[k]! >= 0 || ctx.lex.auxiliaries.has(n) || ctx.lex.passiveAux.has(n) || ctx.lex.copulas.has(n)) break;
      const e = genitiveActor(ctx, k, Math.min(norms.length, k + 12), exclude);
      if (e) return e;
    }
    // "X a tenu des propos …", "X took the decision": the subject of the clause that told them
    if (deed.pointing && i < deed.at) {
      const si = sentenceOf(ctx, i);
      const subj = si >= 0 ? findSubject(ctx, i, doc.sentences[si]!.tokenStart) : null;
      const e = subj?.kind === 'actor' ? subj.list[0]!.entity : null;
      if (e && !exclude.has(e)) return e;
      if (subj) return null;
    }
  }
  if (!deed.pointing) return null;
  const at = doc.tokens[deed.at]!.start;
  if (said) {
    let best: Quote | null = null;
    for (const q of doc.quotes)
      if (q.end <= at && q.start >= minChar && q.speaker && !exclude.has(q.speaker) && isActor(q.speaker) && (!best || q.end > best.end)) best = q;
    return best?.speaker ?? null;
  }
  for (let i = ctx.prior.length - 1; i >= 0; i--) {
    const e = ctx.prior[i]!;
    if (e.trigger.start < minChar) break;
    if (e.trigger.start < at && !exclude.has(e.source)) return e.source;
  }
  return null;
}

/** a present participle right after a comma ("…, accusing", "…, accusant") */
function participleAfterComma(ctx: Ctx, hit: Hit, a: number): boolean {
  const ends = ctx.lex.participleEndings.get(hit.trigger.pattern.lang);
  const form = ctx.norms[hit.start]!;
  if (!ends?.some((e) => form.endsWith(e))) return false;
  let k = hit.start - 1;
  while (k >= a && (ctx.lex.skip.has(ctx.norms[k]!) || ctx.lex.reflexive.has(ctx.norms[k]!))) k--;
  return k > a && ctx.norms[k] === ',';
}

/** the verb at `t` follows a conjunction (past auxiliaries and fillers): "and imposed", "et a imposé" */
function afterConjunction(ctx: Ctx, t: number, a: number): boolean {
  const { norms, lex } = ctx;
  let k = t - 1;
  while (k >= a && (lex.skip.has(norms[k]!) || lex.auxiliaries.has(norms[k]!) || lex.reflexive.has(norms[k]!))) k--;
  return k >= a && norms[k] !== ',' && lex.coordination.has(norms[k]!);
}

/** the trigger stands in a phrase that opens the sentence, before its first comma */
function opensSentence(ctx: Ctx, t: number, a: number, b: number): boolean {
  if (t - a > LONG || b - t > LONG) {
    // a long sentence: the same answer from the document's punctuation indexes
    const ix = punctIndex(ctx);
    if (t > a && ix.prevClausePunct[t - 1]! >= a) return false;
    return t < b && ix.nextComma[t]! < b;
  }
  for (let k = a; k < t; k++) if (ctx.norms[k] === ',' || ctx.norms[k] === ';' || ctx.norms[k] === ':') return false;
  for (let k = t; k < b; k++) if (ctx.norms[k] === ',') return true;
  return false;
}

/** past this many tokens, a scan switches to the document's indexes (built once, on first need) */
const LONG = 48;

function punctIndex(ctx: Ctx): { prevClausePunct: Int32Array; nextComma: Int32Array } {
  if (!ctx.prevClausePunct || !ctx.nextComma) {
    const { norms } = ctx,
      n = norms.length;
    const prev = new Int32Array(n),
      next = new Int32Array(n + 1);
    let last = -1;
    for (let k = 0; k < n; k++) {
      const x = norms[k];
      if (x === ',' || x === ';' || x === ':') last = k;
      prev[k] = last;
    }
    next[n] = n;
    for (let k = n - 1; k >= 0; k--) next[k] = norms[k] === ',' ? k : next[k + 1]!;
    ctx.prevClausePunct = prev;
    ctx.nextComma = next;
  }
  return { prevClausePunct: ctx.prevClausePunct, nextComma: ctx.nextComma };
}

/** token k → the last token ≤ k where findSubject's loop can do anything (-1 when none) */
function subjectWordIndex(ctx: Ctx): Int32Array {
  if (!ctx.prevSubjectWord) {
    const { norms, lex } = ctx,
      n = norms.length;
    const prev = new Int32Array(n);
    let last = -1;
    for (let k = 0; k < n; k++) {
      const x = norms[k]!;
      if (
        ctx.endsAt[k]! >= 0 ||
        x === ';' ||
        CLOSING.has(x) ||
        lex.relative.has(x) ||
        lex.firstPerson.has(x) ||
        lex.agentNouns.has(x) ||
        lex.pronounM.has(x) ||
        lex.pronounF.has(x)
      )
        last = k;
      prev[k] = last;
    }
    ctx.prevSubjectWord = prev;
  }
  return ctx.prevSubjectWord;
}

/** token k → the first token ≥ k where an outer mention starts (n when none) */
function nextStartIndex(ctx: Ctx): Int32Array {
  if (!ctx.nextStart) {
    const n = ctx.norms.length;
    const next = new Int32Array(n + 1);
    next[n] = n;
    for (let k = n - 1; k >= 0; k--) next[k] = ctx.startsAt[k]! >= 0 ? k : next[k + 1]!;
    ctx.nextStart = next;
  }
  return ctx.nextStart;
}

/** the participle at `t` follows a common noun, not a form of "be", a comma, an actor or the sentence start */
function reducedRelative(ctx: Ctx, t: number, a: number): boolean {
  const { norms, lex } = ctx;
  let k = t - 1;
  while (k >= a && (lex.skip.has(norms[k]!) || lex.negation.has(norms[k]!) || lex.negationAfter.has(norms[k]!))) k--;
  if (k < a) return false;
  const n = norms[k]!;
  if (lex.copulas.has(n) || lex.passiveAux.has(n) || ctx.endsAt[k]! >= 0 || lex.relative.has(n) || lex.coordination.has(n) || isQuoteMark(n)) return false;
  if (!/^\p{L}/u.test(n)) return false;
  // a capitalised word is a name the entity layer did not take: leave it be
  const tok = ctx.doc.tokens[k]!;
  return ctx.doc.text[tok.start] !== ctx.doc.text[tok.start]!.toUpperCase();
}

/** "a été reçu" with no "par": the passive names no doer */
function isPassive(ctx: Ctx, hit: Hit, a: number): boolean {
  // "was cutting": a progressive, not a passive
  if (ctx.lex.participleEndings.get(hit.trigger.pattern.lang)?.some((e) => ctx.norms[hit.start]!.endsWith(e))) return false;
  for (let k = hit.start - 1; k >= Math.max(a, hit.start - 3); k--) {
    const n = ctx.norms[k]!;
    if (ctx.lex.passiveAux.has(n)) return true;
    if (!ctx.lex.skip.has(n) && !ctx.lex.negation.has(n) && !ctx.lex.negationAfter.has(n)) return false;
  }
  return false;
}

function findSubjectAfter(ctx: Ctx, from: number, end: number, exclude: Set<Entity>): Entity | null {
  let steps = 0;
  for (let k = from; k < end; k++) {
    if (++steps > LONG) {
      k = nextStartIndex(ctx)[k]!;
      if (k >= end) break;
    }
    const oi = ctx.startsAt[k]!;
    if (oi < 0) continue;
    const o = ctx.outer[oi]!;
    k = o.tokEnd - 1;
    if (!isActor(o.entity) || exclude.has(o.entity) || isPossessor(ctx, o)) continue;
    if (prepBefore(ctx, o.tokStart, from) === null) return o.entity;
  }
  return null;
}

function modalityOf(ctx: Ctx, hit: Hit, a: number, b: number): Modality {
  const { norms, lex } = ctx;
  const from = Math.max(a, hit.start - 4);
  let negated = false,
    hypo = false,
    planned = false;
  for (let k = hit.start - 1; k >= from; k--) {
    const n = norms[k]!;
    if (n === ',' || n === ';') break;
    if (lex.denial.has(n)) negated = true;
    else if (lex.negation.has(n)) {
      if (n === 'ne' || n === "n'") negated ||= anyIn(norms, Math.max(a, k - 3), Math.min(b, hit.end + 2), lex.negationAfter);
      else negated = true;
    }
    // a capitalised modal inside the sentence is a name or a month ("in May 2018")
    if (lex.hypothetical.has(n) && !(k > a && /^\p{Lu}/u.test(ctx.doc.text[ctx.doc.tokens[k]!.start]!))) hypo = true;
    if (lex.planned.has(n)) planned = true;
  }
  if (negated) return 'negated';
  if (hit.trigger.modality === 'hypothetical' || hypo) return 'hypothetical';
  if (hit.trigger.modality === 'planned' || planned) return 'planned';
  return 'asserted';
}

/** one of these words in the five tokens before the trigger, in the same clause */
function wordBefore(ctx: Ctx, t: number, a: number, words: Set<string>): boolean {
  return wordIndexBefore(ctx, t, a, words) >= 0;
}

/** the nearest of these words in the five tokens before the trigger, in the same clause, or -1 */
function wordIndexBefore(ctx: Ctx, t: number, a: number, words: Set<string>): number {
  for (let k = t - 1; k >= Math.max(a, t - 5); k--) {
    const n = ctx.norms[k]!;
    if (n === ',' || n === ';') break;
    if (words.has(n)) return k;
  }
  return -1;
}

/** sub-codes told by words of the clause after the trigger (appeler … à la désescalade → 0256) */
function refineCode(ctx: Ctx, code: string, from: number, end: number): string {
  const { lex, norms } = ctx;
  for (const r of lex.refinements) {
    if (!r.from.some((f) => code === f || (code.startsWith(f) && code.length === 3 && code.endsWith('0')))) continue;
    const stop = Math.min(end, from + 20);
    for (let k = from; k < stop; k++) {
      for (const w of r.words) {
        if (norms[k] !== w[0] || k + w.length > end) continue;
        let ok = true;
        for (let x = 1; x < w.length; x++)
          if (norms[k + x] !== w[x]) {
            ok = false;
            break;
          }
        if (ok) return r.code;
      }
    }
  }
  return code;
}
