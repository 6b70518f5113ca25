// Importer for the Phoenix / PETRARCH (TABARI) actor dictionaries: `NAME_ [CODE]` lines, `+SYNONYM`
// lines, and date-bounded codes such as `[USAGOV >090120]`, `[DEUELI 720101-000101]`, `[IGOUNO <061231]`.
// Produces knowledge-base rows in our JSONL format (data/kb/README.md).

export interface ImportStats {
  entries: number;
  people: number;
  organisations: number;
  skipped: number;
  badLines: { line: number; text: string }[];
}

interface Entry {
  names: string[];
  codes: { code: string; from: string | null; to: string | null }[];
  line: number;
}

const CODE_RE = /\[([~A-Z0-9]{1,15})(?:\s+([<>]?)(\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*\]/g;

/** YYMMDD (two-digit years pivot at 50) or YYYYMMDD → YYYY-MM-DD */
export function phoenixDate(d: string): string | null {
  if (d.length === 8) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (d.length !== 6) return null;
  const yy = Number(d.slice(0, 2));
  const year = yy < 50 ? 2000 + yy : 1900 + yy;
  return `${year}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
}

const NAME_PARTICLES = new Set(['AL', 'EL', 'BIN', 'BEN', 'IBN', 'ABU', 'ABD', 'DE', 'DA', 'DI', 'DU', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DOS', 'MAC', 'MC']);

function cleanName(raw: string): string {
  const s = raw.replace(/#.*$/, '').trim().replace(/_+$/, '').replace(/_/g, ' ').trim();
  // title case: DONALD TRUMP → Donald Trump; short words stay acronyms (UN, UMA, U.S.) unless they are name particles
  return s
    .split(' ')
    .map((w) =>
      (w.length <= 3 && !NAME_PARTICLES.has(w)) || /\./.test(w)
        ? w
        : w.charAt(0) +
          w
            .slice(1)
            .toLowerCase()
            .replace(/-(\p{L})/gu, (_, c: string) => `-${c.toUpperCase()}`),
    )
    .join(' ');
}

export function parsePhoenix(text: string): { entries: Entry[]; bad: { line: number; text: string }[] } {
  const entries: Entry[] = [];
  const bad: { line: number; text: string }[] = [];
  let cur: Entry | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || /^\s*#/.test(line)) return;
    const codes = [...line.matchAll(CODE_RE)].map((m) => ({
      code: m[1]!,
      from: m[2] === '<' ? null : m[3] ? phoenixDate(m[3]) : null,
      to: m[2] === '<' ? phoenixDate(m[3]!) : m[4] ? phoenixDate(m[4]) : null,
    }));
    const namePart = line.replace(CODE_RE, '').replace(/#.*$/, '').trim();
    if (/^\s/.test(raw) && !namePart) {
      if (cur) cur.codes.push(...codes);
      else bad.push({ line: i + 1, text: line });
      return;
    }
    if (namePart.startsWith('+')) {
      if (cur) cur.names.push(cleanName(namePart.slice(1)));
      else bad.push({ line: i + 1, text: line });
      if (cur) cur.codes.push(...codes);
      return;
    }
    if (!/^[\p{L}\p{N}]/u.test(namePart)) {
      bad.push({ line: i + 1, text: line });
      return;
    }
    cur = { names: [cleanName(namePart)], codes, line: i + 1 };
    entries.push(cur);
  });
  return { entries, bad };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Phoenix entries → JSONL rows (people with dated roles, organisations); country synonyms are skipped. */
export function phoenixToRows(text: string, countries: Set<string>, sourceName: string): { rows: object[]; stats: ImportStats } {
  const { entries, bad } = parsePhoenix(text);
  const stats: ImportStats = { entries: entries.length, people: 0, organisations: 0, skipped: 0, badLines: bad };
  const rows: object[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const codes = e.codes.filter((c) => !c.code.startsWith('~'));
    if (!codes.length) {
      stats.skipped++;
      continue;
    }
    const main = codes.find((c) => !c.from && !c.to) ?? codes[codes.length - 1]!;
    const isCountryName = codes.every((c) => c.code.length === 3 && countries.has(c.code));
    if (isCountryName) {
      stats.skipped++;
      continue;
    }
    let id = `phoenix-${slug(e.names[0]!)}`;
    if (!id || seen.has(id)) id = `${id}-${e.line}`;
    seen.add(id);
    const dated = codes.some((c) => c.from || c.to);
    const igo = /^(IGO|NGO|MNC)/.test(main.code);
    const country = countries.has(main.code.slice(0, 3)) ? main.code.slice(0, 3) : null;
    const aliases = [...new Set(e.names.slice(1).filter((n) => n && n !== e.names[0]))];
    if (
      dated ||
      (!igo &&
        /(GOV|ELI|MIL|OPP|REB|JUD|LEG)$/.test(main.code) &&
        e.names[0]!.split(' ').length >= 2 &&
        !/(MINISTRY|GOVERNMENT|ARMY|PARTY|COUNCIL|COURT|POLICE)/i.test(e.names[0]!))
    ) {
      stats.people++;
      rows.push({
        id,
        name: e.names[0],
        type: 'PERSON',
        country,
        aliases,
        roles: codes
          .filter((c) => c.from || c.to || codes.length === 1)
          .map((c) => ({
            role: 'other',
            title: {},
            country: countries.has(c.code.slice(0, 3)) ? c.code.slice(0, 3) : null,
            from: c.from,
            to: c.to,
            code: c.code,
          })),
        source: `${sourceName} line ${e.line} (Phoenix/CAMEO actor dictionary, imported)`,
      });
    } else {
      stats.organisations++;
      rows.push({
        id,
        name: e.names[0],
        type: 'ORGANIZATION',
        country,
        kind: igo ? 'international' : null,
        code: main.code,
        aliases,
        acronyms: [],
        handles: [],
        parent: null,
        source: `${sourceName} line ${e.line} (Phoenix/CAMEO actor dictionary, imported)`,
      });
    }
  }
  return { rows, stats };
}
