// Where articles come from: folders (recursive), text and HTML files, JSONL, RSS/Atom feeds,
// standard input. Each yields items one at a time (a file is read when its turn comes), and a
// bad item is an item with an error: the batch goes on.
import { createReadStream, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Article } from '../analysis.js';
import { readArticleBytes, MAX_BYTES } from '../ingest/read.js';
import { decodeBytes, InputError } from '../ingest/decode.js';
import { normaliseDate } from '../ingest/header.js';
import { looksLikeHtml, readHtml } from '../ingest/html.js';

export type Origin = string;
export interface Item {
  /** file, file:line, feed#n or <stdin> */
  origin: Origin;
  article?: Article & { origin: string };
  error?: string;
}

const TEXT_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom']);

export function kindOf(path: string): 'text' | 'jsonl' | 'feed' | null {
  const e = extname(path).toLowerCase();
  if (TEXT_EXT.has(e)) return 'text';
  if (JSONL_EXT.has(e)) return 'jsonl';
  if (FEED_EXT.has(e)) return 'feed';
  return null;
}

/** Every readable file under the paths, in a stable order (folders: only known extensions). */
export function listFiles(paths: string[]): { files: string[]; errors: Item[] } {
  const files: string[] = [];
  const errors: Item[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push({ origin: dir, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch (e) {
        errors.push({ origin: p, error: notReadable(p, e) });
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (!st.isFile()) {
        if (kindOf(p)) errors.push({ origin: p, error: `skipped: ${special(st)}, not a regular file` });
      } else if (kindOf(p)) files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ origin: p, error: notReadable(p, e) });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (!st.isFile()) errors.push({ origin: p, error: `skipped: ${special(st)}, not a regular file` });
    else files.push(p);
  }
  return { files, errors };
}

/** why a path cannot be read; a symbolic link whose target is missing says so */
function notReadable(p: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    try {
      if (lstatSync(p).isSymbolicLink()) return 'skipped: a symbolic link whose target does not exist';
    } catch {
      /* not there at all */
    }
  }
  return `cannot be read (${code ?? (e as Error).message})`;
}

/** what a path is when it is neither a folder nor a file (reading a FIFO would wait forever) */
function special(st: import('node:fs').Stats): string {
  return st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'a special file';
}

/** A cheap count of the documents to come, for the progress bar (null when unknown: stdin). */
export async function estimate(files: string[]): Promise<number | null> {
  let n = 0;
  for (const f of files) {
    if (f === '-') return null;
    const k = kindOf(f) ?? 'text';
    if (k === 'text') n++;
    else if (k === 'jsonl') n += await countLines(f);
    else {
      try {
        n += (readFileSync(f, 'latin1').match(/<(item|entry)[\s>]/g) ?? []).length;
      } catch {
        n++;
      }
    }
  }
  return n;
}

async function countLines(file: string): Promise<number> {
  let n = 0,
    last = 10;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
      if (chunk.length) last = chunk[chunk.length - 1]!;
    }
  } catch {
    return 1;
  }
  return n + (last === 10 ? 0 : 1);
}

export async function* readSources(files: string[]): AsyncGenerator<Item> {
  for (const f of files) {
    if (f === '-') {
      yield* readStdin();
      continue;
    }
    const k = kindOf(f);
    if (k === 'jsonl') yield* readJsonl(f);
    else if (k === 'feed') yield* readFeedFile(f);
    else yield readOne(f);
  }
}

function fail(origin: string, e: unknown): Item {
  const msg = e instanceof InputError ? e.message.replace(`${e.file}: `, '') : (e as Error).message;
  return { origin, error: msg };
}

function checkText(a: Article, origin: string): Item {
  if (!a.text.slice(a.bodyStart ?? 0).trim()) return { origin, error: 'no text (empty article)' };
  return { origin, article: { ...a, origin } };
}

function readOne(file: string): Item {
  try {
    const st = statSync(file);
    if (st.size > MAX_BYTES) return { origin: file, error: `too large (${st.size} bytes; the limit is ${MAX_BYTES})` };
    return checkText(readArticleBytes(readFileSync(file), file), file);
  } catch (e) {
    return fail(file, e);
  }
}

async function* readStdin(): AsyncGenerator<Item> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = decodeBytes(bytes, '<stdin>').text;
  } catch (e) {
    yield fail('<stdin>', e);
    return;
  }
  const head = text.trimStart();
  if (head.startsWith('{')) yield* jsonlLines(text.split('\n'), '<stdin>');
  else if (/^(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)[\s>]/i.test(head)) yield* feedItems(text, '<stdin>');
  else {
    try {
      yield checkText(readArticleBytes(bytes, '<stdin>'), '<stdin>');
    } catch (e) {
      yield fail('<stdin>', e);
    }
  }
}

