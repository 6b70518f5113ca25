// Actor descriptions composed from their words: an agent noun (troops, police, juges) with a
// country or an owner from a demonym ("Iraqi troops", "soldats maliens"), a possessive ("Russia's
// army"), a complement ("the army of Niger", "la police du Sénégal"), a place ("police in Lagos",
// "des manifestants à Dakar") or an organisation before it ("FBI officials"), and modifiers that
// change the sector ("former" → ELI, "opposition" → OPP). One function serves the entity layer,
// the event coder and `readout kb resolve`.
import { languageAt, type Doc, type Entity, type Mention } from '../doc.js';
import type { KnowledgeBase } from '../kb/kb.js';
import { tokenAt, type Token } from '../text/tokens.js';
import { matchPhrase, type EntityLexicon, type PhraseTrie } from '../entities/lexicon.js';
import type { AgentLexicon, AgentTerm, Modifier } from './lexicon.js';

export type Provenance = 'demonym' | 'possessive' | 'complement' | 'place' | 'owner';

export interface Description {
  /** token range of the whole description */
  start: number;
  end: number;
  /** token range of the agent noun */
  headStart: number;
  headEnd: number;
  agent: AgentTerm;
  /** ISO code of the state the words name, or null */
  country: string | null;
  /** the entity the description belongs to: the state, or an organisation ("FBI officials") */
  owner: Entity | null;
  /** how the owner was found */
  from: Provenance | null;
  /** first token of an owner standing before the noun (or of a modifier before that owner), else -1 */
  ownerStart: number;
  sector: string;
  /** CAMEO actor code: the owner's country (or the organisation's code) and the sector */
  code: string | null;
  modifiers: Modifier[];
}

/** Outer mentions by token: which mention covers each token, and where mentions start and end. */
export interface MentionIndex {
  cover: Int32Array;
  startsAt: Int32Array;
  endsAt: Int32Array;
}

export function indexMentions(doc: Doc, skip: (m: Mention) => boolean = () => false): MentionIndex {
  const n = doc.tokens.length;
  const cover = new Int32Array(n).fill(-1);
  const startsAt = new Int32Array(n).fill(-1);
  const endsAt = new Int32Array(n).fill(-1);
  const order = doc.mentions.map((_, i) => i).sort((a, b) => doc.mentions[a]!.start - doc.mentions[b]!.start || doc.mentions[b]!.end - doc.mentions[a]!.end);
  let t = 0;
  let lastEnd = -1;
  for (const mi of order) {
    const m = doc.mentions[mi]!;
    if (m.start < lastEnd || m.via === 'pronoun' || skip(m)) continue;
    while (t < n && doc.tokens[t]!.end <= m.start) t++;
    let e = t;
    while (e < n && doc.tokens[e]!.start < m.end) e++;
    if (e <= t) continue;
    for (let k = t; k < e; k++) cover[k] = mi;
    startsAt[t] = mi;
    endsAt[e - 1] = mi;
    lastEnd = m.end;
  }
  return { cover, startsAt, endsAt };
}

/** What an actor's mention gives a description: a state, or an organisation with its code. */
function ownerOf(doc: Doc, mi: number): { entity: Entity; country: string | null } | null {
  const m: Mention = doc.mentions[mi]!;
  const e = doc.entities[m.entity];
  if (!e) return null;
  if (e.type === 'COUNTRY' && e.country) return { entity: e, country: e.country };
  if (e.type === 'ORGANIZATION' && (e.country || e.code)) return { entity: e, country: e.country };
  if (e.type === 'LOCATION' && e.country) return { entity: e, country: e.country };
  return null;
}

export interface ComposeContext {
  doc: Doc;
  kb: KnowledgeBase;
  agents: AgentLexicon;
  words: EntityLexicon;
  mentions: MentionIndex;
}

const isWord = (t: Token) => t.kind === 'word';

