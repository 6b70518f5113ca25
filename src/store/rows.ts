// Analysis → flat rows for the store's tables, the same for every backend: actor keys, story keys,
// CAMEO root/quad/Goldstein from the codebook, the evidence text (so that no backend needs to cut
// UTF-16 offsets itself).
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis, Article, EntityOut } from '../analysis.js';
import { loadCodebook, type Codebook } from '../events/codebook.js';
import { fold, foldPhrase } from '../text/normalize.js';
import { articleHash } from '../document-id.js';
import { packAnalysisJson, unpackAnalysisJson } from './pack.js';

let codebook: Codebook | null = null;
function cameo(): Codebook {
  return (codebook ??= loadCodebook());
}

/** The key that joins one actor across documents (see types.ts). */
export function actorKey(e: Pick<EntityOut, 'actor' | 'type' | 'country' | 'name'>): string {
  if (e.actor) return e.actor;
  if (e.type === 'COUNTRY' && e.country) return `country:${e.country}`;
  return `${e.type.toLowerCase()}:${foldPhrase(e.name)}`;
}

/** Roots whose acts are symmetric: A meets B is B meets A. */
const SYMMETRIC_ROOTS = new Set(['04']);

export function storyKey(src: string | null, tgt: string | null, root: string, date: string | null): string {
  let a = src ?? '',
    b = tgt ?? '';
  if (SYMMETRIC_ROOTS.has(root) && b < a) [a, b] = [b, a];
  return `${a}|${b}|${root}|${date ?? ''}`;
}

export function storyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function quadOf(code: string): 1 | 2 | 3 | 4 {
  const c = cameo().get(code);
  if (c && c.quad >= 1 && c.quad <= 4) return c.quad as 1 | 2 | 3 | 4;
  const r = Number(code.slice(0, 2));
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 14 ? 3 : 4;
}

export function labelOf(code: string): string {
  return cameo().get(code)?.label.en ?? code;
}

export function goldsteinOf(code: string): number {
  return cameo().get(code)?.goldstein ?? 0;
}

export interface DocRow {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  length: number;
  origin: string | null;
  ingested_at: string;
  text: string;
  /** the analysis as JSON, or that JSON packed (pack.ts) and deflated (SQLite: about a seventh of the size) */
  analysis: string | Uint8Array;
  /** the text deflated, when compressing: what the SQLite store keeps (`text` still feeds the full-text index) */
  text_z: Uint8Array | null;
  /** sha256 of the normalised text (64 hex characters): the id is its first 16 */
  hash: string;
  n_entities: number;
  n_quotes: number;
  n_events: number;
}
export interface ActorRow {
  key: string;
  name: string;
  name_folded: string;
  type: string;
  actor: string | null;
  country: string | null;
  code: string | null;
}
export interface EntityRow {
  doc: string;
  eid: string;
  key: string;
  type: string;
  name: string;
  actor: string | null;
  country: string | null;
  role: string | null;
  code: string | null;
  mentions: number;
  published: string | null;
}
export interface QuoteRowDb {
  doc: string;
  qid: string;
  text: string;
  kind: string;
  speaker_key: string | null;
  cue: string | null;
  language: string | null;
  channel: string | null;
  q_start: number;
  q_end: number;
  published: string | null;
}
export interface ReportRow {
  doc: string;
  vid: string;
  story: string;
  story_key: string;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  date: string | null;
  src_key: string | null;
  tgt_key: string | null;
  src_country: string | null;
  tgt_country: string | null;
  modality: string;
  confidence: number;
  ev_start: number;
  ev_end: number;
  evidence: string;
  is_root: number;
}

export interface Rows {
  doc: DocRow;
  actors: ActorRow[];
  entities: EntityRow[];
  quotes: QuoteRowDb[];
  reports: ReportRow[];
}

