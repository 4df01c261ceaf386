// Exit codes of every command, documented in the README's table (test/cli/conventions.test.ts checks both agree).
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;
