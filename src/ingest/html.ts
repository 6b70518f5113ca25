// HTML pages: the article's main text through Mozilla Readability over a linkedom DOM,
// title and date from the page's metadata (Open Graph, article:published_time, JSON-LD, <time>).
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article } from '../analysis.js';
import { normaliseDate } from './header.js';
import { InputError } from './decode.js';
import { boundDepth } from './depth.js';

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(text) || /<\/(?:p|div|html|body)>/i.test(text.slice(0, 20000));
}

export function readHtml(page: string, file = '<input>'): Article {
  // bounded nesting keeps Readability linear on pathological pages (see ./depth.ts)
  const html = boundDepth(page);
  let document: any;
  try {
    ({ document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`));
  } catch (e) {
    throw new InputError(file, `malformed HTML: ${(e as Error).message}`);
  }
  const meta = (sel: string): string | null => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const jsonLd = readJsonLd(document);
  const title = meta('meta[property="og:title"]') ?? jsonLd.headline ?? (document.querySelector('title')?.textContent?.trim() || null);
  let published: string | null;
  try {
    published = normaliseDate(
      meta('meta[property="article:published_time"]') ??
        meta('meta[name="date"]') ??
        meta('meta[name="pubdate"]') ??
        meta('meta[itemprop="datePublished"]') ??
        jsonLd.datePublished ??
        document.querySelector('time[datetime]')?.getAttribute('datetime') ??
        null,
    );
  } catch (e) {
    throw new InputError(file, `the page's publication date: ${(e as Error).message}`);
  }
  const lang = (document.documentElement?.getAttribute?.('lang') || '').slice(0, 2).toLowerCase() || null;
  const url = meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const source = meta('meta[property="og:site_name"]');

  let text = '';
  try {
    const parsed = new Readability(document, { charThreshold: 100 }).parse();
    if (parsed?.content) text = blocksToText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body);
  } catch {
    text = '';
  }
  if (!text.trim()) {
    const body = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`).document.body;
    for (const el of body?.querySelectorAll('script,style,nav,header,footer,aside,noscript') ?? []) el.remove();
    text = blocksToText(body);
  }
  if (!text.trim()) throw new InputError(file, 'the HTML page has no article text');
  return { text, title, published, url, source, language: lang && /^[a-z]{2}$/.test(lang) ? lang : null, bodyStart: 0 };
}

const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,td';

/** One paragraph per block element, joined by blank lines. */
function blocksToText(root: any): string {
  if (!root) return '';
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el: any) => !el.querySelector(BLOCKS));
  const parts = (blocks.length ? blocks : [root])
    .map((el: any) =>
      String(el.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return parts.join('\n\n');
}

function readJsonLd(document: any): { headline?: string; datePublished?: string } {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(s.textContent ?? '');
      const items = Array.isArray(data) ? data : (data['@graph'] ?? [data]);
      for (const it of items) if (it && (it.headline || it.datePublished)) return { headline: it.headline, datePublished: it.datePublished };
    } catch {
      /* malformed JSON-LD is ignored: metadata is optional */
    }
  }
  return {};
}
