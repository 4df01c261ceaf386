import type { CommandModule } from 'yargs';
import type { InputEncoding } from '../../src/io/encoding.ts';
import type { Lang } from '../../src/io/lang.ts';
import { evaluationDate, formatOption, outputOption, profileOptions } from '../options.ts';

interface AskArgs {
  profile: string;
  asOf?: string;
  lang: Lang;
  rules: string;
  answers?: string;
  nonInteractive?: boolean;
  max?: number;
  output?: string;
  format: 'text' | 'json';
  encoding?: InputEncoding;
}

export const askCommand: CommandModule<object, AskArgs> = {
  builder: (y) =>
    outputOption(
      formatOption(
        profileOptions(y, 'a (partial) enterprise profile, .json or .yaml', 'language of the questions'),
        ['text', 'json'],
        'text',
        'output format of --non-interactive',
      ),
      'write the completed profile to this file',
      ['save'],
    )
      .option('answers', { type: 'string', describe: 'answers file (YAML/JSON: fact: value; incidents: { <id>: { fact: value } })' })
      .option('non-interactive', { type: 'boolean', describe: 'only print the ranked questions' })
      .option('max', { type: 'number', describe: 'ask at most this many questions' })
      .example('$0 ask samples/incomplete-profile.yaml', 'answer questions on a terminal')
      .example('$0 ask samples/incomplete-profile.yaml --non-interactive --lang en', 'print the questions, most decisive first')
      .example('printf "是\\n否\\n" | $0 ask samples/incomplete-profile.yaml', 'answer the first questions from piped lines'),
  handler: async (args) => {
    const asOf = evaluationDate(args.asOf);
    const { runAsk } = await import('../../src/ask/run.ts'); // loaded only when asked (start-up)
    const { loadRuleSet } = await import('../../src/ruleset/rule-set.ts');
    await runAsk({
      profileFile: args.profile,
      rules: loadRuleSet(args.rules),
      asOf,
      lang: args.lang,
      ...(args.answers !== undefined && { answersFile: args.answers }),
      ...(args.nonInteractive !== undefined && { nonInteractive: args.nonInteractive }),
      ...(args.max !== undefined && { maxQuestions: args.max }),
      ...(args.output !== undefined && { saveFile: args.output }),
      format: args.format,
      ...(args.encoding && { encoding: args.encoding }),
    });
  },
};
