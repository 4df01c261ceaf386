// Reading enterprise lists row by row, whatever their size: CSV (./csv.ts), JSONL (one JSON object a
// line) and XLSX (exceljs's streaming reader; one worksheet, the first with rows unless --sheet names one). A file name of `-` is stdin.
// Each row carries its number as the user sees it: the record in a CSV file as a spreadsheet shows it
// (the header is row 1), the line in a JSONL file, the sheet row in XLSX.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { decodeChunks, type InputEncoding } from '../io/encoding.ts';
import type { Note } from '../io/note.ts';
import { LIMITS } from '../io/limits.ts';
import { InputError } from '../io/input-error.ts';
import { builtinColumns, type ColumnMap } from './columns.ts';
import { CsvReader, CsvSyntaxError, type CsvRecord } from './csv.ts';
import { validateXlsx } from './xlsx-validate.ts';

export const listFormats = ['csv', 'jsonl', 'xlsx'] as const;
export type ListFormat = (typeof listFormats)[number];

/** One input row: its cells under their headers, or why it could not be read at all. */
export interface RawRow {
  row: number;
  /** Headers of `cells`, position by position (the same array for every row of a CSV or XLSX file). */
  header: readonly string[];
  cells: readonly unknown[];
  /** Set when the row itself is unreadable (not JSON, more cells than headers); it is still a row. */
  error?: string;
}

export interface ListSource {
  format: ListFormat;
  /** Bytes read so far and the file size (undefined for stdin), for a progress bar. */
  progress(): { bytes: number; total?: number };
  /** Rows in batches (as many as are ready), so that rows are handled without a promise each. */
  batches: AsyncIterable<RawRow[]>;
}

/** How a text list is decoded (../io/encoding.ts): the encoding asked for, and where the note on a guessed one goes. */
export interface Reading {
  encoding?: InputEncoding;
  note?: Note;
  /** XLSX: the sheet by name or 1-based number (default: the first with a row in it). */
  sheet?: string;
  /** XLSX: the header's row number (default: the row naming 企业名称/统一社会信用代码 among the first rows, else the first). */
  headerRow?: number;
  /** XLSX: the columns a header may name (the rule set's; default the built-in facts'): which are dates, which row is the header. */
  columns?: ColumnMap;
  /** The longest cell kept whole (default LIMITS.textLength); a screening result's facts cell may be longer. */
  cellLimit?: number;
}

/** The format a file name implies, if any (tab-separated text is read as CSV with tabs). */
export function formatOfName(file: string): ListFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' || ext === '.txt' || ext === '.tsv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Guesses the format from the first bytes: a zip (XLSX), a JSON object, or else CSV. */
function sniff(first: Buffer): ListFormat {
  if (first[0] === 0x50 && first[1] === 0x4b) return 'xlsx';
  const text = first
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{') ? 'jsonl' : 'csv';
}

/** A list to read: a file name (`-` is stdin), or a stream (e.g. an upload) with the name that messages give it. */
export type ListInput = string | { stream: Readable; name: string };

/** Opens a list: `-` is stdin; the format comes from `format`, else the file name, else the first bytes. */
export async function openList(list: ListInput, format?: ListFormat, reading: Reading = {}): Promise<ListSource> {
  let stream: Readable;
  let total: number | undefined;
  let counted = 0;
  const file = typeof list === 'string' ? list : list.name;
  if (typeof list !== 'string') {
    stream = list.stream;
  } else if (file === '-') {
    stream = process.stdin;
  } else {
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) throw new Error('is a folder');
      total = stat.size;
    } catch (e) {
      throw new InputError(`${file}: cannot read: ${(e as Error).message}`);
    }
    stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  }
  const chosen = format ?? (file === '-' ? undefined : formatOfName(file));
  const counting = countBytes(stream, file, (n) => (counted += n));
  const input = chosen ? counting : await peek(counting);
  const fmt = chosen ?? sniff((input as Readable & { first: Buffer }).first);
  const text = () => decodeChunks(input, file === '-' ? 'stdin' : file, reading.encoding, reading.note);
  const limit = reading.cellLimit ?? LIMITS.textLength;
  const batches =
    fmt === 'csv'
      ? csvRows(text(), file, limit)
      : fmt === 'jsonl'
        ? jsonlRows(text(), limit)
        : xlsxRows(input, file, reading, limit, typeof list === 'string' && file !== '-' ? file : undefined);
  return { format: fmt, progress: () => ({ bytes: counted, ...(total !== undefined && { total }) }), batches };
}

