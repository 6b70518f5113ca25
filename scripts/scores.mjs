// `npm run scores`: scores the built analyzer on the shared gold (when ../shared is there) and on
// our held-out devset, and writes the table between the scores markers of README.md, so the
// figures quoted there are the ones a run gives, not ones typed by hand.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeReadmeSection } from './readme-section.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sets = [
  { name: 'shared gold (13 real articles)', dir: join(root, '..', 'shared', 'gold') },
  { name: 'devset (16 illustrative, independent gold)', dir: join(root, 'test', 'devset') },
].filter((s) => existsSync(s.dir));

const f = (x) => (x == null ? '—' : x.toFixed(2));
const rows = ['| set | kind | F1 | F1 fr | F1 en | P | R | note |', '|---|---|---|---|---|---|---|---|'];
for (const set of sets) {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'readout.js'), 'eval', set.dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = JSON.parse(out).summary;
  for (const kind of ['entities', 'quotes', 'attributed', 'events']) {
    const all = s[kind];
    if (!all) continue;
    const note = kind === 'quotes' ? `speaker right on ${f(all.attribution)} of matched quotes`
      : kind === 'events' ? `exact code ${f(all.exact_code)}, date ${f(all.date)} of matched events`
      : kind === 'attributed' ? 'a quote counts only with its speaker' : '';
    rows.push(`| ${set.name} | ${kind} | ${f(all.f1)} | ${f(s[kind + '.fr']?.f1)} | ${f(s[kind + '.en']?.f1)} | ${f(all.p)} | ${f(all.r)} | ${note} |`);
  }
  process.stderr.write(`scored ${set.dir}\n`);
}
const table = rows.join('\n') + `\n\n_\`npm run scores\` of ${new Date().toISOString().slice(0, 10)}._`;
console.log(table);
writeReadmeSection(join(root, 'README.md'), 'scores', table);
