// `npm run bench -- --syntax`: the tagger and parser alone on one warm thread, over the sentences of
// the benchmark's generated articles as readout tokenises them; model load time, file sizes and
// the memory the models take. Writes bench/syntax.json and the table in README.md.
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadKnowledgeBase } from '../src/kb/kb.js';
import { loadPacks } from '../src/lang/pack.js';
import { tokenize, tokenizeOptionsFor } from '../src/text/tokens.js';
import { splitSentences } from '../src/text/sentences.js';
import { modelPath, readModel, type SyntaxLanguage, type SyntaxModel } from '../src/syntax/model.js';
import { parseSentence, tagSentence } from '../src/syntax/index.js';
import { generateCorpus } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const now = () => performance.now();
// the garbage collector, for memory before and after loading the models
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
const log = (s: string) => process.stderr.write(s + '\n');
const mem = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const langs: SyntaxLanguage[] = ['fr', 'en'];
const models = new Map<SyntaxLanguage, SyntaxModel>();
const load: Record<string, number> = {};
const before = mem();
for (const lang of langs) {
  const t = now();
  models.set(lang, readModel(modelPath(lang)));
  load[lang] = (now() - t) / 1000;
}
const modelMB = (mem() - before) / 1e6;

// the generated corpus alternates English (even) and French (odd) articles
const tok = tokenizeOptionsFor(loadPacks());
const corpus = generateCorpus(loadKnowledgeBase(), 2000);
const sentences: Record<string, string[][]> = { fr: [], en: [] };
corpus.forEach((a, i) => {
  const tokens = tokenize(a.text, tok);
  for (const s of splitSentences(tokens, [{ start: 0, end: a.text.length, kind: 'paragraph', language: null }])) {
    sentences[i % 2 ? 'fr' : 'en']!.push(tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
  }
});

/** tokens per second of fn over the language's sentences: the best of 5 runs after a warm-up run */
function rate(lang: SyntaxLanguage, fn: (words: string[], lang: SyntaxLanguage, model: SyntaxModel) => unknown): number {
  const sents = sentences[lang]!;
  const model = models.get(lang)!;
  const tokens = sents.reduce((s, x) => s + x.length, 0);
  let best = 0;
  for (let run = 0; run < 6; run++) {
    const t = now();
    for (const s of sents) fn(s, lang, model);
    if (run > 0) best = Math.max(best, tokens / ((now() - t) / 1000));
  }
  return best;
}

const rows = langs.map((lang) => ({
  lang,
  sentences: sentences[lang]!.length,
  tokens: sentences[lang]!.reduce((s, x) => s + x.length, 0),
  tagParseTokensPerSecond: Math.round(rate(lang, parseSentence)),
  tagTokensPerSecond: Math.round(rate(lang, tagSentence)),
  loadSeconds: Number(load[lang]!.toFixed(3)),
  fileMB: Number((statSync(modelPath(lang)).size / 1e6).toFixed(2)),
}));
const results = { date: new Date().toISOString(), node: process.version, modelsMemoryMB: Number(modelMB.toFixed(1)), gcExposed: !!gc, languages: rows };
const table =
  [
    '| language | tag + parse | tag only | model load | model file | sentences (tokens) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.lang} | ${r.tagParseTokensPerSecond.toLocaleString('en')} tokens/s | ${r.tagTokensPerSecond.toLocaleString('en')} tokens/s | ${r.loadSeconds.toFixed(3)} s | ${r.fileMB} MB | ${r.sentences} (${r.tokens}) |`,
    ),
  ].join('\n') + `\n\nBoth models in memory: ${results.modelsMemoryMB} MB (heap + array buffers${gc ? '' : ', without --expose-gc: approximate'}).`;
writeFileSync(join(ROOT, 'bench', 'syntax.json'), JSON.stringify(results, null, 2) + '\n');
console.log(table);
log(`(best of 5 warm runs over the sentences of 2000 generated articles; ${results.node})`);
const docs = join(ROOT, 'README.md');
if (existsSync(docs)) {
  const md = readFileSync(docs, 'utf8');
  const start = '<!-- bench-syntax:start -->',
    end = '<!-- bench-syntax:end -->';
  if (md.includes(start) && md.includes(end)) {
    writeFileSync(
      docs,
      md.slice(0, md.indexOf(start) + start.length) +
        `\n${table}\n\n_\`npm run bench -- --syntax\` of ${results.date.slice(0, 10)}._\n` +
        md.slice(md.indexOf(end)),
    );
  }
}
