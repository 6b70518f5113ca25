// Finding mentions in one document: knowledge-base names, role descriptions, titles and honorifics
// before names, capitalised sequences (people and bodies the knowledge base does not know), demonyms.
import type { EntityType } from '../analysis.js';
import type { Doc } from '../doc.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { Actor, NameEntry } from '../kb/types.js';
import type { Token } from '../text/tokens.js';
import type { Gazetteer } from './gazetteer.js';
import { matchPhrase, type EntityLexicon, type RoleTerm } from './lexicon.js';
import { within } from '../kb/dates.js';
import { isCommonGivenName } from './given-names.js';

/** A span the recogniser found, before clustering into entities. */
export interface Candidate {
  start: number; // token index
  end: number; // token index (exclusive)
  via: 'kb' | 'name' | 'role' | 'demonym' | 'metonym' | 'location' | 'kingdom' | 'body';
  /** generic bodies: the organisation kind (foreign-ministry…) and the name pattern */
  bodyKind?: { kind: string; name: string | null };
  type: EntityType;
  actor: string | null;
  country: string | null;
  /** role descriptions and titles */
  role?: RoleInfo;
  /** a name introduced by a title, an honorific or an apposition: the role describes it */
  titled?: boolean;
  /** the role candidate an apposition or a title links to this name */
  appositionOf?: Candidate;
  /** a lone capitalised word that only counts as the surname of a person named elsewhere */
  weak?: boolean;
  /** ambiguous knowledge-base entries resolved later by context */
  entries?: NameEntry[];
  /** the gender an honorific before the name states (M., Mme, Mr, Ms) */
  gender?: 'm' | 'f';
  /** a demonym of a place below the state ("marseillais"), not of the state itself */
  placeDemonym?: boolean;
  /** a title before the name that only titles do ("Auditor", "Cllr", "le préfet"): the person's role */
  title?: string;
}

export interface RoleInfo {
  term: RoleTerm;
  country: string | null;
  org: string | null;
  former: boolean;
  counterpart: boolean;
  /** token span of the role noun itself (for titles) */
  text: string;
}

const SENT_PUNCT = /^[.!?;:…]$/;

