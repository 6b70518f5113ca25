// Speakers the text describes without naming ("prosecutors said", "une source proche du dossier a
// affirmé", "according to a senior official"): when attribution finds no entity for a quote with
// a cue, the cue verb's subject (or the phrase after 'according to' / 'selon') is read from the
// clause layer. An actor mentioned there becomes the speaker; a description with no actor becomes
// a description entity (actor null, the country of a demonym or place inside it), so that the quote
// says who spoke as precisely as the text does.
import type { Doc, Entity, Mention, Quote } from '../doc.js';
import type { EntityType } from '../analysis.js';
import { fold } from '../text/normalize.js';
import { tokenAt } from '../text/tokens.js';

const ACTOR_TYPES = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'GROUP']);
const NOMINAL = new Set(['NOUN', 'PROPN']);
const DETERMINER = new Set(['DET']);

/** Words that make a description an organisation (ministère, union, company…), per language pack. */
export function organisationHeads(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const pack of doc.packs.values()) {
    for (const w of pack.files.roles?.orgHeads ?? []) out.add(fold(w));
    for (const [w, t] of Object.entries(pack.files.roles?.typeNouns ?? {})) if (t === 'ORGANIZATION') out.add(fold(w));
  }
  return out;
}

/** Document nouns (communiqué, statement, report…) and indefinite articles of every pack (speech.json). */
function documentWords(doc: Doc): { documents: string[][]; indefinites: Set<string> } {
  const documents: string[][] = [];
  const indefinites = new Set<string>();
  for (const pack of doc.packs.values()) {
    for (const w of pack.files.speech?.documents ?? []) documents.push(fold(String(w)).split(/\s+/));
    for (const w of pack.files.speech?.indefinites ?? []) indefinites.add(fold(String(w)));
  }
  return { documents, indefinites };
}

/** Words introducing whom one speaks to (à, to), and verbs whose object it is (told): the speech lexicon's. */
export interface AddresseeWords {
  words: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
}

interface Phrase {
  start: number;
  end: number;
  head: number;
  upos: readonly string[];
  offset: number;
}

/**
 * Who the cue in tokens [from, to) names: the subject (or agent) of the clause a cue verb heads, else
 * — for 'according to X', 'selon X', where the cue heads no clause — the nominal phrase right after
 * the cue (up to punctuation or the next verb, by the tagger's parts of speech).
 */
function cuePhrase(doc: Doc, from: number, to: number, addressee: AddresseeWords): Phrase | null {
  const layer = doc.clauses;
  if (!layer) return null;
  const si = doc.tokens[from]?.sentence ?? -1;
  const tree = layer.trees[si];
  if (!tree) return null;
  const offset = layer.treeStart[si]!;
  // "à", "to" before whom one speaks to; or a verb whose object that is ("told")
  const isAddressee = (k: number) => (addressee.words.has(doc.tokens[k]!.norm) && tree.upos[k - offset] === 'ADP') || addressee.verbs.has(doc.tokens[k]!.norm);
  // whom one speaks to is named: "à l'AFP", "to Reuters" (not "au téléphone")
  const namedAt = (k: number) => k < doc.tokens.length && layer.mentionAt[k]! >= 0;
  let verbCue = false;
  for (let t = from; t < to; t++) {
    const c = layer.predicateAt[t]!;
    if (c < 0) continue;
    verbCue = true;
    const clause = layer.clauses[c]!;
    // a speech verb's speaker: its agent when it has one (« a été annoncé par X »), else its subject
    const arg = clause.args.find((x) => x.role === 'agent') ?? clause.args.find((x) => x.role === 'subj' && x.inherited !== 'relative');
    if (!arg) continue;
    // whom it was said to is not the speaker ("a déclaré à l'AFP un responsable"): read on after it
    let k0 = arg.start - 1;
    let first = arg.start;
    while (first < arg.end && tree.upos[first - offset] === 'DET') first++;
    if (k0 >= 0 && tree.upos[k0 - offset] === 'DET') k0--;
    if (k0 >= to - 1 && isAddressee(k0) && namedAt(first)) {
      // "…," one resident told Reuters: the phrase right before the verb, else the one after whom
      const before = phraseBefore(doc, from, offset);
      if (before) return before;
      to = arg.end;
      break;
    }
    // nor part of it ("un habitant de Lorient à l'AFP")
    let end = arg.end;
    for (let k = arg.head + 1; k < end; k++) if (addressee.words.has(doc.tokens[k]!.norm) && tree.upos[k - offset] === 'ADP') end = k;
    return { start: arg.start, end, head: arg.head, upos: tree.upos, offset };
  }
  const end = Math.min(doc.sentences[si]!.tokenEnd, to + MAX_AFTER_CUE);
  // "a déclaré à l'AFP un responsable", "told Reuters one resident": past whom it was said to
  if (verbCue && to - 1 >= from && addressee.verbs.has(doc.tokens[to - 1]!.norm)) {
    const before = phraseBefore(doc, from, offset);
    if (before) return before;
  }
  // the name of whom it was said to, after the cue's "à"/"to" or after one right behind the cue
  let named = to - 1 >= from && isAddressee(to - 1) ? to : to < end && isAddressee(to) ? to + 1 : -1;
  while (named >= 0 && named < end && tree.upos[named - offset] === 'DET') named++;
  if (verbCue && named >= 0 && namedAt(named)) {
    to = named;
    while (to < end && (tree.upos[to - offset] === 'PROPN' || tree.upos[to - offset] === 'NOUN')) to++;
  }
  let last = -1,
    head = -1;
  for (let t = to; t < end; t++) {
    const upos = tree.upos[t - offset];
    if (
      upos === undefined ||
      !PHRASE_TAGS.has(upos) ||
      (verbCue && head >= 0 && isAddressee(t) && namedAt(t + 1 + (tree.upos[t + 1 - offset] === 'DET' ? 1 : 0)))
    )
      break;
    if (upos === 'NOUN' || upos === 'PROPN') {
      if (head < 0) head = t;
      last = t;
    } else if (upos === 'ADJ' || upos === 'NUM') last = Math.max(last, head >= 0 ? t : -1);
  }
  if (head < 0) return null;
  return { start: to, end: last + 1, head: nominalHead(tree, offset, to, last), upos: tree.upos, offset };
}

