// The compiled fast path: the rules' condition trees are compiled once into plain straight-line
// functions that give each rule's truth (true, false, unknown) with the Kleene logic of truth.ts and the
// operator tests of operators.ts. No Promise, no clone, no result tree: only the verdict. It serves where
// explanations are not needed (batch screening); test/engine/differential.test.ts proves its verdicts
// equal to json-rules-engine's (reference.ts) and to the native tree evaluator's (native.ts).
//
// How: every fact the rules name gets a slot (an array index). Every distinct leaf condition (fact,
// operator, value) of a scope's rules is evaluated once per profile into a leaf table; each rule then
// combines its leaves' entries. Truths are coded in their Kleene order, false 0 < unknown 1 < true 2,
// everywhere (leaf table, combiners, the codes `run` returns), so the logic is arithmetic: all = the
// least, any = the greatest, not x = 2 - x.
// The generated source holds only indices and fixed code: rule values are passed in an array and each
// leaf's test is its operator's own code (operators.ts), so no text from a rule file ever becomes code.
// For a list, `screenEnterprise` gives the verdicts themselves (applies, excluded, undetermined), with
// the statuses statusOf gives, for profiles of a shape whose projection onto the slots is generated once.
import { addDerivedFacts } from '../facts/catalog.ts';
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { countedInScreening, isExclusion, statuses, type Condition, type Rule, type Status } from '../rules/schema.ts';
import { enterpriseFactSet, incidentFactSet, inForce, NONE, ProfileEvaluator, statusOf, type RuleResult } from './evaluate.ts';
import { operators, type OperatorName } from '../rules/operators.ts';
import { ProfileShape } from './profile-shape.ts';
import type { Truth } from './truth.ts';

/** Fact values by slot; an undefined slot is an unknown fact. */
export type FactSlots = unknown[];

/** Truth codes, in Kleene order. */
export const FALSE = 0;
export const UNKNOWN = 1;
export const TRUE = 2;
const truthOf = (code: number): Truth => (code === UNKNOWN ? null : code === TRUE);

type Force = ReturnType<typeof inForce>;

/** Each status's position in `statuses`. */
const STATUS_INDEX = Object.fromEntries(statuses.map((s, i) => [s, i])) as Record<Status, number>;

/**
 * What a list screening says of one enterprise, among the rules counted in screening
 * (countedInScreening): rule indices in rule order, in arrays the next screening refills.
 */
export interface ScreeningVerdict {
  /** Entitlements that apply (status eligible). */
  applies: number[];
  /** Disqualifications that apply (isExclusion, status eligible): warnings, never benefits. */
  excluded: number[];
  /** Rules undetermined whose situation (trigger) arises: the ones worth asking about. */
  undetermined: number[];
}

/** A rule's part in a screening, by its status (BY_BASIS: its in-force date is a fact of the profile, decided per profile). */
const NOT_COUNTED = 0;
const APPLIES = 1;
const EXCLUDED = 2;
const UNDETERMINED = 3;
const BY_BASIS = 4;

