#!/usr/bin/env node
// npm run mutate -- src/FOLDER [more Stryker options]: mutation testing of one folder of src/
// with the test files that exercise it (stryker.config.mjs → MUTATE_TESTS). Reports go to
// reports/mutation/FOLDER.{html,json}; the score is printed at the end.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import base, { MUTATE_TESTS } from '../stryker.config.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [folderArg, ...rest] = process.argv.slice(2);
const folder = folderArg?.replace(/\/+$/, '');
if (!folder || !MUTATE_TESTS[folder]) {
  console.error(
    `usage: npm run mutate -- FOLDER [--mutate FILE,GLOB…] [--concurrency N] [--no-check] [--incremental] [--sample N [--seed S]]\nfolders: ${Object.keys(MUTATE_TESTS).join(', ')}`,
  );
  process.exit(2);
}
const opts = { ...base };
let sample = 0,
  seed = 1;
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--mutate') opts.mutate = rest[++i].split(',');
  else if (rest[i] === '--concurrency') opts.concurrency = Number(rest[++i]);
  else if (rest[i] === '--no-check') opts.checkers = [];
  else if (rest[i] === '--incremental') opts.incremental = true;
  else if (rest[i] === '--sample') sample = Number(rest[++i]);
  else if (rest[i] === '--seed') seed = Number(rest[++i]);
  else {
    console.error(`unknown option ${rest[i]}`);
    process.exit(2);
  }
}
opts.mutate ??= [`${folder}/**/*.ts`];
// a folder's list may name a test file another branch has not written yet: only existing ones run
opts.tap = { testFiles: MUTATE_TESTS[folder].filter((t) => existsSync(join(ROOT, 'test', `${t}.test.ts`))).map((t) => `dist/test/${t}.test.js`) };
const name =
  folder.replace(/^src\//, '').replace(/\//g, '-') +
  (opts.mutate.length === 1 && /^[^*:]+\.ts$/.test(opts.mutate[0]) ? `-${opts.mutate[0].split('/').pop().replace(/\.ts$/, '')}` : '');
opts.htmlReporter = { fileName: `reports/mutation/${name}.html` };
opts.jsonReporter = { fileName: `reports/mutation/${name}.json` };
// --incremental keeps each mutant's result in reports/mutation/NAME.incremental.json: an
// interrupted or repeated run only tests the mutants whose code or tests changed
opts.incrementalFile = `reports/mutation/${name}.incremental.json`;
// one sandbox folder per run, so that two folders can be measured at once
opts.tempDirName = `${base.tempDirName}/${name}`;
// the tests find ../shared beside the project; in the sandbox (.stryker-tmp/NAME/sandbox-…)
// that is .stryker-tmp/NAME/shared
const shared = join(ROOT, '..', 'shared');
const tmp = join(ROOT, opts.tempDirName);
mkdirSync(tmp, { recursive: true });
if (existsSync(shared) && !existsSync(join(tmp, 'shared'))) symlinkSync(shared, join(tmp, 'shared'));

if (sample > 0) sampleMutants(sample, seed);
const results = await new Stryker(opts).runMutationTest();
const count = (...s) => results.filter((r) => s.includes(r.status)).length;
const killed = count('Killed', 'Timeout'),
  survived = count('Survived'),
  noCov = count('NoCoverage');
const valid = killed + survived + noCov;
const score = valid ? (100 * killed) / valid : NaN;
// for a sample, the 95 % Wilson interval of the folder's score
const z = 1.96,
  p = killed / valid,
  centre = (p + (z * z) / (2 * valid)) / (1 + (z * z) / valid),
  half = (z / (1 + (z * z) / valid)) * Math.sqrt((p * (1 - p)) / valid + (z * z) / (4 * valid * valid)) * 100;
console.log(
  `\n${folder}: mutation score ${score.toFixed(1)} % (${killed} killed or timed out, ${survived} survived, ${noCov} not covered; ${count('CompileError')} compile errors, ${count('RuntimeError')} runtime errors, ${count('Ignored')} ignored)` +
    (sample > 0 && valid ? `; a random sample (seed ${seed}): 95 % interval ${(centre * 100 - half).toFixed(1)}–${(centre * 100 + half).toFixed(1)} %` : ''),
);

/**
 * --sample N: test N mutants drawn at random (seeded, so a run can be repeated) from all the
 * folder's mutants instead of every one. The instrumenter still writes every mutant into the
 * code (one build), but Stryker is handed only the drawn ones, so only they are run and reported.
 * A whole folder takes hours on a shared 2-core machine; a sample of 150 gives its score within
 * about ±7 points.
 */
function sampleMutants(n, seed) {
  const instrument = Instrumenter.prototype.instrument;
  Instrumenter.prototype.instrument = async function (...args) {
    const result = await instrument.apply(this, args);
    let state = seed >>> 0 || 1;
    // mulberry32
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const order = result.mutants.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const keep = new Set(order.slice(0, n));
    console.log(`sampling ${keep.size} of ${result.mutants.length} mutants (seed ${seed})`);
    return { ...result, mutants: result.mutants.filter((_, i) => keep.has(i)) };
  };
}
