// Evaluates every rule against a profile and each of its incidents, on an evaluation date, and
// explains each verdict. Results are sorted by rule id, then by the incidents' order in the profile.
import { addDerivedFacts, builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { FactScope, FactValues } from '../facts/types.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import type { Incident } from '../profile/incidents.ts';
import type { FieldLabel } from '../profile/fields.ts';
import { statusWhenMet, type Rule, type Status } from '../rules/schema.ts';
import { Explainer } from './explain.ts';
import { evaluateCondition } from './native.ts';
import type { ReferenceEvaluator } from './reference.ts';
import type { EvaluatedCondition, Truth } from './truth.ts';

export interface RuleResult {
  ruleId: string;
  status: Status;
  incidentId?: string;
  /** Profile facts whose answers would decide an undetermined rule. */
  missingFacts: string[];
  /** Why an ineligible rule fails, in plain words. */
  failedConditions: FieldLabel[];
  /** What an undetermined rule still needs to know, in plain words. */
  openConditions: FieldLabel[];
  /** Whether the rule's trigger (the situation it speaks to) holds: true for rules without one. */
  relevant: Truth;
  /** The evaluated condition tree, node for node (whether or not the rule is in force), with `keepTrees`. */
  tree?: EvaluatedCondition;
  rule: Rule;
}

export interface EvaluationOptions {
  /** YYYY-MM-DD; decides which enterprise rules are in force. */
  asOf: string;
  /**
   * `native` (the default): our synchronous tree evaluator (native.ts). `reference`: json-rules-engine, the
   * oracle of test/engine/differential.test.ts and of `huiqi rules test --oracle`, loaded only when asked for.
   * Both give the same verdicts.
   */
  evaluator?: 'reference' | 'native';
  /**
   * Keep each result's evaluated tree (the case runner checks coverage with it). Off by default: a tree
   * per rule per incident is most of the memory of a profile with thousands of incidents.
   */
  keepTrees?: boolean;
}

/**
 * The enterprise's own facts: everything but the USCC and the incidents. The name is kept for derived
 * facts that look it up (published lists); it is not in the catalog, so no rule can test it. A list's
 * rows take the same facts through code generated for their shape (profile-shape.ts `ownFacts`).
 */
export function enterpriseFactValues(profile: Readonly<Record<string, unknown>>): FactValues {
  const { uscc: _uscc, incidents: _incidents, ...facts } = profile;
  return facts;
}

/**
 * The facts every enterprise rule is evaluated on: the enterprise's own facts (enterpriseFactValues)
 * with the derived enterprise facts, built in one object: for evaluateProfile and the compiled evaluator
 * alike (screenEnterprise adds the derived facts the same way to a row's own facts).
 */
export function enterpriseFactSet(profile: Readonly<Record<string, unknown>>, asOf: string): FactValues {
  return addDerivedFacts('enterprise', enterpriseFactValues(profile), asOf);
}

/**
 * The facts an incident's rules are evaluated on: the enterprise's facts with the incident's own and
 * derived ones. Copied with Object.assign, not object spread: on Node 20 (V8 11.3) spreading these
 * objects left most of the copies alive through two young-generation collections, so they were moved
 * to the old generation (1.4 MB per scavenge in a loop of checks of the AEO sample, none with
 * Object.assign), which grew the server's heap until a full collection, and made a check ~25% slower.
 * The same properties in the same order: both copy own enumerable properties, and no validated fact
 * or incident is named `__proto__` (the one key Object.assign would treat differently).
 */
export function incidentFactSet(enterprise: FactValues, incident: Incident, asOf: string): FactValues {
  const { id: _id, kind, ...own } = incident; // a fresh object: the derived facts are added to it
  return Object.assign({}, enterprise, addDerivedFacts(kind, own, asOf));
}

type InForce = { status: 'in-force' } | { status: 'not-in-force' } | { status: 'unknown'; fact: string };

/** Whether a rule is in force: on the evaluation date, or on the date its `effective.basis` fact gives. */
export function inForce(rule: Rule, facts: FactValues, asOf: string): InForce {
  const { from, to, basis } = rule.effective;
  const date = basis ? facts[basis] : asOf;
  if (typeof date !== 'string') return { status: 'unknown', fact: basis! };
  return (from && date < from) || (to && date > to) ? { status: 'not-in-force' } : { status: 'in-force' };
}

/**
 * A rule's status from its in-force state and its conditions' truth; every evaluator decides with this.
 * While the in-force date is unknown a rule is ineligible if its conditions fail, undetermined otherwise.
 */
export function statusOf(rule: Rule, force: InForce, value: Truth): Status {
  if (force.status === 'not-in-force') return 'not-in-force';
  if (force.status === 'unknown') return value === false ? 'ineligible' : 'undetermined';
  return value === true ? statusWhenMet(rule) : value === false ? 'ineligible' : 'undetermined';
}

/** The empty list every result without failed or open conditions shares. */
export const NONE: readonly never[] = Object.freeze([]);
const labelKey = (l: FieldLabel) => `${l.zh}\u0001${l.en}`;
const nameKey = (s: string) => s;

type TreeSource = (rules: Rule[], facts: FactValues) => Promise<Map<string, EvaluatedCondition>> | Map<string, EvaluatedCondition>;

const nativeTrees: TreeSource = (rules, facts) => new Map(rules.map((r) => [r.id, evaluateCondition(r.conditions, facts)]));

/** Rules grouped by what they apply to, each group sorted by id: the order of every evaluator's results. */
export function rulesByScope(rules: readonly Rule[]): Map<FactScope, Rule[]> {
  const groups = new Map<FactScope, Rule[]>();
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const list = groups.get(rule.appliesTo) ?? [];
    list.push(rule);
    groups.set(rule.appliesTo, list);
  }
  return groups;
}

