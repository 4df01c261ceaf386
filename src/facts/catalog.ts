// The fact catalog: every fact a rule may name, with its type and its Chinese and English labels.
// Profile facts come from their declarations (src/profile/fields.ts `fact`, the profile schema is made
// from the same declarations), derived facts from src/facts/derived.ts, and the plain facts a rule set's
// files declare from src/profile/plain-facts.ts: each rule set has a FactCatalog of its own.
import { enterpriseFactDeclarations, enterpriseFactFiles } from '../profile/enterprise.ts';
import type { AskedIf, FactDeclaration } from '../profile/fields.ts';
import { questionGates } from '../profile/facets/situations.ts';
import { incidentFactDeclarations, type IncidentKind } from '../profile/incidents.ts';
import { plainFactDeclaration, type PlainFact } from '../profile/plain-facts.ts';
import { builtinProfileSchema, ProfileSchema } from '../profile/validate.ts';
import { derivedFacts } from './derived.ts';
import type { DerivedFact, FactDefinition, FactScope, FactValues } from './types.ts';

/** The catalog entries of profile facts, from their declarations (src/profile/fields.ts `fact`). */
function profileFacts(scope: FactScope, declarations: Readonly<Record<string, FactDeclaration>>): FactDefinition[] {
  return Object.entries(declarations).map(([name, { field: _field, ...declared }]) => {
    const askedIf = scope === 'enterprise' ? questionGates[name] : undefined;
    return { name, scope, ...declared, ...(askedIf && { askedIf }), derived: false };
  });
}

const builtin: FactDefinition[] = [
  ...profileFacts('enterprise', enterpriseFactDeclarations),
  ...Object.entries(incidentFactDeclarations).flatMap(([kind, declarations]) => profileFacts(kind as IncidentKind, declarations)),
  // A derived default for a profile fact is not a fact of its own: the profile fact stays in the catalog.
  ...derivedFacts.filter((f) => !f.defaultsProfileFact).map(({ compute: _compute, ...fact }) => ({ ...fact, derived: true })),
];

const builtinByName = new Map(builtin.map((f) => [f.name, f]));
if (builtinByName.size !== builtin.length) throw new Error('fact catalog: two facts share a name');
for (const d of derivedFacts.filter((f) => f.defaultsProfileFact)) {
  if (builtinByName.get(d.name)?.derived !== false) throw new Error(`fact catalog: ${d.name} defaults a profile fact that does not exist`);
}

const defaultInputsByName = new Map(derivedFacts.filter((f) => f.defaultsProfileFact).map((f) => [f.name, f.inputs]));

/**
 * The profile facts a derived default of `name` is computed from (the situations checklist for
 * inComprehensiveBondedZone …), or undefined: while they are unknown, they are what to ask for it.
 */
export function defaultInputs(name: string): readonly string[] | undefined {
  return defaultInputsByName.get(name);
}

/** The checklist items or values a gate names (`includes`), as a list. */
const gateItems = (gate: AskedIf): readonly string[] => [gate.includes ?? []].flat();

/** Whether a gate (askedIf) holds on its fact's value: null while that is unknown. */
export function gateHolds(gate: AskedIf, value: unknown): boolean | null {
  if (value === undefined) return null;
  const { includes } = gate;
  if (includes !== undefined) return Array.isArray(value) && (typeof includes === 'string' ? value.includes(includes) : includes.some((item) => value.includes(item)));
  if (gate.is !== undefined) return value === gate.is;
  // A yes/no situation holds on yes; any other, once it is stated.
  return typeof value === 'boolean' ? value : true;
}

/** What is wrong with a gate, given the fact it names (undefined: no such fact), or undefined. */
function gateProblem(gate: AskedIf, opener: FactDefinition | undefined): string | undefined {
  if (!opener) return `askedIf names "${gate.fact}", which is neither built in nor declared by a rule file`;
  const unknown = gateItems(gate).find((value) => !opener.values?.includes(value));
  return unknown === undefined ? undefined : `askedIf names ${opener.name} value "${unknown}", which it does not have (${(opener.values ?? []).join(', ')})`;
}

