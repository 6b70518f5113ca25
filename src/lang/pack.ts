// A language pack is a folder of data files under lang/<code>/; this module only loads and merges them.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repo root, whether running from src/ (ts) or dist/src/ (compiled). */
export const ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../' : '../../', import.meta.url));
export const LANG_DIR = join(ROOT, 'lang');

export interface LanguagePack {
  code: string;
  /** every data file of the pack, by file name without .json */
  files: Record<string, any>;
  core: { abbreviations: string[]; elisions: string[]; stopwords: string[] };
}

export function availableLanguages(dir = LANG_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'core.json'))).map((d) => d.name).sort();
}

export function loadPack(code: string, dir = LANG_DIR): LanguagePack {
  const folder = join(dir, code);
  if (!existsSync(join(folder, 'core.json'))) throw new Error(`no language pack '${code}' in ${dir}`);
  const files: Record<string, any> = {};
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(folder, name);
    try {
      files[name.slice(0, -5)] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`language pack file ${path} is not valid JSON: ${(e as Error).message}`);
    }
  }
  return { code, files, core: files.core };
}

export function loadPacks(codes = availableLanguages()): Map<string, LanguagePack> {
  return new Map(codes.map((c) => [c, loadPack(c)]));
}
