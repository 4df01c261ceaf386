// Unknown facts: json-rules-engine's own verdicts are wrong for them (design notes); ours are
// three-valued, and a missing exclusion fact never makes a rule eligible.
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseProfile } from '../../src/profile/load.ts';
import type { Condition } from '../../src/rules/schema.ts';
import { enterpriseRule } from '../fixtures/rules.ts';

const USCC = '91110000600037341L';
const statusOf = async (conditions: Condition, facts: Record<string, unknown>, evaluator: 'reference' | 'native') => {
  const [result] = await evaluateProfile(parseProfile({ name: 'A', uscc: USCC, ...facts }), [enterpriseRule(conditions)], { asOf: '2024-06-01', evaluator });
  return result!;
};

const notDishonest: Condition = { fact: 'customsCredit', operator: 'notEqual', value: 'dishonest' };

describe('json-rules-engine alone (the pitfall we guard against)', () => {
  it('calls notEqual on a missing fact true', async () => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: { all: [{ fact: 'customsCredit', operator: 'notEqual', value: 'dishonest' }] }, event: { type: 'x' } });
    const { results } = await engine.run({});
    expect(results).toHaveLength(1);
  });
});

describe.each(['reference', 'native'] as const)('%s evaluator', (evaluator) => {
  it('an exclusion on an unknown fact leaves the rule undetermined, not eligible', async () => {
    const r = await statusOf({ all: [notDishonest] }, {}, evaluator);
    expect(r.status).toBe('undetermined');
    expect(r.missingFacts).toEqual(['customsCredit']);
  });

  it('`not` of an unknown fact is unknown', async () => {
    const r = await statusOf({ not: { fact: 'customsCredit', operator: 'equal', value: 'dishonest' } }, {}, evaluator);
    expect(r.status).toBe('undetermined');
  });

  it('`all` with one false child is false even if another is unknown', async () => {
    const r = await statusOf({ all: [{ fact: 'province', operator: 'equal', value: 'chongqing' }, notDishonest] }, { province: 'jiangsu' }, evaluator);
    expect(r.status).toBe('ineligible');
    expect(r.failedConditions.map((c) => c.en)).toEqual(['province is chongqing']);
  });

  it('`any` with one true child is true even if another is unknown', async () => {
    const r = await statusOf({ any: [{ fact: 'province', operator: 'equal', value: 'chongqing' }, notDishonest] }, { province: 'chongqing' }, evaluator);
    expect(r.status).toBe('eligible');
  });

  it('`any` with false and unknown children is unknown and asks only for the unknown fact', async () => {
    const r = await statusOf({ any: [{ fact: 'province', operator: 'equal', value: 'chongqing' }, notDishonest] }, { province: 'jiangsu' }, evaluator);
    expect(r.status).toBe('undetermined');
    expect(r.missingFacts).toEqual(['customsCredit']);
  });

  it('decides once the fact is known', async () => {
    expect((await statusOf({ all: [notDishonest] }, { customsCredit: 'registered' }, evaluator)).status).toBe('eligible');
    expect((await statusOf({ all: [notDishonest] }, { customsCredit: 'dishonest' }, evaluator)).status).toBe('ineligible');
  });

  it('a lone fact at the root works', async () => {
    expect((await statusOf(notDishonest, { customsCredit: 'advanced' }, evaluator)).status).toBe('eligible');
    expect((await statusOf(notDishonest, {}, evaluator)).status).toBe('undetermined');
  });
});

describe('validity window', () => {
  const rule = enterpriseRule({ fact: 'customsCredit', operator: 'equal', value: 'advanced' }, { effective: { from: '2024-01-01', to: '2024-12-31' } });
  const profile = parseProfile({ name: 'A', uscc: USCC, customsCredit: 'advanced' });
  it.each([
    ['2023-12-31', 'not-in-force'],
    ['2024-01-01', 'eligible'],
    ['2024-12-31', 'eligible'],
    ['2025-01-01', 'not-in-force'],
  ])('on %s the rule is %s', async (asOf, status) => {
    const [r] = await evaluateProfile(profile, [rule], { asOf });
    expect(r!.status).toBe(status);
  });
});
