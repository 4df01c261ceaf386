import type { CommandModule } from 'yargs';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { writeStdout } from '../../src/io/output.ts';
import { noteIncidentDatesAfter } from '../../src/profile/dates-after.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { checkFormats, checkTable, type CheckFormat } from '../../src/report/check-report.ts';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/report/summary.ts';
import { loadRules } from '../../src/rules/load.ts';
import { evaluationDate, profileOptions } from '../options.ts';

interface CheckArgs {
  profile: string;
  asOf?: string;
  format: CheckFormat;
  lang: Lang;
  rules: string;
  all?: boolean;
  encoding?: InputEncoding;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <profile>',
  describe: 'Check one enterprise profile against every rule: what applies, what does not and why, what is undetermined',
  builder: (y) =>
    profileOptions(y)
      .option('format', { choices: Object.keys(checkFormats) as CheckFormat[], default: 'table' as CheckFormat, describe: 'output format' })
      .option('all', { type: 'boolean', describe: 'also list, one by one, rules about situations not known to arise or that do not arise' })
      .example('$0 check samples/aeo-manufacturer-chongqing.yaml', 'what applies to the sample AEO manufacturer')
      .example('$0 check profile.json --as-of 2024-06-30 --format markdown --lang en', 'a Markdown report in English, as of a past date'),
  handler: async (args) => {
    const asOf = evaluationDate(args.asOf);
    const profile = loadProfile(args.profile, { ...(args.encoding && { encoding: args.encoding }) });
    noteIncidentDatesAfter(profile, asOf, args.profile);
    const rules = loadRules(args.rules);
    const results = await evaluateProfile(profile, rules, { asOf });
    const input = { profile, results, asOf, lang: args.lang, all: args.all };
    // The table is written as it is made: on thousands of incidents it runs to millions of characters.
    if (args.format === 'table') checkTable(input, writeStdout);
    else writeStdout(checkFormats[args.format](input));
  },
};
