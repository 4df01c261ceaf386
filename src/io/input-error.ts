// The one error a user can fix by changing the input: the CLI prints its message (naming the file, row or
// field) and exits 1. Its own module so that every reader can throw it without importing the others.
/** An input problem the user can fix: the CLI prints the message and exits 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * An option's value that the input rules out, known only once the input is read (a jurisdiction the
 * loaded rule set has not): cli/main.ts reports it as a usage error of that option (one line, exit 2).
 */
export class OptionError extends InputError {
  override name = 'OptionError';
}

/** An input beyond one of the limits of ./limits.ts (nesting depth, what an XLSX expands to): the message names the limit. */
export class LimitError extends InputError {
  override name = 'LimitError';
}
