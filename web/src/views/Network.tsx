// Network: who deals with whom in a date range. Nodes on a circle, edges coloured from conflict
// (red) to cooperation (green) by mean Goldstein, width by event count; a click lists the events.
import { useEffect, useState } from 'react';
import { api, type Network, type StoryEvent } from '../api';
import { useI18n } from '../i18n';
import { go, useReference, type Route } from '../App';
import { goldsteinColor } from './colors';
import { fmt } from '../format';
import { EventTable } from './Search';

type Edge = Network['edges'][number];

export function NetworkView({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const level = route.params.get('level') === 'actor' ? 'actor' : 'country';
  const [form, setForm] = useState({ from, to, level });
  const [net, setNet] = useState<Network | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [edge, setEdge] = useState<Edge | null>(null);
  const [edgeEvents, setEdgeEvents] = useState<StoryEvent[] | null>(null);
  useEffect(() => setForm({ from, to, level }), [from, to, level]);
  useEffect(() => {
    setNet(null);
    setEdge(null);
    setError(null);
    api
      .network({ from: from || undefined, to: to || undefined, level })
      .then(setNet)
      .catch((e) => setError(e.message));
  }, [from, to, level]);
  useEffect(() => {
    setEdgeEvents(null);
    if (!edge) return;
    const range = { from: from || undefined, to: to || undefined };
    const p =
      level === 'country'
        ? api.events({ country: edge.a, with: edge.b, ...range, limit: 200 }).then((pg) => pg.items)
        : api.dyad({ a: edge.a, b: edge.b, ...range }).then((d) => d.events);
    p.then(setEdgeEvents).catch((e) => setError(e.message));
  }, [edge]);

  const label = (id: string) => (level === 'country' ? ref.countryName(id) || id : (net?.nodes.find((n) => n.id === id)?.label ?? id));
  return (
    <div className="network">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go('network', { from: form.from || undefined, to: form.to || undefined, level: form.level === 'actor' ? 'actor' : undefined });
        }}
      >
        <label>
          {t('net.from')}{' '}
          <input data-testid="net-from" size={10} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} placeholder="2023-01" />
        </label>
        <label>
          {t('net.to')}{' '}
          <input data-testid="net-to" size={10} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} placeholder="2023-12" />
        </label>
        <label>
          {t('net.level')}{' '}
          <select value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as 'country' | 'actor' })}>
            <option value="country">{t('net.countries')}</option>
            <option value="actor">{t('net.actors')}</option>
          </select>
        </label>
        <button type="submit" data-testid="net-go">
          {t('net.show')}
        </button>
        <span className="legend">
          <span className="gradient" /> {t('net.conflict')} → {t('net.coop')}
        </span>
      </form>
      {error && (
        <p className="error" role="alert">
          {t('error')}: {error}
        </p>
      )}
      {!net && !error && <p>{t('loading')}</p>}
      {net &&
        (net.edges.length ? (
          <>
            {net.truncated && <p className="hint">{t('net.truncated')}</p>}
            <p className="hint">{t('net.click')}</p>
            <Graph net={net} label={label} selected={edge?.id ?? null} onEdge={setEdge} />
          </>
        ) : (
          <p data-testid="net-empty">{t('net.empty')}</p>
        ))}
      {edge && (
        <section data-testid="edge-events">
          <h3>
            {t('net.edge')} {label(edge.a)} — {label(edge.b)} ({edge.events}, {t('goldstein')} {fmt(edge.goldstein, lang)})
          </h3>
          {edgeEvents ? <EventTable items={edgeEvents} /> : <p>{t('loading')}</p>}
        </section>
      )}
    </div>
  );
}

