// The entity layer's language data (lang/<code>/roles.json), compiled once into token tries.
import type { LanguagePack } from '../lang/pack.js';
import { tokenize, type Token, type TokenizeOptions } from '../text/tokens.js';
import { fold } from '../text/normalize.js';
import type { EntityType } from '../analysis.js';

export interface RoleTerm {
  role: string | null;
  /** the term is a title that may stand right before a name ("President Biden") */
  title: boolean;
  /** the term names this role only in these countries (secrétaire d'État → USA) */
  countries: string[] | null;
  /** folded surface form */
  form: string;
  /** followed by an international body's name ("président de la Commission européenne", "IMF
   *  managing director"), the term names that body's head (`headsBody` in roles.json) */
  headsBody?: boolean;
}

export interface PhraseTrie<T> {
  next: Map<string, PhraseTrie<T>>;
  value: T | null;
}

export interface EntityLexicon {
  roles: PhraseTrie<RoleTerm>;
  honorifics: PhraseTrie<true>;
  /** titles that count only right before a name ("Auditor", "Cllr", "le préfet"): the name's role */
  titlesBeforeNames: PhraseTrie<true>;
  determiners: Set<string>;
  former: Set<string>;
  newWords: Set<string>;
  of: Set<string>;
  counterpart: Set<string>;
  groupNouns: Set<string>;
  kingdomWords: Map<string, string>;
  locationPrepositions: Set<string>;
  placeHeads: Set<string>;
  placeNouns: Set<string>;
  orgHeads: Set<string>;
  notNames: Set<string>;
  typeNouns: Map<string, EntityType>;
  stopwords: Set<string>;
  pronounsM: Set<string>;
  pronounsF: Set<string>;
  /** languages whose bodies' names go on in lower case after the head ("Conseil constitutionnel") */
  lowerCaseBodyNames: Set<string>;
  /** words after a capitalised name that only people do (said, a déclaré…): the name is a person's */
  personCues: Set<string>;
  /** single-token forms of the packs' (not weak) speech verbs, finite and past: "said X", "X a déclaré" */
  speechForms: Set<string>;
  /** 'selon', 'according to': folded token sequences after which a name is a speaker */
  according: string[][];
  /** honorifics that say a gender (M., Mme, Mr, Ms), by their folded tokens joined with spaces */
  honorificGender: Map<string, 'm' | 'f'>;
  /** generic names of bodies ("ministère des Affaires étrangères") → organisation kind, and a
   *  name for the body when the knowledge base has none for that state ("Government of {country}") */
  bodies: PhraseTrie<{ kind: string; name: string | null }>;
  /** lower-case nouns that open a place's name ("mausolée Mohammed V") */
  namedPlaceNouns: Set<string>;
  /** possessive markers after a name ("Russia's president"), from composition.json */
  possessive: Set<string>;
}

export function emptyTrie<T>(): PhraseTrie<T> {
  return { next: new Map(), value: null };
}

export function addPhrase<T>(trie: PhraseTrie<T>, phrase: string, value: T, tok: TokenizeOptions): void {
  let node = trie;
  for (const t of tokenize(phrase, tok)) {
    let n = node.next.get(t.norm);
    if (!n) node.next.set(t.norm, (n = emptyTrie<T>()));
    node = n;
  }
  if (node.value === null) node.value = value;
}

/** longest phrase of the trie starting at token i (before `limit`) */
export function matchPhrase<T>(trie: PhraseTrie<T>, tokens: Token[], i: number, limit: number): { end: number; value: T } | null {
  let node: PhraseTrie<T> | undefined = trie;
  let best: { end: number; value: T } | null = null;
  for (let j = i; j < limit && node; j++) {
    node = node.next.get(tokens[j]!.norm);
    if (node?.value != null) best = { end: j + 1, value: node.value };
  }
  return best;
}

const set = (xs: unknown, tok?: TokenizeOptions): Set<string> => new Set(((xs as string[]) ?? []).map((x) => fold(x)).map((x) => (tok ? x : x)));

