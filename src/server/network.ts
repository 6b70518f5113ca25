// Who deals with whom: story events folded into an undirected graph of countries (or actors),
// each edge with its event count, quad classes and mean Goldstein value.
import type { ActorRef, StoryEvent } from '../store/types.js';

export type NetworkLevel = 'country' | 'actor';

export interface NetworkNode {
  id: string;
  label: string;
  /** ISO3 of the node (level country: the node itself) */
  country: string | null;
  events: number;
}

export interface NetworkEdge {
  /** `${a}|${b}` with a < b */
  id: string;
  a: string;
  b: string;
  events: number;
  quad: [number, number, number, number];
  goldstein: number | null;
  /** up to 20 story event ids behind the edge, latest first */
  sample: string[];
}

export interface Network {
  level: NetworkLevel;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** events read to build it */
  eventsRead: number;
  /** true when the range held more events than the server reads for one graph */
  truncated: boolean;
}

function nodeOf(ref: ActorRef | null, level: NetworkLevel): { id: string; label: string; country: string | null } | null {
  if (!ref) return null;
  if (level === 'country') return ref.country ? { id: ref.country, label: ref.country, country: ref.country } : null;
  return { id: ref.key, label: ref.name, country: ref.country };
}

export function buildNetwork(
  events: Iterable<StoryEvent>,
  level: NetworkLevel,
  opts: { minEvents?: number; truncated?: boolean; countryNames?: (iso3: string) => string | null } = {},
): Network {
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge & { gsum: number; dates: { id: string; date: string }[] }>();
  let read = 0;
  for (const ev of events) {
    read++;
    const s = nodeOf(ev.source, level);
    const t = nodeOf(ev.target, level);
    if (!s || !t || s.id === t.id) continue;
    for (const n of [s, t]) {
      const node = nodes.get(n.id) ?? { ...n, label: level === 'country' ? (opts.countryNames?.(n.id) ?? n.label) : n.label, events: 0 };
      node.events++;
      nodes.set(n.id, node);
    }
    const [a, b] = s.id < t.id ? [s.id, t.id] : [t.id, s.id];
    const id = `${a}|${b}`;
    const e = edges.get(id) ?? { id, a, b, events: 0, quad: [0, 0, 0, 0] as [number, number, number, number], goldstein: null, sample: [], gsum: 0, dates: [] };
    e.events++;
    if (ev.quadClass >= 1 && ev.quadClass <= 4) e.quad[ev.quadClass - 1]++;
    e.gsum += ev.goldstein;
    e.dates.push({ id: ev.id, date: ev.date ?? '' });
    edges.set(id, e);
  }
  const min = opts.minEvents ?? 1;
  const outEdges: NetworkEdge[] = [...edges.values()]
    .filter((e) => e.events >= min)
    .map(({ gsum, dates, ...e }) => ({
      ...e,
      goldstein: Math.round((gsum / e.events) * 100) / 100,
      sample: dates
        .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : x.id.localeCompare(y.id)))
        .slice(0, 20)
        .map((d) => d.id),
    }))
    .sort((x, y) => y.events - x.events || x.id.localeCompare(y.id));
  const used = new Set(outEdges.flatMap((e) => [e.a, e.b]));
  const outNodes = [...nodes.values()].filter((n) => used.has(n.id)).sort((x, y) => y.events - x.events || x.id.localeCompare(y.id));
  return { level, nodes: outNodes, edges: outEdges, eventsRead: read, truncated: opts.truncated ?? false };
}
