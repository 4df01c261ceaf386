// What is due, as a calendar (`huiqi calendar`, the page's 加入日历): every deadline of a measure that
// applies or is undetermined for an enterprise — the windows and validity ends of the deadlines analysis
// (src/engine/deadlines.ts: disclosure windows, a measure's last day in force), the application windows
// and plan ends the rule data gives — as all-day events naming the client, the measures and their
// sources, each with a reminder before it. Written as RFC 5545 by ical-generator (a maintained library:
// escaping, line folding and VALARM are its job, not hand-written text here).
//
// A deadline that ends a period (a window declaring `period`) and falls on a 法定休假日 moves to the day
// after the holidays (《民法典》第二百零三条, src/facts/holidays.ts): the deadlines analysis gives the moved
// day as the engine judges it, and the event says why; any other date (a document's end, an application's
// closing day the text fixes) stays where the text puts it.
import type { FactCatalog } from '../facts/catalog.ts';
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType } from 'ical-generator';
import { deadlines, type Deadline } from '../engine/deadlines.ts';
import type { RuleResult } from '../engine/evaluate.ts';
import type { Lang } from '../io/lang.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { citationText, resultTitle, verdictGroup } from '../report/groups.ts';
import { holidaySource, periodEnd, restDay, type PeriodEnd } from '../facts/holidays.ts';

export type EventKind = 'window' | 'validity' | 'expiry' | 'application' | 'horizon';

export interface DueEvent {
  /** Stable across runs (client, kind, date, measures), so a calendar imported again updates its events. */
  uid: string;
  /** The day of the event (YYYY-MM-DD): the deadline, moved off a holiday where the law moves it. */
  day: string;
  /** The deadline as the text or the period counts it, before any move. */
  lastDay: string;
  kind: EventKind;
  client: { name: string; uscc: string };
  incidentId?: string;
  summary: string;
  description: string;
  /** The measures at stake: rule id, title and citation, and whether it applies or is undetermined. */
  measures: { ruleId: string; title: string; source: string; status: 'applies' | 'undetermined' }[];
  /** Set when 《民法典》第二百零三条 moved the day. */
  moved?: Extract<PeriodEnd, { moved: true }>;
}

/** The words of the events, in one place. */
const words = {
  zh: {
    client: '企业',
    deadline: '期限',
    measures: '涉及的措施',
    applies: '适用',
    undetermined: '待确认',
    source: '依据',
    incident: '事项',
    application: (title: string) => `申请截止：${title}`,
    applicationOpens: (from: string) => `申请自${from}起`,
    horizon: (doc: string, end: string) => `${doc}规划期至${end}`,
    horizonAct: '规划期届满后请向主管部门确认措施是否仍在执行',
    expiry: (doc: string, to: string) => `${doc}有效期至${to}`,
    expiryAct: '在有效期内申请适用',
    remind: (days: number) => `${days}天后到期`,
    moved: (m: Extract<PeriodEnd, { moved: true }>) =>
      `期间最后一日${m.from}是法定休假日（${restNames(m, 'zh')}），依《民法典》第二百零三条“期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日”，顺延至${m.day}。` +
      `假日安排依据${holidaySource.zh}。稳妥起见，可在${m.from}之前办理。`,
    fixed: (day: string, rest: string) => `${day}是法定休假日（${rest}），但该日期由文件确定，不是期间的最后一日，不顺延（《民法典》第二百零三条只顺延期间）。`,
    noData: (year: number) => `尚无${year}年的节假日安排数据，未作顺延；如该日为法定休假日，请核对国务院办公厅当年的节假日安排通知（《民法典》第二百零三条）。`,
    note: '本日历依据所列政策原文及企业提供的信息自动生成，仅供参考；最终以主管部门认定为准。',
  },
  en: {
    client: 'Enterprise',
    deadline: 'Deadline',
    measures: 'Measures at stake',
    applies: 'applies',
    undetermined: 'undetermined',
    source: 'source',
    incident: 'incident',
    application: (title: string) => `Applications close: ${title}`,
    applicationOpens: (from: string) => `applications open from ${from}`,
    horizon: (doc: string, end: string) => `plan period of ${doc} ends ${end}`,
    horizonAct: 'after the plan period, confirm with the office that the measures still run',
    expiry: (doc: string, to: string) => `${doc} in force until ${to}`,
    expiryAct: 'apply while it is in force',
    remind: (days: number) => `due in ${days} days`,
    moved: (m: Extract<PeriodEnd, { moved: true }>) =>
      `The period's last day, ${m.from}, is a public holiday or rest day (${restNames(m, 'en')}); under Article 203 of the Civil Code ` +
      `("where the last day of a period is a statutory holiday, the day after the holiday ends is the last day") it moves to ${m.day}. ` +
      `Holidays as set by ${holidaySource.en}. To be safe, act before ${m.from}.`,
    fixed: (day: string, rest: string) =>
      `${day} is a public holiday or rest day (${rest}), but the date is fixed by the document, not the last day of a period: it does not move (Article 203 of the Civil Code moves periods only).`,
    noData: (year: number) =>
      `No holiday data for ${year} yet: not moved; should the day be a public holiday, check that year's State Council notice (Article 203 of the Civil Code).`,
    note: 'Generated from the cited policy texts and the information the enterprise provided; for reference only. The competent authority decides.',
  },
} as const;

