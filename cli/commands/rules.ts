import { existsSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../src/io/input-error.ts';
import type { Lang } from '../../src/io/lang.ts';
import { defaultSeedsDir, quoteProblems } from '../../src/rules/citations.ts';
import { loadRules, ruleFilesIn } from '../../src/rules/load.ts';
import { jurisdictions, ruleKinds } from '../../src/rules/schema.ts';
import { formatOption, langOption, rulesOption } from '../options.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const list: CommandModule<object, { rules: string; lang: Lang; jurisdiction?: string; kind?: string; format: 'table' | 'json'; json?: boolean }> = {
  command: 'list',
  describe: 'List every rule with its jurisdiction, kind and source',
  builder: (y) =>
    formatOption(langOption(rulesOption(y)), ['table', 'json'], 'table')
      .option('jurisdiction', { choices: jurisdictions, describe: 'only this jurisdiction' })
      .option('kind', { choices: ruleKinds, describe: 'only this kind of measure' })
      .option('json', { type: 'boolean', describe: 'same as --format json (older name)' }),
  handler: async (args) => {
    const { ruleListTable } = await import('../../src/report/rule-report.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.rules).filter(
      (r) => (!args.jurisdiction || r.source.jurisdiction === args.jurisdiction) && (!args.kind || r.kind === args.kind),
    );
    if (args.json || args.format === 'json') {
      json(rules.map((r) => ({ id: r.id, jurisdiction: r.source.jurisdiction, kind: r.kind, title: r.title, docNumber: r.source.docNumber, article: r.source.article })));
    } else process.stdout.write(ruleListTable(rules, args.lang));
  },
};

const show: CommandModule<object, { id: string; rules: string; lang: Lang; format: 'text' | 'json' }> = {
  command: 'show <id>',
  describe: 'Show one rule: its source, quote, validity, conditions and outcome',
  builder: (y) =>
    formatOption(langOption(rulesOption(y)), ['text', 'json'], 'text').positional('id', { type: 'string', demandOption: true, describe: 'rule id, e.g. gacc-2023-127/late-fee-waiver' }),
  handler: async (args) => {
    const { ruleDetail } = await import('../../src/report/rule-report.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.rules);
    const rule = rules.find((r) => r.id === args.id);
    if (!rule) {
      const near = rules.filter((r) => r.id.includes(args.id)).map((r) => r.id).slice(0, 10);
      throw new InputError(`no rule "${args.id}"${near.length ? `; did you mean:\n  ${near.join('\n  ')}` : ' (huiqi rules list shows them all)'}`);
    }
    if (args.format === 'json') json(rule);
    else process.stdout.write(ruleDetail(rule, args.lang));
  },
};

/** `rules validate|test [dir]`: the folder as a positional (the older form) or --rules, as every command takes it. */
const rulesFolder = <T>(y: Argv<T>) =>
  formatOption(rulesOption(y).positional('dir', { type: 'string', describe: 'rules folder or file (same as --rules)' }), ['text', 'json'], 'text');

const validate: CommandModule<object, { dir?: string; rules: string; format: 'text' | 'json'; seeds?: string }> = {
  command: 'validate [dir]',
  describe: 'Validate rule files: schema, facts, operators and values, and every quote against its seed lines when the seeds are there (errors name file, rule and field)',
  builder: (y) =>
    rulesFolder(y).option('seeds', { type: 'string', describe: 'folder of the policy seed texts (default: ../shared/seeds beside the package, when present)' }),
  handler: (args) => {
    const dir = args.dir ?? args.rules;
    const rules = loadRules(dir);
    const files = ruleFilesIn(dir).length;
    const seeds = args.seeds ?? defaultSeedsDir;
    if (args.seeds && !existsSync(args.seeds)) throw new InputError(`--seeds ${args.seeds}: no such folder`);
    if (!existsSync(seeds)) {
      if (args.format === 'json') json({ valid: true, rules: rules.length, files, quotesCompared: false });
      else process.stdout.write(`${rules.length} rules in ${files} files are valid (quotes not compared: no seed folder at ${seeds}; give --seeds)\n`);
      return;
    }
    const { problems, checked, unchecked } = quoteProblems(seeds, rules);
    if (problems.length) throw new InputError(`${problems.length} quote(s) not found in their seed lines:\n  ${problems.join('\n  ')}`);
    const skipped = [...unchecked].map(([seed, n]) => `${n} citing ${seed}`).join(', ');
    if (args.format === 'json') json({ valid: true, rules: rules.length, files, quotesCompared: true, quotesMatching: checked });
    else
      process.stdout.write(
        `${rules.length} rules in ${files} files are valid; the quotes of ${checked} rules match their seed lines in ${seeds}${skipped ? ` (not compared, seed file absent: ${skipped})` : ''}\n`,
      );
  },
};

const test: CommandModule<object, { dir?: string; rules: string; format: 'text' | 'json'; verbose?: boolean; oracle?: boolean }> = {
  command: 'test [dir]',
  describe: "Run the rules' own test cases (profile in, expected status out) and check that they put every condition on both sides",
  builder: (y) =>
    rulesFolder(y)
      .option('verbose', { type: 'boolean', describe: 'list passing cases too' })
      .option('oracle', { type: 'boolean', describe: 'evaluate the cases with json-rules-engine (the reference semantics) instead of our own evaluator' }),
  handler: async (args) => {
    const { runAllCases, uncoveredConditions } = await import('../../src/catalog/cases.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.dir ?? args.rules);
    const outcomes = await runAllCases(rules, args.oracle ? 'reference' : 'native');
    // Both sides of every condition: a rule whose cases never make a condition fail is under-tested.
    const gaps = rules.map((rule) => ({ rule, gaps: uncoveredConditions(outcomes.filter((o) => o.rule === rule)) })).filter((g) => g.gaps.length);
    const failed = outcomes.filter((o) => !o.passed);
    const total = outcomes.length + rules.length;
    const failures = failed.length + gaps.length;
    if (failures) process.exitCode = 1;
    if (args.format === 'json') {
      const shown = args.verbose ? outcomes : failed;
      json({
        passed: total - failures, failed: failures,
        cases: shown.map((o) => ({ rule: o.rule.id, case: o.case.name, passed: o.passed, ...(o.problem && { problem: o.problem }) })),
        uncovered: gaps.map((g) => ({ rule: g.rule.id, conditions: g.gaps })),
      });
      return;
    }
    for (const o of outcomes) {
      if (o.passed && !args.verbose) continue;
      process.stdout.write(`${o.passed ? 'ok  ' : 'FAIL'} ${o.rule.id}: ${o.case.name}${o.problem ? `\n     ${o.problem}` : ''}\n`);
    }
    for (const g of gaps) for (const gap of g.gaps) process.stdout.write(`FAIL ${g.rule.id}: ${gap}\n`);
    process.stdout.write(`${total - failures} passed, ${failures} failed\n`);
  },
};

export const rulesCommand: CommandModule = {
  builder: (y) => y.command(list).command(show).command(validate).command(test).demandCommand(1, 'Name a rules command: list, show, validate or test'),
  handler: () => {},
};
