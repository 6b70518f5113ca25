#!/usr/bin/env node
// The event lexicon's coverage of the CAMEO codebook, per root and per language pack, written as a
// table between the event-lexicon markers of README.md (re-running replaces it).
//   node scripts/lang/event-coverage.mjs                 print the table and write it into README.md
//   node scripts/lang/event-coverage.mjs --json          the counts as JSON (tests read them), no writing
//   node scripts/lang/event-coverage.mjs --json --petrarch FILE
//                                                        also compare English codes with a PETRARCH2 verb
//                                                        dictionary (codes covered by both / by it only)
// A "pattern" here is one lemma or noun phrase with its frame and code: a verb counts once per
// continuation (`then`), a noun pattern once per phrase; a continuation written a second time with
// its target's preposition appended ("military aid" / "military aid to") is the same pattern.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeReadmeSection } from '../readme-section.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const petrarchAt = args.indexOf('--petrarch');
const petrarchFile = petrarchAt >= 0 ? args[petrarchAt + 1] : null;
if (petrarchAt >= 0 && !petrarchFile) fail('--petrarch needs a file');

function fail(msg) {
  process.stderr.write(`event-coverage: ${msg}\n`);
  process.exit(2);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`${path}: ${e.message}`);
  }
}

const codebook = readJson(join(ROOT, 'data', 'cameo.json')).codes;
const roots = codebook.filter((c) => c.level === 'root').map((c) => c.code).sort();
const label = new Map(codebook.map((c) => [c.code, c.label.en]));
const known = new Set(codebook.map((c) => c.code));

/** the lemma-level keys of one pattern: one per continuation, or one per noun phrase */
function patternKeys(p, file) {
  if (typeof p.code !== 'string' || !known.has(p.code)) fail(`${file}: pattern ${JSON.stringify(p).slice(0, 80)} has no codebook code`);
  if (p.noun) return [p.noun].flat().map((n) => `n|${p.code}|${n}`);
  if (!p.verb) fail(`${file}: pattern ${JSON.stringify(p).slice(0, 80)} has neither verb nor noun`);
  const preps = new Set((p.target ?? []).filter((t) => t !== 'obj'));
  const strip = (t) => { const w = t.split(' '); return w.length > 1 && preps.size === 0 && /^(?:to|on|in|against|with|for|from|of|at|into|over|between|by|about|near|along|toward|towards|outside|around|off|behind)$/.test(w.at(-1)) ? w.slice(0, -1).join(' ') : t; };
  if (!p.then?.length) return [`v|${p.code}|${p.verb}|`];
  return p.then.map((t) => `v|${p.code}|${p.verb}|${strip(t)}`);
}

/** counts of one language pack's patterns (events.json and event-patterns.json together) */
function countPack(code) {
  const keys = new Map(); // key → root
  const verbs = new Set(), nouns = new Set(), lemmas = new Set();
  const files = {};
  for (const name of ['events.json', 'event-patterns.json']) {
    const path = join(ROOT, 'lang', code, name);
    if (!existsSync(path)) continue;
    const pats = readJson(path).patterns ?? [];
    files[name] = pats.length;
    for (const p of pats) {
      for (const k of patternKeys(p, path)) {
        keys.set(k, p.code.slice(0, 2));
        (k.startsWith('v|') ? verbs : nouns).add(k);
      }
      if (p.verb) lemmas.add(p.verb);
    }
  }
  const codes = new Set([...keys.keys()].map((k) => k.split('|')[1]));
  const byRoot = Object.fromEntries(roots.map((r) => [r, {
    patterns: [...keys.values()].filter((x) => x === r).length,
    codes: [...codes].filter((c) => c.startsWith(r)).length,
  }]));
  return { files, patterns: keys.size, verbPatterns: verbs.size, nounPatterns: nouns.size, verbLemmas: lemmas.size, codes: [...codes].sort(), roots: roots.filter((r) => byRoot[r].codes > 0), byRoot };
}

/** CAMEO codes named in a PETRARCH2 verb dictionary's patterns ("[0256]", "[042:043]") */
function petrarchCodes(path) {
  if (!existsSync(path)) fail(`${path}: no such file`);
  const out = new Set();
  for (const m of readFileSync(path, 'utf8').matchAll(/\[([0-9:]+)\]/g)) for (const c of m[1].split(':')) if (known.has(c)) out.add(c);
  return out;
}

const langs = readdirSync(join(ROOT, 'lang'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'lang', d.name, 'core.json'))).map((d) => d.name).sort();
const result = { codebook: { roots: roots.length, codes: codebook.filter((c) => c.level !== 'root').length }, languages: {} };
for (const l of langs) result.languages[l] = countPack(l);
if (petrarchFile && result.languages.en) {
  const theirs = petrarchCodes(petrarchFile);
  const ours = new Set(result.languages.en.codes);
  result.petrarch = {
    codes: theirs.size,
    both: [...theirs].filter((c) => ours.has(c)).sort(),
    petrarchOnly: [...theirs].filter((c) => !ours.has(c)).sort(),
    oursOnly: [...ours].filter((c) => !theirs.has(c)).sort(),
  };
}

if (asJson) {
  console.log(JSON.stringify(result, null, 1));
  process.exit(0);
}

const codesIn = (r) => codebook.filter((c) => c.root === r && c.level !== 'root').length;
const head = ['root', 'codes in the codebook', ...langs.flatMap((l) => [`${l} patterns`, `${l} codes`])];
const rows = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const r of roots) rows.push(`| ${r} ${label.get(r)} | ${codesIn(r)} | ${langs.flatMap((l) => [result.languages[l].byRoot[r].patterns, result.languages[l].byRoot[r].codes]).join(' | ')} |`);
rows.push(`| **all** | ${result.codebook.codes} | ${langs.flatMap((l) => [`**${result.languages[l].patterns}**`, `**${result.languages[l].codes.length}**`]).join(' | ')} |`);
const table = rows.join('\n') + '\n\n' + langs.map((l) => {
  const x = result.languages[l];
  return `${l}: ${x.verbPatterns} verb patterns (${x.verbLemmas} lemmas) and ${x.nounPatterns} noun phrases over ${x.roots.length} roots and ${x.codes.length} codes.`;
}).join(' ') + `\n\n_\`node scripts/lang/event-coverage.mjs\` of ${new Date().toISOString().slice(0, 10)}._`;
console.log(table);
if (!writeReadmeSection(join(ROOT, 'README.md'), 'event-lexicon', table)) process.stderr.write('README.md has no event-lexicon markers: table printed only\n');