function matchBackward<T>(trie: PhraseTrie<T>, toks: Token[], end: number, a: number): { start: number; value: T } | null {
  // modifiers are one or two words: try the longest first
  for (let s = Math.max(a, end - 2); s < end; s++) {
    const m = matchPhrase(trie, toks, s, end);
    if (m && m.end === end) return { start: s, value: m.value };
  }
  return null;
}

/**
 * Every description in the sentence [a, b) whose agent noun lies outside other mentions, with the
 * owner its words give. A description without an owner is still returned (sector only).
 */
export function descriptionsIn(ctx: ComposeContext, a: number, b: number): Description[] {
  const { doc, agents } = ctx;
  const toks = doc.tokens;
  const out: Description[] = [];
  for (let i = a; i < b; i++) {
    let first = i;
    let hit: ReturnType<typeof matchPhrase<AgentTerm>> = null;
    if (ctx.mentions.cover[i]! < 0) {
      if (isWord(toks[i]!)) hit = matchPhrase(agents.agents, toks, i, b);
    } else if (ctx.mentions.endsAt[i]! >= 0 && i + 1 < b && ctx.mentions.cover[i + 1]! < 0) {
      // a compound whose first noun closes a body's name ("a Brazilian army officer": an officer of
      // the Brazilian Army): the rest is the head, the body its owner
      const h = matchPhrase(agents.agents, toks, i, b);
      if (h && h.end > i + 1) {
        hit = h;
        first = i + 1;
      }
    }
    if (!hit) continue;
    let end = hit.end;
    // the head must not run into a mention ("the Iraqi army chief Ali …" stops at the name)
    let covered = first;
    while (covered < end && ctx.mentions.cover[covered]! < 0) covered++;
    if (covered < end) {
      // unless the name follows an "of" inside the compound: "un agent du renseignement chinois" is
      // an agent of that service ("agent" the head, the service its owner)
      if (covered - 1 > first && ctx.words.of.has(toks[covered - 1]!.norm)) end = covered - 1;
      else continue;
    }
    // a compound of agent nouns is one head: its last noun ("police officers", "army commanders")
    let headStart = first;
    let agent = hit.value;
    const modifiers: Modifier[] = [];
    for (let again = matchPhrase(agents.agents, toks, end, b); again && ctx.mentions.cover[end]! < 0; again = matchPhrase(agents.agents, toks, end, b)) {
      modifiers.push({ term: agent.term, sector: agent.sector });
      headStart = end;
      agent = again.value;
      end = again.end;
    }
    // a title before a name ("Egyptian President Abdel Fattah al-Sisi") describes that person
    if (end < b && (personAt(doc, ctx.mentions.startsAt[end]!) || (agent.role && toks[end]!.cap))) {
      i = end - 1;
      continue;
    }
    const d = compose(ctx, a, b, first, headStart, end, agent, modifiers);
    out.push(d);
    i = d.end - 1;
  }
  return out;
}

