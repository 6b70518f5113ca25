// Speech cues compiled once per analyzer from every pack's speech.json: verb forms (single tokens and
// multi-word phrases), 'selon' / 'according to', noun cues with their channel, channel words, and the
// small closed classes the attribution rules need (auxiliaries, prepositions, determiners, pronouns).
import type { Channel } from '../analysis.js';
import type { LanguagePack } from '../lang/pack.js';
import { tokenize, type TokenizeOptions } from '../text/tokens.js';
import { fold } from '../text/normalize.js';

export type VerbClass = 'finite' | 'participle' | 'past' | 'infinitive';

export interface VerbInfo {
  lemma: string;
  lang: string;
  weak: boolean;
  /** English verbs that take a clause without "that" (said the talks…) */
  bare: boolean;
  classes: Set<VerbClass>;
}

export type PhraseKind = 'verb' | 'according' | 'same' | 'noun' | 'channel' | 'quotedAs' | 'latter';

export interface PhraseEntry {
  words: string[];
  kind: PhraseKind;
  lang: string;
  verb?: VerbInfo;
  cls?: VerbClass;
  channel?: Channel;
}

export interface FunctionWords {
  aux: Set<string>;
  invertedPronouns: Map<string, 'm' | 'f' | null>;
  complementizers: Set<string>;
  subjectPronouns: Map<string, 'm' | 'f'>;
  /** pronouns after 'selon' / 'according to' (lui, him) */
  objectPronouns: Map<string, 'm' | 'f'>;
  possessives: Set<string>;
  relatives: Set<string>;
  /** words introducing whom one speaks to (à, to): the mention after them is not the speaker */
  addressee: Set<string>;
  /** verb forms whose object is the addressee (told): the mention right after is not the speaker */
  addresseeVerbs: Set<string>;
  prepositions: Set<string>;
  determiners: Set<string>;
  indefinites: Set<string>;
  clauseCutters: Set<string>;
  /** words that join a second verb to the same subject (et, and): a cue right after one ends a reported clause */
  coordinators: Set<string>;
  notClauseStart: Set<string>;
  /** the dates pack's words (mardi, Tuesday): a date may follow an inverted subject */
  dateWords: Set<string>;
}

export interface SpeechLexicon {
  /** single-token verb forms (folded) → verbs having that form */
  verbs: Map<string, { verb: VerbInfo; classes: Set<VerbClass> }[]>;
  /** multi-token entries by their first folded token, longest first */
  phrases: Map<string, PhraseEntry[]>;
  /** closed classes per language, and their union */
  byLang: Map<string, FunctionWords>;
  all: FunctionWords;
  lemmaCount: Map<string, number>;
}

function emptyWords(): FunctionWords {
  return {
    aux: new Set(),
    invertedPronouns: new Map(),
    complementizers: new Set(),
    subjectPronouns: new Map(),
    objectPronouns: new Map(),
    possessives: new Set(),
    relatives: new Set(),
    addressee: new Set(),
    addresseeVerbs: new Set(),
    prepositions: new Set(),
    determiners: new Set(),
    indefinites: new Set(),
    clauseCutters: new Set(),
    coordinators: new Set(),
    notClauseStart: new Set(),
    dateWords: new Set(),
  };
}

