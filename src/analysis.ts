// The contract's types (../shared/contract/README.md): what `analyze()` returns for one document.
// Only optional fields may ever be added.

export type Lang = string; // ISO 639-1
export type EntityType = 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'LOCATION' | 'GROUP';
export type SegmentKind = 'title' | 'paragraph' | 'post' | 'blockquote' | 'header';
export type QuoteKind = 'direct' | 'partial' | 'indirect';
export type Channel = 'statement' | 'social' | 'press-briefing' | 'interview' | null;
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'planned';

export interface Span {
  start: number;
  end: number;
}
export interface MentionOut extends Span {
  text: string;
}

export interface DocumentInfo {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: Lang | null;
  length: number;
}

export interface SegmentOut extends Span {
  kind: SegmentKind;
  language: Lang | null;
}

export interface EntityOut {
  id: string;
  type: EntityType;
  name: string;
  actor: string | null;
  country: string | null;
  role: string | null;
  code: string | null;
  mentions: MentionOut[];
}

export interface QuoteOut extends Span {
  id: string;
  text: string;
  kind: QuoteKind;
  speaker: string | null;
  cue: string | null;
  language: Lang | null;
  channel: Channel;
  /** id of the quote's first part, when this part continues a quote split by its cue (optional) */
  continues?: string;
}

export interface EventOut {
  id: string;
  code: string;
  label: string;
  goldstein: number;
  source: string | null;
  target: string | null;
  date: string | null;
  dateText: string | null;
  location: string | null;
  modality: Modality;
  evidence: Span;
  quote: string | null;
  confidence: number;
}

export interface Analysis {
  document: DocumentInfo;
  segments: SegmentOut[];
  entities: EntityOut[];
  quotes: QuoteOut[];
  events: EventOut[];
}

/** One article as read from a file, a feed, a database row or an HTTP request. */
export interface Article {
  text: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  published?: string | null; // YYYY | YYYY-MM | YYYY-MM-DD
  language?: Lang | null; // forced language of the main body
  /** where the text starts after a header block (offsets stay relative to `text`) */
  bodyStart?: number;
}