/** JSONL lines (all, or the bytes [start, end) that begin at line `firstLine`: a queue shard) → items */
export async function* readJsonl(file: string, range?: { start: number; end: number; firstLine: number }): AsyncGenerator<Item> {
  if (range && range.end <= range.start) return;
  let rl;
  try {
    statSync(file);
    const input = createReadStream(file, range ? { encoding: 'utf8', start: range.start, end: range.end - 1 } : { encoding: 'utf8' });
    rl = createInterface({ input, crlfDelay: Infinity });
  } catch (e) {
    yield fail(file, e);
    return;
  }
  let i = range ? range.firstLine - 1 : 0;
  for await (const line of rl) {
    i++;
    const item = jsonlLine(line, `${file}:${i}`);
    if (item) yield item;
  }
}

function* jsonlLines(lines: string[], origin: string): Generator<Item> {
  for (const [i, line] of lines.entries()) {
    const item = jsonlLine(line, `${origin}:${i + 1}`);
    if (item) yield item;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/** One JSONL line → an item (null for a blank line). Fields: text|body|content, title, date|published, url, source, language. */
export function jsonlLine(line: string, origin: string): Item | null {
  if (!line.trim()) return null;
  let row: any;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return { origin, error: `malformed JSON line (${(e as Error).message})` };
  }
  if (!row || typeof row !== 'object' || Array.isArray(row)) return { origin, error: 'a JSON line must be an object' };
  const raw = [row.text, row.body, row.content].find((v) => typeof v === 'string' && v.trim());
  if (typeof raw !== 'string') return { origin, error: 'no text (fields text, body or content are empty or missing)' };
  if (/[\u0000-\u0008\u000e-\u001f]/.test(raw.slice(0, 4096))) return { origin, error: 'binary data, not text (control characters)' };
  let art: Article;
  try {
    art = looksLikeHtml(raw) ? readHtml(raw, origin) : { text: raw };
  } catch (e) {
    return fail(origin, e);
  }
  const lang =
    str(row.language ?? row.lang)
      ?.toLowerCase()
      .slice(0, 2) ?? null;
  let published: string | null;
  try {
    published = normaliseDate(str(row.date ?? row.published ?? row.pubDate));
  } catch (e) {
    return { origin, error: `field date: ${(e as Error).message}` };
  }
  return checkText(
    {
      ...art,
      title: str(row.title) ?? art.title ?? null,
      published: published ?? art.published ?? null,
      url: str(row.url ?? row.link) ?? art.url ?? null,
      source: str(row.source) ?? art.source ?? null,
      language: lang && /^[a-z]{2}$/.test(lang) ? lang : (art.language ?? null),
    },
    origin,
  );
}

async function* readFeedFile(file: string): AsyncGenerator<Item> {
  let text: string;
  try {
    const st = statSync(file);
    if (st.size > MAX_BYTES) {
      yield { origin: file, error: `too large (${st.size} bytes; the limit is ${MAX_BYTES})` };
      return;
    }
    text = decodeBytes(readFileSync(file), file).text;
  } catch (e) {
    yield fail(file, e);
    return;
  }
  yield* feedItems(text, file);
}

/** RSS or Atom: one article per item, its content (or description) as text. */
export function* feedItems(xml: string, origin: string): Generator<Item> {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield { origin, error: `not an RSS or Atom feed (${(e as Error).message})` };
    return;
  }
  const source = feed.title ?? null;
  const lang = feed.language?.slice(0, 2).toLowerCase() ?? null;
  for (const [i, it] of feed.items.entries()) {
    const o = `${origin}#${i + 1}`;
    const body = it.content ?? it.description ?? '';
    let text = body;
    try {
      if (/<[a-z][^>]*>/i.test(body)) text = readHtml(body, o).text;
    } catch (e) {
      yield fail(o, e);
      continue;
    }
    const title = it.title?.trim() || null;
    yield checkText(
      {
        text: title && text.trim() ? `${title}\n\n${text.trim()}\n` : text,
        bodyStart: 0,
        title,
        url: it.url ?? null,
        source,
        published: it.published && !Number.isNaN(it.published.getTime()) ? it.published.toISOString().slice(0, 10) : null,
        language: lang && /^[a-z]{2}$/.test(lang) ? lang : null,
      },
      o,
    );
  }
}
