// Checking one enterprise: the functions behind `huiqi check`, POST /api/v1/check and the library's
// check() (checkProfileData), so that all three give the same answer. Evaluation is our own tree evaluator (native.ts, with
// explanations, proven equal to json-rules-engine by test/engine/differential.test.ts): it needs no
// Promise per condition and no clone of every rule, which a server answering many requests cannot afford.
import { CompiledRuleSet } from '../engine/compiled.ts';
import { evaluateProfile, type RuleResult } from '../engine/evaluate.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { parseProfile } from '../profile/load.ts';
import { isExclusion, type Rule } from '../rules/schema.ts';
import { checkReport, type CheckReport } from './check-report.ts';

export interface CheckOptions {
  rules: readonly Rule[];
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

export interface CheckedProfile {
  profile: Enterprise;
  results: RuleResult[];
  asOf: string;
}

/** The compiled rule set of each rule array, built once: a server checks many profiles with the same rules. */
const compiledSets = new WeakMap<readonly Rule[], CompiledRuleSet>();

/**
 * The results a check lists without --all and explains: undetermined ones whose situation arises (their
 * questions) and benefits that do not apply in a situation that may arise (the condition that failed);
 * as groupResults groups them. Eligible results need no explanation; the others are only counted.
 */
const listedAndExplained = (rule: Rule, status: string, relevant: boolean | null) =>
  (status === 'undetermined' && relevant === true) || (status === 'ineligible' && relevant !== false && !isExclusion(rule));

/**
 * Every rule's verdict on a validated profile, with explanations. With `explain: 'listed'` the verdicts
 * come from the compiled rules (compiled.ts, proven equal by the differential test) and only the listed
 * results are explained by the tree evaluator: ~10 times less work for the same listed output.
 */
export async function checkProfile(profile: Enterprise, { rules, asOf, explain = 'all', evaluator = 'native' }: CheckOptions): Promise<CheckedProfile> {
  if (explain === 'all' || evaluator === 'reference') return { profile, results: await evaluateProfile(profile, rules, { asOf, evaluator }), asOf };
  let compiled = compiledSets.get(rules);
  if (!compiled) compiledSets.set(rules, (compiled = new CompiledRuleSet(rules)));
  return { profile, results: compiled.profileResults(profile, asOf, listedAndExplained), asOf };
}

/**
 * Checks a profile given as plain data (parsed JSON or YAML): validates it (an InputError names every
 * bad field) and returns the report `huiqi check --format json [--all]` prints.
 */
export async function checkProfileData(profile: unknown, options: CheckOptions & { all?: boolean }): Promise<CheckReport> {
  const all = options.all ?? false;
  const checked = await checkProfile(parseProfile(profile), { ...options, explain: all ? 'all' : 'listed' });
  return checkReport({ ...checked, lang: 'zh', all });
}
