// Checks that a rule's quote really stands in its seed file within the cited lines, so a citation
// cannot drift from the text it claims to encode.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../io/paths.ts';
import type { Rule } from './schema.ts';

/** The policy source texts the rules cite, kept in the package (sources/, byte for byte as published). */
export const defaultSeedsDir = packagePath('sources');

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Short lines that recur through a seed are page furniture (running heads such as 公 告), not text. */
function furniture(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const key = squeeze(l);
    if (key && key.length <= 12) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([k]) => k));
}

const seedCache = new Map<string, { lines: string[]; furniture: Set<string> }>();

function seed(dir: string, file: string) {
  let entry = seedCache.get(file);
  if (!entry) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    seedCache.set(file, (entry = { lines, furniture: furniture(lines) }));
  }
  return entry;
}

/**
 * Why the quote is not found in its lines, or undefined when it is. A quote may leave text out
 * with …… (each part must then appear, in order); white space and page furniture are ignored.
 */
export function citationProblem(seedsDir: string, file: string, [from, to]: readonly [number, number], quote: string): string | undefined {
  if (!existsSync(join(seedsDir, file))) return `seed file ${file} not found in ${seedsDir}`;
  const { lines, furniture: noise } = seed(seedsDir, file);
  if (to > lines.length) return `lines ${from}-${to} run past the end of ${file} (${lines.length} lines)`;
  const cited = lines.slice(from - 1, to).map(squeeze);
  const parts = quote
    .split(/……|\.\.\./)
    .map(squeeze)
    .filter(Boolean);
  // Without the furniture first; then the lines as they stand, for the cells of a table whose short
  // fragments recur often enough to look like furniture (综合 / 保税 / 区管 / 委会).
  const missing = partMissing(cited.filter((l) => !noise.has(l)).join(''), parts);
  if (missing === undefined || partMissing(cited.join(''), parts) === undefined) return undefined;
  return `"${missing.slice(0, 40)}${missing.length > 40 ? '…' : ''}" is not in ${file} lines ${from}-${to}`;
}

/** The first part of a quote not found in `text` after the parts before it, or undefined when all are. */
function partMissing(text: string, parts: string[]): string | undefined {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0) return part;
    at = found + part.length;
  }
  return undefined;
}

/** Every citation problem of a rule: its own quote and its validity window's. */
export function ruleCitationProblems(seedsDir: string, rule: Rule): string[] {
  const problems: string[] = [];
  const check = (what: string, lines: readonly [number, number], quote: string) => {
    const p = citationProblem(seedsDir, rule.source.seed, lines, quote);
    if (p) problems.push(`${rule.source.file}: rule ${rule.id}: ${what}: ${p}`);
  };
  check('source.quote', rule.source.lines, rule.source.quote);
  if (rule.effective.source) check('effective.source.quote', rule.effective.source.lines, rule.effective.source.quote);
  rule.handledBy?.forEach((office, i) => check(`handledBy[${i}].source.quote`, office.source.lines, office.source.quote));
  if (rule.howToApply) check('howToApply.source.quote', rule.howToApply.source.lines, rule.howToApply.source.quote);
  if (rule.applicationWindow) check('applicationWindow.source.quote', rule.applicationWindow.source.lines, rule.applicationWindow.source.quote);
  if (rule.notCombinedWith) check('notCombinedWith.source.quote', rule.notCombinedWith.source.lines, rule.notCombinedWith.source.quote);
  return problems;
}

/** The quote of a document's own fields (its horizon), once per rule file. */
export function documentCitationProblems(seedsDir: string, rule: Rule): string[] {
  const horizon = rule.horizon;
  if (!horizon) return [];
  const p = citationProblem(seedsDir, rule.source.seed, horizon.source.lines, horizon.source.quote);
  return p ? [`${rule.source.file}: document.horizon.source.quote: ${p}`] : [];
}

/**
 * The quotes of `rules` compared with their seed lines, for `huiqi rules validate`: the same comparison
 * as the shipped-rules test. A rule whose seed file is not in `seedsDir` is left unchecked (and counted), so
 * rules from elsewhere can be validated without their seeds.
 */
export function quoteProblems(seedsDir: string, rules: readonly Rule[]): { problems: string[]; checked: number; unchecked: Map<string, number> } {
  const problems: string[] = [];
  const unchecked = new Map<string, number>();
  const files = new Set<string>();
  let checked = 0;
  for (const rule of rules) {
    if (!existsSync(join(seedsDir, rule.source.seed))) {
      unchecked.set(rule.source.seed, (unchecked.get(rule.source.seed) ?? 0) + 1);
      continue;
    }
    checked++;
    if (!files.has(rule.source.file)) problems.push(...documentCitationProblems(seedsDir, rule));
    files.add(rule.source.file);
    problems.push(...ruleCitationProblems(seedsDir, rule));
  }
  return { problems, checked, unchecked };
}
