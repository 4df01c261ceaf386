// Deadlines at their boundaries: the last day to act is listed up to and including that day, and gone the
// day after; month-end clamping, the month of the violation and the three calendar months after it.
import { describe, expect, it } from 'vitest';
import { deadlines, describeDeadline } from '../../src/engine/deadlines.ts';
import { profile, resultsFor } from '../fixtures/gap/fixtures.ts';

async function deadlinesOn(asOf: string, facts: Record<string, unknown>, incident?: Record<string, unknown>) {
  const p = profile(facts, incident ? [incident] : []);
  return deadlines(p, await resultsFor(p, asOf), asOf);
}
const planned = (violationDate: string) => ({ category: 'tax', violationDate, discoveredByCustoms: false });
const windowFor = (list: Awaited<ReturnType<typeof deadlinesOn>>, ruleId: string) => list.find((d) => d.kind === 'window' && d.lost.some((r) => r.ruleId === ruleId));

describe('disclosure windows', () => {
  it('6 months after 2023-08-31 ends on 2024-02-29, and says so in plain words', async () => {
    const list = await deadlinesOn('2024-01-10', {}, planned('2023-08-31'));
    const d = windowFor(list, 'test-2024-1/disclose-within-6-months')!;
    expect(d.lastDay).toBe('2024-02-29');
    expect(describeDeadline(d, 'en', '2024-01-10')).toBe('disclose by 2024-02-29 to stay within 6 months of the violation (incident I1)');
    expect(describeDeadline(d, 'zh', '2024-01-10')).toBe('2024-02-29或之前主动披露（自违规行为发生之日起六个月以内）（事项 I1）');
  });

  it('is still listed on its last day and gone the day after', async () => {
    expect(windowFor(await deadlinesOn('2024-02-29', {}, planned('2023-08-31')), 'test-2024-1/disclose-within-6-months')?.lastDay).toBe('2024-02-29');
    expect(windowFor(await deadlinesOn('2024-03-01', {}, planned('2023-08-31')), 'test-2024-1/disclose-within-6-months')).toBeUndefined();
  });

  it('6 months after 2025-03-15 end on 2025-09-15 (the corresponding day, a Monday: unmoved)', async () => {
    const d = windowFor(await deadlinesOn('2025-04-01', {}, planned('2025-03-15')), 'test-2024-1/disclose-within-6-months')!;
    expect([d.lastDay, d.end]).toEqual(['2025-09-15', { moved: false, day: '2025-09-15' }]);
  });

  it('《民法典》第二百零三条: 6 months after 2025-04-01 end on National Day 2025-10-01 and move to 2025-10-09: listed to that day, gone the day after', async () => {
    const d = windowFor(await deadlinesOn('2025-06-01', {}, planned('2025-04-01')), 'test-2024-1/disclose-within-6-months')!;
    expect(d.lastDay).toBe('2025-10-09');
    expect(d.end).toMatchObject({ moved: true, from: '2025-10-01', day: '2025-10-09' });
    expect(describeDeadline(d, 'zh', '2025-06-01')).toBe('2025-10-09或之前主动披露（自违规行为发生之日起六个月以内）（事项 I1）');
    expect(windowFor(await deadlinesOn('2025-10-09', {}, planned('2025-04-01')), 'test-2024-1/disclose-within-6-months')?.lastDay).toBe('2025-10-09');
    expect(windowFor(await deadlinesOn('2025-10-10', {}, planned('2025-04-01')), 'test-2024-1/disclose-within-6-months')).toBeUndefined();
  });

  it('the month of the violation ends on its last day, including a leap February', async () => {
    expect(windowFor(await deadlinesOn('2024-01-31', {}, planned('2024-01-31')), 'test-2024-1/disclose-same-month')?.lastDay).toBe('2024-01-31');
    expect(windowFor(await deadlinesOn('2024-02-01', {}, planned('2024-01-31')), 'test-2024-1/disclose-same-month')).toBeUndefined();
    expect(windowFor(await deadlinesOn('2024-02-10', {}, planned('2024-02-05')), 'test-2024-1/disclose-same-month')?.lastDay).toBe('2024-02-29');
  });

  it('the 3 calendar months after the month run from its 1st to the end of the third month', async () => {
    const d = windowFor(await deadlinesOn('2024-01-20', {}, planned('2024-01-15')), 'test-2024-1/disclose-next-3-months')!;
    expect([d.from, d.lastDay]).toEqual(['2024-02-01', '2024-04-30']);
    expect(describeDeadline(d, 'en', '2024-01-20')).toBe(
      'disclose between 2024-02-01 and 2024-04-30 to stay within the 3 calendar months after the month of the violation (incident I1)',
    );
    const nov = windowFor(await deadlinesOn('2024-11-30', {}, planned('2024-11-30')), 'test-2024-1/disclose-next-3-months')!;
    expect([nov.from, nov.lastDay]).toEqual(['2024-12-01', '2025-02-28']);
  });

  it('says what changes after the 6 months: the within-6-months measure is lost', async () => {
    const d = windowFor(await deadlinesOn('2024-04-01', {}, planned('2024-03-15')), 'test-2024-1/disclose-within-6-months')!;
    expect(d.lost.map((r) => r.ruleId)).toEqual(['test-2024-1/disclose-within-6-months']);
  });

  it('lists nothing for a disclosure already made', async () => {
    const list = await deadlinesOn('2024-04-01', {}, { ...planned('2024-03-15'), disclosureDate: '2024-03-20' });
    expect(list.filter((d) => d.incidentId === 'I1')).toEqual([]);
  });
});

