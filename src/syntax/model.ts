// The shipped model file of one language: tagger and parser weights with the tag dictionary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lang/pack.js';
import { RELATIONS, UPOS } from './tagset.js';
import type { TaggerModel } from './tagger.js';
import { SparseWeights } from './weights.js';

export type SyntaxLanguage = 'fr' | 'en';
export const SYNTAX_DIR = join(ROOT, 'data', 'syntax');
const MAGIC = 'RDSX';
const VERSION = 1;

export interface SyntaxModel {
  language: string;
  tagger: TaggerModel;
  parser: SparseWeights;
  /** how the model was trained (treebanks, seed, epochs), as written by the training script */
  info: Record<string, unknown>;
}

export const modelPath = (lang: string, dir = SYNTAX_DIR) => join(dir, `${lang}.bin`);

/** the binary file: magic, version, a JSON header (tag sets, dictionary, info), tagger and parser weights */
export function encodeModel(m: SyntaxModel): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      language: m.language,
      upos: UPOS,
      relations: RELATIONS,
      dictionary: [...m.tagger.dictionary].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      info: m.info,
    }),
    'utf8',
  );
  const pre = Buffer.alloc(12);
  pre.write(MAGIC, 0, 'latin1');
  pre.writeUInt32LE(VERSION, 4);
  pre.writeUInt32LE(header.length, 8);
  return Buffer.concat([pre, header, m.tagger.weights.encode(), m.parser.encode()]);
}

export function decodeModel(buf: Buffer, what: string): SyntaxModel {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${what}: not a readout syntax model`);
  const version = buf.readUInt32LE(4);
  if (version !== VERSION) throw new Error(`${what}: model format ${version}, this build reads ${VERSION}`);
  const len = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len));
  if (JSON.stringify(header.upos) !== JSON.stringify(UPOS) || JSON.stringify(header.relations) !== JSON.stringify(RELATIONS)) {
    throw new Error(`${what}: trained with other tag or relation lists; run npm run train`);
  }
  const tagger = SparseWeights.decode(buf, 12 + len, what);
  const parser = SparseWeights.decode(buf, tagger.next, what);
  if (parser.next !== buf.length) throw new Error(`${what}: ${buf.length - parser.next} bytes after the parser weights`);
  return { language: header.language, tagger: { weights: tagger.weights, dictionary: new Map(header.dictionary) }, parser: parser.weights, info: header.info };
}

export function readModel(path: string): SyntaxModel {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new Error(`${path}: cannot read the syntax model (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run npm run train`);
  }
  return decodeModel(buf, path);
}
