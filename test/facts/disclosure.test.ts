// Boundaries of the derived disclosure facts (海关总署公告2023年第127号), both sides of each.
import { describe, expect, it } from 'vitest';
import { withDerivedFacts } from '../../src/facts/catalog.ts';
import { derivedFacts } from '../../src/facts/derived.ts';

const derive = (facts: Record<string, unknown>) => withDerivedFacts('customs-violation', facts, '2026-01-01');
const window = (violationDate: string, disclosureDate: string) => derive({ violationDate, disclosureDate });

describe('六个月以内 (within 6 months, inclusive)', () => {
  it.each([
    ['2025-03-15', '2025-09-15', true], // a Monday: the period ends on the day it counts to
    ['2025-03-15', '2025-09-16', false],
    ['2023-08-31', '2024-02-29', true], // no 31 February: the month's last day ends the period
    ['2023-08-31', '2024-03-01', false],
    ['2024-08-31', '2025-02-28', true],
    ['2024-08-31', '2025-03-01', false],
    ['2024-03-15', '2024-03-15', true],
  ])('violation %s, disclosure %s → %s', (v, d, expected) => {
    expect(window(v, d).disclosedWithin6Months).toBe(expected);
  });
});

describe('两年以内 (within 2 years, inclusive)', () => {
  it.each([
    ['2022-03-15', '2024-03-15', true],
    ['2022-03-15', '2024-03-16', false],
    ['2024-02-29', '2026-02-28', true],
    ['2024-02-29', '2026-03-01', false],
  ])('violation %s, disclosure %s → %s', (v, d, expected) => {
    expect(window(v, d).disclosedWithin2Years).toBe(expected);
  });
});

// 海关总署公告2023年第127号 第一条: (一) 自违法违规行为发生之日起六个月以内, (二) 超过六个月但在两年以内; the
// last day of a period on a 法定休假日 moves to the day after the holidays (《民法典》第二百零三条), so (一)
// reaches that day and (二) begins after it. Holidays per the State Council notices (chinese-days).
describe("《民法典》第二百零三条: a period's last day on a 法定休假日 moves to the day after the holidays", () => {
  it('a violation on 2025-04-01: the six months end on 2025-10-01 (National Day) and move to 2025-10-09; a disclosure on 2025-10-09 is within (一), one on 2025-10-10 is not and falls in (二)', () => {
    expect(window('2025-04-01', '2025-10-01')).toMatchObject({ disclosedWithin6Months: true, disclosedWithin2Years: true });
    expect(window('2025-04-01', '2025-10-09')).toMatchObject({ disclosedWithin6Months: true, disclosedWithin2Years: true });
    expect(window('2025-04-01', '2025-10-10')).toMatchObject({ disclosedWithin6Months: false, disclosedWithin2Years: true });
  });
  it('a violation on 2024-03-15: the six months end on Sunday 2024-09-15 (中秋, to 09-17) and move to 2024-09-18', () => {
    expect(window('2024-03-15', '2024-09-18').disclosedWithin6Months).toBe(true);
    expect(window('2024-03-15', '2024-09-19').disclosedWithin6Months).toBe(false);
  });
  it('a six-month period counted to a Saturday moves to the Monday (2024-12-14 + 6 months = Saturday 2025-06-14 → 2025-06-16)', () => {
    expect(window('2024-12-14', '2025-06-16').disclosedWithin6Months).toBe(true);
    expect(window('2024-12-14', '2025-06-17').disclosedWithin6Months).toBe(false);
  });
  it('does not move a last day on a weekend day made a working day (调休): 2025-03-28 + 6 months = Sunday 2025-09-28, worked', () => {
    expect(window('2025-03-28', '2025-09-28').disclosedWithin6Months).toBe(true);
    expect(window('2025-03-28', '2025-09-29').disclosedWithin6Months).toBe(false);
  });
  it('a violation on 2023-10-01: the two years end on 2025-10-01 and move to 2025-10-09; a disclosure on 2025-10-10 is beyond (二)', () => {
    expect(window('2023-10-01', '2025-10-09').disclosedWithin2Years).toBe(true);
    expect(window('2023-10-01', '2025-10-10').disclosedWithin2Years).toBe(false);
  });
  it('moves nothing in a year without holiday data: 2098-09-07 + 6 months = Saturday 2099-03-07 ends the period', () => {
    expect(window('2098-09-07', '2099-03-07').disclosedWithin6Months).toBe(true);
    expect(window('2098-09-07', '2099-03-08').disclosedWithin6Months).toBe(false);
  });
  it('the windows the gap analysis and the deadlines plan with end on the same moved day, saying which day was counted', () => {
    const sixMonths = derivedFacts.find((f) => f.name === 'disclosedWithin6Months')!.window!;
    expect(sixMonths.range({ violationDate: '2025-04-01' })).toMatchObject({ from: '2025-04-01', to: '2025-10-09', end: { moved: true, from: '2025-10-01', day: '2025-10-09' } });
    expect(sixMonths.range({ violationDate: '2025-03-15' })).toEqual({ from: '2025-03-15', to: '2025-09-15', end: { moved: false, day: '2025-09-15' } });
  });
  it('does not apply to 当月最后一日24点前, a day the text fixes: a violation in 2025-05 closes 2025-05-31, a Saturday and 端午, unmoved', () => {
    expect(window('2025-05-10', '2025-05-31').disclosedByEndOfViolationMonth).toBe(true);
    expect(window('2025-05-10', '2025-06-02')).toMatchObject({ disclosedByEndOfViolationMonth: false, disclosedWithin3MonthsAfterViolationMonth: true });
    expect(derivedFacts.find((f) => f.name === 'disclosedByEndOfViolationMonth')!.window!.range({ violationDate: '2025-05-10' })).toEqual({ from: '2025-05-10', to: '2025-05-31' });
  });
});