function Graph({ net, label, selected, onEdge }: { net: Network; label: (id: string) => string; selected: string | null; onEdge: (e: Edge) => void }) {
  const { lang } = useI18n();
  const W = 900,
    H = 560,
    cx = W / 2,
    cy = H / 2;
  const nodes = net.nodes.slice(0, 60);
  const R = Math.min(W, H) / 2 - 70;
  // the busiest nodes spread around the circle rather than side by side: slot = i·k mod n, k coprime with n
  const gcd = (x: number, y: number): number => (y ? gcd(y, x % y) : x);
  let k = Math.max(1, Math.round(nodes.length / 3));
  while (nodes.length > 1 && gcd(k, nodes.length) !== 1) k++;
  const pos = new Map(
    nodes.map((n, i) => {
      const a = (2 * Math.PI * ((i * k) % nodes.length)) / nodes.length - Math.PI / 2;
      return [n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a }];
    }),
  );
  const maxEv = Math.max(1, ...net.edges.map((e) => e.events));
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  const radius = (n: { events: number }) => 5 + 12 * Math.sqrt(n.events / maxNode);
  const labels = placeLabels(
    nodes.map((n) => ({ id: n.id, text: label(n.id), ...pos.get(n.id)!, r: radius(n) })),
    H,
  );
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <svg className="graph" viewBox={`0 0 ${W} ${H}`} width="100%" data-testid="network-graph" role="img">
      {[...net.edges]
        .sort((x, y) => Number(x.id === selected) - Number(y.id === selected))
        .map((e) => {
          const p = pos.get(e.a);
          const q = pos.get(e.b);
          if (!p || !q) return null;
          const w = 1.5 + 8 * Math.sqrt(e.events / maxEv);
          return (
            <g
              key={e.id}
              className={`edge${selected === e.id ? ' selected' : ''}`}
              data-testid={`edge-${safe(e.a)}-${safe(e.b)}`}
              data-goldstein={e.goldstein ?? ''}
              onClick={() => onEdge(e)}
              style={{ cursor: 'pointer' }}
            >
              <line
                x1={p.x}
                y1={p.y}
                x2={q.x}
                y2={q.y}
                stroke={goldsteinColor(e.goldstein)}
                strokeWidth={w}
                strokeOpacity={selected && selected !== e.id ? 0.35 : 0.9}
                strokeLinecap="round"
              />
              <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke="transparent" strokeWidth={Math.max(14, w + 6)} />
              <title>{`${label(e.a)} — ${label(e.b)}: ${e.events} · Goldstein ${fmt(e.goldstein, lang)}`}</title>
            </g>
          );
        })}
      {nodes.map((n) => {
        const p = pos.get(n.id)!;
        const l = labels.get(n.id)!;
        return (
          <g key={n.id} className="node" data-testid={`node-${safe(n.id)}`}>
            <circle cx={p.x} cy={p.y} r={radius(n)} fill="#2c3e50" />
            {Math.abs(l.y - p.y) > 6 && <line x1={p.x} y1={p.y} x2={l.x} y2={l.y - 4} stroke="#9aa7b4" strokeWidth={0.8} />}
          </g>
        );
      })}
      {/* labels above every node and edge, with a white halo, so that none is hidden */}
      {nodes.map((n) => {
        const l = labels.get(n.id)!;
        return (
          <g key={`l-${n.id}`} className="node-label" data-testid={`label-${safe(n.id)}`}>
            <text
              x={l.x}
              y={l.y}
              fontSize={LABEL_FONT}
              textAnchor={l.right ? 'start' : 'end'}
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
              strokeLinejoin="round"
            >
              {l.text}
              <title>{label(n.id)}</title>
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const LABEL_FONT = 12;
/** one label line: a little more than the font's height, so stacked labels never touch */
const ROW = 15;
/** longer names are cut (the full name is in the label's tooltip) */
const MAX_CHARS = 24;

/**
 * Where each node's label goes: beside its node, outward (right half: after it, left half: before
 * it), then, per side, labels sorted by height are pushed apart so that no two share a line: down
 * where they crowd, and back up from the bottom edge. A label moved off its node gets a leader line.
 */
function placeLabels(items: { id: string; text: string; x: number; y: number; a: number; r: number }[], height: number) {
  const out = new Map<string, { x: number; y: number; right: boolean; text: string }>();
  for (const right of [true, false]) {
    const side = items.filter((n) => Math.cos(n.a) >= 0 === right).sort((p, q) => p.y - q.y);
    const ys = side.map((n) => n.y + 4);
    for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + ROW);
    let limit = height - 4;
    for (let i = ys.length - 1; i >= 0; i--) {
      ys[i] = Math.min(ys[i]!, limit);
      limit = ys[i]! - ROW;
    }
    side.forEach((n, i) => {
      const text = n.text.length > MAX_CHARS ? `${n.text.slice(0, MAX_CHARS - 1)}…` : n.text;
      out.set(n.id, { x: n.x + (right ? n.r + 4 : -n.r - 4), y: Math.max(ROW, ys[i]!), right, text });
    });
  }
  return out;
}
