// What a CAMEO actor code says: the sector (agent) part. A state's code is the state and then the
// sector (NGAMIL → MIL, USAGOV → GOV); an international or non-governmental body's code opens
// with IGO or NGO, which is then its sector (IGOUNO → IGO, NGOICG → NGO).

/** The sector of a CAMEO actor code, or null when the code has none (a bare state: "FRA"). */
export function sectorOfCode(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith('IGO')) return 'IGO';
  if (code.startsWith('NGO')) return 'NGO';
  return /^[A-Z]{6}/.test(code) ? code.slice(3, 6) : null;
}
