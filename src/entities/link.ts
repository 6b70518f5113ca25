// Candidates → entities: knowledge-base actors, surnames to full names, role descriptions to whoever
// holds that role on the document's date (in the text first, then in the knowledge base),
// demonyms and seats of power to their state, unknown names with the role their apposition states.
import type { EntityType } from '../analysis.js';
import type { Doc, Entity, Mention } from '../doc.js';
import type { KnowledgeBase } from '../kb/kb.js';
import type { Actor } from '../kb/types.js';
import type { Gazetteer } from './gazetteer.js';
import type { Candidate } from './mentions.js';
import { fold } from '../text/normalize.js';
import { within } from '../kb/dates.js';
import { givenNameGender } from './given-names.js';

interface Ctx {
  doc: Doc;
  kb: KnowledgeBase;
  gaz: Gazetteer;
  entities: Entity[];
  byActor: Map<string, Entity>;
  date: string | null;
  /** entity id:start:end of every mention added, so that a span is added once per entity */
  seen: Set<string>;
  /** each entity's mentions sorted by start, kept as they are added: look-ups by position stay
   *  logarithmic on long texts (a scan of every mention per role description was quadratic) */
  byStart: Map<Entity, Mention[]>;
}

export function linkCandidates(doc: Doc, kb: KnowledgeBase, gaz: Gazetteer, cands: Candidate[]): Entity[] {
  const ctx: Ctx = { doc, kb, gaz, entities: [], byActor: new Map(), date: doc.published, seen: new Set(), byStart: new Map() };
  const toks = doc.tokens;
  const span = (c: Candidate) => ({ start: toks[c.start]!.start, end: toks[c.end - 1]!.end });
  const entityOf = new Map<Candidate, Entity>();

  // pass 1: full knowledge-base names (people, bodies, places, states)
  for (const c of cands) {
    if (c.via !== 'kb' && c.via !== 'demonym' && c.via !== 'metonym') continue;
    const actor = chooseActor(ctx, c);
    if (!actor) continue;
    let type: EntityType = actor.type;
    let a = actor;
    if (c.via === 'demonym' || (c.via === 'metonym' && actor.type === 'COUNTRY')) type = 'COUNTRY';
    if (type === 'COUNTRY' && actor.type !== 'COUNTRY' && actor.country) a = kb.actors.get(actor.country) ?? actor;
    const e = entityFor(ctx, a, type);
    const m = addMention(ctx, e, span(c), c.via);
    if (m && c.placeDemonym) m.placeDemonym = true;
    entityOf.set(c, e);
  }
  // pass 2: names without a knowledge-base match: the full form first, so that surnames find it
  const names = cands.filter((c) => c.via === 'name').sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  for (const c of names) {
    const text = toks
      .slice(c.start, c.end)
      .map((t) => t.text)
      .join(' ');
    const folded = fold(doc.text.slice(span(c).start, span(c).end));
    let e: Entity | undefined;
    // a surname of a person already in the text, or a full name whose surname is known
    if (c.type === 'PERSON' || c.end - c.start === 1) e = findBySurname(ctx, folded);
    // "Anwar" after "Anwar Ibrahim", "Marie" after "Marie Okafor": the one person of the text with that given name
    if (!e && c.end - c.start === 1 && (c.type === 'PERSON' || c.weak)) e = findByGivenName(ctx, folded);
    if (c.weak && !e) continue;
    if (!e && c.type === 'ORGANIZATION' && c.end - c.start === 1 && ctx.gaz !== undefined && HEAD_ONLY.test(folded)) {
      // "le Conseil", "la Commission": the body of that kind named before, or nothing
      e = ctx.entities.find((x) => x.type === 'ORGANIZATION' && fold(x.name).split(/\s+/).includes(folded) && x.mentions.some((m) => m.start < span(c).start));
      if (!e) continue;
    }
    if (!e && (c.type === 'PERSON' || c.end - c.start === 1)) {
      const ids = gaz.surnames.get(folded);
      const live = (ids ?? []).map((id) => kb.actors.get(id)!).filter((a) => a && activeAround(a, ctx.date));
      // several people of that surname: the one holding an office (not a spouse or a party figure) on the date
      const holders = live.length > 1 && ctx.date ? live.filter((a) => a.roles.some((r) => r.role !== 'other' && within(ctx.date!, r.from, r.to))) : live;
      if (holders.length === 1) e = entityFor(ctx, holders[0]!, 'PERSON');
    }
    if (!e) e = ctx.entities.find((x) => x.actor === null && x.type === c.type && fold(x.name) === folded);
    if (!e) {
      if (!c.type) continue;
      e = newEntity(ctx, c.type, cleanName(text), null, null);
    }
    addMention(ctx, e, span(c), 'name');
    entityOf.set(c, e);
    if (!e.actor && e.type === 'PERSON') describeUnknownPerson(e, c, folded);
  }
  // pass 3: role descriptions and titles
  // the name each role stands in apposition to (the first candidate saying so), found in one pass
  const appositionOf = new Map<Candidate, Candidate>();
  for (const n of cands) if (n.appositionOf && !appositionOf.has(n.appositionOf)) appositionOf.set(n.appositionOf, n);
  for (const c of cands) {
    if (c.via !== 'role' || !c.role) continue;
    const named = appositionOf.get(c);
    const namedEntity = named ? entityOf.get(named) : undefined;
    if (namedEntity) {
      // the role describes the name next to it: it gives unknown people their role and country
      if (!namedEntity.actor) {
        namedEntity.role ??= c.role.text;
        namedEntity.roleKind ??= c.role.term.role;
        namedEntity.country ??= c.role.country;
        if (namedEntity.country && !namedEntity.code && c.role.term.role)
          namedEntity.code = `${kb.countries.get(namedEntity.country)?.cameo ?? namedEntity.country}GOV`;
      }
      if (!c.role.term.title || c.end - c.start > 1 || c.role.country) addMention(ctx, namedEntity, span(c), 'role');
      continue;
    }
    const target = resolveRole(ctx, c, span(c).start);
    if (target) addMention(ctx, target, span(c), 'role');
  }
  // pass 3b: generic bodies → the body of that state (named, or the state the context is about)
  for (const c of cands) {
    if (c.via !== 'body' || !c.bodyKind) continue;
    const country = c.country ?? contextCountry(ctx, c);
    if (!country) continue;
    const org = kb.organisation(c.bodyKind.kind, country);
    let e: Entity;
    if (org) e = entityFor(ctx, org, 'ORGANIZATION');
    else if (c.bodyKind.name && kb.countries.has(country)) {
      // a body the knowledge base does not list for that state: named after the state
      const name = c.bodyKind.name.replace('{country}', kb.countries.get(country)!.name.en ?? country);
      e = ctx.entities.find((x) => x.actor === null && x.name === name) ?? newEntity(ctx, 'ORGANIZATION', name, null, country);
      e.code ??= `${kb.countries.get(country)!.cameo}GOV`;
    } else continue;
    addMention(ctx, e, span(c), 'body');
    entityOf.set(c, e);
  }
  mergeParentheticals(ctx);
  // pass 4: "le Royaume" → the kingdom most talked about
  for (const c of cands) {
    if (c.via !== 'kingdom') continue;
    const form = (c as Candidate & { kingdomForm?: string }).kingdomForm;
    const states = ctx.entities.filter((e) => e.type === 'COUNTRY' && kb.countries.get(e.country ?? '')?.form === form);
    const best = states.sort((x, y) => y.mentions.length - x.mentions.length)[0];
    if (best) addMention(ctx, best, span(c), 'kingdom');
  }
  return ctx.entities;
}

