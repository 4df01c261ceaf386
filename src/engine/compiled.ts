// The compiled fast path: each rule's condition tree is turned once into plain closures that return
// true, false or null (unknown) with the Kleene logic of truth.ts and the operator tests of
// operators.ts. No Promise, no clone, no result tree: only the verdict. Use it where explanations are
// not needed (batch screening); test/engine/differential.test.ts proves its verdicts equal to
// json-rules-engine's (reference.ts) and to the native tree evaluator (native.ts).
//
// Facts are read from slots: every fact a rule set names gets an index, and a profile's facts are
// copied into an array once per evaluation, so each condition reads an array element instead of
// looking a key up in an object (the difference is most of the speed with hundreds of rules).
import { withDerivedFacts } from '../facts/catalog.ts';
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Condition, Rule, Status } from '../rules/schema.ts';
import { enterpriseFactValues, inForce } from './evaluate.ts';
import { operators } from './operators.ts';
import type { Truth } from './truth.ts';

/** Fact values by slot; an undefined slot is an unknown fact. */
export type FactSlots = unknown[];
/** A condition compiled to a function of the fact slots. */
export type CompiledCondition = (slots: FactSlots) => Truth;

/** Compiles a condition; `slotOf` gives (and assigns) each fact's slot. */
export function compileCondition(c: Condition, slotOf: (fact: string) => number): CompiledCondition {
  if ('fact' in c) {
    const { value } = c;
    const slot = slotOf(c.fact);
    const test = operators[c.operator].test;
    // Specialised forms of the commonest tests; each is the operator's own test written inline.
    if (c.operator === 'equal') return (s) => { const f = s[slot]; return f === undefined ? null : f === value; };
    if (c.operator === 'notEqual') return (s) => { const f = s[slot]; return f === undefined ? null : f !== value; };
    return (s) => { const f = s[slot]; return f === undefined ? null : test(f, value); };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, slotOf);
    return (s) => { const v = inner(s); return v === null ? null : !v; };
  }
  const children = ('all' in c ? c.all : c.any).map((child) => compileCondition(child, slotOf));
  const n = children.length;
  if (n === 1) return children[0]!; // all/any of one condition is that condition
  if ('all' in c) {
    return (s) => {
      let unknown = false;
      for (let i = 0; i < n; i++) {
        const v = children[i]!(s);
        if (v === false) return false;
        if (v === null) unknown = true;
      }
      return unknown ? null : true;
    };
  }
  return (s) => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const v = children[i]!(s);
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

type Force = ReturnType<typeof inForce>;

/**
 * A rule's status from its in-force state and its conditions' truth: the same decision as
 * `resultFor` in evaluate.ts. While the in-force date is unknown a rule is ineligible if its
 * conditions fail, undetermined otherwise.
 */
export function statusOf(force: Force, value: Truth): Status {
  if (force.status === 'not-in-force') return 'not-in-force';
  if (force.status === 'unknown') return value === false ? 'ineligible' : 'undetermined';
  return value === true ? 'eligible' : value === false ? 'ineligible' : 'undetermined';
}

/** Rules compiled once, grouped by what they apply to, each group sorted by id (as evaluate.ts sorts). */
export class CompiledRuleSet {
  readonly byScope = new Map<FactScope, CompiledRule[]>();
  private readonly slots = new Map<string, number>();
  private readonly used: number[] = [];
  private readonly buffer: FactSlots = [];
  /** In-force state of the rules without a `basis` fact, which depends on the date only; per date. */
  private forceCache = { asOf: '', byRule: new Map<CompiledRule, Force>() };

  constructor(rules: readonly Rule[]) {
    const slotOf = (fact: string) => {
      let slot = this.slots.get(fact);
      if (slot === undefined) this.slots.set(fact, (slot = this.slots.size));
      return slot;
    };
    for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
      const list = this.byScope.get(rule.appliesTo) ?? [];
      list.push({ rule, test: compileCondition(rule.conditions, slotOf) });
      this.byScope.set(rule.appliesTo, list);
    }
    this.buffer = new Array(this.slots.size).fill(undefined);
  }

  rules(scope: FactScope): readonly CompiledRule[] {
    return this.byScope.get(scope) ?? [];
  }

  /** The in-force state, via evaluate.ts's `inForce`; computed once per date for rules without a basis fact. */
  private force(r: CompiledRule, facts: FactValues, asOf: string): Force {
    if (r.rule.effective.basis) return inForce(r.rule, facts, asOf);
    if (this.forceCache.asOf !== asOf) this.forceCache = { asOf, byRule: new Map() };
    let force = this.forceCache.byRule.get(r);
    if (!force) this.forceCache.byRule.set(r, (force = inForce(r.rule, {}, asOf)));
    return force;
  }

  /**
   * The status of every rule of `scope`, in rule-id order, written into `out` (reused across calls).
   * `facts` must already hold the derived facts (withDerivedFacts).
   */
  statuses(scope: FactScope, facts: FactValues, asOf: string, out: Status[] = []): Status[] {
    const rules = this.rules(scope);
    return this.withSlots(facts, (slots) => {
      out.length = rules.length;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i]!;
        const force = this.force(r, facts, asOf);
        out[i] = force.status === 'not-in-force' ? 'not-in-force' : statusOf(force, r.test(slots));
      }
      return out;
    });
  }

  /** The truth of every `scope` rule's conditions, in rule-id order, whether or not the rule is in force. */
  truths(scope: FactScope, facts: FactValues): Truth[] {
    return this.withSlots(facts, (slots) => this.rules(scope).map((r) => r.test(slots)));
  }

  /** Runs `fn` with the facts copied into the slot buffer, and empties the buffer again. */
  private withSlots<T>(facts: FactValues, fn: (slots: FactSlots) => T): T {
    const slots = this.buffer;
    const used = this.used;
    for (const key in facts) {
      const slot = this.slots.get(key);
      if (slot !== undefined && facts[key] !== undefined) {
        slots[slot] = facts[key];
        used.push(slot);
      }
    }
    try {
      return fn(slots);
    } finally {
      for (const slot of used) slots[slot] = undefined;
      used.length = 0;
    }
  }

  /** Every rule's status on a whole profile, in the order `evaluateProfile` returns its results. */
  profileStatuses(profile: Enterprise, asOf: string): { ruleId: string; incidentId?: string; status: Status }[] {
    const enterpriseFacts = withDerivedFacts('enterprise', enterpriseFactValues(profile), asOf);
    const out: { ruleId: string; incidentId?: string; status: Status }[] = [];
    const statuses = this.statuses('enterprise', enterpriseFacts, asOf);
    this.rules('enterprise').forEach((r, i) => out.push({ ruleId: r.rule.id, status: statuses[i]! }));
    for (const incident of profile.incidents) {
      const { id, kind, ...own } = incident;
      const rules = this.rules(kind);
      if (!rules.length) continue;
      const facts = { ...enterpriseFacts, ...withDerivedFacts(kind, own, asOf) };
      const s = this.statuses(kind, facts, asOf);
      rules.forEach((r, i) => out.push({ ruleId: r.rule.id, incidentId: id, status: s[i]! }));
    }
    return out;
  }
}
