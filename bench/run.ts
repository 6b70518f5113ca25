// `npm run bench [-- --quick] [-- --n N] [-- --syntax]`: analysis throughput on one thread and on all cores,
// ingest rate into SQLite, peak memory, start-up time, and compromise's people/places/organisations
// pass over the same texts as a baseline. Writes bench/results.json and the table in README.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { createAnalyzer } from '../src/pipeline.js';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { AnalyzerPool } from '../src/corpus/pool.js';
import { ingest } from '../src/corpus/ingest.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Analysis } from '../src/analysis.js';
import { generateCorpus } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// `npm run bench -- --syntax`: the tagger and parser alone (bench/syntax.ts), nothing else
if (process.argv.includes('--syntax')) {
  await import('./syntax.js');
  process.exit(0);
}
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, n: { type: 'string' }, single: { type: 'string' } } });
const N = Number(values.n ?? (values.quick ? 2000 : 20000));
const SINGLE = Math.min(N, Number(values.single ?? (values.quick ? 1000 : 5000)));
const INGEST = Math.min(N, values.quick ? 2000 : 5000);
const jobs = availableParallelism();
const mb = (bytes: number) => bytes / 1024 / 1024;
const now = () => performance.now();
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const log = (s: string) => process.stderr.write(s + '\n');

log(`readout bench: ${N} generated articles (${values.quick ? 'quick' : 'full'} run), ${jobs} cores`);

// start-up: a fresh analyzer (packs, knowledge base, codebook, language identifier)
let t = now();
const analyzer = await createAnalyzer();
const startup = (now() - t) / 1000;
sample();

const corpus = generateCorpus(loadKnowledgeBase(), N);
const bytes = corpus.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
const singleBytes = corpus.slice(0, SINGLE).reduce((s, a) => s + Buffer.byteLength(a.text), 0);
log(`corpus: ${N} articles, ${mb(bytes).toFixed(1)} MB (${corpus.filter((_, i) => i % 2).length} French, ${corpus.filter((_, i) => !(i % 2)).length} English)`);

// one thread, after a warm-up on other articles of the corpus (JIT, caches): the steady rate of a
// long run; start-up is measured above and the cold rate is reported beside it
const WARM = Math.min(N - SINGLE, values.quick ? 200 : 500);
let tw = now();
for (let i = N - WARM; i < N; i++) analyzer.analyze(corpus[i]!);
const warmRate = WARM / ((now() - tw) / 1000);
const rss: number[] = [];
const analyses: Analysis[] = [];
t = now();
for (let i = 0; i < SINGLE; i++) {
  analyses.push(analyzer.analyze(corpus[i]!));
  if (i % 250 === 0) rss.push(sample());
}
const single = (now() - t) / 1000;
log(`one thread: ${(SINGLE / single).toFixed(0)} articles/s`);
const found = analyses.reduce(
  (s, a) => ({ entities: s.entities + a.entities.length, quotes: s.quotes + a.quotes.length, events: s.events + a.events.length }),
  { entities: 0, quotes: 0, events: 0 },
);

// baseline: compromise people/places/organizations over the same texts, one thread
t = now();
let baselineFound = 0;
for (let i = 0; i < SINGLE; i++) {
  const doc = nlp(corpus[i]!.text);
  baselineFound += doc.people().length + doc.places().length + doc.organizations().length;
}
const baseline = (now() - t) / 1000;
log(`compromise baseline: ${(SINGLE / baseline).toFixed(0)} articles/s`);

// all cores
const pool = new AnalyzerPool(jobs);
t = now();
await pool.ready;
const poolStart = (now() - t) / 1000;
t = now();
{
  const inflight = new Set<Promise<unknown>>();
  for (const a of corpus) {
    const p = pool.analyze(a).finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= jobs * 8) await Promise.race(inflight);
    if (inflight.size % 64 === 0) sample();
  }
  await Promise.all(inflight);
}
const multi = (now() - t) / 1000;
sample();
await pool.close();
log(`${jobs} workers: ${(N / multi).toFixed(0)} articles/s`);

