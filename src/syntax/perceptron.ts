// Training an averaged perceptron over hashed features (dense rows per kept feature).
import { FeatureTable } from './table.js';
import { SparseWeights } from './weights.js';

/** counts of feature hashes, to keep only features seen at least a few times */
export class FeatureCounter {
  readonly table = new FeatureTable(1 << 16);
  add(feats: Uint32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const c = this.table.get(feats[i]!);
      this.table.set(feats[i]!, c < 0 ? 1 : c + 1);
    }
  }
  /** the features seen at least min times */
  kept(min: number): number[] {
    const out: number[] = [];
    const { keys, values } = this.table;
    for (let p = 0; p < keys.length; p++) if (keys[p] !== 0 && values[p]! >= min) out.push(keys[p]!);
    return out;
  }
}

/**
 * The averaged perceptron with the averaging trick: w holds the current weights, u the sum of
 * c × each update, so that the average over c steps is w − u / c.
 */
export class AveragedPerceptron {
  private readonly slotOf: FeatureTable;
  private readonly w: Float32Array;
  private readonly u: Float64Array;
  private c = 1;
  private readonly slots: Int32Array;
  private nSlots = 0;

  constructor(
    readonly nClasses: number,
    features: readonly number[],
  ) {
    this.slotOf = new FeatureTable(features.length);
    // sorted so that the slot order, and so the shipped file, does not depend on hash-table order
    [...features].sort((a, b) => a - b).forEach((f, i) => this.slotOf.set(f, i));
    this.w = new Float32Array(features.length * nClasses);
    this.u = new Float64Array(features.length * nClasses);
    this.slots = new Int32Array(1024);
  }

  /** looks the features up once; score() and update() then use them */
  prepare(feats: Uint32Array, n: number): void {
    let k = 0;
    for (let i = 0; i < n; i++) {
      const s = this.slotOf.get(feats[i]!);
      if (s >= 0) this.slots[k++] = s * this.nClasses;
    }
    this.nSlots = k;
  }

  score(scores: Float32Array): void {
    scores.fill(0);
    const { w, slots, nClasses } = this;
    for (let i = 0; i < this.nSlots; i++) {
      const base = slots[i]!;
      for (let c = 0; c < nClasses; c++) scores[c]! += w[base + c]!;
    }
  }

  update(truth: number, guess: number): void {
    if (truth === guess) return;
    const { w, u, slots, c } = this;
    for (let i = 0; i < this.nSlots; i++) {
      const base = slots[i]!;
      w[base + truth]! += 1;
      u[base + truth]! += c;
      w[base + guess]! -= 1;
      u[base + guess]! -= c;
    }
  }

  /** one training example seen */
  tick(): void {
    this.c++;
  }

  /** the averaged weights, dropping entries smaller than minWeight in absolute value */
  finish(minWeight: number): SparseWeights {
    const { nClasses, c } = this;
    const rows: { key: number; cls: number[]; val: number[] }[] = [];
    const { keys, values } = this.slotOf;
    const order: [number, number][] = [];
    for (let p = 0; p < keys.length; p++) if (keys[p] !== 0) order.push([values[p]!, keys[p]!]);
    order.sort((a, b) => a[0] - b[0]);
    for (const [slot, key] of order) {
      const cls: number[] = [];
      const val: number[] = [];
      for (let k = 0; k < nClasses; k++) {
        const i = slot * nClasses + k;
        const avg = this.w[i]! - this.u[i]! / c;
        if (Math.abs(avg) >= minWeight) {
          cls.push(k);
          val.push(avg);
        }
      }
      if (cls.length) rows.push({ key, cls, val });
    }
    const table = new FeatureTable(rows.length);
    const rowStart = new Uint32Array(rows.length + 1);
    const entries = rows.reduce((s, r) => s + r.cls.length, 0);
    const cls = new Uint8Array(entries);
    const val = new Float32Array(entries);
    rows.forEach((r, i) => {
      table.set(r.key, i);
      rowStart[i + 1] = rowStart[i]! + r.cls.length;
      cls.set(r.cls, rowStart[i]!);
      val.set(r.val, rowStart[i]!);
    });
    return new SparseWeights(nClasses, table, rowStart, cls, val);
  }
}
