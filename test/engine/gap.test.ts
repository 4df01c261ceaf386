// The near-miss search: smallest sets of steps that make a rule eligible, and the single changes ranked
// by what they unlock. Fixture rules (test/fixtures/gap) keep the expectations exact; one test checks
// properties over the real catalog and samples.
import { describe, expect, it } from 'vitest';
import { describeStep, gapAnalysis, intersect, nearMiss, satisfies, type Step } from '../../src/engine/gap.ts';
import { operators, type OperatorName } from '../../src/rules/operators.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { profile, resultsFor } from '../fixtures/gap/fixtures.ts';

const constraint = (operator: string, value: unknown, want: boolean) => operators[operator as OperatorName].constraint(value, want);

describe('leaf constraints follow the legal words on both sides of a threshold', () => {
  it.each([
    ['atLeast', 100, 100, true],
    ['atLeast', 100, 99.99, false],
    ['exceeds', 100, 100, false],
    ['exceeds', 100, 100.01, true],
    ['atMost', 100, 100, true],
    ['atMost', 100, 100.01, false],
    ['under', 100, 100, false],
    ['under', 100, 99.99, true],
  ])('%s %s: %s satisfies it: %s', (op, threshold, value, ok) => {
    expect(satisfies(value, constraint(op, threshold, true))).toBe(ok);
    expect(satisfies(value, constraint(op, threshold, false))).toBe(!ok);
  });

  it('turns date operators into inclusive day ranges', () => {
    expect(constraint('before', '2024-03-01', true)).toEqual({ to: '2024-02-29' });
    expect(constraint('after', '2024-02-29', true)).toEqual({ from: '2024-03-01' });
    expect(constraint('onOrBefore', '2024-03-01', false)).toEqual({ from: '2024-03-02' });
  });

  it('finds no value for contradictory needs', () => {
    expect(intersect({ oneOf: ['advanced'] }, { noneOf: ['advanced'] })).toBeUndefined();
    expect(intersect({ min: 10, minInclusive: false }, { max: 10, maxInclusive: true })).toBeUndefined();
    expect(intersect({ from: '2024-01-01', to: '2024-06-30' }, { from: '2024-07-01' })).toBeUndefined();
    expect(intersect({ min: 10, minInclusive: true }, { max: 10, maxInclusive: true })).toEqual({ min: 10, minInclusive: true, max: 10, maxInclusive: true });
  });
});

const words = (steps: Step[]) => steps.map((s) => describeStep(s, 'en')).join(' + ');

