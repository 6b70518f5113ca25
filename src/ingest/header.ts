// The article header of ../shared/contract/ANNOTATION.md: `key value` lines ended by a blank line,
// or the older one-line form ` date 2023-02 Body…`. Offsets of the body stay in the original text.
import type { Article } from '../analysis.js';
import { readDate } from '../text/calendar.js';

/** A header whose content cannot be used (an impossible date): the caller adds the file's name. */
export class HeaderError extends Error {}

const KEYS = new Set(['date', 'source', 'url', 'title', 'language']);

export function parseHeader(text: string): Article {
  const art: Article = { text, bodyStart: 0 };
  // one-line form: " date 2023-02 Body…"
  const one = /^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+(?=\S)/.exec(text);
  if (one && !/^\s*date\s+\S+[ \t]*\r?\n/.test(text)) {
    art.published = headerDate(one[1]!);
    art.bodyStart = one[0].length;
    return art;
  }
  // block form
  let pos = 0;
  let seen = 0;
  const lead = /^\s*/.exec(text)![0].length;
  pos = lead;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (line.trim() === '') {
      if (seen > 0) art.bodyStart = nl < 0 ? text.length : nl + 1;
      break;
    }
    const m = /^([a-z]+)\s+(.*)$/.exec(line.trim());
    if (!m || !KEYS.has(m[1]!)) {
      if (seen > 0) art.bodyStart = pos; // header ended without a blank line
      break;
    }
    seen++;
    setField(art, m[1]!, m[2]!.trim());
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (seen === 0) art.bodyStart = 0;
  return art;
}

function setField(art: Article, key: string, raw: string): void {
  // "[not returned]", "[not returned by source; URL slug] maroc-israel…": unknown
  const value = raw.startsWith('[') || raw === '' ? null : raw.replace(/\s*\[.*\]\s*$/, '') || null;
  switch (key) {
    case 'date':
      art.published = headerDate(value);
      break;
    case 'source':
      art.source = value;
      break;
    case 'url':
      art.url = value;
      break;
    case 'title':
      art.title = value;
      break;
    case 'language':
      art.language = value && /^[a-z]{2,3}$/.test(value) ? value : null;
      break;
  }
}

/** The header's `date`: a real calendar date, or a HeaderError naming the value. */
function headerDate(value: string | null): string | null {
  if (!value) return null;
  const r = readDate(value);
  if (r.error !== undefined) throw new HeaderError(`header date: ${r.error}`);
  return r.date;
}

/**
 * A date from metadata ("2023-02-01T10:00:00Z", "2023/02/01", "15/11/2023", RFC 2822) →
 * YYYY[-MM[-DD]]; null when absent; an Error naming the value when it is not a real date.
 */
export function normaliseDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const r = readDate(v);
  if (r.error !== undefined) throw new HeaderError(r.error);
  return r.date;
}