/**
 * The head of the nominal phrase [start, last]: the noun whose own head lies outside the phrase
 * (army officer → officer), else its first noun; -1 when it has none.
 */
function nominalHead(tree: { upos: readonly string[]; head: ArrayLike<number> }, offset: number, start: number, last: number): number {
  const noun = (t: number) => tree.upos[t - offset] === 'NOUN' || tree.upos[t - offset] === 'PROPN';
  let first = -1;
  for (let t = start; t <= last; t++) {
    if (!noun(t)) continue;
    if (first < 0) first = t;
    const h = tree.head[t - offset]! + offset;
    if (h < start || h > last) return t;
  }
  return first;
}

/** The nominal phrase ending right before token `from` in its sentence (a nurse at the hospital), or null. */
function phraseBefore(doc: Doc, from: number, offset: number): Phrase | null {
  const si = doc.tokens[from]!.sentence;
  const tree = doc.clauses!.trees[si]!;
  const upos = tree.upos;
  const sentStart = doc.sentences[si]!.tokenStart;
  let start = from;
  while (start - 1 >= sentStart && start - 1 >= offset && PHRASE_TAGS.has(upos[start - 1 - offset] ?? '')) start--;
  // it opens with a determiner or a noun, not with a preposition
  while (start < from && upos[start - offset] === 'ADP') start++;
  const head = nominalHead(tree, offset, start, from - 1);
  return head < 0 ? null : { start, end: from, head, upos, offset };
}

/** how far after an 'according to' cue its phrase may run, in tokens */
const MAX_AFTER_CUE = 10;
/** parts of speech inside a nominal phrase after a cue (a senior official at the ministry) */
const PHRASE_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP']);

/** Gives each speakerless quote with a cue the actor or description its clause names. */
export function describeUnnamedSpeakers(doc: Doc, quotes: Quote[], addressee: AddresseeWords): void {
  if (!doc.clauses) return;
  const orgHeads = organisationHeads(doc);
  const words = documentWords(doc);
  const made = new Map<string, Entity>();
  for (const q of quotes) {
    if (q.speaker || !q.cueSpan) continue;
    const from = tokenAt(doc.tokens, q.cueSpan.start),
      to = tokenAt(doc.tokens, q.cueSpan.end);
    const ph = cuePhrase(doc, from, to, addressee);
    if (!ph || ph.start >= ph.end) continue;
    // inside the quote itself is no speaker
    if (doc.tokens[ph.start]!.start < q.end && doc.tokens[ph.end - 1]!.end > q.start) continue;
    // a document speaks for whoever issued it: "un communiqué du ministère", "a statement from the army"
    const doc_ = isDocument(doc, ph, words.documents);
    const issuer = doc_ ? issuerOf(doc, ph, q.start) : null;
    if (issuer) {
      q.speaker = issuer;
      continue;
    }
    const named = actorIn(doc, ph);
    if (named) {
      q.speaker = named;
      continue;
    }
    if (!NOMINAL.has(ph.upos[ph.head - ph.offset] ?? '')) continue;
    // "the ministry said in a statement", "le ministère a précisé": a definite body noun alone is the
    // body of that kind the text named before (the Moroccan foreign ministry)
    const body = !doc_ && orgHeads.has(doc.tokens[ph.head]!.norm) && definiteBare(doc, ph, words.indefinites) ? namedBodyBefore(doc, ph.head, q.start) : null;
    q.speaker = body ?? descriptionEntity(doc, ph, orgHeads, made);
  }
}

/** the phrase's head is a document noun of a pack (a multi-word one spelled out around the head) */
function isDocument(doc: Doc, ph: Phrase, documents: string[][]): boolean {
  const toks = doc.tokens;
  const head = toks[ph.head]!.norm;
  return documents.some((words) => {
    const k = words.indexOf(head);
    if (k < 0) return false;
    const first = ph.head - k;
    return first >= ph.start && first + words.length <= ph.end && words.every((w, i) => toks[first + i]!.norm === w);
  });
}