/** opts.compress: deflate the text and the analysis JSON (the SQLite store keeps them so; PostgreSQL compresses by itself) */
export function toRows(article: Article & { origin?: string | null }, analysis: Analysis, now = new Date(), opts: { compress?: boolean } = {}): Rows {
  const d = analysis.document;
  const text = article.text;
  const published = d.published ?? article.published ?? null;
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  const keyOf = new Map(analysis.entities.map((e) => [e.id, actorKey(e)]));
  const actors = new Map<string, ActorRow>();
  for (const e of analysis.entities) {
    const key = keyOf.get(e.id)!;
    if (!actors.has(key)) actors.set(key, { key, name: e.name, name_folded: fold(e.name), type: e.type, actor: e.actor, country: e.country, code: e.code });
  }
  // the first paragraph of the body: GDELT's IsRootEvent ("in the lead")
  const lead = analysis.segments.find((s) => s.kind === 'paragraph');
  const reports: ReportRow[] = analysis.events.map((v) => {
    const root = v.code.slice(0, 2);
    const src = v.source ? (keyOf.get(v.source) ?? null) : null;
    const tgt = v.target ? (keyOf.get(v.target) ?? null) : null;
    const date = v.date ?? published;
    const key = storyKey(src, tgt, root, date);
    return {
      doc: d.id,
      vid: v.id,
      story: storyId(key),
      story_key: key,
      code: v.code,
      root,
      quad: quadOf(v.code),
      goldstein: v.goldstein,
      date,
      src_key: src,
      tgt_key: tgt,
      src_country: v.source ? (byId.get(v.source)?.country ?? null) : null,
      tgt_country: v.target ? (byId.get(v.target)?.country ?? null) : null,
      modality: v.modality,
      confidence: v.confidence,
      ev_start: v.evidence.start,
      ev_end: v.evidence.end,
      evidence: text.slice(v.evidence.start, v.evidence.end),
      is_root: lead && v.evidence.start < lead.end ? 1 : 0,
    };
  });
  return {
    doc: {
      id: d.id,
      title: d.title ?? article.title ?? null,
      source: d.source ?? article.source ?? null,
      url: d.url ?? article.url ?? null,
      published,
      language: d.language,
      length: d.length,
      origin: article.origin ?? null,
      ingested_at: now.toISOString(),
      text,
      text_z: opts.compress ? deflateRawSync(text, { level: 6 }) : null,
      hash: articleHash(article),
      analysis: opts.compress ? deflateRawSync(packAnalysisJson(JSON.stringify(analysis), text), { level: 6 }) : JSON.stringify(analysis),
      n_entities: analysis.entities.length,
      n_quotes: analysis.quotes.length,
      n_events: analysis.events.length,
    },
    actors: [...actors.values()],
    entities: analysis.entities.map((e) => ({
      doc: d.id,
      eid: e.id,
      key: keyOf.get(e.id)!,
      type: e.type,
      name: e.name,
      actor: e.actor,
      country: e.country,
      role: e.role,
      code: e.code,
      mentions: e.mentions.length,
      published,
    })),
    quotes: analysis.quotes.map((q) => ({
      doc: d.id,
      qid: q.id,
      text: q.text,
      kind: q.kind,
      speaker_key: q.speaker ? (keyOf.get(q.speaker) ?? null) : null,
      cue: q.cue,
      language: q.language,
      channel: q.channel,
      q_start: q.start,
      q_end: q.end,
      published,
    })),
    reports,
  };
}

/** A stored text column back to text (plain, or deflated bytes). */
export function storedText(v: string | Uint8Array): string {
  return typeof v === 'string' ? v : inflateRawSync(v).toString('utf8');
}

/** The stored analysis column back to an Analysis (JSON text, or deflated JSON bytes, maybe packed: see pack.ts); text: the document's. */
export function parseAnalysis(v: string | Uint8Array, text: string): Analysis {
  return JSON.parse(unpackAnalysisJson(storedText(v), text));
}

/** A different text whose 64-bit id is already taken (the full content hashes differ): refused, never overwritten. */
export class IdCollisionError extends Error {
  constructor(readonly id: string) {
    super(`document id ${id} is already taken by a different text (content hashes differ): not stored`);
  }
}

/** `to` bound for string comparison of partial dates: '2023-02' covers '2023-02-28'. */
export function upperBound(to: string): string {
  return to + '~';
}

/** A free-text query → words (accents folded, punctuation dropped). */
export function queryWords(q: string): string[] {
  return foldPhrase(q)
    .split(' ')
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
}
