// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) compared as intervals.

/** first day covered by a partial date */
export function dateStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
/** last day covered by a partial date */
export function dateEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** Does [from, to] contain the (partial) date `at`? Open ends are unbounded. */
export function within(at: string, from: string | null, to: string | null): boolean {
  if (from && dateEnd(at) < dateStart(from)) return false;
  if (to && dateStart(at) > dateEnd(to)) return false;
  return true;
}
