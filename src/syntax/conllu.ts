// Reading CoNLL-U treebanks (training and measuring only; the treebanks are never shipped).
import { readFileSync } from 'node:fs';

export interface UdWord {
  form: string;
  upos: string;
  /** 0-based index of the head word, -1 for the root */
  head: number;
  deprel: string;
  /** index of the surface unit (a plain word or a multi-word token) it belongs to */
  unit: number;
}

export interface UdSentence {
  id: string;
  words: UdWord[];
  /** the sentence rebuilt from its surface units and SpaceAfter=No */
  text: string;
  /** [start, end) of each surface unit in text */
  unitStart: number[];
  unitEnd: number[];
}

/** every sentence of a CoNLL-U file; a malformed line is an error naming the file and line */
export function readConllu(path: string): UdSentence[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: UdSentence[] = [];
  let cur: { id: string; words: UdWord[]; units: { form: string; space: boolean }[]; mwtEnd: number } | null = null;
  const flush = () => {
    if (cur && cur.words.length) {
      let text = '';
      const unitStart: number[] = [];
      const unitEnd: number[] = [];
      for (const u of cur.units) {
        unitStart.push(text.length);
        text += u.form;
        unitEnd.push(text.length);
        if (u.space) text += ' ';
      }
      out.push({ id: cur.id, words: cur.words, text: text.trimEnd(), unitStart, unitEnd });
    }
    cur = null;
  };
  lines.forEach((line, n) => {
    if (line === '' || line === '\r') return flush();
    cur ??= { id: `${path}#${out.length + 1}`, words: [], units: [], mwtEnd: 0 };
    if (line.startsWith('#')) {
      const m = /^# sent_id = (.+)$/.exec(line);
      if (m) cur.id = m[1]!;
      return;
    }
    const f = line.split('\t');
    if (f.length !== 10) throw new Error(`${path}:${n + 1}: expected 10 tab-separated fields, found ${f.length}`);
    const space = !/(^|\|)SpaceAfter=No(\||$)/.test(f[9]!);
    const range = /^(\d+)-(\d+)$/.exec(f[0]!);
    if (range) {
      cur.units.push({ form: f[1]!, space });
      cur.mwtEnd = Number(range[2]);
      return;
    }
    if (f[0]!.includes('.')) return; // empty nodes of enhanced dependencies
    const id = Number(f[0]);
    if (!Number.isInteger(id) || id !== cur.words.length + 1) throw new Error(`${path}:${n + 1}: word id '${f[0]}' out of sequence`);
    if (id > cur.mwtEnd) cur.units.push({ form: f[1]!, space });
    const head = Number(f[6]);
    if (!Number.isInteger(head)) throw new Error(`${path}:${n + 1}: head '${f[6]}' is not a number`);
    cur.words.push({ form: f[1]!, upos: f[3]!, head: head - 1, deprel: f[7]!, unit: cur.units.length - 1 });
  });
  flush();
  return out;
}
