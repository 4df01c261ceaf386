// Reading enterprise lists row by row, whatever their size: CSV (./csv.ts), JSONL (one JSON object a
// line) and XLSX (exceljs's streaming reader, first worksheet). A file name of `-` is stdin.
// Each row carries its number as the user sees it: the record in a CSV file as a spreadsheet shows it
// (the header is row 1), the line in a JSONL file, the sheet row in XLSX.
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { decodeChunks, type InputEncoding } from '../io/encoding.ts';
import type { Note } from '../io/note.ts';
import { LIMITS } from '../io/limits.ts';
import { InputError } from '../io/read.ts';
import { CsvReader, CsvSyntaxError, type CsvRecord } from './csv.ts';

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
}

/** The format a file name implies, if any (tab-separated text is read as CSV with tabs). */
export function formatOfName(file: string): ListFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' || ext === '.txt' || ext === '.tsv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Guesses the format from the first bytes: a zip (XLSX), a JSON object, or else CSV. */
function sniff(first: Buffer): ListFormat {
  if (first[0] === 0x50 && first[1] === 0x4b) return 'xlsx';
  const text = first.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{') ? 'jsonl' : 'csv';
}

/** Opens a list: `-` is stdin; the format comes from `format`, else the file name, else the first bytes. */
export async function openList(file: string, format?: ListFormat, reading: Reading = {}): Promise<ListSource> {
  let stream: Readable;
  let total: number | undefined;
  let counted = 0;
  if (file === '-') {
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
  const batches = fmt === 'csv' ? csvRows(text(), file) : fmt === 'jsonl' ? jsonlRows(text()) : xlsxRows(input, file);
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
function cutOversized(header: readonly string[], cells: unknown[]): string | undefined {
  let problem: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > LIMITS.textLength) {
      problem ??= `${header[i] ?? `column ${i + 1}`}: is ${cell.length.toLocaleString('en-US')} characters long; a cell may be at most ${LIMITS.textLength.toLocaleString('en-US')}`;
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

async function* csvRows(input: AsyncIterable<string>, file: string): AsyncGenerator<RawRow[]> {
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
      const error = cells.length !== header.length ? `${cells.length} cells but the header has ${header.length} columns` : cutOversized(header, cells);
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

async function* jsonlRows(input: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
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
      const error = cutOversized(header, cells);
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

/** An exceljs cell value as a plain value: rich text as its text, a formula as its result, a link as its text. */
function plainCell(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plainCell(v.result);
  if ('text' in v) return plainCell(v.text);
  if (v.error) return v.error;
  return String(value);
}

async function* xlsxRows(input: Readable, file: string): AsyncGenerator<RawRow[]> {
  // Loaded only for XLSX: it is large, and CSV/JSONL runs should not carry it.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let header: string[] | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1).map(plainCell); // exceljs rows are 1-based
        if (!header) {
          header = values.map((v) => (v === undefined || v === null ? '' : String(v).trim()));
          while (header.length && header[header.length - 1] === '') header.pop();
          continue;
        }
        if (values.every((v) => v === undefined || v === null || (typeof v === 'string' && !v.trim()))) continue;
        const extra = values.slice(header.length).some((v) => v !== undefined && v !== null && v !== '');
        const cells = values.slice(0, header.length);
        const error = extra ? `cells beyond the header's ${header.length} columns` : cutOversized(header, cells);
        yield [{ row: row.number, header, cells, ...(error && { error }) }];
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file === '-' ? 'stdin' : file}: not readable as XLSX: ${(e as Error).message}`);
  }
  if (!header) throw new InputError(`${file === '-' ? 'stdin' : file}: empty list: no header row`);
}
