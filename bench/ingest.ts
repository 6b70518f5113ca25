// `npm run bench:ingest [-- --before DIR] [--n 1960] [--rounds 2]`: the one-machine ingest into
// SQLite on real-length articles (≈ 7.6 KB: thirteen generated wire stories as one article), with one
// worker thread and with the default (one per core), through `readout ingest` as users run it.
// `--before DIR` runs another build (a checkout of an older commit, built) side by side, in turns,
// so that both see the same load; the figures to compare are the ratios. Writes bench/ingest.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { generateCorpus } from './corpus.js';
import { childCpuSeconds } from './cpu.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { before: { type: 'string' }, n: { type: 'string', default: '1960' }, rounds: { type: 'string', default: '2' }, out: { type: 'string' } },
});
const N = Number(values.n);
const ROUNDS = Number(values.rounds);
const PER_ARTICLE = 13;

const dir = mkdtempSync(join(tmpdir(), 'readout-bench-ingest-'));
const stories = generateCorpus(loadKnowledgeBase(), N * PER_ARTICLE, 7);
const lines: string[] = [];
let textBytes = 0;
for (let i = 0; i < N; i++) {
  const parts = stories.slice(i * PER_ARTICLE, (i + 1) * PER_ARTICLE);
  const text = parts.map((a) => a.text.trim()).join('\n\n') + '\n';
  textBytes += Buffer.byteLength(text);
  lines.push(JSON.stringify({ text, date: parts[0]!.published, source: parts[0]!.source, url: `https://bench.example/long/${i}` }));
}
const file = join(dir, 'long.jsonl');
writeFileSync(file, lines.join('\n') + '\n');
console.error(`bench:ingest: ${N} articles, ${(textBytes / N / 1024).toFixed(1)} KB each on average, ${availableParallelism()} cores`);

const builds: { name: string; root: string }[] = [{ name: 'this build', root: ROOT }];
if (values.before) {
  const b = resolve(values.before);
  if (!existsSync(join(b, 'bin', 'readout.js'))) throw new Error(`${b}: no bin/readout.js (a built checkout is needed)`);
  builds.unshift({ name: `before (${b})`, root: b });
}

interface Run {
  build: string;
  jobs: number;
  seconds: number;
  rate: number;
  /** CPU time of the ingest process (all its threads) per article, ms: comparable on a loaded machine */
  cpuMsPerArticle: number | null;
  dbBytes: number;
  /** 1-minute load average when the run ended */
  load: number;
}

const runs: Run[] = [];
const jobsList = [1, availableParallelism()];
for (let r = 0; r < ROUNDS; r++) {
  for (const jobs of jobsList) {
    for (const b of builds) {
      const db = join(dir, `r${r}-j${jobs}-${builds.indexOf(b)}.db`);
      const cpu0 = childCpuSeconds();
      const p = spawnSync(process.execPath, [join(b.root, 'bin', 'readout.js'), 'ingest', file, '--db', db, '--jobs', String(jobs), '--quiet'], {
        cwd: b.root,
        encoding: 'utf8',
      });
      const cpu1 = childCpuSeconds();
      const m = /^(\d+) documents in ([\d.]+) s/m.exec(p.stderr);
      if (p.status !== 0 || !m) throw new Error(`${b.name}: ingest failed (${p.status}): ${p.stderr.slice(0, 2000)}`);
      const size = ['', '-wal', '-shm'].reduce((s, x) => s + (existsSync(db + x) ? statSync(db + x).size : 0), 0);
      const cpuMsPerArticle = cpu0 === null || cpu1 === null ? null : Number((((cpu1 - cpu0) * 1000) / Number(m[1])).toFixed(1));
      const run = {
        build: b.name,
        jobs,
        seconds: Number(m[2]),
        rate: Number(m[1]) / Number(m[2]),
        cpuMsPerArticle,
        dbBytes: size,
        load: Number(loadavg()[0]!.toFixed(1)),
      };
      runs.push(run);
      console.error(
        `  ${b.name}, --jobs ${jobs}: ${run.rate.toFixed(1)} articles/s, ${cpuMsPerArticle ?? '?'} ms CPU per article, database ${(size / textBytes).toFixed(2)}× the text, load ${run.load}`,
      );
      rmSync(db, { force: true });
      for (const x of ['-wal', '-shm']) rmSync(db + x, { force: true });
    }
  }
}

const summary = builds.map((b) => ({
  build: b.name,
  ...Object.fromEntries(
    jobsList.map((j) => {
      const rs = runs.filter((r) => r.build === b.name && r.jobs === j);
      return [
        `jobs${j}`,
        {
          articlesPerSecond: Number(Math.max(...rs.map((r) => r.rate)).toFixed(1)),
          cpuMsPerArticle: rs[0]!.cpuMsPerArticle,
          databaseToText: Number((rs[0]!.dbBytes / textBytes).toFixed(2)),
        },
      ];
    }),
  ),
}));
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  articles: N,
  meanArticleBytes: Math.round(textBytes / N),
  rounds: ROUNDS,
  loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
  summary,
  runs,
};
writeFileSync(values.out ?? join(ROOT, 'bench', 'ingest.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 2));
rmSync(dir, { recursive: true, force: true });