function screeningPart(rule: Rule, status: Status): number {
  if (!countedInScreening(rule)) return NOT_COUNTED;
  if (status === 'eligible') return isExclusion(rule) ? EXCLUDED : APPLIES;
  return status === 'undetermined' ? UNDETERMINED : NOT_COUNTED;
}

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
  /** Each rule's leaves (indices into the leaf table, each once) and the facts they name: what its truth is made of. */
  readonly ruleLeaves: { leaves: readonly number[]; facts: readonly string[] }[];

  constructor(
    readonly rules: readonly Rule[],
    slotOf: (fact: string) => number,
  ) {
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

    // Rule combiners, some twenty rules to a function (V8 optimises small functions best): Kleene logic
    // as arithmetic on the truth codes, without branches (all = the least of its children, true if none;
    // any = the greatest, false if none; not x = 2 - x).
    this.ruleLeaves = [];
    const ruleBodies = conditions.map((c, j) => {
      const own = { leaves: new Set<number>(), facts: new Set<string>() };
      const emit = (node: Condition): string => {
        if ('fact' in node) {
          const leaf = leafOf(node);
          own.leaves.add(leaf);
          own.facts.add(node.fact);
          return `L[${leaf}]`;
        }
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
      this.ruleLeaves[j] = { leaves: [...own.leaves], facts: [...own.facts] };
      // Listed when true, or unknown with a true trigger.
      return `{\n${lines}\nout[${j}] = r;\nrel[${j}] = g;\nif (r === 2 || (r === 1 && g === 2)) nz[n++] = ${j};\n}`;
    });
    this.ruleFns = [];
    for (let i = 0; i < ruleBodies.length; i += 20) {
      const source = `"use strict";\nreturn function rules(L, out, rel, nz, n) {\n${ruleBodies.slice(i, i + 20).join('\n')}\nreturn n;\n};`;
      this.ruleFns.push(new Function(source)());
    }

    // Leaf evaluators: the table starts all unknown (1); each known slot decides its leaves (true 2, false 0).
    const values: unknown[] = [];
    const bySlot = new Map<number, number[]>();
    leaves.forEach((leaf, i) => bySlot.set(leaf.slot, [...(bySlot.get(leaf.slot) ?? []), i]));
    const blocks = [...bySlot].map(([slot, indices]) => {
      const lines = indices.map((i) => {
        const { operator, value } = leaves[i]!;
        return `L[${i}] = (${operators[operator].code('f', `K[${values.push(value) - 1}]`)}) ? 2 : 0;`;
      });
      return `f = s[${slot}];\nif (f !== undefined) {\n${lines.join('\n')}\n}`;
    });
    this.leafFns = [];
    for (let i = 0; i < blocks.length; i += 40) {
      const source = `"use strict";\nreturn function leaves(s, L) {\nlet f;\n${blocks.slice(i, i + 40).join('\n')}\n};`;
      this.leafFns.push(new Function('K', source)(values));
    }
    this.leafTable = new Uint8Array(leaves.length);
    this.codes = new Uint8Array(conditions.length);
    this.relevance = new Uint8Array(conditions.length);
    this.listed = new Uint32Array(conditions.length);
  }

  /** Every rule's truth code for the facts in `slots`; the returned table is reused by the next run. */
  run(slots: FactSlots): Uint8Array {
    const L = this.leafTable;
    L.fill(UNKNOWN);
    for (const fn of this.leafFns) fn(slots, L);
    let n = 0;
    for (const fn of this.ruleFns) n = fn(L, this.codes, this.relevance, this.listed, n);
    this.listedCount = n;
    return this.codes;
  }
}

/** Rules compiled once, grouped by what they apply to, each group sorted by id (evaluate.ts `rulesByScope`). */
export class CompiledRuleSet {
  /** Each scope's rules in rule-id order: a rule's position is its index in the codes `run` returns and in a screening's verdict. */
  readonly byScope = new Map<FactScope, readonly Rule[]>();
  private readonly slots = new Map<string, number>();
  private readonly programs = new Map<FactScope, ScopeProgram>();
  private readonly buffer: FactSlots;
  /** In-force state of each rule without a `basis` fact, which depends on the date only; per scope, for one date. */
  private forceCache = { asOf: '', byScope: new Map<FactScope, (Force | undefined)[]>() };
  /** Each enterprise rule's screening part by truth code (three to a rule), for one date (see screeningParts). */
  private partCache = { asOf: '', parts: new Uint8Array(0) };
  private readonly verdict: ScreeningVerdict = { applies: [], excluded: [], undetermined: [] };
  private readonly usedSlots: number[] = [];
  /**
   * Explanations already made, per scope and rule (by position), by what decides them: the status, the
   * truth of each of the rule's leaves, and whether each fact askableFacts would look at is known
   * (`presence`). An explanation is a function of these alone, and few of them occur (a rule fails or
   * stays open for the same few reasons across enterprises): walking its tree again for every answer cost
   * more than the verdicts. The key is a number (a string per result cost more than the rest of its
   * explanation); a rule too large for one (no shipped rule comes near) is explained afresh.
   */
  private readonly explanations = new Map<FactScope, ({ presence: readonly string[]; numeric: boolean; made: Map<number, RuleResult> } | undefined)[]>();
  /** The results without explanation of each enterprise rule (by position), by status and relevance (`unexplained`). */
  private readonly verdicts: (RuleResult[] | undefined)[] = [];

