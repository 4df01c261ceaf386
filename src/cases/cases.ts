// Runs the test cases that rule files carry as data: a profile fragment in, an expected status out.
import { evaluateProfile, type EvaluationOptions } from '../engine/evaluate.ts';
import { Explainer } from '../engine/explain.ts';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { EvaluatedCondition } from '../engine/truth.ts';
import { InputError } from '../io/input-error.ts';
import { parseProfile } from '../profile/load.ts';
import { usccCheckCharacter } from '../profile/uscc.ts';
import type { Rule, RuleCase, Status } from '../rules/schema.ts';

const CASE_USCC_BODY = '91500000MA6CQ0001';
/** A valid 统一社会信用代码 for case profiles, which need one to pass validation. */
export const CASE_USCC = CASE_USCC_BODY + usccCheckCharacter(CASE_USCC_BODY);

export interface CaseOutcome {
  /** The case's evaluated condition tree, when the case profile was valid. */
  tree?: EvaluatedCondition;
  rule: Rule;
  case: RuleCase;
  passed: boolean;
  actual?: Status;
  actualMissing?: string[];
  /** Why it failed: a wrong status, wrong missing facts, or an invalid case profile. */
  problem?: string;
}

/** The date a case is evaluated on: its own, else the day the rule takes effect, else the document's date. */
export const caseDate = (rule: Rule, c: RuleCase): string => c.asOf ?? rule.effective.from ?? rule.source.date;

/** Runs one case; `catalog`: the facts of the rule's rule set (its declared facts), by default the built-in ones. */
export async function runCase(rule: Rule, c: RuleCase, evaluator: EvaluationOptions['evaluator'] = 'native', catalog: FactCatalog = builtinCatalog): Promise<CaseOutcome> {
  let profile;
  try {
    profile = parseProfile(
      {
        name: 'Case enterprise',
        uscc: CASE_USCC,
        ...c.enterprise,
        incidents: c.incident ? [{ id: 'case', kind: rule.appliesTo, ...c.incident }] : [],
      },
      `${rule.source.file}: rule ${rule.id}: case "${c.name}"`,
      catalog.profile,
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { rule, case: c, passed: false, problem: e.message };
  }
  const [result] = await evaluateProfile(profile, [rule], { asOf: caseDate(rule, c), evaluator, keepTrees: true, catalog });
  if (!result) return { rule, case: c, passed: false, problem: 'the rule produced no result' };
  const problems: string[] = [];
  if (result.status !== c.expect) problems.push(`expected ${c.expect}, got ${result.status}`);
  if (c.missingFacts) {
    const want = [...c.missingFacts].sort().join(', ');
    const got = [...result.missingFacts].sort().join(', ');
    if (want !== got) problems.push(`expected missing facts [${want}], got [${got}]`);
  }
  return {
    rule,
    case: c,
    passed: problems.length === 0,
    actual: result.status,
    actualMissing: result.missingFacts,
    ...(result.tree && { tree: result.tree }),
    ...(problems.length && { problem: problems.join('; ') }),
  };
}

/**
 * "Cases on both sides of every condition": each leaf condition of the rule (by its place in the tree)
 * must come out true in one of the rule's cases and false in another. Returns the leaves that do not.
 */
export function uncoveredConditions(outcomes: readonly CaseOutcome[], catalog: FactCatalog = builtinCatalog): string[] {
  const explainer = new Explainer(catalog);
  const seen = new Map<string, { leaf: EvaluatedCondition['condition']; values: Set<boolean | null> }>();
  const visit = (node: EvaluatedCondition, path: string) => {
    if ('fact' in node.condition) {
      const entry = seen.get(path) ?? { leaf: node.condition, values: new Set() };
      entry.values.add(node.value);
      seen.set(path, entry);
    }
    node.children.forEach((child, i) => visit(child, `${path}/${i}`));
  };
  for (const o of outcomes) if (o.tree) visit(o.tree, '');
  return [...seen.values()]
    .filter(({ values }) => !(values.has(true) && values.has(false)))
    .map(({ leaf, values }) => `${explainer.describeCondition({ ...leaf, label: undefined }).en} is never ${values.has(true) ? 'false' : 'true'} in the cases`);
}

export async function runAllCases(rules: readonly Rule[], evaluator?: EvaluationOptions['evaluator'], catalog: FactCatalog = builtinCatalog): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const rule of rules) for (const c of rule.cases) outcomes.push(await runCase(rule, c, evaluator, catalog));
  return outcomes;
}
