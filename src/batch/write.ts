// Writing screening results row by row: CSV (RFC 4180, CRLF line ends, written here: a row is a
// handful of cells, and rendering it on the spot keeps per-row garbage short-lived), JSONL, or XLSX (exceljs's streaming
// writer). Output is buffered in chunks and waits for the destination to drain, so memory stays flat.
// A file name of `-` (or none) is stdout.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { InputError } from '../io/read.ts';
import type { ListFormat } from './read.ts';

/** The output columns, in order. */
export const outputColumns = [
  'row', 'name', 'uscc', 'eligible', 'undetermined', 'eligibleRules', 'eligibleTitles', 'exclusions', 'estimatedValueCny', 'error',
] as const;
export type OutputColumn = (typeof outputColumns)[number];

export interface ScreenedRow {
  /** The input row number (CSV/JSONL line, XLSX sheet row). */
  row: number;
  name: string;
  uscc: string;
  /** Counts are undefined for a row with an error: it was not screened. */
  eligible?: number;
  /** Undetermined rules whose situation (trigger) is known to arise: the ones worth asking about. */
  undetermined?: number;
  eligibleRules: string[];
  eligibleTitles: string[];
  /** Disqualifications (rules of kind disqualification) that apply: warnings, not benefits. */
  exclusions: string[];
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
  r.exclusions.join(';'), r.estimatedValueCny ?? '', r.error,
];

const jsonOf = (r: ScreenedRow) => ({
  row: r.row, name: r.name, uscc: r.uscc, eligible: r.eligible ?? null, undetermined: r.undetermined ?? null,
  eligibleRules: r.eligibleRules, eligibleTitles: r.eligibleTitles, exclusions: r.exclusions,
  estimatedValueCny: r.estimatedValueCny ?? null, error: r.error || null,
});

function openStream(file: string | Writable): { out: Writable; close: () => Promise<void> } {
  if (typeof file !== 'string') return { out: file, close: () => new Promise<void>((resolve) => file.end(resolve)) };
  if (file === '-') return { out: process.stdout, close: async () => {} };
  const out = createWriteStream(file, { highWaterMark: 256 * 1024 }); // room to keep screening while chunks are written
  const failed = new Promise<never>((_, reject) => out.once('error', (e) => reject(new InputError(`${file}: cannot write: ${e.message}`))));
  failed.catch(() => {});
  return {
    out,
    close: () => Promise.race([failed, new Promise<void>((resolve) => out.end(resolve))]),
  };
}

/** Text output: each row rendered as it comes (so nothing is held), written in chunks of 32K characters when the destination has room. */
class ChunkedText implements RowWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable, private readonly close: () => Promise<void>, private readonly render: (row: ScreenedRow) => string, head: string) {
    if (head) this.add(head);
  }
  private add(text: string) {
    this.parts.push(text);
    this.size += text.length;
  }
  write(row: ScreenedRow): Promise<void> | void {
    this.add(this.render(row));
    // 32K characters: a longer joined string (two bytes a character for Chinese) would be allocated
    // outside the young generation, where only a full GC frees it, and memory would creep up.
    if (this.size >= 32768) return this.flush();
  }
  private flush(): Promise<void> | void {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (text && !this.out.write(text)) return once(this.out, 'drain').then(() => {});
  }
  async end() {
    await this.flush();
    await this.close();
  }
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
export const csvLine = (cells: (string | number)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The eligibleRules, eligibleTitles and exclusions cells of a row, as CSV text. */
const ruleCells = (r: ScreenedRow): string => `${csvCell(r.eligibleRules.join(';'))},${csvCell(r.eligibleTitles.join('；'))},${r.exclusions.join(';')}`;

/**
 * ruleCells remembered per frozen list of rule ids: the screener gives every row with the same set of
 * eligible rules the same frozen lists (screen.ts), so their text is rendered once. The titles and
 * exclusions lists are checked to be the same ones too.
 */
const renderedRuleCells = new WeakMap<readonly string[], { titles: readonly string[]; exclusions: readonly string[]; text: string }>();
function ruleCellsOf(r: ScreenedRow): string {
  if (!Object.isFrozen(r.eligibleRules)) return ruleCells(r);
  const hit = renderedRuleCells.get(r.eligibleRules);
  if (hit && hit.titles === r.eligibleTitles && hit.exclusions === r.exclusions) return hit.text;
  const text = ruleCells(r);
  renderedRuleCells.set(r.eligibleRules, { titles: r.eligibleTitles, exclusions: r.exclusions, text });
  return text;
}

/** One result as a CSV line, built directly (the same cells as cellsOf; rule ids need no quoting). */
function csvRow(r: ScreenedRow): string {
  const screened = r.eligible !== undefined;
  return `${r.row},${csvCell(r.name)},${csvCell(r.uscc)},${screened ? r.eligible : ''},${screened ? r.undetermined : ''},${ruleCellsOf(r)},${r.estimatedValueCny ?? ''},${r.error ? csvCell(r.error) : ''}\r\n`;
}

class XlsxWriter implements RowWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  constructor(excel: typeof ExcelJS, out: Writable, private readonly close: () => Promise<void>) {
    this.workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
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

/**
 * A writer for `file` (`-` = stdout), or for a stream, which it ends. CSV written to a file or a stream
 * (e.g. a download) starts with a BOM so that Excel reads it as UTF-8.
 */
export async function openWriter(file: string | Writable, format: ListFormat): Promise<RowWriter> {
  const { out, close } = openStream(file);
  // exceljs is loaded only for XLSX: it is large, and CSV/JSONL runs should not carry it.
  if (format === 'xlsx') return new XlsxWriter((await import('exceljs')).default, out, close);
  if (format === 'jsonl') return new ChunkedText(out, close, (r) => `${JSON.stringify(jsonOf(r))}\n`, '');
  const head = (file === '-' ? '' : '\uFEFF') + csvLine([...outputColumns]);
  return new ChunkedText(out, close, csvRow, head);
}
