// A country by any name an analyst may type: ISO 3166 codes (alpha-3 or alpha-2) and CAMEO codes in
// any case, English and French names and short forms, and demonyms in every gender and number
// (USA, usa, United States, États-Unis, américaine, Maroc, Morocco, MAR). Everything comes from the
// knowledge base's country rows; a name that is unknown, or shared by two countries, is an error
// that says so.
import { foldPhrase } from '../text/normalize.js';
import type { Country } from './types.js';

export type CountryLookup = { iso3: string; name: string; error?: undefined } | { iso3?: undefined; error: string };

export class CountryNames {
  private byName = new Map<string, Set<string>>();
  private byCode = new Map<string, string>();

  constructor(private readonly countries: Map<string, Country>) {
    const add = (name: string, iso3: string) => {
      const k = foldPhrase(name);
      if (!k) return;
      (this.byName.get(k) ?? this.byName.set(k, new Set()).get(k)!).add(iso3);
    };
    for (const c of countries.values()) {
      for (const code of [c.iso3, c.iso2, c.cameo]) if (code) this.byCode.set(code.toUpperCase(), c.iso3);
      for (const n of Object.values(c.name)) add(n, c.iso3);
      for (const list of [...Object.values(c.names), ...Object.values(c.demonyms)]) for (const n of list) add(n, c.iso3);
    }
  }

  /** the country's English name, else its code */
  nameOf(iso3: string): string {
    return this.countries.get(iso3)?.name.en ?? iso3;
  }

  /** 'country:MAR', 'MAR', 'mar', 'MA', 'Maroc', 'Moroccan' → MAR; an error naming the input otherwise. */
  lookup(input: string): CountryLookup {
    const s = input.trim().replace(/^country:/i, '');
    if (!s) return { error: 'an empty country name' };
    const names = this.byName.get(foldPhrase(s));
    if (names?.size === 1) {
      const iso3 = [...names][0]!;
      return { iso3, name: this.nameOf(iso3) };
    }
    if (names && names.size > 1) {
      return {
        error: `'${input}' names several countries (${[...names]
          .sort()
          .map((c) => `${c} ${this.nameOf(c)}`)
          .join(', ')}): use an ISO code`,
      };
    }
    const code = /^[A-Za-z]{2,3}$/.test(s) ? this.byCode.get(s.toUpperCase()) : undefined;
    if (code) return { iso3: code, name: this.nameOf(code) };
    return { error: `unknown country '${input}' (use an ISO 3166 code such as MAR, or an English or French name such as Morocco or Maroc)` };
  }
}
