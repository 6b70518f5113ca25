// `node dist/bench/store-writes.js [--before DIR] [--n 200]`: what storing costs the ingest's main
// thread, per real-length article (≈ 7.5 KB), analyses made beforehand: this build's putRows() in
// batches of 64 with rows built beforehand (as the worker threads do), this build's putDocument()
// (rows built on the calling thread, one transaction per document), and with --before an older
// build's putDocument(), in turns on the same analyses. Prints documents per second of each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../src/pipeline.js';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { toRows } from '../src/store/rows.js';
import type { Store } from '../src/store/types.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { before: { type: 'string' }, n: { type: 'string', default: '200' }, rounds: { type: 'string', default: '2' } } });
const N = Number(values.n),
  PER = 13;
const stories = generateCorpus(loadKnowledgeBase(), N * PER, 5);
const articles = Array.from({ length: N }, (_, i) => {
  const parts = stories.slice(i * PER, (i + 1) * PER);
  return { text: parts.map((a) => a.text.trim()).join('\n\n') + '\n', published: parts[0]!.published, source: parts[0]!.source, origin: `bench:${i}` };
});
const analyzer = await createAnalyzer();
const analyses = articles.map((a) => analyzer.analyze(a));
let t = performance.now();
const rows = articles.map((a, i) => toRows(a, analyses[i]!, new Date(), { compress: true }));
const rowsSeconds = (performance.now() - t) / 1000;
console.error(`store-writes: ${N} articles; building their rows (on the worker threads during an ingest): ${(N / rowsSeconds).toFixed(0)}/s`);

type Open = (path: string) => Promise<Store>;
const openThis: Open = async (p) => {
  const s = new SqliteStore(p);
  await s.init();
  return s;
};
let openBefore: Open | null = null;
if (values.before) {
  const mod = await import(join(resolve(values.before), 'dist', 'src', 'store', 'sqlite.js'));
  openBefore = async (p) => {
    const s = new mod.SqliteStore(p) as Store;
    await s.init();
    return s;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'readout-bench-writes-'));
const rates: Record<string, number[]> = {};
const time = async (name: string, open: Open, write: (s: Store) => Promise<void>) => {
  const s = await open(join(dir, `${name.replace(/\W+/g, '-')}-${Math.random()}.db`));
  t = performance.now();
  await write(s);
  const secs = (performance.now() - t) / 1000;
  await s.close();
  (rates[name] ??= []).push(N / secs);
};
for (let r = 0; r < Number(values.rounds); r++) {
  if (openBefore)
    await time('before: putDocument', openBefore, async (s) => {
      for (let i = 0; i < N; i++) await s.putDocument(articles[i]!, analyses[i]!);
    });
  await time('this build: putDocument', openThis, async (s) => {
    for (let i = 0; i < N; i++) await s.putDocument(articles[i]!, analyses[i]!);
  });
  await time('this build: putRows, batches of 64', openThis, async (s) => {
    for (let i = 0; i < N; i += 64) await s.putRows(rows.slice(i, i + 64));
  });
}
rmSync(dir, { recursive: true, force: true });
const out = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, Math.round(Math.max(...v))]));
console.log(
  JSON.stringify(
    {
      articles: N,
      meanArticleBytes: Math.round(articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0) / N),
      rowsPerSecond: Math.round(N / rowsSeconds),
      mainThreadDocumentsPerSecond: out,
    },
    null,
    2,
  ),
);
