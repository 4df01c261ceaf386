// Batch screening: every row of an enterprise list is mapped to a profile by its headers, validated
// with the profile schema, screened by the compiled enterprise rules (which give the verdict: what
// applies, the exclusions, what is undetermined) and turned into output cells. Rows are read, screened
// and written one at a time (memory stays flat); a bad row gets its error in the `error` column and
// never stops the batch. Incidents are not part of a list row: only enterprise-level rules are screened.
import { firstFew, firstFewLines } from '../io/first-few.ts';
import type { z } from 'zod';
import type { CompiledRuleSet } from '../engine/compiled.ts';
import type { ProfileShape } from '../engine/profile-shape.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { describeIssue } from '../io/read.ts';
import { InputError } from '../io/input-error.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { usccValid } from '../profile/uscc.ts';
import type { Lang } from '../io/lang.ts';
import type { Rule } from '../rules/schema.ts';
import { combinedMoneyValue } from '../rules/value.ts';
import { CellError, columnName, columnsOf, convertCell, EMPTY, type ColumnField, type ColumnMap } from './columns.ts';
import type { RawRow } from './read.ts';
import type { ScreenedRow } from './write.ts';

export interface ScreenSettings {
  rules: RuleBase;
  /** YYYY-MM-DD: decides which rules are in force and the derived date facts. */
  asOf: string;
  lang: Lang;
  /** Unknown columns are skipped instead of refused (CSV/XLSX headers) or reported on the row (JSONL keys). */
  ignoreUnknownColumns?: boolean;
}

/** What a header row maps to: a field per position (undefined for a skipped column). */
interface HeaderPlan {
  fields: (ColumnField | undefined)[];
  /** Remembered cell results per position. */
  caches?: (Map<string, CellResult> | undefined)[];
  /** The profile shape of the rows: every column a key (undefined = unknown), projected by the compiled rules. */
  shape?: ProfileShape;
  /** `"field":` per position, for the facts cell (undefined for name, uscc and skipped columns), and quoted for CSV. */
  factKeys?: (string | undefined)[];
  factKeysCsv?: (string | undefined)[];
  /** The header that names each field, for messages. */
  headerOf: Map<string, string>;
  problems: string[];
}

function planHeader(columns: ColumnMap, header: readonly string[], ignoreUnknown: boolean): HeaderPlan {
  const fields: (ColumnField | undefined)[] = [];
  const headerOf = new Map<string, string>();
  const problems: string[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (!h) {
      fields.push(undefined);
      return;
    }
    const f = columns.fieldForHeader(h);
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
      `unknown column${unknown.length > 1 ? 's' : ''} ${firstFew(unknown)}: not a profile field (see \`huiqi screen --help\` for the column mapping; --ignore-unknown-columns skips them)`,
    );
  }
  return { fields, headerOf, problems };
}

/** Screens rows one by one with compiled rules; keeps the per-rule counts for the summary. */
export class RowScreener {
  private readonly compiled: CompiledRuleSet;
  private readonly rules: readonly Rule[];
  private readonly columns: ColumnMap;
  /** The profile schema's fields (with the facts the rule set declares): a row is validated field by field. */
  private readonly fieldSchemas: Record<string, z.ZodType>;
  /**
   * Rows are validated field by field with the profile schema's own field schemas: the schema is a
   * strict object of independent fields, all optional but name and uscc, and a row holds only known
   * fields, so this gives the same result as parsing the whole object and is much faster (and lets
   * results be remembered per cell). Should the schema ever check across fields, rows are also parsed whole.
   */
  private readonly wholeObjectChecks: boolean;
  /** The current row's validated values by position. */
  private readonly values: unknown[] = [];
  /** The current row's valid cells by position (undefined where none): their JSON is remembered on them for the facts cell. */
  private readonly valueCells: (ValueCell | undefined)[] = [];
  private readonly plans = new WeakMap<readonly string[], HeaderPlan>();
  private readonly keyPlans = new Map<string, ColumnField | null>();
  /** JSONL rows' plans by their list of keys (lines of one file mostly share a few). */
  private readonly keyPlanCache = new Map<string, HeaderPlan>();
  private readonly cellCache = new Map<string, Map<string, CellResult>>();
  /** Output cells per distinct set of eligible rules, by a hash of their indices. */
  private readonly outcomes = new Map<number, Outcome[]>();
  private outcomeCount = 0;
  /** Rows with at least one eligible (undetermined) result, per rule, in rule-id order. */
  readonly eligibleCounts: number[];
  readonly undeterminedCounts: number[];

