// Search the corpus: full text, actor, country (and counterpart), CAMEO code, dates; counts of
// documents, story events and quotes for the same filters, and the results of one kind.
import { useEffect, useState } from 'react';
import { api, type Page, type DocumentHit, type StoryEvent, type QuoteRow } from '../api';
import { useI18n, type Key } from '../i18n';
import { go, href, useReference, type Route } from '../App';
import { goldsteinColor } from './colors';
import { fmt } from '../format';

const PAGE = 25;

/** an untitled document is named by its first words */
export function firstWords(text: string | null | undefined, n = 8): string | null {
  const words = (text ?? '').replace(/^…/, '').trim().split(/\s+/).filter(Boolean);
  return words.length ? words.slice(0, n).join(' ') + (words.length > n ? '…' : '') : null;
}

const FIELDS = ['text', 'actor', 'country', 'with', 'code', 'from', 'to', 'modality'] as const;
/** which acts the event counts include: asserted ones unless the analyst asks for others */
const MODALITIES = ['', 'all', 'negated', 'hypothetical', 'planned'] as const;
type What = 'documents' | 'events' | 'quotes';

export function SearchView({ route }: { route: Route }) {
  const { t } = useI18n();
  const params = Object.fromEntries(FIELDS.map((f) => [f, route.params.get(f) ?? ''])) as Record<(typeof FIELDS)[number], string>;
  const what = (route.params.get('what') as What) || 'documents';
  const offset = Math.max(0, Number(route.params.get('offset') ?? 0) || 0);
  const [form, setForm] = useState(params);
  const [docs, setDocs] = useState<Page<DocumentHit> | null>(null);
  const [events, setEvents] = useState<Page<StoryEvent> | null>(null);
  const [quotes, setQuotes] = useState<Page<QuoteRow> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = FIELDS.map((f) => params[f]).join('|') + `|${what}|${offset}`;

  useEffect(() => setForm(params), [key]);
  useEffect(() => {
    setError(null);
    const p: Record<string, string | number | undefined> = { limit: PAGE };
    for (const f of FIELDS) if (params[f]) p[f] = params[f];
    if (!p.country) delete p.with;
    const fail = (e: Error) => setError(e.message);
    // the shown kind gets its page; the others only their totals
    const at = (w: What) => ({ ...p, offset: w === what ? offset : 0 });
    api.documents(at('documents')).then(setDocs).catch(fail);
    api.events(at('events')).then(setEvents).catch(fail);
    api.quotes(at('quotes')).then(setQuotes).catch(fail);
  }, [key]);

  const submit = (w: What = what) => go('search', { ...Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() || undefined])), what: w });
  const tab = (w: What, label: Key, page: Page<unknown> | null) => (
    <button type="button" key={w} className={`tab${what === w ? ' active' : ''}`} data-testid={`tab-${w}`} onClick={() => go('search', { ...params, what: w })}>
      {t(label)}{' '}
      <span className="count" data-testid={`count-${w}`}>
        {page ? page.total : '…'}
      </span>
    </button>
  );
  const input = (f: (typeof FIELDS)[number], label: Key, size = 12, placeholder = '') => (
    <label key={f}>
      {t(label)}
      <input data-testid={`search-${f}`} value={form[f]} size={size} placeholder={placeholder} onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
    </label>
  );

  return (
    <div className="search">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {input('text', 'search.text', 24, 'Maroc, ceasefire…')}
        {input('actor', 'search.actor', 16, 'Blinken')}
        {input('country', 'search.country', 12, 'USA, Maroc')}
        {input('with', 'search.with', 12, 'Morocco')}
        {input('code', 'search.code', 4, '04')}
        {input('from', 'search.from', 10, '2023-01')}
        {input('to', 'search.to', 10, '2023-12-31')}
        <label>
          {t('modality')}
          <select data-testid="search-modality" value={form.modality} onChange={(e) => setForm({ ...form, modality: e.target.value })}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {t(m ? (`mod.${m}` as Key) : 'mod.asserted')}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="search-go">
          {t('search.go')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {t('error')}: {error}
        </p>
      )}
      <div className="tabs">
        {tab('documents', 'documents', docs)}
        {tab('events', 'events', events)}
        {tab('quotes', 'quotes', quotes)}
      </div>
      <Pager
        page={what === 'documents' ? docs : what === 'events' ? events : quotes}
        onOffset={(o) => go('search', { ...params, what, offset: o ? String(o) : undefined })}
      />
      <div data-testid="search-results">
        {what === 'documents' &&
          docs &&
          (docs.items.length ? (
            <ul className="hits">
              {docs.items.map((d) => (
                <li key={d.id}>
                  <a href={href(`doc/${d.id}`)} data-testid="doc-link">
                    <strong>{d.title ?? firstWords(d.snippet) ?? d.id}</strong>
                  </a>
                  <span className="meta">
                    {' '}
                    · {d.published ?? '—'} · {(d.language ?? '?').toUpperCase()} · {d.counts.entities} {t('entities').toLowerCase()}, {d.counts.quotes}{' '}
                    {t('quotes').toLowerCase()}, {d.counts.events} {t('events').toLowerCase()}
                  </span>
                  <div className="snippet">{d.snippet}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('search.none')}</p>
          ))}
        {what === 'events' && events && (events.items.length ? <EventTable items={events.items} /> : <p>{t('search.none')}</p>)}
        {what === 'quotes' &&
          quotes &&
          (quotes.items.length ? (
            <ul className="hits">
              {quotes.items.map((q) => (
                <li key={`${q.document}-${q.id}`}>
                  <q>{q.text.length > 240 ? `${q.text.slice(0, 240)}…` : q.text}</q>
                  <div className="meta">
                    {q.speaker ? <a href={href(`actor/${encodeURIComponent(q.speaker.key)}`)}>{q.speaker.name}</a> : t('speaker.none')}
                    {' · '}
                    {q.published ?? '—'} · <a href={href(`doc/${q.document}`)}>{q.title ?? q.document}</a>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('search.none')}</p>
          ))}
      </div>
    </div>
  );
}

/** "26–50 of 120" with previous and next: every result can be reached. */
function Pager({ page, onOffset }: { page: Page<unknown> | null; onOffset(offset: number): void }) {
  const { t, lang } = useI18n();
  if (!page || (page.total <= page.items.length && page.offset === 0))
    return page ? (
      <p className="pager" data-testid="pager">
        {fmt(page.total, lang)} {t('page.results')}
      </p>
    ) : null;
  const first = page.total ? page.offset + 1 : 0,
    last = page.offset + page.items.length;
  return (
    <p className="pager" data-testid="pager">
      <button type="button" data-testid="page-prev" disabled={page.offset === 0} onClick={() => onOffset(Math.max(0, page.offset - page.limit))}>
        ‹ {t('page.prev')}
      </button>{' '}
      <span data-testid="page-range">
        {fmt(first, lang)}–{fmt(last, lang)}
      </span>{' '}
      {t('page.of')} <span data-testid="page-total">{fmt(page.total, lang)}</span>{' '}
      <button type="button" data-testid="page-next" disabled={last >= page.total} onClick={() => onOffset(page.offset + page.limit)}>
        {t('page.next')} ›
      </button>
    </p>
  );
}

/** Story events as a table; a row opens its reports. Shared by Search, Actor, Network and Dyad. */
export function EventTable({ items }: { items: StoryEvent[] }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const [open, setOpen] = useState<string | null>(null);
  const actor = (a: StoryEvent['source']) => (a ? <a href={href(`actor/${encodeURIComponent(a.key)}`)}>{a.name}</a> : '—');
  return (
    <table className="event-table" data-testid="event-table">
      <thead>
        <tr>
          <th>{t('date')}</th>
          <th>{t('code')}</th>
          <th>{t('source')}</th>
          <th>{t('target')}</th>
          <th>{t('goldstein')}</th>
          <th>{t('reports')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => [
          <tr key={e.id} className={`event-row modality-${e.modality}`} data-modality={e.modality} onClick={() => setOpen(open === e.id ? null : e.id)}>
            <td>{e.date ?? '—'}</td>
            <td>
              <span className="code" style={{ borderColor: goldsteinColor(e.goldstein) }}>
                {e.code}
              </span>{' '}
              {ref.codeLabel(e.code)}
              {e.modality !== 'asserted' && (
                <span className="modality" data-testid="event-modality">
                  {' '}
                  [{t(`mod.${e.modality}` as Key)}]
                </span>
              )}
            </td>
            <td>{actor(e.source)}</td>
            <td>{actor(e.target)}</td>
            <td className="num" data-testid="event-goldstein" style={{ color: goldsteinColor(e.goldstein) }}>
              {fmt(e.goldstein, lang)}
            </td>
            <td className="num">{e.numReports}</td>
          </tr>,
          open === e.id ? (
            <tr key={`${e.id}-r`} className="reports">
              <td colSpan={6}>
                <ul>
                  {e.reports.map((r) => (
                    <li key={`${r.document}-${r.event}`}>
                      <a href={href(`doc/${r.document}`)}>{r.title ?? r.document}</a>{' '}
                      <span className="meta">
                        {r.published ?? ''} · {(r.language ?? '?').toUpperCase()} · {t(`mod.${r.modality}` as Key)}
                      </span>
                      <div className="snippet">{r.evidence.text}</div>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ) : null,
        ])}
      </tbody>
    </table>
  );
}
