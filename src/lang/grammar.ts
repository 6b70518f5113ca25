// The closed-class words of a language that the clause layer reads (lang/<code>/grammar.json), typed
// and folded once per pack.
import type { LanguagePack } from './pack.js';
import { fold } from '../text/normalize.js';

export interface Grammar {
  /** words that negate the verb they modify (ne, pas, not, never) */
  negation: Set<string>;
  /** modal verbs and auxiliaries: the act is only possible or wished */
  modals: Set<string>;
  /** auxiliaries that put the verb in the future (will, va) */
  futureAuxiliaries: Set<string>;
  /** endings of synthetic future forms (French -ra, -ront) */
  futureEndings: string[];
  /** the preposition that introduces a passive's agent (par, by) */
  agentPrepositions: Set<string>;
  relativePronouns: Set<string>;
  reflexives: Set<string>;
  /** auxiliaries of the passive (être, be, get): an aux:pass that is not one of them is a plain auxiliary */
  passiveAuxiliaries: Set<string>;
  /** endings of a verb form that carries its inverted subject pronoun (a-t-il, affirme-t-elle) */
  invertedSubjectSuffixes: string[];
  /** past participles conjugated with être that are active (il est arrivé) */
  activeWithBe: Set<string>;
  /** endings of present participles (-ant, -ing): a participle modifying a noun without them is passive */
  presentParticipleEndings: string[];
  /** preposition + article contractions → the preposition (du → de, au → à) */
  prepositionContractions: Map<string, string>;
}

const cache = new WeakMap<LanguagePack, Grammar>();

/** The pack's grammar.json, folded; a pack without one gets empty sets. */
export function grammarOf(pack: LanguagePack): Grammar {
  let g = cache.get(pack);
  if (g) return g;
  const raw = (pack.files.grammar ?? {}) as Record<string, unknown>;
  const words = (key: string): string[] => {
    const v = raw[key] ?? [];
    if (!Array.isArray(v) || v.some((w) => typeof w !== 'string')) throw new Error(`lang/${pack.code}/grammar.json: "${key}" must be a list of words`);
    return v as string[];
  };
  const set = (key: string) => new Set(words(key).map(fold));
  const contractions = (raw.prepositionContractions ?? {}) as Record<string, string>;
  g = {
    negation: set('negation'),
    modals: set('modals'),
    futureAuxiliaries: set('futureAuxiliaries'),
    futureEndings: words('futureEndings').map(fold),
    agentPrepositions: set('agentPrepositions'),
    relativePronouns: set('relativePronouns'),
    reflexives: set('reflexives'),
    passiveAuxiliaries: set('passiveAuxiliaries'),
    invertedSubjectSuffixes: words('invertedSubjectSuffixes').map(fold),
    activeWithBe: new Set(words('activeWithBe').flatMap((w) => { const f = fold(w); return [f, f + 'e', f + 's', f + 'es']; })),
    presentParticipleEndings: words('presentParticipleEndings').map(fold),
    prepositionContractions: new Map(Object.entries(contractions).map(([k, v]) => [fold(k), fold(v)])),
  };
  cache.set(pack, g);
  return g;
}
