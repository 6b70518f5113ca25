// One analysed text: segments with their language, entity mentions highlighted by type, quotes
// marked with their speaker, and the events listed; hovering an event highlights its evidence.
import { useMemo, useState, type ReactNode } from 'react';
import type { Analysis } from '../api';
import { useI18n, type Key } from '../i18n';
import { useReference, href } from '../App';
import { goldsteinColor } from './colors';
import { fmt } from '../format';

type A = Analysis;
type Entity = A['entities'][number];

interface Piece {
  start: number;
  end: number;
  entity: Entity | null;
  quotes: string[];
  events: string[];
  /** mentions nested inside this one ("américain" inside "le secrétaire d’Etat américain") */
  children: Piece[];
}

interface M {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * Cut [from, to) into pieces: mentions (never split; a mention inside another is its child;
 * one that crosses another is dropped), and plain runs split at every quote and evidence boundary.
 */
function pieces(a: A, from: number, to: number): Piece[] {
  const mentions: M[] = [];
  for (const e of a.entities)
    for (const m of e.mentions) if (m.start >= from && m.end <= to && m.start < m.end) mentions.push({ start: m.start, end: m.end, entity: e });
  mentions.sort((x, y) => x.start - y.start || y.end - x.end);
  const cuts = new Set<number>([from, to]);
  for (const q of a.quotes) for (const x of [q.start, q.end]) if (x > from && x < to) cuts.add(x);
  for (const v of a.events) for (const x of [v.evidence.start, v.evidence.end]) if (x > from && x < to) cuts.add(x);
  const piece = (s: number, e: number, entity: Entity | null, children: Piece[] = []): Piece => ({
    start: s,
    end: e,
    entity,
    children,
    quotes: a.quotes.filter((q) => q.start <= s && q.end >= e).map((q) => q.id),
    events: a.events.filter((v) => v.evidence.start <= s && v.evidence.end >= e).map((v) => v.id),
  });
  const level = (lo: number, hi: number, ms: M[]): Piece[] => {
    const out: Piece[] = [];
    const plain = (s: number, e: number) => {
      const inner = [...cuts].filter((x) => x > s && x < e).sort((x, y) => x - y);
      let p = s;
      for (const x of [...inner, e]) {
        if (x > p) out.push(piece(p, x, null));
        p = x;
      }
    };
    let pos = lo;
    let i = 0;
    while (i < ms.length) {
      const m = ms[i];
      if (m.start < pos) {
        i++;
        continue;
      } // crosses the previous mention
      const inside: M[] = [];
      let j = i + 1;
      while (j < ms.length && ms[j].start < m.end) {
        if (ms[j].end <= m.end && !(ms[j].start === m.start && ms[j].end === m.end && ms[j].entity === m.entity)) inside.push(ms[j]);
        j++;
      }
      plain(pos, m.start);
      const children = inside.length
        ? level(
            m.start,
            m.end,
            inside.filter((x) => !(x.start === m.start && x.end === m.end)),
          )
        : [];
      out.push(piece(m.start, m.end, m.entity, children.length ? children : []));
      pos = m.end;
      i = j;
    }
    plain(pos, hi);
    return out;
  };
  return level(from, to, mentions);
}

export function AnnotatedText({ text, analysis }: { text: string; analysis: A }) {
  const { t, lang } = useI18n();
  const ref = useReference();
  const [hoverEvent, setHoverEvent] = useState<string | null>(null);
  const [hoverEntity, setHoverEntity] = useState<string | null>(null);
  const entities = useMemo(() => new Map(analysis.entities.map((e) => [e.id, e])), [analysis]);
  const quoteEnds = useMemo(() => new Map(analysis.quotes.map((q) => [q.end, q])), [analysis]);
  const nameOf = (id: string | null) => (id ? (entities.get(id)?.name ?? id) : null);

  const segments = analysis.segments.length
    ? analysis.segments
    : [{ start: 0, end: text.length, kind: 'paragraph' as const, language: analysis.document.language }];

  const renderSegment = (s: A['segments'][number], i: number) => {
    const nodes: ReactNode[] = [];
    const renderPiece = (p: Piece): ReactNode => {
      const cls = [
        p.entity ? `ent ent-${p.entity.type}` : '',
        p.entity && hoverEntity === p.entity.id ? 'ent-focus' : '',
        p.quotes.length ? 'q' : '',
        hoverEvent && p.events.includes(hoverEvent) && !p.children.length ? 'evidence' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const title = p.entity
        ? [p.entity.name, t(`type.${p.entity.type}` as Key), p.entity.role, ref.countryName(p.entity.country)].filter(Boolean).join(' · ')
        : undefined;
      return (
        <span
          key={p.start}
          className={cls || undefined}
          title={title}
          data-entity={p.entity?.id}
          data-type={p.entity?.type}
          data-quote={p.quotes.join(' ') || undefined}
        >
          {p.children.length ? p.children.map(renderPiece) : text.slice(p.start, p.end)}
        </span>
      );
    };
    for (const p of pieces(analysis, s.start, s.end)) {
      nodes.push(renderPiece(p));
      const q = quoteEnds.get(p.end);
      if (q && q.end <= s.end && q.end > s.start) {
        const speaker = nameOf(q.speaker);
        nodes.push(
          <span key={`q${q.id}`} className={`speaker-tag${speaker ? '' : ' none'}`} data-testid={`speaker-${q.id}`} data-speaker={q.speaker ?? ''}>
            {speaker ?? t('speaker.none')}
          </span>,
        );
      }
    }
    return (
      <div key={i} className={`seg seg-${s.kind}`} data-kind={s.kind} data-lang={s.language ?? ''} data-testid="segment">
        <span className="seg-badge" title={t(`seg.${s.kind}` as Key)}>
          {(s.language ?? '?').toUpperCase()}
          {s.kind !== 'paragraph' ? ` · ${t(`seg.${s.kind}` as Key)}` : ''}
        </span>
        <p>{nodes}</p>
      </div>
    );
  };

  const types = [...new Set(analysis.entities.map((e) => e.type))];
  return (
    <div className="annotated">
      <div className="legend">
        {types.map((ty) => (
          <span key={ty} className={`ent ent-${ty}`}>
            {t(`type.${ty}` as Key)} ({analysis.entities.filter((e) => e.type === ty).length})
          </span>
        ))}
        <span className="q">« {t('quotes')} »</span>
      </div>
      <div className="columns">
        <article className="text" data-testid="annotated-text">
          {segments.map(renderSegment)}
        </article>
        <aside className="side">
          <section data-testid="events-list">
            <h3>
              {t('events')} ({analysis.events.length})
            </h3>
            {analysis.events.length ? <p className="hint">{t('hover.evidence')}</p> : <p className="hint">{t('none.events')}</p>}
            <ul className="events">
              {analysis.events.map((v) => (
                <li
                  key={v.id}
                  data-testid={`event-${v.id}`}
                  className={hoverEvent === v.id ? 'on' : ''}
                  onMouseEnter={() => setHoverEvent(v.id)}
                  onMouseLeave={() => setHoverEvent(null)}
                  onFocus={() => setHoverEvent(v.id)}
                  onBlur={() => setHoverEvent(null)}
                  tabIndex={0}
                >
                  <span className="code" style={{ borderColor: goldsteinColor(v.goldstein) }}>
                    {v.code}
                  </span>
                  <span className="label">{ref.codeLabel(v.code)}</span>
                  <div className="who">
                    {nameOf(v.source) ?? '—'} → {nameOf(v.target) ?? '—'}
                  </div>
                  <div className="meta">
                    {v.date ?? '—'}
                    {v.dateText ? ` (« ${v.dateText} »)` : ''} · {t(`mod.${v.modality}` as Key)} · {t('goldstein')} {fmt(v.goldstein, lang)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section data-testid="quotes-list">
            <h3>
              {t('quotes')} ({analysis.quotes.length})
            </h3>
            {!analysis.quotes.length && <p className="hint">{t('none.quotes')}</p>}
            <ul className="quotes">
              {analysis.quotes.map((q) => (
                <li key={q.id}>
                  <q>{q.text.length > 160 ? `${q.text.slice(0, 160)}…` : q.text}</q>
                  <div className="meta">
                    {nameOf(q.speaker) ?? t('speaker.none')}
                    {q.cue ? ` · ${q.cue}` : ''} · {q.kind}
                    {q.channel ? ` · ${q.channel}` : ''} · {(q.language ?? '?').toUpperCase()}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section data-testid="entities-list">
            <h3>
              {t('entities')} ({analysis.entities.length})
            </h3>
            {!analysis.entities.length && <p className="hint">{t('none.entities')}</p>}
            <table className="entities">
              <tbody>
                {analysis.entities.map((e) => (
                  <tr key={e.id} onMouseEnter={() => setHoverEntity(e.id)} onMouseLeave={() => setHoverEntity(null)}>
                    <td>
                      <span className={`ent ent-${e.type}`}>{t(`type.${e.type}` as Key)}</span>
                    </td>
                    <td>
                      {e.actor ? <a href={href(`actor/${encodeURIComponent(e.actor)}`)}>{e.name}</a> : e.name}
                      {e.role ? <div className="meta">{e.role}</div> : null}
                    </td>
                    <td>{e.country ? ref.countryName(e.country) : ''}</td>
                    <td className="num">{e.mentions.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </aside>
      </div>
    </div>
  );
}
