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
  { name: 'devset, looked-at part', dir: join(root, 'test', 'devset', 'look') },
  { name: 'devset, held-out part (only scored)', dir: join(root, 'test', 'devset', 'held') },
].filter((s) => existsSync(s.dir));

const f = (x) => (x == null ? '—' : x.toFixed(2));
const rows = ['| set | kind | F1 | F1 fr | F1 en | P | R | note |', '|---|---|---|---|---|---|---|---|'];
for (const set of sets) {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'readout.js'), 'eval', set.dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = JSON.parse(out).summary;
  for (const kind of ['entities', 'quotes', 'attributed', 'events']) {
    const all = s[kind];
    if (!all) continue;
    const note =
      kind === 'quotes'
        ? `speaker right on ${f(all.attribution)} of matched quotes`
        : kind === 'events'
          ? `exact code ${f(all.exact_code)}, date ${f(all.date)} of matched events`
          : kind === 'attributed'
            ? 'a quote counts only with its speaker'
            : '';
    rows.push(`| ${set.name} | ${kind} | ${f(all.f1)} | ${f(s[kind + '.fr']?.f1)} | ${f(s[kind + '.en']?.f1)} | ${f(all.p)} | ${f(all.r)} | ${note} |`);
  }
  process.stderr.write(`scored ${set.dir}\n`);
}
for (const [name, file, lang] of [
  ['CAMEO manual sentences (en, external)', join(root, '..', 'shared', 'suites', 'cameo-manual', 'records.jsonl'), 'en'],
  ['French sentence suite (test/suites/cameo-fr)', join(root, 'test', 'suites', 'cameo-fr', 'records.jsonl'), 'fr'],
]) {
  if (!existsSync(file)) continue;
  const out = execFileSync(process.execPath, [join(root, 'bin', 'readout.js'), 'eval', file, '--lang', lang, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const s = JSON.parse(out);
  rows.push(
    `| ${name} | events | — | — | — | — | ${f(s.recall)} | type recall ${f(s.type_recall)}, spurious events per sentence ${f(s.spurious_per_sentence)} |`,
  );
  process.stderr.write(`scored ${file}\n`);
}
const table = rows.join('\n') + `\n\n_\`npm run scores\` of ${new Date().toISOString().slice(0, 10)}._`;
console.log(table);
writeReadmeSection(join(root, 'README.md'), 'scores', table);