function restNames(m: Extract<PeriodEnd, { moved: true }>, lang: Lang): string {
  const names = [...new Set(m.restDays.map((d) => d[lang]))];
  const last = m.restDays[m.restDays.length - 1]!.day;
  return lang === 'zh' ? `${names.join('、')}，至${last}` : `${names.join(', ')}, to ${last}`;
}

const uidOf = (...parts: string[]) => `${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}@huiqi`;

/** Results that apply or are undetermined: the measures a calendar is about. */
function atStake(r: RuleResult): 'applies' | 'undetermined' | undefined {
  const group = verdictGroup(r);
  return group === 'applies' || group === 'undetermined' ? group : undefined;
}

export interface CalendarOptions {
  lang: Lang;
  /** The facts of the rule set that gave the results (their words); the built-in facts by default. */
  catalog?: FactCatalog;
  /** Only events on or after / on or before these days (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** The events of one checked enterprise, soonest first. */
export function dueEvents(profile: Enterprise, results: readonly RuleResult[], asOf: string, options: CalendarOptions): DueEvent[] {
  const { lang } = options;
  const w = words[lang];
  const client = { name: profile.name, uscc: profile.uscc };
  const events: DueEvent[] = [];
  const measureOf = (r: RuleResult) => ({ ruleId: r.rule.id, title: resultTitle(r, lang), source: citationText(r), status: atStake(r)! });

  const add = (kind: EventKind, lastDay: string, head: string, measures: RuleResult[], extra: { period?: boolean; end?: PeriodEnd; incidentId?: string; lines?: string[] }) => {
    const end: PeriodEnd = extra.end ?? (extra.period ? periodEnd(lastDay) : { moved: false, day: lastDay });
    const notes: string[] = [];
    if (end.moved) notes.push(w.moved(end));
    else if ('unknown' in end && end.unknown) notes.push(w.noData(end.unknown.year));
    else if (!extra.period) {
      const rest = restDay(lastDay);
      if (rest) notes.push(w.fixed(lastDay, rest[lang]));
    }
    const listed = measures.map(measureOf);
    const name = `${client.name}${extra.incidentId !== undefined ? `（${w.incident} ${extra.incidentId}）` : ''}`;
    const description = [
      `${w.client}: ${client.name} (${client.uscc})`,
      `${w.deadline}: ${end.day}${end.moved ? ` (${lastDay} → ${end.day})` : ''} — ${head}`,
      ...(extra.lines ?? []),
      ...notes,
      `${w.measures}:`,
      ...listed.map((m) => `• ${m.title} [${w[m.status]}] — ${w.source}: ${m.source} (${m.ruleId})`),
      '',
      w.note,
    ].join('\n');
    events.push({
      uid: uidOf(client.uscc, kind, lastDay, extra.incidentId ?? '', ...listed.map((m) => m.ruleId)),
      day: end.day,
      lastDay,
      kind,
      client,
      ...(extra.incidentId !== undefined && { incidentId: extra.incidentId }),
      summary: `${name}：${head}`,
      description,
      measures: listed,
      ...(end.moved && { moved: end }),
    });
  };

  // The deadlines analysis: windows (periods where the window says so), validity and expiry ends.
  for (const d of deadlines(profile, results, asOf, options.catalog)) {
    const measures = d.lost.filter((r) => atStake(r));
    if (!measures.length) continue;
    // A period's event keeps the day counted (its uid, "from → to") and falls on the moved day the engine judged by.
    const counted = d.end?.moved ? d.end.from : d.lastDay;
    add(d.kind, counted, headOf(d, lang), measures, {
      ...(d.period && { period: true }),
      ...(d.end && { end: d.end }),
      ...(d.incidentId !== undefined && { incidentId: d.incidentId }),
    });
  }
  // Application windows the rule data gives (dates the text fixes: never moved).
  for (const r of results) {
    const window = r.rule.applicationWindow;
    if (!atStake(r) || !window?.to || window.to < asOf) continue;
    const lines = [
      window[lang] ?? window.zh,
      window.from && window.from > asOf ? w.applicationOpens(window.from) : undefined,
      `${w.source}: ${r.rule.source.docNumber} ${window.source.article ?? r.rule.source.article}「${window.source.quote}」`,
    ].filter((l): l is string => Boolean(l));
    add('application', window.to, w.application(resultTitle(r, lang)), [r], { lines, ...(r.incidentId !== undefined && { incidentId: r.incidentId }) });
  }
  // Plan periods' ends (document.horizon), one event per document.
  const byDocument = new Map<string, RuleResult[]>();
  for (const r of results) {
    const horizon = r.rule.horizon;
    if (!atStake(r) || !horizon || horizon.end < asOf) continue;
    const key = `${r.rule.source.docNumber}\u0000${horizon.end}`;
    byDocument.set(key, [...(byDocument.get(key) ?? []), r]);
  }
  for (const [key, measures] of byDocument) {
    const [doc, end] = key.split('\u0000') as [string, string];
    const horizon = measures[0]!.rule.horizon!;
    add('horizon', end, w.horizon(doc, end), measures, { lines: [w.horizonAct, `${w.source}: ${doc} ${horizon.source.article ?? ''}「${horizon.source.quote}」`] });
  }
  return events
    .filter((e) => (options.from === undefined || e.day >= options.from) && (options.to === undefined || e.day <= options.to))
    .sort((a, b) => a.day.localeCompare(b.day) || a.summary.localeCompare(b.summary));
}

/** The event's head line for a deadline of the deadlines analysis. */
function headOf(d: Deadline, lang: Lang): string {
  const w = words[lang];
  if (d.kind === 'expiry') {
    const doc = d.lost[0]!.rule.source.docNumber;
    return `${w.expiryAct}（${w.expiry(doc, d.lastDay)}）`;
  }
  return lang === 'zh' ? `${d.act.zh}（${d.purpose.zh}）` : `${d.act.en} ${d.purpose.en}`;
}

/** The events as an iCalendar file (RFC 5545), each with a display alarm `remindDays` days before. */
export function calendarText(events: readonly DueEvent[], options: { lang: Lang; remindDays: number; name: string; stamp?: Date }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'huiqi', product: 'huiqi', language: options.lang === 'zh' ? 'ZH' : 'EN' } });
  for (const e of events) {
    const [y, m, d] = e.day.split('-').map(Number) as [number, number, number];
    const event = calendar.createEvent({
      id: e.uid,
      start: new Date(Date.UTC(y, m - 1, d)),
      allDay: true,
      summary: e.summary,
      description: e.description,
      ...(options.stamp && { stamp: options.stamp }),
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: options.remindDays * 86_400, description: `${words[options.lang].remind(options.remindDays)}: ${e.summary}` });
  }
  return calendar.toString();
}
