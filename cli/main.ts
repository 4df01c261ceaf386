// huiqi command line: parses arguments and calls src/. Exit codes: see ./exit-codes.ts.
import { setFlagsFromString } from 'node:v8';
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { OutputError, outputError } from '../src/io/output.ts';
import { InputError, OptionError } from '../src/io/input-error.ts';
import { version } from '../src/io/version.ts';
import { EXIT } from './exit-codes.ts';
import { refuseEmptyOptions, UsageError } from './usage-error.ts';

/**
 * The commands, named and described here for `huiqi --help`. A command's options and code (./commands/)
 * are loaded only when it is the command run: `huiqi --help` loads none of them, `huiqi check` only
 * check's (start-up, issue #8 §5). `any`: each command has its own argument type.
 */
// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
const commands: { command: string; describe: string; load: () => Promise<CommandModule<object, any>> }[] = [
  {
    command: 'check <profile>',
    describe: 'Check one enterprise profile against every rule: what applies, what does not and why, what is undetermined',
    load: async () => (await import('./commands/check.ts')).checkCommand,
  },
  { command: 'rules <command>', describe: 'List, show, validate and test the rules', load: async () => (await import('./commands/rules.ts')).rulesCommand },
  {
    command: 'report <profile>',
    describe: 'Write a client report: what applies (with sources), open questions, what it would take, deadlines',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  {
    command: 'ask <profile>',
    describe: 'Self-check: answer only the questions that decide undetermined measures (most decisive first), then see the result',
    load: async () => (await import('./commands/ask.ts')).askCommand,
  },
  {
    command: 'screen [input]',
    describe: 'Screen a list of enterprises (CSV, JSONL or XLSX, one per row) against every enterprise rule',
    load: async () => (await import('./commands/screen.ts')).screenCommand,
  },
  {
    command: 'calendar <profile>',
    describe: 'Write the deadlines of a profile or of every client of a list as a calendar (.ics) with reminders',
    load: async () => (await import('./commands/calendar.ts')).calendarCommand,
  },
  {
    command: 'serve',
    describe: 'Serve the self-check pages and the HTTP API (/api/v1) until stopped (SIGTERM or Ctrl-C)',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
];

// `huiqi check … | head` closes the pipe early: that is not an error. Any other failure (stdout
// redirected to a full disk) is one line and exit 3, never a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(`huiqi: ${outputError('-', error).message}\n`);
  process.exit(EXIT.unwritableOutput);
});

const cli = yargs(hideBin(process.argv))
  .scriptName('huiqi')
  .usage('惠企 huiqi: which trade-policy benefits apply to an enterprise, which do not and why, and what is still unknown.\n\nUsage: $0 <command> [options]')
  .demandCommand(1, 'Name a command: check, rules, …')
  .strict()
  .version(version)
  .help()
  .alias('h', 'help')
  .wrap(Math.min(110, process.stdout.columns || 100))
  .epilogue('Profiles are JSON or YAML (see samples/ and schema/profile.schema.json). Rules cite their source documents: `huiqi rules show <id>`.')
  .fail((message, error) => {
    throw error ?? new UsageError(message);
  })
  .middleware(() => refuseEmptyOptions(hideBin(process.argv)), true);

// The command named is the first word not an option (the top level has no option taking a value).
const named = hideBin(process.argv).find((arg) => !arg.startsWith('-'));
// Commands that read one profile and exit, tuned for that, not for the rows of a list or a server's
// requests: zod compiles a parser for an object schema on its first parse (`new Function`), which costs a
// cold check more than it saves (~100 ms of CPU); zod reads the setting as a schema is made, before any is
// loaded. And V8's young generation keeps its first size: loading the rules survives every collection,
// which would grow it to 16 MB (a cold check's peak RSS 83 MB against 73 MB, at the same speed).
if (named === 'check' || named === 'report' || named === 'ask') {
  (await import('zod')).config({ jitless: true });
  setFlagsFromString('--semi-space-growth-factor=1');
}
for (const { load, ...head } of commands) {
  const body = head.command.split(' ')[0] === named ? await load() : { handler: () => {} };
  cli.command({ ...head, ...body });
}

// A promise that never settles (a reader waiting for bytes that never come) would end the process with
// code 13 and nothing said: the process says what stopped and exits as for an unreadable input.
let finished = false;
process.once('beforeExit', () => {
  if (finished) return;
  process.stderr.write(`huiqi: stopped before finishing: an input could not be read to its end (a damaged file?)\n`);
  process.exit(EXIT.invalidInput);
});

try {
  await cli.parseAsync();
} catch (e) {
  const error = e as Error;
  if (error instanceof InputError && !(error instanceof OptionError)) {
    // With --lang zh the schema's messages (English) are said in Chinese: no English sentence.
    const args = hideBin(process.argv);
    const zh = args.some((a, i) => a === '--lang=zh' || (a === '--lang' && args[i + 1] === 'zh'));
    // Loaded only then: `huiqi --help` reaches no schema code (test/architecture/start-up.test.ts).
    const said = zh ? (await import('../src/profile/messages.ts')).messageIn(error.message, 'zh') : error.message;
    process.stderr.write(`huiqi: ${said}\n`);
    process.exitCode = EXIT.invalidInput;
  } else if (error instanceof OutputError) {
    process.stderr.write(`huiqi: ${error.message}\n`);
    process.exitCode = EXIT.unwritableOutput;
  } else if (error instanceof UsageError || error instanceof OptionError || error.name === 'YError') {
    // One line and where to read more, not the whole help: the mistake stays in view.
    const command = commandPath(hideBin(process.argv));
    process.stderr.write(`${command}: ${error.message.replace(/\s*\n\s*/g, ' ').trim()} (see \`${command} --help\`)\n`);
    process.exitCode = EXIT.usage;
  } else {
    throw error;
  }
} finally {
  finished = true;
}

/** `huiqi rules test`: the command words at the start of the arguments, for the pointer to its --help. */
function commandPath(args: string[]): string {
  const words = ['huiqi'];
  const [first, second] = args;
  if (first && ['check', 'report', 'ask', 'screen', 'rules', 'calendar'].includes(first)) {
    words.push(first);
    if (first === 'rules' && second && ['list', 'show', 'validate', 'test', 'diff'].includes(second)) words.push(second);
  }
  return words.join(' ');
}