/** One lexicon over every loaded pack: an article may mix languages, so all packs' words apply. */
export function buildEntityLexicon(packs: Map<string, LanguagePack>, tok: TokenizeOptions): EntityLexicon {
  const lex: EntityLexicon = {
    roles: emptyTrie(),
    honorifics: emptyTrie(),
    titlesBeforeNames: emptyTrie(),
    determiners: new Set(),
    former: new Set(),
    newWords: new Set(),
    of: new Set(),
    counterpart: new Set(),
    groupNouns: new Set(),
    kingdomWords: new Map(),
    locationPrepositions: new Set(),
    placeHeads: new Set(),
    placeNouns: new Set(),
    orgHeads: new Set(),
    notNames: new Set(),
    typeNouns: new Map(),
    stopwords: new Set(),
    pronounsM: new Set(),
    pronounsF: new Set(),
    bodies: emptyTrie(),
    namedPlaceNouns: new Set(),
    lowerCaseBodyNames: new Set(),
    personCues: new Set(),
    speechForms: new Set(),
    according: [],
    honorificGender: new Map(),
    possessive: new Set(),
  };
  for (const pack of packs.values()) {
    const r = pack.files.roles;
    for (const w of pack.core.stopwords) lex.stopwords.add(fold(w));
    for (const w of (pack.files.composition?.possessive as string[] | undefined) ?? []) lex.possessive.add(fold(w));
    addSpeechPositions(lex, pack, tok);
    if (!r) continue;
    for (const [g, forms] of Object.entries((r.honorificGender ?? {}) as Record<string, string[]>))
      for (const h of forms) if (g === 'm' || g === 'f') lex.honorificGender.set(phraseKey(h, tok), g);
    if (r.bodyNamesGoOnInLowerCase) lex.lowerCaseBodyNames.add(pack.code);
    for (const w of r.personCues ?? []) lex.personCues.add(fold(w));
    for (const term of r.roles ?? []) {
      for (const form of term.forms ?? []) {
        addPhrase(
          lex.roles,
          form,
          { role: term.role ?? null, title: !!term.title, countries: term.countries ?? null, form: fold(form), headsBody: term.headsBody === true },
          tok,
        );
      }
    }
    for (const h of r.honorifics ?? []) addPhrase(lex.honorifics, h, true as const, tok);
    for (const t of r.titlesBeforeNames ?? []) addPhrase(lex.titlesBeforeNames, t, true as const, tok);
    for (const b of r.bodies ?? []) for (const form of b.forms ?? []) addPhrase(lex.bodies, form, { kind: String(b.kind), name: b.name ?? null }, tok);
    for (const w of r.namedPlaceNouns ?? []) lex.namedPlaceNouns.add(fold(w));
    for (const w of r.languageNames ?? []) lex.notNames.add(fold(w));
    for (const [k, target] of [
      ['determiners', lex.determiners],
      ['former', lex.former],
      ['new', lex.newWords],
      ['of', lex.of],
      ['counterpart', lex.counterpart],
      ['groupNouns', lex.groupNouns],
      ['locationPrepositions', lex.locationPrepositions],
      ['placeHeads', lex.placeHeads],
      ['placeNouns', lex.placeNouns],
      ['orgHeads', lex.orgHeads],
      ['notNames', lex.notNames],
    ] as const) {
      for (const w of set(r[k])) target.add(w);
    }
    for (const [form, words] of Object.entries(r.kingdomWords ?? {})) for (const w of words as string[]) lex.kingdomWords.set(fold(w), form);
    for (const [noun, type] of Object.entries(r.typeNouns ?? {})) lex.typeNouns.set(fold(noun), type as EntityType);
    for (const p of r.pronouns?.m ?? []) lex.pronounsM.add(fold(p));
    for (const p of r.pronouns?.f ?? []) lex.pronounsF.add(fold(p));
  }
  return lex;
}

/** folded tokens of a phrase joined by spaces, as the text's tokens would give them */
export function phraseKey(phrase: string, tok: TokenizeOptions): string {
  return tokenize(phrase, tok)
    .map((t) => t.norm)
    .join(' ');
}

/** the words that put a name in a speaker's position, from the pack's speech.json */
function addSpeechPositions(lex: EntityLexicon, pack: LanguagePack, tok: TokenizeOptions): void {
  const sp = pack.files.speech;
  if (!sp) return;
  for (const v of (sp.verbs ?? []) as { weak?: boolean; forms?: Record<string, string[]> }[]) {
    if (v.weak) continue;
    for (const cls of ['finite', 'past']) for (const f of v.forms?.[cls] ?? []) if (!/\s/.test(f)) lex.speechForms.add(fold(f));
  }
  for (const a of (sp.according ?? []) as string[]) lex.according.push(tokenize(a, tok).map((t) => t.norm));
}
