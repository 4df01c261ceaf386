/** A usage error: cli/main.ts prints it on one line with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