/** "SC (United Nations Security Council)", "Front de libération nationale (FLN)": one entity */
function mergeParentheticals(ctx: Ctx): void {
  const text = ctx.doc.text;
  // a pair needs an opening parenthesis between its mentions: most texts have none to look at
  if (!text.includes('(')) return;
  const all = ctx.entities.flatMap((e) => e.mentions.map((m) => ({ e, m }))).sort((x, y) => x.m.start - y.m.start);
  for (let k = 0; k + 1 < all.length; k++) {
    const { e: a, m: ma } = all[k]!;
    const { e: b, m: mb } = all[k + 1]!;
    if (a === b || !/^\s*\(\s*$/.test(text.slice(ma.end, mb.start)) || !/^\s*\)/.test(text.slice(mb.end, mb.end + 3))) continue;
    if (a.type !== b.type) continue;
    const [keep, drop] = a.actor || !b.actor ? [a, b] : [b, a];
    if (keep.actor && drop.actor) continue;
    for (const m of drop.mentions)
      if (!keep.mentions.some((x) => x.start === m.start)) {
        keep.mentions.push(m);
        indexMention(ctx, keep, m);
      }
    drop.mentions = [];
    ctx.byStart.delete(drop);
  }
}

// single words that only ever head a body's name
const HEAD_ONLY =
  /^(?:conseil|commission|comite|committee|council|ministere|ministry|assemblee|assembly|cour|court|agence|agency|office|bureau|presidence|presidency|gouvernement|government|parlement|parliament|senat|senate)$/;

