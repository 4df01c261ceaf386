import type { Argv, CommandModule } from 'yargs';
import { columnHelp, columnTable } from '../../src/batch/help.ts';
import { formatOfName, listFormats, type ListFormat } from '../../src/batch/read.ts';
import { parseDay, today } from '../../src/io/dates.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/report/summary.ts';
import { defaultRulesDir, loadRules } from '../../src/rules/load.ts';
import { encodingOption } from '../options.ts';

/** A usage error (exit 2): cli/main.ts treats errors named YError, as yargs names its own, that way. */
function usageError(message: string): Error {
  return Object.assign(new Error(message), { name: 'YError' });
}

interface ScreenArgs {
  input?: string;
  out: string;
  format?: ListFormat;
  inputFormat?: ListFormat;
  encoding?: InputEncoding;
  asOf?: string;
  only?: 'eligible' | 'errors';
  rules: string;
  lang: Lang;
  shard?: string;
  ignoreUnknownColumns: boolean;
  columns: boolean;
}

export const screenCommand: CommandModule<object, ScreenArgs> = {
  command: 'screen [input]',
  describe: 'Screen a list of enterprises (CSV, JSONL or XLSX, one per row) against every enterprise rule',
  builder: (y) =>
    encodingOption(y)
      .positional('input', { type: 'string', describe: 'the list: .csv, .jsonl or .xlsx; - reads stdin' })
      .option('out', { type: 'string', default: '-', defaultDescription: 'stdout', describe: 'output file (default stdout, also --out=-)' })
      .option('format', { choices: listFormats, describe: 'output format (default: from --out, else csv)' })
      .option('input-format', { choices: listFormats, describe: 'input format (default: from the file name, else sniffed)' })
      .option('as-of', { type: 'string', describe: 'evaluation date YYYY-MM-DD (default: today); decides which rules are in force' })
      .option('only', { choices: ['eligible', 'errors'] as const, describe: 'write only rows with an eligible rule (and rows with errors), or only rows with errors' })
      .option('shard', { type: 'string', describe: 'i/n: screen every n-th data row starting at the i-th, to split a list across processes' })
      .option('rules', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/', describe: 'rules folder or file' })
      .option('lang', { choices: ['zh', 'en'] as Lang[], default: 'zh' as Lang, describe: 'language of rule titles' })
      .option('ignore-unknown-columns', { type: 'boolean', default: false, describe: 'skip columns that name no profile field instead of refusing the list' })
      .option('columns', { type: 'boolean', default: false, describe: 'print every accepted column (field, type, headers) and exit' })
      .example('$0 screen samples/enterprises.csv --out screened.csv --as-of 2025-06-30', 'screen the sample list')
      .example('$0 screen list.xlsx --out result.xlsx --only eligible', 'an Excel list in, only enterprises with a benefit out')
      .example('cat list.jsonl | $0 screen - --format jsonl --shard 2/4', 'the 2nd of 4 shards of a JSONL stream, to stdout')
      .example('$0 screen --columns', 'every accepted column')
      .epilogue(columnHelp()) as unknown as Argv<ScreenArgs>,
  handler: async (args) => {
    if (args.columns) {
      process.stdout.write(columnTable());
      return;
    }
    // yargs reads a lone `-` as a flag (true, which a string option turns into ''): it means stdin here.
    const input = args.input === '' && process.argv.includes('-') ? '-' : args.input;
    if (!input) throw usageError('Name the list to screen (or - for stdin)');
    const { parseShard, screenList } = await import('../../src/batch/run.ts'); // loaded only when screening (start-up)
    let shard;
    try {
      shard = args.shard ? parseShard(args.shard) : undefined;
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const outputFormat = args.format ?? formatOfName(args.out) ?? 'csv';
    if (outputFormat === 'xlsx' && args.out === '-' && process.stdout.isTTY) throw usageError('XLSX is binary: write it to a file with --out');
    const asOf = args.asOf ? parseDay(args.asOf, '--as-of') : today();
    const rules = loadRules(args.rules);
    await screenList({
      input,
      output: args.out,
      ...(args.inputFormat && { inputFormat: args.inputFormat }),
      ...(args.encoding && { encoding: args.encoding }),
      outputFormat,
      rules,
      asOf,
      lang: args.lang,
      ...(args.only && { only: args.only }),
      ...(shard && { shard }),
      ignoreUnknownColumns: args.ignoreUnknownColumns,
    });
  },
};
