// The store interface: what every backend (embedded SQLite, PostgreSQL) offers the CLI, the HTTP
// API and the web UI. All methods are async so that both backends fit; open one with
// `openStore(url)` from ./open.ts (a file path or `postgres://…`).
//
// Vocabulary
// - document: one analysed article, keyed by its content hash (analysis.document.id).
// - actor key: how entities of different documents are joined: the knowledge-base id when the
//   entity is linked (`antony-blinken`), `country:ISO3` for an unlinked country, otherwise
//   `TYPE:folded name` (`person:jean dupont`). See ./keys.ts.
// - report: one event of one document (the contract's EventOut).
// - story event: one act across documents: reports with the same source and target actor keys,
//   the same CAMEO root and the same date (the event's own date, else the document's date)
//   are one story event listing its reports (GDELT's events/mentions idea). Consultations
//   (root 04) are symmetric: A meets B and B meets A on the same day are the same story.
import type { Analysis, Article, Channel, EntityType, QuoteKind, Modality } from '../analysis.js';
import type { Rows } from './rows.js';
import type { ModalityFilter } from './modality.js';

export type PutResult = 'stored' | 'unchanged' | 'replaced';

export interface PutOptions {
  /** replace a document that is already stored (re-analysis) */
  force?: boolean;
}

