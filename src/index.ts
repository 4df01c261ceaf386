// huiqi as a library: `import { loadRules, check, screen } from 'huiqi'`. The CLI and the server call
// the same functions (src/report/check.ts, src/batch/run.ts).
import { Writable } from 'node:stream';
import { screenList, type ScreenListOptions } from './batch/run.ts';
import type { ListFormat, ListInput } from './batch/read.ts';
import type { Summary } from './batch/summary.ts';
import { today } from './profile/dates.ts';
import { checkProfileData } from './report/check.ts';
import type { CheckReport } from './report/check-report.ts';
import type { Rule } from './rules/schema.ts';

export { loadRules } from './rules/load.ts';
export { InputError } from './io/input-error.ts';
export { parseProfile } from './profile/load.ts';
export type { Enterprise } from './profile/enterprise.ts';
export type { Incident } from './profile/incidents.ts';
export type { RuleResult } from './engine/evaluate.ts';
export type { CheckReport } from './report/check-report.ts';
export type { Rule, Status } from './rules/schema.ts';
export type { ListFormat, ListInput } from './batch/read.ts';
export type { Summary } from './batch/summary.ts';

/**
 * Checks one enterprise profile (plain data, as parsed from JSON or YAML) against the rules: the report
 * `huiqi check --format json` prints (`all`: as with --all, every result listed). Throws an InputError naming every bad field of an invalid profile.
 */
export function check(profile: unknown, options: { rules: readonly Rule[]; asOf?: string; all?: boolean }): Promise<CheckReport> {
  return checkProfileData(profile, { rules: options.rules, asOf: options.asOf ?? today(), all: options.all ?? false });
}

export interface ScreenOptions {
  rules: readonly Rule[];
  /** Where the result goes: a file name, `-` for stdout, or a stream (which is ended). */
  output: string | Writable;
  /** Result format (default csv). */
  format?: ListFormat;
  /** List format (default: from the file name, else sniffed). */
  inputFormat?: ListFormat;
  asOf?: string;
  lang?: 'zh' | 'en';
  only?: 'eligible' | 'errors';
  ignoreUnknownColumns?: boolean;
  /** Where to write the summary `huiqi screen` prints (default: nowhere). */
  summaryTo?: ScreenListOptions['stderr'];
}

/** Screens a list (CSV, JSONL or XLSX; a file or a stream) as `huiqi screen` does; resolves with the summary. */
export function screen(input: ListInput, options: ScreenOptions): Promise<Summary> {
  const { rules, output, format = 'csv', inputFormat, asOf = today(), lang = 'zh', only, ignoreUnknownColumns = false, summaryTo } = options;
  return screenList({
    input,
    output,
    outputFormat: format,
    ...(inputFormat && { inputFormat }),
    rules,
    asOf,
    lang,
    ...(only && { only }),
    ignoreUnknownColumns,
    stderr: summaryTo ?? new Writable({ write: (_chunk, _encoding, done) => done() }),
    progress: false,
  });
}
