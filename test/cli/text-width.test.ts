// cli/text-width.ts stands in for string-width in the bundled CLI (yargs lays its help out with it): it
// must give the same width on the text huiqi prints, the README's and the rule files' lines (ASCII,
// CJK, full-width and other punctuation) and on mixed samples (colours, marks, emoji).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import textWidth from '../../cli/text-width.ts';

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe('textWidth, string-width without Intl.Segmenter', () => {
  it('measures every line of the README and of the rule files as string-width does', () => {
    const lines = [readFileSync('README.md', 'utf8'), ...filesUnder('rules').map((f) => readFileSync(f, 'utf8'))].flatMap((text) => text.split('\n'));
    expect(lines.length).toBeGreaterThan(10_000);
    const differing = lines.filter((line) => textWidth(line) !== stringWidth(line)).slice(0, 5);
    expect(differing).toEqual([]);
  });

  it('measures colours, marks, wide forms and emoji as string-width does', () => {
    const samples = [
      '',
      'a',
      '古',
      '\u001B[1m古\u001B[22m',
      '\u001B[31mred\u001B[39m',
      'e\u0301',
      '（全角）',
      'ＡＢＣ',
      '한국어',
      '\u200Bzero',
      '✅ ok',
      '🚀',
      'tab\tx',
      '“引号”…—·',
    ];
    for (const s of samples) expect(textWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
  });
});