/** Filters shared by events(), quotes(), searchDocuments() and exportRows(). All optional. */
export interface Filter {
  /** actor key, knowledge-base id or (part of a) name, accents and case ignored */
  actor?: string;
  /** ISO 3166-1 alpha-3: events with an actor of this country; quotes by a speaker of it */
  country?: string;
  /** ISO3 of the counterpart (with `country`: events between the two countries, either way) */
  with?: string;
  /** CAMEO code or root: '04' matches 040…046, '042' only 042… */
  code?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, inclusive; compared with the event date (or document date) */
  from?: string;
  to?: string;
  /** full-text query over document text (and quote text for quotes()), accents ignored */
  text?: string;
  /** speaker actor key, id or name (quotes) */
  speaker?: string;
  /** documents only */
  language?: string;
  /** story events: which modalities count (default: asserted only, see ./modality.ts) */
  modality?: ModalityFilter;
  limit?: number; // default 50 (exportRows: no limit)
  offset?: number;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** An actor as it appears in results. */
export interface ActorRef {
  key: string;
  name: string;
  type: EntityType;
  /** knowledge-base id or null */
  actor: string | null;
  country: string | null;
  /** CAMEO actor code (on the date of the document that named it) */
  code: string | null;
}

export interface DocumentMeta {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  length: number;
  /** where it came from (file path, feed URL…) when known */
  origin: string | null;
  ingestedAt: string;
}

export interface StoredDocument extends DocumentMeta {
  text: string;
  analysis: Analysis;
}

export interface DocumentHit extends DocumentMeta {
  /** a short passage around the first match when `text` was given, else the beginning */
  snippet: string;
  counts: { entities: number; quotes: number; events: number };
}

export interface Report {
  document: string;
  /** event id inside the document (V1…) */
  event: string;
  code: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  modality: Modality;
  confidence: number;
  evidence: { start: number; end: number; text: string };
}

export interface StoryEvent {
  /** stable id: a hash of the story key */
  id: string;
  /** the most frequent code among its reports */
  code: string;
  root: string;
  label: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  date: string | null;
  /** asserted when any of its reports asserts the act, else the most frequent modality of its reports */
  modality: Modality;
  source: ActorRef | null;
  target: ActorRef | null;
  numReports: number;
  numArticles: number;
  numSources: number;
  reports: Report[];
}

export interface QuoteRow {
  document: string;
  /** quote id inside the document (Q1…) */
  id: string;
  text: string;
  kind: QuoteKind;
  speaker: ActorRef | null;
  cue: string | null;
  language: string | null;
  channel: Channel;
  start: number;
  end: number;
  published: string | null;
  title: string | null;
  url: string | null;
}

export interface ActorSummary extends ActorRef {
  documents: number;
  mentions: number;
  quotes: number;
  events: number;
}

export interface ActorRole {
  role: string;
  country: string | null;
  /** first and last document dates on which the analyses gave this role */
  from: string | null;
  to: string | null;
  /** added by the server from the knowledge base: the role's title in each language, and its tenure */
  title?: Record<string, string | undefined>;
  tenure?: { from: string | null; to: string | null };
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  events: number;
  /** events per quad class 1 (verbal cooperation) … 4 (material conflict) */
  quad: [number, number, number, number];
  goldstein: number | null;
}

export interface ActorProfile extends ActorSummary {
  roles: ActorRole[];
  /** the latest quotes attributed to the actor (up to 20) */
  recentQuotes: QuoteRow[];
  timeline: MonthCount[];
  counterparts: { actor: ActorRef; events: number; goldstein: number | null }[];
}

export interface Dyad {
  a: ActorRef | null;
  b: ActorRef | null;
  months: MonthCount[];
  total: number;
  meanGoldstein: number | null;
  events: StoryEvent[];
}

export interface StoreStats {
  documents: number;
  entities: number;
  mentions: number;
  quotes: number;
  reports: number;
  storyEvents: number;
  languages: Record<string, number>;
  firstPublished: string | null;
  lastPublished: string | null;
  topActors: ActorSummary[];
  topDyads: { a: ActorRef; b: ActorRef; events: number }[];
  schemaVersion: number;
  backend: 'sqlite' | 'postgres';
}

export type ExportWhat = 'events' | 'quotes' | 'entities' | 'documents';

/** One flat row of an export (entities: one row per entity per document). */
export type ExportRow = Record<string, string | number | null>;

/** One article an ingest could not read, analyse or store (table `ingest_failures`). */
export interface IngestFailure {
  /** file, file:line, feed#n… */
  origin: string;
  file: string | null;
  /** JSONL line (1-based) or feed item number, when there is one */
  line: number | null;
  error: string;
  /** ISO time; set by the store when absent */
  at?: string;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** rows given to putRows() carry the analysis deflated (toRows(…, { compress: true })) */
  readonly compressAnalyses: boolean;
  /** create or migrate the schema (idempotent; called by openStore) */
  init(): Promise<void>;
  /** one transaction per document */
  putDocument(article: Article & { origin?: string | null }, analysis: Analysis, opts?: PutOptions): Promise<PutResult>;
  /**
   * documents already turned into rows (see ./rows.ts), in one transaction; a document another
   * writer stored first is `unchanged`; a document that cannot be stored gets an Error in its slot
   * and never fails the others
   */
  putRows(batch: Rows[], opts?: PutOptions): Promise<(PutResult | Error)[]>;
  hasDocument(id: string): Promise<boolean>;
  /** which of these ids are stored (one query per 500) */
  hasDocuments(ids: string[]): Promise<Set<string>>;
  recordFailures(failures: IngestFailure[]): Promise<void>;
  /** the recorded ingest failures, oldest first */
  failures(limit?: number): Promise<IngestFailure[]>;
  getDocument(id: string): Promise<StoredDocument | null>;
  deleteDocument(id: string): Promise<boolean>;
  searchDocuments(filter: Filter): Promise<Page<DocumentHit>>;
  events(filter: Filter): Promise<Page<StoryEvent>>;
  event(id: string): Promise<StoryEvent | null>;
  quotes(filter: Filter): Promise<Page<QuoteRow>>;
  actors(query: { q?: string; type?: EntityType; country?: string; limit?: number; offset?: number }): Promise<Page<ActorSummary>>;
  /** by actor key (or knowledge-base id) */
  actor(key: string, opts?: { modality?: ModalityFilter }): Promise<ActorProfile | null>;
  /** events between two actors (keys, ids or names), either direction */
  dyad(a: string, b: string, range?: { from?: string; to?: string; modality?: ModalityFilter }): Promise<Dyad>;
  /** streamed rows in a stable order, constant memory */
  exportRows(what: ExportWhat, filter?: Filter): AsyncIterable<ExportRow>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
