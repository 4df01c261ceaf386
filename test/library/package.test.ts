// huiqi as a dependency: a project that imports 'huiqi' by name (through package.json `exports`) gets
// loadRuleSet (and check, screen) with their types, and they run; the README's library example runs as written. The package resolves to the build in
// dist/ (npm ci builds it); it is rebuilt first if a source is newer.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/index.ts';
import { builtAfter } from '../../src/io/freshness.js';
import { tempDir } from '../support/temp.ts';

const root = resolve('.');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const project = tempDir('consumer');

beforeAll(() => {
  if (!builtAfter(join(root, 'dist/src/index.d.ts'), [join(root, 'src')])) execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules/huiqi'));
  symlinkSync(join(root, 'node_modules/@types'), join(project, 'node_modules/@types'));
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'], outDir: 'out' } }),
  );
}, 300_000);

const typecheck = () => spawnSync(process.execPath, [tsc, '-p', '.', '--noEmit'], { cwd: project, encoding: 'utf8' });

describe("import { loadRuleSet } from 'huiqi'", () => {
  it('type-checks and runs in a project that depends on huiqi', async () => {
    const profile = { name: '重庆甲公司', uscc: '91500000MA5U00000W', customsCredit: 'advanced', province: '重庆', crossBorderEcommerceEnterprise: true };
    writeFileSync(
      join(project, 'use.ts'),
      `import { loadRuleSet, check, screen, type CheckReport, type Summary } from 'huiqi';
const rules = loadRuleSet();
const report: CheckReport = await rules.check(${JSON.stringify(profile)}, { asOf: '2025-06-30' });
const eligible: string[] = report.results.filter((r) => r.status === 'eligible').map((r) => r.ruleId);
const again: CheckReport = await check(${JSON.stringify(profile)}, { rules, asOf: '2025-06-30' });
if (JSON.stringify(again) !== JSON.stringify(report)) throw new Error('check() and rules.check() differ');
const summary: Summary = await screen(${JSON.stringify(join(root, 'samples/enterprises.csv'))}, { rules, output: 'out.csv', asOf: '2025-06-30' });
console.log(JSON.stringify({ eligible, rows: summary.rowsIn, errors: summary.errors }));
`,
    );
    const compiled = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    const run = spawnSync(process.execPath, ['out/use.js'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    // The same as the sources give in this process.
    const report = await loadRuleSet().check(profile, { asOf: '2025-06-30' });
    expect(out.eligible).toEqual(report.results.filter((r) => r.status === 'eligible').map((r) => r.ruleId));
    expect(out.eligible.length).toBeGreaterThan(0);
    expect(out).toMatchObject({ rows: 300, errors: 12 });
  }, 300_000);

  it('gives types a wrong call fails to compile against', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { loadRuleSet } from 'huiqi';\nconst r = await loadRuleSet().check({}, { asOf: 20250630 });\nconst n: number = r.huiqiVersion;\n`,
    );
    const out = typecheck();
    expect(out.status).not.toBe(0);
    expect(out.stdout).toContain("Type 'number' is not assignable to type 'string'");
  }, 300_000);

  it("runs the README's library example as written", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## As a library'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code, 'a ```ts block under "## As a library"').toBeDefined();
    const dir = join(project, 'readme');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'samples'))) symlinkSync(join(root, 'samples'), join(dir, 'samples'));
    writeFileSync(join(project, 'use.ts'), 'export {};\n'); // the other tests' file, some made not to compile
    writeFileSync(join(project, 'readme-example.ts'), code!);
    const compiled = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    const run = spawnSync(process.execPath, [join(project, 'out/readme-example.js')], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // It printed what it says it prints: eligible rules with their document, the questions, the list's rows.
    expect(run.stdout).toMatch(/^\S+\/\S+ .+ .+ .+$/m);
    expect(run.stdout).toContain('300 12');
    expect(existsSync(join(dir, 'screened.csv'))).toBe(true);
  }, 300_000);
});
