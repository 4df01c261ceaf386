// What a command loads before it runs (issue #8 §5), as a property of the import graph rather than a
// timing: the modules a start loads are those reached by static imports (type-only imports are erased;
// `await import()` waits until a command needs it). `huiqi --help` must reach no command code, no zod,
// no yaml; a check must reach none of the packages only other commands use.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Static value imports of a module: relative ones resolved to package paths, bare ones as written. */
function staticImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)(?!\s+type\b)\s[^'"]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g)].map((m) => (m[1] ?? m[2])!);
  return {
    local: specifiers.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(dirname(join(root, file)), s))),
    packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => s.replace(/^((?:@[^/]+\/)?[^/]+).*/, '$1')),
  };
}

/** Every module and package a start from `entry` loads before any dynamic import. */
function loadedFrom(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const { local, packages: used } = staticImports(file);
    for (const p of used) packages.add(p);
    for (const l of local) visit(l);
  };
  visit(entry);
  return { modules, packages };
}

describe('start-up: what a command loads', () => {
  it('huiqi --help loads yargs and a few io modules, no command and no schema', () => {
    const { modules, packages } = loadedFrom('cli/main.ts');
    expect([...packages].sort()).toEqual(['yargs']);
    expect([...modules].filter((m) => m.startsWith('cli/commands/') || /^src\/(profile|facts|rules|engine|report|batch|server)\//.test(m))).toEqual([]);
  });

  it('a check loads neither json-rules-engine, exceljs, fastify nor the batch or the server', () => {
    const { modules, packages } = loadedFrom('cli/commands/check.ts');
    expect([...packages].filter((p) => ['json-rules-engine', 'exceljs', 'fastify', 'csv-parse'].includes(p) || p.startsWith('@fastify/'))).toEqual([]);
    expect([...modules].filter((m) => /^src\/(batch|server|ask)\//.test(m))).toEqual([]);
  });

  it('sees through a module to what it imports (the check itself can fail)', () => {
    const { packages } = loadedFrom('src/engine/reference.ts');
    expect(packages.has('json-rules-engine')).toBe(true);
  });
});
