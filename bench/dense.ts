// The dense list of the bench: the generated list (generate.ts) plus a column for every other plain
// enterprise fact the enterprise rules name, most of them filled, so the rules evaluate on known facts
// and deep into their trees, where the sparse list mostly stops at the first unknown. A column is kept
// only if every value it may take passes the screen's own validation (a fact with a format of its own,
// e.g. a code, is left out rather than filled with made-up values the schema refuses).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { builtinColumns, columnsOf, type ColumnField } from '../src/batch/columns.ts';
import type { RuleBase } from '../src/engine/rule-base.ts';
import { RowScreener } from '../src/batch/screen.ts';
import { namedFacts } from '../src/engine/truth.ts';
import type { Rule } from '../src/rules/schema.ts';
import { breakages, generatedHeader, generateRow, prng } from './generate.ts';

/** The facts the enterprise rules name (plain and derived). */
export function enterpriseRuleFacts(rules: readonly Rule[]): Set<string> {
  const facts = new Set<string>();
  for (const r of rules) if (r.appliesTo === 'enterprise') namedFacts(r.conditions, facts);
  return facts;
}

const FILLED = 0.85;

/** A value for a column of this type, as a cell; undefined for types the dense list does not fill. */
function cellFor(f: ColumnField, rand: () => number): string | undefined {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  switch (f.type) {
    case 'boolean':
      return rand() < 0.5 ? '是' : '否';
    case 'enum':
      return f.values?.length ? pick(f.values) : undefined;
    case 'string[]':
      return f.values?.length ? pick(f.values) : undefined;
    case 'number':
      return String(Math.floor(rand() * 1e4) * 1000);
    case 'date':
      return `20${18 + Math.floor(rand() * 8)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    default:
      return undefined;
  }
}

/** The extra columns: rule facts with a column, not in the sparse header, whose every tried value validates. */
export function denseColumns(rules: RuleBase, asOf: string): ColumnField[] {
  const named = enterpriseRuleFacts(rules.rules);
  const sparse = new Set(generatedHeader.map((h) => builtinColumns.fieldForHeader(h)?.field));
  const screener = new RowScreener({ rules, asOf, lang: 'zh' });
  const rand = prng(99);
  let base: string[];
  do base = generateRow(rand);
  while (screener.screen({ row: 2, header: generatedHeader, cells: base }).error);
  return columnsOf(rules).fields.filter((f) => {
    if (!named.has(f.field) || sparse.has(f.field) || cellFor(f, rand) === undefined) return false;
    const header = [...generatedHeader, f.field];
    for (let i = 0; i < 20; i++) {
      if (screener.screen({ row: 2, header, cells: [...base, cellFor(f, rand)!] }).error) return false;
    }
    return true;
  });
}

/** Writes `rows` dense rows as CSV: the sparse row's cells, then `columns` (each filled in 85% of rows). */
export async function writeDenseList(file: string, rows: number, columns: readonly ColumnField[], options: { seed?: number; brokenRate?: number } = {}): Promise<void> {
  const rand = prng(options.seed ?? 20240602);
  const out = createWriteStream(file);
  let chunk = `${[...generatedHeader, ...columns.map((c) => c.field)].join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const broken = options.brokenRate && rand() < options.brokenRate ? breakages[Math.floor(rand() * breakages.length)] : undefined;
    const cells = generateRow(rand, broken).map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
    for (const c of columns) cells.push(rand() < FILLED ? cellFor(c, rand)! : '');
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
