// The event lexicon: every language pack's events.json compiled once per analyzer into
// look-up tables over folded tokens. An article may mix languages, so the matcher holds the
// patterns of every pack; the argument words (prepositions, determiners…) are merged too.
import type { LanguagePack } from '../lang/pack.js';
import type { Modality } from '../analysis.js';
import { nominalPatterns } from './nominal.js';
import { fold } from '../text/normalize.js';
import { tokenize, type TokenizeOptions } from '../text/tokens.js';
import { WordFilter } from '../text/wordfilter.js';

export interface EventPattern {
  code: string;
  lang: string;
  kind: 'verb' | 'noun';
  /** pronominal verb (s'entretenir, se rendre): a reflexive clitic must precede it */
  refl: boolean;
  /** required continuations right after the trigger, as folded token sequences */
  then: string[][];
  /** argument slots of the target: 'obj' or a canonical preposition */
  target: Set<string>;
  /** words of which one must follow in the clause (inviter … à) */
  needAfter: Set<string> | null;
  /** words of which one must appear in the sentence (reconnaître … État) */
  needNear: Set<string> | null;
  /** a nominal telling of an act already coded (l'entretien téléphonique): refines it */
  refine: boolean;
  /** how much the pattern says: more words, more specific */
  weight: number;
}

export interface Trigger {
  pattern: EventPattern;
  /** folded tokens of the form */
  seq: string[];
  /** modality carried by the form itself (French future → planned, conditional → hypothetical) */
  modality: Modality | null;
}

export interface Refinement {
  from: string[];
  code: string;
  words: string[][];
}

/** closed-class words of one language: "on" is a French pronoun but an English preposition, "a" an English article but the French "à" */
export interface ClosedWords {
  prepositions: Map<string, string>;
  firstPerson: Set<string>;
  pronounM: Set<string>;
  pronounF: Set<string>;
  /** possessive determiners of one person, by gender ('any' when the word does not tell) */
  possessives: Map<string, 'm' | 'f' | 'any'>;
}

export interface EventLexicon {
  /** first folded token → triggers starting with it */
  first: Map<string, Trigger[]>;
  /** the keys of `first`, as a filter in front of it */
  firstWords: WordFilter;
  determiners: Set<string>;
  /** articles that are also contracted prepositions (des, du): right after the verb they are articles */
  articlesAfterVerb: Set<string>;
  /** determiners of each language: a verb form right after one is a noun (« la visite ») */
  determinersByLang: Map<string, Set<string>>;
  /** auxiliaries of the passive (été, was): a passive with no agent names no source */
  passiveAux: Set<string>;
  /** forms of "be" before a participle (est dénoncé, was condemned); a participle after a noun is a reduced relative */
  copulas: Set<string>;
  /** per language: the words before an infinitive (to, à, de), the endings an infinitive has (none listed: any form), and those of the adverbs that may stand between (explicitly, fermement) */
  infinitive: Map<string, { markers: Set<string>; endings: string[]; adverbEndings: string[] }>;
  /** auxiliaries and clitics between a conjunction and its verb (and has met, et a rencontré) */
  auxiliaries: Set<string>;
  /** per language: endings of the present participle (accusing, accusant) */
  participleEndings: Map<string, string[]>;
  /** languages whose nouns and verbs share forms (attack, aid): a verb form after modifiers may be a noun */
  nounLike: Set<string>;
  /** canonical prepositions of a mutual act's partner (with, avec, between): a joint subject may act on itself */
  reciprocal: Set<string>;
  /** verbs after which "il"/"it" stands for nobody (il faut, it seems) */
  impersonal: Set<string>;
  /** M., Mme, Mr: looked through between a preposition and its actor */
  honorifics: Set<string>;
  /** folded preposition (or contraction) → canonical preposition */
  prepositions: Map<string, string>;
  skip: PhraseSet;
  reflexive: Set<string>;
  passiveAgent: Set<string>;
  relative: Set<string>;
  clauseStops: Set<string>;
  /** words naming a source (according to, selon): no argument of the act lies past them, comma or not */
  attributionStops: Set<string>;
  coordination: PhraseSet;
  firstPerson: Set<string>;
  pronounM: Set<string>;
  pronounF: Set<string>;
  negation: Set<string>;
  negationAfter: Set<string>;
  hypothetical: Set<string>;
  planned: Set<string>;
  intent: Set<string>;
  /** words after which the act is negated but is not a refusal: denials (China denied it had sent
   * troops) and endings (an agreement aimed at ending the fighting; mettre fin aux combats) */
  denial: Set<string>;
  /** the denial words alone (modality.denial: denied, a démenti, nie): what hangs under one of them
   *  in the dependency tree is denied — "China denied [sending troops]" */
  denialVerbs: Set<string>;
  anaphora: PhraseSet;
  /** nouns of something said (propos, remarks) or done (décision, move): "ces propos" stand for their author's act */
  deedsSaid: Set<string>;
  deedsDone: Set<string>;
  /** determiners pointing back (ces, cette, these) and plural pronouns (ils, they) */
  demonstratives: Set<string>;
  pluralPronouns: Set<string>;
  /** definite articles: "la décision" points back like "cette décision", but only to a told author */
  definite: Set<string>;
  /** object clitics before a verb (l'a reçu, lui a demandé): the slot and the person they stand for */
  clitics: Map<string, { slot: string; person: 'm' | 'f' | 'any' }>;
  /** adverb endings of the languages with clitics: adverbs may stand between clitic and verb */
  cliticAdverbEndings: string[];
  /** the preposition of a pair (entre, between): "talks between X and Y" is the pair's act */
  pairing: Set<string>;
  /** genitive clitics ('s): "his country's ambassador" reads as a determiner, a noun and the head */
  genitive: Set<string>;
  /** role and group nouns (dirigeants, leaders): skipped between a preposition and its actor */
  agentNouns: Set<string>;
  refinements: Refinement[];
  intentCodes: Map<string, string>;
  negatedCodes: Map<string, string>;
  patterns: EventPattern[];
  /** the same words per language, for a sentence whose language is known (the fields above hold every pack's) */
  closedByLang: Map<string, ClosedWords>;
  possessives: Map<string, 'm' | 'f' | 'any'>;
}

