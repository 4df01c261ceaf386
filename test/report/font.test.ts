// The CJK web font from @fontsource/noto-sans-sc: the subsets a text needs, embedded in the one-file report.
import { describe, expect, it } from 'vitest';
import { embeddedFontCss, fontFaceCss, fontSubsets } from '../../src/report/font.ts';

const covers = (cp: number) => fontSubsets().filter((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));

describe('Noto Sans SC subsets', () => {
  it('reads every woff2 subset of the regular weight with its unicode range', () => {
    expect(fontSubsets().length).toBeGreaterThan(90);
    expect(covers('惠'.codePointAt(0)!)).toHaveLength(1);
    expect(covers('A'.codePointAt(0)!).length).toBeGreaterThan(0);
  });

  it('embeds exactly the subsets covering the characters of the text', () => {
    const css = embeddedFontCss('惠 AEO');
    const files = new Set([...'惠 AEO'].flatMap((c) => covers(c.codePointAt(0)!).map((s) => s.file)));
    expect(css.match(/@font-face/g)).toHaveLength(files.size);
    for (const file of fontSubsets().map((s) => s.file)) expect(css.includes(`${file}`), file).toBe(false); // embedded, not linked
    expect(css).toContain(`unicode-range:${covers('惠'.codePointAt(0)!)[0]!.unicodeRange}`);
    expect(css).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\)/);
    expect(embeddedFontCss('')).toBe('');
  });

  it('points every subset at a served URL for the web page', () => {
    const css = fontFaceCss('/assets/fonts/');
    expect(css.match(/@font-face/g)).toHaveLength(fontSubsets().length);
    expect(css).toContain(`url(/assets/fonts/${fontSubsets()[0]!.file})`);
  });
});
