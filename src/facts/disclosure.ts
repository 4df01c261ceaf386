// Derived facts for voluntary disclosure (海关总署公告2023年第127号): windows between violation and
// disclosure, the share of tax or refund affected, and the 12-month repeat test of 第四条.
import { isAfter } from 'date-fns/isAfter';
import { addDays } from 'date-fns/addDays';
import type { DateWindow, DerivedFact } from './types.ts';
import { periodEnd } from './holidays.ts';
import { dateOf, endOfCalendarMonth, isoDay, monthsAfter, periodLastDay, within, yearsAfter } from './periods.ts';

const scope = 'customs-violation' as const;
const dates = ['violationDate', 'disclosureDate'] as const;

/** Runs `test` on the violation and disclosure dates, or gives undefined if either is unknown. */
function onDates(test: (violation: Date, disclosure: Date) => boolean) {
  return (f: Record<string, unknown>) => {
    const violation = dateOf(f.violationDate);
    const disclosure = dateOf(f.disclosureDate);
    return violation && disclosure ? test(violation, disclosure) : undefined;
  };
}

const disclose = { zh: '主动披露', en: 'disclose' };

// The periods of 第一条 (一) and (二), to the day they count to; both end on that day moved off a 法定休假日
// (《民法典》第二百零三条, `periodLastDay`), so "超过六个月" of (二) begins the day after (一)'s moved last day.
const sixMonths = (v: Date) => monthsAfter(v, 6);
const twoYears = (v: Date) => yearsAfter(v, 2);

/**
 * The disclosure dates from `first(violation)` to `last(violation)` make the fact true; for a `period`,
 * `last` is the day the period counts to, and the window ends on it moved off a holiday as compute does.
 */
function disclosureWindow(first: (v: Date) => Date, last: (v: Date) => Date, purpose: DateWindow['purpose'], period?: true): DateWindow {
  return {
    ...(period && { period }),
    input: 'disclosureDate',
    range: (f) => {
      const violation = dateOf(f.violationDate);
      if (!violation) return undefined;
      const from = isoDay(first(violation));
      if (!period) return { from, to: isoDay(last(violation)) };
      const end = periodEnd(isoDay(last(violation)));
      return { from, to: end.day, end };
    },
    act: disclose,
    purpose,
  };
}

/** part / whole as a percentage rounded to 1e-9, so that exactly 30% compares as 30. */
function percent(part: unknown, whole: unknown): number | undefined {
  if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return undefined;
  return Math.round((part / whole) * 100 * 1e9) / 1e9;
}

export const disclosureWindowFacts: DerivedFact[] = [
  {
    name: 'disclosedWithin6Months',
    scope,
    type: 'boolean',
    inputs: dates,
    zh: '自违规行为发生之日起六个月以内主动披露',
    en: 'disclosed within 6 months of the violation',
    compute: onDates((v, d) => within(v, d, periodLastDay(sixMonths(v)))),
    window: disclosureWindow((v) => v, sixMonths, { zh: '自违规行为发生之日起六个月以内', en: 'to stay within 6 months of the violation' }, true),
  },
  {
    name: 'disclosedWithin2Years',
    scope,
    type: 'boolean',
    inputs: dates,
    zh: '自违规行为发生之日起两年以内主动披露',
    en: 'disclosed within 2 years of the violation',
    compute: onDates((v, d) => within(v, d, periodLastDay(twoYears(v)))),
    window: disclosureWindow((v) => v, twoYears, { zh: '自违规行为发生之日起两年以内', en: 'to stay within 2 years of the violation' }, true),
  },
  {
    name: 'disclosedByEndOfViolationMonth',
    scope,
    type: 'boolean',
    inputs: dates,
    zh: '违法违规行为发生当月最后一日24点前主动披露',
    en: 'disclosed before midnight of the last day of the month of the violation',
    compute: onDates((v, d) => within(v, d, endOfCalendarMonth(v))),
    window: disclosureWindow(
      (v) => v,
      (v) => endOfCalendarMonth(v),
      { zh: '违规行为发生当月最后一日24点前', en: 'to stay within the month of the violation' },
    ),
  },
  {
    name: 'disclosedWithin3MonthsAfterViolationMonth',
    scope,
    type: 'boolean',
    inputs: dates,
    zh: '违法违规行为发生当月最后一日24点后3个自然月内主动披露',
    en: 'disclosed after the month of the violation, within the 3 calendar months that follow it',
    compute: onDates((v, d) => isAfter(d, endOfCalendarMonth(v)) && !isAfter(d, endOfCalendarMonth(v, 3))),
    window: disclosureWindow(
      (v) => addDays(endOfCalendarMonth(v), 1),
      (v) => endOfCalendarMonth(v, 3),
      {
        zh: '违规行为发生当月之后3个自然月内',
        en: 'to stay within the 3 calendar months after the month of the violation',
      },
    ),
  },
  {
    name: 'underpaidTaxPercent',
    scope,
    type: 'number',
    inputs: ['underpaidTax', 'taxPayable'],
    zh: '漏缴、少缴税款占应缴纳税款比例（%）',
    en: 'underpaid tax as a percentage of the tax payable',
    compute: (f) => percent(f.underpaidTax, f.taxPayable),
  },
  {
    name: 'excessRefundPercent',
    scope,
    type: 'number',
    inputs: ['possibleExcessRefund', 'refundPayable'],
    zh: '可能多退税款占应退税款比例（%）',
    en: 'possible excess refund as a percentage of the refund due',
    compute: (f) => percent(f.possibleExcessRefund, f.refundPayable),
  },
  {
    name: 'priorSameDisclosureWithin12Months',
    scope,
    type: 'boolean',
    inputs: ['priorDisclosuresOfSameViolation', 'disclosureDate'],
    zh: '一年内（连续12个月）已就同一违规行为主动披露过',
    en: 'the same violation was already disclosed within the 12 months before this disclosure',
    compute: (f) => {
      const disclosure = dateOf(f.disclosureDate);
      if (!disclosure || !Array.isArray(f.priorDisclosuresOfSameViolation)) return undefined;
      return f.priorDisclosuresOfSameViolation.some((iso: string) => {
        const prior = dateOf(iso)!;
        return within(prior, disclosure, monthsAfter(prior, 12));
      });
    },
  },
  {
    name: 'penaltyKind',
    scope,
    type: 'enum',
    values: ['none', 'warning', 'fine'],
    inputs: ['penalty'],
    zh: '处罚种类（无 / 警告 / 罚款）',
    en: 'kind of penalty (none, warning, fine)',
    compute: (f) => (typeof f.penalty === 'number' ? 'fine' : f.penalty),
  },
  {
    name: 'fineAmount',
    scope,
    type: 'number',
    inputs: ['penalty'],
    zh: '罚款金额（元，无罚款为0）',
    en: 'fine in CNY (0 when there is no fine)',
    compute: (f) => (typeof f.penalty === 'number' ? f.penalty : f.penalty === undefined ? undefined : 0),
  },
];