/** Phrases as folded token sequences, indexed by their first token. */
export class PhraseSet {
  private byFirst = new Map<string, string[][]>();
  add(seq: string[]): void {
    if (!seq.length) return;
    const list = this.byFirst.get(seq[0]!) ?? [];
    list.push(seq);
    list.sort((a, b) => b.length - a.length);
    this.byFirst.set(seq[0]!, list);
  }
  /** length in tokens of the longest phrase starting at norms[i], or 0 */
  matchAt(norms: readonly string[], i: number, end = norms.length): number {
    const list = this.byFirst.get(norms[i]!);
    if (!list) return 0;
    for (const seq of list) {
      if (i + seq.length > end) continue;
      let ok = true;
      for (let k = 1; k < seq.length; k++)
        if (norms[i + k] !== seq[k]) {
          ok = false;
          break;
        }
      if (ok) return seq.length;
    }
    return 0;
  }
  /** the same over tokens (their folded `norm`), without copying them */
  matchTokens(tokens: readonly { norm: string }[], i: number, end: number): number {
    const list = this.byFirst.get(tokens[i]!.norm);
    if (!list) return 0;
    for (const seq of list) {
      if (i + seq.length > end) continue;
      let ok = true;
      for (let k = 1; k < seq.length; k++)
        if (tokens[i + k]!.norm !== seq[k]) {
          ok = false;
          break;
        }
      if (ok) return seq.length;
    }
    return 0;
  }
  has(word: string): boolean {
    return this.byFirst.get(word)?.some((s) => s.length === 1) ?? false;
  }
}

