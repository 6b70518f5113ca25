// Checks the clause layer against the tables of test/clause/*.jsonl (sentences → expected frames,
// written for the layer by a helper who did not read the code; see test/clause/README.md).
import { readFileSync } from 'node:fs';
import type { Analyzer } from '../../src/pipeline.js';
import type { Doc } from '../../src/doc.js';
import type { Arg, Clause } from '../../src/clauses/types.js';
import { fold } from '../../src/text/normalize.js';

interface Oblique {
  prep: string;
  text: string;
}
export interface ExpectedFrame {
  pred: string;
  pred_index?: number;
  subj?: string | string[];
  obj?: string | string[];
  iobj?: string | string[];
  agent?: string | string[];
  obl?: Oblique[];
  voice?: 'passive';
  negated?: boolean;
  modal?: string;
  future?: boolean;
  governor?: string;
  embedding?: 'complement' | 'adverbial' | 'relative' | 'participle' | 'coordinated';
  subordinator?: string;
}
export interface TableRow {
  id: string;
  shape: string;
  text: string;
  frames: ExpectedFrame[];
}

/** UD relations that each embedding of the tables stands for. */
const EMBEDDINGS: Record<string, string[]> = {
  complement: ['ccomp', 'xcomp', 'csubj'],
  adverbial: ['advcl'],
  relative: ['acl:relcl', 'acl'],
  participle: ['acl', 'advcl'],
  coordinated: ['conj'],
};

export function readTable(path: string): TableRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as TableRow;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

const norm = (s: string) =>
  fold(s)
    .replace(/[’']\s*/g, "' ")
    .replace(/\s+/g, ' ')
    .trim();

function argText(doc: Doc, a: { start: number; end: number }): string {
  return doc.text.slice(doc.tokens[a.start]!.start, doc.tokens[a.end - 1]!.end);
}

/**
 * An argument matches the expected phrase when their texts are equal, or when one holds the other
 * and the argument's head word is a word of the expected phrase (an attachment the table leaves
 * out, such as a trailing complement, does not make a wrong argument).
 */
function argMatches(doc: Doc, want: string, a: Arg): boolean {
  const e = norm(want);
  const got = norm(argText(doc, a));
  if (got === e) return true;
  // a pronoun subject written inside its verb form (a-t-il, affirme-t-elle)
  if (a.inherited === 'inversion' && a.end - a.start === 1 && got.endsWith(`-${e}`)) return true;
  const head = norm(doc.tokens[a.head]!.text);
  return (got.includes(e) || e.includes(got)) && e.split(' ').includes(head);
}

const list = (v: string | string[] | undefined): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** The clause whose predicate is the `index`-th occurrence (1-based) of `word` in the sentence. */
function findClause(doc: Doc, word: string, index = 1): Clause | null {
  const layer = doc.clauses;
  if (!layer) return null;
  const w = norm(word);
  let seen = 0;
  for (let t = 0; t < doc.tokens.length; t++) {
    if (norm(doc.tokens[t]!.text) !== w) continue;
    if (++seen !== index) continue;
    const c = layer.predicateAt[t]!;
    return c >= 0 ? layer.clauses[c]! : null;
  }
  return null;
}

/** What is wrong with one expected frame (empty when it is right). */
export function frameErrors(doc: Doc, f: ExpectedFrame): string[] {
  const c = findClause(doc, f.pred, f.pred_index);
  if (!c) return [`no clause for '${f.pred}'`];
  const errs: string[] = [];
  const roles: Array<[keyof ExpectedFrame, Arg['role'][]]> = [
    ['subj', ['subj']],
    ['obj', ['obj']],
    ['iobj', ['iobj', 'obl']],
    ['agent', ['agent']],
  ];
  for (const [key, accepted] of roles) {
    for (const want of list(f[key] as string | string[] | undefined)) {
      if (!c.args.some((a) => accepted.includes(a.role) && argMatches(doc, want, a))) {
        const got = c.args.filter((a) => accepted.includes(a.role)).map((a) => argText(doc, a));
        errs.push(`${f.pred}: ${key} '${want}' not found (got ${got.length ? got.map((g) => `'${g}'`).join(', ') : 'none'})`);
      }
    }
  }
  for (const o of f.obl ?? []) {
    const p = norm(o.prep);
    if (
      !c.args.some(
        (a) => (a.role === 'obl' || a.role === 'iobj') && a.prep != null && (a.prep === p || a.prep.split(' ').includes(p)) && argMatches(doc, o.text, a),
      )
    ) {
      errs.push(
        `${f.pred}: oblique ${o.prep} '${o.text}' not found (got ${
          c.args
            .filter((a) => a.role === 'obl')
            .map((a) => `${a.prep} '${argText(doc, a)}'`)
            .join(', ') || 'none'
        })`,
      );
    }
  }
  if ((f.voice ?? 'active') !== c.voice) errs.push(`${f.pred}: voice ${c.voice}, expected ${f.voice ?? 'active'}`);
  if (!!f.negated !== c.negated) errs.push(`${f.pred}: negated ${c.negated}, expected ${!!f.negated}`);
  if ((f.modal ? norm(f.modal) : null) !== c.modal) errs.push(`${f.pred}: modal ${c.modal}, expected ${f.modal ?? null}`);
  if (!!f.future !== c.future) errs.push(`${f.pred}: future ${c.future}, expected ${!!f.future}`);
  if (f.governor) {
    const gov = c.governor != null ? doc.clauses!.clauses[c.governor]! : null;
    if (!gov || norm(doc.tokens[gov.head]!.text) !== norm(f.governor))
      errs.push(`${f.pred}: governor ${gov ? doc.tokens[gov.head]!.text : 'none'}, expected ${f.governor}`);
    else if (f.embedding && !EMBEDDINGS[f.embedding]!.includes(c.relation ?? '')) errs.push(`${f.pred}: embedded as ${c.relation}, expected ${f.embedding}`);
  }
  // elided subordinators (qu', d') stand for their full form (que, de)
  const bare = (x: string | null) => (x ?? '').replace(/'$/, '');
  const got = bare(c.subordinator),
    want = bare(norm(f.subordinator ?? ''));
  if (f.subordinator && !(got === want || (got && `${got}e` === want))) {
    errs.push(`${f.pred}: subordinator ${c.subordinator}, expected ${f.subordinator}`);
  }
  return errs;
}

export interface TableScore {
  frames: number;
  right: number;
  failures: Array<{ id: string; shape: string; errors: string[] }>;
}

/** Runs every row through the analyzer in `lang` and checks its frames. */
export function checkTable(analyzer: Analyzer, rows: TableRow[], lang: 'fr' | 'en'): TableScore {
  const out: TableScore = { frames: 0, right: 0, failures: [] };
  for (const row of rows) {
    const doc = analyzer.analyzeDoc({ text: row.text, language: lang });
    const errors: string[] = [];
    for (const f of row.frames) {
      out.frames++;
      const e = frameErrors(doc, f);
      if (e.length) errors.push(...e);
      else out.right++;
    }
    if (errors.length) out.failures.push({ id: row.id, shape: row.shape, errors });
  }
  return out;
}
