// Which treebank files train and test each language, read and aligned to readout's tokens.
import { join } from 'node:path';
import { loadPacks } from '../lang/pack.js';
import { tokenizeOptionsFor } from '../text/tokens.js';
import { alignSentence, type GoldSentence } from './align.js';
import { readConllu } from './conllu.js';

export const SPLITS = {
  fr: { train: ['fr_sequoia-ud-train', 'fr_sequoia-ud-dev', 'fr_gsd-ud-dev'], test: ['fr_sequoia-ud-test', 'fr_gsd-ud-test'] },
  en: { train: ['en_ewt-ud-dev'], test: ['en_ewt-ud-test'] },
} as const;

/** the sentences of the named treebank files under dir, in readout's tokens (packs of every language, as in analysis) */
export function loadTreebank(dir: string, names: readonly string[]): GoldSentence[] {
  const tok = tokenizeOptionsFor(loadPacks());
  return names.flatMap((name) => readConllu(join(dir, `${name}.conllu`)).map((s) => alignSentence(s, tok)));
}
