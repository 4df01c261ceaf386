import type { CommandModule } from 'yargs';
import { checkOutputPath, writeStdout } from '../../src/io/output.ts';
import { noteIncidentDatesAfter } from '../../src/profile/dates-after.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { checkProfile } from '../../src/report/check.ts';
import { checkFormats, checkTable, type CheckFormat } from '../../src/report/check-report.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { loadRules } from '../../src/rules/load.ts';
import { evaluationDate, formatOption, outputOption, profileOptions, writeResult } from '../options.ts';

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
  handler: async (args) => {
    const asOf = evaluationDate(args.asOf);
    if (args.output) checkOutputPath(args.output);
    const rules = loadRules(args.rules); // first: the profile may state facts its rule files declare
    const profile = loadProfile(args.profile, { ...(args.encoding && { encoding: args.encoding }) });
    noteIncidentDatesAfter(profile, asOf, args.profile);
    const checked = await checkProfile(profile, { rules, asOf, explain: args.all ? 'all' : 'listed', evaluator: args.oracle ? 'reference' : 'native' });
    const input = { ...checked, lang: args.lang, all: args.all };
    // The table on stdout is written as it is made: on thousands of incidents it runs to millions of characters.
    if (args.format === 'table' && !args.output) checkTable(input, writeStdout);
    else writeResult(checkFormats[args.format](input), args.output);
  },
};
