// Dyad timeline: events per month between two countries, stacked by quad class.
import { useEffect, useState } from 'react';
import { api, type Dyad } from '../api';
import { useI18n, type Key } from '../i18n';
import { go, useReference, type Route } from '../App';
import { QUAD_COLORS, goldsteinColor } from './colors';
import { monthRange } from './time';
import { EventTable } from './Search';
import { fmt } from '../format';

type MonthCount = Dyad['months'][number];

export function DyadView({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const a = route.params.get('a') ?? '';
  const b = route.params.get('b') ?? '';
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const [form, setForm] = useState({ a, b, from, to });
  const [dyad, setDyad] = useState<Dyad | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setForm({ a, b, from, to }), [a, b, from, to]);
  useEffect(() => {
    setDyad(null);
    setError(null);
    if (!a || !b) return;
    api
      .dyad({ a, b, from: from || undefined, to: to || undefined })
      .then(setDyad)
      .catch((e) => setError(e.message));
  }, [a, b, from, to]);

  // what the server resolved the query to (Maroc, mar, marocain → Morocco), in the interface's language
  const sideLabel = (side: Dyad['a'], asked: string) =>
    side ? (side.type === 'COUNTRY' && side.country ? ref.countryName(side.country) || side.name : side.name) : asked;
  return (
    <div className="dyad">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go('dyad', { a: form.a.trim(), b: form.b.trim(), from: form.from || undefined, to: form.to || undefined });
        }}
      >
        <datalist id="countries">
          {[...ref.countries.values()].map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {ref.countryName(c.iso3)}
            </option>
          ))}
        </datalist>
        <label>
          {t('dyad.a')}{' '}
          <input data-testid="dyad-a" list="countries" size={14} value={form.a} onChange={(e) => setForm({ ...form, a: e.target.value })} placeholder="USA" />
        </label>
        <label>
          {t('dyad.b')}{' '}
          <input data-testid="dyad-b" list="countries" size={14} value={form.b} onChange={(e) => setForm({ ...form, b: e.target.value })} placeholder="MAR" />
        </label>
        <label>
          {t('search.from')} <input size={10} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} placeholder="2023-01" />
        </label>
        <label>
          {t('search.to')} <input size={10} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} placeholder="2023-12" />
        </label>
        <button type="submit" data-testid="dyad-go">
          {t('dyad.show')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {t('error')}: {error}
        </p>
      )}
      {dyad && (
        <div data-testid="dyad-result">
          <h2 data-testid="dyad-title">
            {sideLabel(dyad.a, a)} — {sideLabel(dyad.b, b)}
          </h2>
          <p className="docmeta">
            <span data-testid="dyad-total">{dyad.total}</span> {t('dyad.total')} · {t('dyad.mean')}{' '}
            <span style={{ color: goldsteinColor(dyad.meanGoldstein) }}>
              <span data-testid="dyad-mean">{fmt(dyad.meanGoldstein, lang)}</span>
            </span>
          </p>
          {dyad.months.length ? <QuadBars months={dyad.months} /> : <p>{t('dyad.empty')}</p>}
          {dyad.events.length > 0 && <EventTable items={dyad.events} />}
        </div>
      )}
    </div>
  );
}

/** Stacked bars per month by quad class, with the months between filled in. */
export function QuadBars({ months }: { months: MonthCount[] }) {
  const { t } = useI18n();
  const sorted = [...months].sort((x, y) => x.month.localeCompare(y.month));
  if (!sorted.length) return null;
  const all = monthRange(sorted[0].month, sorted[sorted.length - 1].month);
  const by = new Map(sorted.map((m) => [m.month, m]));
  const max = Math.max(1, ...sorted.map((m) => m.events));
  const W = 900,
    H = 200,
    top = 10,
    bottom = 40,
    left = 30;
  const bw = Math.max(4, Math.min(40, (W - left - 20) / all.length - 2));
  const y = (v: number) => ((H - top - bottom) * v) / max;
  const labelEvery = Math.ceil(all.length / 12);
  return (
    <figure className="quadbars">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" data-testid="quad-bars" role="img">
        <line x1={left} x2={W - 10} y1={H - bottom} y2={H - bottom} stroke="#888" />
        <text x={left - 4} y={top + 8} fontSize={10} textAnchor="end">
          {max}
        </text>
        {all.map((month, i) => {
          const m = by.get(month);
          const x = left + 4 + i * (bw + 2);
          let base = H - bottom;
          return (
            <g key={month} data-month={month} data-events={m?.events ?? 0}>
              {m &&
                m.quad.map((n, q) => {
                  if (!n) return null;
                  const h = y(n);
                  base -= h;
                  return (
                    <rect key={q} className={`quad-${q + 1}`} x={x} y={base} width={bw} height={h} fill={QUAD_COLORS[q]}>
                      <title>{`${month}: ${n} ${t(`quad.${q + 1}` as Key)}`}</title>
                    </rect>
                  );
                })}
              {i % labelEvery === 0 && (
                <text x={x + bw / 2} y={H - bottom + 14} fontSize={10} textAnchor="middle">
                  {month}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {[1, 2, 3, 4].map((q) => (
          <span key={q}>
            <span className="swatch" style={{ background: QUAD_COLORS[q - 1] }} /> {t(`quad.${q}` as Key)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
