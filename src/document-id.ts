// The document id (the contract's `document.id`) and the store's key: one function for the
// analysis and for ingest's skip-before-analysis check, so that the two can never disagree.
import * as crypto from 'node:crypto';
import type { Article } from './analysis.js';
import { collapseSpaces } from './text/normalize.js';

// crypto.hash (Node ≥ 20.12) hashes a string in one call, without a Hash object
const sha256hex: (s: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (s) => (crypto as unknown as { hash(alg: string, data: string, enc: 'hex'): string }).hash('sha256', s, 'hex')
    : (s) => crypto.createHash('sha256').update(s).digest('hex');

/** sha256 of the normalised text (NFC, runs of white space as one space, trimmed), first 16 hex
 * characters: CRLF, a trailing newline or NFD text do not give a new id. */
export function documentId(text: string): string {
  return contentHash(text).slice(0, 16);
}

/** sha256 of the normalised text, all 64 hex characters (the store checks it against id collisions). */
export function contentHash(text: string): string {
  return sha256hex(collapseSpaces(text.normalize('NFC')).trim());
}

/** The full content hash of an article's body (the text its id is made from). */
export function articleHash(article: Pick<Article, 'text' | 'bodyStart'>): string {
  return contentHash(bodyOf(article));
}

function bodyOf(article: Pick<Article, 'text' | 'bodyStart'>): string {
  return article.text.slice(Math.min(article.bodyStart ?? 0, article.text.length));
}

/** The id of an article: the id of its body, i.e. of the text after its header (`bodyStart`). */
export function articleId(article: Pick<Article, 'text' | 'bodyStart'>): string {
  return documentId(bodyOf(article));
}
