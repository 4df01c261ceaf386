// huiqi's exit codes, in one table: the CLI, its tests and the README's table all refer to these.
export const EXIT = {
  /** Done (bad rows of a screened list are reported in the output, not by the exit code). */
  ok: 0,
  /** Invalid input: the message names the file, row or field. */
  invalidInput: 1,
  /** Usage error: an unknown option or a bad option value. */
  usage: 2,
  /** Unwritable output: a missing folder, a folder, a full disk; the message names the path. */
  unwritableOutput: 3,
} as const;
