// Output formats shared by query and export: CSV (RFC 4180), TSV (GDELT), JSON lines, tables.
import type { ExportRow } from '../store/types.js';

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tsvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

export function csvLine(cols: string[], row: ExportRow): string {
  return cols.map((c) => csvCell(row[c])).join(',') + '\n';
}

export function table(rows: Record<string, unknown>[], cols: string[], width = 48): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ');
    return s.length > width ? s.slice(0, width - 1) + '…' : s;
  };
  const w = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(w[i]!))
      .join('  ')
      .trimEnd();
  return [line(cols), line(w.map((n) => '-'.repeat(n))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

let piped = false;

/** Write to stdout, waiting when the pipe is full (constant memory for long exports); a closed pipe (`| head`) ends quietly. */
export async function write(s: string): Promise<void> {
  if (!piped) {
    piped = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  if (!process.stdout.write(s)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}
