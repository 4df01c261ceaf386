// `npm ci` on the Node versions huiqi promises (package.json `engines`, the README) prints no EBADENGINE
// warning: every package the lock file installs supports the oldest Node promised. (light-my-request is
// pinned by an override in package.json: its 6.8 pulls cookie 2, which requires Node 22.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver comes with fastify; its own types are not installed, so only what is used is declared.
const semver = createRequire(import.meta.url)('semver') as { minVersion(range: string): { version: string } | null; satisfies(version: string, range: string): boolean };

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

describe('engines', () => {
  it('every locked package supports the oldest Node that package.json promises', () => {
    const promised = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    const oldest = semver.minVersion(promised)!.version;
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, p]) => {
        const node = !Array.isArray(p.engines) ? p.engines?.node : undefined;
        return node && !semver.satisfies(oldest, node) ? [`${path}@${p.version}: node ${node}`] : [];
      });
    expect(refusing, `Node ${oldest} (engines ${promised})`).toEqual([]);
    expect(readFileSync('README.md', 'utf8')).toContain(`Node.js ≥ ${oldest.replace(/\.0$/, '')}`);
  });
});
