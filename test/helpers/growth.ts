// How work grows with the input, measured so that machine load does not decide the result: CPU
// time of this process (time spent waiting for a busy core is not counted), the minimum of several
// runs, small and large interleaved so that a burst of load hits both, and sizes four times apart
// so that linear (×4) and quadratic (×16) work stay far from any threshold in between.

function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** CPU time of `run(big)` ÷ CPU time of `run(small)`, each the minimum of `runs` interleaved runs. */
export function growth<T>(run: (input: T) => void, small: T, big: T, runs = 5): number {
  run(small); // warm-up: compile, caches
  let s = Infinity,
    b = Infinity;
  for (let i = 0; i < runs; i++) {
    s = Math.min(
      s,
      cpuMs(() => run(small)),
    );
    b = Math.min(
      b,
      cpuMs(() => run(big)),
    );
  }
  return b / Math.max(s, 0.001);
}
