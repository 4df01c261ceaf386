// vitest globalSetup: unpacks the Chromium shipped in the npm package @sparticuz/chromium (once per machine,
// to the OS temp folder; later runs find it there), so browser tests need nothing but `npm ci`. The path is
// handed to test files through vitest's provide/inject; each browser test file launches from it (./browser.ts).
import chromium from '@sparticuz/chromium';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromiumPath', await chromium.executablePath());
}
