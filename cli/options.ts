// Options every command shares, defined once so they read and behave the same everywhere:
// `--rules`, `--lang`, `--as-of`, `--format` (always with json), `-o/--output` (old names kept as aliases).
import type { Argv } from 'yargs';
import { parseDay, today } from '../src/profile/dates.ts';
import { inputEncodings, type InputEncoding } from '../src/io/encoding.ts';
import { InputError } from '../src/io/input-error.ts';
import type { Lang } from '../src/io/lang.ts';
import { defaultRulesDir } from '../src/rules/load.ts';
import { UsageError } from './usage-error.ts';

export const rulesOption = <T>(y: Argv<T>) =>
  y.option('rules', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/', describe: 'rules folder or file' });

export const langOption = <T>(y: Argv<T>, describe = 'language of titles and explanations') =>
  y.option('lang', { choices: ['zh', 'en'] as Lang[], default: 'zh' as Lang, describe });

export const asOfOption = <T>(y: Argv<T>) => y.option('as-of', { type: 'string', describe: 'evaluation date YYYY-MM-DD (default: today); decides which rules are in force' });

export const encodingOption = <T>(y: Argv<T>) =>
  y.option('encoding', {
    choices: inputEncodings as unknown as InputEncoding[],
    describe: 'text encoding of the input (default: from a BOM, else UTF-8, else GB18030 with a note)',
  });

/** `--format`: the output formats of a command, json always among them; without a default the command decides. */
export function formatOption<T, const F extends string>(y: Argv<T>, formats: readonly F[], defaultFormat: F, describe?: string): Argv<T & { format: F }>;
export function formatOption<T, const F extends string>(y: Argv<T>, formats: readonly F[], defaultFormat: undefined, describe?: string): Argv<T & { format: F | undefined }>;
export function formatOption<T, const F extends string>(y: Argv<T>, formats: readonly F[], defaultFormat: F | undefined, describe = 'output format') {
  return y.option('format', { choices: formats as F[], ...(defaultFormat !== undefined && { default: defaultFormat }), describe });
}

/** `-o/--output`: the file to write; `aliases` keeps a command's older name (screen --out, ask --save). */
export const outputOption = <T>(y: Argv<T>, describe = 'write to this file instead of standard output', aliases: string[] = []) =>
  y.option('output', { alias: ['o', ...aliases], type: 'string', describe });

/** `<profile> --as-of --lang --rules --encoding`: what every command about one enterprise takes. */
export const profileOptions = <T>(y: Argv<T>, profile = 'enterprise profile, .json or .yaml (see samples/); - reads stdin', lang?: string) =>
  encodingOption(rulesOption(langOption(asOfOption(y.positional('profile', { type: 'string', demandOption: true, describe: profile, coerce: stdinDash })), lang)));

/** yargs reads a lone `-` as a flag (true, which a string turns into ''): it means stdin. */
const stdinDash = (value: string): string => (value === '' ? '-' : value);

/** The evaluation date: --as-of validated (a bad one is a usage error), or today. */
export function evaluationDate(asOf: string | undefined): string {
  if (!asOf) return today();
  try {
    return parseDay(asOf, '--as-of');
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
}
