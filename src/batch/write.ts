// Writing screening results row by row: CSV (RFC 4180, CRLF line ends, written here: a row is a
// handful of cells, and rendering it on the spot keeps per-row garbage short-lived), JSONL, or XLSX (exceljs's streaming
// writer). Output is buffered in chunks and waits for the destination to drain, so memory stays flat.
// A file name of `-` (or none) is stdout. A file is written beside its target and put in place only
// when the list is done (../io/output.ts): a refused list leaves an earlier result untouched.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { openOutputStream, outputError, outputStreamOn, type OutputError } from '../io/output.ts';
import type { ListFormat } from './read.ts';
import { errorZh } from './row-error.ts';

/**
 * The output columns, in order. `asOf` and `facts` (the facts the row stated, as JSON) make a result
 * comparable with a later one (`--compare`, ./compare.ts): what changed can then be told apart into the
 * rules, the date and the client's answers.
 */
export const outputColumns = [
  'row',
  'name',
  'uscc',
  'eligible',
  'undetermined',
  'eligibleRules',
  'eligibleTitles',
  'exclusions',
  'estimatedValueCny',
  'error',
  'asOf',
  'facts',
] as const;
export type OutputColumn = (typeof outputColumns)[number];
/** The columns `--compare` adds: how the row was matched in the previous result, the measures gained and lost, and why. */
export const compareColumns = ['compared', 'gained', 'lost', 'reasons'] as const;
export type CompareColumn = (typeof compareColumns)[number];

/** The header of each column in each language: the one table of column words (a result with either header can be read back). */
export const columnWords: Readonly<Record<OutputColumn | CompareColumn, { zh: string; en: string }>> = {
  row: { zh: '行号', en: 'row' },
  name: { zh: '企业名称', en: 'name' },
  uscc: { zh: '统一社会信用代码', en: 'uscc' },
  eligible: { zh: '适用措施数', en: 'eligible' },
  undetermined: { zh: '待确认措施数', en: 'undetermined' },
  eligibleRules: { zh: '适用措施编号', en: 'eligibleRules' },
  eligibleTitles: { zh: '适用措施', en: 'eligibleTitles' },
  exclusions: { zh: '排除情形编号', en: 'exclusions' },
  estimatedValueCny: { zh: '估计金额（元）', en: 'estimatedValueCny' },
  error: { zh: '错误', en: 'error' },
  asOf: { zh: '评估日期', en: 'asOf' },
  facts: { zh: '所填信息', en: 'facts' },
  compared: { zh: '比对', en: 'compared' },
  gained: { zh: '新增措施编号', en: 'gained' },
  lost: { zh: '失去措施编号', en: 'lost' },
  reasons: { zh: '变化原因', en: 'reasons' },
};

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
  /** The evaluation date (YYYY-MM-DD). */
  asOf?: string;
  /** The facts the row stated (name and uscc apart), as a JSON object's text; '' for a row with an error. */
  facts?: string;
  /** `facts` as a quoted CSV cell, when the screener made it from remembered pieces (see RowScreener.addFacts). */
  factsCsvCell?: string;
  /** With --compare: what changed since the previous result. */
  comparison?: Comparison;
}

/** A row compared with its previous result: how it was matched, the measures gained and lost, and a reason for each. */
export interface Comparison {
  /** `uscc` or `name` (matched by), or a word for why it was not compared (new, an error). */
  compared: string;
  gained: string[];
  lost: string[];
  /** `rule id: reason`, one for each measure gained or lost (and notes on the previous row). */
  reasons: string[];
}

/** How a written result is laid out: its header's language, and whether it carries the compare columns. */
export interface ResultLayout {
  /** Column headers in English (the default: stable names for scripts) or Chinese. */
  headers?: 'en' | 'zh';
  compare?: boolean;
}