export function compileLexicon(packs: Map<string, LanguagePack>, tokOpts: TokenizeOptions): EventLexicon {
  const words = (s: string): string[] => tokenize(s, tokOpts).map((t) => t.norm);
  const lex: EventLexicon = {
    first: new Map(),
    firstWords: new WordFilter([]),
    determiners: new Set(),
    articlesAfterVerb: new Set(),
    determinersByLang: new Map(),
    passiveAux: new Set(),
    copulas: new Set(),
    infinitive: new Map(),
    reciprocal: new Set(),
    nounLike: new Set(),
    participleEndings: new Map(),
    auxiliaries: new Set(),
    impersonal: new Set(),
    honorifics: new Set(),
    prepositions: new Map(),
    skip: new PhraseSet(),
    reflexive: new Set(),
    passiveAgent: new Set(),
    relative: new Set(),
    clauseStops: new Set(),
    attributionStops: new Set(),
    coordination: new PhraseSet(),
    firstPerson: new Set(),
    pronounM: new Set(),
    pronounF: new Set(),
    negation: new Set(),
    negationAfter: new Set(),
    hypothetical: new Set(),
    planned: new Set(),
    intent: new Set(),
    denial: new Set(),
    denialVerbs: new Set(),
    anaphora: new PhraseSet(),
    agentNouns: new Set(),
    deedsSaid: new Set(),
    deedsDone: new Set(),
    demonstratives: new Set(),
    pluralPronouns: new Set(),
    definite: new Set(),
    clitics: new Map(),
    cliticAdverbEndings: [],
    pairing: new Set(),
    genitive: new Set(),
    refinements: [],
    intentCodes: new Map(),
    negatedCodes: new Map(),
    patterns: [],
    closedByLang: new Map(),
    possessives: new Map(),
  };
  const addAll = (set: Set<string>, list: string[] | undefined) => {
    for (const w of list ?? []) set.add(fold(w));
  };
  const addPhrases = (set: PhraseSet, list: string[] | undefined) => {
    for (const w of list ?? []) set.add(words(w));
  };
  for (const [lang, pack] of packs) {
    for (const a of pack.files.agents?.agents ?? []) for (const f of a.forms ?? []) if (!/\s/.test(f)) lex.agentNouns.add(fold(f));
    const ev = pack.files.events;
    if (!ev) continue;
    addAll(lex.determiners, ev.determiners);
    addAll(lex.articlesAfterVerb, ev.articlesAfterVerb);
    lex.determinersByLang.set(lang, new Set((ev.determiners ?? []).map(fold)));
    addAll(lex.passiveAux, ev.passiveAux);
    addAll(lex.copulas, ev.copulas);
    lex.infinitive.set(lang, {
      markers: new Set((ev.infinitive ?? []).map(fold)),
      endings: (ev.infinitiveEndings ?? []).map(fold),
      adverbEndings: (ev.adverbEndings ?? []).map(fold),
    });
    addAll(lex.reciprocal, ev.reciprocal);
    if (ev.nounVerbSameForms) lex.nounLike.add(lang);
    addAll(lex.auxiliaries, ev.auxiliaries);
    lex.participleEndings.set(lang, (ev.participleEndings ?? []).map(fold));
    addAll(lex.impersonal, ev.pronouns?.impersonal);
    addAll(lex.honorifics, ev.honorifics);
    for (const [k, v] of Object.entries(ev.prepositions ?? {})) lex.prepositions.set(fold(k), fold(String(v)));
    addPhrases(lex.skip, ev.skip);
    addAll(lex.reflexive, ev.reflexive);
    addAll(lex.passiveAgent, ev.passiveAgent);
    addAll(lex.relative, ev.relative);
    addAll(lex.clauseStops, ev.clauseStops);
    addAll(lex.attributionStops, ev.attributionStops);
    addPhrases(lex.coordination, ev.coordination);
    addAll(lex.firstPerson, ev.pronouns?.first);
    addAll(lex.pronounM, ev.pronouns?.m);
    addAll(lex.pronounF, ev.pronouns?.f);
    addAll(lex.negation, ev.modality?.negation);
    addAll(lex.negationAfter, ev.modality?.negationAfter);
    addAll(lex.hypothetical, ev.modality?.hypothetical);
    addAll(lex.planned, ev.modality?.planned);
    addAll(lex.intent, ev.modality?.intent);
    addAll(lex.denial, ev.modality?.denial);
    addAll(lex.denial, ev.modality?.cessation);
    addAll(lex.denialVerbs, ev.modality?.denial);
    addPhrases(lex.anaphora, ev.anaphora);
    addAll(lex.deedsSaid, ev.deeds?.said);
    addAll(lex.deedsDone, ev.deeds?.done);
    addAll(lex.demonstratives, ev.deeds?.demonstratives);
    addAll(lex.pluralPronouns, ev.deeds?.pluralPronouns);
    addAll(lex.definite, ev.definite);
    addAll(lex.pairing, ev.pairing);
    addAll(lex.genitive, ev.genitive);
    const clitics = Object.entries(ev.clitics ?? {}) as [string, { slot: string; person: 'm' | 'f' | 'any' }][];
    for (const [w, c] of clitics) lex.clitics.set(fold(w), { slot: c.slot, person: c.person });
    if (clitics.length) lex.cliticAdverbEndings.push(...(ev.adverbEndings ?? []).map(fold));
    const own: ClosedWords = { prepositions: new Map(), firstPerson: new Set(), pronounM: new Set(), pronounF: new Set(), possessives: new Map() };
    for (const [g, list] of Object.entries(ev.pronouns?.possessive ?? {}) as [string, string[]][])
      for (const w of list) own.possessives.set(fold(w), g as 'm' | 'f' | 'any');
    for (const [k, v] of Object.entries(ev.prepositions ?? {})) own.prepositions.set(fold(k), fold(String(v)));
    for (const v of [...own.prepositions.values()]) if (!own.prepositions.has(v)) own.prepositions.set(v, v);
    addAll(own.firstPerson, ev.pronouns?.first);
    addAll(own.pronounM, ev.pronouns?.m);
    addAll(own.pronounF, ev.pronouns?.f);
    lex.closedByLang.set(lang, own);
    for (const [w, g] of own.possessives) lex.possessives.set(w, g);
    for (const r of ev.refinements ?? []) lex.refinements.push({ from: r.from, code: r.code, words: r.words.map(words) });
    for (const [k, v] of Object.entries(ev.intentCodes ?? {})) lex.intentCodes.set(k, String(v));
    for (const [k, v] of Object.entries(ev.negatedCodes ?? {})) lex.negatedCodes.set(k, String(v));
    // patterns live in events.json and in event-patterns.json (the lexicon at codebook scale)
    const written = [...(ev.patterns ?? []), ...(pack.files['event-patterns']?.patterns ?? [])];
    for (const p of [...written, ...nominalPatterns(pack.files['event-nouns'], written, `lang/${lang}/event-nouns.json`)]) {
      const then = (p.then ?? []).map(words).filter((s: string[]) => s.length);
      const pat: EventPattern = {
        code: String(p.code),
        lang,
        kind: p.verb ? 'verb' : 'noun',
        refl: !!p.verb && /^(?:se |s['’])/.test(p.verb),
        then,
        target: new Set((p.target ?? ['obj']).map((t: string) => (t === 'obj' ? 'obj' : (lex.prepositions.get(fold(t)) ?? fold(t))))),
        needAfter: p.needAfter ? new Set(p.needAfter.map(fold)) : null,
        needNear: p.needNear ? new Set(p.needNear.map(fold)) : null,
        refine: !!p.refine,
        weight: (p.verb ? 0.7 : 0.55) + (then.length ? 0.1 : 0) + (String(p.code).length > 3 ? 0.05 : 0),
      };
      lex.patterns.push(pat);
      const forms: [string, Modality | null][] = [];
      if (p.verb) {
        for (const [bucket, list] of Object.entries(p.forms ?? {}) as [string, string[]][]) {
          const mod: Modality | null = bucket === 'planned' ? 'planned' : bucket === 'hypothetical' ? 'hypothetical' : null;
          for (const f of list) forms.push([f, mod]);
        }
        if (!p.forms) forms.push([p.verb.replace(/^(?:se |s['’])/, ''), null]);
      } else {
        for (const n of [p.noun].flat()) forms.push([n, null]);
      }
      for (const [f, mod] of forms) {
        const seq = words(f);
        if (!seq.length) continue;
        const list = lex.first.get(seq[0]!) ?? [];
        list.push({ pattern: pat, seq, modality: mod });
        lex.first.set(seq[0]!, list);
      }
    }
  }
  // the canonical prepositions are prepositions of themselves
  for (const v of [...lex.prepositions.values()]) if (!lex.prepositions.has(v)) lex.prepositions.set(v, v);
  lex.firstWords = new WordFilter(lex.first.keys());
  return lex;
}

/** Longest key of `map` that is a prefix of `code` (root-level tables such as intentCodes). */
export function byPrefix(map: Map<string, string>, code: string): string | undefined {
  for (let n = code.length; n >= 2; n--) {
    const v = map.get(code.slice(0, n));
    if (v) return v;
  }
  return undefined;
}
