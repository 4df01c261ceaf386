// The summary `huiqi screen` prints on stderr when a list is done: rows, errors (with row numbers),
// rows eligible per rule, time and rows per second. In English unless the user asked for Chinese
// (`--lang zh`): scripts that read the English lines keep working.
import type { Lang } from '../io/lang.ts';
import { countedInScreening, isExclusion, type Rule } from '../rules/schema.ts';
import type { ListFormat } from './read.ts';
import { formatComparison, type ComparisonSummary } from './compare.ts';
import { errorZh } from './row-error.ts';

export interface Summary {
  input: string;
  format: ListFormat;
  /** Rows read (in this shard). */
  rowsIn: number;
  screened: number;
  errors: number;
  /** Rows written: rowsIn unless --only filters. */
  written: number;
  seconds: number;
  /** The first errors, by row number. */
  errorRows: { row: number; error: string }[];
  perRule: { rule: Rule; eligible: number; undetermined: number }[];
  shard?: { index: number; count: number } | undefined;
  only?: 'eligible' | 'errors' | undefined;
  /** With --compare: what changed since the previous result. */
  comparison?: ComparisonSummary;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The summary's words in each language (the rule titles are in `lang`, the rest in these). */
const summaryWords = {
  en: {
    head: (s: Summary) => `huiqi screen: ${s.input} (${s.format})${s.shard ? `, shard ${s.shard.index}/${s.shard.count}` : ''}`,
    rows: (s: Summary) => `rows in ${n(s.rowsIn)}, rows out ${n(s.written)}${s.only ? ` (--only ${s.only})` : ''}; screened ${n(s.screened)}, with errors ${n(s.errors)}`,
    time: (seconds: string, rate: number) => `time ${seconds} s, ${n(rate)} rows/s`,
    errors: (shown: number, total: number) => `rows with errors${total > shown ? ` (first ${shown} of ${n(total)}; all are in the error column)` : ''}:`,
    errorRow: (row: number, error: string) => `row ${row}: ${error}`,
    eligible: (hits: number, of: number) => `eligible per rule (${hits} of ${of} enterprise rules matched at least one row):`,
    exclusions: (hits: number, of: number) => `exclusions per rule (disqualifications that apply; ${hits} of ${of} matched at least one row):`,
  },
  zh: {
    head: (s: Summary) => `huiqi screen：${s.input}（${s.format}）${s.shard ? `，分片 ${s.shard.index}/${s.shard.count}` : ''}`,
    rows: (s: Summary) => `读入 ${n(s.rowsIn)} 行，写出 ${n(s.written)} 行${s.only ? `（--only ${s.only}）` : ''}；已筛查 ${n(s.screened)} 行，有错误 ${n(s.errors)} 行`,
    time: (seconds: string, rate: number) => `用时 ${seconds} 秒，每秒 ${n(rate)} 行`,
    errors: (shown: number, total: number) => `有错误的行${total > shown ? `（前 ${shown} 行，共 ${n(total)} 行；全部见“错误”列）` : ''}：`,
    errorRow: (row: number, error: string) => `第 ${row} 行：${errorZh(error)}`,
    eligible: (hits: number, of: number) => `各措施适用的企业数（${of} 项企业措施中 ${hits} 项至少适用于一行）：`,
    exclusions: (hits: number, of: number) => `各排除情形涉及的企业数（${of} 项取消资格情形中 ${hits} 项至少涉及一行）：`,
  },
} satisfies Record<Lang, unknown>;

/** The summary; `lang`: of the rule titles, `words`: of everything else. */
export function formatSummary(s: Summary, lang: Lang, words: Lang = 'en'): string {
  const w = summaryWords[words];
  const rate = s.seconds > 0 ? Math.round(s.rowsIn / s.seconds) : s.rowsIn;
  const lines = [w.head(s), `  ${w.rows(s)}`, `  ${w.time(s.seconds.toFixed(2), rate)}`];
  if (s.errors) {
    lines.push(`  ${w.errors(s.errorRows.length, s.errors)}`);
    for (const e of s.errorRows) lines.push(`    ${w.errorRow(e.row, e.error)}`);
  }
  // A disqualification that applies is a warning, not a benefit: listed apart, never among the eligible.
  const byCount = (a: Summary['perRule'][number], b: Summary['perRule'][number]) => b.eligible - a.eligible || a.rule.id.localeCompare(b.rule.id);
  const ruleLine = (r: Summary['perRule'][number]) => `    ${String(r.eligible).padStart(8)}  ${r.rule.id}  ${r.rule.title[lang]}`;
  const benefits = s.perRule.filter((r) => !isExclusion(r.rule) && countedInScreening(r.rule));
  const exclusions = s.perRule.filter((r) => isExclusion(r.rule));
  const hits = benefits.filter((r) => r.eligible > 0).sort(byCount);
  lines.push(`  ${w.eligible(hits.length, benefits.length)}`, ...hits.map(ruleLine));
  if (exclusions.length) {
    const excluded = exclusions.filter((r) => r.eligible > 0).sort(byCount);
    lines.push(`  ${w.exclusions(excluded.length, exclusions.length)}`, ...excluded.map(ruleLine));
  }
  return `${lines.join('\n')}\n${s.comparison ? formatComparison(s.comparison, words) : ''}`;
}
