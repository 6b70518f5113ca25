import { parseArgs } from 'node:util';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { createAnalyzer } from '../pipeline.js';
import { readArticleFile } from '../ingest/read.js';
import { scoreFile, Totals, prf, type Gold } from '../eval/score.js';

export interface EvalResult {
  summary: ReturnType<Totals['summary']>;
  perFile: Record<string, unknown>[];
}

export async function evaluate(dirs: string[], kbFiles: string[] = []): Promise<EvalResult> {
  const analyzer = await createAnalyzer({ kbFiles });
  const totals = new Totals();
  const perFile: Record<string, unknown>[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort()) {
      let gold: Gold;
      try {
        gold = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch (e) {
        throw new Error(`${join(dir, name)}: not valid JSON (${(e as Error).message})`);
      }
      const txt = join(dir, gold.file ?? name.replace(/\.gold\.json$/, '.txt'));
      if (!existsSync(txt)) continue;
      let out;
      try {
        out = analyzer.analyze(readArticleFile(txt));
      } catch (e) {
        out = { entities: [], quotes: [], events: [] };
        perFile.push({ file: basename(txt), error: (e as Error).message });
      }
      const lang = gold.language ?? 'xx';
      const s = scoreFile(gold, out);
      totals.add(lang, s);
      perFile.push({ file: basename(txt), lang, ...Object.fromEntries(Object.entries(s).map(([k, t]) => [k, prf(t).f1.toFixed(3)])) });
    }
  }
  return { summary: totals.summary(), perFile };
}

export const command: Command = {
  summary: 'score the analyzer on gold files (NAME.gold.json beside NAME.txt) by the contract\'s rules',
  usage: 'readout eval DIR... [--min KIND=F1]... [--json] [--kb FILE]...   (KIND: entities, quotes, attributed, events, or e.g. entities.fr)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { min: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, kb: { type: 'string', multiple: true } },
    });
    if (!positionals.length) throw new UsageError('no folder given');
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
        const extra = Object.entries(v).filter(([e]) => !['p', 'r', 'f1', 'n_gold'].includes(e)).map(([e, x]) => `${e}=${x}`).join(' ');
        console.log(`${k.padEnd(20)} ${v.p.toFixed(3).padStart(6)} ${v.r.toFixed(3).padStart(6)} ${v.f1.toFixed(3).padStart(6)} ${String(v.n_gold).padStart(5)}  ${extra}`);
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
