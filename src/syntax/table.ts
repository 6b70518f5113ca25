// An open-addressing hash table from non-zero 32-bit keys to non-negative integers.

export class FeatureTable {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** the value stored for key, or -1 */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let p = key & mask;
    for (;;) {
      const k = keys[p]!;
      if (k === key) return this.values[p]!;
      if (k === 0) return -1;
      p = (p + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let p = key & this.mask;
    for (;;) {
      const k = this.keys[p]!;
      if (k === key) {
        this.values[p] = value;
        return;
      }
      if (k === 0) {
        this.keys[p] = key;
        this.values[p] = value;
        this.size++;
        return;
      }
      p = (p + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}
