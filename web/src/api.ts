// Calls to readout's HTTP API. Types come from the engine itself (type-only imports, erased at build).
import type { Analysis } from '../../src/analysis';
import type { Page, DocumentHit, StoryEvent, QuoteRow, ActorSummary, ActorProfile, Dyad, StoredDocument, StoreStats } from '../../src/store/types';
import type { Network } from '../../src/server/network';

export type { Analysis, Page, DocumentHit, StoryEvent, QuoteRow, ActorSummary, ActorProfile, Dyad, StoredDocument, StoreStats, Network };
export type AnalysisWithText = Analysis & { text: string };

export interface CodeRow {
  code: string;
  root: string;
  label: string;
  labelFr: string;
  goldstein: number;
  quad: number;
}
export interface CountryRow {
  iso3: string;
  name: string;
  nameFr: string;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  let body: any = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  // pasted text goes as raw text, like an uploaded file: a `date …` / `title …` header is read the same way
  analyzeText: (text: string, meta: { published?: string; language?: string }) =>
    call<AnalysisWithText>(`api/analyze${query({ include: 'text', filename: 'pasted.txt', published: meta.published, language: meta.language })}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text,
    }),
  analyzeFile: (file: File, meta: { published?: string; language?: string }) =>
    call<AnalysisWithText>(`api/analyze${query({ include: 'text', filename: file.name, published: meta.published, language: meta.language })}`, {
      method: 'POST',
      headers: { 'content-type': /html?$/i.test(file.name) || file.type.includes('html') ? 'text/html' : 'text/plain' },
      body: file,
    }),
  documents: (p: Record<string, string | number | undefined>) => call<Page<DocumentHit>>(`api/documents${query(p)}`),
  document: (id: string) => call<StoredDocument>(`api/documents/${encodeURIComponent(id)}`),
  events: (p: Record<string, string | number | undefined>) => call<Page<StoryEvent>>(`api/events${query(p)}`),
  quotes: (p: Record<string, string | number | undefined>) => call<Page<QuoteRow>>(`api/quotes${query(p)}`),
  actors: (p: Record<string, string | number | undefined>) => call<Page<ActorSummary>>(`api/actors${query(p)}`),
  actor: (key: string) => call<ActorProfile>(`api/actors/${encodeURIComponent(key)}`),
  dyad: (p: Record<string, string | undefined>) => call<Dyad>(`api/dyads${query(p)}`),
  network: (p: Record<string, string | undefined>) => call<Network>(`api/network${query(p)}`),
  stats: () => call<StoreStats>('api/stats'),
  codebook: () => call<CodeRow[]>('api/codebook'),
  countries: () => call<CountryRow[]>('api/countries'),
};
