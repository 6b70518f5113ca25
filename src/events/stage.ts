// The event stage: code every sentence (coder.ts), date each event (dates.ts), then keep one
// event per act — retellings of the same act (the article and an embedded post telling the same
// call, a meeting told from both sides) collapse into the first statement.
import type { Stage, StageResources } from '../stage.js';
import type { Doc, DocEvent } from '../doc.js';
import { languageAtFast as languageAt } from '../text/intervals.js';
import { compileLexicon, type EventLexicon } from './lexicon.js';
import { codeEvents, type RawEvent, type RefineHit } from './coder.js';
import { createDateResolver, type DateFound, type DateResolver } from './dates.js';

interface Dated extends RawEvent {
  date: string | null;
  dateText: string | null;
  /** the date was only implied (publication day), not stated */
  implied: boolean;
  /** the sentence points back to an act already told (« cet entretien », "the call") */
  anaphoric: boolean;
  /** how many statements tell this act */
  tellings: number;
}

export function createEventStage({ packs, codebook, tokOpts }: StageResources): Stage {
  const lex = compileLexicon(packs, tokOpts);
  const dates = createDateResolver(packs, tokOpts);
  const known = new Set(codebook.all().map((c) => c.code));
  return {
    name: 'events',
    run(doc: Doc) {
      const { events, refines } = codeEvents(doc, lex);
      if (!events.length) {
        doc.events = [];
        return;
      }
      const dated = dropIntentTwins(dateEvents(doc, events, dates, lex));
      const merged = mergeRetellings(dated);
      applyRefines(merged, refines);
      inheritDates(merged);
      doc.events = merged.map((e, i): DocEvent => {
        const s = doc.sentences[e.sentence]!;
        return {
          id: `V${i + 1}`,
          code: known.size === 0 || known.has(e.code) ? e.code : e.pattern.code,
          source: e.source,
          target: e.target,
          date: e.date,
          dateText: e.dateText,
          location: null,
          modality: e.modality,
          evidence: { start: s.start, end: s.end },
          quote: e.quote,
          confidence: Math.max(0.05, Math.min(0.95, e.confidence)),
        };
      });
    },
  };
}

function dateEvents(doc: Doc, events: RawEvent[], dates: DateResolver, lex: EventLexicon): Dated[] {
  const cache = new Map<number, DateFound[]>();
  // per sentence, once: anaphora, past markers
  const anaphora = new Map<number, boolean>();
  const past = new Map<number, boolean>();
  const pastMarked = (si: number): boolean => {
    let v = past.get(si);
    if (v === undefined) past.set(si, (v = dates.pastMarked(doc, si)));
    return v;
  };
  const out: Dated[] = [];
  // the lead's day, read only when an event needs it (chrono is the dearest step here)
  let lead: LeadDay | undefined;
  const leadOf = () => (lead ??= leadDay(doc, dates));
  for (const e of events) {
    const ref = dates.reference(doc, e.trigger.start);
    let found: DateFound | null = null;
    if (ref) {
      let list = cache.get(e.sentence);
      if (!list) {
        const lang = languageAt(doc, e.trigger.start);
        // the lead's dates were read already (same sentence, language and reference: same result)
        const l = e.sentence === 0 ? leadOf().read : null;
        list = l && l.lang === lang && l.ref === ref ? l.list : dates.inSentence(doc, e.sentence, lang, ref);
        cache.set(e.sentence, list);
      }
      // the date expression closest to the trigger
      let bestD = Infinity;
      for (const d of list) {
        const dist = d.end <= e.trigger.start ? e.trigger.start - d.end : d.start >= e.trigger.end ? d.start - e.trigger.end : 0;
        if (dist < bestD) {
          bestD = dist;
          found = d;
        }
      }
    }
    let ana = anaphora.get(e.sentence);
    if (ana === undefined) anaphora.set(e.sentence, (ana = hasAnaphora(doc, e.sentence, lex)));
    const anaphoric = ana && !pastMarked(e.sentence);
    let date = found?.date ?? null;
    // a bare weekday: ahead of the reference for an announced act, else on or before it
    if (found?.ahead && e.modality === 'planned') date = found.ahead;
    let implied = false;
    if (!found && ref?.day && e.modality === 'asserted' && !anaphoric && !pastMarked(e.sentence)) {
      // told as just done in an article (or post) dated to the day: the lead's day when it names one
      const day = leadOf().day;
      date = day && ref === day.ref ? day.date : ref.iso;
      implied = true;
    }
    out.push({
      code: e.code,
      pattern: e.pattern,
      source: e.source,
      target: e.target,
      modality: e.modality,
      trigger: e.trigger,
      sentence: e.sentence,
      quote: e.quote,
      confidence: e.confidence,
      intentFrom: e.intentFrom,
      date,
      dateText: found?.text ?? null,
      implied,
      anaphoric,
      tellings: 1,
    });
  }
  return out;
}

/**
 * The day the lead sentence tells ("on Friday" in a Saturday article), when it is shortly before
 * publication: a news article tells its undated acts on that day, not on the day it came out.
 */
