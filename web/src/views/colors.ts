// Goldstein (-10 conflict … +10 cooperation) → colour: red through grey to green.
export function goldsteinColor(g: number | null | undefined): string {
  if (g === null || g === undefined || Number.isNaN(g)) return '#999999';
  const x = Math.max(-10, Math.min(10, g)) / 10;
  const mix = (a: number[], b: number[], f: number) => a.map((v, i) => Math.round(v + (b[i] - v) * f));
  const grey = [150, 150, 150];
  const rgb = x >= 0 ? mix(grey, [22, 140, 70], Math.min(1, x * 1.6)) : mix(grey, [200, 40, 40], Math.min(1, -x * 1.6));
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

export const QUAD_COLORS = ['#4f9d69', '#1f6f3f', '#e0954a', '#c0392b'];
