// analyze(article) → Analysis: the ordered stages over one document. The CLI, the HTTP API
// and the store are thin shells over this call.
import type { Analysis, Article } from './analysis.js';
import type { Doc } from './doc.js';
import { loadPacks, type LanguagePack } from './lang/pack.js';
import { createLanguageIdentifier, type LanguageIdentifier } from './text/language.js';
import { splitSegments } from './text/segments.js';
import { tokenize, tokenizeOptionsFor, type TokenizeOptions } from './text/tokens.js';
import { splitSentences } from './text/sentences.js';
import { loadKnowledgeBase, type KnowledgeBase } from './kb/kb.js';
import { loadCodebook, type Codebook } from './events/codebook.js';
import { createEntityStage } from './entities/stage.js';
import { createSlotNameStage } from './entities/slots.js';
import { createQuoteStage } from './quotes/stage.js';
import { createEventStage } from './events/stage.js';
import { createClauseStage, syntaxParser } from './clauses/stage.js';
import { createActorStage } from './actors/stage.js';
import { toAnalysis } from './output.js';
import type { Stage, StageResources } from './stage.js';

export type { Stage } from './stage.js';
export { documentId, articleId } from './document-id.js';

export interface AnalyzerOptions {
  /** extra knowledge-base files (same JSONL format as data/kb) */
  kbFiles?: string[];
  /** language codes of the packs to load (default: every pack under lang/) */
  languages?: string[];
}

export interface Analyzer {
  analyze(article: Article): Analysis;
  /** the enriched document, for tools that need more than the contract */
  analyzeDoc(article: Article): Doc;
  kb: KnowledgeBase;
  packs: Map<string, LanguagePack>;
  codebook: Codebook;
}

export async function createAnalyzer(opts: AnalyzerOptions = {}): Promise<Analyzer> {
  const packs = loadPacks(opts.languages);
  const kb = loadKnowledgeBase({ extraFiles: opts.kbFiles ?? [] });
  const codebook = loadCodebook();
  const lid = await createLanguageIdentifier(packs);
  const tokOpts = tokenizeOptionsFor(packs);
  const res: StageResources = { kb, packs, codebook, tokOpts };
  const stages: Stage[] = [
    createEntityStage(res),
    createClauseStage(res, syntaxParser()),
    createSlotNameStage(res),
    createQuoteStage(res),
    createActorStage(res),
    createEventStage(res),
  ];
  const analyzeDoc = (article: Article): Doc => {
    const doc = readDocument(article, packs, lid, tokOpts);
    for (const stage of stages) stage.run(doc);
    return doc;
  };
  return { analyzeDoc, analyze: (a) => toAnalysis(analyzeDoc(a), codebook), kb, packs, codebook };
}

/** The text layers: segments with their language, tokens, sentences. */
export function readDocument(article: Article, packs: Map<string, LanguagePack>, lid: LanguageIdentifier, tokOpts: TokenizeOptions): Doc {
  const text = article.text;
  const bodyStart = Math.min(article.bodyStart ?? 0, text.length);
  const segments = splitSegments(text, bodyStart);
  const tokens = tokenize(text, tokOpts, bodyStart);
  const fallback = article.language ?? packs.keys().next().value ?? 'en';
  const main = new Map<string, number>();
  let ti = 0;
  for (const seg of segments) {
    if (seg.kind === 'header') continue;
    const end = seg.post ? seg.post.signatureStart : seg.end;
    while (ti < tokens.length && tokens[ti]!.start < seg.start) ti++;
    const words: string[] = [];
    for (let k = ti; k < tokens.length && tokens[k]!.end <= end; k++) if (tokens[k]!.kind === 'word') words.push(tokens[k]!.norm);
    seg.language = lid.identify(text.slice(seg.start, end), words) ?? null;
    if (seg.language && seg.kind !== 'post') main.set(seg.language, (main.get(seg.language) ?? 0) + end - seg.start);
  }
  const language = article.language ?? [...main].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
  // a forced language applies to the body paragraphs; posts keep their own
  if (article.language) for (const seg of segments) if (seg.kind === 'paragraph') seg.language = article.language;
  const sentences = splitSentences(
    tokens,
    segments.filter((s) => s.kind !== 'header'),
  );
  return {
    article,
    text,
    bodyStart,
    published: article.published ?? null,
    language,
    packs,
    segments,
    tokens,
    sentences,
    mentions: [],
    entities: [],
    clauses: null,
    quotes: [],
    events: [],
  };
}