  /**
   * `evaluator`: the same rules' tree evaluator, which explains the results `profileResults` picks (by
   * default one made for these rules with the built-in facts' words).
   */
  constructor(
    rules: readonly Rule[],
    readonly evaluator: ProfileEvaluator = new ProfileEvaluator(rules),
  ) {
    const slotOf = (fact: string) => {
      let slot = this.slots.get(fact);
      if (slot === undefined) this.slots.set(fact, (slot = this.slots.size));
      return slot;
    };
    for (const [scope, list] of this.evaluator.byScope) {
      this.byScope.set(scope, list);
      this.programs.set(scope, new ScopeProgram(list, slotOf));
    }
    this.buffer = new Array(this.slots.size).fill(undefined);
  }

  rules(scope: FactScope): readonly Rule[] {
    return this.byScope.get(scope) ?? [];
  }

  /** Truth codes (FALSE, UNKNOWN, TRUE) of every `scope` rule's conditions, in rule-id order; reused by the next run. */
  run(scope: FactScope, slots: FactSlots): Uint8Array {
    const program = this.programs.get(scope);
    return program ? program.run(slots) : new Uint8Array(0);
  }

  /** Truth codes of every `scope` rule's trigger from the last `run` (TRUE where a rule has none). */
  relevance(scope: FactScope): Uint8Array {
    return this.programs.get(scope)?.relevance ?? new Uint8Array(0);
  }

  /** The in-force state of each `scope` rule whose state depends on the date only (via evaluate.ts's `inForce`); undefined for the others. */
  private fixedForces(scope: FactScope, asOf: string): readonly (Force | undefined)[] {
    if (this.forceCache.asOf !== asOf) this.forceCache = { asOf, byScope: new Map() };
    let forces = this.forceCache.byScope.get(scope);
    if (!forces) {
      forces = this.rules(scope).map((rule) => (rule.effective.basis ? undefined : inForce(rule, {}, asOf)));
      this.forceCache.byScope.set(scope, forces);
    }
    return forces;
  }

  /** Profiles of one shape (a list's columns, see profile-shape.ts), projected onto this set's slots. */
  shape(fields: readonly (string | undefined)[]): ProfileShape {
    return new ProfileShape(fields, (fact) => this.slots.get(fact));
  }

  /**
   * Each enterprise rule's part in a screening for each truth code of its conditions, on one date: from
   * statusOf's status where the in-force state depends on the date only, BY_BASIS where it depends on a
   * fact of the profile (decided per profile, with statusOf too).
   */
  private screeningParts(asOf: string): Uint8Array {
    if (this.partCache.asOf !== asOf) {
      const fixed = this.fixedForces('enterprise', asOf);
      const rules = this.rules('enterprise');
      const parts = new Uint8Array(rules.length * 3);
      rules.forEach((rule, i) => {
        const force = fixed[i];
        for (const code of [FALSE, UNKNOWN, TRUE]) {
          parts[i * 3 + code] = force ? screeningPart(rule, statusOf(rule, force, truthOf(code))) : countedInScreening(rule) ? BY_BASIS : NOT_COUNTED;
        }
      });
      this.partCache = { asOf, parts };
    }
    return this.partCache.parts;
  }

