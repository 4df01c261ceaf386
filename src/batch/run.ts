// `huiqi screen`: read a list, screen each row, write each result, report a summary. One row in, one
// row out (unless --only filters the output); a bad row is reported, never fatal.
import type { InputEncoding } from '../io/encoding.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import type { Lang } from '../io/lang.ts';
import { columnsOf } from './columns.ts';
import { columnTable } from './help.ts';
import { Progress } from './progress.ts';
import type { Writable } from 'node:stream';
import { openList, type ListFormat, type ListInput } from './read.ts';
import { RowScreener } from './screen.ts';
import { formatSummary, type Summary } from './summary.ts';
import { openWriter, type ScreenedRow } from './write.ts';
import { Comparer, readPreviousResult } from './compare.ts';
import { InputError } from '../io/input-error.ts';

export interface Shard {
  /** 1-based: shard i of n takes data rows i, i+n, i+2n, … */
  index: number;
  count: number;
}

export interface ScreenListOptions {
  input: ListInput;
  output: string | Writable;
  inputFormat?: ListFormat;
  /** The list's text encoding (default: from a BOM, else UTF-8, else GB18030 with a note). */
  encoding?: InputEncoding;
  /** XLSX: the sheet (name or 1-based number) and the header's row number; see Reading in ./read.ts. */
  sheet?: string;
  headerRow?: number;
  outputFormat: ListFormat;
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  only?: 'eligible' | 'errors';
  shard?: Shard;
  ignoreUnknownColumns?: boolean;
  /** Where the summary and progress go (default: stderr). */
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show a progress bar (default: when stderr is a terminal and not under CI). */
  progress?: boolean;
  /** A previous screening result to compare with (./compare.ts): adds the compared, gained, lost and reasons columns. */
  compare?: ListInput;
  /** With `compare`: a previous result that matches no row is not an error (a download already under way cannot be taken back). */
  compareMayMatchNone?: boolean;
  /** The output's column headers: English names (default) or Chinese words. */
  headers?: 'en' | 'zh';
  /** The language of the summary written to `stderr` (default English, the lines scripts read); `lang` gives its rule titles. */
  summaryLang?: Lang;
}

/** Parses `--shard i/n`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "${text}")`);
  return { index, count };
}

function keep(row: ScreenedRow, only: ScreenListOptions['only']): boolean {
  if (only === 'eligible') return Boolean(row.error) || (row.eligible ?? 0) > 0;
  if (only === 'errors') return Boolean(row.error);
  return true;
}

export async function screenList(options: ScreenListOptions): Promise<Summary> {
  const stderr = options.stderr ?? process.stderr;
  const started = performance.now();
  const source = await openList(options.input, options.inputFormat, {
    ...(options.encoding && { encoding: options.encoding }),
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
    columns: columnsOf(options.rules),
    note: (text) => stderr.write(`huiqi: ${text}\n`),
  });
  const screener = new RowScreener(options);
  const origin = typeof options.input !== 'string' ? options.input.name : options.input === '-' ? 'stdin' : options.input;
  // The previous result is read whole before any output is opened: a file that is not a result is refused first.
  const previous =
    options.compare === undefined ? undefined : await readPreviousResult(options.compare, { note: (text) => stderr.write(`huiqi: ${text}\n`), catalog: options.rules.catalog });
  const comparer = previous && new Comparer(previous, options.rules, options.asOf, options.lang);
  const writer = await openWriter(options.output, options.outputFormat, { headers: options.headers ?? 'en', compare: comparer !== undefined });
  const showProgress = options.progress ?? Boolean(stderr.isTTY && !process.env.CI);
  const progress = showProgress ? new Progress(stderr, source.progress) : undefined;
  const keyed = source.format === 'jsonl';
  const summary: Summary = {
    input: origin,
    format: source.format,
    rowsIn: 0,
    screened: 0,
    errors: 0,
    written: 0,
    seconds: 0,
    errorRows: [],
    perRule: [],
    shard: options.shard,
    only: options.only,
  };
  let checkedHeader: readonly string[] | undefined;
  let ordinal = 0;
  const { shard } = options;
  try {
    for await (const batch of source.batches) {
      for (let b = 0; b < batch.length; b++) {
        const raw = batch[b]!;
        batch[b] = undefined as never; // let each row go as soon as it is done: memory stays flat
        const k = ordinal++;
        if (!keyed && raw.header !== checkedHeader) {
          screener.validateHeader(raw.header, origin);
          checkedHeader = raw.header;
        }
        if (shard && k % shard.count !== shard.index - 1) continue;
        summary.rowsIn++;
        const result = screener.screen(raw, keyed);
        if (result.error) {
          summary.errors++;
          if (summary.errorRows.length < 20) summary.errorRows.push({ row: result.row, error: result.error });
        } else summary.screened++;
        comparer?.compare(result);
        if (keep(result, options.only)) {
          summary.written++;
          const pending = writer.write(result);
          if (pending) await pending;
        }
      }
      progress?.tick(summary.rowsIn);
    }
    if (comparer && !options.compareMayMatchNone && previous!.rows > 0 && summary.rowsIn > 0 && comparer.matchedRows === 0) {
      throw new InputError(
        `${previous!.file}: none of its ${previous!.rows} row(s) matches a row of ${origin} by uscc or name: is it the result of another list? ` +
          'Nothing was written; compare with the result of this list, or screen without --compare.',
      );
    }
    await writer.end();
  } catch (e) {
    progress?.clear();
    await writer.abort(); // a refused list leaves an earlier output file untouched
    throw writer.error ?? e;
  }
  progress?.clear();
  summary.seconds = (performance.now() - started) / 1000;
  summary.perRule = screener.ruleList.map((rule, i) => ({ rule, eligible: screener.eligibleCounts[i]!, undetermined: screener.undeterminedCounts[i]! }));
  if (comparer) summary.comparison = comparer.finish();
  stderr.write(formatSummary(summary, options.lang, options.summaryLang));
  return summary;
}

/** `huiqi screen --columns`: every accepted column, the facts the rule set's files declare included. */
export function runScreenColumns({ rules }: { rules: RuleBase }): void {
  process.stdout.write(columnTable(columnsOf(rules)));
}