export function buildSpeechLexicon(packs: Map<string, LanguagePack>, tok: TokenizeOptions): SpeechLexicon {
  const lex: SpeechLexicon = { verbs: new Map(), phrases: new Map(), byLang: new Map(), all: emptyWords(), lemmaCount: new Map() };
  const norms = (s: string) => tokenize(s, tok).map((t) => t.norm);
  const addPhrase = (e: PhraseEntry) => {
    if (e.words.length === 0) return;
    const list = lex.phrases.get(e.words[0]!) ?? [];
    list.push(e);
    lex.phrases.set(e.words[0]!, list);
  };
  for (const [code, pack] of packs) {
    const sp = pack.files.speech;
    if (!sp) continue;
    const fw = emptyWords();
    // single function words are looked up as tokens' folded forms (qu’ → qu')
    const one = (s: string) => fold(s);
    for (const a of sp.auxiliaries ?? []) fw.aux.add(one(a));
    for (const [p, g] of Object.entries(sp.invertedPronouns ?? {})) fw.invertedPronouns.set(one(p), g as 'm' | 'f' | null);
    for (const c of sp.complementizers ?? []) fw.complementizers.add(one(c));
    for (const [p, g] of Object.entries(sp.subjectPronouns ?? {})) fw.subjectPronouns.set(one(p), g as 'm' | 'f');
    for (const [p, g] of Object.entries(sp.objectPronouns ?? {})) fw.objectPronouns.set(one(p), g as 'm' | 'f');
    for (const p of sp.possessives ?? []) fw.possessives.add(one(p));
    for (const p of sp.relatives ?? []) fw.relatives.add(one(p));
    for (const p of sp.addressee ?? []) fw.addressee.add(one(p));
    for (const p of sp.addresseeVerbs ?? []) fw.addresseeVerbs.add(one(p));
    for (const p of sp.prepositions ?? []) fw.prepositions.add(one(p));
    for (const p of sp.determiners ?? []) fw.determiners.add(one(p));
    for (const p of sp.indefinites ?? []) fw.indefinites.add(one(p));
    for (const p of sp.clauseCutters ?? []) fw.clauseCutters.add(one(p));
    for (const p of sp.coordinators ?? []) fw.coordinators.add(one(p));
    for (const p of sp.notClauseStart ?? []) fw.notClauseStart.add(one(p));
    for (const p of pack.files.dates?.cues ?? []) fw.dateWords.add(one(p));
    lex.byLang.set(code, fw);
    for (const k of Object.keys(fw) as (keyof FunctionWords)[]) {
      const src = fw[k] as Set<string> | Map<string, unknown>;
      const dst = lex.all[k] as Set<string> | Map<string, unknown>;
      if (src instanceof Map) for (const [a, b] of src) (dst as Map<string, unknown>).set(a, b);
      else for (const a of src) (dst as Set<string>).add(a);
    }
    const bare = new Set<string>(sp.bareClause ?? []);
    let n = 0;
    for (const group of [sp.verbs ?? [], sp.multi ?? []])
      for (const v of group) {
        n++;
        const info: VerbInfo = { lemma: v.lemma, lang: code, weak: !!v.weak, bare: bare.has(v.lemma), classes: new Set() };
        for (const cls of ['finite', 'participle', 'past', 'infinitive'] as VerbClass[]) {
          for (const form of v.forms?.[cls] ?? []) {
            const w = norms(form);
            if (w.length === 0) continue;
            info.classes.add(cls);
            if (w.length === 1) {
              const list = lex.verbs.get(w[0]!) ?? [];
              let slot = list.find((x) => x.verb === info);
              if (!slot) list.push((slot = { verb: info, classes: new Set() }));
              slot.classes.add(cls);
              lex.verbs.set(w[0]!, list);
            } else addPhrase({ words: w, kind: 'verb', lang: code, verb: info, cls });
          }
        }
      }
    lex.lemmaCount.set(code, n);
    for (const a of sp.according ?? []) addPhrase({ words: norms(a), kind: 'according', lang: code });
    for (const a of sp.sameSource ?? []) addPhrase({ words: norms(a), kind: 'same', lang: code });
    for (const a of sp.quotedAs ?? []) addPhrase({ words: norms(a), kind: 'quotedAs', lang: code });
    for (const a of sp.latter ?? []) addPhrase({ words: norms(a), kind: 'latter', lang: code });
    for (const a of sp.nouns ?? []) addPhrase({ words: norms(a.words), kind: 'noun', lang: code, channel: a.channel ?? null });
    for (const a of sp.channels ?? []) addPhrase({ words: norms(a.words), kind: 'channel', lang: code, channel: a.channel ?? null });
  }
  for (const list of lex.phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  return lex;
}
