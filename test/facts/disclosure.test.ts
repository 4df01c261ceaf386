// Boundaries of the derived disclosure facts (海关总署公告2023年第127号), both sides of each.
import { describe, expect, it } from 'vitest';
import { withDerivedFacts } from '../../src/facts/catalog.ts';

const derive = (facts: Record<string, unknown>) => withDerivedFacts('customs-violation', facts, '2026-01-01');
const window = (violationDate: string, disclosureDate: string) => derive({ violationDate, disclosureDate });

describe('六个月以内 (within 6 months, inclusive)', () => {
  it.each([
    ['2024-03-15', '2024-09-15', true],
    ['2024-03-15', '2024-09-16', false],
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
