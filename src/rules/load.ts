// Loads rule files from a folder tree, validates every one, and reports all problems at once,
// each naming the file, the rule and the field.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packagePath } from '../io/paths.ts';
import { describeIssue, InputError, readStructuredFile } from '../io/read.ts';
import { ruleProblems } from './check.ts';
import { ruleFileSchema, type Rule, type RuleFile } from './schema.ts';

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

/** Validates one parsed rule file; returns its rules or the problems, each prefixed with file and rule. */
export function checkRuleFile(data: unknown, file: string): { rules: Rule[]; problems: string[] } {
  const parsed = ruleFileSchema.safeParse(data);
  if (!parsed.success) {
    const raw = data as { rules?: { id?: unknown }[] };
    const problems = parsed.error.issues.map((issue) => {
      const [top, index, ...rest] = issue.path;
      if (top !== 'rules' || typeof index !== 'number' || rest.length === 0) return `${file}: ${describeIssue(issue)}`;
      const id = raw.rules?.[index]?.id;
      return `${file}: rule ${typeof id === 'string' ? id : `#${index + 1}`}: ${describeIssue(issue, rest)}`;
    });
    return { rules: [], problems };
  }
  return buildRules(parsed.data, file);
}

function buildRules(ruleFile: RuleFile, file: string): { rules: Rule[]; problems: string[] } {
  const problems: string[] = [];
  const rules = ruleFile.rules.map((definition) => {
    const effective = { ...ruleFile.effective, ...definition.effective };
    for (const p of ruleProblems(definition, effective.basis)) problems.push(`${file}: rule ${definition.id}: ${p}`);
    // The engine evaluates the trigger and the conditions as one tree; the trigger is its first branch.
    const conditions = definition.trigger
      ? { all: definition.conditions ? [definition.trigger, definition.conditions] : [definition.trigger] }
      : definition.conditions!;
    const source = { ...ruleFile.document, documentLines: ruleFile.document.lines, ...definition.source, file };
    return { ...definition, conditions, effective, source };
  });
  return { rules, problems };
}

/** Every rule under `dir` (a folder or one file). Throws an InputError listing every problem found. */
export function loadRules(dir = defaultRulesDir): Rule[] {
  const rules: Rule[] = [];
  const problems: string[] = [];
  for (const path of ruleFilesIn(dir)) {
    const name = relative(process.cwd(), path) || path;
    try {
      const result = checkRuleFile(readStructuredFile(path), name);
      rules.push(...result.rules);
      problems.push(...result.problems);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.message);
    }
  }
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) problems.push(`${rule.source.file}: rule ${rule.id}: id already used in ${other}`);
    seen.set(rule.id, rule.source.file);
  }
  if (problems.length) throw new InputError(`${problems.length} problem(s) in rule files:\n  ${problems.join('\n  ')}`);
  return rules;
}
