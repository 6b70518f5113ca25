import { parseArgs } from 'node:util';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename, dirname, relative } from 'node:path';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { createAnalyzer } from '../pipeline.js';
import { readArticleFile } from '../ingest/read.js';
import { scoreFile, Totals, prf, type Gold } from '../eval/score.js';
import { parseSuite, scoreSuite, type SuiteScore } from '../eval/sentences.js';
import { isDescriptionTable, parseDescriptionTable, scoreDescriptions, type DescriptionScore } from '../eval/descriptions.js';
import type { Lang } from '../analysis.js';

export interface EvalResult {
  summary: ReturnType<Totals['summary']>;
  perFile: Record<string, unknown>[];
}

/** NAME.gold.json files under `dir` and its sub-folders, in a stable order. */
function goldFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const p = join(dir, d.name);
      return d.isDirectory() ? goldFiles(p) : d.name.endsWith('.gold.json') ? [p] : [];
    });
}

export async function evaluate(dirs: string[], kbFiles: string[] = []): Promise<EvalResult> {
  const analyzer = await createAnalyzer({ kbFiles });
  const totals = new Totals();
  const perFile: Record<string, unknown>[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    for (const goldPath of goldFiles(dir)) {
      let gold: Gold;
      try {
        gold = JSON.parse(readFileSync(goldPath, 'utf8'));
      } catch (e) {
        throw new Error(`${goldPath}: not valid JSON (${(e as Error).message})`);
      }
      const txt = join(dirname(goldPath), gold.file ?? basename(goldPath).replace(/\.gold\.json$/, '.txt'));
      if (!existsSync(txt)) continue;
      const file = relative(dir, txt);
      let out;
      try {
        out = analyzer.analyze(readArticleFile(txt));
      } catch (e) {
        out = { entities: [], quotes: [], events: [] };
        perFile.push({ file, error: (e as Error).message });
      }
      const lang = gold.language ?? 'xx';
      const s = scoreFile(gold, out);
      totals.add(lang, s);
      perFile.push({ file, lang, ...Object.fromEntries(Object.entries(s).map(([k, t]) => [k, prf(t).f1.toFixed(3)])) });
    }
  }
  return { summary: totals.summary(), perFile };
}

/**
 * Scores a sentence suite (JSONL records: id, text, type, roots, sources, targets). Each sentence is
 * analysed on its own, in the record's `language`, else `lang`, else the detected language.
 */
export async function evaluateSuite(file: string, lang: string | null = null, kbFiles: string[] = []): Promise<SuiteScore> {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const records = parseSuite(readFileSync(file, 'utf8'), file);
  const analyzer = await createAnalyzer({ kbFiles });
  if (lang && !analyzer.packs.has(lang)) throw new UsageError(`no language pack for '${lang}' (packs: ${[...analyzer.packs.keys()].join(', ')})`);
  const analyses = records.map((r) => analyzer.analyze({ text: r.text, language: (r.language ?? lang ?? null) as Lang | null }));
  return scoreSuite(records, analyses);
}

/** Scores a table of actor descriptions (test/actors/descriptions.jsonl). */
export async function evaluateDescriptions(file: string, kbFiles: string[] = []): Promise<DescriptionScore> {
  const records = parseDescriptionTable(readFileSync(file, 'utf8'), file);
  return scoreDescriptions(await createAnalyzer({ kbFiles }), records);
}

function printDescriptions(file: string, s: DescriptionScore, misses: number): void {
  console.log(`${file}: ${s.records} descriptions: country ${s.country}, sector ${s.sector}, person ${s.person}, all right ${s.all}`);
  for (const [lang, v] of Object.entries(s.perLang))
    console.log(`  ${lang}  n=${v.records}  country ${v.country}  sector ${v.sector}  person ${v.person}  all ${v.all}`);
  for (const m of s.misses.slice(0, misses))
    console.log(
      `  miss ${m.id} ${JSON.stringify(m.description)}: got ${m.country ?? '-'} ${m.sector ?? '-'} ${m.person ?? ''} want ${m.want.country ?? '-'} ${m.want.sector ?? '-'} ${m.want.person ?? ''}`,
    );
}

