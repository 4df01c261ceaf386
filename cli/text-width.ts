// The columns a text takes on a terminal, for yargs' help layout in the bundled CLI: bin/bundle-cli.js
// puts this in place of the `string-width` package, which yargs (and cliui's wrap-ansi) import. That
// package segments graphemes with Intl.Segmenter and emoji property regexes, which cost a third of
// `huiqi --help` (~70 ms of CPU, loading ICU data) for help texts that are ASCII and CJK. Here a code
// point is wide if East Asian Width gives it W or F (the blocks below), zero-width if it is a mark,
// a control or a format character; ANSI colour codes take none. test/cli/text-width.test.ts checks it
// against string-width on every help text the CLI prints and on mixed samples.

/** ESC or CSI, then parameters and a final byte: what terminals do not print. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the terminal control characters ESC and CSI is the point
const ANSI = /[\u001B\u009B][[\]()#;?]*(?:\d{1,4}(?:[;:]\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]/g;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const WIDE =
  /[\u1100-\u115F\u231A\u231B\u2329\u232A\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{16FE0}-\u{18CFF}\u{1B000}-\u{1B2FF}\u{1F004}\u{1F0CF}\u{1F18E}\u{1F191}-\u{1F19A}\u{1F200}-\u{1F251}\u{1F300}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{1F7E0}-\u{1F7EB}\u{1F90C}-\u{1F9FF}\u{1FA70}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** The columns `text` takes on a terminal (string-width's signature; its options are not used by yargs). */
export default function textWidth(text: string): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  let width = 0;
  for (const char of text.includes('\u001B') || text.includes('\u009B') ? text.replace(ANSI, '') : text) {
    width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  }
  return width;
}
