// A rule set as one object: `loadRuleSet(dir)` reads and validates the rule files under a folder and
// returns a RuleSet, which owns the rules, the facts they declare, the fact catalog, the profile schema,
// the compiled rules, the rule-set hash and every cache made from them (RuleBase), with the operations
// the CLI, the server and the library share. Two rule sets in one process never see each other's facts.
// The operations only a few commands need (screening, the client report) are imported when first used,
// so that a check loads neither the batch nor the report's HTML.
import type { Writable } from 'node:stream';
import type { ListFormat, ListInput } from '../batch/read.ts';
import type { ScreenListOptions } from '../batch/run.ts';
import type { Summary } from '../batch/summary.ts';
import { RuleBase } from '../engine/rule-base.ts';
import type { FactDefinition } from '../facts/types.ts';
import type { Lang } from '../io/lang.ts';
import { today } from '../profile/dates.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { parseProfile } from '../profile/load.ts';
import { checkProfileData } from '../report/check.ts';
import type { CheckReport } from '../report/check-report.ts';
import type { ReportFormat } from '../report/client-report-command.ts';
import { defaultRulesDir, readRuleSet, type LoadedRules } from '../rules/load.ts';
import type { Rule } from '../rules/schema.ts';

export interface LoadRuleSetOptions {
  /**
   * A validated snapshot of the rule files (src/rules/snapshot.ts), used while it matches them; by
   * default the build's snapshot when `dir` is the bundled rules folder.
   */
  snapshot?: string;
}

export interface CheckOptions {
  /** The evaluation date, YYYY-MM-DD (default: today): decides which rules are in force. */
  asOf?: string;
  /** List every result, as `huiqi check --all` (default: what the table lists; the rest counted). */
  all?: boolean;
}

export interface ReportOptions {
  asOf?: string;
  lang?: Lang;
  /** markdown (default), html or json. */
  format?: ReportFormat;
}

export interface ScreenOptions {
  /** Where the result goes: a file name, `-` for stdout, or a stream (which is ended). */
  output: string | Writable;
  /** Result format (default csv). */
  format?: ListFormat;
  /** List format (default: from the file name, else sniffed). */
  inputFormat?: ListFormat;
  asOf?: string;
  lang?: Lang;
  only?: 'eligible' | 'errors';
  ignoreUnknownColumns?: boolean;
  /** Where to write the summary `huiqi screen` prints (default: nowhere). */
  summaryTo?: ScreenListOptions['stderr'];
}

/** What `rules()` filters by; every field optional. */
export interface RuleFilter {
  jurisdiction?: string;
  kind?: Rule['kind'];
  appliesTo?: Rule['appliesTo'];
}

export class RuleSet extends RuleBase {
  /** A rule set from rules and facts already loaded and validated (validateRuleFile, readRuleSet). */
  static of({ rules, declared }: LoadedRules): RuleSet {
    return new RuleSet(rules, declared);
  }

  /** A profile given as plain data, validated against this rule set's profile schema; an InputError names every bad field. */
  parseProfile(data: unknown, origin = 'profile'): Enterprise {
    return parseProfile(data, origin, this.profile);
  }

  /**
   * Checks one enterprise profile (plain data, as parsed from JSON or YAML): the report
   * `huiqi check --format json [--all]` prints. Throws an InputError naming every bad field.
   */
  check(profile: unknown, options: CheckOptions = {}): Promise<CheckReport> {
    return checkProfileData(profile, { rules: this, asOf: options.asOf ?? today(), all: options.all ?? false });
  }

  /** The next questions for a (partial) profile, the most decisive first, as a check lists them. */
  async questions(profile: unknown, options: Omit<CheckOptions, 'all'> = {}): Promise<CheckReport['questions']> {
    return (await this.check(profile, options)).questions;
  }

  /** The client report of `huiqi report` (Markdown, HTML or JSON text). */
  async report(profile: unknown, options: ReportOptions = {}): Promise<string> {
    const { renderClientReport } = await import('../report/client-report-command.ts');
    return renderClientReport(this.parseProfile(profile), { rules: this, asOf: options.asOf ?? today(), lang: options.lang ?? 'zh', format: options.format ?? 'markdown' });
  }

  /** Screens a list (CSV, JSONL or XLSX; a file or a stream) as `huiqi screen` does; resolves with the summary. */
  async screen(input: ListInput, options: ScreenOptions): Promise<Summary> {
    const { screenList } = await import('../batch/run.ts');
    const { Writable: Sink } = await import('node:stream');
    const { output, format = 'csv', inputFormat, asOf = today(), lang = 'zh', only, ignoreUnknownColumns = false, summaryTo } = options;
    return screenList({
      input,
      output,
      outputFormat: format,
      ...(inputFormat && { inputFormat }),
      rules: this,
      asOf,
      lang,
      ...(only && { only }),
      ignoreUnknownColumns,
      stderr: summaryTo ?? new Sink({ write: (_chunk, _encoding, done) => done() }),
      progress: false,
    });
  }

  /** The rules, filtered, in rule-id order. */
  rulesWhere(filter: RuleFilter = {}): Rule[] {
    return this.rules
      .filter(
        (r) =>
          (!filter.jurisdiction || r.source.jurisdiction === filter.jurisdiction) &&
          (!filter.kind || r.kind === filter.kind) &&
          (!filter.appliesTo || r.appliesTo === filter.appliesTo),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** One rule by id. */
  rule(id: string): Rule | undefined {
    return this.rules.find((r) => r.id === id);
  }

  /** Every fact a rule or a profile may name: the built-in ones and those the rule files declare. */
  facts(): readonly FactDefinition[] {
    return this.catalog.all;
  }
}

/**
 * Reads and validates the rule files under `dir` (a folder or one file; by default the bundled rules)
 * and returns them as a RuleSet. Throws an InputError listing every problem of the files.
 */
export function loadRuleSet(dir: string = defaultRulesDir, options: LoadRuleSetOptions = {}): RuleSet {
  return RuleSet.of(options.snapshot !== undefined ? readRuleSet(dir, options.snapshot) : readRuleSet(dir));
}