function printSuite(file: string, s: SuiteScore, misses: number): void {
  console.log(
    `${file}: records ${s.records}: recall ${s.recall} (type and actors), type recall ${s.type_recall}, spurious events per sentence ${s.spurious_per_sentence}`,
  );
  for (const [k, v] of Object.entries(s.per_type))
    console.log(`  ${k.padEnd(12)} n=${String(v.n).padStart(3)}  recall ${v.recall.toFixed(3)}  type ${v.type_recall.toFixed(3)}`);
  for (const m of s.misses.slice(0, misses)) console.log(`  miss ${m.id} (${m.type}): ${m.got.join('; ') || 'no event'}`);
}

export const command: Command = {
  summary: "score the analyzer on gold files (NAME.gold.json beside NAME.txt) by the contract's rules",
  usage:
    'readout eval DIR... [--min KIND=F1]... [--json] [--kb FILE]...   (KIND: entities, quotes, attributed, events, or e.g. entities.fr)\n       readout eval SUITE.jsonl [--lang fr|en] [--misses N] [--json]   (a sentence suite: recall of event type and actors; or a table of actor descriptions: country, sector, person)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        min: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        kb: { type: 'string', multiple: true },
        lang: { type: 'string' },
        misses: { type: 'string', default: '0' },
      },
    });
    if (!positionals.length) throw new UsageError('no folder given');
    const suites = positionals.filter((p) => p.endsWith('.jsonl'));
    if (suites.length) {
      if (suites.length !== positionals.length) throw new UsageError('give either gold folders or sentence suites (.jsonl), not both');
      const misses = Number(values.misses);
      if (!Number.isInteger(misses) || misses < 0) throw new UsageError(`--misses takes a whole number, not '${values.misses}'`);
      for (const file of suites) {
        if (existsSync(file) && isDescriptionTable(readFileSync(file, 'utf8'))) {
          const d = await evaluateDescriptions(file, values.kb ?? []);
          if (values.json) console.log(JSON.stringify({ file, ...d, misses: d.misses.slice(0, misses) }));
          else printDescriptions(file, d, misses);
          continue;
        }
        const s = await evaluateSuite(file, values.lang ?? null, values.kb ?? []);
        if (values.json) console.log(JSON.stringify({ file, ...s, misses: s.misses.slice(0, misses) }));
        else printSuite(file, s, misses);
      }
      return 0;
    }
    const floors = (values.min ?? []).map((m) => {
      const mm = /^([a-z@.]+)=([01](?:\.\d+)?)$/.exec(m);
      if (!mm) throw new UsageError(`--min takes KIND=F1, such as entities=0.85, not '${m}'`);
      return { kind: mm[1]!, f1: Number(mm[2]) };
    });
    const res = await evaluate(positionals, values.kb ?? []);
    if (values.json) console.log(JSON.stringify(res, null, 1));
    else {
      for (const row of res.perFile) console.log(JSON.stringify(row));
      console.log(`\n${'kind'.padEnd(20)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(5)}  extra`);
      for (const [k, v] of Object.entries(res.summary)) {
        const extra = Object.entries(v)
          .filter(([e]) => !['p', 'r', 'f1', 'n_gold'].includes(e))
          .map(([e, x]) => `${e}=${x}`)
          .join(' ');
        console.log(
          `${k.padEnd(20)} ${v.p.toFixed(3).padStart(6)} ${v.r.toFixed(3).padStart(6)} ${v.f1.toFixed(3).padStart(6)} ${String(v.n_gold).padStart(5)}  ${extra}`,
        );
      }
    }
    let failed = 0;
    for (const f of floors) {
      const got = res.summary[f.kind]?.f1;
      if (got === undefined) {
        console.error(`readout eval: no figure for '${f.kind}'`);
        failed++;
      } else if (got < f.f1) {
        console.error(`readout eval: ${f.kind} F1 ${got.toFixed(3)} is below the floor ${f.f1}`);
        failed++;
      }
    }
    return failed ? 1 : 0;
  },
};
