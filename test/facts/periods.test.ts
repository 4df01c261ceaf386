// dateOf reads a profile's YYYY-MM-DD day itself instead of through date-fns parseISO (for speed): it
// must give the very instant parseISO gives, local midnight, in any time zone a user runs huiqi in,
// including zones whose clocks jumped at midnight (America/Sao_Paulo's summer time began at 00:00).
import { addDays } from 'date-fns/addDays';
import { parseISO } from 'date-fns/parseISO';
import { afterEach, describe, expect, it } from 'vitest';
import { dateOf } from '../../src/facts/periods.ts';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

/** Every day from 1900 to 2100 as YYYY-MM-DD (made in UTC, so independent of the zone under test). */
const days: string[] = [];
for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));

describe('dateOf: a profile day as the instant date-fns parseISO gives', () => {
  // Each zone with its offset from UTC on 2020-07-01 (minutes, as getTimezoneOffset gives it): proof the zone took effect.
  it.each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/Sao_Paulo', 180],
    ['America/Santiago', 240],
    ['Pacific/Apia', -780],
  ] as const)('gives parseISO’s instant for every day of 1900–2100 in %s', (zone, offset) => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2020, 6, 1)).getTimezoneOffset()).toBe(offset);
    const differing = days.filter((day) => dateOf(day)!.getTime() !== parseISO(day).getTime());
    expect(differing).toEqual([]);
  });

  it('leaves what is not a real day to parseISO: 2023-02-29 and 2024-13-01 are invalid, year 0099 is not 1999', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-04-31', '0099-03-01', '2024-3-1', '20240301', '']) {
      const expected = parseISO(text).getTime();
      expect(Number.isNaN(expected) ? Number.isNaN(dateOf(text)!.getTime()) : dateOf(text)!.getTime() === expected, text).toBe(true);
    }
    expect(dateOf('0099-03-01')!.getFullYear()).toBe(99);
    expect(dateOf('2024-02-29')!.getTime()).toBe(addDays(dateOf('2024-02-28')!, 1).getTime());
  });

  it('keeps an unknown date unknown', () => {
    expect(dateOf(undefined)).toBeUndefined();
    expect(dateOf(20240301)).toBeUndefined();
  });
});
