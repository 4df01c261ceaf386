import type { CommandModule } from 'yargs';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { runCheck } from '../../src/report/check-command.ts';
import { checkFormats, type CheckFormat } from '../../src/report/check-report.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { evaluationDate, formatOption, outputOption, profileOptions } from '../options.ts';

interface CheckArgs {
  profile: string;
  asOf?: string;
  format: CheckFormat;
  lang: Lang;
  rules: string;
  all?: boolean;
  oracle?: boolean;
  encoding?: InputEncoding;
  output?: string;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  builder: (y) =>
    outputOption(formatOption(profileOptions(y), Object.keys(checkFormats) as CheckFormat[], 'table'))
      .option('all', { type: 'boolean', describe: 'also list, one by one, rules about situations not known to arise or that do not arise' })
      .option('oracle', { type: 'boolean', describe: 'evaluate with json-rules-engine (the reference semantics) instead of our own evaluator, to cross-check it' })
      .example('$0 check samples/aeo-manufacturer-chongqing.yaml', 'what applies to the sample AEO manufacturer')
      .example('$0 check profile.json --as-of 2024-06-30 --format markdown --lang en', 'a Markdown report in English, as of a past date')
      .example('$0 check profile.yaml --format json -o result.json', 'the results as JSON, in a file'),
  handler: (args) => {
    const asOf = evaluationDate(args.asOf);
    return runCheck({
      profileFile: args.profile,
      rules: loadRuleSet(args.rules),
      asOf,
      lang: args.lang,
      format: args.format,
      ...(args.all !== undefined && { all: args.all }),
      ...(args.oracle && { oracle: true }),
      ...(args.encoding && { encoding: args.encoding }),
      ...(args.output !== undefined && { output: args.output }),
    });
  },
};
