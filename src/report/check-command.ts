// What `huiqi check` does, so the CLI only parses arguments: read the profile and the rules, check,
// write the chosen format to standard output or a file.
import type { InputEncoding } from '../io/encoding.ts';
import type { Lang } from '../io/lang.ts';
import { validateOutputPath, writeOutputFile, writeStdout } from '../io/output.ts';
import { noteIncidentDatesAfter } from '../profile/dates-after.ts';
import { loadProfile } from '../profile/load.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { evaluateForCheck } from './check.ts';
import { checkFormats, checkTable, type CheckFormat } from './check-report.ts';

export interface CheckCommandOptions {
  profileFile: string;
  rules: RuleBase;
  /** YYYY-MM-DD, already validated. */
  asOf: string;
  lang: Lang;
  format: CheckFormat;
  /** As --all: also list, one by one, the rules about situations not known to arise or that do not arise. */
  all?: boolean;
  /** As --oracle: every verdict and explanation from json-rules-engine, to cross-check our evaluator. */
  oracle?: boolean;
  encoding?: InputEncoding;
  /** The file to write (replaced only once whole); standard output without. */
  output?: string;
}

export async function runCheck(o: CheckCommandOptions): Promise<void> {
  if (o.output) validateOutputPath(o.output);
  const { rules } = o;
  const profile = loadProfile(o.profileFile, { ...(o.encoding && { encoding: o.encoding }), schema: rules.profile });
  noteIncidentDatesAfter(profile, o.asOf, o.profileFile);
  const checked = await evaluateForCheck(profile, { rules, asOf: o.asOf, explain: o.all ? 'all' : 'listed', evaluator: o.oracle ? 'reference' : 'native' });
  const input = { ...checked, lang: o.lang, all: o.all };
  // The table on stdout is written as it is made: on thousands of incidents it runs to millions of characters.
  if (o.format === 'table' && !o.output) checkTable(input, writeStdout);
  else writeOutputFile(o.output ?? '-', checkFormats[o.format](input));
}
