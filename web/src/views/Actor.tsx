// Actor page: find an actor; its roles over time, latest quotes, events on a timeline, counterparts.
import { useEffect, useState } from 'react';
import { api, type ActorProfile, type ActorSummary, type Page, type StoryEvent } from '../api';
import { useI18n, type Key } from '../i18n';
import { go, href, useReference, type Route } from '../App';
import { goldsteinColor } from './colors';
import { fmt } from '../format';
import { monthIndex, monthLabel } from './time';
import { EventTable } from './Search';
import { QuadBars } from './Dyad';

export function ActorView({ route }: { route: Route }) {
  const key = route.path[1];
  return key ? <ActorProfileView key={key} actorKey={key} /> : <ActorFinder q={route.params.get('q') ?? ''} />;
}

function ActorFinder({ q }: { q: string }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const [text, setText] = useState(q);
  const [page, setPage] = useState<Page<ActorSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    api
      .actors({ q: q || undefined, limit: 50 })
      .then(setPage)
      .catch((e) => setError(e.message));
  }, [q]);
  return (
    <div className="actor-finder">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go('actor', { q: text.trim() || undefined });
        }}
      >
        <label>
          {t('actor.find')} <input data-testid="actor-q" value={text} onChange={(e) => setText(e.target.value)} placeholder="Bourita, Maroc…" />
        </label>
        <button type="submit">{t('search.go')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {page &&
        (page.items.length ? (
          <table className="actors" data-testid="actor-list">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('kind')}</th>
                <th>{t('country')}</th>
                <th>{t('documents')}</th>
                <th>{t('quotes')}</th>
                <th>{t('events')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.key}>
                  <td>
                    <a href={href(`actor/${encodeURIComponent(a.key)}`)} data-testid="actor-link">
                      {a.name}
                    </a>
                  </td>
                  <td>
                    <span className={`ent ent-${a.type}`}>{t(`type.${a.type}` as Key)}</span>
                  </td>
                  <td>{ref.countryName(a.country)}</td>
                  <td className="num">{a.documents}</td>
                  <td className="num">{a.quotes}</td>
                  <td className="num">{a.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('search.none')}</p>
        ))}
    </div>
  );
}

