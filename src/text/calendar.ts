// Dates at the doors: every date that comes in (--date, a header's `date`, JSONL and feed fields,
// API parameters) is checked against the calendar here, so that 2023-13-45 or 2023-02-31 is
// refused with a clear message instead of rolling over (JavaScript's Date makes 2023-02-31 into
// March 3) or being stored as text that sorts like a date.

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** the month abbreviations of RFC 2822 (part of the format, whatever the article's language) */
const RFC_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What is wrong with a YYYY, YYYY-MM or YYYY-MM-DD date, or null when it is a real calendar date.
 * The message names the value: "'2023-02-31' is not a date: 2023-02 has 28 days".
 */
export function calendarProblem(s: string): string | null {
  const m = PARTIAL.exec(s);
  if (!m) return `'${s}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
  const y = +m[1]!;
  if (y < 1000) return `'${s}' is not a date: year ${m[1]} is out of range`;
  if (m[2] === undefined) return null;
  const mo = +m[2];
  if (mo < 1 || mo > 12) return `'${s}' is not a date: there is no month ${m[2]}`;
  if (m[3] === undefined) return null;
  const d = +m[3],
    n = daysIn(y, mo);
  if (d < 1 || d > n) return `'${s}' is not a date: ${m[1]}-${m[2]} has ${n} days`;
  return null;
}

export function isCalendarDate(s: string): boolean {
  return calendarProblem(s) === null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The outcome of reading a date from metadata: the date (YYYY[-MM[-DD]]) or why it cannot be read. */
export type DateReading = { date: string; error?: undefined } | { date?: undefined; error: string };

/**
 * A date as metadata writes it → YYYY, YYYY-MM or YYYY-MM-DD. Reads ISO 8601 (with or without a
 * time: the calendar day as written, no time-zone shift), YYYY/MM/DD, day-first numeric dates
 * (15/11/2023, 15.11.2023, 15-11-2023: the European and French order), and RFC 2822 / RFC 1123 as
 * feeds write them ("Wed, 15 Nov 2023 10:00:00 GMT"). Anything else, and any impossible date, is an
 * error naming the value: nothing is dropped silently.
 */
export function readDate(raw: string): DateReading {
  const v = raw.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/i.exec(v);
  if (m) return checked(v, m[3] ? `${m[1]}-${pad(+m[2]!)}-${pad(+m[3])}` : m[2] ? `${m[1]}-${pad(+m[2])}` : m[1]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) return checked(v, `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`);
  // RFC 2822 / 1123: "Wed, 15 Nov 2023 10:00:00 +0000", "15 Nov 2023"
  m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?)?$/.exec(v);
  if (m) {
    const mo = RFC_MONTHS.indexOf(m[2]!.toLowerCase());
    if (mo >= 0) return checked(v, `${m[3]}-${pad(mo + 1)}-${pad(+m[1]!)}`);
  }
  return { error: `'${raw}' is not a date this reader knows (use YYYY-MM-DD, ISO 8601, DD/MM/YYYY or RFC 2822)` };
}

function checked(raw: string, date: string): DateReading {
  const problem = calendarProblem(date);
  return problem ? { error: date === raw ? problem : `'${raw}' is not a date: ${problem.replace(/^'[^']*' is not a date: /, '')}` } : { date };
}
