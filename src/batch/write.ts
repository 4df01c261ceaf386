// Writing screening results row by row: CSV (csv-stringify), JSONL, or XLSX (exceljs's streaming
// writer). Output is buffered in chunks and waits for the destination to drain, so memory stays flat.
// A file name of `-` (or none) is stdout.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { InputError } from '../io/read.ts';
import type { ListFormat } from './read.ts';

/** The output columns, in order. */
export const outputColumns = [
  'row', 'name', 'uscc', 'eligible', 'undetermined', 'eligibleRules', 'eligibleTitles', 'undeterminedRules', 'estimatedValueCny', 'error',
] as const;
export type OutputColumn = (typeof outputColumns)[number];

export interface ScreenedRow {
  /** The input row number (CSV/JSONL line, XLSX sheet row). */
  row: number;
  name: string;
  uscc: string;
  /** Counts are undefined for a row with an error: it was not screened. */
  eligible?: number;
  undetermined?: number;
  eligibleRules: string[];
  eligibleTitles: string[];
  undeterminedRules: string[];
  /** Sum of the CNY amounts of the eligible rules that state one (the upper figure where a range is given). */
  estimatedValueCny?: number;
  error: string;
}

export interface RowWriter {
  write(row: ScreenedRow): Promise<void> | void;
  end(): Promise<void>;
}

/** Separators inside one cell: rule ids by `;`, titles by `；`. */
const cellsOf = (r: ScreenedRow): (string | number)[] => [
  r.row, r.name, r.uscc, r.eligible ?? '', r.undetermined ?? '', r.eligibleRules.join(';'), r.eligibleTitles.join('；'),
  r.undeterminedRules.join(';'), r.estimatedValueCny ?? '', r.error,
];

const jsonOf = (r: ScreenedRow) => ({
  row: r.row, name: r.name, uscc: r.uscc, eligible: r.eligible ?? null, undetermined: r.undetermined ?? null,
  eligibleRules: r.eligibleRules, eligibleTitles: r.eligibleTitles, undeterminedRules: r.undeterminedRules,
  estimatedValueCny: r.estimatedValueCny ?? null, error: r.error || null,
});

function openStream(file: string): { out: Writable; close: () => Promise<void> } {
  if (file === '-') return { out: process.stdout, close: async () => {} };
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', (e) => reject(new InputError(`${file}: cannot write: ${e.message}`))));
  failed.catch(() => {});
  return {
    out,
    close: () => Promise.race([failed, new Promise<void>((resolve) => out.end(resolve))]),
  };
}

/** Text output rendered a thousand rows at a time, each chunk written when the destination has room. */
class ChunkedText implements RowWriter {
  private pending: ScreenedRow[] = [];
  private head: string;
  constructor(private readonly out: Writable, private readonly close: () => Promise<void>, private readonly render: (rows: ScreenedRow[]) => string, head: string) {
    this.head = head;
  }
  write(row: ScreenedRow): Promise<void> | void {
    this.pending.push(row);
    if (this.pending.length >= 1000) return this.flush();
  }
  private flush(): Promise<void> | void {
    const text = this.head + this.render(this.pending);
    this.head = '';
    this.pending = [];
    if (text && !this.out.write(text)) return once(this.out, 'drain').then(() => {});
  }
  async end() {
    await this.flush();
    await this.close();
  }
}

class XlsxWriter implements RowWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  constructor(out: Writable, private readonly close: () => Promise<void>) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet('screening');
    this.sheet.addRow([...outputColumns]).commit();
  }
  write(row: ScreenedRow) {
    this.sheet.addRow(cellsOf(row)).commit();
  }
  async end() {
    this.sheet.commit();
    await this.workbook.commit();
    await this.close();
  }
}

/** A writer for `file` (`-` = stdout). CSV written to a file starts with a BOM so that Excel reads it as UTF-8. */
export function openWriter(file: string, format: ListFormat): RowWriter {
  const { out, close } = openStream(file);
  if (format === 'xlsx') return new XlsxWriter(out, close);
  if (format === 'jsonl') return new ChunkedText(out, close, (rows) => rows.map((r) => `${JSON.stringify(jsonOf(r))}\n`).join(''), '');
  const head = (file === '-' ? '' : '\uFEFF') + stringify([[...outputColumns]]);
  return new ChunkedText(out, close, (rows) => (rows.length ? stringify(rows.map(cellsOf)) : ''), head);
}
