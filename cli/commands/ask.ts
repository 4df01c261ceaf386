import type { CommandModule } from 'yargs';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/report/summary.ts';
import { evaluationDate, profileOptions } from '../options.ts';

interface AskArgs {
  profile: string;
  asOf?: string;
  lang: Lang;
  rules: string;
  answers?: string;
  nonInteractive?: boolean;
  max?: number;
  save?: string;
  encoding?: InputEncoding;
}

export const askCommand: CommandModule<object, AskArgs> = {
  command: 'ask <profile>',
  describe: 'Self-check: answer only the questions that decide undetermined measures (most decisive first), then see the result',
  builder: (y) =>
    profileOptions(y, 'a (partial) enterprise profile, .json or .yaml', 'language of the questions')
      .option('answers', { type: 'string', describe: 'answers file (YAML/JSON: fact: value; incidents: { <id>: { fact: value } })' })
      .option('non-interactive', { type: 'boolean', describe: 'only print the ranked questions' })
      .option('max', { type: 'number', describe: 'ask at most this many questions' })
      .option('save', { type: 'string', describe: 'write the completed profile to this file' })
      .example('$0 ask samples/incomplete-profile.yaml', 'answer questions on a terminal')
      .example('$0 ask samples/incomplete-profile.yaml --non-interactive --lang en', 'print the questions, most decisive first')
      .example('printf "是\\n否\\n" | $0 ask samples/incomplete-profile.yaml', 'answer the first questions from piped lines'),
  handler: async (args) => {
    const asOf = evaluationDate(args.asOf);
    const { runAsk } = await import('../../src/report/ask-command.ts'); // loaded only when asked (start-up)
    await runAsk({
      profileFile: args.profile, rulesDir: args.rules, asOf, lang: args.lang,
      ...(args.answers !== undefined && { answersFile: args.answers }),
      ...(args.nonInteractive !== undefined && { nonInteractive: args.nonInteractive }),
      ...(args.max !== undefined && { maxQuestions: args.max }),
      ...(args.save !== undefined && { saveFile: args.save }),
      ...(args.encoding && { encoding: args.encoding }),
    });
  },
};
