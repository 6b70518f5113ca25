// `node dist/bench/queue.js --pg postgres://… [--n 600] [--workers 1,2,3]`: articles/s of 1, 2, 3
// `readout worker` processes (one analysis thread each) taking shards of real-length articles
// (≈ 7.5 KB) from a BullMQ queue on PostgreSQL into a PostgreSQL store. The rate is the documents
// of all shards over the time from the first shard's start to the last shard's end (process
// start-up excluded). Each run uses its own schemas, dropped afterwards. Writes bench/queue.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { generateCorpus } from './corpus.js';
import { childCpuSeconds } from './cpu.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'readout.js');
const { values } = parseArgs({
  options: {
    pg: { type: 'string', default: process.env.READOUT_TEST_PG },
    n: { type: 'string', default: '600' },
    workers: { type: 'string', default: '1,2,3' },
    shard: { type: 'string', default: '25' },
  },
});
if (!values.pg) throw new Error('--pg postgres://… (or READOUT_TEST_PG) is required');
const N = Number(values.n),
  PER = 13;

const dir = mkdtempSync(join(tmpdir(), 'readout-bench-queue-'));
const stories = generateCorpus(loadKnowledgeBase(), N * PER, 11);
let bytes = 0;
const lines = Array.from({ length: N }, (_, i) => {
  const parts = stories.slice(i * PER, (i + 1) * PER);
  const text = parts.map((a) => a.text.trim()).join('\n\n') + '\n';
  bytes += Buffer.byteLength(text);
  return JSON.stringify({ text, date: parts[0]!.published, source: parts[0]!.source });
});
const file = join(dir, 'long.jsonl');
writeFileSync(file, lines.join('\n') + '\n');
console.error(`bench:queue: ${N} articles of ${(bytes / N / 1024).toFixed(1)} KB, shards of ${values.shard}, ${availableParallelism()} cores`);

const client = new pg.Client({ connectionString: values.pg });
await client.connect();
const results: { workers: number; documents: number; seconds: number; articlesPerSecond: number; cpuMsPerArticle: number | null; load: number }[] = [];
try {
  for (const k of values.workers!.split(',').map(Number)) {
    const tag = `bq${k}_${process.pid}`;
    const url = (s: string) => `${values.pg}${values.pg!.includes('?') ? '&' : '?'}schema=${s}`;
    const q = spawnSync(process.execPath, [BIN, 'ingest', file, '--queue', url(`${tag}_q`), '--shard', values.shard!], { encoding: 'utf8' });
    if (q.status !== 0) throw new Error(q.stderr);
    const events: { event: string; t: string; documents?: number }[] = [];
    const cpu0 = childCpuSeconds();
    await Promise.all(
      Array.from(
        { length: k },
        () =>
          new Promise<void>((resolve, reject) => {
            const c = spawn(
              process.execPath,
              [BIN, 'worker', '--queue', url(`${tag}_q`), '--db', url(`${tag}_s`), '--jobs', '1', '--log', 'json', '--until-empty'],
              { stdio: ['ignore', 'ignore', 'pipe'] },
            );
            let buf = '';
            c.stderr.setEncoding('utf8').on('data', (s: string) => (buf += s));
            c.on('exit', (code) => {
              for (const l of buf.split('\n')) if (l.startsWith('{')) events.push(JSON.parse(l));
              code === 0 ? resolve() : reject(new Error(`worker exited with ${code}: ${buf.slice(-2000)}`));
            });
          }),
      ),
    );
    const starts = events.filter((e) => e.event === 'start').map((e) => Date.parse(e.t));
    const ends = events.filter((e) => e.event === 'shard');
    const documents = ends.reduce((s, e) => s + (e.documents ?? 0), 0);
    const seconds = (Math.max(...ends.map((e) => Date.parse(e.t))) - Math.min(...starts)) / 1000;
    const cpu1 = childCpuSeconds();
    // the workers' CPU time (all threads), not PostgreSQL's
    const cpuMsPerArticle = cpu0 === null || cpu1 === null || !documents ? null : Number((((cpu1 - cpu0) * 1000) / documents).toFixed(1));
    const load = Number(loadavg()[0]!.toFixed(1));
    results.push({ workers: k, documents, seconds, articlesPerSecond: Number((documents / seconds).toFixed(1)), cpuMsPerArticle, load });
    console.error(
      `  ${k} workers: ${documents} documents in ${seconds.toFixed(1)} s, ${(documents / seconds).toFixed(1)} articles/s, ${cpuMsPerArticle ?? '?'} ms CPU per article, load ${load}`,
    );
    for (const s of ['q', 's']) await client.query(`DROP SCHEMA IF EXISTS ${tag}_${s} CASCADE`);
  }
} finally {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
const out = {
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  articles: N,
  meanArticleBytes: Math.round(bytes / N),
  results,
};
writeFileSync(join(ROOT, 'bench', 'queue.json'), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(results));
