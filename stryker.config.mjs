// Mutation testing (Stryker). Run one folder at a time: `npm run mutate -- src/kb`
// (scripts/mutate.mjs picks the folder's test files from MUTATE_TESTS below). Not part of
// `npm test`: it is run before an issue that changes a folder is resolved.
//
// How it runs: Stryker copies the project to .stryker-tmp/, writes every mutant of the folder
// into the TypeScript at once (mutant schemata), compiles once with tsc, then runs the compiled
// test files with the tap runner (Node's test runner prints TAP), each test file in its own
// process, and only the files that reach a mutant for that mutant. The TypeScript checker drops
// mutants that do not compile before they are run.

import { fileURLToPath } from 'node:url';

/**
 * The test files (compiled, relative to the project root) that exercise each folder. A mutant
 * runs the files that reach it in this order and stops at the first that fails: the fast files
 * written against mutants first, the slow suites (the analyzer, both store backends) last.
 */
export const MUTATE_TESTS = {
  'src/kb': ['mutation-kb', 'kb-countries', 'kb-organizations', 'kb-coverage', 'kb', 'country-names', 'regressions', 'entities'],
  'src/store': ['mutation-store', 'store-rows', 'snippet', 'export', 'document-id', 'modality', 'store'],
  'src/ingest': ['mutation-ingest', 'text', 'html-depth', 'document-id', 'regressions'],
  'src/quotes': ['mutation-quotes', 'quotes', 'quotes-attribution', 'quotes-descriptions', 'quotes-documents', 'regressions'],
  'src/events': [
    'mutation-events',
    'cameo',
    'events',
    'events-dating',
    'events-denial',
    'events-french',
    'events-syntax',
    'events-lexicon-gaps',
    'events-lexicon-en',
    'events-lexicon-fr',
    'clause-use',
    'regressions',
  ],
  'src/text': ['text', 'document-id'],
  'src/entities': ['entities', 'kb'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // the build runs before Stryker links node_modules into the sandbox: tsc is taken from the
  // project (the sandbox lies inside it, so packages and @types resolve upwards)
  buildCommand: `node ${fileURLToPath(new URL('node_modules/typescript/bin/tsc', import.meta.url))} -p .`,
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // a mutant that makes its test files run 50 % longer plus 10 s is counted as killed (timeout):
  // generous, so that a slow run on a loaded machine is not taken for a hang
  timeoutFactor: 1.5,
  timeoutMS: 10000,
  // the first run of every test file with coverage: minutes under load (Stryker's default is 5)
  dryRunTimeoutMinutes: 30,
  // mutants in code that runs when a module loads (tables, regular expressions, the knowledge
  // base's loader) would need every test file for each of them: they are left out (counted as
  // Ignored in the report) to keep a folder's run within the hour on a shared 2-core machine
  ignoreStatic: true,
  ignorePatterns: ['.stryker-tmp', 'dist', 'web/dist', 'reports', 'test-artifacts', 'bench/tmp', '*.db', '*.db-wal', '*.db-shm'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
