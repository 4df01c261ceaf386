// The compiled fast path: the rules' condition trees are compiled once into plain straight-line
// functions that give each rule's truth (true, false, unknown) with the Kleene logic of truth.ts and the
// operator tests of operators.ts. No Promise, no clone, no result tree: only the verdict. It serves where
// explanations are not needed (batch screening); test/engine/differential.test.ts proves its verdicts
// equal to json-rules-engine's (reference.ts) and to the native tree evaluator's (native.ts).
//
// How: every fact the rules name gets a slot (an array index). Every distinct leaf condition (fact,
// operator, value) of a scope's rules is evaluated once per profile into a leaf table; each rule then
// combines its leaves' entries. Truths are coded 0 = false, 1 = true, 2 = unknown.
// The generated source holds only indices and fixed code: rule values are passed in an array and the
// operator tests are operators.ts's own functions (equal, notEqual, in, notIn written inline as the
// same comparisons), so no text from a rule file ever becomes code.
import { withDerivedFacts } from '../facts/catalog.ts';
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Condition, Rule, Status } from '../rules/schema.ts';
import { enterpriseFacts as enterpriseFactsOf, inForce, statusOf } from './evaluate.ts';
import { operators, type OperatorName } from './operators.ts';
import type { Truth } from './truth.ts';

/** Fact values by slot; an undefined slot is an unknown fact. */
export type FactSlots = unknown[];

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
const truthOf = (code: number): Truth => (code === UNKNOWN ? null : code === TRUE);

export interface CompiledRule {
  rule: Rule;
  /** Position in its scope's rule list (rule-id order) and in the codes `run` returns. */
  index: number;
}

type Force = ReturnType<typeof inForce>;

interface Leaf {
  slot: number;
  operator: OperatorName;
  value: unknown;
}

/** One scope's rules compiled: leaf evaluators and rule combiners, with their reusable tables. */
class ScopeProgram {
  readonly leafTable: Uint8Array;
  readonly codes: Uint8Array;
  /** Truth code of each rule's trigger (TRUE for a rule without one): whether its situation arises. */
  readonly relevance: Uint8Array;
  private readonly leafFns: ((s: FactSlots, L: Uint8Array) => void)[];
  private readonly ruleFns: ((L: Uint8Array, out: Uint8Array, rel: Uint8Array) => void)[];

  constructor(rules: readonly Rule[], slotOf: (fact: string) => number) {
    const conditions = rules.map((r) => r.conditions);
    const leaves: Leaf[] = [];
    const leafIndex = new Map<string, number>();
    const leafOf = (c: Extract<Condition, { fact: string }>): number => {
      const slot = slotOf(c.fact);
      const key = `${slot}\u0000${c.operator}\u0000${JSON.stringify(c.value)}`;
      let i = leafIndex.get(key);
      if (i === undefined) leafIndex.set(key, (i = leaves.push({ slot, operator: c.operator, value: c.value }) - 1));
      return i;
    };

    // Rule combiners, some twenty rules to a function (V8 optimises small functions best).
    const ruleBodies = conditions.map((c, j) => {
      let n = 0;
      const lines: string[] = [];
      const emit = (node: Condition): string => {
        if ('fact' in node) return `L[${leafOf(node)}]`;
        const t = `t${n++}`;
        if ('not' in node) {
          const inner = emit(node.not);
          lines.push(`const ${t} = ${inner} === 2 ? 2 : 1 - ${inner};`);
          return t;
        }
        // all: false as soon as a child is false, else unknown if a child was unknown, else true; any: the dual.
        const all = 'all' in node;
        const decisive = all ? 0 : 1;
        lines.push(`let ${t} = ${1 - decisive};`, `${t}_: {`);
        for (const child of all ? node.all : node.any) {
          const v = emit(child);
          const x = `x${n++}`;
          lines.push(`const ${x} = ${v};`, `if (${x} === ${decisive}) { ${t} = ${decisive}; break ${t}_; }`, `if (${x} === 2) ${t} = 2;`);
        }
        lines.push('}');
        return t;
      };
      // A trigger is the first branch of the rule's root `all` (see load.ts); its truth is the rule's relevance.
      const trigger = rules[j]!.trigger && 'all' in c ? emit(c.all[0]!) : '1';
      const root = emit(c);
      return `{\n${lines.join('\n')}\nout[${j}] = ${root};\nrel[${j}] = ${trigger};\n}`;
    });
    this.ruleFns = [];
    for (let i = 0; i < ruleBodies.length; i += 20) {
      const source = `"use strict";\nreturn function rules(L, out, rel) {\n${ruleBodies.slice(i, i + 20).join('\n')}\n};`;
      this.ruleFns.push(new Function(source)());
    }

    // Leaf evaluators: the table starts all unknown; each known slot decides its leaves.
    const values: unknown[] = [];
    const tests: ((fact: unknown, value: unknown) => boolean)[] = [];
    const bySlot = new Map<number, number[]>();
    leaves.forEach((leaf, i) => bySlot.set(leaf.slot, [...(bySlot.get(leaf.slot) ?? []), i]));
    const blocks = [...bySlot].map(([slot, indices]) => {
      const lines = indices.map((i) => {
        const { operator, value } = leaves[i]!;
        const k = values.push(value) - 1;
        const test =
          operator === 'equal' ? `f === K[${k}]`
          : operator === 'notEqual' ? `f !== K[${k}]`
          : operator === 'in' ? `K[${k}].includes(f)`
          : operator === 'notIn' ? `!K[${k}].includes(f)`
          : `T[${tests.push(operators[operator].test) - 1}](f, K[${k}])`;
        return `L[${i}] = (${test}) ? 1 : 0;`;
      });
      return `f = s[${slot}];\nif (f !== undefined) {\n${lines.join('\n')}\n}`;
    });
    this.leafFns = [];
    for (let i = 0; i < blocks.length; i += 40) {
      const source = `"use strict";\nreturn function leaves(s, L) {\nlet f;\n${blocks.slice(i, i + 40).join('\n')}\n};`;
      this.leafFns.push(new Function('K', 'T', source)(values, tests));
    }
    this.leafTable = new Uint8Array(leaves.length);
    this.codes = new Uint8Array(conditions.length);
    this.relevance = new Uint8Array(conditions.length);
  }

