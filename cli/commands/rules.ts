import type { Argv, CommandModule } from 'yargs';
import type { Lang } from '../../src/io/lang.ts';
import { runRulesList, runRulesShow, runRulesTest, runRulesValidate } from '../../src/report/rules-command.ts';
import { ruleKinds } from '../../src/rules/schema.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { formatOption, langOption, rulesOption } from '../options.ts';

const list: CommandModule<object, { rules: string; lang: Lang; jurisdiction?: string; kind?: string; format: 'table' | 'json'; json?: boolean }> = {
  command: 'list',
  describe: 'List every rule with its jurisdiction, kind and source',
  builder: (y) =>
    formatOption(langOption(rulesOption(y)), ['table', 'json'], 'table')
      // Checked once the rules are read: --rules DIR may hold jurisdictions the bundled rules have not.
      .option('jurisdiction', { type: 'string', describe: 'only this jurisdiction (a folder of the rules: national, chongqing, …)' })
      .option('kind', { choices: ruleKinds, describe: 'only this kind of measure' })
      .option('json', { type: 'boolean', describe: 'same as --format json (older name)' }),
  // An unknown --jurisdiction is an OptionError, reported by cli/main.ts as a usage error of that option.
  handler: (args) =>
    runRulesList({
      rules: loadRuleSet(args.rules), rulesDir: args.rules, lang: args.lang, format: args.json ? 'json' : args.format,
      ...(args.jurisdiction !== undefined && { jurisdiction: args.jurisdiction }),
      ...(args.kind && { kind: args.kind }),
    }),
};

const show: CommandModule<object, { id: string; rules: string; lang: Lang; format: 'text' | 'json' }> = {
  command: 'show <id>',
  describe: 'Show one rule: its source, quote, validity, conditions and outcome',
  builder: (y) =>
    formatOption(langOption(rulesOption(y)), ['text', 'json'], 'text').positional('id', { type: 'string', demandOption: true, describe: 'rule id, e.g. gacc-2023-127/late-fee-waiver' }),
  handler: (args) => runRulesShow({ id: args.id, rules: loadRuleSet(args.rules), lang: args.lang, format: args.format }),
};

/** `rules validate|test [dir]`: the folder as a positional (the older form) or --rules, as every command takes it. */
const rulesFolder = <T>(y: Argv<T>) =>
  formatOption(rulesOption(y).positional('dir', { type: 'string', describe: 'rules folder or file (same as --rules)' }), ['text', 'json'], 'text');

const validate: CommandModule<object, { dir?: string; rules: string; format: 'text' | 'json'; seeds?: string }> = {
  command: 'validate [dir]',
  describe: 'Validate rule files: schema, facts, operators and values, and every quote against its seed lines when the seeds are there (errors name file, rule and field)',
  builder: (y) =>
    rulesFolder(y).option('seeds', { type: 'string', describe: 'folder of the policy source texts to compare quotes with (default: sources/ in the package)' }),
  handler: (args) => runRulesValidate({ rules: loadRuleSet(args.dir ?? args.rules), rulesDir: args.dir ?? args.rules, format: args.format, ...(args.seeds !== undefined && { seedsDir: args.seeds }) }),
};

const test: CommandModule<object, { dir?: string; rules: string; format: 'text' | 'json'; verbose?: boolean; oracle?: boolean }> = {
  command: 'test [dir]',
  describe: "Run the rules' own test cases (profile in, expected status out) and check that they put every condition on both sides",
  builder: (y) =>
    rulesFolder(y)
      .option('verbose', { type: 'boolean', describe: 'list passing cases too' })
      .option('oracle', { type: 'boolean', describe: 'evaluate the cases with json-rules-engine (the reference semantics) instead of our own evaluator' }),
  handler: (args) =>
    runRulesTest({
      rules: loadRuleSet(args.dir ?? args.rules), format: args.format,
      ...(args.verbose !== undefined && { verbose: args.verbose }),
      ...(args.oracle !== undefined && { oracle: args.oracle }),
    }),
};

export const rulesCommand: CommandModule = {
  builder: (y) => y.command(list).command(show).command(validate).command(test).demandCommand(1, 'Name a rules command: list, show, validate or test'),
  handler: () => {},
};
