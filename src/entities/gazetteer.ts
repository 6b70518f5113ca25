// The knowledge base as a token trie: every name, alias, acronym, handle, demonym and metonym,
// tokenised like the text so that look-ups walk tokens (longest match, accent- and case-folded).
import type { KnowledgeBase } from '../kb/kb.js';
import type { NameEntry, NameKind } from '../kb/types.js';
import { tokenize, type Token, type TokenizeOptions } from '../text/tokens.js';
import { fold, foldKeepCase, isUpperInitial } from '../text/normalize.js';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { KB_DIR } from '../kb/kb.js';
import { WordFilter } from '../text/wordfilter.js';

/** states whose people the press names family name first (Xi Jinping → Xi): data/kb/naming.json */
function familyNameFirst(): Set<string> {
  const p = join(KB_DIR, 'naming.json');
  return new Set(existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')).familyNameFirst ?? []) : []);
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: NameEntry[];
}

export interface Gazetteer {
  root: TrieNode;
  /** folded surname → person actor ids */
  surnames: Map<string, string[]>;
  /** folded first names of known people (to type unknown names as PERSON) */
  firstNames: Set<string>;
  /** the longest entry list matching tokens from index i (with its end index), or null */
  match(tokens: Token[], i: number, limit: number): { end: number; entries: NameEntry[] } | null;
}

const LEADING_ARTICLES = new Set(['le', 'la', "l'", 'les', 'the']);
const PARTICLES = new Set([
  'le',
  'la',
  'de',
  'du',
  'des',
  "d'",
  'van',
  'von',
  'der',
  'den',
  'al',
  'el',
  'ben',
  'bin',
  'ibn',
  'abou',
  'abu',
  'da',
  'di',
  'del',
  'dos',
  'bou',
  'ould',
  'ag',
]);
const ROMAN = /^(?:[ivx]+|\d+)$/i;

export function buildGazetteer(kb: KnowledgeBase, tok: TokenizeOptions): Gazetteer {
  const root: TrieNode = { next: new Map(), entries: [] };
  const surnames = new Map<string, string[]>();
  const firstNames = new Set<string>();
  const familyFirst = familyNameFirst();

  const add = (phrase: string, actor: string, kind: NameKind, titled = false, place?: string) => {
    let toks = tokenize(phrase, tok).filter((t) => t.kind !== 'punct' || /[-&.]/.test(t.text));
    if (!toks.length) return;
    // a title keeps its article: as a whole, so "The Times of Israel" outruns "The Times", and
    // alone when one word would be left — "The National", "Le Point", "Les Républicains" — or
    // every "national" or "point" would be the newspaper
    if (titled && toks.length > 2 && LEADING_ARTICLES.has(toks[0]!.norm)) insert(toks, phrase, actor, kind, titled);
    while (toks.length > 1 && LEADING_ARTICLES.has(toks[0]!.norm) && !(titled && toks.length === 2)) toks = toks.slice(1);
    insert(toks, phrase, actor, kind, titled, place);
  };
  const insert = (toks: Token[], phrase: string, actor: string, kind: NameKind, titled = false, place?: string) => {
    const capAt = LEADING_ARTICLES.has(toks[0]!.norm) && toks.length > 1 ? 1 : 0;
    const letters = phrase.replace(/[^\p{L}]/gu, '');
    const exact =
      kind === 'acronym' ||
      (letters.length <= 3 && toks.length === 1 && kind !== 'demonym') ||
      (toks.length === 1 && letters.length >= 2 && letters === letters.toUpperCase() && kind !== 'handle')
        ? toks.map((t) => foldKeepCase(t.text)).join(' ')
        : null;
    // a title made of common words ("Russia Today", "The Hill") is the title only when each of its
    // capitalised words is capitalised in the text: "Russia today" is the country and a day
    const capsAt = titled ? toks.flatMap((t, k) => (k > capAt && isUpperInitial(t.text) ? [k] : [])) : [];
    const entry: NameEntry = {
      actor,
      kind,
      needsCap: kind !== 'demonym' && isUpperInitial(toks[capAt]!.text),
      capAt,
      capsAt,
      exact,
      length: toks.length,
      ...(place ? { place } : {}),
    };
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t.norm);
      if (!n) node.next.set(t.norm, (n = { next: new Map(), entries: [] }));
      node = n;
    }
    if (!node.entries.some((e) => e.actor === actor && e.kind === kind && e.exact === exact)) node.entries.push(entry);
  };

  for (const a of kb.actors.values()) {
    if (a.type === 'COUNTRY') continue;
    const titled = a.kind === 'media' || a.kind === 'party';
    add(a.name, a.id, 'name', titled);
    for (const al of a.aliases) add(al, a.id, 'alias', titled);
    for (const ac of a.acronyms) add(ac, a.id, 'acronym');
    for (const h of a.handles) add(h.startsWith('@') ? h : `@${h}`, a.id, 'handle');
    // the people of a place below the state ("les narcotrafiquants marseillais"): its state's demonym
    if (a.type === 'LOCATION' && a.country) for (const d of a.demonyms ?? []) add(d, a.country, 'demonym', false, a.id);
    if (a.type === 'PERSON') {
      for (const n of [a.name, ...a.aliases]) {
        const parts = n.split(/\s+/).filter(Boolean);
        if (parts.length < 2) continue;
        let sur: string;
        if (a.country && familyFirst.has(a.country)) {
          sur = fold(parts[0]!);
        } else {
          firstNames.add(fold(parts[0]!));
          let k = parts.length - 1;
          if (ROMAN.test(parts[k]!)) continue;
          while (k > 1 && PARTICLES.has(fold(parts[k - 1]!))) k--;
          sur = fold(parts.slice(k).join(' '));
        }
        const list = surnames.get(sur) ?? [];
        if (!list.includes(a.id)) list.push(a.id);
        surnames.set(sur, list);
      }
    }
  }
  for (const c of kb.countries.values()) {
    for (const list of Object.values(c.names)) for (const n of list) add(n, c.iso3, 'name');
    for (const list of Object.values(c.demonyms)) for (const n of list) add(n, c.iso3, 'demonym');
    for (const list of Object.values(c.metonyms)) for (const n of list) add(n, c.iso3, 'metonym');
  }

  // most words start no name: the filter rules them out without a miss in the root's big map
  const first = new WordFilter(root.next.keys());
  const match = (tokens: Token[], i: number, limit: number) => {
    if (i >= limit || !first.mayHave(tokens[i]!.norm)) return null;
    let node: TrieNode | undefined = root;
    let best: { end: number; entries: NameEntry[] } | null = null;
    for (let j = i; j < limit && node; j++) {
      node = node.next.get(tokens[j]!.norm);
      if (!node) break;
      if (node.entries.length) {
        const ok = node.entries.filter((e) => accepts(e, tokens, i, j + 1));
        if (ok.length) best = { end: j + 1, entries: ok };
      }
    }
    return best;
  };
  return { root, surnames, firstNames, match };
}

function accepts(e: NameEntry, tokens: Token[], i: number, end: number): boolean {
  if (e.needsCap && !tokens[i + e.capAt]!.cap) return false;
  if (e.capsAt.some((k) => !tokens[i + k]!.cap)) return false;
  if (e.exact !== null) {
    const got =
      end - i === 1
        ? foldKeepCase(tokens[i]!.text)
        : tokens
            .slice(i, end)
            .map((t) => foldKeepCase(t.text))
            .join(' ');
    // long acronyms are also written as words: "Otan", "Nato", "Unesco"
    if (got !== e.exact && !(e.exact.length >= 4 && /^[A-Z]+$/.test(e.exact) && got === e.exact.charAt(0) + e.exact.slice(1).toLowerCase())) return false;
  }
  return true;
}