function leadDay(doc: Doc, dates: DateResolver): LeadDay {
  const s = doc.sentences[0];
  if (!s) return NO_LEAD;
  const ref = dates.reference(doc, s.start);
  if (!ref?.day || !ref.iso) return NO_LEAD;
  const pubMs = Date.parse(ref.iso);
  const lang = languageAt(doc, s.start);
  const list = dates.inSentence(doc, 0, lang, ref);
  const read = { lang, ref, list };
  for (const d of list) {
    if (!d.date) continue;
    const back = (pubMs - Date.parse(d.date)) / 86_400_000;
    return { day: back > 0 && back <= LEAD_DAYS ? { ref, date: d.date } : null, read };
  }
  return { day: null, read };
}

type Ref = NonNullable<ReturnType<DateResolver['reference']>>;
/** the lead's day, and the date expressions read in the lead (for reuse) */
interface LeadDay {
  day: { ref: Ref; date: string } | null;
  read: { lang: string; ref: Ref; list: DateFound[] } | null;
}
const NO_LEAD: LeadDay = { day: null, read: null };

/** how far before publication a lead's day may lie and still be the article's news day */
const LEAD_DAYS = 3;

/** « a défendu et défendra » tells one act: the intent drops beside the act itself, same actors, same sentence */
function dropIntentTwins(events: Dated[]): Dated[] {
  if (!events.some((e) => e.intentFrom)) return events;
  // the twins are looked for among the events of the same sentence only
  const bySentence = new Map<number, Dated[]>();
  for (const x of events) {
    const list = bySentence.get(x.sentence);
    if (list) list.push(x);
    else bySentence.set(x.sentence, [x]);
  }
  return events.filter(
    (e) =>
      !e.intentFrom ||
      !bySentence.get(e.sentence)!.some((x) => x !== e && !x.intentFrom && x.source === e.source && x.target === e.target && x.code.startsWith(e.intentFrom!)),
  );
}

function hasAnaphora(doc: Doc, si: number, lex: EventLexicon): boolean {
  const s = doc.sentences[si]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (lex.anaphora.matchTokens(doc.tokens, k, s.tokenEnd)) return true;
  return false;
}

const consult = (code: string) => code.startsWith('04');

/** the key of one act: code family and actors (a meeting has no direction) */
function actKey(e: Dated): string {
  const root = e.code.slice(0, 2);
  const s = e.source.id || e.source.name,
    t = e.target.id || e.target.name;
  // a visit to a city is a visit to its country
  if (e.code.startsWith('042') && e.target.country && (e.target.type === 'LOCATION' || e.target.type === 'COUNTRY')) return `042|${s}|@${e.target.country}`;
  if (consult(e.code)) return `04|${[s, t].sort().join('|')}`;
  return `${root}|${s}|${t}`;
}

/** how much a code says: a sub-code says more than its root-level "not specified" code */
function specificity(code: string): number {
  return code.length * 2 + (code.endsWith('0') ? 0 : 1);
}

function mergeRetellings(events: Dated[]): Dated[] {
  const byKey = new Map<string, Dated[]>();
  const out: Dated[] = [];
  // stated dates win over implied ones; the first statement keeps the evidence
  for (const e of events) {
    const key = actKey(e);
    const same = byKey.get(key) ?? [];
    const twin = same.find((x) => !x.date || !e.date || x.date === e.date || x.implied || e.implied);
    if (!twin) {
      same.push(e);
      byKey.set(key, same);
      out.push(e);
      continue;
    }
    if (e.date && (!twin.date || (twin.implied && !e.implied))) {
      twin.date = e.date;
      twin.dateText = e.dateText;
      twin.implied = e.implied;
    }
    if (specificity(e.code) > specificity(twin.code)) twin.code = e.code;
    if (twin.modality !== 'asserted' && e.modality === 'asserted') twin.modality = 'asserted';
    twin.confidence = Math.max(twin.confidence, e.confidence) + 0.05;
    twin.tellings++;
  }
  return out;
}

/**
 * "l'entretien téléphonique" with no actors of its own makes the call it tells a 041: the act of
 * that family told most often before it (the article's main act), else the first one.
 */
function applyRefines(events: Dated[], refines: RefineHit[]): void {
  for (const r of refines) {
    let target: Dated | null = null;
    for (const e of events) {
      if (!e.code.startsWith(r.code.slice(0, 2)) || !e.code.endsWith('0')) continue;
      if (!target || (e.trigger.start <= r.pos && e.tellings > target.tellings)) target = e;
    }
    if (target) target.code = r.code;
  }
}

/** « Durant cet entretien, M. Blinken a salué … »: the act told again takes the date of the meeting */
function inheritDates(events: Dated[]): void {
  for (const e of events) {
    if (e.date || !e.anaphoric) continue;
    let from: Dated | null = null;
    for (const x of events) {
      if (x === e || !consult(x.code) || !x.date) continue;
      if (x.trigger.start <= e.trigger.start || !from) from = x;
    }
    if (from) {
      e.date = from.date;
      e.dateText = from.dateText;
    }
  }
}
