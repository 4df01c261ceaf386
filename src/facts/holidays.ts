// 法定休假日 (public holidays and rest days) as the State Council's yearly notices set them, from the npm
// package chinese-days (maintained, updated from each year's 国务院办公厅关于部分节假日安排的通知; its data
// file lists the holidays and the weekend days worked instead, 调休). A day is a 法定休假日 when it is a
// holiday, or a Saturday or Sunday not made a working day. For a year the data does not cover nothing is
// said: no date is moved on a guess.
//
// Only periods move (《民法典》第二百零三条): 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日.
// Which deadlines are periods is the caller's to say: a derived date window that declares `period` (the
// disclosure windows of src/facts/disclosure.ts, through periods.ts `periodLastDay`) ends on `periodEnd`'s
// day, in the engine and in the calendar alike; a date the text fixes (an application's closing day, a
// document's end) is never moved.
import { createRequire } from 'node:module';

interface HolidayData {
  /** YYYY-MM-DD → "English name,中文名,days" */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休). */
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayData;
const packageVersion = (createRequire(import.meta.url)('chinese-days/package.json') as { version: string }).version;

/** The years the holiday data covers (each has its notice's holidays). */
export const holidayYears: ReadonlySet<number> = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));

/** Where the data comes from, for the event text. */
export const holidaySource = {
  zh: `国务院办公厅历年节假日安排通知（npm 包 chinese-days ${packageVersion}）`,
  en: `the State Council General Office's yearly holiday notices (npm package chinese-days ${packageVersion})`,
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const utc = (iso: string) => {
  const [, y, m, d] = DAY.exec(iso)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
};
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The holiday's Chinese and English name, or 'weekend', or undefined for a working day; unknown (null) outside the data's years. */
export function restDay(day: string): { zh: string; en: string } | undefined | null {
  if (!holidayYears.has(Number(day.slice(0, 4)))) return null;
  const holiday = data.holidays[day];
  if (holiday) {
    const [en, zh] = holiday.split(',');
    return { zh: zh ?? en ?? '', en: en ?? '' };
  }
  const weekday = utc(day).getUTCDay();
  if ((weekday === 0 || weekday === 6) && !data.workdays[day]) return { zh: weekday === 0 ? '星期日' : '星期六', en: weekday === 0 ? 'Sunday' : 'Saturday' };
  return undefined;
}

export type PeriodEnd = { moved: false; day: string; unknown?: { year: number } } | { moved: true; day: string; from: string; restDays: { day: string; zh: string; en: string }[] };

/**
 * The last day of a period under 《民法典》第二百零三条: `lastDay` if it is a working day; else the day after
 * the rest days that begin with it. Without holiday data for a year on the way, `lastDay` unmoved and the year said.
 */
export function periodEnd(lastDay: string): PeriodEnd {
  const restDays: { day: string; zh: string; en: string }[] = [];
  let day = lastDay;
  for (let i = 0; i < 40; i++) {
    const rest = restDay(day);
    if (rest === null) return { moved: false, day: lastDay, unknown: { year: Number(day.slice(0, 4)) } };
    if (rest === undefined) break;
    restDays.push({ day, ...rest });
    const next = utc(day);
    next.setUTCDate(next.getUTCDate() + 1);
    day = iso(next);
  }
  return restDays.length ? { moved: true, day, from: lastDay, restDays } : { moved: false, day: lastDay };
}