  /**
   * Screens a profile of `shape` on the enterprise rules: the rules that apply, the exclusions and the
   * undetermined rules worth asking about, each with the status evaluateProfile gives it. Only the rules
   * the compiled code lists (true, or unknown with a true trigger) can be any of these; the rest is never visited.
   */
  screenEnterprise(profile: Enterprise, shape: ProfileShape, asOf: string): ScreeningVerdict {
    const verdict = this.verdict;
    verdict.applies.length = 0;
    verdict.excluded.length = 0;
    verdict.undetermined.length = 0;
    const program = this.programs.get('enterprise');
    if (!program) return verdict;
    const facts = addDerivedFacts('enterprise', shape.ownFacts(profile), asOf); // = enterpriseFactSet(profile, asOf)
    const slots = this.buffer;
    const used = this.usedSlots;
    shape.fill(facts, slots, used);
    const codes = program.run(slots);
    for (const slot of used) slots[slot] = undefined;
    used.length = 0;
    const parts = this.screeningParts(asOf);
    const { listed } = program;
    const rules = this.rules('enterprise');
    for (let k = 0; k < program.listedCount; k++) {
      const i = listed[k]!;
      const code = codes[i]!;
      let part = parts[i * 3 + code];
      if (part === BY_BASIS) {
        const rule = rules[i]!;
        part = screeningPart(rule, statusOf(rule, inForce(rule, facts, asOf), truthOf(code)));
      }
      if (part === APPLIES) verdict.applies.push(i);
      else if (part === EXCLUDED) verdict.excluded.push(i);
      else if (part === UNDETERMINED) verdict.undetermined.push(i); // listed, so its trigger holds
    }
    return verdict;
  }

