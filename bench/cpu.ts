// CPU time of the child processes a benchmark ran: comparable across runs on a loaded machine, where rates are not.
import { readFileSync } from 'node:fs';

/**
 * CPU seconds used by the children this process has waited for (Linux: /proc/self/stat cutime +
 * cstime, in clock ticks of 1/100 s); null elsewhere.
 */
export function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}
