// The case runner: statuses and missing facts are checked, and a rule whose cases never put one of its
// conditions on the other side is reported.
import { describe, expect, it } from 'vitest';
import { runCase, uncoveredConditions } from '../../src/cases/cases.ts';
import { enterpriseRule } from '../fixtures/rules.ts';

describe('rule cases', () => {
  // The fixture's cases: an advanced enterprise (eligible) and an unknown one (undetermined).
  const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' });

  it('passes cases whose expected status the engine gives', async () => {
    const outcomes = await Promise.all(rule.cases.map((c) => runCase(rule, c)));
    expect(outcomes.map((o) => o.passed)).toEqual([true, true]);
  });

  it('fails a case with the wrong expectation, saying what it got', async () => {
    const outcome = await runCase(rule, { ...rule.cases[0]!, expect: 'ineligible' });
    expect(outcome.problem).toBe('expected ineligible, got eligible');
  });

  it('reports a condition that no case makes false', async () => {
    const outcomes = await Promise.all(rule.cases.map((c) => runCase(rule, c)));
    expect(uncoveredConditions(outcomes)).toEqual(['customs credit status is advanced is never false in the cases']);
    const withRegistered = [...outcomes, await runCase(rule, { name: 'registered', enterprise: { customsCredit: 'registered' }, expect: 'ineligible' })];
    expect(uncoveredConditions(withRegistered)).toEqual([]);
  });
});
