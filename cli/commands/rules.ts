import type { Argv, CommandModule } from 'yargs';
import type { Lang } from '../../src/io/lang.ts';
import { runRulesList, runRulesShow, runRulesTest, runRulesValidate } from '../../src/report/rules-command.ts';
import { ruleKinds } from '../../src/rules/schema.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { asOfOption, evaluationDate, formatOption, langOption, outputOption, rulesOption } from '../options.ts';

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
      rules: loadRuleSet(args.rules),
      rulesDir: args.rules,
      lang: args.lang,
      format: args.json ? 'json' : args.format,
      ...(args.jurisdiction !== undefined && { jurisdiction: args.jurisdiction }),
      ...(args.kind && { kind: args.kind }),
    }),
};

const show: CommandModule<object, { id: string; rules: string; lang: Lang; format: 'text' | 'json' }> = {
  command: 'show <id>',
  describe: 'Show one rule: its source, quote, validity, conditions and outcome',
  builder: (y) =>
    formatOption(langOption(rulesOption(y)), ['text', 'json'], 'text').positional('id', {
      type: 'string',
      demandOption: true,
      describe: 'rule id, e.g. gacc-2023-127/late-fee-waiver',
    }),
  handler: (args) => runRulesShow({ id: args.id, rules: loadRuleSet(args.rules), lang: args.lang, format: args.format }),
};

/** `rules validate|test [dir]`: the folder as a positional (the older form) or --rules, as every command takes it. */
const rulesFolder = <T>(y: Argv<T>) =>
  formatOption(rulesOption(y).positional('dir', { type: 'string', describe: 'rules folder or file (same as --rules)' }), ['text', 'json'], 'text');

const validate: CommandModule<object, { dir?: string; rules: string; format: 'text' | 'json'; seeds?: string }> = {
  command: 'validate [dir]',
  describe: 'Validate rule files: schema, facts, operators and values, and every quote against its seed lines when the seeds are there (errors name file, rule and field)',
  builder: (y) => rulesFolder(y).option('seeds', { type: 'string', describe: 'folder of the policy source texts to compare quotes with (default: sources/ in the package)' }),
  handler: (args) =>
    runRulesValidate({
      rules: loadRuleSet(args.dir ?? args.rules),
      rulesDir: args.dir ?? args.rules,
      format: args.format,
      ...(args.seeds !== undefined && { seedsDir: args.seeds }),
    }),
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
      rules: loadRuleSet(args.dir ?? args.rules),
      format: args.format,
      ...(args.verbose !== undefined && { verbose: args.verbose }),
      ...(args.oracle !== undefined && { oracle: args.oracle }),
    }),
};

const diff: CommandModule<object, { old: string; new: string; list?: string; lang: Lang; format: 'text' | 'json'; asOf?: string; output?: string }> = {
  command: 'diff <old> <new>',
  describe: 'What changed between two rule folders: documents and rules added, removed and changed (conditions, validity, outcome); with --list, the clients each change touches',
  builder: (y) =>
    outputOption(asOfOption(formatOption(langOption(y), ['text', 'json'], 'text')))
      .positional('old', { type: 'string', demandOption: true, describe: 'the older rules folder' })
      .positional('new', { type: 'string', demandOption: true, describe: 'the newer rules folder' })
      .option('list', {
        type: 'string',
        describe: 'a list of clients (CSV, XLSX, JSONL as huiqi screen reads it) or a screening result: name the clients whose verdict on each changed rule differs',
      })
      .example('$0 rules diff rules-2025-06/ rules/', 'what the rules changed since June')
      .example('$0 rules diff rules-2025-06/ rules/ --list screened.csv --as-of 2025-12-31', 'and which clients each change touches') as unknown as Argv<{
      old: string;
      new: string;
      list?: string;
      lang: Lang;
      format: 'text' | 'json';
      asOf?: string;
      output?: string;
    }>,
  handler: async (args) => {
    const { runRulesDiff } = await import('../../src/changes/run.ts');
    const asOf = evaluationDate(args.asOf);
    await runRulesDiff({
      oldDir: args.old,
      newDir: args.new,
      before: loadRuleSet(args.old),
      after: loadRuleSet(args.new),
      asOf,
      lang: args.lang,
      format: args.format,
      ...(args.list !== undefined && { list: args.list }),
      ...(args.output !== undefined && { output: args.output }),
    });
  },
};

export const rulesCommand: CommandModule = {
  builder: (y) => y.command(list).command(show).command(validate).command(test).command(diff).demandCommand(1, 'Name a rules command: list, show, validate, test or diff'),
  handler: () => {},
};
