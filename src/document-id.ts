// The contract's document id: sha256 of the normalised text, first 16 hex characters.
import * as crypto from 'node:crypto';
import { collapseSpaces } from './text/normalize.js';

// crypto.hash (Node ≥ 20.12) hashes a string in one call, without a Hash object
const sha256hex: (s: string) => string = typeof (crypto as { hash?: unknown }).hash === 'function'
  ? (s) => (crypto as unknown as { hash(alg: string, data: string, enc: 'hex'): string }).hash('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s).digest('hex');

/** sha256 of the normalised text, first 16 hex characters (the contract's document id). */
export function documentId(text: string): string {
  return sha256hex(collapseSpaces(text.normalize('NFC')).trim()).slice(0, 16);
}
