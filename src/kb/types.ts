// The knowledge base's records (formats: data/kb/README.md).
import type { EntityType } from '../analysis.js';

export interface Role {
  role: string;
  title: { en?: string; fr?: string } & Record<string, string | undefined>;
  country: string | null;
  org?: string | null;
  from: string | null;
  to: string | null;
  code: string | null;
}

export interface Actor {
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  code: string | null;
  /** organisations: foreign-ministry, international…; countries: their form (kingdom…) */
  kind: string | null;
  gender: 'm' | 'f' | null;
  aliases: string[];
  acronyms: string[];
  handles: string[];
  roles: Role[];
  parent: string | null;
  /** organisations whose CAMEO code changed (an armed group that took power): dated codes; `code`
   *  answers outside them */
  codes?: { from: string | null; to: string | null; code: string }[];
  /** places: the adjectives and nouns of their people ("marseillais", "Quebecers"), every language */
  demonyms?: string[];
  source: string;
}

export interface Country {
  iso2: string;
  iso3: string;
  cameo: string;
  form: string | null;
  name: Record<string, string>;
  names: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  capital: Record<string, string> | null;
  metonyms: Record<string, string[]>;
  /** Africa, Americas, Asia, Europe, Middle East or Oceania (null in an older or user file) */
  region: string | null;
  unMember: boolean;
  /** periods when the head of state also heads the government (no separate head-of-government office) */
  headOfStateGoverns: { from: string | null; to: string | null }[];
  /** periods when an office was vacant by fact (Lebanon's presidency 2014–2016…) */
  vacancies: { office: string; from: string | null; to: string | null }[];
  source: string;
}

export type NameKind = 'name' | 'alias' | 'surname' | 'acronym' | 'handle' | 'demonym' | 'metonym';

export interface NameEntry {
  actor: string;
  kind: NameKind;
  /** the alias must start with a capital in the text (it does in the knowledge base) */
  needsCap: boolean;
  /** which token must be capitalised: 1 after a title's article ("the Guardian", "Le Monde") */
  capAt: number;
  /** further tokens that must be capitalised too (titles of media and parties made of common words) */
  capsAt: number[];
  /** exact case required (acronyms) */
  exact: string | null;
  /** number of tokens */
  length: number;
  /** a demonym of a place below the state ("marseillais"): that place's id (the entry's actor is its state) */
  place?: string;
}
