// The document as it moves through the pipeline: each stage reads the layers before it and adds one.
import type { Article, EntityOut, EntityType, QuoteKind, Channel, Modality, Span } from './analysis.js';
import type { Segment } from './text/segments.js';
import type { Token } from './text/tokens.js';
import type { Sentence } from './text/sentences.js';
import type { LanguagePack } from './lang/pack.js';
import type { ClauseLayer } from './clauses/types.js';

export interface Mention extends Span {
  text: string;
  /** how it was found: kb, title, capitalised, handle, acronym, demonym, role, pronoun, metonym */
  via: string;
  type: EntityType;
  /** knowledge-base actor id, when the mention names one directly */
  actor: string | null;
  country: string | null;
  /** role kind stated or implied by the mention ("le secrétaire d'État américain") */
  roleKind?: string | null;
  /** entity index once clustered */
  entity: number;
  /** the mention stands for a country through a demonym or a seat of power */
  demonym?: boolean;
  /** the demonym of a place below the state ("marseillais"): it gives descriptions their state but
   *  does not by itself put the state among the article's entities */
  placeDemonym?: boolean;
  /** a composed description ("Iraqi troops"): the CAMEO actor code its words give (IRQMIL) */
  code?: string | null;
  /** a composed description: its agent noun, sector, where the owner came from, its modifiers */
  composed?: { agent: string; sector: string; from: string | null; modifiers: string[] };
}

/** A description as the actor stage read it: its span, agent noun, sector, owner and code. */
export interface ComposedDescription extends Span {
  text: string;
  agent: string;
  sector: string;
  /** where the owner came from: demonym, possessive, complement, place, owner; null when none */
  from: string | null;
  modifiers: string[];
  /** the state or body it belongs to (index into Doc.entities), or -1 */
  entity: number;
  country: string | null;
  code: string | null;
}

/** An entity as the contract has it, plus what later stages need. */
export interface Entity extends Omit<EntityOut, 'mentions'> {
  roleKind: string | null;
  gender: 'm' | 'f' | null;
  mentions: Mention[];
}

export interface Quote extends Span {
  id: string;
  text: string;
  kind: QuoteKind;
  speaker: Entity | null;
  cue: string | null;
  language: string | null;
  channel: Channel;
  /** the cue's span, when there is one */
  cueSpan?: Span | null;
  /** the part before, when this is the second part of a quote split by its cue */
  continues?: Quote | null;
}

export interface DocEvent {
  id: string;
  code: string;
  source: Entity | null;
  target: Entity | null;
  date: string | null;
  dateText: string | null;
  location: Entity | null;
  modality: Modality;
  evidence: Span;
  quote: Quote | null;
  confidence: number;
}

export interface Doc {
  article: Article;
  text: string;
  bodyStart: number;
  published: string | null;
  /** main language of the body */
  language: string;
  packs: Map<string, LanguagePack>;
  segments: Segment[];
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: Entity[];
  /** the clause layer (predicates and their arguments per sentence); null until its stage runs */
  clauses: ClauseLayer | null;
  quotes: Quote[];
  events: DocEvent[];
  /** every composed description ("Iraqi troops", "la police du Sénégal", "truck drivers"), with the
   *  state or body it belongs to when its words say; set by the actor stage */
  descriptions?: ComposedDescription[];
}

/** The language of the segment holding offset `pos` (falls back to the document's). */
export function languageAt(doc: Doc, pos: number): string {
  for (const s of doc.segments) if (pos >= s.start && pos < s.end) return s.language ?? doc.language;
  return doc.language;
}

export function packFor(doc: Doc, lang: string): LanguagePack {
  return doc.packs.get(lang) ?? doc.packs.get(doc.language) ?? doc.packs.values().next().value!;
}
