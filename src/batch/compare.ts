// `huiqi screen --compare previous-result`: what changed for each client since an earlier screening
// result (CSV, XLSX or JSONL, as `huiqi screen` writes it, with English or Chinese headers). Rows are
// matched by USCC, else by name. For each measure gained or lost, the reason is told apart by steps,
// each evaluated with the current rules (the result keeps the facts each row stated and its date):
//   previous result  →  current rules on the previous facts and date   (the rules changed)
//                    →  current rules on the previous facts, today      (time: in force, date conditions)
//                    →  current rules on the current facts, today       (the client's answers changed)
// A step whose verdict differs is a reason; a rule id the current rules do not have was removed.
import type { z } from 'zod';
import type { CompiledRuleSet } from '../engine/compiled.ts';
import { enterpriseFactSet, inForce } from '../engine/evaluate.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { builtinCatalog, type FactCatalog } from '../facts/catalog.ts';
import type { FactValues } from '../facts/types.ts';
import { InputError } from '../io/input-error.ts';
import type { Lang } from '../io/lang.ts';
import type { Note } from '../io/note.ts';
import type { Enterprise } from '../profile/enterprise.ts';
import { childConditions } from '../engine/truth.ts';
import { countedInScreening, isExclusion, type Condition, type Rule, type Status } from '../rules/schema.ts';
import { normalizeHeader, shortLabel } from './columns.ts';
import { openList, type ListInput, type ListFormat } from './read.ts';
import { columnWords, compareColumns, outputColumns, type Comparison, type OutputColumn, type ScreenedRow } from './write.ts';

/** One row of the previous result, as far as a comparison needs it. */
export interface PreviousRow {
  row: number;
  name: string;
  uscc: string;
  /** The measures that applied; undefined when the row had an error (it was not screened). */
  eligible?: ReadonlySet<string>;
  asOf?: string;
  /** The facts the row stated; undefined when the result has no facts column or the cell is unreadable. */
  facts?: FactValues;
  /** What was wrong with the row's asOf or facts cell. */
  problems: string[];
}

export interface PreviousResult {
  file: string;
  rows: number;
  byUscc: Map<string, PreviousRow>;
  byName: Map<string, PreviousRow>;
  /** Rows with neither USCC nor name: they cannot be matched. */
  unmatchable: number[];
  /** Rows whose USCC (else name) was already taken by an earlier row. */
  duplicates: number[];
  hasFacts: boolean;
}

/** The longest cell read whole from a result: a dense row's facts cell is long. */
const RESULT_CELL_LIMIT = 1_000_000;

/** Which result column each header names, in either language. */
const columnOfHeader = new Map<string, OutputColumn | (typeof compareColumns)[number]>(
  [...outputColumns, ...compareColumns].flatMap((c) => [
    [normalizeHeader(columnWords[c].en), c],
    [normalizeHeader(columnWords[c].zh), c],
  ]),
);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: unknown): string => (v === undefined || v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : text(v).split(/[;；]/)).map((s) => s.trim()).filter(Boolean);
const usccKey = (uscc: string) => uscc.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** The profile schema's field schemas (with the facts the loaded rule files declare). */
const fieldSchemas = (catalog: FactCatalog) => catalog.profile.schema.shape as unknown as Record<string, z.ZodType>;

