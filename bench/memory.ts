// `npm run bench:memory [-- --n 100000]`: is memory flat over a long run? One analyzer analyses N
// generated articles (made 5,000 at a time with a new seed each, so the texts keep changing and
// no corpus is held in memory) and the heap and RSS are sampled after each chunk, after a GC when
// node runs with --expose-gc. Writes bench/memory.json and the memory line of README.md.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/pipeline.js';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { generateCorpus } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' } } });
const N = Number(values.n);
if (!Number.isInteger(N) || N < 5000) throw new Error(`--n must be a whole number of at least 5000, not ${values.n}`);
const CHUNK = 5000;
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

const analyzer = await createAnalyzer();
const kb = loadKnowledgeBase();
const samples: { articles: number; heapMB: number; rssMB: number }[] = [];
const t0 = performance.now();
for (let done = 0, seed = 1; done < N; seed++) {
  const chunk = generateCorpus(kb, Math.min(CHUNK, N - done), seed);
  for (const a of chunk) analyzer.analyze(a);
  done += chunk.length;
  gc?.();
  const m = process.memoryUsage();
  samples.push({ articles: done, heapMB: Math.round(m.heapUsed / MB), rssMB: Math.round(m.rss / MB) });
  process.stderr.write(`\r${done}/${N} articles, heap ${samples.at(-1)!.heapMB} MB, RSS ${samples.at(-1)!.rssMB} MB`);
}
process.stderr.write('\n');
const seconds = (performance.now() - t0) / 1000;
// the first chunk warms caches (folding memo, chrono, JIT): compare the second sample with the last
const first = samples[Math.min(1, samples.length - 1)]!,
  last = samples.at(-1)!;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  articles: N,
  seconds: Number(seconds.toFixed(1)),
  gcBetweenSamples: Boolean(gc),
  samples,
  heapGrowthMB: last.heapMB - first.heapMB,
  rssGrowthMB: last.rssMB - first.rssMB,
};
writeFileSync(join(ROOT, 'bench', 'memory.json'), JSON.stringify(results, null, 2) + '\n');
const line = `Memory over ${N.toLocaleString('en')} articles through one analyzer (\`npm run bench:memory\`, ${results.date.slice(0, 10)}): heap ${first.heapMB} MB after ${first.articles.toLocaleString('en')} articles → ${last.heapMB} MB after ${last.articles.toLocaleString('en')}; RSS ${first.rssMB} → ${last.rssMB} MB.`;
console.log(line);
const readme = join(ROOT, 'README.md');
if (existsSync(readme)) {
  const md = readFileSync(readme, 'utf8');
  const start = '<!-- memory:start -->',
    end = '<!-- memory:end -->';
  if (md.includes(start) && md.includes(end))
    writeFileSync(readme, md.slice(0, md.indexOf(start) + start.length) + '\n' + line + '\n' + md.slice(md.indexOf(end)));
}
