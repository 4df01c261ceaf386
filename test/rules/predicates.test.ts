// The rule predicates beside the schema (#8 §2), which the reports, the batch and the gap analysis all
// use: what a rule is when met, whether it is an exclusion, counted in a screening, worth unlocking, and
// what it is worth in money.
import { describe, expect, it } from 'vitest';
import { countedInScreening, isEntitlement, isExclusion, moneyValue, ruleKinds, statusWhenMet, worthUnlocking, type RuleDefinition } from '../../src/rules/schema.ts';

const rule = (kind: RuleDefinition['kind'], extra: Partial<RuleDefinition> = {}) => ({ kind, outcome: { zh: '奖励', en: 'a reward' }, ...extra }) as RuleDefinition;
const low = { confidence: { level: 'low' as const, reason: { zh: '原文数字存疑', en: 'doubtful figure' } } };

describe('rule predicates', () => {
  it('a disqualification is an exclusion: counted in a screening, never an entitlement nor worth unlocking', () => {
    const d = rule('disqualification');
    expect([isExclusion(d), countedInScreening(d), isEntitlement(d), worthUnlocking(d)]).toEqual([true, true, false, false]);
    expect(statusWhenMet(d)).toBe('eligible');
  });

  it.each(['right', 'goal', 'pointer'] as const)('a %s is neither counted in a screening nor worth unlocking', (kind) => {
    const r = rule(kind);
    expect([isExclusion(r), countedInScreening(r), isEntitlement(r), worthUnlocking(r)]).toEqual([false, false, false, false]);
  });

  it('every other kind is an entitlement, counted, and worth unlocking unless it rests on a doubtful figure', () => {
    const entitlements = ruleKinds.filter((k) => !['disqualification', 'right', 'goal', 'pointer'].includes(k));
    expect(entitlements.length).toBeGreaterThan(5);
    for (const kind of entitlements) {
      expect([isExclusion(rule(kind)), countedInScreening(rule(kind)), isEntitlement(rule(kind)), worthUnlocking(rule(kind))], kind).toEqual([false, true, true, true]);
      expect(worthUnlocking(rule(kind, low)), kind).toBe(false);
      expect(statusWhenMet(rule(kind, low)), kind).toBe('undetermined');
    }
  });

  it('money value: the upper CNY figure (yearly too), none for other units or no amount', () => {
    const worth = (amount?: Record<string, unknown>) => moneyValue(rule('subsidy', { outcome: { zh: '奖励', en: 'a reward', ...(amount && { amount }) } } as never));
    expect(worth({ min: 50_000, max: 200_000, unit: 'CNY' })).toBe(200_000);
    expect(worth({ min: 30_000, unit: 'CNY/year' })).toBe(30_000);
    expect(worth({ max: 0, unit: 'CNY' })).toBe(0);
    expect(worth({ max: 50, unit: 'percent' })).toBeUndefined();
    expect(worth()).toBeUndefined();
  });
});