/**
 * Rules ready to be evaluated on profiles, with explanations in the words of their fact catalog: the
 * rules grouped by scope, the explainer, json-rules-engine's engine (built when first asked for) and
 * the shared explanation lists, all made once for these rules.
 */
export class ProfileEvaluator {
  readonly byScope: ReadonlyMap<FactScope, Rule[]>;
  readonly explainer: Explainer;
  private reference: ReferenceEvaluator | undefined;
  /**
   * One list per distinct content, frozen and shared: across thousands of incidents a rule fails or
   * stays open for the same few reasons, and a list per result was most of the memory of such a profile.
   */
  private readonly sharedLists = new Map<string, readonly unknown[]>();

  constructor(
    readonly rules: readonly Rule[],
    readonly catalog: FactCatalog = builtinCatalog,
  ) {
    this.byScope = rulesByScope(rules);
    this.explainer = new Explainer(catalog);
  }

  private shared<T>(list: readonly T[], key: (item: T) => string): T[] {
    if (!list.length) return NONE as never[];
    const k = list.map(key).join('\u0000');
    let hit = this.sharedLists.get(k);
    if (!hit) {
      if (this.sharedLists.size >= 65_536) this.sharedLists.clear(); // a bound, not a leak, in a long-lived server
      this.sharedLists.set(k, (hit = Object.freeze([...list])));
    }
    return hit as T[];
  }

  private resultFor(rule: Rule, tree: EvaluatedCondition | undefined, facts: FactValues, asOf: string, keepTree: boolean, incidentId?: string): RuleResult {
    if (!tree) throw new Error(`rule ${rule.id} was not evaluated`);
    const relevant = rule.trigger ? (tree.children[0]?.value ?? null) : true;
    const force = inForce(rule, facts, asOf);
    const status = statusOf(rule, force, tree.value);
    let failed: FieldLabel[] = NONE as never[];
    let open: FieldLabel[] = NONE as never[];
    let missing: string[] = NONE as never[];
    const explain = this.explainer;
    if (status === 'ineligible') failed = this.shared(explain.failedConditions(tree), labelKey);
    else if (status === 'undetermined') {
      // An unknown in-force date is asked for along with the conditions' own unknowns.
      const asks = [...(force.status === 'unknown' ? explain.askableFacts(force.fact, facts) : []), ...explain.missingFacts(tree, facts)];
      missing = this.shared([...new Set(asks)], nameKey);
      open = this.shared(explain.openConditions(tree), labelKey);
    }
    return {
      ruleId: rule.id,
      rule,
      ...(incidentId !== undefined && { incidentId }),
      relevant,
      ...(keepTree && { tree }),
      status,
      failedConditions: failed,
      openConditions: open,
      missingFacts: missing,
    };
  }

  /** One rule's result with its explanation: the native tree evaluated on `facts` (which hold the derived facts). */
  explainedResult(rule: Rule, facts: FactValues, asOf: string, incidentId?: string): RuleResult {
    return this.resultFor(rule, evaluateCondition(rule.conditions, facts), facts, asOf, true, incidentId);
  }

  // json-rules-engine evaluates every rule of the set at once; the caller reads its group's trees by id.
  private referenceTrees: TreeSource = async (_group, facts) => {
    if (!this.reference) {
      // json-rules-engine is loaded only when a command evaluates through it (start-up time).
      const { ReferenceEvaluator } = await import('./reference.ts');
      this.reference = new ReferenceEvaluator(this.rules);
    }
    return this.reference.evaluate(facts);
  };

  /** Every rule's verdict on the profile: enterprise rules once, incident rules once per matching incident. */
  async evaluateProfile(profile: Enterprise, options: EvaluationOptions): Promise<RuleResult[]> {
    const trees = options.evaluator === 'reference' ? this.referenceTrees : nativeTrees;
    const groups = this.byScope;
    const { asOf } = options;
    const keepTrees = options.keepTrees ?? false;
    const ownFacts = enterpriseFactSet(profile, asOf);
    const results: RuleResult[] = [];

    const enterpriseRules = groups.get('enterprise') ?? [];
    const enterpriseTrees = await trees(enterpriseRules, ownFacts);
    for (const rule of enterpriseRules) results.push(this.resultFor(rule, enterpriseTrees.get(rule.id), ownFacts, asOf, keepTrees));

    for (const incident of profile.incidents) {
      const incidentRules = groups.get(incident.kind) ?? [];
      if (!incidentRules.length) continue;
      const facts = incidentFactSet(ownFacts, incident, asOf);
      const incidentTrees = await trees(incidentRules, facts);
      for (const rule of incidentRules) results.push(this.resultFor(rule, incidentTrees.get(rule.id), facts, asOf, keepTrees, incident.id));
    }
    return results;
  }
}

/**
 * Every rule's verdict on the profile, for rules evaluated once (a rule file's cases, a test): a
 * ProfileEvaluator made for the call. Whatever evaluates many profiles keeps one ProfileEvaluator.
 */
export function evaluateProfile(profile: Enterprise, rules: readonly Rule[], options: EvaluationOptions & { catalog?: FactCatalog }): Promise<RuleResult[]> {
  return new ProfileEvaluator(rules, options.catalog).evaluateProfile(profile, options);
}