/** Every row of a list, one by one (for tests and tools; screening uses the batches). */
export async function* rowsOf(source: ListSource): AsyncGenerator<RawRow> {
  for await (const batch of source.batches) yield* batch;
}

/**
 * Cuts a cell longer than the text limit (a 50 MB "name" is not echoed into the output) and says so;
 * returns the row's error, if any. Cells are checked in place: a length test per cell costs nothing.
 */
function cutOversized(header: readonly string[], cells: unknown[], limit: number): string | undefined {
  let problem: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > limit) {
      problem ??= `${header[i] ?? `column ${i + 1}`}: is ${cell.length.toLocaleString('en-US')} characters long; a cell may be at most ${limit.toLocaleString('en-US')}`;
      cells[i] = `${cell.slice(0, 40)}…`;
    }
  }
  return problem;
}

/** The stream's bytes, counted as they pass; a read error becomes an InputError naming the file. */
function countBytes(stream: Readable, file: string, add: (n: number) => void): Readable {
  return Readable.from(
    (async function* () {
      try {
        for await (const chunk of stream) {
          add((chunk as Buffer).length);
          yield chunk as Buffer;
        }
      } catch (e) {
        throw new InputError(`${file === '-' ? 'stdin' : file}: cannot read: ${(e as Error).message}`);
      }
    })(),
    { objectMode: false },
  );
}

/** Reads the first chunk (to sniff the format) and gives back a stream that still starts with it. */
async function peek(stream: Readable): Promise<Readable & { first: Buffer }> {
  const it = stream[Symbol.asyncIterator]();
  const head = await it.next();
  const first: Buffer = head.done ? Buffer.alloc(0) : (head.value as Buffer);
  const rest = Readable.from(
    (async function* () {
      if (first.length) yield first;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Buffer;
    })(),
    { objectMode: false },
  );
  return Object.assign(rest, { first });
}

/** Rows per batch: few enough that a batch is gone before the next scavenge, enough that the promise per batch costs nothing. */
const BATCH_ROWS = 32;

