// The CJK web font (Noto Sans SC, regular weight, from the npm package @fontsource/noto-sans-sc), so Chinese
// renders on a machine without a Chinese system font. The package splits the font into ~100 woff2 subsets,
// each with the `unicode-range` it covers; a page loads only the subsets its text uses. Two uses:
// the web page serves the files (fontFaceCss with a URL prefix), the one-file HTML report embeds the
// subsets its own text needs as data: URLs (embeddedFontCss). Bold is synthesized from the regular weight.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'Noto Sans SC';

export interface FontSubset {
  /** The woff2 file name inside the package's files/ folder. */
  file: string;
  /** As the package's CSS writes it, e.g. `U+4e00-4e5f,U+3000`. */
  unicodeRange: string;
  ranges: [number, number][];
}

/** The package folder: resolved through its exports (`./*` maps to `./*.css`). */
const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));
export const fontFilesDir = join(packageDir, 'files');

let subsets: FontSubset[] | undefined;

/** The regular-weight subsets, read once from the package's own 400.css. */
export function fontSubsets(): readonly FontSubset[] {
  if (subsets) return subsets;
  const css = readFileSync(join(packageDir, '400.css'), 'utf8');
  subsets = [...css.matchAll(/url\(\.\/files\/([\w.-]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map(([, file, range]) => ({
    file: file!,
    unicodeRange: range!.trim(),
    ranges: range!.split(',').map((r) => {
      const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
    }),
  }));
  if (!subsets.length) throw new Error(`@fontsource/noto-sans-sc: no woff2 subset found in ${join(packageDir, '400.css')}`);
  return subsets;
}

const face = (src: string, unicodeRange: string) =>
  `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:400;font-display:swap;src:url(${src}) format('woff2');unicode-range:${unicodeRange};}`;

/** @font-face rules for every subset, each file under `urlPrefix` (e.g. `/assets/fonts/`): the browser fetches only those its text needs. */
export function fontFaceCss(urlPrefix: string): string {
  return fontSubsets()
    .map((s) => face(`${urlPrefix}${s.file}`, s.unicodeRange))
    .join('\n');
}

/** @font-face rules embedding, as data: URLs, the subsets that cover a character of `text` (a zh report: about 17 subsets, ~520 kB; the Latin one included, so no system font is needed). */
export function embeddedFontCss(text: string): string {
  const codePoints = new Set<number>();
  for (const c of text) codePoints.add(c.codePointAt(0)!);
  const needed = fontSubsets().filter((s) => [...codePoints].some((cp) => s.ranges.some(([a, b]) => cp >= a && cp <= b)));
  return needed.map((s) => face(`data:font/woff2;base64,${readFileSync(join(fontFilesDir, s.file)).toString('base64')}`, s.unicodeRange)).join('\n');
}
