// huiqi as a library: `import { loadRuleSet } from 'huiqi'`. A RuleSet holds the rules of one folder
// and everything made from them, and offers what the CLI and the server do with them (check, questions,
// report, screen, rules, facts). `check` and `screen` are kept as functions taking a rule set.
import type { ListInput } from './batch/read.ts';
import type { Summary } from './batch/summary.ts';
import type { CheckReport } from './report/check-report.ts';
import type { CheckOptions, RuleSet, ScreenOptions } from './ruleset/rule-set.ts';

export { loadRuleSet, RuleSet } from './ruleset/rule-set.ts';
export type { CheckOptions, LoadRuleSetOptions, ReportOptions, RuleFilter, ScreenOptions } from './ruleset/rule-set.ts';
export { InputError } from './io/input-error.ts';
export type { Enterprise } from './profile/enterprise.ts';
export type { Incident } from './profile/incidents.ts';
export type { RuleResult } from './engine/evaluate.ts';
export type { CheckReport } from './report/check-report.ts';
export type { FactDefinition } from './facts/types.ts';
export type { Rule, Status } from './rules/schema.ts';
export type { ListFormat, ListInput } from './batch/read.ts';
export type { Summary } from './batch/summary.ts';

/** `rules.check(profile, options)`: the report `huiqi check --format json` prints. */
export function check(profile: unknown, options: CheckOptions & { rules: RuleSet }): Promise<CheckReport> {
  return options.rules.check(profile, options);
}

/** `rules.screen(input, options)`: screens a list as `huiqi screen` does; resolves with the summary. */
export function screen(input: ListInput, options: ScreenOptions & { rules: RuleSet }): Promise<Summary> {
  return options.rules.screen(input, options);
}
