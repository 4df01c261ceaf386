// Batch screening: every row of an enterprise list is mapped to a profile by its headers, validated
// with the profile schema, and run through the compiled enterprise rules. Rows are read, screened and
// written one at a time (memory stays flat); a bad row gets its error in the `error` column and never
// stops the batch. Incidents are not part of a list row: only enterprise-level rules are screened.
import type { z } from 'zod';
import { CompiledRuleSet, type CompiledRule } from '../engine/compiled.ts';
import { withDerivedFacts } from '../facts/catalog.ts';
import { describeIssue, InputError } from '../io/read.ts';
import { enterpriseSchema, type Enterprise } from '../profile/enterprise.ts';
import type { Lang } from '../report/summary.ts';
import type { Rule, Status } from '../rules/schema.ts';
import { CellError, columnName, convertCell, EMPTY, fieldForHeader, type ColumnField } from './columns.ts';
import type { RawRow } from './read.ts';
import type { ScreenedRow } from './write.ts';

export interface ScreenSettings {
  rules: readonly Rule[];
  /** YYYY-MM-DD: decides which rules are in force and the derived date facts. */
  asOf: string;
  lang: Lang;
  /** Unknown columns are skipped instead of refused (CSV/XLSX headers) or reported on the row (JSONL keys). */
  ignoreUnknownColumns?: boolean;
}

/** What a header row maps to: a field per position (undefined for a skipped column). */
interface HeaderPlan {
  fields: (ColumnField | undefined)[];
  /** The header that names each field, for messages. */
  headerOf: Map<string, string>;
  problems: string[];
}

function planHeader(header: readonly string[], ignoreUnknown: boolean): HeaderPlan {
  const fields: (ColumnField | undefined)[] = [];
  const headerOf = new Map<string, string>();
  const problems: string[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (!h) {
      fields.push(undefined);
      return;
    }
    const f = fieldForHeader(h);
    if (!f) {
      if (!ignoreUnknown) unknown.push(`"${h}" (column ${i + 1})`);
      fields.push(undefined);
      return;
    }
    const other = headerOf.get(f.field);
    if (other !== undefined) problems.push(`columns "${other}" and "${h}" both name ${f.field} (${f.zh})`);
    headerOf.set(f.field, h);
    fields.push(f);
  });
  if (unknown.length) {
    problems.push(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: not a profile field (see \`huiqi screen --help\` for the column mapping; --ignore-unknown-columns skips them)`,
    );
  }
  return { fields, headerOf, problems };
}

/** Screens rows one by one with compiled rules; keeps the per-rule counts for the summary. */
export class RowScreener {
  private readonly compiled: CompiledRuleSet;
  private readonly rules: readonly CompiledRule[];
  private readonly statuses: Status[] = [];
  private readonly plans = new WeakMap<readonly string[], HeaderPlan>();
  private readonly keyPlans = new Map<string, ColumnField | null>();
  /** Rows with at least one eligible (undetermined) result, per rule, in rule-id order. */
  readonly eligibleCounts: number[];
  readonly undeterminedCounts: number[];

  constructor(private readonly settings: ScreenSettings) {
    this.compiled = new CompiledRuleSet(settings.rules);
    this.rules = this.compiled.rules('enterprise');
    this.eligibleCounts = this.rules.map(() => 0);
    this.undeterminedCounts = this.rules.map(() => 0);
  }

  get ruleList(): readonly Rule[] {
    return this.rules.map((r) => r.rule);
  }

  /**
   * Checks a CSV/XLSX header once: unknown or doubled columns, and the name and uscc columns, which
   * every row needs. Throws an InputError (exit 1) naming the headers.
   */
  checkHeader(header: readonly string[], origin: string): void {
    const plan = this.planFor(header);
    const problems = [...plan.problems];
    for (const field of ['name', 'uscc']) {
      if (!plan.headerOf.has(field)) problems.push(`no ${field === 'name' ? '企业名称 (name)' : '统一社会信用代码 (uscc)'} column`);
    }
    if (problems.length) throw new InputError(`${origin}: bad header row:\n  ${problems.join('\n  ')}`);
  }

  private planFor(header: readonly string[]): HeaderPlan {
    let plan = this.plans.get(header);
    if (!plan) this.plans.set(header, (plan = planHeader(header, this.settings.ignoreUnknownColumns ?? false)));
    return plan;
  }

  /** A JSONL row's keys, each looked up once per distinct key. */
  private keyPlan(header: readonly string[]): HeaderPlan {
    const fields: (ColumnField | undefined)[] = [];
    const headerOf = new Map<string, string>();
    const problems: string[] = [];
    for (const key of header) {
      let f = this.keyPlans.get(key);
      if (f === undefined) this.keyPlans.set(key, (f = fieldForHeader(key) ?? null));
      if (!f) {
        if (!this.settings.ignoreUnknownColumns) problems.push(`${key}: unknown field (see \`huiqi screen --help\` for the column mapping)`);
        fields.push(undefined);
        continue;
      }
      const other = headerOf.get(f.field);
      if (other !== undefined) problems.push(`"${other}" and "${key}" both name ${f.field}`);
      headerOf.set(f.field, key);
      fields.push(f);
    }
    return { fields, headerOf, problems };
  }

