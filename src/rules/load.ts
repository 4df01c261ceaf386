// Loads rule files from a folder tree, validates every one, and reports all problems at once,
// each naming the file, the rule and the field.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { catalogWith, declarationProblems } from '../facts/catalog.ts';
import { packagePath } from '../io/paths.ts';
import { describeIssue, readStructuredFile } from '../io/read.ts';
import { InputError } from '../io/input-error.ts';
import type { PlainFact } from '../profile/plain-facts.ts';
import { ruleProblems, type FactLookup } from './validate.ts';
import { ruleFileSchema, type Condition, type Rule, type RuleFile } from './schema.ts';
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

/** The rules of a rule set and the plain facts its files declare. */
export interface LoadedRules {
  rules: Rule[];
  declared: PlainFact[];
}

/** Validates one parsed rule file; returns its rules and the facts it declares, or its problems each prefixed with file and rule. */
export function validateRuleFile(data: unknown, file: string): LoadedRules & { problems: string[] } {
  const { ruleFile, problems } = parseRuleFile(data, file);
  if (!ruleFile) return { rules: [], declared: [], problems };
  const declared = declaredIn(ruleFile, file);
  problems.push(...declarationProblems(declared), ...ruleFileProblems(ruleFile, file, catalogWith(declared)));
  return { rules: withCombinationTitles(rulesOf(ruleFile, file)), declared, problems };
}

/**
 * The rules with each notCombinedWith given the titles of the rules it names (a rule not among them:
 * its id, which validation reports), so that every note names the other measure by its title.
 */
function withCombinationTitles(rules: Rule[]): Rule[] {
  if (!rules.some((r) => r.notCombinedWith)) return rules;
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  return rules.map((r) =>
    r.notCombinedWith ? { ...r, notCombinedWith: { ...r.notCombinedWith, titles: r.notCombinedWith.rules.map((id) => titles.get(id) ?? { zh: id, en: id }) } } : r,
  );
}

/** The rule file as the schema parses it, or every problem of its shape. */
function parseRuleFile(data: unknown, file: string): { ruleFile?: RuleFile; problems: string[] } {
  const parsed = ruleFileSchema.safeParse(data);
  if (parsed.success) return { ruleFile: parsed.data, problems: [] };
  const raw = data as { rules?: { id?: unknown }[] };
  const problems = parsed.error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    if (top !== 'rules' || typeof index !== 'number' || rest.length === 0) return `${file}: ${describeIssue(issue)}`;
    const id = raw.rules?.[index]?.id;
    return `${file}: rule ${typeof id === 'string' ? id : `#${index + 1}`}: ${describeIssue(issue, rest)}`;
  });
  return { problems };
}

/** The plain facts a rule file declares, as the profile schema and the fact catalog take them. */
const declaredIn = (ruleFile: RuleFile, file: string): PlainFact[] => (ruleFile.facts ?? []).map((fact) => ({ ...fact, file }));

/** Problems of a parsed rule file's rules (facts, operators, values, cases), checked against `facts`. */
function ruleFileProblems(ruleFile: RuleFile, file: string, facts: FactLookup): string[] {
  const problems: string[] = [];
  for (const definition of ruleFile.rules) {
    const { basis } = { ...ruleFile.effective, ...definition.effective };
    for (const p of ruleProblems(definition, basis, facts, ruleFile.document.scope)) problems.push(`${file}: rule ${definition.id}: ${p}`);
  }
  return problems;
}

/**
 * A rule's trigger with its document's scope as the first part: `all` with the scope before the
 * trigger's own parts (so a rule that used to repeat the scope there reads the same), or the scope alone.
 */
function scoped(scope: Condition | undefined, trigger: Condition | undefined): Condition | undefined {
  if (!scope) return trigger;
  if (!trigger) return scope;
  return 'all' in trigger && !trigger.label ? { all: [scope, ...trigger.all] } : { all: [scope, trigger] };
}

/** The rules of a valid rule file, each with the file's document, scope and validity merged in. */
function rulesOf(ruleFile: RuleFile, file: string): Rule[] {
  const { scope, horizon, ...document } = ruleFile.document;
  return ruleFile.rules.map((definition) => {
    const effective = { ...ruleFile.effective, ...definition.effective };
    const trigger = scoped(scope, definition.trigger);
    // The engine evaluates the trigger and the conditions as one tree; the trigger is its first branch.
    const conditions = trigger ? { all: definition.conditions ? [trigger, definition.conditions] : [trigger] } : definition.conditions!;
    const source = { ...document, documentLines: document.lines, ...definition.source, file };
    return { ...definition, ...(trigger && { trigger }), conditions, effective, source, ...(horizon && { horizon }) };
  });
}

