import { statSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { runReport, reportFormats, type ReportFormat } from '../../src/report/client-report-command.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { evaluationDate, formatOption, outputOption, profileOptions } from '../options.ts';
import { UsageError } from '../usage-error.ts';

interface ReportArgs {
  profile: string;
  asOf?: string;
  format: ReportFormat;
  lang: Lang;
  rules: string;
  output?: string;
  encoding?: InputEncoding;
  compare?: string;
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export const reportCommand: CommandModule<object, ReportArgs> = {
  builder: (y) =>
    outputOption(
      formatOption(profileOptions(y, 'enterprise profile, .json or .yaml (see samples/), or a folder of them; - reads stdin', 'language of the report'), reportFormats, 'markdown'),
      'write to this file instead of standard output; for a folder of profiles, the folder to write the reports, index and results.csv to',
    )
      .option('compare', {
        type: 'string',
        describe: 'with a folder: the previous run (its output folder or results.csv, or a screening result): the index says what changed for each client, and why',
      })
      .example('$0 report samples/aeo-manufacturer-chongqing.yaml --format html -o report.html', 'an HTML report in Chinese')
      .example('$0 report samples/incomplete-profile.yaml --lang en --as-of 2024-06-01', 'a Markdown report in English, as of a past date')
      .example('$0 report clients/ -o reports/ --format html', 'a report per profile in clients/, and reports/index.html: applies, undetermined, due within 30 days')
      .example('$0 report clients/ -o reports-june/ --compare reports-may/', 'the same, with what changed for each client since the May run') as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    if (isFolder(args.profile)) {
      if (args.output === undefined || args.output === '-') throw new UsageError('a folder of profiles needs -o FOLDER: where its reports, index and results.csv go');
      const { runFolderReport } = await import('../../src/clients/folder-report.ts');
      await runFolderReport({
        folder: args.profile,
        output: args.output,
        format: args.format,
        rules: loadRuleSet(args.rules),
        asOf: evaluationDate(args.asOf),
        lang: args.lang,
        ...(args.compare !== undefined && { compare: args.compare }),
      });
      return;
    }
    if (args.compare !== undefined) throw new UsageError('--compare goes with a folder of profiles (huiqi report clients/ -o reports/ --compare previous/)');
    const asOf = evaluationDate(args.asOf);
    return runReport({
      profileFile: args.profile,
      rules: loadRuleSet(args.rules),
      asOf,
      lang: args.lang,
      format: args.format,
      ...(args.encoding && { encoding: args.encoding }),
      ...(args.output !== undefined && { output: args.output }),
    });
  },
};
