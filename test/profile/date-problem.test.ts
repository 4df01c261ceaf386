// dateProblem counts days without a Date (src/profile/values.ts); it must say what the Date-based check
// it replaced said, for every YYYY-MM-DD text (the only form it is given: readDate's output).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateProblem, YEARS } from '../../src/profile/values.ts';

/** The check as it was: Date.UTC rolls an impossible day over, so a day that changes is not real. */
function byDate(day: string): string | undefined {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'must be a real calendar date';
  if (y < YEARS.min || y > YEARS.max) return `must be in the years ${YEARS.min}–${YEARS.max}`;
  return undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const text = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

describe('dateProblem says what the Date-based check said', () => {
  it('for every month and day of the years at the edges (leap years, 1900, 2000, the YEARS range, years below 100)', () => {
    const years = [0, 1, 4, 99, 100, 104, 400, 1600, 1899, 1900, 1948, 1949, 1950, 1999, 2000, 2004, 2023, 2024, 2098, 2099, 2100, 2400, 9999];
    for (const y of years) for (let m = 0; m <= 99; m++) for (let d = 0; d <= 99; d++) expect(dateProblem(text(y, m, d)), text(y, m, d)).toBe(byDate(text(y, m, d)));
  });

  it('for any YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        expect(dateProblem(text(y, m, d))).toBe(byDate(text(y, m, d)));
      }),
      { numRuns: 20_000 },
    );
  });
});
