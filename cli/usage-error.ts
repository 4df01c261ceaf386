/** A usage error: cli/main.ts prints it on one line with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Options given an empty value (`--as-of ""`, `-o ''`, `--sheet=`, `--port ''`): a usage error on every
 * command, never taken as the option left out (a script with an unset variable would otherwise evaluate at
 * today's date, write to standard output or listen on any port). Read from the arguments as typed, since
 * yargs turns an empty number into 0.
 */
export function refuseEmptyOptions(args: readonly string[]): void {
  const empty: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--') return;
    const inline = /^(--?[^=\s]+)=$/.exec(arg);
    if (inline) empty.push(inline[1]!);
    else if (/^--?[^-\d]/.test(arg) && !arg.includes('=') && args[i + 1] === '') empty.push(arg);
  });
  if (empty.length) throw new UsageError(`${empty.join(', ')}: empty value (give a value, or leave the option out)`);
}
