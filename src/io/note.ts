// Notes for the user that are not errors (an encoding guessed, a date after --as-of): one line each on
// stderr, so that stdout stays the result.
export type Note = (text: string) => void;
export const stderrNote: Note = (text) => process.stderr.write(`huiqi: ${text}\n`);
