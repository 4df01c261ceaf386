// The compiled fast path: each rule's condition tree is turned once into plain closures that return
// true, false or null (unknown) with the Kleene logic of truth.ts and the operator tests of
// operators.ts. No Promise, no clone, no result tree: only the verdict. Use it where explanations are
// not needed (batch screening); test/engine/differential.test.ts proves its verdicts equal to
// json-rules-engine's (reference.ts) and to the native tree evaluator (native.ts).
import { withDerivedFacts } from '../facts/catalog.ts';
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Condition, Rule, Status } from '../rules/schema.ts';
import { enterpriseFactValues, inForce } from './evaluate.ts';
import { operators } from './operators.ts';
import type { Truth } from './truth.ts';

/** A condition compiled to a function of the facts. */
export type CompiledCondition = (facts: FactValues) => Truth;

export function compileCondition(c: Condition): CompiledCondition {
  if ('fact' in c) {
    const { fact, value } = c;
    const test = operators[c.operator].test;
    // Specialised forms of the commonest tests; each is the operator's own test written inline.
    if (c.operator === 'equal') return (facts) => { const f = facts[fact]; return f === undefined ? null : f === value; };
    if (c.operator === 'notEqual') return (facts) => { const f = facts[fact]; return f === undefined ? null : f !== value; };
    return (facts) => { const f = facts[fact]; return f === undefined ? null : test(f, value); };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (facts) => { const v = inner(facts); return v === null ? null : !v; };
  }
  const children = ('all' in c ? c.all : c.any).map(compileCondition);
  const n = children.length;
  if ('all' in c) {
    return (facts) => {
      let unknown = false;
      for (let i = 0; i < n; i++) {
        const v = children[i]!(facts);
        if (v === false) return false;
        if (v === null) unknown = true;
      }
      return unknown ? null : true;
    };
  }
  return (facts) => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const v = children[i]!(facts);
      if (v === true) return true;
      if (v === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

export interface CompiledRule {
  rule: Rule;
  test: CompiledCondition;
}

/**
 * A rule's status from its conditions' truth: the same decision as `resultFor` in evaluate.ts, using
 * its `inForce`. While the in-force date is unknown a rule is ineligible if its conditions fail,
 * undetermined otherwise.
 */
export function compiledStatus(compiled: CompiledRule, facts: FactValues, asOf: string): Status {
  const force = inForce(compiled.rule, facts, asOf);
  if (force.status === 'not-in-force') return 'not-in-force';
  const value = compiled.test(facts);
  if (force.status === 'unknown') return value === false ? 'ineligible' : 'undetermined';
  return value === true ? 'eligible' : value === false ? 'ineligible' : 'undetermined';
}

/** Rules compiled once, grouped by what they apply to, each group sorted by id (as evaluate.ts sorts). */
export class CompiledRuleSet {
  readonly byScope = new Map<FactScope, CompiledRule[]>();

  constructor(rules: readonly Rule[]) {
    for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
      const list = this.byScope.get(rule.appliesTo) ?? [];
      list.push({ rule, test: compileCondition(rule.conditions) });
      this.byScope.set(rule.appliesTo, list);
    }
  }

  rules(scope: FactScope): readonly CompiledRule[] {
    return this.byScope.get(scope) ?? [];
  }

  /** Every enterprise rule's status, in rule-id order; `facts` must already hold the derived facts. */
  enterpriseStatuses(facts: FactValues, asOf: string): Status[] {
    return this.rules('enterprise').map((r) => compiledStatus(r, facts, asOf));
  }

  /** Every rule's status on a whole profile, in the order `evaluateProfile` returns its results. */
  profileStatuses(profile: Enterprise, asOf: string): { ruleId: string; incidentId?: string; status: Status }[] {
    const enterpriseFacts = withDerivedFacts('enterprise', enterpriseFactValues(profile), asOf);
    const out: { ruleId: string; incidentId?: string; status: Status }[] = this.rules('enterprise').map((r) => ({
      ruleId: r.rule.id,
      status: compiledStatus(r, enterpriseFacts, asOf),
    }));
    for (const incident of profile.incidents) {
      const { id, kind, ...own } = incident;
      const rules = this.rules(kind);
      if (!rules.length) continue;
      const facts = { ...enterpriseFacts, ...withDerivedFacts(kind, own, asOf) };
      for (const r of rules) out.push({ ruleId: r.rule.id, incidentId: id, status: compiledStatus(r, facts, asOf) });
    }
    return out;
  }
}