  /** Every rule's truth code for the facts in `slots`; the returned table is reused by the next run. */
  run(slots: FactSlots): Uint8Array {
    const L = this.leafTable;
    L.fill(UNKNOWN);
    for (const fn of this.leafFns) fn(slots, L);
    for (const fn of this.ruleFns) fn(L, this.codes, this.relevance);
    return this.codes;
  }
}

/** Rules compiled once, grouped by what they apply to, each group sorted by id (as evaluate.ts sorts). */
export class CompiledRuleSet {
  readonly byScope = new Map<FactScope, CompiledRule[]>();
  private readonly slots = new Map<string, number>();
  private readonly programs = new Map<FactScope, ScopeProgram>();
  private readonly buffer: FactSlots;
  /** In-force state of each rule without a `basis` fact, which depends on the date only; per scope, for one date. */
  private forceCache = { asOf: '', byScope: new Map<FactScope, (Force | undefined)[]>() };

  constructor(rules: readonly Rule[]) {
    const slotOf = (fact: string) => {
      let slot = this.slots.get(fact);
      if (slot === undefined) this.slots.set(fact, (slot = this.slots.size));
      return slot;
    };
    for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
      const list = this.byScope.get(rule.appliesTo) ?? [];
      list.push({ rule, index: list.length });
      this.byScope.set(rule.appliesTo, list);
    }
    for (const [scope, list] of this.byScope) this.programs.set(scope, new ScopeProgram(list.map((r) => r.rule), slotOf));
    this.buffer = new Array(this.slots.size).fill(undefined);
  }

  rules(scope: FactScope): readonly CompiledRule[] {
    return this.byScope.get(scope) ?? [];
  }

  /** Number of fact slots; a slot array for `run` has this length. */
  get slotCount(): number {
    return this.slots.size;
  }

  /** The slot of a fact some rule names, or undefined if no rule names it. */
  slotOf(fact: string): number | undefined {
    return this.slots.get(fact);
  }

  /** Truth codes (0 false, 1 true, 2 unknown) of every `scope` rule's conditions, in rule-id order; reused by the next run. */
  run(scope: FactScope, slots: FactSlots): Uint8Array {
    const program = this.programs.get(scope);
    return program ? program.run(slots) : new Uint8Array(0);
  }

  /** Truth codes of every `scope` rule's trigger from the last `run` (TRUE where a rule has none). */
  relevance(scope: FactScope): Uint8Array {
    return this.programs.get(scope)?.relevance ?? new Uint8Array(0);
  }

  /** The in-force state of each `scope` rule whose state depends on the date only (via evaluate.ts's `inForce`); undefined for the others. */
  fixedForces(scope: FactScope, asOf: string): readonly (Force | undefined)[] {
    if (this.forceCache.asOf !== asOf) this.forceCache = { asOf, byScope: new Map() };
    let forces = this.forceCache.byScope.get(scope);
    if (!forces) {
      forces = this.rules(scope).map((r) => (r.rule.effective.basis ? undefined : inForce(r.rule, {}, asOf)));
      this.forceCache.byScope.set(scope, forces);
    }
    return forces;
  }

  /** The status of every `scope` rule, in rule-id order. `facts` must already hold the derived facts (withDerivedFacts). */
  statuses(scope: FactScope, facts: FactValues, asOf: string): Status[] {
    const fixed = this.fixedForces(scope, asOf);
    const rules = this.rules(scope);
    return this.withSlots(facts, (slots) => {
      const codes = this.run(scope, slots);
      return rules.map((r, i) => statusOf(fixed[i] ?? inForce(r.rule, facts, asOf), truthOf(codes[i]!)));
    });
  }

  /** The truth of every `scope` rule's conditions, in rule-id order, whether or not the rule is in force. */
  truths(scope: FactScope, facts: FactValues): Truth[] {
    return this.withSlots(facts, (slots) => Array.from(this.run(scope, slots), truthOf));
  }

  /** Runs `fn` with the facts copied into the slot buffer, and empties the buffer again. */
  private withSlots<T>(facts: FactValues, fn: (slots: FactSlots) => T): T {
    const slots = this.buffer;
    const used: number[] = [];
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
    }
  }

  /** Every rule's status on a whole profile, in the order `evaluateProfile` returns its results. */
  profileStatuses(profile: Enterprise, asOf: string): { ruleId: string; incidentId?: string; status: Status }[] {
    const enterpriseFacts = enterpriseFactsOf(profile, asOf);
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
