// Calendar periods as Chinese law counts them (《民法典》第二百零一、二百零二条): a period of N months
// starts the day after the event, and ends on the day of the end month that corresponds to the start
// date, or on that month's last day when it has no such day. date-fns `addMonths` clamps the same way,
// so 6 months after 2023-08-31 ends on 2024-02-29, and 6 months after 2023-03-15 on 2023-09-15.
// "Within N months" (N个月以内) includes that last day, moved past a 法定休假日 it falls on (第二百零三条,
// `periodLastDay`, ./holidays.ts) where the period is one for an act to be done.
// date-fns one function per import: its index loads all ~300 of its modules, a fifth of a cold start.
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { formatISO } from 'date-fns/formatISO';
import { isAfter } from 'date-fns/isAfter';
import { parseISO } from 'date-fns/parseISO';
import { periodEnd } from './holidays.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Dates are YYYY-MM-DD strings in profiles, read as local midnight as date-fns parseISO reads them;
 * undefined stays undefined. A real day is made directly: parseISO took ~2 µs, and a disclosure's
 * windows read its two dates for each of a dozen derived facts, on every check. Anything else (a day
 * that does not exist, a year before 100, which Date would read as 19xx) is left to parseISO.
 */
export function dateOf(iso: unknown): Date | undefined {
  if (typeof iso !== 'string') return undefined;
  const day = DAY.exec(iso);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    const made = new Date(year, month, date);
    if (year >= 100 && made.getMonth() === month && made.getDate() === date) return made;
  }
  return parseISO(iso);
}
export const isoDay = (date: Date): string => formatISO(date, { representation: 'date' });

/** The last day of the period of `months` months that starts after `start`. */
export const monthsAfter = (start: Date, months: number): Date => addMonths(start, months);
export const yearsAfter = (start: Date, years: number): Date => addYears(start, years);

/**
 * The last day of a period for an act to be done, given the day it counts to (monthsAfter, yearsAfter):
 * that day, or the day after the 法定休假日 it falls on (《民法典》第二百零三条; unmoved in a year without
 * holiday data). Never for a date a document fixes.
 */
export function periodLastDay(counted: Date): Date {
  const end = periodEnd(isoDay(counted));
  return end.moved ? dateOf(end.day)! : counted;
}

/** `date` is on or after `start` and on or before the period's last day. */
export function within(start: Date, date: Date, lastDay: Date): boolean {
  return !isAfter(start, date) && !isAfter(date, lastDay);
}

/** The last day of the month `months` calendar months after the month of `date` (0 = its own month). */
export const endOfCalendarMonth = (date: Date, months = 0): Date => endOfMonth(addMonths(date, months));
