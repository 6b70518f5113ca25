// The CAMEO codebook (data/cameo.json): labels in both languages, Goldstein values, quad classes, PLOVER.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lang/pack.js';

export interface CameoCode {
  code: string;
  root: string;
  label: Record<string, string>;
  goldstein: number;
  quad: number;
  plover: { type: string; mode?: string | null } | null;
}

export interface Codebook {
  get(code: string): CameoCode | undefined;
  all(): CameoCode[];
}

export const CODEBOOK_PATH = join(ROOT, 'data', 'cameo.json');

export function loadCodebook(path = CODEBOOK_PATH): Codebook {
  const codes = new Map<string, CameoCode>();
  if (existsSync(path)) {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    for (const c of data.codes ?? []) codes.set(c.code, c);
  }
  return {
    get: (code) => codes.get(code) ?? codes.get(code.slice(0, 3)) ?? codes.get(code.slice(0, 2)),
    all: () => [...codes.values()],
  };
}
