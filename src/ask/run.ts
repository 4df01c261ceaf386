// What `huiqi ask` does, so the CLI only parses arguments.
import { stringify } from 'yaml';
import type { RuleBase } from '../engine/rule-base.ts';
import type { InputEncoding } from '../io/encoding.ts';
import { validateOutputPath, writeOutputFile } from '../io/output.ts';
import { linesIO, readAll, terminalIO } from './prompt.ts';
import { readStructuredFile } from '../io/read.ts';
import { InputError } from '../io/input-error.ts';
import { noteIncidentDatesAfter } from '../profile/dates-after.ts';
import { parseProfile } from '../profile/load.ts';
import { applyAnswerFile, askSession, questionJson, questionList, sessionResult, type AskOptions } from './session.ts';
import type { Lang } from '../io/lang.ts';

export interface AskCommandOptions {
  profileFile: string;
  rules: RuleBase;
  asOf: string;
  lang: Lang;
  answersFile?: string;
  nonInteractive?: boolean;
  /** Output of --non-interactive: the questions as lines of text or as JSON. */
  format?: 'text' | 'json';
  maxQuestions?: number;
  saveFile?: string;
  /** The profile's text encoding (default: from a BOM, else UTF-8, else GB18030 with a note). */
  encoding?: InputEncoding;
}

export async function runAsk(o: AskCommandOptions): Promise<void> {
  if (o.saveFile) validateOutputPath(o.saveFile); // before any question is asked
  const { rules } = o;
  let data = readStructuredFile(o.profileFile, { ...(o.encoding && { encoding: o.encoding }) }) as Record<string, unknown>;
  noteIncidentDatesAfter(parseProfile(data, o.profileFile, rules.profile), o.asOf, o.profileFile); // parsing reports every problem of the starting profile, naming its field
  const options: AskOptions = { rules, asOf: o.asOf, lang: o.lang, ...(o.maxQuestions !== undefined && { maxQuestions: o.maxQuestions }) };
  const out = process.stdout;

  if (o.answersFile) {
    try {
      data = applyAnswerFile(data, readStructuredFile(o.answersFile), o.lang, rules);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${o.answersFile}: ${(e as Error).message}`);
    }
  }
  if (o.nonInteractive || o.answersFile) {
    const profile = parseProfile(data, o.answersFile ?? o.profileFile, rules.profile);
    const results = await rules.evaluator.evaluateProfile(profile, { asOf: o.asOf });
    out.write(o.format === 'json' ? await questionJson(data, options) : await questionList(data, options));
    if (o.answersFile && o.format !== 'json') out.write(sessionResult(profile, results, options));
    save(o.saveFile, data);
    return;
  }

  const io = process.stdin.isTTY ? terminalIO() : linesIO(await readAll());
  const session = await askSession(data, io, options);
  if ('close' in io) (io as { close(): void }).close();
  out.write(sessionResult(session.profile, session.results, options));
  save(o.saveFile, session.data);
}

function save(file: string | undefined, data: Record<string, unknown>) {
  if (file) writeOutputFile(file, file.endsWith('.json') ? `${JSON.stringify(data, null, 2)}\n` : stringify(data));
}