describe('gap analysis on fixture rules', () => {
  it('ranks "obtain AEO advanced certification" first for a registered enterprise, with the measures it unlocks and their value', async () => {
    const p = profile({ customsCredit: 'registered', province: 'chongqing', technologyEnterprise: false });
    const gap = gapAnalysis(p, await resultsFor(p, '2024-06-01'), '2024-06-01');
    const top = gap.ranked[0]!;
    expect(describeStep(top.step, 'en')).toBe('obtain AEO advanced certification (高级认证企业)');
    expect(describeStep(top.step, 'zh')).toBe('取得海关高级认证（成为高级认证企业）');
    expect(top.unlocks.map((r) => r.ruleId).sort()).toEqual(['test-2024-1/aeo-chongqing', 'test-2024-1/aeo-or-tech', 'test-2024-1/aeo-reward']);
    expect(top.money).toBe(200000);
  });

  it("never suggests a dishonest enterprise become advanced, nor changing a fact that is not the enterprise's to change", async () => {
    const p = profile({ customsCredit: 'dishonest', province: 'chongqing', technologyEnterprise: false });
    const gap = gapAnalysis(p, await resultsFor(p, '2024-06-01'), '2024-06-01');
    const steps = gap.nearMisses.flatMap((m) => m.options.flat());
    expect(steps.filter((s) => s.fact === 'customsCredit')).toEqual([]);
    expect(steps.filter((s) => s.fact === 'technologyEnterprise')).toEqual([]);
    expect(gap.nearMisses.find((m) => m.result.ruleId === 'test-2024-1/aeo-reward')!.options).toEqual([]);
  });

  it('never suggests reaching a disqualification', async () => {
    const p = profile({ customsCredit: 'registered' });
    const gap = gapAnalysis(p, await resultsFor(p, '2024-06-01'), '2024-06-01');
    expect(gap.nearMisses.map((m) => m.result.ruleId)).not.toContain('test-2024-1/dishonest-exclusion');
  });

  it('never suggests bringing about a situation that does not arise (a false trigger)', async () => {
    const { enterpriseRule } = await import('../fixtures/rules.ts');
    const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' }, { trigger: { fact: 'apportionmentDemanded', operator: 'equal', value: true } });
    const on = async (facts: Record<string, unknown>) => {
      const p = profile(facts);
      return gapAnalysis(p, await resultsFor(p, '2024-06-01', [rule]), '2024-06-01');
    };
    expect((await on({ customsCredit: 'registered', apportionmentDemanded: false })).nearMisses).toEqual([]);
    const inSituation = await on({ customsCredit: 'registered', apportionmentDemanded: true });
    expect(inSituation.ranked.map((u) => describeStep(u.step, 'en'))).toEqual(['obtain AEO advanced certification (高级认证企业)']);
  });

  it('asks for unknown facts rather than changing them, cheapest set first', async () => {
    const p = profile({});
    const results = await resultsFor(p, '2024-06-01');
    const miss = nearMiss(p, results.find((r) => r.ruleId === 'test-2024-1/aeo-or-tech')!, '2024-06-01');
    expect(miss.options.map(words)).toEqual(['confirm: customs credit status (needs: advanced)', 'confirm: a technology-based enterprise (needs: yes)']);
    const notDishonest = nearMiss(p, results.find((r) => r.ruleId === 'test-2024-1/not-dishonest-tech')!, '2024-06-01');
    expect(notDishonest.options.map(words)).toEqual(['confirm: customs credit status (needs: not dishonest) + confirm: a technology-based enterprise (needs: yes)']);
  });

  it("plans a disclosure not yet made by the window's last day, month-end clamped (6 months after 2023-08-31 is 2024-02-29)", async () => {
    const p = profile({}, [{ category: 'tax', violationDate: '2023-08-31', discoveredByCustoms: false }]);
    const results = await resultsFor(p, '2024-01-10');
    const miss = nearMiss(p, results.find((r) => r.ruleId === 'test-2024-1/disclose-within-6-months')!, '2024-01-10');
    expect(miss.options.map(words)).toEqual(['disclose by 2024-02-29 (incident I1)']);
    expect(describeStep(miss.options[0]![0]!, 'zh')).toBe('2024-02-29或之前主动披露（事项 I1）');
  });

  it('《民法典》第二百零三条: plans the disclosure by the moved last day when the six months end on a holiday (2025-04-01 + 6 months = National Day 2025-10-01 → 2025-10-09)', async () => {
    const p = profile({}, [{ category: 'tax', violationDate: '2025-04-01', discoveredByCustoms: false }]);
    const miss = nearMiss(p, (await resultsFor(p, '2025-06-01')).find((r) => r.ruleId === 'test-2024-1/disclose-within-6-months')!, '2025-06-01');
    expect(miss.options.map(words)).toEqual(['disclose by 2025-10-09 (incident I1)']);
    const late = nearMiss(p, (await resultsFor(p, '2025-10-10')).find((r) => r.ruleId === 'test-2024-1/disclose-within-6-months')!, '2025-10-10');
    expect(late.options.flat().some((s) => s.kind === 'plan')).toBe(false);
  });

  it('does not suggest a disclosure made in the past, nor one whose window has closed', async () => {
    const past = profile({}, [{ category: 'tax', violationDate: '2024-03-18', disclosureDate: '2024-11-20', discoveredByCustoms: false }]);
    const r1 = (await resultsFor(past, '2025-01-15')).find((r) => r.ruleId === 'test-2024-1/disclose-within-6-months')!;
    expect(r1.status).toBe('ineligible');
    expect(nearMiss(past, r1, '2025-01-15').options).toEqual([]);

    const planned = profile({}, [{ category: 'tax', violationDate: '2024-03-18', discoveredByCustoms: false }]);
    const r2 = (await resultsFor(planned, '2024-09-19')).find((r) => r.ruleId === 'test-2024-1/disclose-within-6-months')!;
    const steps = nearMiss(planned, r2, '2024-09-19').options.flat();
    expect(steps.some((s) => s.kind === 'plan')).toBe(false);
  });

  it('never plans a category or another record of what happened', async () => {
    const p = profile({}, [{ category: 'statistics', violationDate: '2024-03-18', discoveredByCustoms: false }]);
    const r = (await resultsFor(p, '2024-04-01')).find((x) => x.ruleId === 'test-2024-1/disclose-within-6-months')!;
    expect(nearMiss(p, r, '2024-04-01').options).toEqual([]);
  });

  it('plans the day to apply within a window judged on the evaluation date (advance-ruling extension)', async () => {
    const p = profile({ advanceRulingExpiryDate: '2024-12-31' });
    const r = (await resultsFor(p, '2024-09-01')).find((x) => x.ruleId === 'test-2024-1/extension')!;
    expect(r.status).toBe('ineligible');
    expect(nearMiss(p, r, '2024-09-01').options.map(words)).toEqual(['apply to extend the advance ruling on or after 2024-10-02 and by 2024-12-01']);
    const late = (await resultsFor(p, '2024-12-02')).find((x) => x.ruleId === 'test-2024-1/extension')!;
    expect(nearMiss(p, late, '2024-12-02').options).toEqual([]);
  });
});

