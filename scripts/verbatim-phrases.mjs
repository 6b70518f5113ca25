#!/usr/bin/env node
// Reports every language-pack phrase of five or more words that occurs verbatim in an evaluation
// text (../shared/gold/*.txt, test/devset/*.txt): a sign that a pack entry was copied from the
// sentence it is scored on instead of written as a general rule. Exit 1 when any is found.
//
// Phrases are every string of lang/*/*.json (except descriptions: `source`, `note`), and for event
// patterns each verb form or noun followed by each of its `then` continuations. Names of offices
// and institutions are exempt — they are names, written the same way everywhere: roles.json's
// `roles` and `bodies`, and agents.json's entries that name an office (those with a `role`) or a
// kind of institution (NGO, human-rights, intergovernmental, government, legislative, judicial,
// educational, media and business bodies).
// A word is a run of letters and digits (a hyphenated compound is one word); texts and phrases
// are compared as folded words (case, accents and punctuation ignored).
//
// node scripts/verbatim-phrases.mjs [--json] [EVAL_DIR…]   (default: ../shared/gold and both parts of test/devset)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_WORDS = 5;
const DESCRIPTIONS = new Set(['source', 'note']);
const NAMES = { 'roles.json': new Set(['roles', 'bodies']) };
/** agent sectors whose nouns name a kind of institution, not a phrase of the news */
const INSTITUTIONS = new Set(['NGO', 'HRI', 'IGO', 'GOV', 'LEG', 'JUD', 'EDU', 'MED', 'BUS']);

/** folded words: lower case, no accents, runs of letters and digits (joined by hyphens) */
export function words(s) {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Every phrase of the packs with where it comes from: [{ phrase, file, path }]. */
export function packPhrases(langDir = join(ROOT, 'lang')) {
  const out = [];
  const add = (phrase, file, path) => {
    if (words(phrase).length >= MIN_WORDS) out.push({ phrase, file, path });
  };
  for (const lang of readdirSync(langDir).sort()) {
    const dir = join(langDir, lang);
    if (!existsSync(join(dir, 'core.json'))) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = relative(ROOT, join(dir, name));
      const data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      const walk = (v, path) => {
        if (typeof v === 'string') add(v, file, path);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object') {
          // an office's name, or a kind of institution (organisation de défense des droits humains)
          if (name === 'agents.json' && (typeof v.role === 'string' || INSTITUTIONS.has(v.sector))) return;
          for (const [k, x] of Object.entries(v)) {
            if (DESCRIPTIONS.has(k) || (path === '' && NAMES[name]?.has(k))) continue;
            walk(x, path ? `${path}.${k}` : k);
          }
        }
      };
      walk(data, '');
      // a pattern's trigger and its required continuation read as one phrase in a text
      (data.patterns ?? []).forEach((p, i) => {
        if (!Array.isArray(p.then)) return;
        const heads = [...(Array.isArray(p.noun) ? p.noun : p.noun ? [p.noun] : []), ...Object.values(p.forms ?? {}).flat()];
        for (const h of new Set(heads)) for (const t of p.then) add(`${h} ${t}`, file, `patterns[${i}] ${p.verb ?? 'noun'} + then`);
      });
    }
  }
  return out;
}

/** The phrases found verbatim in the .txt files of `dirs`: [{ phrase, file, path, text }]. */
export function findVerbatim(dirs, phrases = packPhrases()) {
  const texts = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      texts.push({ name: relative(ROOT, join(dir, f)) || basename(f), folded: ` ${words(readFileSync(join(dir, f), 'utf8')).join(' ')} ` });
    }
  }
  const hits = [];
  const seen = new Set();
  for (const p of phrases) {
    const key = ` ${words(p.phrase).join(' ')} `;
    for (const t of texts) {
      if (t.folded.includes(key) && !seen.has(`${key}|${t.name}`)) {
        seen.add(`${key}|${t.name}`);
        hits.push({ ...p, text: t.name });
      }
    }
  }
  return { hits, texts: texts.length, phrases: phrases.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dirs = args.filter((a) => a !== '--json');
  const { hits, texts, phrases } = findVerbatim(
    dirs.length ? dirs : [join(ROOT, '..', 'shared', 'gold'), join(ROOT, 'test', 'devset', 'look'), join(ROOT, 'test', 'devset', 'held')],
  );
  if (json) console.log(JSON.stringify({ texts, phrases, hits }, null, 2));
  else {
    for (const h of hits) console.log(`${h.file} ${h.path}: "${h.phrase}" occurs in ${h.text}`);
    console.error(`${phrases} pack phrases of ${MIN_WORDS}+ words checked against ${texts} evaluation texts: ${hits.length} found verbatim`);
  }
  process.exit(hits.length ? 1 : 0);
}
