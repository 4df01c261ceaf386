// Messages about many things stay short: a header with 100,000 unknown columns is named by its first few
// and a count, not in one line of megabytes.

/** How many items a message names before it counts the rest. */
export const NAMED_IN_A_MESSAGE = 5;

/** `"a", "b", "c"`, or the first few and a count: `"a", "b", "c", "d", "e" and 99,995 more`. */
export function firstFew(items: readonly string[], shown = NAMED_IN_A_MESSAGE): string {
  if (items.length <= shown + 1) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${(items.length - shown).toLocaleString('en-US')} more`;
}

/** The first few of a list of problems (one a line), then a count of the rest. */
export function firstFewLines(lines: readonly string[], shown = 20): string[] {
  if (lines.length <= shown + 1) return [...lines];
  return [...lines.slice(0, shown), `… and ${(lines.length - shown).toLocaleString('en-US')} more`];
}
