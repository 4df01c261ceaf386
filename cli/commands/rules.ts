import type { CommandModule } from 'yargs';
import { InputError } from '../../src/io/read.ts';
import type { Lang } from '../../src/report/summary.ts';
import { defaultRulesDir, loadRules, ruleFilesIn } from '../../src/rules/load.ts';
import { jurisdictions, ruleKinds } from '../../src/rules/schema.ts';
import { langOption, rulesOption } from '../options.ts';


const list: CommandModule<object, { rules: string; lang: Lang; jurisdiction?: string; kind?: string; json?: boolean }> = {
  command: 'list',
  describe: 'List every rule with its jurisdiction, kind and source',
  builder: (y) =>
    langOption(rulesOption(y))
      .option('jurisdiction', { choices: jurisdictions, describe: 'only this jurisdiction' })
      .option('kind', { choices: ruleKinds, describe: 'only this kind of measure' })
      .option('json', { type: 'boolean', describe: 'print JSON' }),
  handler: async (args) => {
    const { ruleListTable } = await import('../../src/report/rule-report.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.rules).filter(
      (r) => (!args.jurisdiction || r.source.jurisdiction === args.jurisdiction) && (!args.kind || r.kind === args.kind),
    );
    if (args.json) {
      const rows = rules.map((r) => ({ id: r.id, jurisdiction: r.source.jurisdiction, kind: r.kind, title: r.title, docNumber: r.source.docNumber, article: r.source.article }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else process.stdout.write(ruleListTable(rules, args.lang));
  },
};

const show: CommandModule<object, { id: string; rules: string; lang: Lang }> = {
  command: 'show <id>',
  describe: 'Show one rule: its source, quote, validity, conditions and outcome',
  builder: (y) => langOption(rulesOption(y)).positional('id', { type: 'string', demandOption: true, describe: 'rule id, e.g. gacc-2023-127/late-fee-waiver' }),
  handler: async (args) => {
    const { ruleDetail } = await import('../../src/report/rule-report.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.rules);
    const rule = rules.find((r) => r.id === args.id);
    if (!rule) {
      const near = rules.filter((r) => r.id.includes(args.id)).map((r) => r.id).slice(0, 10);
      throw new InputError(`no rule "${args.id}"${near.length ? `; did you mean:\n  ${near.join('\n  ')}` : ' (huiqi rules list shows them all)'}`);
    }
    process.stdout.write(ruleDetail(rule, args.lang));
  },
};

const validate: CommandModule<object, { dir: string }> = {
  command: 'validate [dir]',
  describe: 'Validate rule files: schema, facts, operators and values (errors name file, rule and field)',
  builder: (y) => y.positional('dir', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/' }),
  handler: (args) => {
    const rules = loadRules(args.dir);
    process.stdout.write(`${rules.length} rules in ${ruleFilesIn(args.dir).length} files are valid\n`);
  },
};

const test: CommandModule<object, { dir: string; verbose?: boolean }> = {
  command: 'test [dir]',
  describe: "Run the rules' own test cases (profile in, expected status out) and check that they put every condition on both sides",
  builder: (y) =>
    y.positional('dir', { type: 'string', default: defaultRulesDir, defaultDescription: 'the bundled rules/' }).option('verbose', { type: 'boolean', describe: 'list passing cases too' }),
  handler: async (args) => {
    const { runAllCases, uncoveredConditions } = await import('../../src/rules/cases.ts'); // loaded only when needed (start-up)
    const rules = loadRules(args.dir);
    const outcomes = await runAllCases(rules);
    const failed = outcomes.filter((o) => !o.passed);
    for (const o of outcomes) {
      if (o.passed && !args.verbose) continue;
      process.stdout.write(`${o.passed ? 'ok  ' : 'FAIL'} ${o.rule.id}: ${o.case.name}${o.problem ? `\n     ${o.problem}` : ''}\n`);
    }
    // Both sides of every condition: a rule whose cases never make a condition fail is under-tested.
    let uncovered = 0;
    for (const rule of rules) {
      const gaps = uncoveredConditions(outcomes.filter((o) => o.rule === rule));
      if (gaps.length) uncovered++;
      for (const gap of gaps) process.stdout.write(`FAIL ${rule.id}: ${gap}\n`);
    }
    const total = outcomes.length + rules.length;
    const failures = failed.length + uncovered;
    process.stdout.write(`${total - failures} passed, ${failures} failed\n`);
    if (failures) process.exitCode = 1;
  },
};

export const rulesCommand: CommandModule = {
  command: 'rules <command>',
  describe: 'List, show, validate and test the rule catalog',
  builder: (y) => y.command(list).command(show).command(validate).command(test).demandCommand(1, 'Name a rules command: list, show, validate or test'),
  handler: () => {},
};
