// `readout demo`: ingest the bundled examples into ./readout.db, print a summary and a sample
// query. runDemo() is exported so that a later step (serving the web workbench) can follow it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { ROOT } from '../lang/pack.js';
import { formatReport, ingest, type IngestReport } from '../corpus/ingest.js';
import { Progress } from '../corpus/progress.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import type { StoreStats } from '../store/types.js';
import { table } from '../corpus/format.js';

export interface DemoOptions {
  db?: string;
  /** folders or files to ingest (default: the repository's examples/) */
  paths?: string[];
  jobs?: number;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface DemoResult {
  db: string;
  report: IngestReport;
  stats: StoreStats;
}

export async function runDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const db = opts.db ?? DEFAULT_DB;
  const paths = opts.paths ?? [join(ROOT, 'examples')];
  for (const p of paths) if (!existsSync(p)) throw new Error(`${p}: not found (the demo reads the bundled examples)`);
  log(`Ingesting ${paths.join(', ')} into ${db} …`);
  const report = await ingest(paths, { db, jobs: opts.jobs, progress: opts.quiet ? false : new Progress() });
  log(formatReport(report));
  const store = await openStore(db);
  try {
    const stats = await store.stats();
    log('');
    log(
      `Store ${db}: ${stats.documents} documents (${Object.entries(stats.languages)
        .map(([l, n]) => `${n} ${l}`)
        .join(', ')}), ` +
        `${stats.entities} entities (${stats.mentions} mentions), ${stats.quotes} quotes, ${stats.reports} event reports → ${stats.storyEvents} story events` +
        (stats.firstPublished ? `, ${stats.firstPublished} to ${stats.lastPublished}` : ''),
    );
    if (stats.topActors.length) {
      log('\nTop actors');
      log(
        table(
          stats.topActors.map((a) => ({ actor: a.name, type: a.type, country: a.country, documents: a.documents, quotes: a.quotes, events: a.events })),
          ['actor', 'type', 'country', 'documents', 'quotes', 'events'],
        ),
      );
    }
    if (stats.topDyads.length) {
      log('\nTop dyads');
      log(
        table(
          stats.topDyads.map((d) => ({ a: d.a.name, b: d.b.name, events: d.events })),
          ['a', 'b', 'events'],
        ),
      );
    }
    // a sample query: the story events of the busiest dyad (or the latest events)
    const top = stats.topDyads[0];
    const page = top ? (await store.dyad(top.a.key, top.b.key)).events.slice(0, 5) : (await store.events({ limit: 5 })).items;
    const cmd = top ? `readout query --actor "${top.a.name}" --db ${db}` : `readout query --db ${db}`;
    if (page.length) {
      log(`\nSample query: ${cmd}`);
      log(
        table(
          page.map((e) => ({ date: e.date, code: e.code, label: e.label, source: e.source?.name, target: e.target?.name, articles: e.numArticles })),
          ['date', 'code', 'label', 'source', 'target', 'articles'],
        ),
      );
    }
    const q = (await store.quotes({ limit: 3 })).items;
    if (q.length) {
      log(`\nLatest quotes: readout query --what quotes --db ${db}`);
      log(
        table(
          q.map((x) => ({ published: x.published, speaker: x.speaker?.name ?? '?', text: x.text })),
          ['published', 'speaker', 'text'],
          70,
        ),
      );
    }
    log(`\nMore: readout query --help · readout export --format gdelt --db ${db} > events.tsv`);
    return { db, report, stats };
  } finally {
    await store.close();
  }
}

export const command: Command = {
  summary: 'ingest the bundled examples into ./readout.db and show what came out',
  usage: 'readout demo [--db FILE|postgres://…] [--jobs N] [--quiet]',
  async run(args) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, jobs: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
    const r = await runDemo({ db: values.db, jobs: values.jobs ? Number(values.jobs) : undefined, quiet: values.quiet });
    // the README's main command ends by serving the workbench on the corpus it just built
    await (await import('./demo-serve.js')).serveAfterDemo(r.db);
    return r.report.failed.length ? 1 : 0;
  },
};
