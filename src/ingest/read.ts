// One article from a file or standard input: decode, then HTML or plain text with its header.
import { readFileSync, statSync } from 'node:fs';
import type { Article } from '../analysis.js';
import { decodeBytes, InputError } from './decode.js';
import { parseHeader, HeaderError } from './header.js';
import { looksLikeHtml, readHtml } from './html.js';

export const MAX_BYTES = 50 * 1024 * 1024;

export function readArticleBytes(bytes: Uint8Array, file: string, hint?: 'html' | 'text'): Article {
  if (bytes.length > MAX_BYTES) throw new InputError(file, `too large (${bytes.length} bytes; the limit is ${MAX_BYTES})`);
  const { text } = decodeBytes(bytes, file);
  if (hint === 'html' || (hint !== 'text' && (/\.x?html?$/i.test(file) || looksLikeHtml(text)))) return readHtml(text, file);
  try {
    return parseHeader(text);
  } catch (e) {
    if (e instanceof HeaderError) throw new InputError(file, e.message);
    throw e;
  }
}

export function readArticleFile(path: string): Article {
  if (path === '-') return readArticleBytes(readFileSync(0), '<stdin>');
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, 'is a directory (use `readout ingest` for folders)');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > MAX_BYTES) throw new InputError(path, `too large (${size} bytes; the limit is ${MAX_BYTES})`);
  return readArticleBytes(readFileSync(path), path);
}
