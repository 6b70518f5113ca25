// `readout query`: story events, quotes or documents from a store, filtered.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { requireDatabase } from './db.js';
import type { Filter, StoryEvent, QuoteRow, DocumentHit } from '../store/types.js';
import { csvLine, table, write } from '../corpus/format.js';
import { calendarProblem } from '../text/calendar.js';
import { CountryNames } from '../kb/country-names.js';
import { loadKnowledgeBase } from '../kb/kb.js';
import { parseModality, MODALITY_HELP, type ModalityFilter } from '../store/modality.js';

/** The corpus filters that `query` and `export` share (their meaning: the Filter of the store). */
export const FILTER_OPTIONS = {
  actor: { type: 'string' },
  country: { type: 'string' },
  with: { type: 'string' },
  code: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  text: { type: 'string' },
  speaker: { type: 'string' },
  language: { type: 'string' },
  modality: { type: 'string' },
} as const;

/** The store's Filter from the shared corpus options (names and dates checked, countries resolved). */
export function filterOf(values: { [K in keyof typeof FILTER_OPTIONS]?: string }): Filter {
  return {
    actor: values.actor,
    ...countryOptions(values.country, values.with),
    code: values.code,
    from: values.from,
    to: values.to,
    text: values.text,
    speaker: values.speaker,
    language: values.language,
    modality: modalityOption(values.modality),
  };
}

export const command: Command = {
  summary: 'search a store: story events, quotes or documents',
  usage:
    'readout query [--actor NAME] [--country NAME|ISO [--with NAME|ISO]] [--code CODE|ROOT] [--from DATE] [--to DATE] [--text "query"] [--speaker NAME] [--modality asserted|all|negated,…] [--what events|quotes|documents] [--format table|json|csv] [--limit N] [--offset N] [--db FILE|postgres://…] [--create]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string', default: process.env.READOUT_DB ?? DEFAULT_DB },
        create: { type: 'boolean', default: false },
        ...FILTER_OPTIONS,
        what: { type: 'string', default: 'events' },
        format: { type: 'string', default: 'table' },
        limit: { type: 'string', default: '20' },
        offset: { type: 'string', default: '0' },
      },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (free text goes in --text)`);
    const what = values.what!;
    if (!['events', 'quotes', 'documents'].includes(what)) throw new UsageError(`--what must be events, quotes or documents, not '${what}'`);
    const format = values.format!;
    if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
    checkRange(values.from, values.to);
    if (values.code && !/^\d{2,4}$/.test(values.code)) throw new UsageError(`--code is a CAMEO code or root (2-4 digits), not '${values.code}'`);
    const limit = Number(values.limit),
      offset = Number(values.offset);
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0)
      throw new UsageError('--limit and --offset are non-negative integers');
    const filter: Filter = { ...filterOf(values), limit, offset };
    requireDatabase(values.db!, values.create!);
    const store = await openStore(values.db!);
    try {
      const page = what === 'events' ? await store.events(filter) : what === 'quotes' ? await store.quotes(filter) : await store.searchDocuments(filter);
      const rows = (page.items as unknown[]).map((x) => flat(what, x));
      if (format === 'json') await write(JSON.stringify(page, null, 2) + '\n');
      else if (format === 'csv') {
        const cols = COLUMNS[what]!;
        await write(cols.join(',') + '\n');
        for (const r of rows) await write(csvLine(cols, r));
      } else {
        await write(table(rows, TABLE[what]!) + '\n');
        console.error(
          `${page.total} ${what} match${page.total === 1 ? 'es' : ''}; showing ${page.items.length ? `${offset + 1}-${offset + page.items.length}` : 'none'}`,
        );
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

const COLUMNS: Record<string, string[]> = {
  events: [
    'id',
    'date',
    'modality',
    'code',
    'label',
    'source',
    'source_country',
    'target',
    'target_country',
    'quad',
    'goldstein',
    'articles',
    'sources',
    'evidence',
  ],
  quotes: ['document', 'id', 'published', 'speaker', 'speaker_country', 'kind', 'cue', 'language', 'text'],
  documents: ['id', 'published', 'language', 'source', 'title', 'entities', 'quotes', 'events', 'origin'],
};
const TABLE: Record<string, string[]> = {
  events: ['date', 'modality', 'code', 'label', 'source', 'target', 'articles', 'evidence'],
  quotes: ['published', 'speaker', 'kind', 'text'],
  documents: ['published', 'language', 'source', 'title', 'events'],
};

/**
 * `--country` / `--with` by any name (MAR, mar, Morocco, Maroc, marocain) → ISO3 codes, through the
 * knowledge base (loaded only when they are given); a usage error names an unknown or ambiguous one.
 */
export function countryOptions(country: string | undefined, withC: string | undefined): { country?: string; with?: string } {
  if (!country && !withC) return {};
  const names = new CountryNames(loadKnowledgeBase().countries);
  const one = (flag: string, s: string | undefined) => {
    if (s === undefined) return undefined;
    const r = names.lookup(s);
    if (r.error !== undefined) throw new UsageError(`${flag}: ${r.error}`);
    return r.iso3;
  };
  return { country: one('--country', country), with: one('--with', withC) };
}

/** `--from` / `--to`: real calendar dates (YYYY, YYYY-MM or YYYY-MM-DD), from not after to; shared with export. */
export function checkRange(from: string | undefined, to: string | undefined): void {
  for (const [name, d] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    const problem = d !== undefined ? calendarProblem(d) : null;
    if (problem) throw new UsageError(`${name}: ${problem}`);
  }
  if (from && to && from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);
}

/** `--modality` → the store's filter (absent: asserted acts only); a usage error names the bad value. */
export function modalityOption(s: string | undefined): ModalityFilter | undefined {
  if (s === undefined) return undefined;
  try {
    return parseModality(s);
  } catch (e) {
    throw new UsageError(`--modality: ${(e as Error).message} (${MODALITY_HELP})`);
  }
}

function flat(what: string, x: unknown): Record<string, string | number | null> {
  if (what === 'events') {
    const e = x as StoryEvent;
    return {
      id: e.id,
      date: e.date,
      modality: e.modality,
      code: e.code,
      label: e.label,
      source: e.source?.name ?? null,
      source_country: e.source?.country ?? null,
      target: e.target?.name ?? null,
      target_country: e.target?.country ?? null,
      quad: e.quadClass,
      goldstein: e.goldstein,
      articles: e.numArticles,
      sources: e.numSources,
      evidence: e.reports[0]?.evidence.text ?? null,
    };
  }
  if (what === 'quotes') {
    const q = x as QuoteRow;
    return {
      document: q.document,
      id: q.id,
      published: q.published,
      speaker: q.speaker?.name ?? null,
      speaker_country: q.speaker?.country ?? null,
      kind: q.kind,
      cue: q.cue,
      language: q.language,
      text: q.text,
    };
  }
  const d = x as DocumentHit;
  return {
    id: d.id,
    published: d.published,
    language: d.language,
    source: d.source,
    title: d.title ?? d.snippet,
    entities: d.counts.entities,
    quotes: d.counts.quotes,
    events: d.counts.events,
    origin: d.origin,
  };
}