/** A facts cell read back: each fact checked with its field's schema; unknown or invalid facts are dropped and said. */
export function readFacts(cell: unknown, problems: string[], catalog: FactCatalog = builtinCatalog): FactValues | undefined {
  if (cell === undefined || cell === null || cell === '') return undefined;
  let value: unknown = cell;
  if (typeof cell === 'string') {
    try {
      value = JSON.parse(cell);
    } catch {
      problems.push(`facts: not readable (expected the JSON object huiqi screen writes; got "${cell.slice(0, 40)}${cell.length > 40 ? '…' : ''}")`);
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('facts: not a JSON object');
    return undefined;
  }
  const schemas = fieldSchemas(catalog);
  const facts: FactValues = {};
  for (const [key, v] of Object.entries(value)) {
    const schema = key === 'name' || key === 'uscc' || key === 'incidents' ? undefined : schemas[key];
    if (!schema) {
      problems.push(`facts: "${key}" is not a fact of the current catalog (dropped)`);
      continue;
    }
    const parsed = schema.safeParse(v);
    if (parsed.success) facts[key] = parsed.data;
    else problems.push(`facts: ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'} (dropped)`);
  }
  return facts;
}

/**
 * Reads a previous screening result. A file that is not one (no eligibleRules column, no name or uscc
 * column) is refused with an InputError naming what is missing and the columns it has.
 */
export async function readPreviousResult(input: ListInput, options: { format?: ListFormat; note?: Note; catalog?: FactCatalog } = {}): Promise<PreviousResult> {
  const file = typeof input === 'string' ? input : input.name;
  const source = await openList(input, options.format, { cellLimit: RESULT_CELL_LIMIT, ...(options.note && { note: options.note }) });
  const result: PreviousResult = { file, rows: 0, byUscc: new Map(), byName: new Map(), unmatchable: [], duplicates: [], hasFacts: false };
  let checked: readonly string[] | undefined;
  let positions = new Map<string, number>();
  for await (const batch of source.batches) {
    for (const raw of batch) {
      if (raw.header !== checked) {
        positions = new Map();
        raw.header.forEach((h, i) => {
          const column = columnOfHeader.get(normalizeHeader(String(h)));
          if (column && !positions.has(column)) positions.set(column, i);
        });
        const keyed = source.format === 'jsonl';
        if (!keyed || checked === undefined) {
          const missing = [
            ...(positions.has('eligibleRules') ? [] : ['eligibleRules (适用措施编号)']),
            ...(positions.has('name') || positions.has('uscc') ? [] : ['name (企业名称) or uscc (统一社会信用代码)']),
          ];
          if (missing.length && !(keyed && raw.header.length === 0)) {
            throw new InputError(
              `${file}: not a screening result of huiqi screen: no ${missing.join(', no ')} column (its columns: ${raw.header.map((h) => `"${h}"`).join(', ') || 'none'}); ` +
                '--compare takes the file an earlier `huiqi screen` wrote, its columns as written',
            );
          }
        }
        checked = raw.header;
        if (positions.has('facts')) result.hasFacts = true;
      }
      result.rows++;
      const cell = (c: OutputColumn) => (positions.has(c) ? raw.cells[positions.get(c)!] : undefined);
      const problems: string[] = [];
      if (raw.error) problems.push(raw.error);
      const name = text(cell('name'));
      const uscc = text(cell('uscc'));
      const hadError = text(cell('error')) !== '' || text(cell('eligible')) === '';
      const asOfText = text(cell('asOf'));
      if (asOfText && !DAY.test(asOfText)) problems.push(`asOf: not a date YYYY-MM-DD (got "${asOfText}")`);
      const row: PreviousRow = {
        row: raw.row,
        name,
        uscc,
        problems,
        ...(!hadError && { eligible: new Set(ids(cell('eligibleRules'))) }),
        ...(DAY.test(asOfText) && { asOf: asOfText }),
      };
      const facts = hadError ? undefined : readFacts(cell('facts'), problems, options.catalog ?? builtinCatalog);
      if (facts) row.facts = facts;
      if (!uscc && !name) {
        result.unmatchable.push(raw.row);
        continue;
      }
      const [map, key] = uscc ? [result.byUscc, usccKey(uscc)] : [result.byName, nameKey(name)];
      if (map.has(key)) result.duplicates.push(raw.row);
      else map.set(key, row);
      if (uscc && name && !result.byName.has(nameKey(name))) result.byName.set(nameKey(name), row);
    }
  }
  return result;
}

/** What `--compare` found over a whole list, for the summary. */
export interface ComparisonSummary {
  file: string;
  previousRows: number;
  matchedByUscc: number;
  matchedByName: number;
  /** Rows of this list not in the previous result. */
  added: number;
  /** Rows of the previous result no row of this list matched, by row number. */
  missing: { row: number; name: string }[];
  unmatchable: number[];
  duplicates: number[];
  /** The rows with a change (the first ones, in order). */
  changed: { row: number; name: string; comparison: Comparison }[];
  changedCount: number;
}

/** The compared cell of a row the previous result does not have. */
export const notInPreviousResult = { zh: '上次结果中没有', en: 'new: not in the previous result' } as const;

const words = {
  removed: { zh: '该规则已不在现行规则集中（已删除）', en: 'removed: the rule is no longer in the rule set' },
  ended: (to: string) => ({ zh: `已失效：有效期至${to}`, en: `ended: in force until ${to}` }),
  notYet: (from: string) => ({ zh: `尚未生效：自${from}起施行`, en: `not yet in force: from ${from}` }),
  began: (from: string) => ({ zh: `已生效：自${from}起施行`, en: `came into force on ${from}` }),
  rulesChangedGained: { zh: '规则集变化：新增规则，或其条件、有效期已修改', en: 'the rules changed: the rule was added, or its conditions or validity changed' },
  rulesChangedLost: { zh: '规则集变化：规则的条件或有效期已修改', en: 'the rules changed: its conditions or validity changed' },
  dates: (d0: string, d1: string, labels: string) => ({
    zh: `日期条件随时间变化（${d0} → ${d1}）：${labels}`,
    en: `a date condition changed with time (${d0} → ${d1}): ${labels}`,
  }),
  answer: (changes: string) => ({ zh: `企业信息变化：${changes}`, en: `the client's answer changed: ${changes}` }),
  unknownWhy: { zh: '原因无法判断（上次结果没有可读的所填信息）', en: 'reason not known (the previous result has no readable facts for this row)' },
  unknownValue: { zh: '未填', en: 'unknown' },
  byUscc: { zh: '按统一社会信用代码', en: 'uscc' },
  byName: { zh: '按企业名称', en: 'name' },
  added: notInPreviousResult,
  notScreened: { zh: '本行有错误，未比对', en: 'not compared: the row has an error' },
  previousError: { zh: '上次结果中该行有错误，未比对', en: 'not compared: the previous row had an error' },
};

/** The enterprise facts a condition reads, derived facts replaced by the profile facts they are computed from. */
function factsRead(catalog: FactCatalog, c: Condition, out = new Set<string>()): Set<string> {
  if ('fact' in c) {
    const inputs = catalog.definition(c.fact)?.inputs;
    if (inputs?.length) for (const input of inputs) factsRead(catalog, { fact: input, operator: 'equal', value: null } as Condition, out);
    else out.add(c.fact);
    return out;
  }
  for (const child of childConditions(c)) factsRead(catalog, child, out);
  return out;
}

/** The derived facts a condition names directly (date windows, durations). */
function derivedRead(catalog: FactCatalog, c: Condition, out = new Set<string>()): Set<string> {
  if ('fact' in c) {
    if (catalog.definition(c.fact)?.derived) out.add(c.fact);
  } else for (const child of childConditions(c)) derivedRead(catalog, child, out);
  return out;
}

const applies = (rule: Rule, status: Status) => status === 'eligible' && countedInScreening(rule) && !isExclusion(rule);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares each screened row with its previous result; keeps the counts for the summary. */
export class Comparer {
  private readonly compiled: CompiledRuleSet;
  private readonly catalog: FactCatalog;
  private readonly rules: readonly Rule[];
  private readonly index: Map<string, number>;
  private readonly matched = new Set<PreviousRow>();
  private readonly statusCache = new Map<string, Status[]>();
  readonly summary: ComparisonSummary;

  constructor(
    private readonly previous: PreviousResult,
    rules: RuleBase,
    private readonly asOf: string,
    private readonly lang: Lang,
  ) {
    this.compiled = rules.compiled;
    this.catalog = rules.catalog;
    this.rules = this.compiled.rules('enterprise');
    this.index = new Map(this.rules.map((r, i) => [r.id, i]));
    this.summary = {
      file: previous.file,
      previousRows: previous.rows,
      matchedByUscc: 0,
      matchedByName: 0,
      added: 0,
      missing: [],
      unmatchable: previous.unmatchable,
      duplicates: previous.duplicates,
      changed: [],
      changedCount: 0,
    };
  }

  /** How many rows of this list found their previous row. */
  get matchedRows(): number {
    return this.summary.matchedByUscc + this.summary.matchedByName;
  }

  /** The row's comparison (also set on the row). */
  compare(row: ScreenedRow): Comparison {
    const lang = this.lang;
    let previous = row.uscc ? this.previous.byUscc.get(usccKey(row.uscc)) : undefined;
    let by: 'uscc' | 'name' = 'uscc';
    if (!previous && row.name) {
      const candidate = this.previous.byName.get(nameKey(row.name));
      // A name match with a different USCC on both sides is another enterprise of the same name.
      if (candidate && !(candidate.uscc && row.uscc && usccKey(candidate.uscc) !== usccKey(row.uscc))) {
        previous = candidate;
        by = 'name';
      }
    }
    let comparison: Comparison;
    if (!previous || this.matched.has(previous)) {
      if (row.error) comparison = { compared: words.notScreened[lang], gained: [], lost: [], reasons: [] };
      else {
        this.summary.added++;
        comparison = { compared: words.added[lang], gained: [], lost: [], reasons: [] };
      }
    } else {
      this.matched.add(previous);
      if (by === 'uscc') this.summary.matchedByUscc++;
      else this.summary.matchedByName++;
      const matchedBy = (by === 'uscc' ? words.byUscc : words.byName)[lang];
      if (row.error) comparison = { compared: `${matchedBy}; ${words.notScreened[lang]}`, gained: [], lost: [], reasons: [] };
      else if (!previous.eligible) comparison = { compared: `${matchedBy}; ${words.previousError[lang]}`, gained: [], lost: [], reasons: [] };
      else comparison = this.changes(row, previous, matchedBy);
    }
    row.comparison = comparison;
    if (comparison.gained.length || comparison.lost.length) {
      this.summary.changedCount++;
      if (this.summary.changed.length < 50) this.summary.changed.push({ row: row.row, name: row.name, comparison });
    }
    return comparison;
  }

  /** Rows of the previous result no row matched: call once the list is done. */
  finish(): ComparisonSummary {
    for (const map of [this.previous.byUscc, this.previous.byName]) {
      for (const row of map.values()) {
        if (!this.matched.has(row) && !this.summary.missing.some((m) => m.row === row.row)) this.summary.missing.push({ row: row.row, name: row.name });
      }
    }
    this.summary.missing.sort((a, b) => a.row - b.row);
    return this.summary;
  }

  private changes(row: ScreenedRow, previous: PreviousRow, matchedBy: string): Comparison {
    const now = new Set(row.eligibleRules);
    const before = previous.eligible!;
    const gained = row.eligibleRules.filter((id) => !before.has(id));
    const lost = [...before].filter((id) => !now.has(id));
    const notes = previous.problems.map((p) => `${this.lang === 'zh' ? '上次结果第' : 'previous row '}${previous.row}${this.lang === 'zh' ? '行' : ''}: ${p}`);
    if (!gained.length && !lost.length) return { compared: matchedBy, gained, lost, reasons: notes };
    const d0 = previous.asOf ?? this.asOf;
    const d1 = this.asOf;
    const current = JSON.parse(row.facts || '{}') as FactValues;
    const profileOf = (facts: FactValues) => ({ ...facts, name: row.name, uscc: row.uscc, incidents: [] }) as unknown as Enterprise;
    // The verdict chain of the module's header: previous facts on their date, previous facts today, current facts today.
    const s0 = previous.facts && this.statuses(profileOf(previous.facts), d0);
    const s1 = previous.facts && this.statuses(profileOf(previous.facts), d1);
    const s2 = this.statuses(profileOf(current), d1);
    const reasons: string[] = [];
    for (const id of [...gained, ...lost]) {
      const isGained = now.has(id);
      const i = this.index.get(id);
      if (i === undefined) {
        reasons.push(`${id}: ${words.removed[this.lang]}`);
        continue;
      }
      const rule = this.rules[i]!;
      const why = this.why(rule, i, isGained, { s0, s1, s2, d0, d1, before: previous.facts, now: current });
      reasons.push(`${id}: ${why.join(this.lang === 'zh' ? '；' : '; ')}`);
    }
    return { compared: matchedBy, gained, lost, reasons: [...reasons, ...notes] };
  }

  private why(
    rule: Rule,
    i: number,
    isGained: boolean,
    c: { s0: Status[] | undefined; s1: Status[] | undefined; s2: Status[]; d0: string; d1: string; before: FactValues | undefined; now: FactValues },
  ): string[] {
    const lang = this.lang;
    const { from, to } = rule.effective;
    const force = (day: string) => inForce(rule, {}, day).status;
    const outOfForce = (day: string) => (to && day > to ? words.ended(to)[lang] : from && day < from ? words.notYet(from)[lang] : undefined);
    const reasons: string[] = [];
    const a0 = !isGained;
    if (!c.s0 || !c.s1) {
      // No previous facts: only what the rule's own dates tell.
      if (!isGained && force(c.d1) === 'not-in-force') return [outOfForce(c.d1)!];
      if (isGained && force(c.d0) === 'not-in-force' && force(c.d1) === 'in-force') return [words.began(from ?? c.d1)[lang]];
      return [words.unknownWhy[lang]];
    }
    const v0 = applies(rule, c.s0[i]!);
    const v1 = applies(rule, c.s1[i]!);
    const v2 = applies(rule, c.s2[i]!);
    if (a0 !== v0) {
      // The rules changed between the two results: said by what the current rules give on the previous date.
      const gone = force(c.d0) === 'not-in-force' && !isGained ? outOfForce(c.d0) : undefined;
      reasons.push(gone ?? (isGained ? words.rulesChangedGained : words.rulesChangedLost)[lang]);
    }
    if (v0 !== v1) {
      if (force(c.d0) !== force(c.d1)) reasons.push(force(c.d1) === 'in-force' ? words.began(from ?? c.d1)[lang] : outOfForce(c.d1)!);
      else {
        const f0 = enterpriseFactSet(this.profile(c.before!), c.d0);
        const f1 = enterpriseFactSet(this.profile(c.before!), c.d1);
        const moved = [...derivedRead(this.catalog, rule.conditions)].filter((f) => !same(f0[f], f1[f])).map((f) => this.label(f));
        reasons.push(words.dates(c.d0, c.d1, moved.join(lang === 'zh' ? '、' : ', '))[lang]);
      }
    }
    if (v1 !== v2) {
      const changed = [...factsRead(this.catalog, rule.conditions)].filter((f) => !same(c.before![f], c.now[f]));
      const described = changed.map((f) => `${this.label(f)}${lang === 'zh' ? '：' : ': '}${this.value(c.before![f])} → ${this.value(c.now[f])}`);
      reasons.push(words.answer(described.join(lang === 'zh' ? '；' : '; '))[lang]);
    }
    return reasons.length ? reasons : [words.unknownWhy[lang]];
  }

  private profile(facts: FactValues): Enterprise {
    return { ...facts, name: '', uscc: '', incidents: [] } as unknown as Enterprise;
  }

  private statuses(profile: Enterprise, asOf: string): Status[] {
    const key = `${asOf}\u0000${JSON.stringify(profile)}`;
    let statuses = this.statusCache.get(key);
    if (!statuses) {
      statuses = this.compiled.statuses('enterprise', enterpriseFactSet(profile, asOf), asOf);
      if (this.statusCache.size > 1000) this.statusCache.clear();
      this.statusCache.set(key, statuses);
    }
    return statuses;
  }

  private label(fact: string): string {
    const definition = this.catalog.definition(fact);
    if (!definition) return fact;
    return this.lang === 'zh' ? shortLabel(definition.zh) : definition.en;
  }

  private value(v: unknown): string {
    if (v === undefined) return words.unknownValue[this.lang];
    if (typeof v === 'boolean') return this.lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
    return Array.isArray(v) ? v.join(this.lang === 'zh' ? '、' : ', ') : String(v);
  }
}

/** The comparison summary's words in each language. */
const comparisonWords = {
  en: {
    head: (s: ComparisonSummary) =>
      `compared with ${s.file}: ${s.previousRows} previous row(s); matched ${s.matchedByUscc} by uscc, ${s.matchedByName} by name; ${s.added} row(s) not in the previous result`,
    row: (row: number, name: string) => `row ${row} ${name}`,
    rows: (list: readonly number[], max: number) => `rows ${list.slice(0, max).join(', ')}${list.length > max ? ', …' : ''}`,
    missing: (count: number, shown: string[], more: boolean) => `in the previous result but not in this list: ${count} (${shown.join(', ')}${more ? ', …' : ''})`,
    unmatchable: (rows: string) => `previous rows with neither uscc nor name, not compared: ${rows}`,
    duplicates: (rows: string) => `previous rows repeating an earlier row's uscc or name, not compared: ${rows}`,
    changed: (count: number, shown: number) => `clients with a change: ${count}${count > shown ? ` (the first ${shown}; all are in the gained, lost and reasons columns)` : ''}`,
    colon: ': ',
  },
  zh: {
    head: (s: ComparisonSummary) =>
      `与 ${s.file} 比对：上次结果 ${s.previousRows} 行；按统一社会信用代码匹配 ${s.matchedByUscc} 行，按企业名称匹配 ${s.matchedByName} 行；${s.added} 行不在上次结果中`,
    row: (row: number, name: string) => `第 ${row} 行 ${name}`,
    rows: (list: readonly number[], max: number) => `第 ${list.slice(0, max).join('、')}${list.length > max ? '…' : ''} 行`,
    missing: (count: number, shown: string[], more: boolean) => `在上次结果中、不在本名单中：${count} 行（${shown.join('、')}${more ? '…' : ''}）`,
    unmatchable: (rows: string) => `上次结果中既无统一社会信用代码也无企业名称、未比对：${rows}`,
    duplicates: (rows: string) => `上次结果中与前面某行统一社会信用代码或企业名称重复、未比对：${rows}`,
    changed: (count: number, shown: number) => `有变化的客户：${count} 个${count > shown ? `（前 ${shown} 个；全部见“新增措施编号”“失去措施编号”“变化原因”列）` : ''}`,
    colon: '：',
  },
} satisfies Record<Lang, unknown>;

/** The summary lines of a comparison (appended to the screening summary). */
export function formatComparison(s: ComparisonSummary, words: Lang = 'en'): string {
  const w = comparisonWords[words];
  const lines = [`  ${w.head(s)}`];
  if (s.missing.length)
    lines.push(
      `  ${w.missing(
        s.missing.length,
        s.missing.slice(0, 10).map((m) => w.row(m.row, m.name)),
        s.missing.length > 10,
      )}`,
    );
  if (s.unmatchable.length) lines.push(`  ${w.unmatchable(w.rows(s.unmatchable, 20))}`);
  if (s.duplicates.length) lines.push(`  ${w.duplicates(w.rows(s.duplicates, 20))}`);
  lines.push(`  ${w.changed(s.changedCount, s.changed.length)}`);
  for (const { row, name, comparison } of s.changed) {
    const changes = [...comparison.gained.map((id) => `+${id}`), ...comparison.lost.map((id) => `-${id}`)].join(' ');
    lines.push(`    ${w.row(row, name)}${w.colon}${changes}`);
    for (const reason of comparison.reasons) lines.push(`      ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
