// `huiqi calendar <profile | list | folder>`: the due events of one enterprise profile (JSON/YAML), of every
// row of a list (CSV, XLSX, JSONL, read and validated as `huiqi screen` reads them) or of every profile of a
// client folder, as an .ics file or JSON. A row or profile with an error is named on stderr and has no
// events; the others are still done.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputEncoding } from '../io/encoding.ts';
import { InputError } from '../io/input-error.ts';
import type { Lang } from '../io/lang.ts';
import { validateOutputPath, writeOutputFile } from '../io/output.ts';
import { loadProfile } from '../profile/load.ts';
import { evaluateForCheck } from '../report/check.ts';
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
  const { results } = await evaluateForCheck(profile, { rules: o.rules, asOf: o.asOf, explain: 'listed' });
  return dueEvents(profile, results, o.asOf, { lang: o.lang, catalog: o.rules.catalog, ...(o.from && { from: o.from }), ...(o.to && { to: o.to }) });
}

/** Writes the calendar; returns the events and the rows left out with their errors. */
export async function runCalendar(o: CalendarRun): Promise<{ events: DueEvent[]; clients: number; errorRows: { row: number; error: string }[] }> {
  const stderr = o.stderr ?? process.stderr;
  if (o.output !== '-') validateOutputPath(o.output);
  const events: DueEvent[] = [];
  const errorRows: { row: number; error: string }[] = [];
  let clients = 0;
  let name: string;
  const folder = (() => {
    try {
      return statSync(o.input).isDirectory();
    } catch {
      return false;
    }
  })();
  if (folder) {
    // A client folder, as huiqi report reads it: every profile in it; one that cannot be read is named.
    const files = readdirSync(o.input)
      .filter((f) => /\.(ya?ml|json)$/i.test(f))
      .sort();
    if (!files.length) throw new InputError(`${o.input}: no profiles in the folder (files ending .yaml, .yml or .json)`);
    for (const [i, file] of files.entries()) {
      try {
        events.push(...(await profileEvents(loadProfile(join(o.input, file), { ...(o.encoding && { encoding: o.encoding }), schema: o.rules.profile }), o)));
        clients++;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        errorRows.push({ row: i + 1, error: e.message });
      }
    }
    events.sort((a, b) => a.day.localeCompare(b.day) || a.summary.localeCompare(b.summary));
    name = o.lang === 'zh' ? `${clients}家企业` : `${clients} enterprises`;
  } else if (formatOfName(o.input) === undefined) {
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
          screener.validateHeader(raw.header, o.input);
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
    lines.push(`  ${folder ? 'profiles' : 'rows'} with errors (no events for them): ${errorRows.length}`);
    for (const e of errorRows.slice(0, 20)) lines.push(folder ? `    ${e.error}` : `    row ${e.row}: ${e.error}`);
  }
  stderr.write(`${lines.join('\n')}\n`);
  return { events, clients, errorRows };
}

/** `huiqi calendar`: the rule set given (a profile may state facts its rule files declare). */
export function runCalendarCommand(o: CalendarRun) {
  return runCalendar(o);
}
