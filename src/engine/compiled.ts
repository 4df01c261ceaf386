// The compiled fast path: the rules' condition trees are compiled once into plain straight-line
// functions that give each rule's truth (true, false, unknown) with the Kleene logic of truth.ts and the
// operator tests of operators.ts. No Promise, no clone, no result tree: only the verdict. It serves where
// explanations are not needed (batch screening); test/engine/differential.test.ts proves its verdicts
// equal to json-rules-engine's (reference.ts) and to the native tree evaluator's (native.ts).
//
// How: every fact the rules name gets a slot (an array index). Every distinct leaf condition (fact,
// operator, value) of a scope's rules is evaluated once per profile into a leaf table; each rule then
// combines its leaves' entries. Truths are coded 0 = false, 1 = true, 2 = unknown (inside the combiners: 0 false, 1 unknown, 2 true).
// The generated source holds only indices and fixed code: rule values are passed in an array and the
// operator tests are operators.ts's own functions (equal, notEqual, in, notIn written inline as the
// same comparisons), so no text from a rule file ever becomes code.
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Condition, Rule, Status } from '../rules/schema.ts';
import { enterpriseFacts as enterpriseFactsOf, explainedResult, incidentFacts, inForce, statusOf, type RuleResult } from './evaluate.ts';
import { operators, type OperatorName } from '../rules/operators.ts';
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
  /**
   * Indices of the rules listed by the last run, in rule order (the first `listedCount`): those whose
   * code is TRUE, or UNKNOWN with a TRUE trigger (relevance).
   */
  readonly listed: Uint32Array;
  listedCount = 0;
  private readonly ruleFns: ((L: Uint8Array, out: Uint8Array, rel: Uint8Array, nz: Uint32Array, n: number) => number)[];

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

    // Rule combiners, some twenty rules to a function (V8 optimises small functions best). Inside them a
    // truth is ordered false 0 < unknown 1 < true 2, so Kleene logic is arithmetic without branches:
    // all = the least of its children (true if none), any = the greatest (false if none), not x = 2 - x.
    // The leaf table holds this order (unknown = 1); the codes written out are the usual ones.
    const ruleBodies = conditions.map((c, j) => {
      const emit = (node: Condition): string => {
        if ('fact' in node) return `L[${leafOf(node)}]`;
        if ('not' in node) return `(2 - ${emit(node.not)})`;
        const all = 'all' in node;
        const children = (all ? node.all : node.any).map(emit);
        if (children.length === 0) return all ? '2' : '0';
        if (children.length === 1) return children[0]!;
        return `Math.${all ? 'min' : 'max'}(${children.join(', ')})`;
      };
      // A trigger is the first branch of the rule's root `all` (see load.ts); its truth is the rule's relevance.
      let lines: string;
      if (rules[j]!.trigger && 'all' in c) {
        const rest = c.all.slice(1).map(emit);
        lines = `const g = ${emit(c.all[0]!)};\nconst r = ${rest.length ? `Math.min(g, ${rest.join(', ')})` : 'g'};`;
      } else lines = `const g = 2;\nconst r = ${emit(c)};`;
      // Written out as codes (2 -> TRUE 1, 1 -> UNKNOWN 2, 0 -> FALSE 0); listed when true, or unknown with a true trigger.
      return `{\n${lines}\nout[${j}] = r === 1 ? 2 : r >> 1;\nrel[${j}] = g === 1 ? 2 : g >> 1;\nif (r === 2 || (r === 1 && g === 2)) nz[n++] = ${j};\n}`;
    });
    this.ruleFns = [];
    for (let i = 0; i < ruleBodies.length; i += 20) {
      const source = `"use strict";\nreturn function rules(L, out, rel, nz, n) {\n${ruleBodies.slice(i, i + 20).join('\n')}\nreturn n;\n};`;
      this.ruleFns.push(new Function(source)());
    }

    // Leaf evaluators: the table starts all unknown (1); each known slot decides its leaves (true 2, false 0).
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
        return `L[${i}] = (${test}) ? 2 : 0;`;
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
    this.listed = new Uint32Array(conditions.length);
  }

  /** Every rule's truth code for the facts in `slots`; the returned table is reused by the next run. */
  run(slots: FactSlots): Uint8Array {
    const L = this.leafTable;
    L.fill(1); // unknown, in the combiners' order (false 0 < unknown 1 < true 2)
    for (const fn of this.leafFns) fn(slots, L);
    let n = 0;
    for (const fn of this.ruleFns) n = fn(L, this.codes, this.relevance, this.listed, n);
    this.listedCount = n;
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

  /**
   * The rules a `run` lists: those whose code is TRUE, or UNKNOWN with a TRUE trigger (relevance), the
   * only ones that can be eligible or counted as undetermined. Their indices in rule order, in the first
   * `listedCount` entries; the same array is refilled by every run.
   */
  listedIndices(scope: FactScope): Uint32Array {
    return this.programs.get(scope)?.listed ?? new Uint32Array(0);
  }

  /** How many rules of `scope` the last `run` listed (see listedIndices). */
  listedCount(scope: FactScope): number {
    return this.programs.get(scope)?.listedCount ?? 0;
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

  /** The status of every `scope` rule, in rule-id order. `facts` must already hold the derived facts (enterpriseFacts / incidentFacts). */
  statuses(scope: FactScope, facts: FactValues, asOf: string): Status[] {
    const fixed = this.fixedForces(scope, asOf);
    const rules = this.rules(scope);
    return this.withSlots(facts, (slots) => {
      const codes = this.run(scope, slots);
      return rules.map((r, i) => statusOf(r.rule, fixed[i] ?? inForce(r.rule, facts, asOf), truthOf(codes[i]!)));
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

  /**
   * Every rule's result on a whole profile, in the order `evaluateProfile` returns them: the verdict
   * (status, relevance) from the compiled code, the explanation (tree, failed and open conditions, missing
   * facts) from the native evaluator only for the results `explain` picks, equal to evaluateProfile's; the
   * others carry none. For answers that explain a few results and count the rest (huiqi check, the server).
   */
  profileResults(profile: Enterprise, asOf: string, explain: (r: { rule: Rule; status: Status; relevant: Truth }) => boolean): RuleResult[] {
    const out: RuleResult[] = [];
    const scopeResults = (scope: FactScope, facts: FactValues, incidentId?: string) => {
      const rules = this.rules(scope);
      if (!rules.length) return;
      const statuses = this.statuses(scope, facts, asOf);
      const relevance = this.relevance(scope);
      rules.forEach(({ rule }, i) => {
        const status = statuses[i]!;
        const relevant = truthOf(relevance[i]!);
        if (explain({ rule, status, relevant })) out.push(explainedResult(rule, facts, asOf, incidentId));
        // Two literals rather than `...(incidentId !== undefined && { incidentId })`: on Node 20 that
        // spread, once per rule per profile, was a third of a server check's evaluation time.
        else if (incidentId !== undefined) out.push({ ruleId: rule.id, status, incidentId, missingFacts: [], failedConditions: [], openConditions: [], relevant, rule });
        else out.push({ ruleId: rule.id, status, missingFacts: [], failedConditions: [], openConditions: [], relevant, rule });
      });
    };
    const enterpriseFacts = enterpriseFactsOf(profile, asOf);
    scopeResults('enterprise', enterpriseFacts);
    for (const incident of profile.incidents) {
      if (this.rules(incident.kind).length) scopeResults(incident.kind, incidentFacts(enterpriseFacts, incident, asOf), incident.id);
    }
    return out;
  }

  /** Every rule's status on a whole profile, in the order `evaluateProfile` returns its results. */
  profileStatuses(profile: Enterprise, asOf: string): { ruleId: string; incidentId?: string; status: Status }[] {
    const enterpriseFacts = enterpriseFactsOf(profile, asOf);
    const out: { ruleId: string; incidentId?: string; status: Status }[] = [];
    const statuses = this.statuses('enterprise', enterpriseFacts, asOf);
    this.rules('enterprise').forEach((r, i) => out.push({ ruleId: r.rule.id, status: statuses[i]! }));
    for (const incident of profile.incidents) {
      const rules = this.rules(incident.kind);
      if (!rules.length) continue;
      const s = this.statuses(incident.kind, incidentFacts(enterpriseFacts, incident, asOf), asOf);
      rules.forEach((r, i) => out.push({ ruleId: r.rule.id, incidentId: incident.id, status: s[i]! }));
    }
    return out;
  }
}
