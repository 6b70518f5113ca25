// Learned weights as shipped: a sparse row of (class, weight) pairs per feature, looked up by hash.
import { FeatureTable } from './table.js';

export class SparseWeights {
  constructor(
    readonly nClasses: number,
    /** feature hash → row */
    readonly table: FeatureTable,
    /** row r holds entries rowStart[r] .. rowStart[r + 1] */
    readonly rowStart: Uint32Array,
    readonly cls: Uint8Array,
    readonly val: Float32Array,
  ) {}

  get rows(): number {
    return this.rowStart.length - 1;
  }

  /** adds the weights of feats[0 .. n) to scores (which the caller zeroes) */
  score(feats: Uint32Array, n: number, scores: Float32Array): void {
    const { table, rowStart, cls, val } = this;
    for (let i = 0; i < n; i++) {
      const r = table.get(feats[i]!);
      if (r < 0) continue;
      const end = rowStart[r + 1]!;
      for (let k = rowStart[r]!; k < end; k++) scores[cls[k]!]! += val[k]!;
    }
  }

  /**
   * Binary form: nClasses, rows, entries (u32), scale (f32), then the keys (u32), row lengths (u8),
   * entry classes (u8) and entry weights quantised to int16 (weight = int × scale).
   */
  encode(): Buffer {
    const rows = this.rows;
    const entries = this.cls.length;
    let maxAbs = 0;
    for (const v of this.val) maxAbs = Math.max(maxAbs, Math.abs(v));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keys = new Uint32Array(rows);
    for (let p = 0; p < this.table.keys.length; p++) if (this.table.keys[p] !== 0) keys[this.table.values[p]!] = this.table.keys[p]!;
    const lens = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) lens[r] = this.rowStart[r + 1]! - this.rowStart[r]!;
    const q = new Int16Array(entries);
    for (let k = 0; k < entries; k++) q[k] = Math.round(this.val[k]! / scale);
    const head = Buffer.alloc(16);
    head.writeUInt32LE(this.nClasses, 0);
    head.writeUInt32LE(rows, 4);
    head.writeUInt32LE(entries, 8);
    head.writeFloatLE(scale, 12);
    return Buffer.concat([
      head,
      Buffer.from(keys.buffer),
      Buffer.from(lens.buffer),
      Buffer.from(this.cls.buffer, this.cls.byteOffset, entries),
      Buffer.from(q.buffer),
    ]);
  }

  /** reads what encode() wrote at offset; returns the weights and the offset after them */
  static decode(buf: Buffer, offset: number, what: string): { weights: SparseWeights; next: number } {
    if (offset + 16 > buf.length) throw new Error(`${what}: truncated weights header`);
    const nClasses = buf.readUInt32LE(offset);
    const rows = buf.readUInt32LE(offset + 4);
    const entries = buf.readUInt32LE(offset + 8);
    const scale = buf.readFloatLE(offset + 12);
    let p = offset + 16;
    const need = p + rows * 5 + entries * 3;
    if (need > buf.length) throw new Error(`${what}: truncated weights (${buf.length} bytes, ${need} needed)`);
    const copy = (bytes: number) => {
      const ab = new ArrayBuffer(bytes);
      new Uint8Array(ab).set(buf.subarray(p, p + bytes));
      p += bytes;
      return ab;
    };
    const keys = new Uint32Array(copy(rows * 4));
    const lens = new Uint8Array(copy(rows));
    const cls = new Uint8Array(copy(entries));
    const q = new Int16Array(copy(entries * 2));
    const table = new FeatureTable(rows);
    const rowStart = new Uint32Array(rows + 1);
    for (let r = 0; r < rows; r++) {
      table.set(keys[r]!, r);
      rowStart[r + 1] = rowStart[r]! + lens[r]!;
    }
    if (rowStart[rows] !== entries) throw new Error(`${what}: row lengths do not add up to the entries`);
    const val = new Float32Array(entries);
    for (let k = 0; k < entries; k++) val[k] = q[k]! * scale;
    return { weights: new SparseWeights(nClasses, table, rowStart, cls, val), next: p };
  }
}
