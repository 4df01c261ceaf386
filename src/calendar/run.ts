// `huiqi calendar <profile | list>`: the due events of one enterprise profile (JSON/YAML) or of every row
// of a list (CSV, XLSX, JSONL, read and validated as `huiqi screen` reads them), as an .ics file or JSON.
// A row with an error is named on stderr and has no events; the other rows are still done.
import type { InputEncoding } from '../io/encoding.ts';
import type { Lang } from '../io/lang.ts';
import { checkOutputPath, writeOutputFile } from '../io/output.ts';
import { loadProfile } from '../profile/load.ts';
import { checkProfile } from '../report/check.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { formatOfName, openList } from '../batch/read.ts';
import { RowScreener } from '../batch/screen.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { calendarText, dueEvents, type DueEvent } from './calendar.ts';

export const calendarFormats = ['ics', 'json'] as const;
export type CalendarFormat = (typeof calendarFormats)[number];

export interface CalendarRun {
  input: string;
  output: string;
  format: CalendarFormat;
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  from?: string;
  to?: string;
  remindDays: number;
  encoding?: InputEncoding;
  stderr?: NodeJS.WritableStream;
}

/** The events of one validated profile. */
export async function profileEvents(profile: Enterprise, o: Pick<CalendarRun, 'rules' | 'asOf' | 'lang' | 'from' | 'to'>): Promise<DueEvent[]> {
  const { results } = await checkProfile(profile, { rules: o.rules, asOf: o.asOf, explain: 'listed' });
  return dueEvents(profile, results, o.asOf, { lang: o.lang, catalog: o.rules.catalog, ...(o.from && { from: o.from }), ...(o.to && { to: o.to }) });
}

/** Writes the calendar; returns the events and the rows left out with their errors. */
export async function runCalendar(o: CalendarRun): Promise<{ events: DueEvent[]; clients: number; errorRows: { row: number; error: string }[] }> {
  const stderr = o.stderr ?? process.stderr;
  if (o.output !== '-') checkOutputPath(o.output);
  const events: DueEvent[] = [];
  const errorRows: { row: number; error: string }[] = [];
  let clients = 0;
  let name: string;
  if (formatOfName(o.input) === undefined) {
    const profile = loadProfile(o.input, { ...(o.encoding && { encoding: o.encoding }), schema: o.rules.profile });
    events.push(...(await profileEvents(profile, o)));
    clients = 1;
    name = profile.name;
  } else {
    const source = await openList(o.input, undefined, { ...(o.encoding && { encoding: o.encoding }), note: (text) => stderr.write(`huiqi: ${text}\n`) });
    const screener = new RowScreener({ rules: o.rules, asOf: o.asOf, lang: o.lang });
    const keyed = source.format === 'jsonl';
    let checked: readonly string[] | undefined;
    for await (const batch of source.batches) {
      for (const raw of batch) {
        if (!keyed && raw.header !== checked) {
          screener.checkHeader(raw.header, o.input);
          checked = raw.header;
        }
        const read = screener.read(raw, keyed);
        if (!read.profile) {
          errorRows.push({ row: raw.row, error: read.errors.join('; ') });
          continue;
        }
        clients++;
        events.push(...(await profileEvents({ ...read.profile }, o)));
      }
    }
    events.sort((a, b) => a.day.localeCompare(b.day) || a.summary.localeCompare(b.summary));
    name = o.lang === 'zh' ? `${clients}家企业` : `${clients} enterprises`;
  }
  const title = o.lang === 'zh' ? `惠企政策期限：${name}` : `Trade-policy deadlines: ${name}`;
  const text = o.format === 'json' ? `${JSON.stringify({ asOf: o.asOf, events }, null, 2)}\n` : calendarText(events, { lang: o.lang, remindDays: o.remindDays, name: title });
  writeOutputFile(o.output, text);
  const lines = [`huiqi calendar: ${o.input}: ${clients} enterprise(s), ${events.length} event(s)${o.output === '-' ? '' : ` written to ${o.output}`}`];
  if (errorRows.length) {
    lines.push(`  rows with errors (no events for them): ${errorRows.length}`);
    for (const e of errorRows.slice(0, 20)) lines.push(`    row ${e.row}: ${e.error}`);
  }
  stderr.write(`${lines.join('\n')}\n`);
  return { events, clients, errorRows };
}

/** `huiqi calendar`: the rule set given (a profile may state facts its rule files declare). */
export function runCalendarCommand(o: CalendarRun) {
  return runCalendar(o);
}
