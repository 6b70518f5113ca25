// The actor-description layer's language data, compiled once: agent nouns with their CAMEO sector
// (lang/<code>/agents.json), the modifiers that change a sector (former → ELI, opposition → OPP:
// the same file's `modifiers`), and the closed-class words that join a nationality or an owner to
// the noun (lang/<code>/composition.json: possessive markers, locative prepositions, numbers).
import type { LanguagePack } from '../lang/pack.js';
import type { TokenizeOptions } from '../text/tokens.js';
import { fold } from '../text/normalize.js';
import { addPhrase, emptyTrie, type PhraseTrie } from '../entities/lexicon.js';

export interface AgentTerm {
  /** the dictionary form ("soldier", "forces de sécurité") */
  term: string;
  /** CAMEO agent (sector) code: MIL, COP, GOV… */
  sector: string;
  /** the knowledge base's role kind when the noun names one office (foreign-minister…), else null */
  role: string | null;
  /** the pack it comes from */
  lang: string;
}

export interface Modifier {
  term: string;
  sector: string;
}

export interface AgentLexicon {
  agents: PhraseTrie<AgentTerm>;
  modifiers: PhraseTrie<Modifier>;
  possessive: Set<string>;
  /** his, their, ses, leurs: the description's owner is whoever they stand for */
  possessiveDeterminers: Set<string>;
  locative: Set<string>;
  /** words between a locative or "of" and the place they lead to: directions and kinds of place
   *  ("in northern Niger", "du nord du Burkina", "de la région de Marrakech") */
  placeWords: PhraseTrie<true>;
  numbers: Set<string>;
  /** words a description never spans (conjunctions, verbs of saying, pronouns…) */
  stops: Set<string>;
  /** languages whose adjectives of nationality follow the noun (soldats maliens) */
  postAdjective: Set<string>;
  /** the number of agent-noun entries, per language */
  size: Map<string, number>;
}

const SECTOR = /^[A-Z]{3}$/;

/** One lexicon over every loaded pack (an article may mix languages). Bad entries are reported by file. */
export function buildAgentLexicon(packs: Map<string, LanguagePack>, tok: TokenizeOptions): AgentLexicon {
  const lex: AgentLexicon = {
    agents: emptyTrie(),
    modifiers: emptyTrie(),
    possessive: new Set(),
    possessiveDeterminers: new Set(),
    locative: new Set(),
    placeWords: emptyTrie(),
    numbers: new Set(),
    stops: new Set(),
    postAdjective: new Set(),
    size: new Map(),
  };
  for (const pack of packs.values()) {
    const file = `lang/${pack.code}/agents.json`;
    const a = pack.files.agents as { agents?: unknown[]; modifiers?: unknown[] } | undefined;
    let n = 0;
    for (const raw of a?.agents ?? []) {
      const e = raw as { term?: string; forms?: string[]; sector?: string; role?: string | null };
      if (!e.term || !e.sector || !SECTOR.test(e.sector))
        throw new Error(`${file}: entry ${JSON.stringify(raw).slice(0, 80)} needs a term and a three-letter sector`);
      const value: AgentTerm = { term: e.term, sector: e.sector, role: e.role ?? null, lang: pack.code };
      for (const f of e.forms?.length ? e.forms : [e.term]) addPhrase(lex.agents, f, value, tok);
      n++;
    }
    lex.size.set(pack.code, n);
    for (const raw of a?.modifiers ?? []) {
      const m = raw as { term?: string; forms?: string[]; sector?: string };
      if (!m.term || !m.sector || !SECTOR.test(m.sector))
        throw new Error(`${file}: modifier ${JSON.stringify(raw).slice(0, 80)} needs a term and a three-letter sector`);
      for (const f of m.forms?.length ? m.forms : [m.term]) addPhrase(lex.modifiers, f, { term: m.term, sector: m.sector }, tok);
    }
    // "former" words of the roles file are modifiers to the elite when the agents file has none
    for (const f of (pack.files.roles?.former as string[] | undefined) ?? []) addPhrase(lex.modifiers, f, { term: f, sector: 'ELI' }, tok);
    const c = (pack.files.composition ?? {}) as Record<string, unknown>;
    for (const [key, target] of [
      ['possessive', lex.possessive],
      ['possessiveDeterminers', lex.possessiveDeterminers],
      ['locative', lex.locative],
      ['numbers', lex.numbers],
      ['stops', lex.stops],
    ] as const) {
      const v = c[key] ?? [];
      if (!Array.isArray(v) || v.some((w) => typeof w !== 'string')) throw new Error(`lang/${pack.code}/composition.json: "${key}" must be a list of words`);
      for (const w of v as string[]) target.add(fold(w));
    }
    const places = c.placeWords ?? [];
    if (!Array.isArray(places) || places.some((w) => typeof w !== 'string'))
      throw new Error(`lang/${pack.code}/composition.json: "placeWords" must be a list of words`);
    for (const w of places as string[]) addPhrase(lex.placeWords, w, true, tok);
    if (c.adjectivesFollowTheNoun === true) lex.postAdjective.add(pack.code);
  }
  return lex;
}