describe('gap analysis over the real catalog and samples', () => {
  const ruleSet = loadRuleSet();
  it.each(['samples/aeo-manufacturer-chongqing.yaml', 'samples/dishonest-trader.json', 'samples/incomplete-profile.yaml'])(
    '%s: only possible steps, each credited to a measure it makes eligible',
    async (file) => {
      const p = loadProfile(file);
      const asOf = '2024-09-01';
      const results = await ruleSet.evaluator.evaluateProfile(p, { asOf, evaluator: 'native' });
      const gap = gapAnalysis(p, results, asOf, ruleSet.catalog);
      for (const miss of gap.nearMisses) {
        expect(['ineligible', 'undetermined']).toContain(miss.result.status);
        expect(miss.result.rule.kind).not.toBe('disqualification');
        for (const step of miss.options.flat()) {
          if (step.kind === 'change') expect(ruleSet.catalog.definition(step.fact)?.change, step.fact).toBeDefined();
          if (step.kind === 'plan') expect(step.by === undefined || step.by >= asOf).toBe(true);
          if (step.kind === 'answer') {
            const owner = (step.incidentId === undefined ? p : p.incidents.find((i) => i.id === step.incidentId)) as Record<string, unknown>;
            expect(owner[step.fact], `${step.fact} is asked for only while unknown`).toBeUndefined();
          }
        }
      }
      for (let i = 1; i < gap.ranked.length; i++) {
        const [a, b] = [gap.ranked[i - 1]!, gap.ranked[i]!];
        if ((a.step.kind === 'answer') === (b.step.kind === 'answer')) expect(a.unlocks.length).toBeGreaterThanOrEqual(b.unlocks.length);
      }
      if (p.customsCredit === 'dishonest') expect(gap.ranked.some((u) => u.step.fact === 'customsCredit' && u.step.kind === 'change')).toBe(false);
    },
  );
});

