// What `huiqi rules list|show|validate|test` do, so the CLI only parses arguments: each takes the rule
// set the CLI loaded (from `rulesDir`) and writes its answer (a table or text, or JSON) to standard output.
import { existsSync } from 'node:fs';
import { runAllCases, uncoveredConditions } from '../cases/cases.ts';
import { InputError, OptionError } from '../io/input-error.ts';
import type { Lang } from '../io/lang.ts';
import { defaultSeedsDir, quoteProblems } from '../rules/citations.ts';
import type { RuleBase } from '../engine/rule-base.ts';
import { nextStepProblems } from '../rules/validate.ts';
import { ruleFilesIn } from '../rules/load.ts';
import { ruleDetail, ruleListTable } from './rule-report.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/**
 * `huiqi rules list`: every rule (of a jurisdiction, of a kind) with its jurisdiction, kind and source. The
 * jurisdiction is checked against the rule set read (an OptionError naming those it has), not the bundled one.
 */
export function runRulesList(o: { rules: RuleBase; rulesDir: string; lang: Lang; jurisdiction?: string; kind?: string; format: 'table' | 'json' }): void {
  const all = o.rules.rules;
  const jurisdictions = o.rules.jurisdictions;
  if (o.jurisdiction !== undefined && !jurisdictions.includes(o.jurisdiction)) {
    throw new OptionError(`--jurisdiction: the rules in ${o.rulesDir} have no jurisdiction "${o.jurisdiction}"; they have: ${jurisdictions.join(', ')}`);
  }
  const rules = all.filter((r) => (!o.jurisdiction || r.source.jurisdiction === o.jurisdiction) && (!o.kind || r.kind === o.kind));
  if (o.format === 'json') {
    json(rules.map((r) => ({ id: r.id, jurisdiction: r.source.jurisdiction, kind: r.kind, title: r.title, docNumber: r.source.docNumber, article: r.source.article })));
  } else process.stdout.write(ruleListTable(rules, o.lang));
}

/** `huiqi rules show <id>`: one rule; an unknown id is an InputError naming the ids that contain it. */
export function runRulesShow(o: { id: string; rules: RuleBase; lang: Lang; format: 'text' | 'json' }): void {
  const { rules } = o.rules;
  const rule = rules.find((r) => r.id === o.id);
  if (!rule) {
    const near = rules
      .filter((r) => r.id.includes(o.id))
      .map((r) => r.id)
      .slice(0, 10);
    throw new InputError(`no rule "${o.id}"${near.length ? `; did you mean:\n  ${near.join('\n  ')}` : ' (huiqi rules list shows them all)'}`);
  }
  if (o.format === 'json') json(rule);
  else process.stdout.write(ruleDetail(rule, o.lang, o.rules.catalog));
}

/** `huiqi rules validate`: the rule files (an InputError lists every problem), then the quotes against the seed lines when the seeds are there. */
export function runRulesValidate(o: { rules: RuleBase; rulesDir: string; seedsDir?: string; format: 'text' | 'json' }): void {
  const { rules } = o.rules;
  const unhandled = nextStepProblems(rules);
  if (unhandled.length) throw new InputError(`${unhandled.length} entitlement(s) without handledBy or handledByUnstated:\n  ${unhandled.join('\n  ')}`);
  const files = ruleFilesIn(o.rulesDir).length;
  const seeds = o.seedsDir ?? defaultSeedsDir;
  if (o.seedsDir && !existsSync(o.seedsDir)) throw new InputError(`--seeds ${o.seedsDir}: no such folder`);
  if (!existsSync(seeds)) {
    if (o.format === 'json') json({ valid: true, rules: rules.length, files, quotesCompared: false });
    else process.stdout.write(`${rules.length} rules in ${files} files are valid (quotes not compared: no seed folder at ${seeds}; give --seeds)\n`);
    return;
  }
  const { problems, checked, unchecked } = quoteProblems(seeds, rules);
  if (problems.length) throw new InputError(`${problems.length} quote(s) not found in their seed lines:\n  ${problems.join('\n  ')}`);
  const skipped = [...unchecked].map(([seed, n]) => `${n} citing ${seed}`).join(', ');
  if (o.format === 'json') json({ valid: true, rules: rules.length, files, quotesCompared: true, quotesMatching: checked });
  else
    process.stdout.write(
      `${rules.length} rules in ${files} files are valid; the quotes of ${checked} rules match their seed lines in ${seeds}${skipped ? ` (not compared, seed file absent: ${skipped})` : ''}\n`,
    );
}

/**
 * `huiqi rules test`: the rules' own cases, and whether they put every condition on both sides (a rule
 * whose cases never make a condition fail is under-tested). `oracle`: evaluated by json-rules-engine (the
 * reference semantics) instead of our own evaluator. Sets exit code 1 on a failure.
 */
export async function runRulesTest(o: { rules: RuleBase; format: 'text' | 'json'; verbose?: boolean; oracle?: boolean }): Promise<void> {
  const { rules, catalog } = o.rules;
  const outcomes = await runAllCases(rules, o.oracle ? 'reference' : 'native', catalog);
  const gaps = rules
    .map((rule) => ({
      rule,
      gaps: uncoveredConditions(
        outcomes.filter((c) => c.rule === rule),
        catalog,
      ),
    }))
    .filter((g) => g.gaps.length);
  const failed = outcomes.filter((c) => !c.passed);
  const total = outcomes.length + rules.length;
  const failures = failed.length + gaps.length;
  if (failures) process.exitCode = 1;
  if (o.format === 'json') {
    const shown = o.verbose ? outcomes : failed;
    json({
      passed: total - failures,
      failed: failures,
      cases: shown.map((c) => ({ rule: c.rule.id, case: c.case.name, passed: c.passed, ...(c.problem && { problem: c.problem }) })),
      uncovered: gaps.map((g) => ({ rule: g.rule.id, conditions: g.gaps })),
    });
    return;
  }
  for (const c of outcomes) {
    if (c.passed && !o.verbose) continue;
    process.stdout.write(`${c.passed ? 'ok  ' : 'FAIL'} ${c.rule.id}: ${c.case.name}${c.problem ? `\n     ${c.problem}` : ''}\n`);
  }
  for (const g of gaps) for (const gap of g.gaps) process.stdout.write(`FAIL ${g.rule.id}: ${gap}\n`);
  process.stdout.write(`${total - failures} passed, ${failures} failed\n`);
}
