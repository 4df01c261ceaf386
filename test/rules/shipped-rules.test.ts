// The shipped rules: they load, every rule's quote stands in its seed lines, and every case
// that a rule file carries passes under both evaluators.
import { describe, expect, it } from 'vitest';
import { runCase, uncoveredConditions } from '../../src/cases/cases.ts';
import { defaultSeedsDir, ruleCitationProblems } from '../../src/rules/citations.ts';
import { nextStepProblems } from '../../src/rules/validate.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

const ruleSet = loadRuleSet();
const { rules, catalog } = ruleSet;
const seedsDir = defaultSeedsDir;

describe('the shipped rules', () => {
  it('has rules', () => expect(rules.length).toBeGreaterThan(0));

  it('says for every entitlement whom to go to (handledBy) or why the text names no one (handledByUnstated)', () => {
    expect(nextStepProblems(rules)).toEqual([]);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s quotes its seed verbatim within the cited lines', (_id, rule) => {
    expect(ruleCitationProblems(seedsDir, rule)).toEqual([]);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    it.each(rule.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      for (const evaluator of ['reference', 'native'] as const) {
        const outcome = await runCase(rule, c, evaluator, catalog);
        expect(outcome.problem, `${evaluator} evaluator`).toBeUndefined();
      }
    });

    it('has cases on both sides of every condition', async () => {
      const outcomes = await Promise.all(rule.cases.map((c) => runCase(rule, c, 'native', catalog)));
      expect(uncoveredConditions(outcomes, catalog)).toEqual([]);
    });
  });
}