describe('validity periods and windows judged on the day one applies', () => {
  it('a measure judged on the disclosure date covers disclosures up to its last day of validity', async () => {
    const list = await deadlinesOn('2025-06-01', {}, planned('2025-05-20'));
    const v = list.find((d) => d.kind === 'validity')!;
    expect(v.lastDay).toBe('2025-10-10');
    expect(describeDeadline(v, 'en', '2025-06-01')).toBe('disclose by 2025-10-10 to be covered by 测试〔2024〕1号 (in force until 2025-10-10) (incident I1)');
    // The 6-month window would end on 2025-11-20, after validity: the measure is gone by then anyway, so
    // only validity is listed for it; the 3-months-after window (to 2025-08-31) comes first.
    expect(windowFor(list, 'test-2024-1/disclose-within-6-months')).toBeUndefined();
    expect(list.map((d) => d.lastDay)).toEqual(['2025-08-31', '2025-10-10']);
  });

  it('advance-ruling extension: apply 30 to 90 days before expiry, listed until the 30th day before', async () => {
    const early = (await deadlinesOn('2024-09-01', { advanceRulingExpiryDate: '2024-12-31' })).find((d) => d.input === '@asOf')!;
    expect([early.from, early.lastDay]).toEqual(['2024-10-02', '2024-12-01']);
    expect(describeDeadline(early, 'en', '2024-09-01')).toBe('apply to extend the advance ruling between 2024-10-02 and 2024-12-01 to apply 30 to 90 days before it expires');
    expect((await deadlinesOn('2024-12-01', { advanceRulingExpiryDate: '2024-12-31' })).find((d) => d.input === '@asOf')?.lastDay).toBe('2024-12-01');
    expect((await deadlinesOn('2024-12-02', { advanceRulingExpiryDate: '2024-12-31' })).find((d) => d.input === '@asOf')).toBeUndefined();
  });

  it('a measure in force until a date that may apply is listed to be used before it expires, through its last day', async () => {
    const { enterpriseRule } = await import('../fixtures/rules.ts');
    const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' }, { effective: { to: '2024-12-31' } });
    const p = profile({ customsCredit: 'advanced' });
    const on = async (asOf: string) => deadlines(p, await resultsFor(p, asOf, [rule]), asOf);
    const d = (await on('2024-12-31'))[0]!;
    expect([d.kind, d.lastDay, d.lost.map((r) => r.ruleId)]).toEqual(['expiry', '2024-12-31', ['test-2024-1/fixture']]);
    expect(describeDeadline(d, 'en', '2024-12-31')).toBe('use or apply for these measures by 2024-12-31 while 测试〔2024〕1号 is in force (until 2024-12-31)');
    expect(await on('2025-01-01')).toEqual([]);
    const registered = profile({ customsCredit: 'registered' });
    expect(deadlines(registered, await resultsFor(registered, '2024-06-01', [rule]), '2024-06-01')).toEqual([]);
  });
});
