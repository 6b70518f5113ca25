import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { calendarProblem } from '../text/calendar.js';
import { UsageError } from './main.js';
import { createAnalyzer } from '../pipeline.js';
import { availableLanguages } from '../lang/pack.js';
import { readArticleFile } from '../ingest/read.js';
import { formatReport } from '../report.js';
import type { Analysis } from '../analysis.js';

export const command: Command = {
  summary: "analyse articles and print entities, quotes and events (the contract's JSON, JSONL or a report)",
  usage: 'readout analyze FILE... [--format json|jsonl|text] [--date YYYY-MM-DD] [--lang fr|en] [--kb FILE]...   (FILE may be - for standard input)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, date: { type: 'string' }, lang: { type: 'string' }, kb: { type: 'string', multiple: true } },
    });
    if (!positionals.length) throw new UsageError('no file given');
    const format = values.format!;
    if (!['json', 'jsonl', 'text'].includes(format)) throw new UsageError(`unknown format '${format}' (json, jsonl or text)`);
    const dateProblem = values.date !== undefined ? calendarProblem(values.date) : null;
    if (dateProblem) throw new UsageError(`--date: ${dateProblem}`);
    if (values.lang && !/^[a-z]{2}$/.test(values.lang)) throw new UsageError(`--lang must be a two-letter code such as fr or en, not '${values.lang}'`);
    if (values.lang && !availableLanguages().includes(values.lang))
      throw new UsageError(`--lang: there is no language pack for '${values.lang}' (packs: ${availableLanguages().join(', ')}; see lang/)`);
    const analyzer = await createAnalyzer({ kbFiles: values.kb ?? [] });
    const results: Analysis[] = [];
    const failed: string[] = [];
    for (const file of positionals) {
      try {
        const article = readArticleFile(file);
        if (values.date) article.published = values.date;
        if (values.lang) article.language = values.lang;
        const a = analyzer.analyze(article);
        if (format === 'jsonl') process.stdout.write(JSON.stringify(a) + '\n');
        else if (format === 'text') process.stdout.write(formatReport(a, positionals.length > 1 ? file : null) + '\n');
        else results.push(a);
      } catch (e) {
        failed.push((e as Error).message.startsWith(file) ? (e as Error).message : `${file}: ${(e as Error).message}`);
      }
    }
    if (format === 'json' && results.length)
      process.stdout.write(JSON.stringify(results.length === 1 && positionals.length === 1 ? results[0] : results, null, 2) + '\n');
    if (failed.length) {
      console.error(`readout analyze: ${failed.length} of ${positionals.length} file(s) failed:`);
      for (const f of failed) console.error(`  ${f}`);
      return 1;
    }
    return 0;
  },
};
