// 海关总署公告2023年第127号 is in force for disclosures from 2023-10-11 to 2025-10-10 (「本公告有效期自2023年10月11日起至
// 2025年10月10日。」, both days included): a disclosure on either side of the window reads 尚未生效 or 已失效 with
// the day that bounds it, in the page's groups (personResult), in `huiqi check` and in its JSON.
import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { checkReport, checkTable } from '../../src/report/check-report.ts';
import { expiredDocuments, headlineText, personResult } from '../../src/report/groups.ts';
import { loadRules } from '../../src/rules/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { answerBytesOf, checkAnswer } from '../../src/server/check-answer.ts';

const rules = loadRules();
const ASOF = '2026-01-15';

async function disclosedOn(disclosureDate: string) {
  const profile = parseProfile({
    name: '重庆渝兴商贸有限公司',
    uscc: '91500103MA60XK2L1T',
    province: 'chongqing',
    customsCredit: 'registered',
    incidents: [
      {
        id: 'T1',
        kind: 'customs-violation',
        category: 'tax',
        violationDate: '2023-06-01',
        disclosureDate,
        discoveredByCustoms: false,
        correctedInTime: true,
        writtenReport: true,
        underpaidTax: 42000,
        taxPayable: 380000,
      },
    ],
  });
  const results = await evaluateProfile(profile, rules, { asOf: ASOF });
  const own = results.filter((r) => r.incidentId === 'T1');
  return { profile, results, own, person: personResult(own, profile, ASOF) };
}

describe('127号 on both sides of its window (有效期 2023-10-11 至 2025-10-10)', () => {
  it('disclosed on 2025-10-10, the last day: in force, nothing expired', async () => {
    const { person } = await disclosedOn('2025-10-10');
    expect(person.expired).toEqual([]);
    expect(person.applies.length + person.undetermined.length + person.doesNotApply.length).toBeGreaterThan(0);
  });

  it('disclosed on 2025-10-11, the day after: 已失效 on 2025-10-10 with the sentence, no successor, ask customs', async () => {
    const { profile, results, own, person } = await disclosedOn('2025-10-11');
    expect(person.applies).toEqual([]);
    expect(person.undetermined).toEqual([]);
    expect(person.expired.length).toBeGreaterThan(0);
    for (const { window } of person.expired) expect(window).toMatchObject({ side: 'expired', to: '2025-10-10', date: '2025-10-11', basis: 'disclosureDate' });
    expect(headlineText(person, 'zh')).toBe(`适用 0 项 · 待确认 0 项 · 您可以主张的权利 0 项 · 不适用 0 项 · 已失效 ${person.expired.length} 项`);
    expect(expiredDocuments(own, profile, ASOF)).toEqual([
      { docNumber: '海关总署公告2023年第127号', title: expect.any(String), to: '2025-10-10', quote: '本公告有效期自2023年10月11日起至2025年10月10日。', successor: false },
    ]);
    const table = checkTable({ profile, results, asOf: ASOF, lang: 'zh' });
    expect(table).toContain('已于2025-10-10失效（「本公告有效期自2023年10月11日起至2025年10月10日。」）');
    const json = checkReport({ profile, results, asOf: ASOF, lang: 'zh' });
    expect(json.notInForce.filter((n) => n.incidentId === 'T1').every((n) => n.side === 'expired' && n.to === '2025-10-10' && n.date === '2025-10-11')).toBe(true);
    // With all, each result not in force carries its window; the server's answer (bytes kept per rule) says the same.
    const all = checkReport({ profile, results, asOf: ASOF, lang: 'zh', all: true });
    const incidentResult = all.results.find((r) => r.incidentId === 'T1' && r.status === 'not-in-force')!;
    expect(incidentResult.window).toEqual({ side: 'expired', from: '2023-10-11', to: '2025-10-10', date: '2025-10-11', basis: 'disclosureDate' });
    expect(all.results.filter((r) => r.status !== 'not-in-force').every((r) => r.window === undefined)).toBe(true);
    for (const input of [
      { profile, results, asOf: ASOF, lang: 'zh' as const, all: true },
      { profile, results, asOf: ASOF, lang: 'zh' as const },
    ]) {
      expect(answerBytesOf(checkAnswer(input, loadRuleSet())).toString('utf8')).toBe(JSON.stringify(checkReport(input)));
    }
  });

  it('disclosed on 2023-10-10, the day before it began: 尚未生效, from 2023-10-11', async () => {
    const { person } = await disclosedOn('2023-10-10');
    expect(person.expired).toEqual([]);
    expect(person.notYet.length).toBeGreaterThan(0);
    for (const { window } of person.notYet) expect(window).toMatchObject({ side: 'not-yet', from: '2023-10-11', date: '2023-10-10' });
  });

  it('disclosed on 2023-10-11, the first day: in force', async () => {
    const { person } = await disclosedOn('2023-10-11');
    expect(person.notYet).toEqual([]);
    expect(person.expired).toEqual([]);
  });
});
