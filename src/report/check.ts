// Checking one enterprise: the functions behind `huiqi check`, POST /api/v1/check and the library's
// check(), so that all three give the same answer. evaluateForCheck gives every rule's result as a check
// lists it (the evaluation); checkProfileData is the whole check of a profile given as data (validated,
// evaluated, grouped into the report). Evaluation is our own tree evaluator (native.ts, with
// explanations, proven equal to json-rules-engine by test/engine/differential.test.ts): it needs no
// Promise per condition and no clone of every rule, which a server answering many requests cannot afford.
import type { RuleResult } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { parseProfile } from '../profile/load.ts';
import { isExclusion, type Rule } from '../rules/schema.ts';
import { checkReport, type CheckReport } from './check-report.ts';

export interface EvaluateForCheckOptions {
  /** The rule set checked against. */
  rules: RuleBase;
  /** YYYY-MM-DD: decides which rules are in force. */
  asOf: string;
  /**
   * `all` (default): every result explained. `listed`: only the results a check lists without --all
   * (see checkReport) carry explanations; the others only their verdict, which is all they are counted by.
   */
  explain?: 'all' | 'listed';
  /** `reference`: every verdict and explanation from json-rules-engine, the oracle (`huiqi check --oracle`), to cross-check ours. */
  evaluator?: 'native' | 'reference';
}

export interface CheckEvaluation {
  profile: Enterprise;
  results: RuleResult[];
  asOf: string;
  /** The facts of the rule set checked against: the words of the facts the results ask for. */
  catalog: RuleBase['catalog'];
}

/**
 * The results a check lists without --all and explains: undetermined ones whose situation arises (their
 * questions) and benefits that do not apply in a situation that may arise (the condition that failed);
 * as groupResults groups them. Eligible results need no explanation; the others are only counted.
 */
const listedAndExplained = (rule: Rule, status: string, relevant: boolean | null) =>
  (status === 'undetermined' && relevant === true) || (status === 'ineligible' && relevant !== false && !isExclusion(rule));

/**
 * Every rule's result on a validated profile, as a check needs it (not yet grouped or written). With `explain: 'listed'` the verdicts
 * come from the compiled rules (compiled.ts, proven equal by the differential test) and only the listed
 * results are explained by the tree evaluator: ~10 times less work for the same listed output.
 */
export async function evaluateForCheck(profile: Enterprise, { rules, asOf, explain = 'all', evaluator = 'native' }: EvaluateForCheckOptions): Promise<CheckEvaluation> {
  const { catalog } = rules;
  if (explain === 'all' || evaluator === 'reference') return { profile, results: await rules.evaluator.evaluateProfile(profile, { asOf, evaluator }), asOf, catalog };
  return { profile, results: rules.compiled.profileResults(profile, asOf, listedAndExplained), asOf, catalog };
}

/**
 * Checks a profile given as plain data (parsed JSON or YAML): validates it against the rule set's profile
 * schema (an InputError names every bad field) and returns the report `huiqi check --format json [--all]` prints.
 */
export async function checkProfileData(profile: unknown, options: EvaluateForCheckOptions & { all?: boolean }): Promise<CheckReport> {
  const all = options.all ?? false;
  const checked = await evaluateForCheck(parseProfile(profile, 'profile', options.rules.profile), { ...options, explain: all ? 'all' : 'listed' });
  return checkReport({ ...checked, lang: 'zh', all });
}
