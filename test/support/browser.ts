// A headless Chromium for tests, from npm only (puppeteer-core driving @sparticuz/chromium, unpacked by
// ./chromium-setup.ts): no system browser and no system font. One browser per test file, launched on first
// use and shared by its tests; closeBrowser() in afterAll. Screenshots go to test-output/ for people to look at.
import chromium from '@sparticuz/chromium';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inject } from 'vitest';

let launched: Promise<Browser> | undefined;

export function browser(): Promise<Browser> {
  launched ??= puppeteer.launch({ executablePath: inject('chromiumPath'), args: chromium.args, headless: 'shell' });
  return launched;
}

export async function closeBrowser(): Promise<void> {
  const b = launched;
  launched = undefined;
  if (b) await (await b).close();
}

/** A fresh page of the given width (and height), JavaScript on unless told otherwise. */
export async function newPage(o: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<Page> {
  const page = await (await browser()).newPage();
  await page.setViewport({ width: o.width ?? 1000, height: o.height ?? 1200 });
  if (o.javaScript === false) await page.setJavaScriptEnabled(false);
  return page;
}

export const testOutputDir = join(import.meta.dirname, '..', '..', 'test-output');

/** Saves a screenshot (the full page unless told otherwise) as test-output/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(testOutputDir, { recursive: true });
  const path = join(testOutputDir, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: o.fullPage ?? true });
  return path;
}

/** The fonts Chromium actually drew a node's text with (DevTools protocol), e.g. [{ familyName, isCustomFont, glyphCount }]. */
export async function fontsUsedFor(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}
