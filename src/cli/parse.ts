// `readout parse "TEXT" --lang fr`: a debug view of the syntax layer, one token per line.
import { parseArgs } from 'node:util';
import type { Command } from './main.js';
import { UsageError } from './main.js';
import { loadPacks } from '../lang/pack.js';
import { tokenize, tokenizeOptionsFor } from '../text/tokens.js';
import { splitSentences } from '../text/sentences.js';
import { createLanguageIdentifier } from '../text/language.js';
import { parseSentence, RELATIONS, UPOS, type SyntaxLanguage } from '../syntax/index.js';

export const command: Command = {
  summary: 'tag and parse text with the syntax models (debug): one token per line, CoNLL-U-like',
  usage: 'readout parse "TEXT" [--lang fr|en] [--format conllu|json]   (TEXT may be - for standard input; without --lang the language is identified)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: 'string' }, format: { type: 'string', default: 'conllu' } },
    });
    if (positionals.length !== 1) throw new UsageError('give one TEXT (or - for standard input)');
    if (values.format !== 'conllu' && values.format !== 'json') throw new UsageError(`--format must be conllu or json, not '${values.format}'`);
    if (values.lang && values.lang !== 'fr' && values.lang !== 'en') throw new UsageError(`--lang must be fr or en, not '${values.lang}'`);
    const text = positionals[0] === '-' ? await readStdin() : positionals[0]!;
    const packs = loadPacks();
    const lang = (values.lang ?? (await createLanguageIdentifier(packs)).identify(text) ?? 'en') as SyntaxLanguage;
    if (lang !== 'fr' && lang !== 'en') throw new UsageError(`the text looks like '${lang}'; syntax models exist for fr and en (use --lang)`);
    const tokens = tokenize(text, tokenizeOptionsFor(packs));
    const sentences = splitSentences(tokens, [{ start: 0, end: text.length, kind: 'paragraph', language: lang }]);
    const json: unknown[] = [];
    sentences.forEach((s, si) => {
      const toks = tokens.slice(s.tokenStart, s.tokenEnd);
      const p = parseSentence(
        toks.map((t) => t.text),
        lang,
      );
      if (values.format === 'json') {
        json.push(
          toks.map((t, i) => ({
            id: i + 1,
            word: t.text,
            start: t.start,
            end: t.end,
            upos: UPOS[p.upos[i]!],
            head: p.head[i]! + 1,
            rel: RELATIONS[p.rel[i]!],
          })),
        );
        return;
      }
      if (si) console.log('');
      console.log(`# text = ${text.slice(s.start, s.end)}`);
      toks.forEach((t, i) => console.log([i + 1, t.text, UPOS[p.upos[i]!], p.head[i]! + 1, RELATIONS[p.rel[i]!]].join('\t')));
    });
    if (values.format === 'json') console.log(JSON.stringify({ language: lang, sentences: json }, null, 2));
    return 0;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
