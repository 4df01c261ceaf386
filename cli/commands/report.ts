import type { CommandModule } from 'yargs';
import { runReport, reportFormats, type ReportFormat } from '../../src/report/client-report-command.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { evaluationDate, formatOption, outputOption, profileOptions } from '../options.ts';

interface ReportArgs {
  profile: string;
  asOf?: string;
  format: ReportFormat;
  lang: Lang;
  rules: string;
  output?: string;
  encoding?: InputEncoding;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  builder: (y) =>
    outputOption(formatOption(profileOptions(y, undefined, 'language of the report'), reportFormats, 'markdown'))
      .example('$0 report samples/aeo-manufacturer-chongqing.yaml --format html -o report.html', 'an HTML report in Chinese')
      .example('$0 report samples/incomplete-profile.yaml --lang en --as-of 2024-06-01', 'a Markdown report in English, as of a past date'),
  handler: (args) => {
    const asOf = evaluationDate(args.asOf);
    return runReport({
      profileFile: args.profile, rules: loadRuleSet(args.rules), asOf, lang: args.lang, format: args.format,
      ...(args.encoding && { encoding: args.encoding }),
      ...(args.output !== undefined && { output: args.output }),
    });
  },
};
