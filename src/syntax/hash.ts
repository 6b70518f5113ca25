// 32-bit hashing for features: strings are hashed once per token, features combine integers.

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot in the feature tables) */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** order-sensitive combination of two 32-bit values (a murmur3-style finaliser), never 0 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export const mix3 = (a: number, b: number, c: number): number => mix(mix(a, b), c);
export const mix4 = (a: number, b: number, c: number, d: number): number => mix(mix(mix(a, b), c), d);
