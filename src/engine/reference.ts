// The reference semantics: json-rules-engine evaluates the conditions, and we read its result tree
// in three-valued logic. A leaf whose fact was undefined is unknown whatever json-rules-engine made of it
// (its `notEqual` and `not` call a missing fact true); a leaf it skipped is unknown too.
import { Engine, Rule as JreRule } from 'json-rules-engine';
import type { FactValues } from '../facts/types.ts';
import type { Condition, Rule } from '../rules/schema.ts';
import { customReferenceOperators, operators } from '../rules/operators.ts';
import { childConditions, combine, type EvaluatedCondition } from './truth.ts';

/** Our condition as json-rules-engine wants it: operator names mapped, labels dropped. */
function toReference(c: Condition): object {
  if ('all' in c) return { all: c.all.map(toReference) };
  if ('any' in c) return { any: c.any.map(toReference) };
  if ('not' in c) return { not: toReference(c.not) };
  return { fact: c.fact, operator: operators[c.operator].reference, value: c.value };
}

interface ReferenceNode {
  all?: ReferenceNode[];
  any?: ReferenceNode[];
  not?: ReferenceNode;
  factResult?: unknown;
  result?: boolean;
}

function readTree(ours: Condition, theirs: ReferenceNode): EvaluatedCondition {
  if ('fact' in ours) {
    const known = theirs.factResult !== undefined && theirs.result !== undefined;
    return { condition: ours, value: known ? theirs.result! : null, children: [] };
  }
  const theirChildren = theirs.all ?? theirs.any ?? (theirs.not ? [theirs.not] : []);
  const children = childConditions(ours).map((child, i) => readTree(child, theirChildren[i] ?? {}));
  return {
    condition: ours,
    value: combine(
      ours,
      children.map((c) => c.value),
    ),
    children,
  };
}

/** A json-rules-engine holding a set of rules, run once per set of facts. */
export class ReferenceEvaluator {
  private readonly engine = new Engine([], { allowUndefinedFacts: true });
  private readonly byId = new Map<string, Rule>();

  constructor(rules: readonly Rule[]) {
    for (const [name, op] of customReferenceOperators) this.engine.addOperator(name, (fact, value) => op.test(fact, value));
    for (const rule of rules) {
      this.byId.set(rule.id, rule);
      // json-rules-engine wants all/any/not at the root: a lone fact goes inside an `all`.
      const root = 'fact' in rule.conditions ? { all: [toReference(rule.conditions)] } : toReference(rule.conditions);
      this.engine.addRule(new JreRule({ name: rule.id, conditions: root as never, event: { type: rule.id } }));
    }
  }

  /** Every rule's evaluated condition tree, by rule id. */
  async evaluate(facts: FactValues): Promise<Map<string, EvaluatedCondition>> {
    const { results, failureResults } = await this.engine.run({ ...facts });
    const trees = new Map<string, EvaluatedCondition>();
    for (const result of [...results, ...failureResults]) {
      const rule = this.byId.get(result.name as string)!;
      const root = result.conditions as unknown as ReferenceNode;
      trees.set(rule.id, readTree(rule.conditions, 'fact' in rule.conditions ? (root.all?.[0] ?? {}) : root));
    }
    return trees;
  }
}
