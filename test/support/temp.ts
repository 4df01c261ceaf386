// Temporary folders for a test file, removed when its tests are done, so that no run leaves huiqi-*
// folders behind in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file first imports this module (each test file has its own module graph).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder `huiqi-NAME-…` in the system's temporary folder, removed after the test file's tests. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `huiqi-${name}-`));
  made.push(dir);
  return dir;
}
