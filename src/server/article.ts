// One article from an HTTP request: a JSON body ({text, html?, title?, …}) or raw bytes (any
// encoding the CLI reads, HTML by content type or file name) with metadata in the query. Plain data
// in and out, so that the reading (HTML through Readability is the costly part) can run on a worker
// thread as well as in the server.
import type { Article } from '../analysis.js';
import { readArticleBytes } from '../ingest/read.js';
import { readHtml } from '../ingest/html.js';
import { calendarProblem } from '../text/calendar.js';
import { HttpError } from './errors.js';

export type ArticleRequest =
  { kind: 'json'; body: Record<string, unknown> } | { kind: 'raw'; bytes: Uint8Array; name: string; contentType: string; query: Record<string, unknown> };

const META = ['title', 'source', 'url', 'published', 'language'] as const;

/** Dates the schema let through by their shape (YYYY-MM-DD) must also be on the calendar: 400 names the field. */
export function checkDates(q: Record<string, unknown>, fields: string[]): void {
  for (const f of fields) {
    if (q[f] == null) continue;
    const problem = calendarProblem(String(q[f]));
    if (problem) throw new HttpError(400, `bad input: ${f}: ${problem}`);
  }
}

/** The article a request carries; HttpError 400 or InputError for bad input. */
export function readRequestArticle(r: ArticleRequest): Article {
  if (r.kind === 'json') {
    const b = r.body;
    const article: Article = b.html ? readHtml(String(b.text), '<request>') : { text: String(b.text) };
    if (!article.text.trim()) throw new HttpError(400, 'bad input: the text is empty');
    checkDates(b, ['published']);
    for (const k of META) if (b[k] != null) (article as any)[k] = b[k];
    return article;
  }
  checkDates(r.query, ['published']);
  const hint = /html/i.test(r.contentType) ? 'html' : undefined;
  const article = readArticleBytes(r.bytes, r.name, hint);
  if (!article.text.trim()) throw new HttpError(400, 'bad input: the text is empty');
  for (const k of META) if (r.query[k] != null) (article as any)[k] = r.query[k];
  return article;
}
