// Checking one enterprise: the functions behind `huiqi check`, POST /api/v1/check and the library's
// check(), so that all three give the same answer. Evaluation is our own tree evaluator (native.ts, with
// explanations, proven equal to json-rules-engine by test/engine/differential.test.ts): it needs no
// Promise per condition and no clone of every rule, which a server answering many requests cannot afford.
import { evaluateProfile, type RuleResult } from '../engine/evaluate.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { parseProfile } from '../profile/load.ts';
import type { Rule } from '../rules/schema.ts';
import { checkReport, type CheckReport } from './check-report.ts';

export interface CheckOptions {
  rules: readonly Rule[];
  /** YYYY-MM-DD: decides which rules are in force. */
  asOf: string;
}

export interface CheckedProfile {
  profile: Enterprise;
  results: RuleResult[];
  asOf: string;
}

/** Every rule's verdict on a validated profile, with explanations. */
export async function checkProfile(profile: Enterprise, { rules, asOf }: CheckOptions): Promise<CheckedProfile> {
  return { profile, results: await evaluateProfile(profile, rules, { asOf, evaluator: 'native' }), asOf };
}

/**
 * Checks a profile given as plain data (parsed JSON or YAML): validates it (an InputError names every
 * bad field) and returns the report `huiqi check --format json [--all]` prints.
 */
export async function check(profile: unknown, options: CheckOptions & { all?: boolean }): Promise<CheckReport> {
  const checked = await checkProfile(parseProfile(profile), options);
  return checkReport({ ...checked, lang: 'zh', all: options.all ?? false });
}