/**
 * Who issued the document the phrase names: an actor mentioned in the phrase (a statement from the
 * Ministry of Defence, un communiqué de la présidence), else a body noun after the document noun that
 * stands for a body the text named before it, before or after the document noun ("un communiqué du ministère" after "le ministère
 * marocain des Affaires étrangères", "a ministry statement").
 */
function issuerOf(doc: Doc, ph: Phrase, before: number): Entity | null {
  const at = doc.clauses!.mentionAt;
  for (let t = ph.start; t < ph.end; t++) {
    if (t === ph.head) continue;
    const m = at[t]!;
    if (m < 0 || doc.mentions[m]!.via === 'pronoun' || doc.mentions[m]!.via === 'description') continue;
    const e = doc.entities[doc.mentions[m]!.entity];
    if (e && ACTOR_TYPES.has(e.type)) return e;
  }
  for (let t = ph.start; t < ph.end; t++) {
    if (t === ph.head || ph.upos[t - ph.offset] !== 'NOUN') continue;
    const body = namedBodyBefore(doc, t, before);
    if (body) return body;
  }
  return null;
}

/** the phrase is a definite article (or none) and its head: "the ministry", "le ministère" */
function definiteBare(doc: Doc, ph: Phrase, indefinites: Set<string>): boolean {
  for (let t = ph.start; t < ph.end; t++) {
    if (t === ph.head) continue;
    if (!DETERMINER.has(ph.upos[t - ph.offset] ?? '') || indefinites.has(doc.tokens[t]!.norm)) return false;
  }
  return true;
}

/**
 * The organisation named last before `limit` (a character offset) whose mention holds the word of
 * token t as a word of its own (ministère → "le ministère marocain des Affaires étrangères"), when
 * the knowledge base or the text gave it a country or an actor; else null.
 */
function namedBodyBefore(doc: Doc, t: number, limit: number): Entity | null {
  const word = doc.tokens[t]!.norm;
  const wordStart = doc.tokens[t]!.start;
  let best: { e: Entity; at: number } | null = null;
  for (const m of doc.mentions) {
    if (m.via === 'description' || m.via === 'pronoun' || m.type !== 'ORGANIZATION' || m.end > Math.min(limit, wordStart) || (best && m.end <= best.at))
      continue;
    const e = doc.entities[m.entity];
    if (!e || (!e.actor && !e.country)) continue;
    if (
      fold(m.text)
        .split(/[\s'’-]+/)
        .includes(word)
    )
      best = { e, at: m.end };
  }
  return best?.e ?? null;
}

/**
 * The actor the phrase names: the one mentioned at its head word, else a person named inside it
 * (an apposition). A country or body that only modifies the head (a Congolese officer, a source
 * close to the ministry) does not make the speaker: it gives the description its country.
 */
function actorIn(doc: Doc, ph: Phrase): Entity | null {
  const at = doc.clauses!.mentionAt;
  const entityAt = (t: number): Entity | null => {
    const m = at[t]!;
    if (m < 0 || doc.mentions[m]!.via === 'pronoun') return null;
    const e = doc.entities[doc.mentions[m]!.entity];
    return e && ACTOR_TYPES.has(e.type) ? e : null;
  };
  const head = entityAt(ph.head);
  if (head) return head;
  for (let t = ph.start; t < ph.end; t++) {
    const e = entityAt(t);
    if (e?.type === 'PERSON') return e;
  }
  return null;
}

/** A description entity for the phrase (one per distinct wording in the document). */
function descriptionEntity(doc: Doc, ph: Phrase, orgHeads: Set<string>, made: Map<string, Entity>): Entity {
  const toks = doc.tokens;
  const start = toks[ph.start]!.start,
    end = toks[ph.end - 1]!.end;
  const text = doc.text.slice(start, end);
  // the name drops a leading determiner (the, une, les): "senior official", "source proche du dossier"
  let nameStart = ph.start;
  while (nameStart < ph.end - 1 && DETERMINER.has(ph.upos[nameStart - ph.offset] ?? '')) nameStart++;
  const name = doc.text.slice(toks[nameStart]!.start, end);
  const key = fold(name);
  const type: EntityType = orgHeads.has(toks[ph.head]!.norm) ? 'ORGANIZATION' : 'PERSON';
  let country: string | null = null;
  const at = doc.clauses!.mentionAt;
  for (let t = ph.start; t < ph.end && !country; t++) {
    const m = at[t]!;
    if (m >= 0) country = doc.entities[doc.mentions[m]!.entity]?.country ?? null;
  }
  let e = made.get(key);
  if (!e) {
    e = { id: '', type, name, actor: null, country, role: null, code: null, roleKind: null, gender: null, mentions: [] };
    made.set(key, e);
    doc.entities.push(e);
  }
  const mention: Mention = { start, end, text, via: 'description', type, actor: null, country, entity: doc.entities.indexOf(e) };
  doc.mentions.push(mention);
  e.mentions.push(mention);
  return e;
}
