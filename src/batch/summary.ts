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

/** The summary; `lang`: of the rule titles, `words`: of everything else. */
export function formatSummary(s: Summary, lang: Lang, words: Lang = 'en'): string {
  if (words === 'zh') return summaryZh(s, lang);
  const rate = s.seconds > 0 ? Math.round(s.rowsIn / s.seconds) : s.rowsIn;
  const lines = [
    `huiqi screen: ${s.input} (${s.format})${s.shard ? `, shard ${s.shard.index}/${s.shard.count}` : ''}`,
    `  rows in ${n(s.rowsIn)}, rows out ${n(s.written)}${s.only ? ` (--only ${s.only})` : ''}; screened ${n(s.screened)}, with errors ${n(s.errors)}`,
    `  time ${s.seconds.toFixed(2)} s, ${n(rate)} rows/s`,
  ];
  if (s.errors) {
    lines.push(`  rows with errors${s.errors > s.errorRows.length ? ` (first ${s.errorRows.length} of ${n(s.errors)}; all are in the error column)` : ''}:`);
    for (const e of s.errorRows) lines.push(`    row ${e.row}: ${e.error}`);
  }
  // A disqualification that applies is a warning, not a benefit: listed apart, never among the eligible.
  const byCount = (a: Summary['perRule'][number], b: Summary['perRule'][number]) => b.eligible - a.eligible || a.rule.id.localeCompare(b.rule.id);
  const benefits = s.perRule.filter((r) => !isExclusion(r.rule) && countedInScreening(r.rule));
  const exclusions = s.perRule.filter((r) => isExclusion(r.rule));
  const hits = benefits.filter((r) => r.eligible > 0).sort(byCount);
  lines.push(`  eligible per rule (${hits.length} of ${benefits.length} enterprise rules matched at least one row):`);
  for (const r of hits) lines.push(`    ${String(r.eligible).padStart(8)}  ${r.rule.id}  ${r.rule.title[lang]}`);
  if (exclusions.length) {
    const excluded = exclusions.filter((r) => r.eligible > 0).sort(byCount);
    lines.push(`  exclusions per rule (disqualifications that apply; ${excluded.length} of ${exclusions.length} matched at least one row):`);
    for (const r of excluded) lines.push(`    ${String(r.eligible).padStart(8)}  ${r.rule.id}  ${r.rule.title[lang]}`);
  }
  return `${lines.join('\n')}\n${s.comparison ? formatComparison(s.comparison) : ''}`;
}

function summaryZh(s: Summary, lang: Lang): string {
  const rate = s.seconds > 0 ? Math.round(s.rowsIn / s.seconds) : s.rowsIn;
  const lines = [
    `huiqi screen：${s.input}（${s.format}）${s.shard ? `，分片 ${s.shard.index}/${s.shard.count}` : ''}`,
    `  读入 ${n(s.rowsIn)} 行，写出 ${n(s.written)} 行${s.only ? `（--only ${s.only}）` : ''}；已筛查 ${n(s.screened)} 行，有错误 ${n(s.errors)} 行`,
    `  用时 ${s.seconds.toFixed(2)} 秒，每秒 ${n(rate)} 行`,
  ];
  if (s.errors) {
    lines.push(`  有错误的行${s.errors > s.errorRows.length ? `（前 ${s.errorRows.length} 行，共 ${n(s.errors)} 行；全部见“错误”列）` : ''}：`);
    for (const e of s.errorRows) lines.push(`    第 ${e.row} 行：${errorZh(e.error)}`);
  }
  const byCount = (a: Summary['perRule'][number], b: Summary['perRule'][number]) => b.eligible - a.eligible || a.rule.id.localeCompare(b.rule.id);
  const benefits = s.perRule.filter((r) => !isExclusion(r.rule) && countedInScreening(r.rule));
  const exclusions = s.perRule.filter((r) => isExclusion(r.rule));
  const hits = benefits.filter((r) => r.eligible > 0).sort(byCount);
  lines.push(`  各措施适用的企业数（${benefits.length} 项企业措施中 ${hits.length} 项至少适用于一行）：`);
  for (const r of hits) lines.push(`    ${String(r.eligible).padStart(8)}  ${r.rule.id}  ${r.rule.title[lang]}`);
  if (exclusions.length) {
    const excluded = exclusions.filter((r) => r.eligible > 0).sort(byCount);
    lines.push(`  各排除情形涉及的企业数（${exclusions.length} 项取消资格情形中 ${excluded.length} 项至少涉及一行）：`);
    for (const r of excluded) lines.push(`    ${String(r.eligible).padStart(8)}  ${r.rule.id}  ${r.rule.title[lang]}`);
  }
  return `${lines.join('\n')}\n${s.comparison ? formatComparison(s.comparison, 'zh') : ''}`;
}
