import type { Argv, CommandModule } from 'yargs';
import { columnHelp } from '../../src/batch/help.ts';
import { formatOfName, listFormats, type ListFormat } from '../../src/batch/read.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { asOfOption, encodingOption, evaluationDate, formatOption, outputOption, rulesOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';

/** `--format json` is JSON Lines here: one JSON object per row, so a list of any length streams. */
const screenFormats = [...listFormats, 'json'] as const;

interface ScreenArgs {
  input?: string;
  output: string;
  format?: (typeof screenFormats)[number];
  inputFormat?: ListFormat;
  encoding?: InputEncoding;
  sheet?: string;
  headerRow?: number;
  asOf?: string;
  only?: 'eligible' | 'errors';
  rules: string;
  lang?: Lang;
  shard?: string;
  ignoreUnknownColumns: boolean;
  columns: boolean;
  compare?: string;
  headers?: 'en' | 'zh';
}

export const screenCommand: CommandModule<object, ScreenArgs> = {
  builder: (y) =>
    encodingOption(
      rulesOption(
        asOfOption(
          formatOption(
            outputOption(y.positional('input', { type: 'string', describe: 'the list: .csv, .jsonl or .xlsx; - reads stdin' }), 'output file (default stdout, also -o -)', [
              'out',
            ]).default('output', '-'),
            screenFormats,
            undefined,
            'output format (default: from -o, else csv; json = JSON Lines)',
          ),
        ),
      ),
    )
      // No default here: only a --lang given says the user's language (Chinese headers and summary with zh).
      .option('lang', {
        choices: ['zh', 'en'] as Lang[],
        describe: 'language of rule titles (default zh); --lang zh also gives Chinese column headers (unless --headers) and a Chinese summary',
      })
      .option('input-format', { choices: listFormats, describe: 'input format (default: from the file name, else sniffed)' })
      .option('sheet', { type: 'string', describe: 'XLSX: the sheet to read, by name or number (default: the first with rows)' })
      .option('header-row', { type: 'number', describe: 'XLSX: the row number of the header (default: the row naming 企业名称 or 统一社会信用代码, else the first)' })
      .option('only', { choices: ['eligible', 'errors'] as const, describe: 'write only rows with an eligible rule (and rows with errors), or only rows with errors' })
      .option('shard', { type: 'string', describe: 'i/n: screen every n-th data row starting at the i-th, to split a list across processes' })
      .option('ignore-unknown-columns', { type: 'boolean', default: false, describe: 'skip columns that name no profile field instead of refusing the list' })
      .option('columns', { type: 'boolean', default: false, describe: 'print every accepted column (field, type, headers) and exit' })
      .option('compare', {
        type: 'string',
        describe:
          "a previous result of huiqi screen (CSV, XLSX or JSONL): add per row the measures gained and lost since, with the reason (rules, dates or the client's answers), and list the clients with a change",
      })
      .option('headers', {
        choices: ['en', 'zh'] as const,
        describe: 'column headers of the output: English names (stable for scripts; the default) or Chinese words (the default with --lang zh)',
      })
      .example('$0 screen samples/enterprises.csv -o screened.csv --as-of 2025-06-30', 'screen the sample list')
      .example('$0 screen list.xlsx -o result.xlsx --only eligible', 'an Excel list in, only enterprises with a benefit out')
      .example('cat list.jsonl | $0 screen - --format jsonl --shard 2/4', 'the 2nd of 4 shards of a JSONL stream, to stdout')
      .example('$0 screen list.csv -o june.csv --compare may.csv', 'what changed for each client since the May result, and why')
      .example('$0 screen list.xlsx -o 结果.xlsx --lang zh', 'Chinese column headers and summary, for Excel users')
      .example('$0 screen --columns', 'every accepted column')
      .epilogue(columnHelp()) as unknown as Argv<ScreenArgs>,
  handler: async (args) => {
    if (args.columns) {
      const { runScreenColumns } = await import('../../src/batch/run.ts');
      const { loadRuleSet } = await import('../../src/ruleset/rule-set.ts');
      runScreenColumns({ rules: loadRuleSet(args.rules) });
      return;
    }
    // yargs reads a lone `-` as a flag (true, which a string option turns into ''): it means stdin here.
    const input = args.input === '' && process.argv.includes('-') ? '-' : args.input;
    if (!input) throw new UsageError('Name the list to screen (or - for stdin)');
    const { parseShard, screenList } = await import('../../src/batch/run.ts'); // loaded only when screening (start-up)
    const { loadRuleSet } = await import('../../src/ruleset/rule-set.ts');
    let shard;
    try {
      shard = args.shard ? parseShard(args.shard) : undefined;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const outputFormat = args.format === 'json' ? 'jsonl' : (args.format ?? formatOfName(args.output) ?? 'csv');
    if (outputFormat === 'xlsx' && args.output === '-' && process.stdout.isTTY) throw new UsageError('XLSX is binary: write it to a file with -o');
    if (args.headerRow !== undefined && !(Number.isInteger(args.headerRow) && args.headerRow >= 1))
      throw new UsageError(`--header-row must be a row number, 1 or more (got ${args.headerRow})`);
    const asOf = evaluationDate(args.asOf);
    const rules = loadRuleSet(args.rules);
    await screenList({
      input,
      output: args.output,
      ...(args.inputFormat && { inputFormat: args.inputFormat }),
      ...(args.encoding && { encoding: args.encoding }),
      ...(args.sheet !== undefined && { sheet: String(args.sheet) }),
      ...(args.headerRow !== undefined && { headerRow: args.headerRow }),
      outputFormat,
      rules,
      asOf,
      lang: args.lang ?? 'zh',
      summaryLang: args.lang ?? 'en',
      ...(args.only && { only: args.only }),
      ...(shard && { shard }),
      ignoreUnknownColumns: args.ignoreUnknownColumns,
      ...(args.compare !== undefined && { compare: args.compare }),
      headers: args.headers ?? args.lang ?? 'en',
    });
  },
};
