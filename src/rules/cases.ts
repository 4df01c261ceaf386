// Runs the test cases that rule files carry as data: a profile fragment in, an expected status out.
import { evaluateProfile, type EvaluationOptions } from '../engine/evaluate.ts';
import { InputError } from '../io/read.ts';
import { parseProfile } from '../profile/load.ts';
import { usccCheckCharacter } from '../profile/uscc.ts';
import type { Rule, RuleCase, Status } from './schema.ts';

const CASE_USCC_BODY = '91500000MA6CQ0001';
/** A valid 统一社会信用代码 for case profiles, which need one to pass validation. */
export const CASE_USCC = CASE_USCC_BODY + usccCheckCharacter(CASE_USCC_BODY);

export interface CaseOutcome {
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

export async function runCase(rule: Rule, c: RuleCase, evaluator: EvaluationOptions['evaluator'] = 'reference'): Promise<CaseOutcome> {
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
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { rule, case: c, passed: false, problem: e.message };
  }
  const [result] = await evaluateProfile(profile, [rule], { asOf: caseDate(rule, c), evaluator });
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
    ...(problems.length && { problem: problems.join('; ') }),
  };
}

export async function runAllCases(rules: readonly Rule[], evaluator?: EvaluationOptions['evaluator']): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const rule of rules) for (const c of rule.cases) outcomes.push(await runCase(rule, c, evaluator));
  return outcomes;
}
