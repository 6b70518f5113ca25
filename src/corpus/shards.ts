// Shards: the unit of work of a queued ingest. A JSONL file is cut into ranges of N lines (byte
// offsets found once, when queuing), text and HTML files go N to a shard, a feed file is one shard.
// A shard's id hashes what it covers (paths, range, size, modification time), so queuing the same
// files again adds nothing, and a file that changed since is a new shard.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { kindOf, listFiles, readJsonl, readSources, type Item } from './sources.js';

export const DEFAULT_SHARD = 1000;

interface FileStamp {
  path: string;
  size: number;
  mtime: number;
}

export type Shard =
  | ({ kind: 'jsonl'; firstLine: number; lines: number; start: number; end: number } & FileStamp)
  | ({ kind: 'feed' } & FileStamp)
  | { kind: 'files'; files: FileStamp[] };

export interface ShardListing {
  shards: { id: string; shard: Shard }[];
  /** paths that cannot be read (reported, not queued) */
  errors: { origin: string; error: string }[];
  /** documents the shards hold (JSONL lines and files; a feed counts as one) */
  documents: number;
}

function stamp(path: string): FileStamp {
  const st = statSync(path);
  return { path: resolve(path), size: st.size, mtime: Math.floor(st.mtimeMs) };
}

export function shardId(shard: Shard): string {
  const key =
    shard.kind === 'files'
      ? ['files', ...shard.files.flatMap((f) => [f.path, f.size, f.mtime])]
      : shard.kind === 'jsonl'
        ? ['jsonl', shard.path, shard.firstLine, shard.lines, shard.start, shard.end, shard.size, shard.mtime]
        : ['feed', shard.path, shard.size, shard.mtime];
  // a letter first: BullMQ takes an all-digit custom id for one of its own
  return 's' + createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 31);
}

/** Where a shard comes from, for logs: `news.jsonl:1-1000`, `feed.xml`, `a.txt … (12 files)`. */
export function shardOrigin(shard: Shard): string {
  if (shard.kind === 'jsonl') return `${shard.path}:${shard.firstLine}-${shard.firstLine + shard.lines - 1}`;
  if (shard.kind === 'feed') return shard.path;
  return shard.files.length === 1 ? shard.files[0]!.path : `${shard.files[0]?.path} … (${shard.files.length} files)`;
}

/** The shards of these paths, `size` lines (JSONL) or files (text, HTML) each, in a stable order. */
export async function listShards(paths: string[], size = DEFAULT_SHARD): Promise<ShardListing> {
  if (paths.includes('-')) throw new Error('standard input cannot be queued: give files or folders that every worker can read');
  const { files, errors } = listFiles(paths);
  const out: ShardListing = { shards: [], errors: errors.map((e) => ({ origin: e.origin, error: e.error! })), documents: 0 };
  const add = (shard: Shard, docs: number) => {
    out.shards.push({ id: shardId(shard), shard });
    out.documents += docs;
  };
  let group: FileStamp[] = [];
  const flushGroup = () => {
    if (group.length) add({ kind: 'files', files: group }, group.length);
    group = [];
  };
  for (const f of files) {
    let st: FileStamp;
    try {
      st = stamp(f);
    } catch (e) {
      out.errors.push({ origin: f, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const kind = kindOf(f) ?? 'text';
    if (kind === 'jsonl') {
      for (const r of await lineRanges(st.path, size)) add({ kind: 'jsonl', ...st, ...r }, r.lines);
    } else if (kind === 'feed') add({ kind: 'feed', ...st }, 1);
    else {
      group.push(st);
      if (group.length >= size) flushGroup();
    }
  }
  flushGroup();
  return out;
}

/** Byte ranges of `size` lines each (the last one may be shorter; a last line without newline counts). */
async function lineRanges(file: string, size: number): Promise<{ firstLine: number; lines: number; start: number; end: number }[]> {
  const out: { firstLine: number; lines: number; start: number; end: number }[] = [];
  let line = 0,
    pos = 0,
    start = 0,
    first = 1,
    inRange = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
      line++;
      inRange++;
      if (inRange === size) {
        const end = pos + i + 1;
        out.push({ firstLine: first, lines: inRange, start, end });
        start = end;
        first = line + 1;
        inRange = 0;
      }
    }
    pos += chunk.length;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  if (last !== 10) inRange++;
  if (inRange > 0 && pos > start) out.push({ firstLine: first, lines: inRange, start, end: pos });
  return out;
}

/** The items of one shard. A file that changed since it was queued fails the shard (its id no longer says what it holds). */
export async function* readShard(shard: Shard): AsyncGenerator<Item> {
  const files = shard.kind === 'files' ? shard.files : [shard];
  for (const f of files) {
    let now: FileStamp;
    try {
      now = stamp(f.path);
    } catch (e) {
      throw new Error(`${f.path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (now.size !== f.size || now.mtime !== f.mtime) throw new Error(`${f.path}: changed since it was queued (queue it again)`);
  }
  if (shard.kind === 'jsonl') yield* readJsonl(shard.path, { start: shard.start, end: shard.end, firstLine: shard.firstLine });
  else yield* readSources(files.map((f) => f.path));
}

/** how many documents a shard holds (a feed: unknown until read) */
export function shardSize(shard: Shard): number | null {
  return shard.kind === 'jsonl' ? shard.lines : shard.kind === 'files' ? shard.files.length : null;
}