/** Tab-separated when the first line has tabs and no comma (Excel's "Unicode text"), else comma-separated. */
function delimiterOf(text: string): ',' | '\t' {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

async function* csvRows(input: AsyncIterable<string>, file: string, limit: number): AsyncGenerator<RawRow[]> {
  let reader: CsvReader | undefined;
  let header: string[] | undefined;
  // Rows are numbered by record, as a spreadsheet numbers them (the header is row 1, an empty line is a
  // row too), not by line: a quoted name with a line break in it is one row, not two.
  let record = 0;
  const toRows = (records: CsvRecord[]): RawRow[] => {
    const rows: RawRow[] = [];
    for (const { cells } of records) {
      const row = ++record;
      if (cells.length === 1 && cells[0] === '') continue; // an empty line is not a row
      if (!header) {
        header = cells.map((h) => h.trim());
        continue;
      }
      // A row with fewer cells is as suspect as one with more: its cells may have shifted, and the missing
      // ones would otherwise silently become unknown.
      const error = cells.length !== header.length ? `${cells.length} cells but the header has ${header.length} columns` : cutOversized(header, cells, limit);
      rows.push(error ? { row, header, cells, error } : { row, header, cells });
    }
    return rows;
  };
  try {
    for await (const chunk of input) {
      reader ??= new CsvReader(delimiterOf(chunk));
      reader.feed(chunk);
      // A few rows at a time, not a whole chunk's: rows alive at a scavenge are promoted, and V8 then
      // allocates their kind in old space from the start, which made peak memory bimodal.
      for (;;) {
        const records: CsvRecord[] = [];
        const got = reader.take(records, BATCH_ROWS);
        const rows = toRows(records);
        if (rows.length) yield rows;
        if (got < BATCH_ROWS) break;
      }
    }
    const records: CsvRecord[] = [];
    reader?.end(records);
    const rows = toRows(records);
    if (rows.length) yield rows;
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputError(`${file === '-' ? 'stdin' : file}: not readable as CSV: ${e.message}`);
    throw e;
  }
  if (!header) throw new InputError(`${file === '-' ? 'stdin' : file}: empty list: no header row`);
}

async function* jsonlRows(input: AsyncIterable<string>, limit: number): AsyncGenerator<RawRow[]> {
  let rest = '';
  let line = 0;
  const parseLine = (text: string, rows: RawRow[]) => {
    const row = ++line;
    if (row === 1) text = text.replace(/^\uFEFF/, '');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      rows.push({ row, header: [], cells: [], error: `not valid JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) rows.push({ row, header: [], cells: [], error: 'not a JSON object (one enterprise per line)' });
    else {
      const header = Object.keys(value);
      const cells = Object.values(value);
      const error = cutOversized(header, cells, limit);
      rows.push(error ? { row, header, cells, error } : { row, header, cells });
    }
  };
  for await (const chunk of input) {
    const text = rest + chunk;
    const rows: RawRow[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      parseLine(text.slice(start, nl), rows);
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rows.length) yield rows;
  }
  if (rest) {
    const rows: RawRow[] = [];
    parseLine(rest, rows);
    if (rows.length) yield rows;
  }
}

/** A formula cell the file saved without its result (written by a program, never opened in Excel). */
class FormulaWithoutValue {
  constructor(readonly formula: string) {}
}

/** An exceljs cell value as a plain value: rich text as its text, a formula as its result, a link as its text. */
function plainCell(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v && v.result !== undefined) return plainCell(v.result);
  if (v.formula !== undefined || v.sharedFormula !== undefined) return new FormulaWithoutValue(v.formula ?? v.sharedFormula!);
  if ('text' in v) return plainCell(v.text);
  if (v.error) return v.error;
  return String(value);
}

/** The spreadsheet letter of a 0-based column: 0 → A, 27 → AB. */
function columnLetter(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** Days since 1899-12-30 (Excel's day 0, after its 1900 leap-year bug) as a date: a date cell saved as a number. */
const fromSerial = (days: number): Date => new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86_400_000);
/** Serial numbers of 1900-01-01 to 9999-12-31, the dates Excel can show. */
const isSerialDate = (v: unknown): v is number => typeof v === 'number' && v >= 1 && v < 2_958_466;

/** Rows above the header a sheet may have (a title, a date, a note) when the header is found by its name column. */
const TITLE_ROWS = 20;

/**
 * An XLSX list: checked whole first (./xlsx-validate.ts: what it expands to, a damaged zip), then read. A
 * stream (an upload, stdin) is first written to a temporary file, since the check needs the zip's end.
 */
async function* xlsxRows(input: Readable, file: string, reading: Reading, limit: number, path?: string): AsyncGenerator<RawRow[]> {
  const origin = file === '-' ? 'stdin' : file;
  if (path !== undefined) {
    await validateXlsx(path, origin);
    return yield* readXlsx(input, file, reading, limit);
  }
  const folder = await mkdtemp(join(tmpdir(), 'huiqi-xlsx-'));
  try {
    const copy = join(folder, 'list.xlsx');
    await pipeline(input, createWriteStream(copy));
    await validateXlsx(copy, origin);
    yield* readXlsx(createReadStream(copy, { highWaterMark: 64 * 1024 }), file, reading, limit);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function* readXlsx(input: Readable, file: string, reading: Reading, limit: number): AsyncGenerator<RawRow[]> {
  // Loaded only for XLSX: it is large, and CSV/JSONL runs should not carry it.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const origin = file === '-' ? 'stdin' : file;
  const wanted = reading.sheet;
  const wantedIndex = wanted !== undefined && /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const seen: string[] = [];
  let header: string[] | undefined;
  let chosen: string | undefined;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      const rows = sheet as AsyncIterable<ExcelJS.Row>;
      const isWanted = wanted === undefined || (wantedIndex !== undefined ? seen.length === wantedIndex : name.trim() === wanted.trim());
      if (chosen !== undefined || !isWanted) {
        for await (const _ of rows); // a sheet is read to its end to reach the next
        continue;
      }
      const where = `sheet "${name}"`;
      let headerRow = 0;
      let headerCells = 0;
      let dateColumns: boolean[] = [];
      const pending: { number: number; values: unknown[]; width: number }[] = []; // rows read while looking for the header
      const setHeader = (number: number, values: unknown[], width: number) => {
        header = values.map((v) => (v === undefined || v === null ? '' : String(v instanceof FormulaWithoutValue ? '' : v).trim()));
        headerCells = Math.max(header.length, width); // with the empty cells the file writes (a merge's covered cells)
        while (header.length && header[header.length - 1] === '') header.pop();
        headerRow = number;
        dateColumns = header.map((h) => {
          const type = (reading.columns ?? builtinColumns).fieldForHeader(h)?.type;
          return type === 'date' || type === 'date[]';
        });
      };
      const dataRow = (number: number, values: unknown[]): RawRow | undefined => {
        if (values.every(isBlank)) return undefined;
        const head = header!;
        const problems: string[] = [];
        values.forEach((v, i) => {
          if (isBlank(v) || i >= headerCells) return;
          if (!head[i]) {
            throw new InputError(
              `${origin}: ${where}: column ${columnLetter(i)} has a value in row ${number} but no header in row ${headerRow}` +
                ' (merged header cells? give each column its own header)',
            );
          }
          if (v instanceof FormulaWithoutValue) {
            problems.push(`${head[i]}: the formula =${v.formula} has no saved value (open and save the file in Excel or WPS)`);
            values[i] = undefined;
          } else if (dateColumns[i] && isSerialDate(v)) values[i] = fromSerial(v);
        });
        const extra = values.slice(head.length).some((v) => !isBlank(v));
        const cells = values.slice(0, head.length);
        const error = extra ? `cells beyond the header's ${head.length} columns` : problems.length ? problems.join('; ') : cutOversized(head, cells, limit);
        return { row: number, header: head, cells, ...(error && { error }) };
      };
      for await (const row of rows) {
        const values = (row.values as unknown[]).slice(1).map(plainCell); // exceljs rows are 1-based
        if (!header) {
          if (reading.headerRow !== undefined) {
            if (row.number < reading.headerRow) continue;
            if (row.number > reading.headerRow || values.every(isBlank)) throw new InputError(`${origin}: ${where}: row ${reading.headerRow} (--header-row) is empty`);
            setHeader(row.number, values, row.cellCount);
            continue;
          }
          if (values.every(isBlank)) continue;
          // The header is the row that names the enterprise (企业名称 / uscc), below any title rows.
          if (values.some((v) => typeof v === 'string' && ['name', 'uscc'].includes((reading.columns ?? builtinColumns).fieldForHeader(v.trim())?.field ?? ''))) {
            setHeader(row.number, values, row.cellCount);
            continue;
          }
          pending.push({ number: row.number, values, width: row.cellCount });
          if (pending.length < TITLE_ROWS) continue;
          const first = pending.shift()!; // no row names the enterprise: the first is the header, as in a CSV file
          setHeader(first.number, first.values, first.width);
          const replay = pending
            .splice(0)
            .map((p) => dataRow(p.number, p.values))
            .filter((r): r is RawRow => r !== undefined);
          if (replay.length) yield replay;
          continue;
        }
        const out = dataRow(row.number, values);
        if (out) yield [out];
      }
      if (!header && pending.length) {
        const first = pending.shift()!;
        setHeader(first.number, first.values, first.width);
        const replay = pending
          .splice(0)
          .map((p) => dataRow(p.number, p.values))
          .filter((r): r is RawRow => r !== undefined);
        if (replay.length) yield replay;
      }
      if (header)
        chosen = name; // else an empty sheet: the next one is the list
      else if (wanted !== undefined) throw new InputError(`${origin}: ${where} is empty`);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${origin}: not readable as XLSX: ${(e as Error).message}`);
  }
  if (wanted !== undefined && chosen === undefined)
    throw new InputError(`${origin}: no sheet ${wantedIndex !== undefined ? `number ${wantedIndex}` : `"${wanted}"`}; the sheets are ${seen.map((s) => `"${s}"`).join(', ')}`);
  if (!header) throw new InputError(`${origin}: empty list: no header row${seen.length > 1 ? ` in any of its ${seen.length} sheets` : ''}`);
}