export interface RowWriter {
  write(row: ScreenedRow): Promise<void> | void;
  /** Finishes the output and puts the file in place. */
  end(): Promise<void>;
  /** Drops the output: an earlier file at the path stays as it was. */
  abort(): Promise<void>;
  /** Why the output could not be written, once that happened. */
  readonly error: OutputError | undefined;
}

/** Separators inside one cell: rule ids by `;`, titles by `；`, reasons by ` | `. */
const cellsOf = (r: ScreenedRow, compare: boolean): (string | number)[] => [
  r.row,
  r.name,
  r.uscc,
  r.eligible ?? '',
  r.undetermined ?? '',
  r.eligibleRules.join(';'),
  r.eligibleTitles.join('；'),
  r.exclusions.join(';'),
  r.estimatedValueCny ?? '',
  r.error,
  r.asOf ?? '',
  r.facts ?? '',
  ...(compare ? comparisonCells(r.comparison) : []),
];

const comparisonCells = (c: Comparison | undefined): string[] => (c ? [c.compared, c.gained.join(';'), c.lost.join(';'), c.reasons.join(' | ')] : ['', '', '', '']);

/** A JSONL line: the facts are spliced in as the object they are. */
function jsonLine(r: ScreenedRow, compare: boolean): string {
  const line = JSON.stringify({
    row: r.row,
    name: r.name,
    uscc: r.uscc,
    eligible: r.eligible ?? null,
    undetermined: r.undetermined ?? null,
    eligibleRules: r.eligibleRules,
    eligibleTitles: r.eligibleTitles,
    exclusions: r.exclusions,
    estimatedValueCny: r.estimatedValueCny ?? null,
    error: r.error || null,
    asOf: r.asOf ?? null,
  });
  const facts = r.facts ? r.facts : 'null';
  const comparison = compare ? `,"comparison":${JSON.stringify(r.comparison ?? null)}` : '';
  return `${line.slice(0, -1)},"facts":${facts}${comparison}}\n`;
}

/**
 * A row as a table with headers in `layout.headers` says it: with Chinese headers, its error in Chinese
 * too (the people reading a zh table are not the scripts reading the English one). JSONL keeps English.
 */
const inHeaderLanguage = (r: ScreenedRow, layout: ResultLayout): ScreenedRow => (layout.headers === 'zh' && r.error ? { ...r, error: errorZh(r.error) } : r);

/** The header row of a result. */
export const headerCells = (layout: ResultLayout = {}): string[] =>
  [...outputColumns, ...(layout.compare ? compareColumns : [])].map((c) => columnWords[c][layout.headers ?? 'en']);

type Output = ReturnType<typeof openOutputStream> & { path: string };

/** What every writer does with its output: put it in place, drop it, or tell why it failed. */
abstract class OutputWriter {
  constructor(protected readonly output: Output) {}
  get error() {
    return this.output.error;
  }
  abort() {
    return this.output.abort();
  }
  /** Waits until the destination has room; a failed write becomes an OutputError naming the path. */
  protected drained(): Promise<void> {
    return once(this.output.stream, 'drain').then(
      () => {},
      (e: unknown) => {
        throw outputError(this.output.path, e);
      },
    );
  }
}