  /** Maps and validates a row: the profile, or every problem found (each naming its column). */
  read(raw: RawRow, keyed = false): { profile?: Enterprise; name: string; uscc: string; errors: string[] } {
    const plan = keyed ? this.keyPlan(raw.header) : this.planFor(raw.header);
    const row: Record<string, unknown> = {};
    const errors: string[] = keyed ? [...plan.problems] : [];
    if (raw.error) errors.unshift(raw.error);
    const { fields, headerOf } = plan;
    const cells = raw.cells;
    for (let i = 0; i < cells.length; i++) {
      const f = fields[i];
      if (!f) continue;
      try {
        const value = convertCell(f, cells[i]);
        if (value !== EMPTY) row[f.field] = value;
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        errors.push(`${columnName(raw.header[i]!, f.field)}: ${e.message}`);
      }
    }
    const name = row.name === undefined ? '' : String(row.name);
    const uscc = row.uscc === undefined ? '' : String(row.uscc);
    // Validated even when a cell failed to convert, so that a row's every problem is reported at once.
    const parsed = validate(row);
    for (const issue of parsed.issues) {
      const [field, ...rest] = issue.path;
      const header = typeof field === 'string' ? headerOf.get(field) : undefined;
      errors.push(describeIssue(issue, typeof field === 'string' ? [columnName(header ?? field, field), ...rest] : issue.path));
    }
    return errors.length ? { name, uscc, errors } : { profile: parsed.profile, name, uscc, errors };
  }

  /** The validated profile of a row, or undefined if the row has errors. */
  profile(raw: RawRow, keyed = false): Enterprise | undefined {
    return this.read(raw, keyed).profile;
  }

  /** Screens one row: its eligible and undetermined rules, or its errors. */
  screen(raw: RawRow, keyed = false): ScreenedRow {
    const { profile, name, uscc, errors } = this.read(raw, keyed);
    const base = { row: raw.row, name, uscc, eligibleRules: [], eligibleTitles: [], undeterminedRules: [] };
    return profile ? this.evaluate(profile, base) : { ...base, error: errors.join('; ') };
  }

  private evaluate(profile: Enterprise, base: Omit<ScreenedRow, 'error'>): ScreenedRow {
    const { asOf, lang } = this.settings;
    // The profile's own facts (as enterpriseFactValues gives them: all but name, uscc, incidents) with the derived ones.
    const { name, uscc, incidents: _incidents, ...own } = profile;
    const facts = withDerivedFacts('enterprise', own, asOf);
    const statuses = this.compiled.statuses('enterprise', facts, asOf, this.statuses);
    const out: ScreenedRow = { ...base, name, uscc, eligible: 0, undetermined: 0, error: '' };
    let value: number | undefined;
    for (let i = 0; i < statuses.length; i++) {
      const status = statuses[i];
      if (status === 'eligible') {
        const { rule } = this.rules[i]!;
        out.eligible!++;
        this.eligibleCounts[i]!++;
        out.eligibleRules.push(rule.id);
        out.eligibleTitles.push(rule.title[lang]);
        const amount = rule.outcome.amount;
        if (amount && (amount.unit === 'CNY' || amount.unit === 'CNY/year')) value = (value ?? 0) + (amount.max ?? amount.min ?? 0);
      } else if (status === 'undetermined') {
        out.undetermined!++;
        this.undeterminedCounts[i]!++;
        out.undeterminedRules.push(this.rules[i]!.rule.id);
      }
    }
    if (value !== undefined) out.estimatedValueCny = value;
    return out;
  }
}

const shape = enterpriseSchema.shape as unknown as Record<string, z.ZodType>;
/** Whether the profile schema checks anything across fields; if it does, rows are validated whole. */
const wholeObjectChecks = Boolean((enterpriseSchema as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks?.length);

/**
 * Validates a row's fields with the profile schema. The schema is a strict object of independent
 * fields, all optional but name and uscc, and a row holds only known fields; so each present field
 * is checked with its own schema, which is much faster than parsing a 200-field object per row and
 * gives the same result. Should the schema ever check across fields, the whole object is parsed.
 */
function validate(row: Record<string, unknown>): { profile: Enterprise; issues: z.core.$ZodIssue[] } {
  if (wholeObjectChecks) {
    const parsed = enterpriseSchema.safeParse(row);
    return parsed.success ? { profile: parsed.data, issues: [] } : { profile: row as Enterprise, issues: parsed.error.issues };
  }
  const out: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  const check = (key: string, value: unknown) => {
    const parsed = shape[key]!.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) out[key] = parsed.data;
    } else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [key, ...issue.path] });
  };
  if (!('name' in row)) check('name', undefined);
  if (!('uscc' in row)) check('uscc', undefined);
  for (const key in row) check(key, row[key]);
  out.incidents = [];
  return { profile: out as Enterprise, issues };
}