describe('gap analysis offers only entitlements on trusted figures (issue #10)', () => {
  const credit = { fact: 'customsCredit', operator: 'equal', value: 'advanced' } as const;
  const informational = [
    { name: 'advanced', enterprise: { customsCredit: 'advanced' }, expect: 'informational' },
    { name: 'registered', enterprise: { customsCredit: 'registered' }, expect: 'ineligible' },
  ];
  const rules = async () => {
    const { enterpriseRule } = await import('../fixtures/rules.ts');
    const as = (id: string, extra: Record<string, unknown>) => ({ ...enterpriseRule(credit, extra), id: `test-2024-1/${id}` });
    return [
      as('goal', { kind: 'goal', cases: informational }),
      as('pointer', { kind: 'pointer', cases: informational }),
      as('right', { kind: 'right' }),
      as('doubtful', { kind: 'subsidy', confidence: { level: 'low', reason: { zh: '乱码', en: 'garbled' } } }),
      as('exclusion', { kind: 'disqualification', conditions: { fact: 'technologyEnterprise', operator: 'equal', value: true } }),
    ];
  };

  it('never offers a right, a goal, a pointer or a rule on a doubtful figure to unlock, nor a fact that only leads to a disqualification', async () => {
    const p = profile({ customsCredit: 'registered' });
    const fixtures = await rules();
    const gap = gapAnalysis(p, await resultsFor(p, '2024-06-01', fixtures), '2024-06-01');
    expect(gap.nearMisses).toEqual([]);
    expect(gap.ranked).toEqual([]);
    // The same rules as a benefit would be offered: the filter is by kind and confidence, not by accident.
    const benefit = { ...fixtures[0]!, kind: 'benefit' as const };
    const withBenefit = gapAnalysis(p, await resultsFor(p, '2024-06-01', [...fixtures, benefit]), '2024-06-01');
    expect(withBenefit.ranked.map((u) => describeStep(u.step, 'en'))).toEqual(['obtain AEO advanced certification (高级认证企业)']);
    expect(withBenefit.ranked[0]!.unlocks.map((r) => r.ruleId)).toEqual(['test-2024-1/goal']);
  });

  it('never asks to confirm the 高资信企业名单 listing that the bundled list decides from the name', async () => {
    const { enterpriseRule } = await import('../fixtures/rules.ts');
    const listed = enterpriseRule({ fact: 'onChongqingHighCreditList', operator: 'equal', value: true });
    const notListed = profile({ province: 'chongqing' });
    const [result] = await resultsFor(notListed, '2024-06-01', [listed]);
    expect(result!.status).toBe('ineligible');
    const gap = gapAnalysis(notListed, [result!], '2024-06-01');
    expect(gap.nearMisses[0]!.options).toEqual([]);
    expect(gap.ranked).toEqual([]);
    // An enterprise listed since the 2024-05-20 list says so itself, and the rule applies.
    const said = profile({ province: 'chongqing', onChongqingHighCreditList: true });
    expect((await resultsFor(said, '2024-06-01', [listed]))[0]!.status).toBe('eligible');
  });
});

describe('a window dominated by an earlier, better one is never offered as an action (issue #10)', () => {
  it('disclosing within the violation month leads; the 6-month window it lies in adds its measure; the later 3-month window is only a fallback', async () => {
    const p = profile({}, [{ category: 'tax', violationDate: '2024-05-20', discoveredByCustoms: false }]);
    const gap = gapAnalysis(p, await resultsFor(p, '2024-05-25'), '2024-05-25');
    const plans = gap.ranked.filter((u) => u.step.kind === 'plan');
    expect(plans.map((u) => describeStep(u.step, 'en'))).toEqual(['disclose by 2024-05-31 (incident I1)']);
    expect(plans[0]!.unlocks.map((r) => r.ruleId).sort()).toEqual(['test-2024-1/disclose-same-month', 'test-2024-1/disclose-within-6-months']);
    expect(plans[0]!.fallbacks!.map((u) => describeStep(u.step, 'en'))).toEqual([
      'disclose on or after 2024-06-01 and by 2024-08-31 (incident I1)',
      'disclose by 2024-11-20 (incident I1)',
    ]);
  });

  it('once the month has passed, the 3-month window is the action again', async () => {
    const p = profile({}, [{ category: 'statistics', violationDate: '2024-05-20', discoveredByCustoms: false }]);
    const gap = gapAnalysis(p, await resultsFor(p, '2024-06-01'), '2024-06-01');
    expect(gap.ranked.filter((u) => u.step.kind === 'plan').map((u) => describeStep(u.step, 'en'))).toEqual(['disclose by 2024-08-31 (incident I1)']);
  });
});
