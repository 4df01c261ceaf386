import type { CommandModule } from 'yargs';
import { parseDay, today } from '../../src/io/dates.ts';
import { runAsk } from '../../src/report/ask-command.ts';
import type { Lang } from '../../src/report/summary.ts';
import { defaultRulesDir } from '../../src/rules/load.ts';

interface AskArgs {
  profile: string;
  asOf?: string;
  lang: Lang;
  rules: string;
  answers?: string;
  nonInteractive?: boolean;
  max?: number;
  save?: string;
}

export const askCommand: CommandModule<object, AskArgs> = {
  command: 'ask <profile>',
  describe: 'Self-check: answer only the questions that decide undetermined measures (most decisive first), then see the result',
  builder: (y) =>
    y
      .positional('profile', { type: 'string', demandOption: true, describe: 'a (partial) enterprise profile, .json or .yaml' })
      .option('as-of', { type: 'string', describe: 'evaluation date YYYY-MM-DD (default: today)' })
      .option('lang', { choices: ['zh', 'en'] as Lang[], default: 'zh' as Lang, describe: 'language of the questions' })
      .option('rules', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/', describe: 'rules folder or file' })
      .option('answers', { type: 'string', describe: 'answers file (YAML/JSON: fact: value; incidents: { <id>: { fact: value } })' })
      .option('non-interactive', { type: 'boolean', describe: 'only print the ranked questions' })
      .option('max', { type: 'number', describe: 'ask at most this many questions' })
      .option('save', { type: 'string', describe: 'write the completed profile to this file' })
      .example('$0 ask samples/incomplete-profile.yaml', 'answer questions on a terminal')
      .example('$0 ask samples/incomplete-profile.yaml --non-interactive --lang en', 'print the questions, most decisive first')
      .example('printf "是\\n否\\n" | $0 ask samples/incomplete-profile.yaml', 'answer the first questions from piped lines'),
  handler: async (args) => {
    const asOf = args.asOf ? parseDay(args.asOf, '--as-of') : today();
    await runAsk({
      profileFile: args.profile, rulesDir: args.rules, asOf, lang: args.lang,
      ...(args.answers !== undefined && { answersFile: args.answers }),
      ...(args.nonInteractive !== undefined && { nonInteractive: args.nonInteractive }),
      ...(args.max !== undefined && { maxQuestions: args.max }),
      ...(args.save !== undefined && { saveFile: args.save }),
    });
  },
};