function ActorProfileView({ actorKey }: { actorKey: string }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const [p, setP] = useState<ActorProfile | null>(null);
  const [events, setEvents] = useState<StoryEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setP(null);
    setError(null);
    api
      .actor(actorKey)
      .then((prof) => {
        setP(prof);
        return api.events({ actor: prof.key, limit: 500 }).then((pg) => setEvents(pg.items));
      })
      .catch((e) => setError(e.status === 404 ? t('actor.notfound') : e.message));
  }, [actorKey]);
  if (error)
    return (
      <p className="error" role="alert" data-testid="error">
        {error}
      </p>
    );
  if (!p) return <p>{t('loading')}</p>;
  return (
    <div className="actor" data-testid="actor-profile">
      <h2 data-testid="actor-name">
        {p.name} <span className={`ent ent-${p.type}`}>{t(`type.${p.type}` as Key)}</span>
      </h2>
      <p className="docmeta">
        {ref.countryName(p.country)}
        {p.code ? ` · ${p.code}` : ''} · {p.documents} {t('documents').toLowerCase()} · {p.mentions} {t('mentions').toLowerCase()} · {p.quotes}{' '}
        {t('quotes').toLowerCase()} · {p.events} {t('events').toLowerCase()}
      </p>
      <section>
        <h3>{t('actor.timeline')}</h3>
        <Timeline roles={p.roles} events={events} />
        {p.timeline.length > 0 && <QuadBars months={p.timeline} />}
      </section>
      <section data-testid="actor-roles">
        <h3>{t('actor.roles')}</h3>
        <ul>
          {p.roles.map((r, i) => (
            <li key={i} data-testid="actor-role">
              <strong>{roleTitle(r, lang)}</strong>
              {r.country ? ` (${ref.countryName(r.country)})` : ''} ·{' '}
              {r.tenure ? `${r.tenure.from ?? '?'} → ${r.tenure.to ?? t('actor.now')}` : `${r.from ?? '?'} → ${r.to ?? '?'}`}
            </li>
          ))}
        </ul>
      </section>
      <div className="columns">
        <section data-testid="actor-quotes">
          <h3>{t('actor.quotes')}</h3>
          {p.recentQuotes.length ? (
            <ul className="hits">
              {p.recentQuotes.map((q) => (
                <li key={`${q.document}-${q.id}`}>
                  <q>{q.text}</q>
                  <div className="meta">
                    {q.published ?? '—'} · <a href={href(`doc/${q.document}`)}>{q.title ?? q.document}</a>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('none.quotes')}</p>
          )}
        </section>
        <section data-testid="actor-counterparts">
          <h3>{t('actor.counterparts')}</h3>
          <ul>
            {p.counterparts.map((c) => (
              <li key={c.actor.key}>
                <a href={href(`actor/${encodeURIComponent(c.actor.key)}`)}>{c.actor.name}</a>{' '}
                <span className="meta">
                  {c.events} · {t('goldstein')} <span style={{ color: goldsteinColor(c.goldstein) }}>{fmt(c.goldstein, lang)}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section>
        <h3>
          {t('events')} ({events.length})
        </h3>
        {events.length ? <EventTable items={events} /> : <p className="hint">{t('none.events')}</p>}
      </section>
    </div>
  );
}

/** Roles as bars and events as dots (coloured by Goldstein) on one time axis. */
/** the role's title in the interface's language (from the knowledge base), else as stored */
function roleTitle(r: ActorProfile['roles'][number], lang: string): string {
  return r.title?.[lang] ?? r.role;
}

/** a role's bar on the time axis: its tenure in the knowledge base, else the dates of the documents */
function roleSpan(r: ActorProfile['roles'][number]): { from: string | null; to: string | null } {
  return r.tenure ? { from: r.tenure.from, to: r.tenure.to ?? r.to } : { from: r.from, to: r.to };
}

function Timeline({ roles, events }: { roles: ActorProfile['roles']; events: StoryEvent[] }) {
  const ref = useReference();
  const { lang } = useI18n();
  const dated = events.filter((e) => e.date && monthIndex(e.date) !== null);
  const points = [
    ...dated.map((e) => monthIndex(e.date!)!),
    ...roles
      .flatMap((r) => [roleSpan(r).from, roleSpan(r).to])
      .filter((d): d is string => !!d)
      .map((d) => monthIndex(d)!)
      .filter((x) => x !== null),
  ];
  if (!points.length) return null;
  let lo = Math.floor(Math.min(...points)) - 1;
  let hi = Math.ceil(Math.max(...points)) + 1;
  if (hi - lo < 6) {
    lo -= 3;
    hi += 3;
  }
  // margins of half a month label (about 40 px at 10 px type) so the first and last ticks are not cut
  const W = 900,
    left = 30,
    right = 30,
    rowH = 18;
  const x = (m: number) => left + ((m - lo) / (hi - lo)) * (W - left - right);
  const H = roles.length * rowH + 70;
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((hi - lo) / 12));
  for (let m = Math.ceil(lo); m <= hi; m += step) ticks.push(m);
  return (
    <svg className="timeline" data-testid="actor-timeline" viewBox={`0 0 ${W} ${H}`} width="100%" role="img">
      {roles.map((r, i) => {
        const span = roleSpan(r);
        const a = span.from ? monthIndex(span.from)! : lo;
        const b = span.to ? monthIndex(span.to)! + 1 : hi;
        return (
          <g key={i}>
            <rect
              data-testid="role-bar"
              data-from={span.from ?? ''}
              data-to={span.to ?? ''}
              x={x(a)}
              y={8 + i * rowH}
              width={Math.max(3, x(b) - x(a))}
              height={rowH - 4}
              rx={3}
              fill="#c9d9ee"
            />
            <text x={x(a) + 4} y={8 + i * rowH + rowH - 8} fontSize={11}>
              {roleTitle(r, lang)}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={W - right} y1={H - 30} y2={H - 30} stroke="#888" />
      {ticks.map((m) => (
        <g key={m}>
          <line x1={x(m)} x2={x(m)} y1={H - 33} y2={H - 27} stroke="#888" />
          <text x={x(m)} y={H - 12} fontSize={10} textAnchor="middle">
            {monthLabel(m)}
          </text>
        </g>
      ))}
      {dated.map((e, i) => (
        <circle
          key={e.id}
          data-testid="timeline-event"
          cx={x(monthIndex(e.date!)!)}
          cy={H - 42 - (i % 4) * 6}
          r={5}
          fill={goldsteinColor(e.goldstein)}
          fillOpacity={0.85}
        >
          <title>{`${e.date} ${e.code} ${ref.codeLabel(e.code)}: ${e.source?.name ?? '—'} → ${e.target?.name ?? '—'}`}</title>
        </circle>
      ))}
    </svg>
  );
}
