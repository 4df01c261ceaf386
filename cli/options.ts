// Options several commands share, defined once so they read and behave the same everywhere.
import type { Argv } from 'yargs';
import { parseDay, today } from '../src/io/dates.ts';
import { inputEncodings, type InputEncoding } from '../src/io/encoding.ts';
import type { Lang } from '../src/report/summary.ts';
import { defaultRulesDir } from '../src/rules/load.ts';

export const rulesOption = <T>(y: Argv<T>) =>
  y.option('rules', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/', describe: 'rules folder or file' });

export const langOption = <T>(y: Argv<T>, describe = 'language of titles and explanations') =>
  y.option('lang', { choices: ['zh', 'en'] as Lang[], default: 'zh' as Lang, describe });

export const asOfOption = <T>(y: Argv<T>) =>
  y.option('as-of', { type: 'string', describe: 'evaluation date YYYY-MM-DD (default: today); decides which rules are in force' });

export const encodingOption = <T>(y: Argv<T>) =>
  y.option('encoding', {
    choices: inputEncodings as unknown as InputEncoding[],
    describe: 'text encoding of the input (default: from a BOM, else UTF-8, else GB18030 with a note)',
  });

/** `<profile> --as-of --lang --rules --encoding`: what every command about one enterprise takes. */
export const profileOptions = <T>(y: Argv<T>, profile = 'enterprise profile, .json or .yaml (see samples/); - reads stdin', lang?: string) =>
  encodingOption(rulesOption(langOption(asOfOption(y.positional('profile', { type: 'string', demandOption: true, describe: profile, coerce: stdinDash })), lang)));

/** yargs reads a lone `-` as a flag (true, which a string turns into ''): it means stdin. */
const stdinDash = (value: string): string => (value === '' ? '-' : value);

/** The evaluation date: --as-of validated, or today. */
export const evaluationDate = (asOf: string | undefined): string => (asOf ? parseDay(asOf, '--as-of') : today());