/** Text output: each row rendered as it comes (so nothing is held), written in chunks of 32K characters when the destination has room. */
class ChunkedText extends OutputWriter implements RowWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(
    output: Output,
    private readonly render: (row: ScreenedRow) => string,
    head: string,
  ) {
    super(output);
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
    if (text && !this.output.stream.write(text)) return this.drained();
  }
  async end() {
    await this.flush();
    await this.output.commit();
  }
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = neutralised(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text that Excel or WPS would run as a formula (a name like `=HYPERLINK("http://x","y")`, or starting
 * with + - @ tab or CR) gets a leading single quote, the usual CSV-injection guard: the cell then shows
 * as text. XLSX output needs none (its cells are typed strings); numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
export const csvLine = (cells: (string | number)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The eligibleRules, eligibleTitles and exclusions cells of a row, as CSV text. */
const ruleCells = (r: ScreenedRow): string => `${csvCell(r.eligibleRules.join(';'))},${csvCell(r.eligibleTitles.join('；'))},${r.exclusions.join(';')}`;

type RenderedRuleCells = WeakMap<readonly string[], { titles: readonly string[]; exclusions: readonly string[]; text: string }>;

/**
 * ruleCells remembered per frozen list of rule ids (in `rendered`, one writer's): the screener gives every
 * row with the same set of eligible rules the same frozen lists (screen.ts), so their text is rendered
 * once. The titles and exclusions lists are checked to be the same ones too.
 */
function ruleCellsOf(r: ScreenedRow, rendered: RenderedRuleCells): string {
  if (!Object.isFrozen(r.eligibleRules)) return ruleCells(r);
  const hit = rendered.get(r.eligibleRules);
  if (hit && hit.titles === r.eligibleTitles && hit.exclusions === r.exclusions) return hit.text;
  const text = ruleCells(r);
  rendered.set(r.eligibleRules, { titles: r.eligibleTitles, exclusions: r.exclusions, text });
  return text;
}

/** One result as a CSV line, built directly (the same cells as cellsOf; rule ids need no quoting). */
function csvRow(r: ScreenedRow, rendered: RenderedRuleCells): string {
  const screened = r.eligible !== undefined;
  return `${r.row},${csvCell(r.name)},${csvCell(r.uscc)},${screened ? r.eligible : ''},${screened ? r.undetermined : ''},${ruleCellsOf(r, rendered)},${r.estimatedValueCny ?? ''},${r.error ? csvCell(r.error) : ''},${r.asOf ?? ''},${r.factsCsvCell ?? (r.facts ? csvCell(r.facts) : '')}\r\n`;
}

const csvRowCompared = (r: ScreenedRow, rendered: RenderedRuleCells): string => `${csvRow(r, rendered).slice(0, -2)},${comparisonCells(r.comparison).map(csvCell).join(',')}\r\n`;

class XlsxWriter extends OutputWriter implements RowWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  constructor(
    excel: typeof ExcelJS,
    output: Output,
    private readonly layout: ResultLayout,
  ) {
    super(output);
    this.workbook = new excel.stream.xlsx.WorkbookWriter({ stream: output.stream as Writable, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet('screening');
    this.sheet.addRow(headerCells(layout)).commit();
  }
  write(row: ScreenedRow) {
    this.sheet.addRow(cellsOf(inHeaderLanguage(row, this.layout), this.layout.compare ?? false)).commit();
  }
  async end() {
    this.sheet.commit();
    await Promise.race([this.workbook.commit(), this.output.failed]);
    await this.output.commit();
  }
}

/**
 * A writer for `file` (`-` = stdout), or for a stream (e.g. a download), which it ends. CSV written to a
 * file or a stream starts with a BOM so that Excel reads it as UTF-8.
 */
export async function openWriter(file: string | Writable, format: ListFormat, layout: ResultLayout = {}): Promise<RowWriter> {
  const output: Output =
    typeof file === 'string'
      ? Object.assign(openOutputStream(file, { highWaterMark: 256 * 1024 }), { path: file }) // room to keep screening while chunks are written
      : Object.assign(outputStreamOn(file), { path: 'the download' });
  // exceljs is loaded only for XLSX: it is large, and CSV/JSONL runs should not carry it.
  const compare = layout.compare ?? false;
  if (format === 'xlsx') return new XlsxWriter((await import('exceljs')).default, output, layout);
  if (format === 'jsonl') return new ChunkedText(output, (r) => jsonLine(r, compare), '');
  const head = (file === '-' ? '' : '\uFEFF') + csvLine(headerCells(layout));
  const rendered: RenderedRuleCells = new WeakMap();
  const row = (r: ScreenedRow) => inHeaderLanguage(r, layout);
  return new ChunkedText(output, compare ? (r) => csvRowCompared(row(r), rendered) : (r) => csvRow(row(r), rendered), head);
}
