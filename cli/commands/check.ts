import type { CommandModule } from 'yargs';
import { evaluateProfile } from '../../src/engine/evaluate.ts';
import { parseDay, today } from '../../src/io/dates.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { checkFormats, type CheckFormat } from '../../src/report/check-report.ts';
import type { Lang } from '../../src/report/summary.ts';
import { defaultRulesDir, loadRules } from '../../src/rules/load.ts';

interface CheckArgs {
  profile: string;
  asOf?: string;
  format: CheckFormat;
  lang: Lang;
  rules: string;
  all?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <profile>',
  describe: 'Check one enterprise profile against every rule: what applies, what does not and why, what is undetermined',
  builder: (y) =>
    y
      .positional('profile', { type: 'string', demandOption: true, describe: 'enterprise profile, .json or .yaml (see samples/)' })
      .option('as-of', { type: 'string', describe: 'evaluation date YYYY-MM-DD (default: today); decides which enterprise rules are in force' })
      .option('format', { choices: Object.keys(checkFormats) as CheckFormat[], default: 'table' as CheckFormat, describe: 'output format' })
      .option('lang', { choices: ['zh', 'en'] as Lang[], default: 'zh' as Lang, describe: 'language of titles and explanations' })
      .option('rules', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/', describe: 'rules folder or file' })
      .option('all', { type: 'boolean', describe: 'also list, one by one, rules about situations not known to arise or that do not arise' })
      .example('$0 check samples/aeo-manufacturer-chongqing.yaml', 'what applies to the sample AEO manufacturer')
      .example('$0 check profile.json --as-of 2024-06-30 --format markdown --lang en', 'a Markdown report in English, as of a past date'),
  handler: async (args) => {
    const asOf = args.asOf ? parseDay(args.asOf, '--as-of') : today();
    const profile = loadProfile(args.profile);
    const rules = loadRules(args.rules);
    const results = await evaluateProfile(profile, rules, { asOf });
    process.stdout.write(checkFormats[args.format]({ profile, results, asOf, lang: args.lang, all: args.all }));
  },
};
