import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/kb.js';
import { within } from '../kb/dates.js';
import { sectorOfCode } from '../kb/codes.js';
import { roleCoverage, OFFICES, type Coverage, type CoverageOptions } from '../kb/coverage.js';
import { phoenixToRows } from '../kb/phoenix.js';
import { createAnalyzer } from '../pipeline.js';
import { resolveMention } from '../kb/resolve.js';
import { InputError } from '../ingest/decode.js';

export function kbStats(kb: KnowledgeBase, period: CoverageOptions = {}) {
  const byType: Record<string, number> = {};
  const organisationsByKind: Record<string, number> = {};
  const byCountry: Record<string, number> = {};
  let withRoles = 0;
  for (const a of kb.actors.values()) {
    byType[a.type] = (byType[a.type] ?? 0) + 1;
    if (a.type !== 'COUNTRY' && a.country) byCountry[a.country] = (byCountry[a.country] ?? 0) + 1;
    if (a.type === 'PERSON' && a.roles.length) withRoles++;
    if (a.type === 'ORGANIZATION') organisationsByKind[a.kind ?? 'unknown'] = (organisationsByKind[a.kind ?? 'unknown'] ?? 0) + 1;
  }
  const countries = [...kb.countries.values()];
  const complete = countries.filter((c) => c.name.en && c.name.fr && c.demonyms.en?.length && c.demonyms.fr?.length).length;
  const coverage: Record<string, Record<string, number>> = {};
  for (let y = 2015; y <= 2026; y++) {
    const row: Record<string, number> = {};
    for (const kind of ['head-of-state', 'head-of-government', 'foreign-minister', 'foreign-ministry-spokesperson']) {
      const have = new Set<string>();
      for (const a of kb.actors.values()) for (const r of a.roles) if (r.role === kind && r.country && within(`${y}-06-30`, r.from, r.to)) have.add(r.country);
      row[kind] = have.size;
    }
    coverage[String(y)] = row;
  }
  // people in office on 30 June of each year, by the CAMEO sector of their role's code
  const bySector: Record<string, Record<string, number>> = {};
  for (let y = 2015; y <= 2026; y++) {
    const row: Record<string, number> = {};
    for (const a of kb.actors.values()) {
      if (a.type !== 'PERSON') continue;
      const r = kb.roleAt(a, `${y}-06-30`);
      if (!r) continue;
      const sector = sectorOfCode(r.code) ?? 'none';
      row[sector] = (row[sector] ?? 0) + 1;
    }
    bySector[String(y)] = row;
  }
  const people = byType['PERSON'] ?? 0;
  const organisations = byType['ORGANIZATION'] ?? 0;
  const places = byType['LOCATION'] ?? 0;
  return {
    files: kb.files.length,
    byType,
    people,
    organisations,
    organisationsByKind,
    places,
    countries: countries.length,
    countriesWithNamesAndDemonyms: complete,
    peopleWithDatedRoles: withRoles,
    byCountry,
    roleCoverageByYear: coverage,
    peopleInOfficeBySector: bySector,
    officeCoverage: roleCoverage(kb, period),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

/** The coverage tables and the holes list as text (one hole a line: country, office, first and last day, days). */
function printCoverage(c: Coverage, filter: { region?: string; office?: string; country?: string }, countries: KnowledgeBase['countries']) {
  const head = `  ${''.padEnd(12)}${OFFICES.map((o) => o.padStart(20)).join('')}`;
  const vacant = OFFICES.reduce((n, o) => n + c.byOffice[o].vacant, 0);
  console.log(
    `\noffice coverage: share of state-days ${c.period.from} … ${c.period.to} with somebody in office or a known vacancy (${c.states} UN member states; ${vacant} state-days known vacant)`,
  );
  console.log(head);
  const line = (label: string, r: Coverage['byOffice']) => console.log(`  ${label.padEnd(12)}${OFFICES.map((o) => pct(r[o].share).padStart(20)).join('')}`);
  line('all', c.byOffice);
  console.log('  by region');
  for (const [region, r] of Object.entries(c.byRegion)) line(region, r);
  console.log('  by year');
  for (const [y, r] of Object.entries(c.byYear)) line(y, r);
  const holes = c.holes.filter(
    (h) =>
      (!filter.office || h.office === filter.office) &&
      (!filter.country || h.country === filter.country) &&
      (!filter.region || countries.get(h.country)?.region?.toLowerCase() === filter.region.toLowerCase()),
  );
  const days = holes.reduce((n, h) => n + h.days, 0);
  console.log(
    `\nholes (nobody in office in the knowledge base): ${holes.length} ranges, ${days} state-days${filter.region || filter.office || filter.country ? ` (${[filter.region, filter.office, filter.country].filter(Boolean).join(', ')})` : ''}`,
  );
  for (const h of holes)
    console.log(`  ${h.country}  ${h.office.padEnd(18)}  ${h.from} … ${h.to}  ${String(h.days).padStart(5)} days  ${countries.get(h.country)?.name.en ?? ''}`);
  if (c.problems.length) {
    console.log(`\nroles with unreadable dates (not counted): ${c.problems.length}`);
    for (const p of c.problems) console.log(`  ${p.actor} ${p.role} ${p.country ?? ''}: ${p.problem}`);
  }
}

export const command: Command = {
  summary: 'the knowledge base: stats, resolve a mention, import Phoenix/CAMEO actor dictionaries',
  usage:
    'readout kb stats [--json] [--kb FILE]... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--region R] [--office O] [--country ISO3] | readout kb resolve "TEXT" [--date YYYY-MM-DD] [--lang fr|en] [--format json|text] | readout kb import phoenix FILE [--out FILE.jsonl]',
  async run(args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        region: { type: 'string' },
        office: { type: 'string' },
        country: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        kb: { type: 'string', multiple: true },
      },
    });
    if (sub === 'stats') {
      for (const [k, v] of [
        ['from', values.from],
        ['to', values.to],
      ] as const) {
        if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${k} must be YYYY-MM-DD, not '${v}'`);
      }
      if (values.office && !(OFFICES as readonly string[]).includes(values.office))
        throw new UsageError(`--office must be one of ${OFFICES.join(', ')}, not '${values.office}'`);
      const kb = loadKnowledgeBase({ extraFiles: values.kb ?? [] });
      const s = kbStats(kb, { from: values.from, to: values.to });
      if (values.json) {
        console.log(JSON.stringify(s, null, 1));
        return 0;
      }
      console.log(`knowledge base: ${s.files} files`);
      console.log(`  countries: ${s.countries} (${s.countriesWithNamesAndDemonyms} with French and English names and demonyms)`);
      for (const [t, n] of Object.entries(s.byType).sort()) console.log(`  ${t.toLowerCase().padEnd(13)} ${n}`);
      console.log(
        `  organisations by kind: ${Object.entries(s.organisationsByKind)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
      console.log(`  people with dated roles: ${s.peopleWithDatedRoles}`);
      console.log('\nrole coverage by year (countries with a known holder on 30 June):');
      console.log(`  year  head-of-state  head-of-gov  foreign-min  fm-spokesperson`);
      for (const [y, r] of Object.entries(s.roleCoverageByYear))
        console.log(
          `  ${y}  ${String(r['head-of-state']).padStart(13)}  ${String(r['head-of-government']).padStart(11)}  ${String(r['foreign-minister']).padStart(11)}  ${String(r['foreign-ministry-spokesperson']).padStart(15)}`,
        );
      const totals = new Map<string, number>();
      for (const row of Object.values(s.peopleInOfficeBySector)) for (const [k, n] of Object.entries(row)) totals.set(k, (totals.get(k) ?? 0) + n);
      const sectors = [...totals.entries()].sort((x, y) => y[1] - x[1]).map(([k]) => k);
      console.log('\npeople in office on 30 June, by the CAMEO sector of their role:');
      console.log(`  year ${sectors.map((k) => k.padStart(5)).join('')}`);
      for (const [y, row] of Object.entries(s.peopleInOfficeBySector)) console.log(`  ${y} ${sectors.map((k) => String(row[k] ?? 0).padStart(5)).join('')}`);
      const top = Object.entries(s.byCountry)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      console.log(`\nactors by country (top 15): ${top}`);
      printCoverage(s.officeCoverage, { region: values.region, office: values.office, country: values.country?.toUpperCase() }, kb.countries);
      return 0;
    }
    if (sub === 'resolve') {
      const text = positionals.join(' ').trim();
      if (!text) throw new UsageError('give the mention to resolve, e.g. readout kb resolve "le secrétaire d\'État américain" --date 2023-02-01');
      if (values.date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(values.date)) throw new UsageError(`--date must be YYYY-MM-DD, not '${values.date}'`);
      const analyzer = await createAnalyzer({ kbFiles: values.kb ?? [] });
      const r = resolveMention(analyzer, text, values.date ?? null, values.lang ?? null);
      if (values.format === 'text')
        console.log(
          r.actor || r.name
            ? `${r.name} (${[r.type, r.country, r.code, r.role, r.agent && `agent: ${r.agent}`, r.from && `from: ${r.from}`].filter(Boolean).join(', ')})`
            : 'no actor found',
        );
      else console.log(JSON.stringify(r, null, 1));
      if (r.unresolved) console.error(`readout kb resolve: ${r.unresolved}`);
      return r.name || r.country ? 0 : 1;
    }
    if (sub === 'import') {
      const [format, file] = positionals;
      if (format !== 'phoenix' || !file) throw new UsageError('readout kb import phoenix FILE [--out FILE.jsonl]');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new InputError(file, `cannot be read (${(e as NodeJS.ErrnoException).code})`);
      }
      const kb = loadKnowledgeBase();
      const { rows, stats } = phoenixToRows(text, new Set(kb.countries.keys()), file.split('/').pop()!);
      const jsonl = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
      if (values.out) writeFileSync(values.out, jsonl);
      else process.stdout.write(jsonl);
      console.error(
        `readout kb import: ${stats.entries} entries → ${stats.people} people, ${stats.organisations} organisations; ${stats.skipped} country synonyms or uncoded entries skipped; ${stats.badLines.length} unreadable lines${stats.badLines.length ? ` (first at line ${stats.badLines[0]!.line})` : ''}${values.out ? `; written to ${values.out} (use it with --kb ${values.out})` : ''}`,
      );
      return 0;
    }
    throw new UsageError(sub ? `unknown kb command '${sub}'` : 'which kb command? stats, resolve or import');
  },
};