/** The description around the agent noun [headStart, end), its compound part starting at `first`. */
function compose(
  ctx: ComposeContext,
  a: number,
  b: number,
  first: number,
  headStart: number,
  end: number,
  agent: AgentTerm,
  modifiers: Modifier[],
): Description {
  const { doc, agents, words } = ctx;
  const toks = doc.tokens;
  let start = first;
  let owner: { entity: Entity; country: string | null } | null = null;
  let from: Provenance | null = null;
  // to the left: modifiers, then an actor (demonym, state, organisation) or a possessive
  let k = first - 1;
  let fillers = 0;
  let possessed = false;
  while (k >= a) {
    const mi = ctx.mentions.endsAt[k]!;
    if (mi >= 0) {
      const o = ownerOf(doc, mi);
      // across an adjective only a demonym owns the noun ("Brazilian federal police"); a name
      // then a word then the noun is a clause ("Azerbaijan amassed troops")
      if (o && (fillers === 0 || isDemonym(doc, mi))) {
        owner = o;
        from = doc.mentions[mi]!.demonym || doc.mentions[mi]!.via === 'demonym' ? 'demonym' : 'owner';
        start = tokStartOf(ctx, mi);
        k = start - 1;
      }
      break;
    }
    const t = toks[k]!;
    if (agents.possessive.has(t.norm) && k - 1 >= a && ctx.mentions.endsAt[k - 1]! >= 0) {
      const o = ownerOf(doc, ctx.mentions.endsAt[k - 1]!);
      if (o) {
        owner = o;
        from = 'possessive';
        start = tokStartOf(ctx, ctx.mentions.endsAt[k - 1]!);
        k = start - 1;
      }
      break;
    }
    const mod = matchBackward(agents.modifiers, toks, k + 1, a);
    if (mod && ctx.mentions.cover[mod.start]! < 0) {
      modifiers.unshift(mod.value);
      start = mod.start;
      k = mod.start - 1;
      continue;
    }
    if (!isWord(t) || t.cap || agents.stops.has(t.norm) || words.determiners.has(t.norm) || agents.numbers.has(t.norm) || fillers >= 2) break;
    // only adjectives and nouns of a compound, by the clause layer's tagger ("amassed troops" has
    // no owner in "Azerbaijan"; "Israeli tech workers" has one)
    const upos = uposAt(doc, k);
    if (upos !== 'ADJ' && upos !== 'NOUN') break;
    // an adjective or a noun between the noun and what owns it ("Brazilian federal police")
    fillers++;
    k--;
  }
  if (!owner) k = start - 1; // the fillers belong to the description only when an owner stands before them
  let ownerStart = owner ? start : -1;
  // before the owner: modifiers again ("former Iraqi officials"), numbers and a determiner
  for (;;) {
    if (k < a) break;
    const mod = matchBackward(agents.modifiers, toks, k + 1, a);
    if (mod && ctx.mentions.cover[mod.start]! < 0) {
      modifiers.unshift(mod.value);
      start = mod.start;
      if (ownerStart >= 0) ownerStart = mod.start;
      k = mod.start - 1;
      continue;
    }
    // a demonym before a body that owns the noun ("a former Mexican government official")
    const before = ctx.mentions.endsAt[k]!;
    if (owner && from === 'owner' && before >= 0 && isDemonym(doc, before) && ownerOf(doc, before)?.country === owner.country) {
      start = tokStartOf(ctx, before);
      ownerStart = start;
      k = start - 1;
      continue;
    }
    const w = toks[k]!.norm;
    // "ses militaires", "their troops": the owner is whoever the possessive stands for
    if (agents.possessiveDeterminers.has(w)) {
      start = k;
      possessed = true;
      break;
    }
    if (agents.numbers.has(w) || toks[k]!.kind === 'number' || words.determiners.has(w)) {
      start = k;
      k--;
      continue;
    }
    break;
  }
  // to the right: an adjective of nationality (soldats maliens), a complement (of Niger, du Sénégal),
  // a place (in Lagos, à Dakar)
  let j = end;
  if (!owner && !possessed && j < b && agents.postAdjective.has(languageAt(doc, toks[j]!.start))) {
    // across up to two other adjectives ("la radio nationale centrafricaine", "éleveurs laitiers
    // néerlandais"); those adjectives may also stand before a complement ("les responsables
    // gouvernementaux de l'Allemagne")
    let k2 = j;
    while (k2 < b && k2 - j < 2 && ctx.mentions.cover[k2]! < 0 && isWord(toks[k2]!) && !toks[k2]!.cap && uposAt(doc, k2) === 'ADJ') k2++;
    const mi = k2 < b ? ctx.mentions.startsAt[k2]! : -1;
    if (mi >= 0 && isDemonym(doc, mi)) {
      owner = ownerOf(doc, mi);
      from = 'demonym';
      j = tokEndOf(ctx, mi);
    } else if (k2 > j && k2 < b && (words.of.has(toks[k2]!.norm) || agents.locative.has(toks[k2]!.norm))) j = k2;
  }
  if (!owner && !possessed && j < b) {
    const of = words.of.has(toks[j]!.norm);
    const at = of || agents.locative.has(toks[j]!.norm) ? j + 1 : -1;
    if (at > 0 && at < b) {
      const k2 = placeStart(ctx, at, b);
      const mi = ctx.mentions.startsAt[k2]!;
      const o = mi >= 0 ? ownerOf(doc, mi) : null;
      // a complement names the owner (a state or a body); a place only gives the state
      if (o && (of || o.entity.type !== 'ORGANIZATION')) {
        owner = of ? o : { entity: o.entity, country: o.country };
        from = of ? 'complement' : 'place';
        j = tokEndOf(ctx, mi);
      }
    }
  }
  const former = modifiers.some((m) => m.sector === 'ELI');
  // the most specific sector: a modifier's (opposition leader, police officer) over the head's
  const sector = former ? 'ELI' : (modifiers.filter((m) => m.sector !== 'ELI').at(-1)?.sector ?? agent.sector);
  const country = owner?.country ?? null;
  return {
    start,
    end: j,
    headStart,
    headEnd: end,
    agent,
    country,
    owner: owner?.entity ?? null,
    from,
    ownerStart,
    sector,
    code: codeOf(ctx.kb, owner?.entity ?? null, country, sector, former),
    modifiers,
  };
}

