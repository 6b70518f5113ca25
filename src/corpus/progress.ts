// Progress on standard error: a bar (documents, rate, time left) on a terminal, plain lines every
// few seconds otherwise (logs, CI).
export interface ProgressCounts {
  done: number;
  failed: number;
  total: number | null;
}

export class Progress {
  private started = Date.now();
  private lastDraw = 0;
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly opts: { tty?: boolean; every?: number; quiet?: boolean } = {},
  ) {}

  get tty(): boolean {
    return this.opts.tty ?? !!this.out.isTTY;
  }

  update(c: ProgressCounts, force = false): void {
    if (this.opts.quiet) return;
    const now = Date.now();
    if (this.tty) {
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 60));
      const frac = c.total ? Math.min(1, c.done / c.total) : 0; // the estimate may fall short: never past full
      const bar = c.total ? '█'.repeat(Math.round(frac * width)).padEnd(width, '░') : '';
      this.out.write(`\r${bar} ${this.line(c, now)}\x1b[K`);
      this.drawn = true;
    } else if (force || now - this.lastLine >= (this.opts.every ?? 5000)) {
      this.lastLine = now;
      this.out.write(`ingest: ${this.line(c, now)}\n`);
    }
  }

  finish(c: ProgressCounts): void {
    if (this.opts.quiet) return;
    this.update(c, true);
    if (this.tty && this.drawn) this.out.write('\n');
  }

  private line(counts: ProgressCounts, now: number): string {
    // the total is an estimate made before reading: when more documents come, the count is the total
    const c = counts.total !== null && counts.done > counts.total ? { ...counts, total: counts.done } : counts;
    const s = (now - this.started) / 1000;
    const rate = s > 0 ? c.done / s : 0;
    const of = c.total !== null ? `/${c.total}` : '';
    const left = c.total !== null && rate > 0 ? ` · ${clock(Math.max(0, (c.total - c.done) / rate))} left` : '';
    const failed = c.failed ? ` · ${c.failed} failed` : '';
    return `${c.done}${of} documents · ${rate.toFixed(rate < 10 ? 1 : 0)}/s${left} · ${clock(s)} elapsed${failed}`;
  }
}

export function clock(seconds: number): string {
  const t = Math.round(seconds);
  const h = Math.floor(t / 3600),
    m = Math.floor((t % 3600) / 60),
    s = t % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}
