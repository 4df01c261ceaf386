// Loads rule files from a folder tree, validates every one, and reports all problems at once,
// each naming the file, the rule and the field.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { packagePath } from '../io/paths.ts';
import { describeIssue, readStructuredFile } from '../io/read.ts';
import { InputError } from '../io/input-error.ts';
import { ruleProblems } from './check.ts';
import { ruleFileSchema, type Rule, type RuleFile } from './schema.ts';
import { bundledSnapshot, bundledSnapshotPath, readSnapshot, removeSnapshot, writeSnapshot } from './snapshot.ts';

/** The rules shipped with huiqi. */
export const defaultRulesDir = packagePath('rules');

const RULE_FILE = /\.(ya?ml|json)$/i;

export function ruleFilesIn(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError(`${dir}: no such rules folder or file`);
  }
  if (stat.isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return ruleFilesIn(path);
      return RULE_FILE.test(entry.name) ? [path] : [];
    });
}

/** Validates one parsed rule file; returns its rules, or its problems each prefixed with file and rule. */
export function checkRuleFile(data: unknown, file: string): { rules: Rule[]; problems: string[] } {
  const { ruleFile, problems } = validateRuleFile(data, file);
  return { rules: ruleFile ? rulesOf(ruleFile, file) : [], problems };
}

/** The rule file as the schema parses it, and every problem found in it (shape, then facts and cases). */
function validateRuleFile(data: unknown, file: string): { ruleFile?: RuleFile; problems: string[] } {
  const parsed = ruleFileSchema.safeParse(data);
  if (!parsed.success) {
    const raw = data as { rules?: { id?: unknown }[] };
    const problems = parsed.error.issues.map((issue) => {
      const [top, index, ...rest] = issue.path;
      if (top !== 'rules' || typeof index !== 'number' || rest.length === 0) return `${file}: ${describeIssue(issue)}`;
      const id = raw.rules?.[index]?.id;
      return `${file}: rule ${typeof id === 'string' ? id : `#${index + 1}`}: ${describeIssue(issue, rest)}`;
    });
    return { problems };
  }
  const problems: string[] = [];
  for (const definition of parsed.data.rules) {
    const { basis } = { ...parsed.data.effective, ...definition.effective };
    for (const p of ruleProblems(definition, basis)) problems.push(`${file}: rule ${definition.id}: ${p}`);
  }
  return { ruleFile: parsed.data, problems };
}

/** The rules of a valid rule file, each with the file's document and validity merged in. */
function rulesOf(ruleFile: RuleFile, file: string): Rule[] {
  return ruleFile.rules.map((definition) => {
    const effective = { ...ruleFile.effective, ...definition.effective };
    // The engine evaluates the trigger and the conditions as one tree; the trigger is its first branch.
    const conditions = definition.trigger
      ? { all: definition.conditions ? [definition.trigger, definition.conditions] : [definition.trigger] }
      : definition.conditions!;
    const source = { ...ruleFile.document, documentLines: ruleFile.document.lines, ...definition.source, file };
    return { ...definition, conditions, effective, source };
  });
}

/** How a rule file is named in rules and messages: relative to the working folder. */
const displayName = (path: string) => relative(process.cwd(), path) || path;

/** Reads and validates every rule file under `dir`: each file's parsed content, and every problem found. */
function readRuleFiles(dir: string): { files: { file: string; ruleFile: RuleFile }[]; problems: string[] } {
  const files: { file: string; ruleFile: RuleFile }[] = [];
  const problems: string[] = [];
  for (const path of ruleFilesIn(dir)) {
    try {
      const result = validateRuleFile(readStructuredFile(path), displayName(path));
      if (result.ruleFile) files.push({ file: path, ruleFile: result.ruleFile });
      problems.push(...result.problems);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.message);
    }
  }
  return { files, problems };
}

/** Reads and validates every rule file under `dir`: the files, their rules, and every problem (duplicate ids too). */
function readRules(dir: string): { files: { file: string; ruleFile: RuleFile }[]; rules: Rule[]; problems: string[] } {
  const { files, problems } = readRuleFiles(dir);
  const rules = files.flatMap(({ file, ruleFile }) => rulesOf(ruleFile, displayName(file)));
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) problems.push(`${rule.source.file}: rule ${rule.id}: id already used in ${other}`);
    seen.set(rule.id, rule.source.file);
  }
  return { files, rules, problems };
}

const problemsError = (problems: string[]) => new InputError(`${problems.length} problem(s) in rule files:\n  ${problems.join('\n  ')}`);

/**
 * Every rule under `dir` (a folder or one file). Throws an InputError listing every problem found.
 * `snapshot`: a validated snapshot of these files (see snapshot.ts), used when it matches them; by
 * default the build's snapshot of the bundled rules when `dir` is the bundled rules folder.
 */
export function loadRules(dir = defaultRulesDir, snapshot = resolve(dir) === defaultRulesDir ? bundledSnapshot() : undefined): Rule[] {
  const saved = snapshot && readSnapshot(snapshot, dir, ruleFilesIn(dir));
  if (saved) return saved.flatMap(({ file, ruleFile }) => rulesOf(ruleFile, displayName(file)));
  const { rules, problems } = readRules(dir);
  if (problems.length) throw problemsError(problems);
  return rules;
}

/**
 * Validates every rule file under `dir` and saves them as a snapshot at `target` (by default the build's
 * snapshot of the bundled rules). Invalid rules get no snapshot (an old one is removed): the error is
 * returned, and every load reads the files and reports it.
 */
export function writeRuleSnapshot(dir = defaultRulesDir, target = bundledSnapshotPath): InputError | undefined {
  const { files, problems } = readRules(dir);
  if (problems.length) {
    removeSnapshot(target);
    return problemsError(problems);
  }
  writeSnapshot(target, dir, files);
  return undefined;
}
