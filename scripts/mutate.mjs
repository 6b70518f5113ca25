#!/usr/bin/env node
// npm run mutate -- src/FOLDER [more Stryker options]: mutation testing of one folder of src/
// with the test files that exercise it (stryker.config.mjs → MUTATE_TESTS). Reports go to
// reports/mutation/FOLDER.{html,json}; the score is printed at the end.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';
import base, { MUTATE_TESTS } from '../stryker.config.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [folderArg, ...rest] = process.argv.slice(2);
const folder = folderArg?.replace(/\/+$/, '');
if (!folder || !MUTATE_TESTS[folder]) {
  console.error(`usage: npm run mutate -- FOLDER [--mutate FILE,GLOB…] [--concurrency N] [--no-check]\nfolders: ${Object.keys(MUTATE_TESTS).join(', ')}`);
  process.exit(2);
}
const opts = { ...base };
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--mutate') opts.mutate = rest[++i].split(',');
  else if (rest[i] === '--concurrency') opts.concurrency = Number(rest[++i]);
  else if (rest[i] === '--no-check') opts.checkers = [];
  else {
    console.error(`unknown option ${rest[i]}`);
    process.exit(2);
  }
}
opts.mutate ??= [`${folder}/**/*.ts`];
opts.tap = { testFiles: MUTATE_TESTS[folder].map((t) => `dist/test/${t}.test.js`) };
const name =
  folder.replace(/^src\//, '').replace(/\//g, '-') +
  (opts.mutate.length === 1 && opts.mutate[0].endsWith('.ts') ? `-${opts.mutate[0].split('/').pop().replace(/\.ts$/, '')}` : '');
opts.htmlReporter = { fileName: `reports/mutation/${name}.html` };
opts.jsonReporter = { fileName: `reports/mutation/${name}.json` };
// the tests find ../shared beside the project; in the sandbox (.stryker-tmp/sandbox-…) that is
// .stryker-tmp/shared
const shared = join(ROOT, '..', 'shared');
const tmp = join(ROOT, base.tempDirName);
mkdirSync(tmp, { recursive: true });
if (existsSync(shared) && !existsSync(join(tmp, 'shared'))) symlinkSync(shared, join(tmp, 'shared'));

const results = await new Stryker(opts).runMutationTest();
const count = (...s) => results.filter((r) => s.includes(r.status)).length;
const killed = count('Killed', 'Timeout'),
  survived = count('Survived'),
  noCov = count('NoCoverage');
const valid = killed + survived + noCov;
const score = valid ? (100 * killed) / valid : NaN;
console.log(
  `\n${folder}: mutation score ${score.toFixed(1)} % (${killed} killed or timed out, ${survived} survived, ${noCov} not covered; ${count('CompileError')} compile errors, ${count('Ignored')} ignored)`,
);
