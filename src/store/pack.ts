// The analysis JSON as the SQLite store keeps it: compact, and always given back exactly.
// Two lossless steps before deflate: (1) a span's `text` that is just the document's text between
// its `start` and `end` (mentions, quotes) is replaced by 0 and cut again when read; (2) an array
// of objects that all have the same keys in the same order is written as its keys once and one
// array of values per object. Packing is checked: when unpacking would not give the same JSON
// back (an analysis shaped in a way this code did not foresee), the plain JSON is kept instead.

/** the marker of a packed analysis: `[PACKED, value]` (a plain analysis is a JSON object) */
const PACKED = 2;
/** the key marking a table: `{ "~": keys, "r": rows }` */
const TABLE = '~';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** a copy of v where every span text equal to text.slice(start, end) is 0 */
function dropSpanTexts(v: Json, text: string): Json {
  if (Array.isArray(v)) return v.map((x) => dropSpanTexts(x, text));
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  const span = typeof v.start === 'number' && typeof v.end === 'number' && typeof v.text === 'string';
  for (const [k, x] of Object.entries(v)) {
    out[k] = k === 'text' && span && x === text.slice(v.start as number, v.end as number) ? 0 : dropSpanTexts(x, text);
  }
  return out;
}

function restoreSpanTexts(v: Json, text: string): Json {
  if (Array.isArray(v)) return v.map((x) => restoreSpanTexts(x, text));
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  const span = typeof v.start === 'number' && typeof v.end === 'number' && v.text === 0;
  for (const [k, x] of Object.entries(v)) out[k] = k === 'text' && span ? text.slice(v.start as number, v.end as number) : restoreSpanTexts(x, text);
  return out;
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** arrays of like objects → tables, recursively */
function tabulate(v: Json): Json {
  if (Array.isArray(v)) {
    const keys = v.length > 1 && isObject(v[0]) ? Object.keys(v[0]) : null;
    if (keys?.length && v.every((o) => isObject(o) && sameKeys(Object.keys(o), keys))) {
      return { [TABLE]: keys, r: v.map((o) => keys.map((k) => tabulate((o as Record<string, Json>)[k]!))) };
    }
    return v.map(tabulate);
  }
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k] = tabulate(x);
  return out;
}

function untabulate(v: Json): Json {
  if (Array.isArray(v)) return v.map(untabulate);
  if (!isObject(v)) return v;
  const keys = v[TABLE];
  if (Array.isArray(keys) && Array.isArray(v.r) && Object.keys(v).length === 2) {
    return v.r.map((row) => Object.fromEntries(keys.map((k, i) => [k as string, untabulate((row as Json[])[i]!)])));
  }
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k] = untabulate(x);
  return out;
}

/**
 * The JSON to store for an analysis of `text`: packed when unpacking it gives `json` back
 * exactly, else `json` itself.
 */
export function packAnalysisJson(json: string, text: string): string {
  const packed = JSON.stringify([PACKED, tabulate(dropSpanTexts(JSON.parse(json) as Json, text))]);
  return unpackAnalysisJson(packed, text) === json ? packed : json;
}

/** The analysis JSON back from what packAnalysisJson stored (plain JSON passes through). */
export function unpackAnalysisJson(stored: string, text: string): string {
  if (!stored.startsWith(`[${PACKED},`)) return stored;
  const [, v] = JSON.parse(stored) as [number, Json];
  return JSON.stringify(restoreSpanTexts(untabulate(v), text));
}