describe('当月最后一日24点前 and 其后3个自然月内', () => {
  it.each([
    ['2024-02-03', '2024-02-29', true, false],
    ['2024-02-03', '2024-03-01', false, true],
    ['2024-01-15', '2024-04-30', false, true],
    ['2024-01-15', '2024-05-01', false, false],
    ['2024-11-30', '2025-02-28', false, true],
    ['2024-11-30', '2025-03-01', false, false],
  ])('violation %s, disclosure %s → same month %s, within 3 months after %s', (v, d, sameMonth, next3) => {
    const f = window(v, d);
    expect(f.disclosedByEndOfViolationMonth).toBe(sameMonth);
    expect(f.disclosedWithin3MonthsAfterViolationMonth).toBe(next3);
  });
});

describe('ratios', () => {
  it('gives exactly 30 for 30% despite floating point', () => {
    expect(derive({ underpaidTax: 0.3, taxPayable: 1 }).underpaidTaxPercent).toBe(30);
    expect(derive({ underpaidTax: 3_000_000, taxPayable: 10_000_000 }).underpaidTaxPercent).toBe(30);
    expect(derive({ possibleExcessRefund: 3, refundPayable: 10 }).excessRefundPercent).toBe(30);
  });
  it('is unknown when the whole is unknown or zero', () => {
    expect(derive({ underpaidTax: 5 })).not.toHaveProperty('underpaidTaxPercent');
    expect(derive({ underpaidTax: 5, taxPayable: 0 })).not.toHaveProperty('underpaidTaxPercent');
  });
});

describe('一年内（连续12个月）second disclosure', () => {
  it.each([
    [['2023-05-10'], '2024-05-10', true],
    [['2023-05-10'], '2024-05-11', false],
    [[], '2024-05-11', false],
    [['2022-01-01', '2024-01-01'], '2024-05-11', true],
  ])('prior %j, this disclosure %s → %s', (prior, disclosureDate, expected) => {
    expect(derive({ priorDisclosuresOfSameViolation: prior, disclosureDate }).priorSameDisclosureWithin12Months).toBe(expected);
  });
  it('is unknown without the record of earlier disclosures', () => {
    expect(derive({ disclosureDate: '2024-05-11' })).not.toHaveProperty('priorSameDisclosureWithin12Months');
  });
});

describe('unknown inputs give unknown facts', () => {
  it('leaves every date window unknown without the disclosure date', () => {
    const f = derive({ violationDate: '2024-01-01' });
    for (const name of ['disclosedWithin6Months', 'disclosedWithin2Years', 'disclosedByEndOfViolationMonth', 'disclosedWithin3MonthsAfterViolationMonth']) {
      expect(f).not.toHaveProperty(name);
    }
  });
  it('splits a penalty into its kind and fine', () => {
    expect(derive({ penalty: 'warning' })).toMatchObject({ penaltyKind: 'warning', fineAmount: 0 });
    expect(derive({ penalty: 1_000_000 })).toMatchObject({ penaltyKind: 'fine', fineAmount: 1_000_000 });
    expect(derive({})).not.toHaveProperty('penaltyKind');
  });
});