export function findCandidates(doc: Doc, kb: KnowledgeBase, gaz: Gazetteer, lex: EntityLexicon): Candidate[] {
  const toks = doc.tokens;
  const out: Candidate[] = [];
  const taken = new Uint8Array(toks.length); // tokens inside a name candidate
  // roleEnd[k]: where a role phrase of k's sentence covering token k (not at its start) ends;
  // one array for the document (sentences do not overlap), not one per sentence
  const roleEnd = new Int32Array(toks.length);
  // candidates by their first token, so that look-ups stay local on long texts
  const at = new Map<number, Candidate[]>();
  const startingAt = (k: number) => at.get(k) ?? NONE;
  const index = (c: Candidate) => {
    const l = at.get(c.start);
    if (l) l.push(c);
    else at.set(c.start, [c]);
  };
  const removed = new Set<Candidate>();
  // words the text also writes in lower case are common nouns, not names ("Officials said")
  const lowerWords = lowerCaseWords(toks);
  const opensName = (t: Token, isTaken: number) =>
    !isTaken && t.cap && t.kind === 'word' && !lex.notNames.has(t.norm) && !lex.stopwords.has(t.norm) && !lowerWords.has(t.norm) && isCommonGivenName(t.text);
  const push = (c: Candidate) => {
    out.push(c);
    index(c);
  };
  const date = doc.published;

  for (const sent of doc.sentences) {
    const a = sent.tokenStart,
      b = sent.tokenEnd;
    const lowerRuns = lex.lowerCaseBodyNames.has(doc.segments[sent.segment]?.language ?? doc.language);
    const L = sentenceMatches(gaz, lex, toks, a, b);
    // role nouns own their words: "chef de la diplomatie française" is a person, not the ministry
    for (let i = a; i < b; i++) {
      const r = L.role(i);
      if (r) for (let k = i + 1; k < r.end; k++) roleEnd[k] = Math.max(roleEnd[k]!, r.end);
    }
    // a name that a role phrase cuts in two ("chef de la | diplomatie française") yields to the role;
    // one the role phrase contains whole ("porte-parole du département d'État") is kept
    const cutByRole = (i: number, end: number) => i >= a && i < b && roleEnd[i]! > i && roleEnd[i]! < end;
    // 1. knowledge-base names, longest first, left to right
    for (let i = a; i < b; i++) {
      const m = L.name(i);
      if (!m) continue;
      const allOrgs = m.entries.every((e) => kb.actors.get(e.actor)?.type === 'ORGANIZATION');
      // "Sadia Bibi", "Jill Biden": a common given name before a known person's one-word name
      // makes the name of somebody else, whom pass 3 finds
      if (m.end - i === 1 && i > a && m.entries.every((e) => kb.actors.get(e.actor)?.type === 'PERSON') && opensName(toks[i - 1]!, taken[i - 1]!)) continue;
      if (cutByRole(i, m.end) && allOrgs) continue;
      // "Haut Conseil de sécurité": a capitalised word before a body's name makes another name
      if (
        allOrgs &&
        i > a &&
        lex.orgHeads.has(toks[i]!.norm) &&
        /^\p{Lu}\p{Ll}+$/u.test(toks[i - 1]!.text) &&
        !taken[i - 1] &&
        !lex.notNames.has(toks[i - 1]!.norm) &&
        !lex.determiners.has(toks[i - 1]!.norm) &&
        !gaz.match(toks, i - 1, i)
      )
        continue;
      // "Antalya Diplomacy Forum": a place's name opening the name of a body is part of it
      if (
        m.end < b &&
        toks[m.end]!.cap &&
        m.entries.every((e) => {
          const t = kb.actors.get(e.actor)?.type;
          return t === 'LOCATION' || t === 'COUNTRY';
        }) &&
        m.entries.every((e) => e.kind !== 'demonym')
      ) {
        const rest = nameSpan(toks, m.end, b, lex, taken, lowerRuns);
        if (rest && rest[0] === m.end && toks.slice(rest[0], rest[1]).some((t) => lex.orgHeads.has(t.norm) && t.cap) && !L.name(m.end)) {
          pushName(push, taken, toks, i, rest[1], 'ORGANIZATION', false);
          i = rest[1] - 1;
          continue;
        }
      }
      // "Nancy Okafor", "Orlando Pérez": a place's one-word name that is also a given name, before
      // a capitalised word no name starts with, opens a person's name (not after "in", "à"…)
      if (
        m.end - i === 1 &&
        m.end < b &&
        toks[m.end]!.cap &&
        toks[m.end]!.kind === 'word' &&
        toks[m.end]!.sentence === toks[i]!.sentence &&
        m.entries.every((e) => kb.actors.get(e.actor)?.type === 'LOCATION' || !!e.place) &&
        !(i > a && lex.locationPrepositions.has(toks[i - 1]!.norm)) &&
        !lex.placeHeads.has(toks[m.end]!.norm) &&
        !lex.orgHeads.has(toks[m.end]!.norm) &&
        !(L.name(m.end)?.entries.some((x) => kb.actors.get(x.actor)?.type !== 'PERSON') ?? false) &&
        (gaz.firstNames.has(toks[i]!.norm) || isCommonGivenName(toks[i]!.text))
      )
        continue;
      // "le mausolée Mohammed V": a place named after a person
      if (i > a && lex.namedPlaceNouns.has(toks[i - 1]!.norm) && !toks[i - 1]!.cap && !taken[i - 1]) {
        pushName(push, taken, toks, i - 1, m.end, 'LOCATION', false);
        i = m.end - 1;
        continue;
      }
      const c = kbCandidate(doc, kb, toks, i, m.end, m.entries, lex, date);
      if (c) {
        push(c);
        for (let k = i; k < m.end; k++) taken[k] = 1;
        i = m.end - 1;
      }
    }
    // 1b. generic names of bodies: "le ministère des Affaires étrangères", "Iranian foreign ministry"
    for (let i = a; i < b; i++) {
      if (taken[i]) continue;
      const body = bodyAt(toks, i, b, lex, L, kb);
      if (!body || cutByRole(body.start, body.end)) continue;
      push(body);
      for (let k = body.start; k < body.end; k++) taken[k] = 1;
      i = body.end - 1;
    }
    // 2. honorifics and titles before names; role descriptions
    for (let i = a; i < b; i++) {
      const titled = taken[i] ? null : titleBeforeName(toks, i, b, lex, taken, lowerRuns, startingAt, removed);
      if (titled) {
        for (let k = i; k < titled.nameStart; k++) taken[k] = 1;
        const c = titled.known ?? pushName(push, taken, toks, titled.nameStart, titled.nameEnd, 'PERSON', true);
        c.titled = true;
        c.title = toks
          .slice(i, titled.nameStart)
          .map((t) => t.text)
          .join(' ');
        i = c.end - 1;
        continue;
      }
      const h = matchPhrase(lex.honorifics, toks, i, b);
      if (h && !taken[i]) {
        let j = h.end;
        // "SM le Roi Mohammed VI": honorific, article, title
        while (j < b && lex.determiners.has(toks[j]!.norm)) j++;
        const title = L.role(j);
        if (title) j = title.end;
        const known = startingAt(j).find((c) => c.type === 'PERSON' && !removed.has(c));
        const name = known ? null : nameSpan(toks, j, b, lex, taken, lowerRuns);
        if (known || name) {
          for (let k = i; k < j; k++) taken[k] = 1;
          const gender = lex.honorificGender.get(
            toks
              .slice(i, h.end)
              .map((t) => t.norm)
              .join(' '),
          );
          if (known) known.titled = true;
          else {
            const c = pushName(push, taken, toks, name![0], name![1], 'PERSON', true);
            if (gender) c.gender = gender;
          }
          i = (known ? known.end : name![1]) - 1;
          continue;
        }
      }
      const r = roleAt(doc, toks, i, a, b, lex, L, kb, taken);
      if (r) {
        push(r.cand);
        const roleCand = r.cand;
        // a name right after the role ("President Donald Trump", "son homologue marocain Nasser Bourita")
        // or in apposition after a comma ("Le chef de la diplomatie israélienne, Yaïr Lapid,")
        let j = r.cand.end;
        const comma = j < b && toks[j]!.text === ',';
        if (comma) j++;
        const hon = j < b ? matchPhrase(lex.honorifics, toks, j, b) : null;
        if (hon && !comma) {
          for (let k = j; k < hon.end; k++) taken[k] = 1;
          j = hon.end;
        }
        const existing = startingAt(j).find((c) => c.via === 'kb' && c.type === 'PERSON' && !removed.has(c));
        if (existing) {
          existing.titled = true;
          existing.appositionOf = roleCand;
        } else if (!taken[j] && (r.cand.role!.term.title || comma)) {
          const name = nameSpan(toks, j, b, lex, taken, lowerRuns);
          if (name && (!comma || looksLikePersonName(toks, name[0], name[1], gaz))) {
            pushName(push, taken, toks, name[0], name[1], 'PERSON', true).appositionOf = roleCand;
            i = name[1] - 1;
            continue;
          }
        }
        i = r.cand.end - 1;
      }
    }
    // 3. capitalised sequences nobody claimed
    for (let i = a; i < b; i++) {
      if (taken[i] || !toks[i]!.cap || toks[i]!.kind === 'punct') continue;
      const span = nameSpan(toks, i, b, lex, taken, lowerRuns, (k) => {
        const c = startingAt(k).find(
          (x) => (x.type === 'COUNTRY' || x.type === 'LOCATION' || x.type === 'ORGANIZATION') && x.via !== 'demonym' && x.via !== 'body' && !removed.has(x),
        );
        return c ? c.end : -1;
      });
      if (!span) continue;
      const [s, e] = span;
      // the place is part of the body's name now
      for (let k = s; k < e; k++) for (const c of startingAt(k)) if (c.end <= e && c.via !== 'role') removed.add(c);
      const type = guessType(toks, s, e, a, lex, gaz, lowerWords);
      // "le mausolée Mohammed V": the place noun belongs to the name
      const placeNoun = s > a && lex.namedPlaceNouns.has(toks[s - 1]!.norm) && !toks[s - 1]!.cap && !taken[s - 1];
      if (placeNoun) pushName(push, taken, toks, s - 1, e, 'LOCATION', false);
      else if (type) pushName(push, taken, toks, s, e, type, false);
      else if (e - s === 1 && toks[s]!.kind === 'word' && !lex.notNames.has(toks[s]!.norm) && !lex.stopwords.has(toks[s]!.norm)) {
        // a lone capitalised word ("Cavusoglu said"): kept only if it is the surname of someone named elsewhere
        pushName(push, taken, toks, s, e, 'PERSON', false).weak = true;
      }
      i = e - 1;
    }
    // 4. "le Royaume" / "the Kingdom": the kingdom the article is about
    for (let i = a; i < b; i++) {
      if (taken[i] || !toks[i]!.cap) continue;
      const form = lex.kingdomWords.get(toks[i]!.norm);
      if (form && i > a && lex.determiners.has(toks[i - 1]!.norm))
        push({
          start: i,
          end: i + 1,
          via: 'kingdom',
          type: 'COUNTRY',
          actor: null,
          country: null,
          role: undefined,
          entries: undefined,
          titled: false,
          appositionOf: undefined,
          ...{ kingdomForm: form },
        } as Candidate);
    }
  }
  return out.filter((c) => !removed.has(c)).sort((x, y) => x.start - y.start || y.end - x.end);
}