  /** The status of every `scope` rule, in rule-id order. `facts` must already hold the derived facts (enterpriseFactSet / incidentFactSet). */
  statuses(scope: FactScope, facts: FactValues, asOf: string): Status[] {
    const fixed = this.fixedForces(scope, asOf);
    const rules = this.rules(scope);
    return this.withSlots(facts, (slots) => {
      const codes = this.run(scope, slots);
      return rules.map((rule, i) => statusOf(rule, fixed[i] ?? inForce(rule, facts, asOf), truthOf(codes[i]!)));
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
   * (status, relevance) from the compiled code, the explanation (failed and open conditions, missing
   * facts) only for the results `explain` picks, equal to evaluateProfile's; the others carry none. For
   * answers that explain a few results and count the rest (huiqi check, the server). Results are frozen
   * and may be shared between profiles (see `explained` and `unexplained`).
   */
  profileResults(profile: Enterprise, asOf: string, explain: (rule: Rule, status: Status, relevant: Truth) => boolean): RuleResult[] {
    const out: RuleResult[] = [];
    const scopeResults = (scope: FactScope, facts: FactValues, incidentId?: string) => {
      const program = this.programs.get(scope);
      if (!program) return;
      const { rules } = program;
      const statuses = this.statuses(scope, facts, asOf); // runs the scope's program: its leaf table and relevance are this profile's
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const status = statuses[i]!;
        const relevance = program.relevance[i]!;
        const relevant = truthOf(relevance);
        out.push(
          explain(rule, status, relevant) ? this.explained(scope, program, i, status, relevant, facts, asOf, incidentId) : this.unexplained(rule, i, status, relevance, incidentId),
        );
      }
    };
    const ownFacts = enterpriseFactSet(profile, asOf);
    scopeResults('enterprise', ownFacts);
    for (const incident of profile.incidents) {
      if (this.rules(incident.kind).length) scopeResults(incident.kind, incidentFactSet(ownFacts, incident, asOf), incident.id);
    }
    return out;
  }

  /**
   * A result without explanation (`relevance` a truth code): an enterprise rule's are made once per
   * status and relevance, and shared (indexed by number: a string key per result cost more than the object).
   */
  private unexplained(rule: Rule, i: number, status: Status, relevance: number, incidentId: string | undefined): RuleResult {
    const relevant = truthOf(relevance);
    if (incidentId !== undefined)
      return Object.freeze({
        ruleId: rule.id,
        status,
        incidentId,
        missingFacts: NONE as never[],
        failedConditions: NONE as never[],
        openConditions: NONE as never[],
        relevant,
        rule,
      });
    const made = (this.verdicts[i] ??= []);
    return (made[STATUS_INDEX[status] * 3 + relevance] ??= Object.freeze<RuleResult>({
      ruleId: rule.id,
      status,
      missingFacts: NONE as never[],
      failedConditions: NONE as never[],
      openConditions: NONE as never[],
      relevant,
      rule,
    }));
  }

  /**
   * A result explained as evaluate.ts `explainedResult` explains it, from the explanations already made
   * (see `explanations`), after a `run` of the rule's scope (whose leaf table it reads). An enterprise
   * rule's result is shared whole: its status and relevance are part of what decides the explanation.
   */
  private explained(
    scope: FactScope,
    program: ScopeProgram,
    i: number,
    status: Status,
    relevant: Truth,
    facts: FactValues,
    asOf: string,
    incidentId: string | undefined,
  ): RuleResult {
    const rule = program.rules[i]!;
    const { leaves, facts: named } = program.ruleLeaves[i]!;
    let kept = this.explanations.get(scope);
    if (!kept) this.explanations.set(scope, (kept = []));
    let memo = kept[i];
    if (!memo) {
      const basis = rule.effective.basis;
      const explainer = this.evaluator.explainer;
      const presence = [...new Set([...(basis ? [basis, ...explainer.askableInputs(basis)] : []), ...named.flatMap((fact) => explainer.askableInputs(fact))])];
      // 5 statuses × 3 truths a leaf × 2 a fact's presence, below 2^53.
      const numeric = Math.log2(statuses.length) + leaves.length * Math.log2(3) + presence.length < 53;
      kept[i] = memo = { presence, numeric, made: new Map() };
    }
    if (!memo.numeric) return this.evaluator.explainedResult(rule, facts, asOf, incidentId); // too many leaves to key by number: explained afresh
    const L = program.leafTable;
    let key = STATUS_INDEX[status];
    for (const leaf of leaves) key = key * 3 + L[leaf]!;
    for (const fact of memo.presence) key = key * 2 + (facts[fact] === undefined ? 0 : 1);
    let result = memo.made.get(key);
    if (!result) {
      const { missingFacts, failedConditions, openConditions } = this.evaluator.explainedResult(rule, facts, asOf);
      if (memo.made.size >= 1024) memo.made.clear(); // a bound, not a leak, in a long-lived server
      memo.made.set(key, (result = Object.freeze({ ruleId: rule.id, status, missingFacts, failedConditions, openConditions, relevant, rule })));
    }
    return incidentId === undefined ? result : Object.freeze({ ...result, incidentId });
  }

  /** Every rule's status on a whole profile, in the order `evaluateProfile` returns its results. */
  profileStatuses(profile: Enterprise, asOf: string): { ruleId: string; incidentId?: string; status: Status }[] {
    const ownFacts = enterpriseFactSet(profile, asOf);
    const out: { ruleId: string; incidentId?: string; status: Status }[] = [];
    const statuses = this.statuses('enterprise', ownFacts, asOf);
    this.rules('enterprise').forEach((rule, i) => out.push({ ruleId: rule.id, status: statuses[i]! }));
    for (const incident of profile.incidents) {
      const rules = this.rules(incident.kind);
      if (!rules.length) continue;
      const s = this.statuses(incident.kind, incidentFactSet(ownFacts, incident, asOf), asOf);
      rules.forEach((rule, i) => out.push({ ruleId: rule.id, incidentId: incident.id, status: s[i]! }));
    }
    return out;
  }
}