function cleanName(text: string): string {
  return text
    .replace(/\s+([-’'])\s+/g, '$1')
    .replace(/\s*([-’'])\s*/g, '$1')
    .trim();
}

function activeAround(a: Actor, date: string | null): boolean {
  if (!a.roles.length) return true;
  if (!date) return a.roles.some((r) => r.to === null);
  const y = Number(date.slice(0, 4));
  return a.roles.some((r) => within(date, r.from, r.to) || within(String(y - 2), r.from, r.to) || within(String(y + 1), r.from, r.to));
}

/** ambiguous names (several bodies called "ministère des Affaires étrangères"): the one of the country in context */
function chooseActor(ctx: Ctx, c: Candidate): Actor | null {
  const first = c.actor ? (ctx.kb.actors.get(c.actor) ?? null) : null;
  if (!c.entries || c.entries.length < 2) return first;
  const options = c.entries.map((e) => ctx.kb.actors.get(e.actor)).filter((a): a is Actor => !!a);
  const want = contextCountry(ctx, c);
  const pick = options.find((a) => a.country === want) ?? options.find((a) => ctx.byActor.has(a.id));
  if (pick) return pick;
  // people: the one in office on the date
  const live = options.filter((a) => a.type === 'PERSON' && ctx.date && a.roles.some((r) => within(ctx.date!, r.from, r.to)));
  if (live.length === 1) return live[0]!;
  return options.every((a) => a.type === 'ORGANIZATION' && a.country) ? (want ? null : first) : first;
}

/** the country a phrase is about: a demonym right after it, else the nearest person or state
 *  before it in the same sentence, else the state the document is most about */
function contextCountry(ctx: Ctx, c: Candidate): string | null {
  const toks = ctx.doc.tokens;
  const after = ctx.gaz.match(toks, c.end, Math.min(toks.length, c.end + 3));
  const dem = after?.entries.find((e) => e.kind === 'demonym' || e.kind === 'name');
  if (dem && ctx.kb.actors.get(dem.actor)?.type === 'COUNTRY') return dem.actor;
  const sent = ctx.doc.sentences[toks[c.start]!.sentence];
  const pos = toks[c.start]!.start;
  const from = sent ? sent.start : pos - 400;
  let best: { at: number; country: string } | null = null;
  for (const e of ctx.entities) {
    if (!e.country || (e.type !== 'PERSON' && e.type !== 'COUNTRY')) continue;
    // this entity's latest end among its mentions inside [from, pos]
    const list = ctx.byStart.get(e) ?? [];
    let at = -1;
    for (let i = firstAfter(list, pos) - 1; i >= 0 && list[i]!.start >= from; i--) if (list[i]!.end <= pos && list[i]!.end > at) at = list[i]!.end;
    if (at >= 0 && (!best || at > best.at)) best = { at, country: e.country };
  }
  return best?.country ?? mainCountry(ctx);
}

function mainCountry(ctx: Ctx): string | null {
  const counts = new Map<string, number>();
  for (const e of ctx.entities) if (e.country) counts.set(e.country, (counts.get(e.country) ?? 0) + e.mentions.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** a person's folded names (its name, its actor's aliases) with their words, made once per entity:
 *  every name of the text is compared with every person named before it */
const namesOf = new WeakMap<Entity, { n: string; parts: string[] }[]>();

function foldedNames(ctx: Ctx, e: Entity): { n: string; parts: string[] }[] {
  let names = namesOf.get(e);
  if (!names) {
    names = [e.name, ...(e.actor ? (ctx.kb.actors.get(e.actor)?.aliases ?? []) : [])].map(fold).map((n) => ({ n, parts: n.split(/\s+/) }));
    namesOf.set(e, names);
  }
  return names;
}

/** gender and title of a person the knowledge base lacks: from the honorific or title before a
 *  mention ("Ms Okafor", "Auditor Dave Yost"), else from the given name of a full name */
function describeUnknownPerson(e: Entity, c: Candidate, folded: string): void {
  if (c.title) e.role ??= c.title;
  if (e.gender) return;
  if (c.gender) e.gender = c.gender;
  else {
    const words = folded.split(/\s+/);
    if (words.length >= 2) e.gender = givenNameGender(words[0]!.split('-')[0]!) ?? givenNameGender(words[0]!);
  }
}

/** the only person of the text whose name opens with this given name, or nothing when there are several */
function findByGivenName(ctx: Ctx, folded: string): Entity | undefined {
  const people = ctx.entities.filter((e) => e.type === 'PERSON' && foldedNames(ctx, e).some(({ parts }) => parts.length >= 2 && parts[0] === folded));
  return people.length === 1 ? people[0] : undefined;
}

function findBySurname(ctx: Ctx, folded: string): Entity | undefined {
  const words = folded.split(/[\s]+/);
  return ctx.entities.find((e) => {
    if (e.type !== 'PERSON') return false;
    return foldedNames(ctx, e).some(({ n, parts }) => {
      if (n === folded) return true;
      // "Bourita" ↔ "Nasser Bourita", "Le Drian" ↔ "Jean-Yves Le Drian", "Xi" ↔ "Xi Jinping"
      if (parts.length <= words.length) return false;
      if (parts.slice(parts.length - words.length).join(' ') === folded) return true;
      return !!e.actor && ctx.gaz.surnames.get(folded)?.includes(e.actor) === true;
    });
  });
}

/** who a role description stands for: the text's holder first, then the knowledge base's */
function resolveRole(ctx: Ctx, c: Candidate, pos: number): Entity | null {
  const r = c.role!;
  let kind = r.term.role;
  let country = r.country;
  if (r.counterpart) {
    // "son homologue marocain": the same office as the person just mentioned, in the named country
    const prev = lastPerson(ctx, pos, (e) => !!e.roleKind && e.country !== country);
    if (!prev) return null;
    kind = prev.roleKind;
    if (!country) return null;
  }
  if (!kind || kind === 'minister' || kind === 'spokesperson' || kind === 'ambassador') {
    // generic titles: only a person already in the text with a matching description
    const inText = lastPerson(
      ctx,
      pos,
      (e) =>
        (!country || e.country === country) &&
        (!kind ||
          e.roleKind === kind ||
          (kind === 'minister' && /minister$/.test(e.roleKind ?? '')) ||
          (kind === 'spokesperson' && /spokesperson$/.test(e.roleKind ?? ''))),
    );
    if (inText) return inText;
    if (kind === 'spokesperson' && r.org)
      return holderEntity(ctx, 'foreign-ministry-spokesperson', null, r.org) ?? holderEntity(ctx, 'foreign-ministry-spokesperson', country, null);
    return null;
  }
  if (r.former) {
    return (
      lastPerson(
        ctx,
        Infinity,
        (e) =>
          !!e.actor &&
          (!country || e.country === country) &&
          !!ctx.kb.actors
            .get(e.actor)
            ?.roles.some((ro) => ro.role === kind && (!country || ro.country === country) && (!ctx.date || !within(ctx.date, ro.from, ro.to))),
      ) ?? null
    );
  }
  // the head of a body named: a person of the text heading that body, not any head of any body
  const sameBody = (e: Entity) =>
    !r.org || kind !== 'head-of-organization' || (!!e.actor && ctx.kb.roleAt(ctx.kb.actors.get(e.actor)!, ctx.date)?.org === r.org);
  const inText = lastPerson(ctx, Infinity, (e) => e.roleKind === kind && (!country || e.country === country) && sameBody(e), pos);
  if (inText) return inText;
  if (!country && !r.org) return null;
  return holderEntity(ctx, kind, country, r.org, r.term.form);
}

/** The other head of a state's executive: where the title names it better ("Iran's president" is
 *  the head of government there, the head of state being the Supreme Leader). */
const OTHER_HEAD: Record<string, string> = { 'head-of-state': 'head-of-government', 'head-of-government': 'head-of-state' };

/**
 * The knowledge base's holder of an office on the document's date. Several holders (a change of
 * office on that day, or a month-only date): the one the text names, else the one who took office
 * last (a role ends on the day the successor takes office, so both hold it that day). When the
 * office's holder bears another title than the words used and the state's other head bears that
 * one, the other head is meant.
 */
function holderEntity(ctx: Ctx, kind: string, country: string | null, org: string | null, form?: string): Entity | null {
  const holdersOf = (k: string) => ctx.kb.holders(k, country, ctx.date, k === 'head-of-organization' ? org : null);
  let holders = holdersOf(kind);
  const other = OTHER_HEAD[kind];
  if (form && other && country) {
    const titled = (list: Actor[], k: string) => list.filter((a) => titleHas(ctx, a, k, country, form));
    if (holders.length && !titled(holders, kind).length) {
      const alt = titled(holdersOf(other), other);
      if (alt.length) holders = alt;
    }
  }
  if (!holders.length) return null;
  const named = holders.find((h) => ctx.byActor.has(h.id));
  const pick = named ?? latestStart(holders, ctx.date);
  return entityFor(ctx, pick, 'PERSON');
}

/** Whether the person's role of that kind in that state, held on the date, is titled with the words. */
function titleHas(ctx: Ctx, a: Actor, kind: string, country: string, form: string): boolean {
  const words = ` ${form} `;
  return a.roles.some(
    (r) =>
      r.role === kind &&
      r.country === country &&
      (!ctx.date || within(ctx.date, r.from, r.to)) &&
      Object.values(r.title).some((t) => !!t && ` ${fold(t)} `.includes(words)),
  );
}

/** Of several holders, the one whose current term started last (dates compare as text: YYYY-MM-DD). */
function latestStart(holders: Actor[], date: string | null): Actor {
  const start = (a: Actor) => a.roles.filter((r) => !date || within(date, r.from, r.to)).reduce((m, r) => ((r.from ?? '') > m ? (r.from ?? '') : m), '');
  return holders.reduce((best, h) => (start(h) > start(best) ? h : best));
}

/** the person mentioned last before `pos` (or anywhere, preferring the nearest) that fits */
function lastPerson(ctx: Ctx, pos: number, ok: (e: Entity) => boolean, near?: number): Entity | null {
  let best: { e: Entity; d: number } | null = null;
  const ref = near ?? pos;
  for (const e of ctx.entities) {
    if (e.type !== 'PERSON' || !ok(e)) continue;
    // the nearest start to ref among mentions ending by pos: outward from ref in start order
    const list = ctx.byStart.get(e) ?? [];
    const mid = firstAfter(list, ref);
    let d = Infinity;
    for (let i = mid - 1; i >= 0; i--)
      if (list[i]!.end <= pos) {
        d = ref - list[i]!.start;
        break;
      }
    for (let i = mid; i < list.length && list[i]!.start - ref < d; i++) {
      if (list[i]!.start >= pos) break; // starts at or past pos: ends past it, as do all after
      if (list[i]!.end <= pos) {
        d = Math.min(d, list[i]!.start - ref);
        break;
      }
    }
    if (d < Infinity && (!best || d < best.d)) best = { e, d };
  }
  return best?.e ?? null;
}

function entityFor(ctx: Ctx, a: Actor, type: EntityType): Entity {
  const key = `${a.id}|${type}`;
  const found = ctx.byActor.get(key);
  if (found) return found;
  const role = ctx.kb.roleAt(a, ctx.date);
  const e = newEntity(ctx, type, a.name, a.id, ctx.kb.countryAt(a, ctx.date));
  e.role = role ? (role.title.en ?? role.role) : null;
  e.roleKind = role?.role ?? null;
  e.code = ctx.kb.codeAt(a, ctx.date);
  e.gender = a.gender;
  ctx.byActor.set(key, e);
  if (!ctx.byActor.has(a.id)) ctx.byActor.set(a.id, e);
  return e;
}

function newEntity(ctx: Ctx, type: EntityType, name: string, actor: string | null, country: string | null): Entity {
  const e: Entity = { id: `E${ctx.entities.length + 1}`, type, name, actor, country, role: null, roleKind: null, code: null, gender: null, mentions: [] };
  if (type === 'COUNTRY' && country) e.code = ctx.kb.countries.get(country)?.cameo ?? country;
  ctx.entities.push(e);
  return e;
}

function addMention(ctx: Ctx, e: Entity, sp: { start: number; end: number }, via: string): Mention | null {
  const key = `${e.id}:${sp.start}:${sp.end}`;
  if (ctx.seen.has(key)) return null;
  ctx.seen.add(key);
  const m: Mention = {
    start: sp.start,
    end: sp.end,
    text: ctx.doc.text.slice(sp.start, sp.end),
    via,
    type: e.type,
    actor: e.actor,
    country: e.country,
    entity: Number(e.id.slice(1)) - 1,
  };
  e.mentions.push(m);
  ctx.doc.mentions.push(m);
  indexMention(ctx, e, m);
  return m;
}

function indexMention(ctx: Ctx, e: Entity, m: Mention): void {
  let list = ctx.byStart.get(e);
  if (!list) ctx.byStart.set(e, (list = []));
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > m.start) i--; // mentions mostly come in reading order
  list.splice(i, 0, m);
}

/** index of the first of `list` (sorted by start) starting after `x` */
function firstAfter(list: Mention[], x: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