const NONE: Candidate[] = [];

/** the words a text writes in lower case somewhere: common nouns there, not names ("Officials said", "the Defense Treaty") */
export function lowerCaseWords(toks: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (const t of toks) if (!t.cap && t.kind === 'word') words.add(t.norm);
  return words;
}

type NameMatch = { end: number; entries: NameEntry[] };
type RoleMatch = { end: number; value: RoleTerm };

/** Gazetteer and role-term matches running to the end of one sentence, each position matched once:
 *  the passes over a sentence ask about the same tokens again and again. The results are shared,
 *  so callers only read them. */
interface SentenceMatches {
  /** gaz.match(toks, i, b) */
  name(i: number): NameMatch | null;
  /** matchPhrase(lex.roles, toks, i, b) */
  role(i: number): RoleMatch | null;
}

function sentenceMatches(gaz: Gazetteer, lex: EntityLexicon, toks: Token[], a: number, b: number): SentenceMatches {
  return {
    name: memoAt(a, b, (i) => gaz.match(toks, i, b)),
    role: memoAt(a, b, (i) => matchPhrase(lex.roles, toks, i, b)),
  };
}

/** f(i), computed once for each position a..b (b itself included); outside it, every time */
function memoAt<T>(a: number, b: number, f: (i: number) => T): (i: number) => T {
  const done: (T | undefined)[] = new Array(b - a + 1).fill(undefined); // undefined: not asked yet
  return (i) => {
    if (i < a || i > b) return f(i);
    let m = done[i - a];
    if (m === undefined) done[i - a] = m = f(i);
    return m;
  };
}