/**
 * Where the place after a locative or "of" starts: past a determiner, then past words of direction
 * or kind of place and their own "of" ("in northern Niger", "in the north of Mali", "du nord du
 * Burkina", "de la région de Marrakech"). Returns `at` itself when no such words stand there.
 */
function placeStart(ctx: ComposeContext, at: number, b: number): number {
  const { doc, agents, words } = ctx;
  const toks = doc.tokens;
  const det = (k: number) => (k + 1 < b && words.determiners.has(toks[k]!.norm) ? k + 1 : k);
  let k = det(at);
  for (let guard = 0; guard < 3 && k < b && ctx.mentions.startsAt[k]! < 0; guard++) {
    const m = matchPhrase(agents.placeWords, toks, k, b);
    if (!m) break;
    k = m.end;
    if (k < b && words.of.has(toks[k]!.norm)) k = det(k + 1);
  }
  return k < b ? k : det(at);
}

/** Whether the mention `mi` (or -1) names a person. */
function personAt(doc: Doc, mi: number): boolean {
  return mi >= 0 && doc.entities[doc.mentions[mi]!.entity]?.type === 'PERSON';
}

/** The part of speech the clause layer's tagger gave token `t`, or null without a tree. */
function uposAt(doc: Doc, t: number): string | null {
  const layer = doc.clauses;
  if (!layer) return null;
  const s = doc.tokens[t]!.sentence;
  const tree = layer.trees[s];
  const i = t - layer.treeStart[s]!;
  return tree && i >= 0 && i < tree.upos.length ? tree.upos[i]! : null;
}

function isDemonym(doc: Doc, mi: number): boolean {
  const m = doc.mentions[mi]!;
  return !!m.demonym || m.via === 'demonym';
}

function tokStartOf(ctx: ComposeContext, mi: number): number {
  return tokenAt(ctx.doc.tokens, ctx.doc.mentions[mi]!.start);
}

function tokEndOf(ctx: ComposeContext, mi: number): number {
  let k = tokStartOf(ctx, mi);
  const end = ctx.doc.mentions[mi]!.end;
  while (k < ctx.doc.tokens.length && ctx.doc.tokens[k]!.start < end) k++;
  return k;
}

/** The CAMEO code: an organisation keeps its own code unless the description says "former". */
export function codeOf(kb: KnowledgeBase, owner: Entity | null, country: string | null, sector: string, former: boolean): string | null {
  if (owner && owner.type === 'ORGANIZATION' && owner.code && !former) return owner.code;
  const state = country ?? (owner?.code && owner.code.length >= 3 ? owner.code.slice(0, 3) : null);
  if (!state) return null;
  return `${kb.countries.get(state)?.cameo ?? state}${sector}`;
}
