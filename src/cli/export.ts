// `readout export --format gdelt|csv|jsonl [--what events|quotes|entities|documents]`: streamed.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './main.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { requireDatabase } from './db.js';
import { GDELT_COLUMNS } from '../store/sql.js';
import type { ExportWhat, Filter } from '../store/types.js';
import { csvLine, tsvCell, write } from '../corpus/format.js';
import { checkRange, filterOf, FILTER_OPTIONS } from './query.js';

export const command: Command = {
  summary: 'export story events (GDELT 2.0 columns, CSV, JSONL), quotes, entities or documents',
  usage:
    'readout export --format gdelt|csv|jsonl [--what events|quotes|entities|documents] [--no-header] [--modality asserted|all|negated,…] [filters as in query] [--db FILE|postgres://…] [--create]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string', default: process.env.READOUT_DB ?? DEFAULT_DB },
        create: { type: 'boolean', default: false },
        format: { type: 'string', default: 'jsonl' },
        what: { type: 'string', default: 'events' },
        'no-header': { type: 'boolean', default: false },
        ...FILTER_OPTIONS,
      },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const format = values.format!,
      what = values.what as ExportWhat;
    if (!['gdelt', 'csv', 'jsonl'].includes(format)) throw new UsageError(`--format must be gdelt, csv or jsonl, not '${format}'`);
    if (!['events', 'quotes', 'entities', 'documents'].includes(what))
      throw new UsageError(`--what must be events, quotes, entities or documents, not '${what}'`);
    if (format === 'gdelt' && what !== 'events') throw new UsageError('--format gdelt exports events only');
    checkRange(values.from, values.to);
    const filter: Filter = filterOf(values);
    requireDatabase(values.db!, values.create!);
    const store = await openStore(values.db!);
    let cols: string[] | null = format === 'gdelt' ? GDELT_COLUMNS : null;
    try {
      if (format === 'gdelt' && !values['no-header']) await write(GDELT_COLUMNS.join('\t') + '\n');
      for await (const row of store.exportRows(what, filter)) {
        if (format === 'jsonl') await write(JSON.stringify(row) + '\n');
        else if (format === 'gdelt') await write(cols!.map((c) => tsvCell(row[c])).join('\t') + '\n');
        else {
          if (!cols) {
            cols = Object.keys(row);
            if (!values['no-header']) await write(cols.join(',') + '\n');
          }
          await write(csvLine(cols, row));
        }
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};