// store writes alone (analyses already made) and the whole ingest command path
const dir = mkdtempSync(join(tmpdir(), 'readout-bench-'));
const store = new SqliteStore(join(dir, 'write.db'));
await store.init();
t = now();
for (let i = 0; i < analyses.length; i++) await store.putDocument(corpus[i]!, analyses[i]!);
const writes = (now() - t) / 1000;
await store.close();
sample();
const jsonl = join(dir, 'corpus.jsonl');
writeFileSync(
  jsonl,
  corpus
    .slice(0, INGEST)
    .map((a) => JSON.stringify({ text: a.text, date: a.published, source: a.source, url: a.url }))
    .join('\n') + '\n',
);
t = now();
const rep = await ingest([jsonl], { db: join(dir, 'ingest.db'), jobs, progress: false });
const ingestS = (now() - t) / 1000;
sample();
rmSync(dir, { recursive: true, force: true });
log(`ingest into SQLite: ${(rep.documents / ingestS).toFixed(0)} documents/s`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: jobs,
  articles: N,
  megabytes: Number(mb(bytes).toFixed(2)),
  meanArticleBytes: Math.round(bytes / N),
  startupSeconds: Number(startup.toFixed(3)),
  workerPoolStartSeconds: Number(poolStart.toFixed(3)),
  warmUp: { articles: WARM, articlesPerSecond: Math.round(warmRate) },
  oneThread: {
    articles: SINGLE,
    seconds: Number(single.toFixed(2)),
    articlesPerSecond: Math.round(SINGLE / single),
    mbPerSecond: Number((mb(singleBytes) / single).toFixed(3)),
  },
  allCores: {
    workers: jobs,
    articles: N,
    seconds: Number(multi.toFixed(2)),
    articlesPerSecond: Math.round(N / multi),
    mbPerSecond: Number((mb(bytes) / multi).toFixed(3)),
  },
  baseline: {
    name: 'compromise people()+places()+organizations()',
    articles: SINGLE,
    seconds: Number(baseline.toFixed(2)),
    articlesPerSecond: Math.round(SINGLE / baseline),
    found: baselineFound,
  },
  ratioToBaseline: Number((baseline / single).toFixed(2)),
  found,
  storeWritesPerSecond: Math.round(analyses.length / writes),
  ingestDocumentsPerSecond: Math.round(rep.documents / ingestS),
  ingestFailed: rep.failed.length,
  peakRssMB: Math.round(mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))),
  rssOneThreadMB: { first: Math.round(mb(rss[0] ?? 0)), last: Math.round(mb(rss[rss.length - 1] ?? 0)) },
};

const table = [
  '| measure | value |',
  '|---|---|',
  `| corpus | ${N} generated articles (fr + en), ${results.megabytes} MB, ${results.meanArticleBytes} bytes each |`,
  `| machine | ${results.cpu}, ${jobs} cores, Node ${process.version} |`,
  `| start-up (createAnalyzer) | ${startup.toFixed(2)} s |`,
  `| analysis, one thread (after ${WARM} warm-up articles) | ${results.oneThread.articlesPerSecond} articles/s · ${results.oneThread.mbPerSecond} MB/s (${SINGLE} articles) |`,
  `| analysis, one thread, cold (the warm-up itself) | ${results.warmUp.articlesPerSecond} articles/s |`,
  `| analysis, ${jobs} workers | ${results.allCores.articlesPerSecond} articles/s · ${results.allCores.mbPerSecond} MB/s |`,
  `| baseline: compromise people/places/orgs, one thread | ${results.baseline.articlesPerSecond} articles/s |`,
  `| readout ÷ baseline speed (one thread) | ${results.ratioToBaseline}× |`,
  `| found per article (readout) | ${(found.entities / SINGLE).toFixed(1)} entities · ${(found.quotes / SINGLE).toFixed(1)} quotes · ${(found.events / SINGLE).toFixed(1)} events |`,
  `| SQLite writes (analysis done) | ${results.storeWritesPerSecond} documents/s |`,
  `| \`readout ingest\` (JSONL → SQLite, ${jobs} workers, ${INGEST} articles) | ${results.ingestDocumentsPerSecond} documents/s |`,
  `| peak RSS (main process + workers) | ${results.peakRssMB} MB |`,
  `| RSS during the one-thread run, first → last sample | ${results.rssOneThreadMB.first} → ${results.rssOneThreadMB.last} MB |`,
].join('\n');

writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(table);
const docs = join(ROOT, 'README.md');
if (existsSync(docs)) {
  const md = readFileSync(docs, 'utf8');
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  const start = '<!-- bench:start -->',
    end = '<!-- bench:end -->';
  if (md.includes(start) && md.includes(end)) {
    writeFileSync(
      docs,
      md.slice(0, md.indexOf(start) + start.length) +
        `\n${table}\n\n_${values.quick ? 'Quick run' : 'Full run'} of ${results.date.slice(0, 10)} (load average ${load} at the end): \`npm run bench\`${values.quick ? ' -- --quick' : ''}._\n` +
        md.slice(md.indexOf(end)),
    );
  }
}
