import type { Argv, CommandModule } from 'yargs';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { evaluationDate, formatOption, outputOption, profileOptions } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const calendarFormats = ['ics', 'json'] as const;

interface CalendarArgs {
  profile: string;
  asOf?: string;
  format: (typeof calendarFormats)[number];
  lang: Lang;
  rules: string;
  output?: string;
  encoding?: InputEncoding;
  from?: string;
  to?: string;
  remindDays: number;
}

/** A --from/--to day, validated as --as-of is (a bad one is a usage error). */
const day = (value: string | undefined, option: string): string | undefined => {
  if (value === undefined) return undefined;
  try {
    return evaluationDate(value);
  } catch (e) {
    throw new UsageError((e as Error).message.replace('--as-of', option));
  }
};

export const calendarCommand: CommandModule<object, CalendarArgs> = {
  builder: (y) =>
    outputOption(
      formatOption(
        profileOptions(
          y,
          'an enterprise profile (.json/.yaml), a list of enterprises (.csv, .xlsx, .jsonl: one per row, as `huiqi screen` reads it) or a folder of profiles',
          'language of the events',
        ),
        calendarFormats,
        'ics',
        'ics: an iCalendar file (RFC 5545) for Outlook, Apple or Google Calendar; json: the events',
      ),
    )
      .option('from', { type: 'string', describe: 'only events on or after this day, YYYY-MM-DD (default: every deadline still ahead on --as-of)' })
      .option('to', { type: 'string', describe: 'only events on or before this day, YYYY-MM-DD' })
      .option('remind-days', { type: 'number', default: 7, describe: 'the reminder (VALARM) of each event, in days before it' })
      .example('$0 calendar samples/registered-exporter-planning-disclosure.yaml -o due.ics --as-of 2025-06-01', 'the deadlines of one client, to import into a calendar')
      .example('$0 calendar clients.xlsx -o due.ics --from 2026-01-01 --to 2026-06-30 --remind-days 14', 'every client of a list, first half of 2026, reminded two weeks ahead')
      .epilogue(
        "Events: every deadline of a measure that applies or is undetermined (disclosure windows, a measure's last day in force, application windows, " +
          "plan ends), naming the client, the measures and their sources. A period's last day on a public holiday moves to the day after the holidays " +
          "(《民法典》第二百零三条; holidays from the State Council's yearly notices, npm package chinese-days) and the event says so; a date a document " +
          'fixes never moves. A list row with an error is named on stderr and has no events.',
      ) as unknown as Argv<CalendarArgs>,
  handler: async (args) => {
    if (!Number.isInteger(args.remindDays) || args.remindDays < 0) throw new UsageError(`--remind-days must be a whole number of days, 0 or more (got ${args.remindDays})`);
    const from = day(args.from, '--from');
    const to = day(args.to, '--to');
    if (from && to && from > to) throw new UsageError(`--from ${from} comes after --to ${to}`);
    const asOf = evaluationDate(args.asOf);
    const { runCalendarCommand } = await import('../../src/calendar/run.ts');
    const { loadRuleSet } = await import('../../src/ruleset/rule-set.ts');
    await runCalendarCommand({
      input: args.profile,
      output: args.output ?? '-',
      format: args.format,
      rules: loadRuleSet(args.rules),
      asOf,
      lang: args.lang,
      remindDays: args.remindDays,
      ...(from && { from }),
      ...(to && { to }),
      ...(args.encoding && { encoding: args.encoding }),
    });
  },
};