function pushName(push: (c: Candidate) => void, taken: Uint8Array, toks: Token[], s: number, e: number, type: EntityType, titled: boolean): Candidate {
  const c: Candidate = { start: s, end: e, via: 'name', type, actor: null, country: null, titled };
  push(c);
  for (let k = s; k < e; k++) taken[k] = 1;
  return c;
}

const ACTOR_SLOT_WORDS = new Set(['avec', 'with', 'entre', 'between', 'and', 'et', 'que', 'that', 'par', 'by', 'selon', 'contre', 'against']);

/** "ministère (israélien) des Affaires étrangères (du Maroc)", "(Iranian) Foreign Ministry": a body of a state */
function bodyAt(toks: Token[], i: number, b: number, lex: EntityLexicon, L: SentenceMatches, kb: KnowledgeBase): Candidate | null {
  let country: string | null = null;
  let s = i;
  let j = i;
  // English: the state before the body
  const pre = L.name(i);
  const preCountry = pre?.entries.find((e) => kb.actors.get(e.actor)?.type === 'COUNTRY');
  if (pre && preCountry) {
    country = preCountry.actor;
    j = pre.end;
  }
  let hit = matchPhrase(lex.bodies, toks, j, b);
  if (!hit && !country) {
    // French: a demonym inside the name ("ministère israélien des Affaires étrangères")
    const head = lex.bodies.next.get(toks[j]!.norm);
    const dem = head && j + 1 < b ? L.name(j + 1) : null;
    const d = dem?.entries.find((e) => e.kind === 'demonym');
    if (head && dem && d) {
      let node: typeof head | undefined = head;
      for (let k = dem.end; k < b && node; k++) {
        node = node.next.get(toks[k]!.norm);
        if (node?.value) hit = { end: k + 1, value: node.value };
      }
      if (hit) country = d.actor;
    }
  }
  if (!hit) return null;
  if (!pre || !preCountry) s = j;
  // "le ministère…", "the foreign ministry": a generic name is only a name with its determiner
  if (s > 0 && ARTICLES.has(toks[s - 1]!.norm) && toks[s - 1]!.sentence === toks[s]!.sentence) s--;
  let end = hit.end;
  // "du Maroc", "marocain" after the name
  if (!country && end < b) {
    const adj = L.name(end);
    const d = adj?.entries.find((e) => e.kind === 'demonym');
    if (adj && d) {
      country = d.actor;
      end = adj.end;
    } else if (lex.of.has(toks[end]!.norm) && end + 1 < b) {
      const obj = L.name(end + 1);
      const c = obj?.entries.find((e) => e.kind === 'name' && kb.actors.get(e.actor)?.type === 'COUNTRY');
      if (obj && c) {
        country = c.actor;
        end = obj.end;
      }
    }
  }
  // a lone "diplomatie" is a body only with its state ("la diplomatie française")
  if (!country && hit.end - j === 1 && !toks[j]!.cap && /^diplomat/.test(toks[j]!.norm)) return null;
  return { start: s, end, via: 'body', type: 'ORGANIZATION', actor: null, country, bodyKind: hit.value };
}

