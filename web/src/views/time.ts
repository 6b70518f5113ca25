// Dates as fractional months, for timelines: '2023-02-01' → 2023*12 + 1 + 0/31.
export function monthIndex(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0) + (m[3] ? (Number(m[3]) - 1) / 31 : 0);
}

export function monthLabel(idx: number): string {
  const y = Math.floor(idx / 12);
  const mo = Math.floor(idx - y * 12) + 1;
  return `${y}-${String(mo).padStart(2, '0')}`;
}

/** every month from a to b (YYYY-MM), inclusive */
export function monthRange(a: string, b: string): string[] {
  const s = monthIndex(a);
  const e = monthIndex(b);
  if (s === null || e === null) return [];
  const out: string[] = [];
  for (let i = Math.floor(s); i <= Math.floor(e) && out.length < 600; i++) out.push(monthLabel(i));
  return out;
}
