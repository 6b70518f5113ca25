// A one-hash Bloom filter over folded words, put in front of the big lexicon maps: most tokens of
// an article are in no lexicon, and ruling them out by a few multiplications over a table that
// stays in the processor's cache is cheaper than a miss in a map of thousands of entries.
// No false negatives: a word the filter rejects is in no map it was built from.

const BITS = 1 << 16;

function hash(s: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
  return (x ^ (x >>> 16)) & (BITS - 1);
}

export class WordFilter {
  private readonly bits = new Uint32Array(BITS >>> 5);
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = hash(w);
      this.bits[h >>> 5] |= 1 << (h & 31);
    }
  }
  /** false: the word is certainly not one of the words; true: it may be */
  mayHave(word: string): boolean {
    const h = hash(word);
    return (this.bits[h >>> 5] & (1 << (h & 31))) !== 0;
  }
}