/**
 * How a rule file is named in rules and messages: the bundled rules as `rules/…` wherever the program
 * runs (an answer's `source.file` does not depend on the working folder), other files relative to it.
 */
const displayName = (path: string) => {
  const inBundled = relative(defaultRulesDir, resolve(path));
  if (inBundled && !inBundled.startsWith('..') && !isAbsolute(inBundled)) return join('rules', inBundled);
  return relative(process.cwd(), path) || path;
};

/**
 * Reads and validates every rule file under `dir`: each file's parsed content, the facts they declare,
 * and every problem found. The files' rules are checked against the catalog with every file's facts: a
 * fact one document declares may be used by another.
 */
function readRuleFiles(dir: string): { files: { file: string; ruleFile: RuleFile }[]; declared: PlainFact[]; problems: string[] } {
  const files: { file: string; ruleFile: RuleFile }[] = [];
  const problems: string[] = [];
  for (const path of ruleFilesIn(dir)) {
    try {
      const result = parseRuleFile(readStructuredFile(path), displayName(path));
      if (result.ruleFile) files.push({ file: path, ruleFile: result.ruleFile });
      problems.push(...result.problems);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.message);
    }
  }
  const declared = files.flatMap(({ file, ruleFile }) => declaredIn(ruleFile, displayName(file)));
  problems.push(...declarationProblems(declared));
  const facts = catalogWith(declared);
  for (const { file, ruleFile } of files) {
    problems.push(...jurisdictionProblems(ruleFile, file, dir), ...ruleFileProblems(ruleFile, displayName(file), facts));
  }
  return { files, declared, problems };
}

/** A document in a folder of the rules tree names that folder as its jurisdiction (rules/chongqing/… → chongqing). */
function jurisdictionProblems(ruleFile: RuleFile, file: string, dir: string): string[] {
  const folders = relative(dir, file).split(sep).slice(0, -1);
  if (folders.length === 0 || folders[0] === ruleFile.document.jurisdiction) return [];
  return [
    `${displayName(file)}: document.jurisdiction: is "${ruleFile.document.jurisdiction}" but the file lies in the folder ${folders[0]}/ (a document's jurisdiction is its folder)`,
  ];
}

/** Reads and validates every rule file under `dir`: the files, their rules and facts, and every problem (duplicate ids too). */
function readRules(dir: string): { files: { file: string; ruleFile: RuleFile }[]; rules: Rule[]; declared: PlainFact[]; problems: string[] } {
  const { files, declared, problems } = readRuleFiles(dir);
  const rules = withCombinationTitles(files.flatMap(({ file, ruleFile }) => rulesOf(ruleFile, displayName(file))));
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) problems.push(`${rule.source.file}: rule ${rule.id}: id already used in ${other}`);
    seen.set(rule.id, rule.source.file);
  }
  for (const rule of rules) {
    for (const [i, id] of (rule.notCombinedWith?.rules ?? []).entries()) {
      if (id === rule.id) problems.push(`${rule.source.file}: rule ${rule.id}: notCombinedWith.rules[${i}]: names the rule itself`);
      else if (!seen.has(id)) problems.push(`${rule.source.file}: rule ${rule.id}: notCombinedWith.rules[${i}]: no rule "${id}"`);
    }
  }
  return { files, rules, declared, problems };
}

const problemsError = (problems: string[]) => new InputError(`${problems.length} problem(s) in rule files:\n  ${problems.join('\n  ')}`);

/**
 * Every rule under `dir` (a folder or one file) and the plain facts its files declare (the rule set's
 * profile schema and fact catalog are made from them: src/facts/catalog.ts FactCatalog). Throws an
 * InputError listing every problem found. `snapshot`: a validated snapshot of these files (see
 * snapshot.ts), used when it matches them; by default the build's snapshot of the bundled rules when
 * `dir` is the bundled rules folder.
 */
export function readRuleSet(dir = defaultRulesDir, snapshot = resolve(dir) === defaultRulesDir ? bundledSnapshot() : undefined): LoadedRules {
  const saved = snapshot && readSnapshot(snapshot, dir, ruleFilesIn(dir));
  if (saved) {
    return {
      rules: withCombinationTitles(saved.flatMap(({ file, ruleFile }) => rulesOf(ruleFile, displayName(file)))),
      declared: saved.flatMap(({ file, ruleFile }) => declaredIn(ruleFile, displayName(file))),
    };
  }
  const { rules, declared, problems } = readRules(dir);
  if (problems.length) throw problemsError(problems);
  return { rules, declared };
}

/** The rules under `dir` alone (see readRuleSet); what needs the facts they declare takes a RuleSet (loadRuleSet). */
export function loadRules(dir = defaultRulesDir, snapshot = resolve(dir) === defaultRulesDir ? bundledSnapshot() : undefined): Rule[] {
  return readRuleSet(dir, snapshot).rules;
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