/** A knowledge-base match → a candidate; ambiguous entries are kept for the linker. */
function kbCandidate(
  doc: Doc,
  kb: KnowledgeBase,
  toks: Token[],
  s: number,
  e: number,
  entries: NameEntry[],
  lex: EntityLexicon,
  date: string | null,
): Candidate | null {
  const prev = s > 0 ? toks[s - 1]! : null;
  const after = e < toks.length ? toks[e]! : null;
  // a dateline ("WASHINGTON —", "KINSHASA (AFP) -") names where the story was filed
  const dateline =
    toks[s]!.text === toks[s]!.text.toUpperCase() &&
    toks[s]!.text.length > 2 &&
    (!prev || doc.text.slice(prev.end, toks[s]!.start).includes('\n')) &&
    !!after &&
    /^[—–\-(,:/]$/.test(after.text);
  const locative = (!!prev && lex.locationPrepositions.has(prev.norm)) || dateline;
  // a seat of power stands for its state only where an actor stands: opening a clause, after
  // "avec/with/entre/between/and", or before a possessive; elsewhere it is the place
  const next = e < toks.length ? toks[e]! : null;
  const actorSlot =
    !dateline &&
    (!prev ||
      prev.sentence !== toks[s]!.sentence ||
      /^[,;:(«“"—–-]$/.test(prev.text) ||
      ACTOR_SLOT_WORDS.has(prev.norm) ||
      next?.norm === "'s" ||
      next?.norm === "'");
  // prefer names of actors over metonyms and demonyms; places when the words follow a locative preposition
  const rank = (x: NameEntry): number => {
    const a = kb.actors.get(x.actor);
    let r = x.kind === 'demonym' ? 5 : x.kind === 'metonym' ? (locative || !actorSlot ? 6 : 3) : 1;
    if (a?.type === 'LOCATION') r = locative ? 0 : 4;
    if (a?.type === 'PERSON' && date && a.roles.length && !a.roles.some((ro) => within(date, ro.from, ro.to))) r += 0.5;
    return r;
  };
  const sorted = [...entries].sort((x, y) => rank(x) - rank(y) || x.actor.localeCompare(y.actor));
  const best = sorted[0]!;
  const actor = kb.actors.get(best.actor);
  if (!actor) return null;
  // a lone demonym written with a capital at the start of a French sentence is still a demonym
  const via = best.kind === 'demonym' ? 'demonym' : best.kind === 'metonym' ? 'metonym' : 'kb';
  const sameRank = sorted.filter((x) => rank(x) === rank(best) && x.actor !== best.actor);
  return {
    start: s,
    end: e,
    via,
    type: actor.type,
    actor: actor.id,
    country: actor.country,
    entries: sameRank.length ? [best, ...sameRank] : undefined,
    ...(best.kind === 'demonym' && best.place && entries.every((x) => x.kind !== 'demonym' || x.place) ? { placeDemonym: true } : {}),
  };
}

/**
 * A capitalised name starting at i: capitalised tokens joined by particles and hyphens
 * ("Jean-Yves Le Drian", "Mohammed VI", "Organisation de la coopération islamique").
 */
export function nameSpan(
  toks: Token[],
  i: number,
  b0: number,
  lex: EntityLexicon,
  taken: Uint8Array,
  lowerRuns: boolean,
  placeEndAt?: (k: number) => number,
): [number, number] | null {
  let s = i;
  // a name never runs into words another recogniser claimed (except a place inside a body's name)
  let b = i;
  while (b < b0 && !taken[b]) b++;
  // leading function words that happen to be capitalised ("Le", "The", "Durant")
  while (s < b && toks[s]!.cap && (lex.notNames.has(toks[s]!.norm) || HYPHEN_ADJECTIVE.test(toks[s]!.text))) s++;
  if (s >= b || !toks[s]!.cap || toks[s]!.kind === 'punct' || toks[s]!.kind === 'number') return null;
  let orgHead = lex.orgHeads.has(toks[s]!.norm) || lex.placeHeads.has(toks[s]!.norm);
  let e = s + 1;
  let lowerRun = 0;
  while (e < b) {
    const t = toks[e]!;
    if (t.cap && t.kind !== 'punct' && !lex.notNames.has(t.norm)) {
      orgHead ||= lex.orgHeads.has(t.norm);
      e++;
      lowerRun = 0;
      continue;
    }
    if (t.kind === 'number' && /^\d{1,3}$/.test(t.text) && toks[e - 1]!.cap) {
      e++;
      continue;
    } // "Mouvement du 23 Mars", "M23"
    if (/^(?:[IVX]+)$/.test(t.text)) {
      e++;
      continue;
    }
    // particles inside names: de, du, d', al-, ben, van…; "of" in English names of bodies
    if (PARTICLES.has(t.norm) && (orgHead || !CONJUNCTIONS.has(t.norm)) && e + 1 < b && (toks[e + 1]!.cap || (orgHead && toks[e + 1]!.kind === 'word'))) {
      e++;
      continue;
    }
    // "Forces armées de la RDC", "Ministry of Foreign Affairs of Qatar": a state or place closing a body's name
    if (orgHead && PARTICLES.has(t.norm) && placeEndAt && e + 1 < b0) {
      let k = e + 1;
      if (k < b0 && (toks[k]!.norm === 'la' || toks[k]!.norm === "l'" || toks[k]!.norm === 'the')) k++;
      const pe = placeEndAt(k);
      if (pe > k) {
        e = pe;
        b = Math.max(b, pe);
        break;
      }
    }
    if (
      orgHead &&
      lowerRuns &&
      t.kind === 'word' &&
      !t.cap &&
      t.text.length > 2 &&
      !lex.stopwords.has(t.norm) &&
      lowerRun < 4 &&
      !SENT_PUNCT.test(t.text) &&
      !PARTICIPLE.test(t.norm)
    ) {
      // "Centre de la presse étrangère", "Front de libération nationale": lower-case words after a body's head noun
      lowerRun++;
      e++;
      continue;
    }
    break;
  }
  // drop trailing particles and lower-case words that are not part of a French body's name
  while (e > s + 1 && (PARTICLES.has(toks[e - 1]!.norm) || (!toks[e - 1]!.cap && toks[e - 1]!.kind === 'word' && !orgHead))) e--;
  return [s, e];
}

// French past participles ("présidée par", "créé en") end a body's name
const PARTICIPLE =
  /^(?:cree|fonde|preside|dirige|base|situe|charge|compose|reuni|installe|soutenu|accuse|accusee|creee|fondee|presidee|dirigee|basee|situee|chargee|composee|reunie|installee|soutenue)s?$/;
const HYPHEN_ADJECTIVE = /^\p{Lu}[\p{L}]*-\p{Ll}+$/u;
const ARTICLES = new Set(['le', 'la', "l'", 'les', 'the']);
const CONJUNCTIONS = new Set(['and', 'et', 'for', 'the']);
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  "l'",
  'le',
  'pour',
  'al',
  'el',
  'ben',
  'bin',
  'ibn',
  'abou',
  'abu',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'dos',
  'of',
  'the',
  'for',
  'and',
  'et',
  'ould',
  'bou',
]);

function looksLikePersonName(toks: Token[], s: number, e: number, gaz: Gazetteer): boolean {
  return e - s >= 2 || gaz.firstNames.has(toks[s]!.norm) || gaz.surnames.has(toks[s]!.norm);
}

/** what follows a name that only people do: a comma and a role, or a speech or action verb (packs' personCues) */
function personCue(toks: Token[], e: number, lex: EntityLexicon): boolean {
  const n = toks[e];
  if (!n) return false;
  return n.text === ',' || lex.personCues.has(n.norm);
}

/** Whether the name at s..e stands where a speaker stands: right after a speech verb ("said X",
 *  "a déclaré X") or 'selon' / 'according to', or right before a speech verb, with or without an
 *  auxiliary ("X said", "X a déclaré"). */
function speakerPosition(toks: Token[], s: number, e: number, sentStart: number, lex: EntityLexicon): boolean {
  const sent = toks[s]!.sentence;
  const prev = s > sentStart ? toks[s - 1]! : null;
  const next = toks[e];
  const closes = !next || next.sentence !== sent || next.kind === 'punct';
  // an inverted subject closes its clause ("said Marie Okafor." / "a déclaré X, maire de…"); an object does not ("urged Vermonters to")
  if (prev && lex.speechForms.has(prev.norm) && closes) return true;
  for (const words of lex.according) {
    const k = s - words.length;
    if (k >= sentStart && words.every((w, j) => toks[k + j]!.norm === w)) return true;
  }
  if (!next || next.sentence !== sent) return false;
  if (lex.speechForms.has(next.norm)) return true;
  const after = toks[e + 1];
  return lex.personCues.has(next.norm) && !!after && after.sentence === sent && lex.speechForms.has(after.norm);
}

/** A title that only stands before a name ("Auditor Dave Yost", "Cllr Furey", "le préfet Jean
 *  Dupuis") and the name after it: a new name, or a person the knowledge base already found there.
 *  Names with the head noun of a body or a place are not people ("Principal Financial Group"). */
function titleBeforeName(
  toks: Token[],
  i: number,
  b: number,
  lex: EntityLexicon,
  taken: Uint8Array,
  lowerRuns: boolean,
  startingAt: (k: number) => Candidate[],
  removed: ReadonlySet<Candidate>,
): { nameStart: number; nameEnd: number; known: Candidate | null } | null {
  const t = matchPhrase(lex.titlesBeforeNames, toks, i, b);
  if (!t || t.end >= b) return null;
  const known = startingAt(t.end).find((c) => c.type === 'PERSON' && c.via === 'kb' && !removed.has(c)) ?? null;
  if (known) return { nameStart: t.end, nameEnd: known.end, known };
  if (taken[t.end]) return null;
  const name = nameSpan(toks, t.end, b, lex, taken, lowerRuns);
  if (!name || name[0] !== t.end) return null;
  if (toks.slice(name[0], name[1]).some((w) => lex.orgHeads.has(w.norm) || lex.placeHeads.has(w.norm))) return null;
  return { nameStart: name[0], nameEnd: name[1], known: null };
}

/** The type of an unknown capitalised sequence, or null when it is probably not a name. */
function guessType(
  toks: Token[],
  s: number,
  e: number,
  sentStart: number,
  lex: EntityLexicon,
  gaz: Gazetteer,
  lowerWords: ReadonlySet<string>,
): EntityType | null {
  const words = toks.slice(s, e);
  const prev = s > sentStart ? toks[s - 1]! : null;
  const prev2 = s - 1 > sentStart ? toks[s - 2]! : null;
  const sentenceInitial = s === sentStart || (prev && /^[«“"(—–-]$/.test(prev.text) && s - 1 === sentStart);
  // a body's head word capitalised by its place only ("Army officers said…") names no body
  if (words.some((w) => lex.orgHeads.has(w.norm) && w.cap) && !(words.length === 1 && sentenceInitial)) return 'ORGANIZATION';
  if (words.length > 1 && words.some((w) => lex.placeHeads.has(w.norm))) return 'LOCATION';
  // a type noun right before: "le parti Jil Jadid", "the Syrian town of Manbij", "le diplomate X"
  for (const p of [
    prev,
    prev2 && (prev?.norm === 'of' || prev?.norm === 'de') ? toks[s - 2] : null,
    s - 3 >= sentStart && (prev?.norm === 'of' || prev?.norm === 'de') ? toks[s - 3] : null,
  ]) {
    const t = p ? lex.typeNouns.get(p.norm) : undefined;
    if (t) return t;
  }
  const first = words[0]!;
  // "Soviet-designed", "Russian-brokered", "Indian-administered": adjectives, not names
  if (words.length === 1 && HYPHEN_ADJECTIVE.test(first.text)) return null;
  if (words.length === 1 && first.kind === 'acronym') return first.text.length <= 6 ? 'ORGANIZATION' : null;
  if (/^[A-Z]+\d+$/.test(first.text) && words.length === 1) return 'ORGANIZATION'; // M23
  if (gaz.firstNames.has(first.norm) && words.length >= 2) return 'PERSON';
  const nameLike = words.length <= 4 && words.every((w) => w.cap || PARTICLES.has(w.norm));
  // a word the text also writes in lower case, or a function word, opens no person's name
  const commonWord = (w: Token) => lex.notNames.has(w.norm) || lex.stopwords.has(w.norm) || lowerWords.has(w.norm) || w.kind !== 'word';
  // a speaker's position: "said Marie Okafor", "selon Jean Dupuis", "Okafor said"; not the end of a
  // body's name ("Food and Markets said") nor a place ("présent à Putrajaya estime")
  if (nameLike && !commonWord(first) && speakerPosition(toks, s, e, sentStart, lex)) {
    if (words.length >= 2) return 'PERSON';
    if (/^\p{Lu}{2,}/u.test(first.text)) return 'ORGANIZATION'; // "CGT-CFDT réclame"
    const openPrev = !prev || prev.kind === 'punct' || (!prev.cap && !PARTICLES.has(prev.norm) && !lex.locationPrepositions.has(prev.norm));
    if (first.text.length >= 3 && openPrev) return 'PERSON';
  }
  if (prev && lex.locationPrepositions.has(prev.norm) && words.length <= 3 && !gaz.firstNames.has(first.norm)) return 'LOCATION';
  // a given name on the list opening two to four capitalised words: "Dylan Brisebois", "Aïssatou Diallo"
  if (nameLike && words.length >= 2 && !commonWord(first) && isCommonGivenName(first.text)) return 'PERSON';
  if (words.length >= 2 && words.length <= 4 && words.every((w) => w.cap || PARTICLES.has(w.norm)) && personCue(toks, e, lex)) return 'PERSON';
  if (words.length === 1) {
    // "Macron a reçu…", "Blinken said…": a known surname opening its sentence, when a verb follows
    if (sentenceInitial) return gaz.surnames.has(first.norm) && personCue(toks, e, lex) ? 'PERSON' : null;
    if (lex.stopwords.has(first.norm)) return null;
    // a lone capitalised word: a surname when the knowledge base knows it, otherwise left for coreference
    return gaz.surnames.has(first.norm) ? 'PERSON' : null;
  }
  return null;
}

/**
 * A role description at token i: [determiner] [former] [demonym (en)] ROLE [demonym | of COUNTRY | of BODY].
 * Returns the candidate with the country and body the description names.
 */
function roleAt(
  doc: Doc,
  toks: Token[],
  i: number,
  a: number,
  b: number,
  lex: EntityLexicon,
  L: SentenceMatches,
  kb: KnowledgeBase,
  taken: Uint8Array,
): { cand: Candidate } | null {
  if (taken[i]) {
    // a state or body already found may still own a role: "Russia's president", and a state right
    // before its office without an article: "US Secretary of State", "French foreign minister"
    const owner = L.name(i);
    if (!owner || owner.end >= b) return null;
    const possessive = lex.possessive.has(toks[owner.end]!.norm);
    const stateOffice = owner.entries.some((e) => kb.actors.get(e.actor)?.type === 'COUNTRY') && !!L.role(owner.end);
    // and an international body right before the title of its head: "UN Secretary-General",
    // "European Commission President"
    if (!possessive && !stateOffice && !bodyBeforeHeadTitle(owner, L, kb)) return null;
  }
  let s = i;
  let former = false;
  let counterpart = false;
  let country: string | null = null;
  let org: string | null = null;
  let j = i;
  // a determiner, but not an acronym written like one ("UN Secretary-General" is not "un …")
  if (lex.determiners.has(toks[j]!.norm) && !/^\p{Lu}{2,}$/u.test(toks[j]!.text)) j++;
  if (j < b && lex.former.has(toks[j]!.norm)) {
    former = true;
    j++;
  }
  if (j < b && lex.newWords.has(toks[j]!.norm)) j++;
  // English: "the Israeli President", "US Secretary of State", "Iranian Foreign Minister", and with a
  // possessive: "Russia's new defence minister", "NATO's secretary-general"
  const pre = j < b ? L.name(j) : null;
  let roleStart = j;
  if (pre) {
    let at = pre.end;
    const possessive = at < b && lex.possessive.has(toks[at]!.norm);
    if (possessive) at++;
    if (possessive && at < b && lex.newWords.has(toks[at]!.norm)) at++;
    const state = pre.entries.find((e) => kb.actors.get(e.actor)?.type === 'COUNTRY');
    const body = possessive ? pre.entries.map((e) => kb.actors.get(e.actor)).find((a) => a?.type === 'ORGANIZATION') : undefined;
    if ((state || body) && at < b && L.role(at)) {
      if (state) country = state.actor;
      else {
        org = body!.id;
        country = body!.country;
      }
      roleStart = at;
    } else {
      // "the UN Secretary-General", "IMF managing director": an international body before the title
      const igo = bodyBeforeHeadTitle(pre, L, kb);
      if (igo) {
        org = igo.id;
        roleStart = pre.end;
      }
    }
  }
  let term = L.role(roleStart);
  let end: number;
  if (!term) {
    if (j < b && lex.counterpart.has(toks[j]!.norm)) {
      counterpart = true;
      end = j + 1;
      term = { end, value: { role: null, title: true, countries: null, form: toks[j]!.norm } };
    } else return null;
  } else end = term.end;
  if (roleStart === j && j === i && !lex.determiners.has(toks[i]!.norm) && !toks[i]!.cap && i > a && !/^[,(«“"—–-]$/.test(toks[i - 1]!.text)) {
    // a bare lower-case role noun mid-sentence still counts ("a indiqué le ministre" has its determiner)
  }
  // French: ROLE demonym / ROLE de COUNTRY / ROLE du BODY
  if (!country && end < b) {
    let k = end;
    if (lex.former.has(toks[k]!.norm)) {
      former = true;
      k++;
    }
    const adj = k < b ? L.name(k) : null;
    const ctry = adj?.entries.find((e) => e.kind === 'demonym');
    if (adj && ctry) {
      country = ctry.actor;
      end = adj.end;
    } else if (k < b && lex.of.has(toks[k]!.norm)) {
      let k2 = k + 1;
      if (k2 < b && lex.determiners.has(toks[k2]!.norm)) k2++;
      const obj = k2 < b ? L.name(k2) : null;
      if (obj) {
        const actor = kb.actors.get(obj.entries[0]!.actor);
        if (actor?.type === 'COUNTRY') {
          country = actor.id;
          end = obj.end;
        } else if (actor?.type === 'ORGANIZATION') {
          org = actor.id;
          country = actor.country;
          end = obj.end;
          // "du département d'État américain": the demonym after the body
          const adj2 = obj.end < b ? L.name(obj.end) : null;
          const d2 = adj2?.entries.find((e) => e.kind === 'demonym');
          if (adj2 && d2) {
            country = country ?? d2.actor;
          }
        }
      }
    }
    // "son homologue marocain", "la ministre française des Affaires étrangères"
    if (!country && !org && counterpart === false && end < b) {
      const adj3 = L.name(end);
      const d3 = adj3?.entries.find((e) => e.kind === 'demonym');
      if (adj3 && d3) {
        country = d3.actor;
        end = adj3.end;
      }
    }
  }
  if (counterpart && !country && end < b) {
    const adj = L.name(end);
    const d = adj?.entries.find((e) => e.kind === 'demonym');
    if (adj && d) {
      country = d.actor;
      end = adj.end;
    }
  }
  // "la ministre française des Affaires étrangères": ROLE-start demonym ROLE-rest
  if (term.value.role === 'minister' && country && end < b) {
    const rest = L.role(end);
    if (!rest) {
      const k = end;
      const phrase = toks
        .slice(roleStart, roleStart + 1)
        .map((t) => t.norm)
        .join(' ');
      const joined = matchJoined(lex, toks, roleStart, k, b);
      if (joined) {
        term = { end: joined.end, value: joined.value };
        end = joined.end;
        void phrase;
      }
    }
  }
  // a title only counts when something says who: a country, a body, a determiner, or a capitalised name after it
  const hasDet = lex.determiners.has(toks[i]!.norm);
  const capNext = end < b && toks[end]!.cap;
  if (!country && !org && !hasDet && !capNext && !counterpart) return null;
  if (term.value.countries && country && !term.value.countries.includes(country)) {
    // "secrétaire d'État française": a junior minister, not the US Secretary of State
    term = { end: term.end, value: { ...term.value, role: 'minister' } };
  }
  if (term.value.countries && !country && !capNext) country = null;
  // "président du Conseil européen", "directrice générale du FMI": the head of an international body
  if (org && term.value.headsBody && !kb.actors.get(org)?.country) term = { end: term.end, value: { ...term.value, role: 'head-of-organization' } };
  void doc;
  return {
    cand: {
      start: s,
      end,
      via: 'role',
      type: 'PERSON',
      actor: null,
      country,
      role: {
        term: term.value,
        country,
        org,
        former,
        counterpart,
        text: toks
          .slice(roleStart, term.end)
          .map((t) => t.text)
          .join(' '),
      },
    },
  };
}

/** The international body a name match stands for when the title of its head follows it ("UN Secretary-General"), else null. */
function bodyBeforeHeadTitle(name: NameMatch, L: SentenceMatches, kb: KnowledgeBase): Actor | null {
  if (!L.role(name.end)?.value.headsBody) return null;
  return name.entries.map((e) => kb.actors.get(e.actor)).find((x): x is Actor => x?.type === 'ORGANIZATION' && !x.country) ?? null;
}

/** "ministre française des Affaires étrangères": the role noun, a demonym, then the rest of a longer role term. */
function matchJoined(lex: EntityLexicon, toks: Token[], roleStart: number, restStart: number, b: number): { end: number; value: RoleTerm } | null {
  let node = lex.roles.next.get(toks[roleStart]!.norm);
  if (!node) return null;
  let best: { end: number; value: RoleTerm } | null = null;
  for (let j = restStart; j < b && node; j++) {
    node = node.next.get(toks[j]!.norm);
    if (node?.value) best = { end: j + 1, value: node.value };
  }
  return best;
}
