// A rule's trigger is the situation it speaks to: false puts the rule beside the point, unknown makes
// it situational (its questions are not asked up front), true makes it an ordinary rule.
import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseProfile } from '../../src/profile/load.ts';
import { groupResults } from '../../src/report/groups.ts';
import { enterpriseRule } from '../fixtures/rules.ts';

const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' }, { trigger: { fact: 'province', operator: 'equal', value: 'chongqing' } });
const check = async (facts: Record<string, unknown>) => {
  const [r] = await evaluateProfile(parseProfile({ name: 'A', uscc: '91110000600037341L', ...facts }), [rule], { asOf: '2024-06-01' });
  return { result: r!, groups: groupResults([r!]) };
};

describe('trigger', () => {
  it('is part of the conditions: the rule needs both', async () => {
    expect((await check({ province: 'chongqing', customsCredit: 'advanced' })).result.status).toBe('eligible');
    expect((await check({ province: 'jiangsu', customsCredit: 'advanced' })).result.status).toBe('ineligible');
  });

  it('false: the rule is beside the point, not listed among what does not apply', async () => {
    const { result, groups } = await check({ province: 'jiangsu' });
    expect(result.relevant).toBe(false);
    expect(groups.besideThePoint).toHaveLength(1);
    expect(groups.doesNotApply).toHaveLength(0);
  });

  it('unknown: the rule is situational and its questions wait', async () => {
    const { result, groups } = await check({});
    expect(result.status).toBe('undetermined');
    expect(result.relevant).toBeNull();
    expect(groups.situational).toHaveLength(1);
    expect(groups.questions).toEqual([]);
  });

  it('true: an undetermined rule asks its questions', async () => {
    const { result, groups } = await check({ province: 'chongqing' });
    expect(result.relevant).toBe(true);
    expect(groups.undetermined).toHaveLength(1);
    expect(groups.questions.map((q) => q.fact)).toEqual(['customsCredit']);
  });
});

describe('a rule with a trigger and no other conditions', () => {
  const onlyTrigger = enterpriseRule(undefined as never, { conditions: undefined, trigger: { fact: 'province', operator: 'equal', value: 'chongqing' } });
  const run = async (facts: Record<string, unknown>) =>
    (await evaluateProfile(parseProfile({ name: 'A', uscc: '91110000600037341L', ...facts }), [onlyTrigger], { asOf: '2024-06-01' }))[0]!;

  it('applies when the situation arises and is beside the point otherwise', async () => {
    expect(await run({ province: 'chongqing' })).toMatchObject({ status: 'eligible', relevant: true });
    expect(await run({ province: 'hubei' })).toMatchObject({ status: 'ineligible', relevant: false });
    expect(await run({})).toMatchObject({ status: 'undetermined', relevant: null });
  });
});
