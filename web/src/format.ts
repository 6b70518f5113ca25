// Numbers as people read them: at most one decimal (a mean Goldstein of 1.5999999999999999 is 1.6),
// with the interface language's decimal sign (1,6 in French).
import type { UiLang } from './i18n';

export function fmt(x: number | null | undefined, lang: UiLang, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(x);
}
