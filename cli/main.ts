// huiqi command line: parses arguments and calls src/. Exit codes: see ./exit-codes.ts.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { OutputError, outputError } from '../src/io/output.ts';
import { InputError } from '../src/io/input-error.ts';
import { version } from '../src/io/version.ts';
import { checkCommand } from './commands/check.ts';
import { rulesCommand } from './commands/rules.ts';
import { reportCommand } from './commands/report.ts';
import { askCommand } from './commands/ask.ts';
import { screenCommand } from './commands/screen.ts';
import { serveCommand } from './commands/serve.ts';
import { EXIT } from './exit-codes.ts';
import { UsageError } from './options.ts';

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
  .command(checkCommand)
  .command(rulesCommand)
  .command(reportCommand)
  .command(askCommand)
  .command(screenCommand)
  .command(serveCommand)
  .demandCommand(1, 'Name a command: check, rules, …')
  .strict()
  .version(version)
  .help()
  .alias('h', 'help')
  .wrap(Math.min(110, process.stdout.columns || 100))
  .epilogue('Profiles are JSON or YAML (see samples/ and schema/profile.schema.json). Rules cite their source documents: `huiqi rules show <id>`.')
  .fail((message, error) => {
    throw error ?? new UsageError(message);
  });

try {
  await cli.parseAsync();
} catch (e) {
  const error = e as Error;
  if (error instanceof InputError) {
    process.stderr.write(`huiqi: ${error.message}\n`);
    process.exitCode = EXIT.invalidInput;
  } else if (error instanceof OutputError) {
    process.stderr.write(`huiqi: ${error.message}\n`);
    process.exitCode = EXIT.unwritableOutput;
  } else if (error instanceof UsageError || error.name === 'YError') {
    // One line and where to read more, not the whole help: the mistake stays in view.
    const command = commandPath(hideBin(process.argv));
    process.stderr.write(`${command}: ${error.message.replace(/\s*\n\s*/g, ' ').trim()} (see \`${command} --help\`)\n`);
    process.exitCode = EXIT.usage;
  } else {
    throw error;
  }
}

/** `huiqi rules test`: the command words at the start of the arguments, for the pointer to its --help. */
function commandPath(args: string[]): string {
  const words = ['huiqi'];
  const [first, second] = args;
  if (first && ['check', 'report', 'ask', 'screen', 'rules'].includes(first)) {
    words.push(first);
    if (first === 'rules' && second && ['list', 'show', 'validate', 'test'].includes(second)) words.push(second);
  }
  return words.join(' ');
}