  constructor(private readonly settings: ScreenSettings) {
    this.compiled = settings.rules.compiled;
    this.columns = columnsOf(settings.rules);
    this.fieldSchemas = settings.rules.profile.schema.shape as unknown as Record<string, z.ZodType>;
    this.wholeObjectChecks = Boolean((settings.rules.profile.schema as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks?.length);
    this.rules = this.compiled.rules('enterprise');
    this.eligibleCounts = this.rules.map(() => 0);
    this.undeterminedCounts = this.rules.map(() => 0);
  }

  private fieldIssues(field: string, value: unknown): z.core.$ZodIssue[] {
    const parsed = this.fieldSchemas[field]!.safeParse(value);
    return parsed.success ? [] : parsed.error.issues;
  }

  /** The enterprise rules in rule-id order: the order of the per-rule counts. */
  get ruleList(): readonly Rule[] {
    return this.rules;
  }

  /**
   * Checks a CSV/XLSX header once: unknown or doubled columns, and the name and uscc columns, which
   * every row needs. Throws an InputError (exit 1) naming the headers.
   */
  validateHeader(header: readonly string[], origin: string): void {
    const plan = this.planFor(header);
    const problems = [...plan.problems];
    for (const field of ['name', 'uscc']) {
      if (!plan.headerOf.has(field)) problems.push(`no ${field === 'name' ? '企业名称 (name)' : '统一社会信用代码 (uscc)'} column`);
    }
    if (problems.length) throw new InputError(`${origin}: bad header row:\n  ${firstFewLines(problems).join('\n  ')}`);
  }

  private planFor(header: readonly string[]): HeaderPlan {
    let plan = this.plans.get(header);
    if (!plan) {
      plan = planHeader(this.columns, header, this.settings.ignoreUnknownColumns ?? false);
      this.complete(plan);
      this.plans.set(header, plan);
    }
    return plan;
  }

  /** A JSONL row's keys, each looked up once per distinct key. */
  private keyPlan(header: readonly string[]): HeaderPlan {
    const id = header.join('\u0001');
    let plan = this.keyPlanCache.get(id);
    if (!plan) {
      plan = this.buildKeyPlan(header);
      if (this.keyPlanCache.size < 1000) this.keyPlanCache.set(id, plan);
    }
    return plan;
  }

  private buildKeyPlan(header: readonly string[]): HeaderPlan {
    const fields: (ColumnField | undefined)[] = [];
    const headerOf = new Map<string, string>();
    const problems: string[] = [];
    const unknown: string[] = [];
    for (const key of header) {
      let f = this.keyPlans.get(key);
      if (f === undefined) this.keyPlans.set(key, (f = this.columns.fieldForHeader(key) ?? null));
      if (!f) {
        if (!this.settings.ignoreUnknownColumns) unknown.push(key);
        fields.push(undefined);
        continue;
      }
      const other = headerOf.get(f.field);
      if (other !== undefined) problems.push(`"${other}" and "${key}" both name ${f.field}`);
      headerOf.set(f.field, key);
      fields.push(f);
    }
    if (unknown.length) problems.unshift(`${firstFew(unknown)}: unknown field${unknown.length > 1 ? 's' : ''} (see \`huiqi screen --help\` for the column mapping)`);
    return this.complete({ fields, headerOf, problems });
  }

  /** Adds cell caches and the profile shape to a plan. */
  private complete(plan: HeaderPlan): HeaderPlan {
    plan.caches = plan.fields.map((f) => {
      if (!f || f.field === 'name' || f.field === 'uscc') return undefined;
      let cache = this.cellCache.get(f.field);
      if (!cache) this.cellCache.set(f.field, (cache = new Map()));
      return cache;
    });
    plan.shape = this.compiled.shape(plan.fields.map((f) => (f && f.field !== 'name' && f.field !== 'uscc' ? f.field : undefined)));
    plan.factKeys = plan.fields.map((f) => (f && f.field !== 'name' && f.field !== 'uscc' ? `${JSON.stringify(f.field)}:` : undefined));
    plan.factKeysCsv = plan.factKeys.map((k) => k?.replace(/"/g, '""'));
    return plan;
  }

  /** Maps and validates a row: its facts, or every problem found (each naming its column). */
  read(raw: RawRow, keyed = false): { profile?: Enterprise; plan?: HeaderPlan; name: string; uscc: string; errors: string[] } {
    const plan = keyed ? this.keyPlan(raw.header) : this.planFor(raw.header);
    if (raw.error && raw.header.length === 0) return { name: '', uscc: '', errors: [raw.error] }; // an unreadable line
    let errors: string[] | undefined = keyed && plan.problems.length ? [...plan.problems] : undefined;
    if (raw.error) (errors ??= []).unshift(raw.error);
    const { fields } = plan;
    const cells = raw.cells;
    const caches = plan.caches!;
    const values = this.values;
    values.length = cells.length;
    const valueCells = this.valueCells;
    valueCells.length = cells.length;
    let name: unknown;
    let uscc: unknown;
    for (let i = 0; i < cells.length; i++) {
      values[i] = undefined;
      valueCells[i] = undefined;
      const f = fields[i];
      if (!f) continue;
      const cell = cells[i];
      const result = this.cellValue(f, cell, caches[i]);
      if (result === EMPTY) continue;
      const { field } = f;
      if (result.problems === undefined) {
        if (field === 'name') name = result.value;
        else if (field === 'uscc') uscc = result.value;
        else {
          values[i] = result.value;
          valueCells[i] = result;
        }
      } else {
        if (field === 'name') name = cell;
        else if (field === 'uscc') uscc = cell;
        errors ??= [];
        for (const p of result.problems) errors.push(p(raw.header[i]!));
      }
    }
    // JSONL rows may repeat a field under two names (an error above); the facts keep the last.
    if (name === undefined) (errors ??= []).push(...this.required('name', plan));
    if (uscc === undefined) (errors ??= []).push(...this.required('uscc', plan));
    const nameText = name === undefined ? '' : String(name);
    const usccText = uscc === undefined ? '' : String(uscc);
    if (errors) return { name: nameText, uscc: usccText, errors };
    const profile = plan.shape!.profile(name, uscc, values);
    if (this.wholeObjectChecks) {
      // The schema checks across fields: parse the row whole.
      const parsed = this.settings.rules.profile.schema.safeParse(Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)));
      if (!parsed.success) {
        errors = parsed.error.issues.map((issue) => {
          const [field, ...rest] = issue.path;
          const header = typeof field === 'string' ? plan.headerOf.get(field) : undefined;
          return describeIssue(issue, typeof field === 'string' ? [columnName(header ?? field, field), ...rest] : issue.path);
        });
        return { name: nameText, uscc: usccText, errors };
      }
    }
    return { profile, plan, name: nameText, uscc: usccText, errors: [] };
  }

  /** The schema's message for a missing name or uscc, naming the column. */
  private required(field: 'name' | 'uscc', plan: HeaderPlan): string[] {
    return this.fieldIssues(field, undefined).map((issue) => describeIssue(issue, [columnName(plan.headerOf.get(field) ?? field, field), ...issue.path]));
  }

  /**
   * A cell converted and validated with its field's own schema, or its problems (functions of the
   * column header, for the message). Results for short cells of every field but name and uscc are
   * remembered: lists repeat the same few values (是/否, provinces, levels), and the schema is pure.
   */
  private cellValue(f: ColumnField, cell: unknown, cache: Map<string, CellResult> | undefined): CellResult {
    if (cell === '' || cell === undefined || cell === null) return EMPTY; // as convertCell has it
    if (typeof cell === 'string' && (f.field === 'name' || f.field === 'uscc')) {
      // The two cells of every row, never remembered. Their schemas trim (the USCC's also upper-cases and
      // checks the code): a non-empty trimmed name, and a trimmed code valid as written, are the values
      // the schema gives; anything else takes the full way below for its messages.
      const text = cell.trim();
      if (f.field === 'name' ? text !== '' : usccValid(text)) return { value: text };
    }
    const cacheable = cache !== undefined && typeof cell === 'string' && cell.length <= 64;
    if (cacheable) {
      const hit = cache.get(cell);
      if (hit) return hit;
    }
    let result: CellResult;
    try {
      const value = convertCell(f, cell);
      if (value === EMPTY) result = EMPTY;
      else {
        const parsed = this.fieldSchemas[f.field]!.safeParse(value);
        result = parsed.success
          ? { value: parsed.data }
          : { problems: parsed.error.issues.map((issue) => (header: string) => describeIssue(issue, [columnName(header, f.field), ...issue.path])) };
      }
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      const message = e.message;
      result = { problems: [(header: string) => `${columnName(header, f.field)}: ${message}`] };
    }
    // The key is copied: a cell is a slice of the input text, and a kept slice would keep a whole chunk of it.
    if (cacheable && cache.size < 1000) cache.set(Buffer.from(cell, 'utf8').toString('utf8'), result);
    return result;
  }

  /** The validated profile of a row, or undefined if the row has errors. */
  profile(raw: RawRow, keyed = false): Enterprise | undefined {
    return this.read(raw, keyed).profile;
  }

  /** Screens one row: its eligible and undetermined rules, or its errors. */
  screen(raw: RawRow, keyed = false): ScreenedRow {
    const { profile, plan, name, uscc, errors } = this.read(raw, keyed);
    if (profile) {
      const out = this.evaluate(profile, plan!, raw.row, name, uscc);
      this.addFacts(out, plan!);
      return out;
    }
    return { row: raw.row, name, uscc, eligibleRules: [], eligibleTitles: [], exclusions: [], error: errors.join('; '), asOf: this.settings.asOf, facts: '' };
  }

  /**
   * The facts of the row just read (its validated values) as a JSON object's text, what a later
   * `--compare` reads back, and that text as a quoted CSV cell. Built from pieces remembered with the
   * cells and keys: making and quoting the JSON anew for every row cost a fifth of a sparse list's time.
   */
  private addFacts(out: ScreenedRow, plan: HeaderPlan): void {
    const keys = plan.factKeys!;
    const keysCsv = plan.factKeysCsv!;
    const cells = this.valueCells;
    let json = '';
    let csv = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined || keys[i] === undefined) continue;
      const text = (cell.json ??= JSON.stringify(cell.value));
      const quoted = (cell.csv ??= text.replace(/"/g, '""'));
      if (json) {
        json += ',';
        csv += ',';
      }
      json += keys[i]! + text;
      csv += keysCsv[i]! + quoted;
    }
    out.facts = `{${json}}`;
    out.factsCsvCell = `"{${csv}}"`;
  }

  /** Screens the enterprise rules on a validated profile and counts the verdict per rule. */
  private evaluate(profile: Enterprise, plan: HeaderPlan, row: number, name: string, uscc: string): ScreenedRow {
    const { applies, excluded, undetermined } = this.compiled.screenEnterprise(profile, plan.shape!, this.settings.asOf);
    let hash = 0;
    for (const i of applies) {
      this.eligibleCounts[i]!++;
      hash = (Math.imul(hash, 31) + i + 1) | 0;
    }
    for (const i of excluded) {
      this.eligibleCounts[i]!++;
      hash = (Math.imul(hash, 31) + i + 1) | 0;
    }
    for (const i of undetermined) this.undeterminedCounts[i]!++;
    const outcome = this.outcomeFor(hash, applies, excluded);
    const out: ScreenedRow = {
      row,
      name,
      uscc,
      eligible: outcome.eligibleRules.length,
      undetermined: undetermined.length,
      eligibleRules: outcome.eligibleRules,
      eligibleTitles: outcome.eligibleTitles,
      exclusions: outcome.exclusions,
      error: '',
      asOf: this.settings.asOf,
    };
    if (outcome.value !== undefined) out.estimatedValueCny = outcome.value;
    return out;
  }

  /**
   * The output cells of a set of rules that apply and exclusions (indices in rule order), remembered by
   * the set (`hash` of its indices, then the indices compared): rows of a list share a few sets, so their id and title lists
   * (and their CSV text, see write.ts) are built once. The lists are frozen: every row with the set holds
   * the same ones.
   */
  private outcomeFor(hash: number, applies: readonly number[], excluded: readonly number[]): Outcome {
    const bucket = this.outcomes.get(hash);
    if (bucket) {
      for (const outcome of bucket) if (sameIndices(outcome.applies, applies) && sameIndices(outcome.excluded, excluded)) return outcome;
    }
    const eligibleRules: string[] = [];
    const eligibleTitles: string[] = [];
    for (const i of applies) {
      const rule = this.rules[i]!;
      eligibleRules.push(rule.id);
      eligibleTitles.push(rule.title[this.settings.lang]);
    }
    // Measures the text says are not combined (就高不重复) are not added up.
    const value = combinedMoneyValue(applies.map((i) => this.rules[i]!));
    const exclusions = excluded.map((i) => this.rules[i]!.id);
    const outcome: Outcome = {
      applies: applies.slice(),
      excluded: excluded.slice(),
      eligibleRules: Object.freeze(eligibleRules) as string[],
      eligibleTitles: Object.freeze(eligibleTitles) as string[],
      exclusions: Object.freeze(exclusions) as string[],
      value,
    };
    if (this.outcomeCount < MAX_OUTCOMES) {
      this.outcomeCount++;
      if (bucket) bucket.push(outcome);
      else this.outcomes.set(hash, [outcome]);
    }
    return outcome;
  }
}

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A set of rules that apply and exclusions as output cells (see RowScreener.outcomeFor). */
interface Outcome {
  applies: readonly number[];
  excluded: readonly number[];
  eligibleRules: string[];
  eligibleTitles: string[];
  exclusions: string[];
  value: number | undefined;
}

/** Distinct sets of eligible rules remembered (each a few hundred bytes); further sets are built per row. */
const MAX_OUTCOMES = 4096;

/** A valid cell's value, with its JSON and that JSON quoted for CSV once made (remembered with the cell). */
type ValueCell = { value: unknown; problems?: undefined; json?: string; csv?: string };
type CellResult = typeof EMPTY | ValueCell | { value?: undefined; problems: ((header: string) => string)[] };