for (const [name, gate] of Object.entries(questionGates)) {
  const problem = builtinByName.has(name) ? gateProblem(gate, builtinByName.get(gate.fact)) : 'no such fact';
  if (problem) throw new Error(`fact catalog: the question gate of ${name}: ${problem}`);
}

/** Where a built-in fact is declared, for the message refusing a rule file that declares it again. */
function builtinFile(fact: FactDefinition): string {
  if (fact.derived) return 'src/facts/derived.ts';
  return fact.scope === 'enterprise' ? (enterpriseFactFiles[fact.name] ?? 'src/profile/enterprise.ts') : 'src/profile/incidents.ts';
}

/** A rule file's fact as the catalog holds it: from its declaration, as a built-in profile fact. */
function declaredDefinition(plain: PlainFact): FactDefinition {
  const { field: _field, ...declared } = plainFactDeclaration(plain);
  return { name: plain.name, scope: plain.appliesTo, ...declared, derived: false, declaredIn: plain.file };
}

/**
 * Why `declared` (the facts of one rule set's files) cannot join the catalog: a fact declared twice, or
 * declared again when it is built in; each problem names both files.
 */
export function declarationProblems(declared: readonly PlainFact[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, PlainFact>();
  for (const fact of declared) {
    const own = builtinByName.get(fact.name);
    const other = seen.get(fact.name);
    if (own) problems.push(`${fact.file}: facts: "${fact.name}" is a built-in fact (${builtinFile(own)}); use it or choose another name`);
    else if (other) problems.push(`${fact.file}: facts: "${fact.name}" is already declared in ${other.file}; declare a fact once and use it from any rule file`);
    else seen.set(fact.name, fact);
  }
  for (const fact of declared) {
    if (!fact.askedIf) continue;
    const other = seen.get(fact.askedIf.fact);
    const problem = gateProblem(fact.askedIf, builtinByName.get(fact.askedIf.fact) ?? (other && declaredDefinition(other)));
    if (problem) problems.push(`${fact.file}: facts: "${fact.name}": ${problem}`);
  }
  return problems;
}

/** The catalog with `declared` added (already checked by declarationProblems), by name. */
export function catalogWith(declared: readonly PlainFact[]): (name: string) => FactDefinition | undefined {
  if (declared.length === 0) return (name) => builtinByName.get(name);
  const byName = new Map([...builtinByName, ...declared.map((f) => [f.name, declaredDefinition(f)] as const)]);
  return (name) => byName.get(name);
}

/**
 * The facts of one rule set: the built-in facts and those its rule files declare (already checked by
 * declarationProblems), with the profile schema made from the same declarations. Immutable.
 */
export class FactCatalog {
  /** Every fact: the built-in ones, then those the rule files declare. */
  readonly all: readonly FactDefinition[];
  /** What a profile of this rule set may state, and its validation. */
  readonly profile: ProfileSchema;
  private readonly byName: ReadonlyMap<string, FactDefinition>;

  /**
   * `declared`: the facts the rule files declare; `ruleCounts`: how many of the rule set's rules name each
   * fact in their conditions (made by the rule set, src/engine/rule-base.ts; none for the built-in facts alone).
   */
  constructor(
    readonly declared: readonly PlainFact[] = [],
    private readonly ruleCounts: ReadonlyMap<string, number> = new Map(),
  ) {
    if (declared.length === 0) {
      this.all = builtin;
      this.byName = builtinByName;
      this.profile = builtinProfileSchema;
    } else {
      this.all = [...builtin, ...declared.filter((f) => !builtinByName.has(f.name)).map(declaredDefinition)];
      this.byName = new Map(this.all.map((f) => [f.name, f]));
      this.profile = new ProfileSchema(declared);
    }
  }

  /** The fact of that name, or undefined. */
  definition(name: string): FactDefinition | undefined {
    return this.byName.get(name);
  }

  /**
   * How many rules of the rule set name the fact in their conditions: a situation many measures speak to
   * (有进出口经营?) is a general question, one a single measure asks a particular one. 0 for a catalog made
   * without rules.
   */
  rulesNaming(name: string): number {
    return this.ruleCounts.get(name) ?? 0;
  }

  private opened?: Map<string, number>;

  /**
   * How many facts' questions the situation that opens `name`'s question opens: the facts gated on the
   * same fact and value (for a gate on several checklist items, on any of them), `name` among them; 0
   * without a gate. Counted once per catalog.
   */
  questionsOpenedWith(name: string): number {
    if (!this.opened) {
      const byKey = new Map<string, string[]>();
      for (const f of this.all) for (const key of f.askedIf ? gateKeys(f.askedIf) : []) byKey.set(key, [...(byKey.get(key) ?? []), f.name]);
      this.opened = new Map(this.all.filter((f) => f.askedIf).map((f) => [f.name, new Set(gateKeys(f.askedIf!).flatMap((key) => byKey.get(key) ?? [])).size]));
    }
    return this.opened.get(name) ?? 0;
  }
}

/** The situations a gate waits for, one key per checklist item or value. */
const gateKeys = (gate: AskedIf): string[] =>
  gate.includes !== undefined ? gateItems(gate).map((item) => `${gate.fact}\u0000${item}`) : [`${gate.fact}\u0000${String(gate.is ?? true)}`];

/** The catalog of the built-in facts alone: for code and tests that use no rule file declaring facts. */
export const builtinCatalog = new FactCatalog();

/** The facts a rule of this scope may name: its own scope's and the enterprise's. */
export function factVisibleIn(fact: FactDefinition, scope: FactScope): boolean {
  return fact.scope === 'enterprise' || fact.scope === scope;
}

/**
 * The derived facts of a scope, those computed from a single fact grouped by it: when that fact is
 * unknown so is each of them (derived.ts), and the group is passed over with one look, which matters on
 * a screened row that states a dozen facts (the checklists alone default sixteen).
 */
function derivedGroups(scope: FactScope): { input: string | undefined; facts: DerivedFact[] }[] {
  const groups = new Map<string | undefined, DerivedFact[]>();
  for (const fact of derivedFacts) {
    if (fact.scope !== scope) continue;
    const input = fact.inputs.length === 1 ? fact.inputs[0] : undefined;
    groups.set(input, [...(groups.get(input) ?? []), fact]);
  }
  return [...groups].map(([input, facts]) => ({ input, facts }));
}
const derivedCache = new Map<FactScope, ReturnType<typeof derivedGroups>>();

/** Adds the derived facts of `scope` to `facts` (a copy). Unknown inputs give unknown results. */
export function withDerivedFacts(scope: FactScope, facts: FactValues, asOf: string): FactValues {
  return addDerivedFacts(scope, { ...facts }, asOf);
}

/**
 * Adds the derived facts of `scope` to `facts` itself (no copy) and returns it: for callers that own
 * a fresh object. Every derived fact is computed from the facts as given (none sees another's result),
 * then all are added, exactly as withDerivedFacts does on its copy. An explicit answer beats a derived default.
 */
export function addDerivedFacts(scope: FactScope, facts: FactValues, asOf: string): FactValues {
  let groups = derivedCache.get(scope);
  if (!groups) derivedCache.set(scope, (groups = derivedGroups(scope)));
  let names: string[] | undefined;
  let values: unknown[] | undefined;
  for (const { input, facts: group } of groups) {
    if (input !== undefined && facts[input] === undefined) continue;
    for (const fact of group) {
      if (facts[fact.name] !== undefined) continue;
      const value = fact.compute(facts, asOf);
      if (value === undefined) continue;
      (names ??= []).push(fact.name);
      (values ??= []).push(value);
    }
  }
  if (names) for (let i = 0; i < names.length; i++) facts[names[i]!] = values![i];
  return facts;
}
