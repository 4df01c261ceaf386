// Our own evaluator of the rule condition syntax: plain synchronous code with the same verdicts as
// json-rules-engine (see reference.ts), proven by test/engine/differential.test.ts.
import type { FactValues } from '../facts/types.ts';
import type { Condition } from '../rules/schema.ts';
import { operators } from '../rules/operators.ts';
import { childConditions, combine, type EvaluatedCondition, type Truth } from './truth.ts';

export function leafTruth(c: Extract<Condition, { fact: string }>, facts: FactValues): Truth {
  const value = facts[c.fact];
  return value === undefined ? null : operators[c.operator].test(value, c.value);
}

export function evaluateCondition(condition: Condition, facts: FactValues): EvaluatedCondition {
  if ('fact' in condition) return { condition, value: leafTruth(condition, facts), children: [] };
  const children = childConditions(condition).map((child) => evaluateCondition(child, facts));
  return {
    condition,
    value: combine(
      condition,
      children.map((c) => c.value),
    ),
    children,
  };
}
