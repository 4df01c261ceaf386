// The bundled CLI (bin/bundle-cli.js, what `npm run build` writes to dist/bundle/ and bin/huiqi.js runs
// when it is fresh) says what the sources say: the same help texts, where text-width.ts replaces
// string-width, the same check, and a usage error the same way. Bundled into a folder of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const outdir = join(root, 'dist', `bundle-test-${process.pid}`);

beforeAll(() => {
  execFileSync(process.execPath, ['bin/bundle-cli.js', outdir], { cwd: root, stdio: 'inherit' });
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const bundled = (args: string[]) => spawnSync(process.execPath, [join(outdir, 'huiqi.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const fromSource = (args: string[]) =>
  spawnSync(process.execPath, ['bin/huiqi.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, HUIQI_FROM_SOURCE: '1' }, timeout: 60_000 });

const same = (args: string[]) => {
  const [a, b] = [bundled(args), fromSource(args)];
  expect({ status: a.status, stdout: a.stdout, stderr: a.stderr }).toEqual({ status: b.status, stdout: b.stdout, stderr: b.stderr });
  return a;
};

describe('the bundled CLI', () => {
  it.each([[['--help']], [['check', '--help']], [['screen', '--help']], [['rules', 'list', '--help']]])(
    'prints the help of %j as the sources do',
    (args) => {
      expect(same(args).stdout).toContain('huiqi');
    },
    120_000,
  );

  it('checks a profile as the sources do', () => {
    const run = same(['check', 'samples/aeo-manufacturer-chongqing.yaml', '--as-of', '2025-06-30', '--format', 'json']);
    expect(JSON.parse(run.stdout).results.length).toBeGreaterThan(0);
  }, 120_000);

  it('reports a usage error as the sources do', () => {
    expect(same(['check', 'samples/aeo-manufacturer-chongqing.yaml', '--lang', 'fr']).status).toBe(2);
  }, 120_000);
});
